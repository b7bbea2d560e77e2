package eligo.io;

import eligo.data.Dataset;
import eligo.data.DatasetColumns;
import eligo.data.Measure;
import eligo.data.Month;
import eligo.data.UsageMonths;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * A loaded, validated dataset stored whole in one binary file, so that a later run on the same data
 * reads its columns back instead of parsing CSV.
 *
 * <p>Layout (little-endian): a magic line and version, the {@link DataFingerprint} the data had,
 * the dataset's columns ({@link DatasetColumns}, arrays with their lengths), then what the load
 * said (file counts, association type texts, rejected rows); then a trailer: the body's length, its
 * CRC-32C and an end mark. A file whose trailer, length, checksum or fingerprint does not match is
 * not used: {@link #read} says why, and the caller loads the CSV again.
 *
 * <p>Reading streams the file once through a small buffer, mapping the usage rows' columns instead
 * of reading them, and never allocates an array longer than the bytes left in the file, so a
 * damaged length cannot ask for more memory than the file could fill. The body's checksum is worked
 * out meanwhile on every core, in parts ({@link Crc32cParts}), and nothing read is used unless it
 * matches. The file stays open while its dataset is in use: the evaluation reads the mapped rows by
 * offset from it ({@link SnapshotRows}).
 */
public final class SnapshotFile {
  private static final byte[] MAGIC = "ELIGO SNAPSHOT\n".getBytes(StandardCharsets.US_ASCII);
  // 2: attributes of customers and tenants; 3: customers in the order of the results
  // (LoadTables.orderCustomers), so that a snapshot of before is made again in the new order;
  // 4: a column of strings is its lengths, then its bytes (SnapshotOut.strings), read in two
  // copies;
  // 5: the customers' partner ids as runs (SnapshotOut.repeats); 6: the header has its own
  // checksum; 7: the months at the ends of the usage rows (UsageMonths), after their month column
  private static final int VERSION = 7;
  static final long END = 0x444e45544f4e5345L; // "ESNOTEND" read little-endian
  static final int TRAILER = 24;
  static final int BUFFER = 1 << 20;

  private SnapshotFile() {}

  /** A snapshot read back: the load it holds, or why it cannot be used. */
  public record Read(LoadResult loaded, String problem) {
    public boolean usable() {
      return loaded != null;
    }
  }

  /**
   * The checksum of a snapshot's header, written right after it: the record of the data it was
   * written from is checked before it is compared with the data, so that a damaged header is called
   * damaged, not taken for other data (the whole file's checksum is known only at its end).
   */
  static int headerCheck(String fingerprint) {
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(
        ("eligo snapshot " + VERSION + "\n" + fingerprint)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  /** Writes {@code loaded}, loaded from data of {@code fingerprint}, to {@code target}. */
  public static void write(Path target, String fingerprint, LoadResult loaded) throws IOException {
    OutputFile.write(target, out -> write(out, fingerprint, loaded));
  }

  static void write(OutputStream os, String fingerprint, LoadResult loaded) throws IOException {
    SnapshotOut out = new SnapshotOut(os);
    out.bytes(MAGIC);
    out.i32(VERSION);
    out.string(fingerprint);
    out.i32(headerCheck(fingerprint));
    DatasetColumns c = DatasetColumns.of(loaded.dataset());
    out.repeats(c.partnerIds());
    out.texts(c.customerIds());
    out.texts(c.customerNames());
    out.ints(c.customerTenantStart());
    out.texts(c.tenantIds());
    out.texts(c.tenantNames());
    out.ints(c.tenantPairStart());
    out.strings(c.workloadNames());
    out.strings(c.workloadFamilies());
    out.strings(c.typeNames());
    out.ints(c.pairWorkload());
    // the usage rows pair after pair, so that a run from the snapshot, which goes through the
    // pairs in order, reads them front to back (a load that left them in the file's order has
    // them all over the memory)
    SnapshotOut.Rows rows = SnapshotOut.Rows.of(c);
    out.ints(rows.start());
    out.ints(rows.end());
    out.ints(c.pairAssocStart());
    out.ints(c.rowMonth(), rows);
    UsageMonths months = loaded.dataset().usageMonths();
    out.i32(months.latest());
    out.i32(months.beforeLatest());
    out.i32(months.afterEarliest());
    out.i32(months.earliest());
    out.i32(Measure.values().length);
    for (int k = 0; k < Measure.values().length; k++) {
      if (c.rowNarrow()[k] != null) {
        out.i32(1);
        out.ints(c.rowNarrow()[k], rows);
      } else {
        out.i32(0);
        out.longs(c.rowMeasures()[k], rows);
      }
    }
    out.ints(c.assocType());
    out.ints(c.assocStartMonth());
    out.ints(c.assocEndMonth());
    out.strings(c.customerColumns());
    out.strings(c.customerAttrNames());
    for (String[] column : c.customerAttrValues()) {
      out.strings(column);
    }
    out.strings(c.tenantColumns());
    out.strings(c.tenantAttrNames());
    for (String[] column : c.tenantAttrValues()) {
      out.strings(column);
    }
    out.i32(loaded.counts().size());
    for (LoadResult.FileCounts fc : loaded.counts()) {
      out.string(fc.file());
      out.i64(fc.read());
      out.i64(fc.used());
      out.i64(fc.rejected());
    }
    out.i32(loaded.typesInData().size());
    for (Map.Entry<String, LoadResult.TypeUse> e : loaded.typesInData().entrySet()) {
      out.string(e.getKey());
      out.i64(e.getValue().rows());
      out.i64(e.getValue().firstLine());
      out.i32(e.getValue().declared() ? 1 : 0);
    }
    out.i32(loaded.rejects().size());
    for (DataError r : loaded.rejects()) {
      out.string(r.file());
      out.i64(r.line());
      out.string(r.message());
      out.string(r.row());
    }
    out.finish();
  }

  /**
   * Reads {@code file} back when it holds data of {@code fingerprint}; otherwise says why not
   * (missing, from other data, truncated, damaged). Never throws for a bad file.
   */
  public static Read read(Path file, String fingerprint) {
    String withoutHashes = DataFingerprint.withoutHashes(fingerprint);
    return read(
        file,
        written -> written.equals(withoutHashes) ? null : "the data changed since it was written",
        () -> withoutHashes,
        () -> fingerprint,
        false);
  }

  /**
   * {@link #read(Path, String)} while the data's files are still being hashed and the load's other
   * parts of the fingerprint (the criteria's association types and attributes) are still being
   * found: the snapshot is read when its fingerprint without the hashes has the files' sizes and
   * modification times {@code stats} ({@link DataFingerprint#statsOf}), and then kept only when
   * that fingerprint is the one {@code withoutHashes} gives and the whole the one {@code
   * fingerprint} gives.
   */
  public static Read read(
      Path file,
      String stats,
      java.util.function.Supplier<String> withoutHashes,
      java.util.function.Supplier<String> fingerprint) {
    return read(file, stats, withoutHashes, fingerprint, false);
  }

  /**
   * {@link #read(Path, String, java.util.function.Supplier, java.util.function.Supplier)}, with the
   * usage rows' columns read onto the heap when {@code inMemory} (for a server, which keeps them
   * for hours), else mapped from the file and read in place (checked before an output made from
   * them is kept: {@link eligo.data.Dataset#checkBacking}).
   */
  public static Read read(
      Path file,
      String stats,
      java.util.function.Supplier<String> withoutHashes,
      java.util.function.Supplier<String> fingerprint,
      boolean inMemory) {
    return read(
        file,
        written -> {
          if (DataFingerprint.sameFiles(written, stats)) {
            return null;
          }
          String files = DataFingerprint.changedFiles(written, stats);
          return "the data changed since it was written" + (files.isEmpty() ? "" : ": " + files);
        },
        withoutHashes,
        fingerprint,
        inMemory);
  }

  private static Read read(
      Path file,
      java.util.function.Function<String, String> unreadable,
      java.util.function.Supplier<String> withoutHashes,
      java.util.function.Supplier<String> fingerprint,
      boolean inMemory) {
    FileState opened = FileState.of(file);
    FileChannel ch = null;
    boolean keepOpen = false;
    try {
      ch = FileChannel.open(file, StandardOpenOption.READ);
      long size = ch.size();
      if (size < MAGIC.length + 4 + TRAILER) {
        return new Read(null, "it is truncated");
      }
      ByteBuffer trailer = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
      while (trailer.hasRemaining()) {
        if (ch.read(trailer, size - TRAILER + trailer.position()) < 0) {
          return new Read(null, "it is truncated");
        }
      }
      trailer.flip();
      long body = trailer.getLong();
      long crc = trailer.getLong();
      if (trailer.getLong() != END || body != size - TRAILER) {
        return new Read(null, "it is truncated or is not a snapshot");
      }
      SnapshotIn in = new SnapshotIn(ch, body, !inMemory);
      byte[] magic = new byte[MAGIC.length];
      in.bytes(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        return new Read(null, "it is not a snapshot");
      }
      if (in.i32() != VERSION) {
        return new Read(null, "it was written by another version of Eligo");
      }
      String written = in.string();
      if (in.i32() != headerCheck(written)) {
        // before the record of the data is believed: damage there is not other data
        return new Read(null, "it is damaged (the checksum of its header)");
      }
      String writtenWithoutHashes = DataFingerprint.withoutHashes(written);
      String why = unreadable.apply(writtenWithoutHashes);
      if (why != null) {
        return new Read(null, why);
      }
      // the checksum of the whole body, on every core while the body is read here: a million
      // customers' 2.5 GB took the reading thread 0.4 to 0.7 s when it was worked out on the way
      ExecutorService checkers =
          DaemonThreads.pool(
              Math.max(1, Runtime.getRuntime().availableProcessors()), "eligo-snapshot-check");
      Crc32cParts sum = Crc32cParts.start(ch, 0, body, checkers);
      LoadResult loaded;
      // the rows mapped are read by offset from this channel, kept open for them (SnapshotRows)
      SnapshotRows rows =
          inMemory
              ? null
              : new SnapshotRows(
                  ch, opened == null ? Dataset.Backing.NONE : opened.backing(file), in.mapped());
      try {
        loaded = body(in, rows == null ? Dataset.Backing.NONE : rows);
        if (in.remaining() != 0 || sum.value() != crc) {
          return new Read(null, "it is damaged (checksum)");
        }
      } finally {
        sum.cancel();
        checkers.shutdown();
      }
      if (!writtenWithoutHashes.equals(withoutHashes.get())) {
        return new Read(
            null, "it was written for other association types, attributes or bad-rows mode");
      }
      if (!written.equals(fingerprint.get())) {
        return new Read(null, "the data changed since it was written");
      }
      keepOpen = rows != null && !in.mapped().isEmpty();
      return new Read(loaded, null);
    } catch (NoSuchFileException e) {
      return new Read(null, "there is none yet");
    } catch (SnapshotIn.Damaged | IllegalArgumentException e) {
      return new Read(null, "it is damaged (" + e.getMessage() + ")");
    } catch (IOException e) {
      return new Read(null, "it cannot be read (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Read(null, "it cannot be read (interrupted)");
    } finally {
      if (ch != null && !keepOpen) {
        try {
          ch.close();
        } catch (IOException e) {
          // a channel only read from: nothing is lost
        }
      }
    }
  }

  /**
   * A file's identity and state: its file key (device and inode), size, modification and change
   * times. Written over in place, a file keeps its key and changes its change time (which no
   * program sets); replaced by a rename (as Eligo writes), the path names another file, and the one
   * mapped stays whole.
   */
  private record FileState(Object key, long size, Object modified, Object changed) {
    static FileState of(Path file) {
      try {
        java.util.Map<String, Object> a =
            Files.readAttributes(file, "unix:fileKey,size,lastModifiedTime,ctime");
        return new FileState(
            a.get("fileKey"), (Long) a.get("size"), a.get("lastModifiedTime"), a.get("ctime"));
      } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
        return null; // no such file, or a file system without these: nothing to compare
      }
    }

    /** The check that {@code file} is still this file, unchanged. */
    Dataset.Backing backing(Path file) {
      return () -> {
        FileState now = of(file);
        if (now != null && key != null && key.equals(now.key) && !equals(now)) {
          throw new IOException(
              "the snapshot "
                  + file
                  + " was written over while this command read it (a copy over it in place?);"
                  + " nothing was written: run again");
        }
      };
    }
  }

  private static LoadResult body(SnapshotIn in, Dataset.Backing backing) throws IOException {
    String[] partnerIds = in.stringsSharingRepeats();
    // as their bytes, on the heap: no string is made until one is asked for (a million customers'
    // ids made at the read took young collections promoting them, 0.16 s of pauses)
    eligo.data.TextColumn customerIds = in.texts(Integer.MAX_VALUE - 16, false);
    eligo.data.TextColumn customerNames = in.texts();
    int[] customerTenantStart = in.ints();
    eligo.data.TextColumn tenantIds = in.texts();
    eligo.data.TextColumn tenantNames = in.texts();
    int[] tenantPairStart = in.ints();
    String[] workloadNames = in.strings();
    String[] workloadFamilies = in.strings();
    String[] typeNames = in.strings();
    int[] pairWorkload = in.ints();
    int[] pairRowStart = in.ints();
    int[] pairRowEnd = in.ints();
    int[] pairAssocStart = in.ints();
    // the usage rows' columns, the bulk of the file, are mapped, not read onto the heap
    IntBuffer rowMonth = in.mappedInts();
    // the months at the ends, so that the dataset does not scan the mapped month column for them
    UsageMonths months = new UsageMonths(in.i32(), in.i32(), in.i32(), in.i32());
    if (!months.plausible() || (months.latest() == Month.NONE) != (rowMonth.limit() == 0)) {
      throw new SnapshotIn.Damaged("usage months");
    }
    int measures = in.i32();
    if (measures != Measure.values().length) {
      throw new SnapshotIn.Damaged("measures");
    }
    LongBuffer[] rowMeasures = new LongBuffer[measures];
    IntBuffer[] rowNarrow = new IntBuffer[measures];
    for (int k = 0; k < measures; k++) {
      if (in.i32() == 1) {
        rowNarrow[k] = in.mappedInts();
      } else {
        rowMeasures[k] = in.mappedLongs();
      }
    }
    int[] assocType = in.ints();
    int[] assocStartMonth = in.ints();
    int[] assocEndMonth = in.ints();
    String[] customerColumns = in.strings();
    String[] customerAttrNames = in.strings();
    String[][] customerAttrValues = new String[customerAttrNames.length][];
    for (int k = 0; k < customerAttrValues.length; k++) {
      customerAttrValues[k] = in.strings();
    }
    String[] tenantColumns = in.strings();
    String[] tenantAttrNames = in.strings();
    String[][] tenantAttrValues = new String[tenantAttrNames.length][];
    for (int k = 0; k < tenantAttrValues.length; k++) {
      tenantAttrValues[k] = in.strings();
    }
    DatasetColumns columns =
        new DatasetColumns(
            partnerIds,
            customerIds,
            customerNames,
            customerTenantStart,
            tenantIds,
            tenantNames,
            tenantPairStart,
            workloadNames,
            workloadFamilies,
            typeNames,
            pairWorkload,
            pairRowStart,
            pairRowEnd,
            pairAssocStart,
            rowMonth,
            rowMeasures,
            rowNarrow,
            assocType,
            assocStartMonth,
            assocEndMonth,
            customerColumns,
            customerAttrNames,
            customerAttrValues,
            tenantColumns,
            tenantAttrNames,
            tenantAttrValues);
    inBounds(columns);
    List<LoadResult.FileCounts> counts = new ArrayList<>();
    for (int i = in.count(8); i > 0; i--) {
      counts.add(new LoadResult.FileCounts(in.string(), in.i64(), in.i64(), in.i64()));
    }
    Map<String, LoadResult.TypeUse> types = new LinkedHashMap<>();
    for (int i = in.count(8); i > 0; i--) {
      types.put(in.string(), new LoadResult.TypeUse(in.i64(), in.i64(), in.i32() == 1));
    }
    List<DataError> rejects = new ArrayList<>();
    for (int i = in.count(8); i > 0; i--) {
      rejects.add(new DataError(in.string(), in.i64(), in.string(), in.string()));
    }
    return new LoadResult(columns.toDataset(backing, months), rejects, counts, List.of(), types);
  }

  /** The indexes that the dataset's builder does not check: each within its column. */
  private static void inBounds(DatasetColumns c) {
    int rows = c.rowMonth().limit();
    int workloads = c.workloadNames().length;
    int types = c.typeNames().length;
    if (c.pairRowStart().length != c.pairWorkload().length) {
      throw new SnapshotIn.Damaged("pairs");
    }
    for (int p = 0; p < c.pairWorkload().length; p++) {
      int from = c.pairRowStart()[p];
      int to = p < c.pairRowEnd().length ? c.pairRowEnd()[p] : -1;
      int w = c.pairWorkload()[p];
      if (from < 0 || to < from || to > rows || w < 0 || w >= workloads) {
        throw new SnapshotIn.Damaged("pair " + p);
      }
    }
    for (int t : c.assocType()) {
      if (t < 0 || t >= types) {
        throw new SnapshotIn.Damaged("association type");
      }
    }
  }
}
