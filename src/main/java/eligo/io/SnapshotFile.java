package eligo.io;

import eligo.data.DatasetColumns;
import eligo.data.Measure;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

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
 * <p>Reading streams the file once through a small buffer, checking the checksum on the way, and
 * never allocates an array longer than the bytes left in the file, so a damaged length cannot ask
 * for more memory than the file could fill.
 */
public final class SnapshotFile {
  private static final byte[] MAGIC = "ELIGO SNAPSHOT\n".getBytes(StandardCharsets.US_ASCII);
  // 2: attributes of customers and tenants; 3: customers in the order of the results
  // (LoadTables.orderCustomers), so that a snapshot of before is made again in the new order
  private static final int VERSION = 3;
  private static final long END = 0x444e45544f4e5345L; // "ESNOTEND" read little-endian
  private static final int TRAILER = 24;
  private static final int BUFFER = 1 << 20;

  private SnapshotFile() {}

  /** A snapshot read back: the load it holds, or why it cannot be used. */
  public record Read(LoadResult loaded, String problem) {
    public boolean usable() {
      return loaded != null;
    }
  }

  /** Writes {@code loaded}, loaded from data of {@code fingerprint}, to {@code target}. */
  public static void write(Path target, String fingerprint, LoadResult loaded) throws IOException {
    OutputFile.write(target, out -> write(out, fingerprint, loaded));
  }

  static void write(OutputStream os, String fingerprint, LoadResult loaded) throws IOException {
    Out out = new Out(os);
    out.bytes(MAGIC);
    out.i32(VERSION);
    out.string(fingerprint);
    DatasetColumns c = DatasetColumns.of(loaded.dataset());
    out.strings(c.partnerIds());
    out.strings(c.customerIds());
    out.strings(c.customerNames());
    out.ints(c.customerTenantStart());
    out.strings(c.tenantIds());
    out.strings(c.tenantNames());
    out.ints(c.tenantPairStart());
    out.strings(c.workloadNames());
    out.strings(c.workloadFamilies());
    out.strings(c.typeNames());
    out.ints(c.pairWorkload());
    // the usage rows pair after pair, so that a run from the snapshot, which goes through the
    // pairs in order, reads them front to back (a load that left them in the file's order has
    // them all over the memory)
    Rows rows = Rows.of(c);
    out.ints(rows.start());
    out.ints(rows.end());
    out.ints(c.pairAssocStart());
    out.ints(c.rowMonth(), rows);
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
    return read(file, DataFingerprint.withoutHashes(fingerprint), () -> fingerprint);
  }

  /**
   * {@link #read(Path, String)} while the data's files are still being hashed: the snapshot is read
   * when its fingerprint without the hashes is {@code withoutHashes} ({@link
   * DataFingerprint#withoutHashes}: the files' sizes and modification times), and then kept only
   * when its whole fingerprint is the one {@code fingerprint} gives once the hashing ends.
   */
  public static Read read(
      Path file, String withoutHashes, java.util.function.Supplier<String> fingerprint) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
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
      In in = new In(ch, body);
      byte[] magic = new byte[MAGIC.length];
      in.bytes(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        return new Read(null, "it is not a snapshot");
      }
      if (in.i32() != VERSION) {
        return new Read(null, "it was written by another version of Eligo");
      }
      String written = in.string();
      if (!DataFingerprint.withoutHashes(written).equals(withoutHashes)) {
        return new Read(null, "the data changed since it was written");
      }
      LoadResult loaded = body(in);
      if (!written.equals(fingerprint.get())) {
        return new Read(null, "the data changed since it was written");
      }
      if (in.remaining() != 0 || in.crc() != crc) {
        return new Read(null, "it is damaged (checksum)");
      }
      return new Read(loaded, null);
    } catch (NoSuchFileException e) {
      return new Read(null, "there is none yet");
    } catch (Damaged | IllegalArgumentException e) {
      return new Read(null, "it is damaged (" + e.getMessage() + ")");
    } catch (IOException e) {
      return new Read(null, "it cannot be read (" + e.getMessage() + ")");
    }
  }

  private static LoadResult body(In in) throws IOException {
    String[] partnerIds = in.strings();
    String[] customerIds = in.strings();
    String[] customerNames = in.strings();
    int[] customerTenantStart = in.ints();
    String[] tenantIds = in.strings();
    String[] tenantNames = in.strings();
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
    int measures = in.i32();
    if (measures != Measure.values().length) {
      throw new Damaged("measures");
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
    return new LoadResult(columns.toDataset(), rejects, counts, List.of(), types);
  }

  /** The indexes that the dataset's builder does not check: each within its column. */
  private static void inBounds(DatasetColumns c) {
    int rows = c.rowMonth().limit();
    int workloads = c.workloadNames().length;
    int types = c.typeNames().length;
    if (c.pairRowStart().length != c.pairWorkload().length) {
      throw new Damaged("pairs");
    }
    for (int p = 0; p < c.pairWorkload().length; p++) {
      int from = c.pairRowStart()[p];
      int to = p < c.pairRowEnd().length ? c.pairRowEnd()[p] : -1;
      int w = c.pairWorkload()[p];
      if (from < 0 || to < from || to > rows || w < 0 || w >= workloads) {
        throw new Damaged("pair " + p);
      }
    }
    for (int t : c.assocType()) {
      if (t < 0 || t >= types) {
        throw new Damaged("association type");
      }
    }
  }

  /** A snapshot whose content contradicts itself. */
  private static final class Damaged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Damaged(String what) {
      super(what, null, false, false);
    }
  }

  /**
   * Where the rows of each pair go in the snapshot: {@code start} and {@code end} per pair, and
   * {@code from} and {@code to}, where they are now; {@code moved} is false when they are where
   * they go (pair after pair already, or some row belongs to no pair: then nothing moves).
   */
  private record Rows(int[] start, int[] end, int[] from, int[] to, boolean moved) {
    static Rows of(DatasetColumns c) {
      int[] from = c.pairRowStart();
      int[] to = c.pairRowEnd();
      int pairs = from.length;
      int[] start = new int[pairs];
      int[] end = new int[pairs];
      long at = 0;
      boolean inOrder = true;
      for (int p = 0; p < pairs; p++) {
        inOrder &= from[p] == at;
        start[p] = (int) at;
        at += to[p] - from[p];
        end[p] = (int) at;
      }
      boolean moved = !inOrder && at == c.rowMonth().limit();
      return moved ? new Rows(start, end, from, to, true) : new Rows(from, to, from, to, false);
    }
  }

  /** Little-endian writing through one buffer, with the CRC-32C of everything written. */
  private static final class Out {
    private final OutputStream os;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private long written;

    Out(OutputStream os) {
      this.os = os;
    }

    private void room(int n) throws IOException {
      if (buf.remaining() < n) {
        flush();
      }
    }

    private void flush() throws IOException {
      crc.update(buf.array(), 0, buf.position());
      os.write(buf.array(), 0, buf.position());
      written += buf.position();
      buf.clear();
    }

    void i32(int v) throws IOException {
      room(4);
      buf.putInt(v);
    }

    void i64(long v) throws IOException {
      room(8);
      buf.putLong(v);
    }

    void bytes(byte[] b) throws IOException {
      for (int at = 0; at < b.length; ) {
        room(1);
        int n = Math.min(buf.remaining(), b.length - at);
        buf.put(b, at, n);
        at += n;
      }
    }

    void string(String s) throws IOException {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      i32(b.length);
      bytes(b);
    }

    void strings(String[] a) throws IOException {
      i32(a.length);
      for (String s : a) {
        string(s);
      }
    }

    void ints(int[] a) throws IOException {
      i32(a.length);
      for (int at = 0; at < a.length; ) {
        room(4);
        int n = Math.min(buf.remaining() / 4, a.length - at);
        buf.asIntBuffer().put(a, at, n);
        buf.position(buf.position() + 4 * n);
        at += n;
      }
    }

    void ints(IntBuffer a) throws IOException {
      if (a.hasArray() && a.arrayOffset() == 0 && a.limit() == a.array().length) {
        ints(a.array());
        return;
      }
      i32(a.limit());
      for (int at = 0; at < a.limit(); ) {
        room(4);
        int n = Math.min(buf.remaining() / 4, a.limit() - at);
        buf.asIntBuffer().put(a.duplicate().position(at).limit(at + n));
        buf.position(buf.position() + 4 * n);
        at += n;
      }
    }

    /** An int column of the rows, in the order of {@code rows}. */
    void ints(IntBuffer a, Rows rows) throws IOException {
      if (!rows.moved()) {
        ints(a);
        return;
      }
      rowColumn(
          a.limit(),
          4,
          rows,
          (into, r, n) -> into.asIntBuffer().put(a.duplicate().position(r).limit(r + n)));
    }

    /** A long column of the rows, in the order of {@code rows}. */
    void longs(LongBuffer a, Rows rows) throws IOException {
      if (!rows.moved()) {
        longs(a);
        return;
      }
      rowColumn(
          a.limit(),
          8,
          rows,
          (into, r, n) -> into.asLongBuffer().put(a.duplicate().position(r).limit(r + n)));
    }

    /** Copies {@code n} rows of a column from row {@code r} to where {@code into} stands. */
    private interface RowCopy {
      void copy(ByteBuffer into, int r, int n);
    }

    /**
     * A column of {@code length} rows of {@code width} bytes, each pair's rows after the pair
     * before's ({@code rows}), copied by {@code copy}.
     */
    private void rowColumn(int length, int width, Rows rows, RowCopy copy) throws IOException {
      i32(length);
      for (int p = 0; p < rows.from().length; p++) {
        for (int r = rows.from()[p], to = rows.to()[p]; r < to; ) {
          room(width);
          int n = Math.min(buf.remaining() / width, to - r);
          copy.copy(buf, r, n);
          buf.position(buf.position() + width * n);
          r += n;
        }
      }
    }

    void longs(LongBuffer a) throws IOException {
      if (a.hasArray() && a.arrayOffset() == 0 && a.limit() == a.array().length) {
        longs(a.array());
        return;
      }
      i32(a.limit());
      for (int at = 0; at < a.limit(); ) {
        room(8);
        int n = Math.min(buf.remaining() / 8, a.limit() - at);
        buf.asLongBuffer().put(a.duplicate().position(at).limit(at + n));
        buf.position(buf.position() + 8 * n);
        at += n;
      }
    }

    void longs(long[] a) throws IOException {
      i32(a.length);
      for (int at = 0; at < a.length; ) {
        room(8);
        int n = Math.min(buf.remaining() / 8, a.length - at);
        buf.asLongBuffer().put(a, at, n);
        buf.position(buf.position() + 8 * n);
        at += n;
      }
    }

    /** Writes the trailer: the body's length, its checksum, the end mark. */
    void finish() throws IOException {
      flush();
      long body = written;
      long sum = crc.getValue();
      ByteBuffer t = ByteBuffer.allocate(TRAILER).order(ByteOrder.LITTLE_ENDIAN);
      t.putLong(body).putLong(sum).putLong(END);
      os.write(t.array());
    }
  }

  /** Little-endian reading of the body through one buffer, with its CRC-32C. */
  private static final class In {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private final long body;
    private long unread; // bytes of the body not yet in the buffer
    private byte[] scratch = new byte[256];

    In(FileChannel ch, long body) {
      this.ch = ch;
      this.body = body;
      this.unread = body;
      buf.limit(0);
    }

    long remaining() {
      return unread + buf.remaining();
    }

    long crc() {
      return crc.getValue();
    }

    /** At least {@code n} (at most the buffer's size) bytes in the buffer. */
    private void need(int n) throws IOException {
      if (buf.remaining() >= n) {
        return;
      }
      if (remaining() < n) {
        throw new Damaged("ends early");
      }
      buf.compact();
      while (buf.position() < n) {
        int want = (int) Math.min(buf.remaining(), unread);
        ByteBuffer slice = buf.slice().limit(want);
        int got = ch.read(slice);
        if (got < 0) {
          throw new Damaged("ends early");
        }
        slice.flip();
        crc.update(slice);
        buf.position(buf.position() + got);
        unread -= got;
      }
      buf.flip();
    }

    int i32() throws IOException {
      need(4);
      return buf.getInt();
    }

    long i64() throws IOException {
      need(8);
      return buf.getLong();
    }

    /** A count of items of at least {@code bytesEach} bytes each, no more than the file holds. */
    int count(int bytesEach) throws IOException {
      int n = i32();
      if (n < 0 || (long) n * bytesEach > remaining()) {
        throw new Damaged("length " + n);
      }
      return n;
    }

    void bytes(byte[] b) throws IOException {
      for (int at = 0; at < b.length; ) {
        need(1);
        int n = Math.min(buf.remaining(), b.length - at);
        buf.get(b, at, n);
        at += n;
      }
    }

    String string() throws IOException {
      int n = count(1);
      if (n <= BUFFER) {
        need(n);
        if (scratch.length < n) {
          scratch = new byte[Math.max(n, 2 * scratch.length)];
        }
        buf.get(scratch, 0, n);
        return new String(scratch, 0, n, StandardCharsets.UTF_8);
      }
      byte[] b = new byte[n];
      bytes(b);
      return new String(b, StandardCharsets.UTF_8);
    }

    String[] strings() throws IOException {
      String[] a = new String[count(4)];
      for (int i = 0; i < a.length; i++) {
        a[i] = string();
      }
      return a;
    }

    int[] ints() throws IOException {
      return ints(count(4));
    }

    private int[] ints(int length) throws IOException {
      int[] a = new int[length];
      for (int at = 0; at < a.length; ) {
        need(4);
        int n = Math.min(buf.remaining() / 4, a.length - at);
        buf.asIntBuffer().get(a, at, n);
        buf.position(buf.position() + 4 * n);
        at += n;
      }
      return a;
    }

    /** The offset in the file of the next byte to read. */
    private long position() {
      return body - unread - buf.remaining();
    }

    /**
     * An int column mapped from the file instead of read: its bytes are checked (the checksum) in
     * place, and stay in the page cache rather than on the heap. A column too long for one mapping
     * is read.
     */
    IntBuffer mappedInts() throws IOException {
      int n = count(4);
      ByteBuffer mapped = map(4L * n);
      return mapped != null ? mapped.asIntBuffer() : IntBuffer.wrap(ints(n));
    }

    /** {@link #mappedInts} of a long column. */
    LongBuffer mappedLongs() throws IOException {
      int n = count(8);
      ByteBuffer mapped = map(8L * n);
      return mapped != null ? mapped.asLongBuffer() : LongBuffer.wrap(longs(n));
    }

    /**
     * The next {@code bytes} bytes of the file mapped (little-endian), and skipped: those already
     * in the buffer were checked as they were read, the rest is checked in the mapping. Null when
     * they do not fit one mapping.
     */
    private ByteBuffer map(long bytes) throws IOException {
      if (bytes > Integer.MAX_VALUE) {
        return null;
      }
      ByteBuffer mapped =
          ch.map(FileChannel.MapMode.READ_ONLY, position(), bytes).order(ByteOrder.LITTLE_ENDIAN);
      int buffered = (int) Math.min(buf.remaining(), bytes);
      buf.position(buf.position() + buffered);
      if (bytes > buffered) {
        checkRead(ch.position(), bytes - buffered);
        ch.position(ch.position() + (bytes - buffered));
        unread -= bytes - buffered;
      }
      return mapped;
    }

    /**
     * Adds {@code bytes} bytes of the file from {@code from} to the checksum, read through a small
     * buffer rather than through the mapping: on a virtual machine, touching every page of a 2.5 GB
     * mapping took 2.4 s, reading it a fraction of that. The pages are touched later only where the
     * evaluation reads them, on all its threads.
     */
    private void checkRead(long from, long bytes) throws IOException {
      // the read buffer is empty here (its bytes were all taken): it serves, and is left empty
      for (long at = from, end = from + bytes; at < end; ) {
        buf.clear().limit((int) Math.min(BUFFER, end - at));
        int got = ch.read(buf, at);
        if (got < 0) {
          throw new Damaged("ends early");
        }
        at += got;
        crc.update(buf.flip());
      }
      buf.clear().limit(0);
    }

    long[] longs() throws IOException {
      return longs(count(8));
    }

    private long[] longs(int length) throws IOException {
      long[] a = new long[length];
      for (int at = 0; at < a.length; ) {
        need(8);
        int n = Math.min(buf.remaining() / 8, a.length - at);
        buf.asLongBuffer().get(a, at, n);
        buf.position(buf.position() + 8 * n);
        at += n;
      }
      return a;
    }
  }
}
