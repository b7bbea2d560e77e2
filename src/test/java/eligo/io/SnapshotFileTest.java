package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.Dataset;
import eligo.data.DatasetColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots: a load written and read back is the same load; one from other data, or truncated, or
 * damaged anywhere, is never used; the fingerprint follows content, not names.
 */
class SnapshotFileTest {
  static final Path SAMPLE = Path.of("examples/sample-data");

  @TempDir Path tmp;

  @Test
  void aLoadReadBackIsTheSameLoad() throws Exception {
    LoadResult loaded = DatasetLoader.load(SAMPLE, TestData.TYPES, Mode.STRICT);
    String key = DataFingerprint.of(SAMPLE, TestData.TYPES, Mode.STRICT);
    Path file = tmp.resolve("s.snap");
    SnapshotFile.write(file, key, loaded);
    SnapshotFile.Read read = SnapshotFile.read(file, key);
    assertThat(read.problem()).isNull();
    // the load left the rows where the file had them, not pair after pair: the snapshot moves them
    Dataset csv = loaded.dataset();
    assertThat(
            java.util.stream.IntStream.range(1, csv.pairCount())
                .anyMatch(p -> csv.rowStart(p) != csv.rowEnd(p - 1)))
        .isTrue();
    assertSameLoad(read.loaded(), loaded);
    assertThat(read.loaded().readInParallel()).isEmpty();
    // a partner's customers share its id, in the load and read back, rather than each a copy
    for (Dataset d : List.of(csv, read.loaded().dataset())) {
      int c =
          java.util.stream.IntStream.range(1, d.customerCount())
              .filter(k -> d.partnerId(k).equals(d.partnerId(k - 1)))
              .findFirst()
              .orElseThrow();
      assertThat(d.partnerId(c)).isSameAs(d.partnerId(c - 1));
    }
    // the usage rows, the bulk of a snapshot, are mapped from the file, not copied to the heap
    DatasetColumns back = DatasetColumns.of(read.loaded().dataset());
    assertThat(back.rowMonth().isDirect()).isTrue();
    // the months at the ends of the rows are kept, not found again by a scan of the mapped column,
    // and they are those a scan finds
    assertThat(read.loaded().dataset().usageMonths())
        .isEqualTo(csv.usageMonths())
        .isEqualTo(eligo.data.UsageMonths.of(back.rowMonth()));
    assertThat(csv.usageMonths().beforeLatest()).isNotEqualTo(eligo.data.Month.NONE);
    for (int k = 0; k < back.rowNarrow().length; k++) {
      assertThat(back.rowNarrow()[k] != null ? back.rowNarrow()[k] : back.rowMeasures()[k])
          .satisfies(b -> assertThat(b.isDirect()).isTrue());
    }
  }

  /**
   * The usage rows mapped are read by offset from the file too ({@link SnapshotRows}), the same
   * items as through the mapping, from the file read even once another is renamed over it; a buffer
   * of no file, or a snapshot read onto the heap, is not.
   */
  @Test
  void theRowsMappedAreReadByOffsetTheSame() throws Exception {
    LoadResult loaded = DatasetLoader.load(SAMPLE, TestData.TYPES, Mode.STRICT);
    String key = DataFingerprint.of(SAMPLE, TestData.TYPES, Mode.STRICT);
    Path file = tmp.resolve("s.snap");
    SnapshotFile.write(file, key, loaded);
    Dataset d = SnapshotFile.read(file, key).loaded().dataset();
    // another snapshot (of other data) put in its place by a rename, as Eligo writes one
    Path other = Files.createDirectories(tmp.resolve("other"));
    TestData.write(other);
    Path otherFile = tmp.resolve("other.snap");
    SnapshotFile.write(
        otherFile,
        DataFingerprint.of(other, TestData.TYPES, Mode.STRICT),
        DatasetLoader.load(other, TestData.TYPES, Mode.STRICT));
    Files.move(otherFile, file, StandardCopyOption.REPLACE_EXISTING);
    DatasetColumns c = DatasetColumns.of(d);
    java.util.List<java.nio.Buffer> columns = new java.util.ArrayList<>();
    columns.add(c.rowMonth());
    for (int k = 0; k < c.rowNarrow().length; k++) {
      columns.add(c.rowNarrow()[k] != null ? c.rowNarrow()[k] : c.rowMeasures()[k]);
    }
    int from = 7;
    int n = c.rowMonth().limit() - from - 3;
    assertThat(n).isGreaterThan(1000);
    java.nio.ByteBuffer into = java.nio.ByteBuffer.allocateDirect(8 * n);
    for (java.nio.Buffer column : columns) {
      assertThat(d.backing().readRows(column, from, n, into)).isTrue();
      into.order(
          column instanceof java.nio.IntBuffer i
              ? i.order()
              : ((java.nio.LongBuffer) column).order());
      for (int i = 0; i < n; i++) {
        long read =
            column instanceof java.nio.IntBuffer ints
                ? into.getInt(4 * i) - (long) ints.get(from + i)
                : into.getLong(8 * i) - ((java.nio.LongBuffer) column).get(from + i);
        assertThat(read).as("item %d", from + i).isZero();
      }
    }
    assertThat(d.backing().readRows(java.nio.IntBuffer.allocate(8), 0, 1, into)).isFalse();
    SnapshotFile.write(file, key, loaded);
    Dataset onHeap =
        SnapshotFile.read(
                file,
                DataFingerprint.statsOf(SAMPLE),
                () -> DataFingerprint.withoutHashes(key),
                () -> key,
                true)
            .loaded()
            .dataset();
    assertThat(onHeap.backing().readRows(DatasetColumns.of(onHeap).rowMonth(), 0, 1, into))
        .isFalse();
  }

  /**
   * A load whose usage columns have room to spare (their rows estimated from samples, {@link
   * ChunkPlan#estimate}) is written without the spare room, and read back the same.
   */
  @Test
  void aLoadWithRoomToSpareReadBackIsTheSameLoad() throws Exception {
    LoadResult loaded = DatasetLoader.load(SAMPLE, TestData.TYPES, Mode.STRICT, 1, 64);
    DatasetColumns columns = DatasetColumns.of(loaded.dataset());
    assertThat(columns.rowMonth().capacity()).isGreaterThan(columns.rowMonth().limit());
    assertThat(loaded.readInParallel()).contains("usage.csv");
    String key = DataFingerprint.of(SAMPLE, TestData.TYPES, Mode.STRICT);
    Path file = tmp.resolve("s.snap");
    SnapshotFile.write(file, key, loaded);
    SnapshotFile.Read read = SnapshotFile.read(file, key);
    assertThat(read.problem()).isNull();
    assertSameLoad(read.loaded(), loaded);
    // and the same as a load whose rows were counted (then the columns have no spare room)
    LoadResult counted = DatasetLoader.load(SAMPLE, TestData.TYPES, Mode.STRICT, 1, 0);
    assertThat(DatasetColumns.of(counted.dataset()).rowMonth().capacity())
        .isEqualTo(columns.rowMonth().limit());
    assertSameLoad(read.loaded(), counted);
  }

  @Test
  void aLenientLoadKeepsItsRejects() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    TestData.write(data);
    TestData.append(data, "usage.csv", "T1,Teams,2026-02,,,x,,");
    LoadResult loaded = DatasetLoader.load(data, TestData.TYPES, Mode.LENIENT);
    assertThat(loaded.rejects()).hasSize(1);
    String key = DataFingerprint.of(data, TestData.TYPES, Mode.LENIENT);
    Path file = tmp.resolve("s.snap");
    SnapshotFile.write(file, key, loaded);
    LoadResult back = SnapshotFile.read(file, key).loaded();
    assertSameLoad(back, loaded);
    assertThat(back.rejects()).isEqualTo(loaded.rejects());
  }

  /** Which file changed, and whether only its time did, as a touched file or a new export. */
  @Test
  void theReasonNamesTheFilesThatChanged() throws Exception {
    Path data = TestData.write(Files.createDirectories(tmp.resolve("data")));
    String key = DataFingerprint.of(data, TestData.TYPES, Mode.STRICT);
    Path file = tmp.resolve("s.snap");
    SnapshotFile.write(file, key, DatasetLoader.load(data, TestData.TYPES, Mode.STRICT));
    Path usage = data.resolve("usage.csv");
    Files.setLastModifiedTime(
        usage, FileTime.fromMillis(Files.getLastModifiedTime(usage).toMillis() + 5_000));
    TestData.append(data, "customers.csv", "P3,C4,Four");
    String stats = DataFingerprint.statsOf(data);
    String now = DataFingerprint.of(data, TestData.TYPES, Mode.STRICT);
    assertThat(
            SnapshotFile.read(file, stats, () -> DataFingerprint.withoutHashes(now), () -> now)
                .problem())
        .isEqualTo(
            "the data changed since it was written: customers.csv's size and modification time,"
                + " usage.csv's modification time (the content may be the same)");
  }

  @Test
  void aSnapshotOfOtherDataOrAnotherLoadIsNotUsed() throws Exception {
    LoadResult loaded = DatasetLoader.load(SAMPLE, TestData.TYPES, Mode.STRICT);
    String key = DataFingerprint.of(SAMPLE, TestData.TYPES, Mode.STRICT);
    Path file = tmp.resolve("s.snap");
    SnapshotFile.write(file, key, loaded);
    assertThat(
            SnapshotFile.read(file, DataFingerprint.of(SAMPLE, TestData.TYPES, Mode.LENIENT))
                .problem())
        .isEqualTo("the data changed since it was written");
    assertThat(
            SnapshotFile.read(file, DataFingerprint.of(SAMPLE, List.of("PAL"), Mode.STRICT))
                .usable())
        .isFalse();
    assertThat(SnapshotFile.read(tmp.resolve("none.snap"), key).problem())
        .isEqualTo("there is none yet");
  }

  @Test
  void aSnapshotWrittenOverInPlaceWhileItsRowsAreReadIsFoundBeforeAnOutputIsKept()
      throws Exception {
    LoadResult loaded = DatasetLoader.load(SAMPLE, TestData.TYPES, Mode.STRICT);
    String key = DataFingerprint.of(SAMPLE, TestData.TYPES, Mode.STRICT);
    Path file = tmp.resolve("s.snap");
    SnapshotFile.write(file, key, loaded);
    byte[] bytes = Files.readAllBytes(file);
    eligo.data.Dataset mapped = SnapshotFile.read(file, key).loaded().dataset();
    mapped.checkBacking(); // unchanged
    // replaced by a rename, as Eligo writes: the mapped file stays whole
    SnapshotFile.write(file, key, loaded);
    mapped.checkBacking();
    mapped = SnapshotFile.read(file, key).loaded().dataset();
    eligo.data.Dataset onHeap =
        SnapshotFile.read(
                file,
                DataFingerprint.statsOf(SAMPLE),
                () -> DataFingerprint.withoutHashes(key),
                () -> key,
                true)
            .loaded()
            .dataset();
    Thread.sleep(20); // file times move by the kernel's tick
    Files.write(file, bytes); // in place: the same file, its content written again
    eligo.data.Dataset changed = mapped;
    assertThatThrownBy(changed::checkBacking)
        .isInstanceOf(IOException.class)
        .hasMessage(
            "the snapshot "
                + file
                + " was written over while this command read it (a copy over it in place?);"
                + " nothing was written: run again");
    onHeap.checkBacking(); // its rows were read whole: nothing to check
  }

  @Test
  void truncatedOrDamagedSnapshotsAreNeverUsed() throws Exception {
    LoadResult loaded = DatasetLoader.load(SAMPLE, TestData.TYPES, Mode.STRICT);
    String key = DataFingerprint.of(SAMPLE, TestData.TYPES, Mode.STRICT);
    Path file = tmp.resolve("s.snap");
    SnapshotFile.write(file, key, loaded);
    byte[] good = Files.readAllBytes(file);
    Path bad = tmp.resolve("bad.snap");
    Random random = new Random(7);
    for (int cut : new int[] {0, 1, 10, good.length / 2, good.length - 25, good.length - 1}) {
      Files.write(bad, java.util.Arrays.copyOf(good, cut));
      assertThat(SnapshotFile.read(bad, key).usable()).as("cut at " + cut).isFalse();
    }
    for (int i = 0; i < 200; i++) {
      byte[] damaged = good.clone();
      int at = i < 100 ? random.nextInt(Math.min(4000, good.length)) : random.nextInt(good.length);
      damaged[at] ^= (byte) (1 << random.nextInt(8));
      Files.write(bad, damaged);
      SnapshotFile.Read read = SnapshotFile.read(bad, key);
      assertThat(read.usable()).as("bit flipped at " + at).isFalse();
      // damage is called damage, never taken for other data or another load
      assertThat(read.problem())
          .as("bit flipped at " + at)
          .isNotBlank()
          .doesNotContain("the data changed")
          .doesNotContain("other association types");
    }
    Files.write(bad, "customer_id,partner_id\n".repeat(100).getBytes());
    assertThat(SnapshotFile.read(bad, key).usable()).isFalse();
  }

  @Test
  void theFingerprintFollowsContentNotNames() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    Path b = tmp.resolve("b");
    TestData.write(a);
    Files.createDirectories(b);
    for (String f : DatasetLoader.FILES) {
      Files.copy(a.resolve(f), b.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
    }
    String key = DataFingerprint.ofFiles(a);
    assertThat(DataFingerprint.ofFiles(b)).isEqualTo(key);
    // one byte changed, same size and time: still another fingerprint
    Path usage = b.resolve("usage.csv");
    FileTime time = Files.getLastModifiedTime(usage);
    byte[] bytes = Files.readAllBytes(usage);
    int last = new String(bytes).lastIndexOf('1');
    bytes[last] = '2';
    Files.write(usage, bytes);
    Files.setLastModifiedTime(usage, time);
    assertThat(DataFingerprint.ofFiles(b)).isNotEqualTo(key);
    // same bytes, another time: another fingerprint
    Path c = tmp.resolve("c");
    Files.createDirectories(c);
    for (String f : DatasetLoader.FILES) {
      Files.copy(a.resolve(f), c.resolve(f));
      Files.setLastModifiedTime(c.resolve(f), FileTime.fromMillis(0));
    }
    assertThat(DataFingerprint.ofFiles(c)).isNotEqualTo(key);
  }

  @Test
  void theStatsAloneGiveTheFingerprintWithoutItsHashes() throws Exception {
    Path a = Files.createDirectories(tmp.resolve("a"));
    TestData.write(a);
    // a type named like a file's entry is left as it is on both sides
    List<String> types = List.of("PAL", "x.csv=1,2,ab");
    String whole = DataFingerprint.of(DataFingerprint.ofFiles(a), types, Mode.STRICT);
    String stats = DataFingerprint.of(DataFingerprint.statsOf(a), types, Mode.STRICT);
    assertThat(whole).isNotEqualTo(stats);
    assertThat(DataFingerprint.withoutHashes(whole))
        .isEqualTo(DataFingerprint.withoutHashes(stats))
        .isEqualTo(stats.replace("x.csv=1,2,ab", "x.csv=1,2"));
    // another time is another fingerprint without the hashes too
    String before = DataFingerprint.statsOf(a);
    Files.setLastModifiedTime(a.resolve("usage.csv"), FileTime.fromMillis(0));
    assertThat(DataFingerprint.statsOf(a)).isNotEqualTo(before);
    Files.delete(a.resolve("tenants.csv"));
    assertThat(DataFingerprint.withoutHashes(DataFingerprint.ofFiles(a)))
        .isEqualTo(DataFingerprint.statsOf(a))
        .contains("tenants.csv=missing;");
  }

  /**
   * The same load, but for where the usage rows sit: a snapshot holds them pair after pair (each
   * pair's rows as they were, in order), so the row columns and each pair's row range may differ.
   */
  @Test
  void namesAreReadAsTheirBytesAndAsStringsPastWhatOneArrayHolds() throws Exception {
    String[] names = {"Contoso", "", "Ünïcödé 名前", "Fabrikam, Inc.", "x"};
    Path file = tmp.resolve("texts");
    try (java.io.OutputStream os = Files.newOutputStream(file)) {
      SnapshotOut out = new SnapshotOut(os);
      out.texts(eligo.data.TextColumn.of(names));
      out.texts(eligo.data.TextColumn.of(names));
      out.finish();
    }
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      SnapshotIn in = new SnapshotIn(ch, Files.size(file) - SnapshotFile.TRAILER);
      eligo.data.TextColumn whole = in.texts();
      // the names are 40 bytes in all: past 20, they are read as strings
      eligo.data.TextColumn split = in.texts(20, true);
      for (eligo.data.TextColumn read : List.of(whole, split)) {
        assertThat(read.size()).isEqualTo(names.length);
        for (int i = 0; i < names.length; i++) {
          assertThat(read.get(i)).isEqualTo(names[i]);
        }
        assertThat(read.toArray()).containsExactly(names);
      }
      assertThat(in.remaining()).isZero();
    }
  }

  /**
   * Texts of a megabyte or more are read in place from the file (mapped), the column after them
   * read where it starts.
   */
  @Test
  void manyTextsAreReadInPlaceAndTheColumnAfterThemWhereItStarts() throws Exception {
    String[] names = new String[70_000];
    for (int i = 0; i < names.length; i++) {
      names[i] = i % 7 == 0 ? "" : "Nom " + i + (i % 3 == 0 ? " Ünïcödé 名前" : "");
    }
    Path file = tmp.resolve("many-texts");
    try (java.io.OutputStream os = Files.newOutputStream(file)) {
      SnapshotOut out = new SnapshotOut(os);
      out.texts(eligo.data.TextColumn.of(names));
      out.ints(new int[] {7, -3, 11});
      out.texts(eligo.data.TextColumn.of(names));
      out.finish();
    }
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
      for (boolean mapping : new boolean[] {true, false}) {
        SnapshotIn in =
            new SnapshotIn(ch.position(0), Files.size(file) - SnapshotFile.TRAILER, mapping);
        eligo.data.TextColumn first = in.texts();
        assertThat(in.ints()).containsExactly(7, -3, 11);
        eligo.data.TextColumn second = in.texts();
        for (eligo.data.TextColumn read : List.of(first, second)) {
          assertThat(read.toArray()).as("mapping " + mapping).containsExactly(names);
          assertThat(read.get(69_999)).isEqualTo(names[69_999]);
        }
        assertThat(in.remaining()).isZero();
      }
    }
  }

  /**
   * A column of strings is its lengths, then its bytes: a length below zero or lengths past the
   * file's end are damage, found before any array of that size is made.
   */
  @Test
  void stringLengthsThatContradictTheFileAreDamage() throws Exception {
    for (int[] lengths :
        new int[][] {{3, -1, 2}, {1 << 30}, {Integer.MAX_VALUE, Integer.MAX_VALUE}}) {
      Path file = tmp.resolve("lengths");
      try (java.io.OutputStream os = Files.newOutputStream(file)) {
        SnapshotOut out = new SnapshotOut(os);
        out.ints(lengths);
        out.bytes("abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.finish();
      }
      for (boolean asTexts : new boolean[] {false, true}) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
          SnapshotIn in = new SnapshotIn(ch, Files.size(file) - SnapshotFile.TRAILER);
          org.assertj.core.api.Assertions.assertThatThrownBy(
                  () -> {
                    if (asTexts) {
                      in.texts();
                    } else {
                      in.strings();
                    }
                  })
              .as(java.util.Arrays.toString(lengths))
              .isInstanceOf(SnapshotIn.Damaged.class)
              .hasMessageStartingWith("length ");
        }
      }
    }
  }

  /**
   * The partner ids are runs of one id each: runs and their lengths that disagree, or more items
   * than the rest of the file could hold, are damage; a good column shares each run's string.
   */
  @Test
  void partnerRunsThatContradictTheFileAreDamage() throws Exception {
    Object[][] cases = {
      {new String[] {"P1", "P2"}, new int[] {3}, "runs 1"},
      {new String[] {"P1"}, new int[] {1 << 20}, "length " + (1 << 20)},
      {new String[] {"P1", "P2"}, new int[] {2, 1}, null}
    };
    for (Object[] c : cases) {
      Path file = tmp.resolve("runs");
      try (java.io.OutputStream os = Files.newOutputStream(file)) {
        SnapshotOut out = new SnapshotOut(os);
        out.strings((String[]) c[0]);
        out.ints((int[]) c[1]);
        out.strings(new String[] {"C1", "C2", "C3"}); // the customers' ids that follow
        out.finish();
      }
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file)) {
        SnapshotIn in = new SnapshotIn(ch, Files.size(file) - SnapshotFile.TRAILER);
        if (c[2] == null) {
          String[] ids = in.stringsSharingRepeats();
          assertThat(ids).containsExactly("P1", "P1", "P2");
          assertThat(ids[1]).isSameAs(ids[0]);
        } else {
          org.assertj.core.api.Assertions.assertThatThrownBy(in::stringsSharingRepeats)
              .isInstanceOf(SnapshotIn.Damaged.class)
              .hasMessage((String) c[2]);
        }
      }
    }
  }

  private static void assertSameLoad(LoadResult back, LoadResult loaded) throws IOException {
    DatasetColumns x = DatasetColumns.of(back.dataset());
    DatasetColumns y = DatasetColumns.of(loaded.dataset());
    assertThat(x)
        .usingRecursiveComparison()
        .ignoringFields(
            "pairRowStart",
            "pairRowEnd",
            "rowMonth",
            "rowMeasures",
            "rowNarrow",
            "customerIds",
            "customerNames",
            "tenantIds",
            "tenantNames")
        .isEqualTo(y);
    assertThat(x.customerIds().toArray()).isEqualTo(y.customerIds().toArray());
    assertThat(x.customerNames().toArray()).isEqualTo(y.customerNames().toArray());
    assertThat(x.tenantNames().toArray()).isEqualTo(y.tenantNames().toArray());
    assertThat(x.tenantIds().toArray()).isEqualTo(y.tenantIds().toArray());
    assertThat(back.counts()).isEqualTo(loaded.counts());
    assertThat(back.typesInData()).isEqualTo(loaded.typesInData());
    Dataset d = back.dataset();
    assertThat(d.latestUsageMonth()).isEqualTo(loaded.dataset().latestUsageMonth());
    Dataset e = loaded.dataset();
    assertThat(d.rowCount()).isEqualTo(e.rowCount()).isPositive();
    assertThat(d.pairCount()).isEqualTo(e.pairCount()).isPositive();
    int next = 0;
    for (int p = 0; p < e.pairCount(); p++) {
      assertThat(d.rowStart(p)).as("pair %d", p).isEqualTo(next);
      assertThat(d.rowEnd(p) - d.rowStart(p)).isEqualTo(e.rowEnd(p) - e.rowStart(p));
      next = d.rowEnd(p);
      for (int k = 0; k < e.rowEnd(p) - e.rowStart(p); k++) {
        int r = d.rowStart(p) + k;
        int s = e.rowStart(p) + k;
        assertThat(d.rowMonth(r)).isEqualTo(e.rowMonth(s));
        for (eligo.data.Measure m : eligo.data.Measure.values()) {
          assertThat(d.rowValue(r, m)).as("pair %d row %d %s", p, k, m).isEqualTo(e.rowValue(s, m));
        }
      }
    }
    assertThat(next).isEqualTo(e.rowCount());
  }
}
