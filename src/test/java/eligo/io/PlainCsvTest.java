package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.Month;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parallel reading of plain files ({@link PlainCsv}: usage.csv by {@link PlainUsageReader}, and
 * associations.csv) loads exactly what the general reader loads, on any number of threads (each
 * reading several chunks), and gives way to it for any file that is not plain: the same dataset,
 * the same errors, the same counts.
 */
class PlainCsvTest {
  private static final String HEADER = TestData.USAGE.lines().findFirst().orElseThrow();

  @TempDir Path dir;

  /** Everything a load gives, as text: the dataset in full, or the errors; the counts. */
  private String outcome(Mode mode, int threads) {
    return outcome(mode, threads, ChunkPlan.SAMPLE);
  }

  /** {@link #outcome(Mode, int)}, the rows of usage.csv estimated from samples of that size. */
  private String outcome(Mode mode, int threads, int sample) {
    try {
      LoadResult r = DatasetLoader.load(dir, TestData.TYPES, mode, threads, sample);
      return dump(r.dataset())
          + r.rejects().stream().map(DataError::toString).collect(Collectors.joining("\n"))
          + "\n"
          + r.counts();
    } catch (DataException e) {
      return "errors:\n" + e.getMessage();
    }
  }

  private boolean parallel(String file, int threads) {
    try {
      return DatasetLoader.load(dir, TestData.TYPES, Mode.LENIENT, threads)
          .readInParallel()
          .contains(file);
    } catch (DataException e) {
      return false;
    }
  }

  static String dump(Dataset d) {
    StringBuilder sb = new StringBuilder(d.toString()).append('\n');
    for (int t = 0; t < d.tenantCount(); t++) {
      for (int p = d.pairStart(t); p < d.pairEnd(t); p++) {
        sb.append(d.tenantId(t))
            .append(" / ")
            .append(d.workloadName(d.pairWorkload(p)))
            .append(':');
        for (int r = d.rowStart(p); r < d.rowEnd(p); r++) {
          sb.append(' ').append(Month.format(d.rowMonth(r)));
          for (Measure m : Measure.values()) {
            sb.append(',').append(d.rowValue(r, m));
          }
        }
        for (int a = d.assocStart(p); a < d.assocEnd(p); a++) {
          sb.append(" [")
              .append(d.typeName(d.assocType(a)))
              .append(' ')
              .append(Month.format(d.assocStartMonth(a)))
              .append(']');
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /** A line with every field quoted, as a spreadsheet's "CSV UTF-8" writes it. */
  static String quoteAll(String line) {
    return java.util.Arrays.stream(line.split(",", -1))
        .map(f -> "\"" + f + "\"")
        .collect(Collectors.joining(","));
  }

  private void usage(String text) throws IOException {
    TestData.write(dir);
    Files.write(dir.resolve("usage.csv"), text.getBytes(StandardCharsets.UTF_8));
  }

  /** Asserts that every way of reading gives what the general reader gives. */
  private void sameAsGeneralReader() {
    for (Mode mode : Mode.values()) {
      String general = outcome(mode, 0);
      for (int threads : new int[] {1, 2, 3, 7}) {
        assertThat(outcome(mode, threads))
            .as(mode + ", " + threads + " threads")
            .isEqualTo(general);
      }
    }
  }

  private static final String ROWS =
      """
      T1,Azure SQL Database,2026-08,999.99,,,,
      T1,Azure SQL Database,2026-09,1000.00,,,,
      T2,Power BI,2026-07,,500.01,,5,
      T2,Power BI,2026-08,,500,,6,0
      T1,Teams,2026-09,,,100,40,
      T3,Teams,2026-01,0.5,1,2,3,4
      """;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "LF",
        "CRLF",
        "no final line break",
        "blank lines",
        "quoted fields",
        "byte-order mark",
        "quoted header",
        "byte-order mark and quoted header",
        "byte-order mark, every field quoted, CRLF",
        "extra and reordered columns",
        "rows out of order",
        "falling months",
        "values beyond an int",
      })
  void plainFilesAreReadInParallelAndLoadTheSame(String variant) throws IOException {
    String header = HEADER;
    String rows = ROWS;
    switch (variant) {
      case "CRLF" -> rows = rows.replace("\n", "\r\n");
      case "no final line break" -> rows = rows.strip();
      case "blank lines" -> rows = "\n" + rows.replaceFirst("\n", "\n\n\r\n") + "\n\n";
      case "quoted fields" ->
          rows = rows.replace("T2,Power BI,", "\"T2\",\"Power BI\",").replace(",,", ",\"\",");
      case "byte-order mark" -> header = "\uFEFF" + header;
      case "quoted header" -> header = quoteAll(header);
      case "byte-order mark and quoted header" -> header = "\uFEFF" + quoteAll(header);
      case "byte-order mark, every field quoted, CRLF" -> {
        header = "\uFEFF" + quoteAll(header);
        rows =
            rows.lines()
                .map(PlainCsvTest::quoteAll)
                .collect(Collectors.joining("\r\n", "", "\r\n"));
      }
      case "extra and reordered columns" -> {
        header =
            "note,month,workload,tenant_id,acr_usd,revenue_usd,paid_units,active_users,protected_users";
        rows =
            rows.lines()
                .map(l -> l.split(",", -1))
                .map(
                    f ->
                        "x"
                            + f[0].length()
                            + ","
                            + f[2]
                            + ","
                            + f[1]
                            + ","
                            + f[0]
                            + ","
                            + String.join(",", List.of(f).subList(3, 8)))
                .collect(Collectors.joining("\n", "", "\n"));
      }
      case "rows out of order" ->
          rows = rows.lines().sorted().collect(Collectors.joining("\n", "", "\n"));
      case "falling months" -> rows = rows.replace("2026-08,999.99", "2026-10,999.99");
      case "values beyond an int" ->
          rows += "T3,Teams,2026-02,9999999999999999.99,-21474836.49,3000000000,2147483647,\n";
      default -> {}
    }
    usage(header + "\n" + rows);
    sameAsGeneralReader();
    assertThat(parallel("usage.csv", 2)).isTrue();
  }

  /**
   * The usual lines are taken in one pass ({@link PlainUsageReader}'s {@code line}), each other
   * line by the fields found first: at the edges of what the one pass takes (money of 16 and 17
   * digits, one and two decimals, counts of 18 and 19 digits, signs, months, spaces, quotes and
   * line breaks on one line among usual ones), every load is the general reader's, and the file is
   * read in parallel exactly when its rows are good.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "T3,Power BI,2026-02,5,5.5,1,2,3 | true",
        "T3,Power BI,2026-02,-0.01,-5,,, | true",
        "T3,Power BI,2026-02,-0,0.00,0,0,0 | true",
        "T3,Power BI,2026-02,1234567890123456.99,0,0,0,0 | true",
        "T3,Power BI,2026-02,12345678901234567,0,0,0,0 | false",
        "T3,Power BI,2026-02,1.,0,0,0,0 | false",
        "T3,Power BI,2026-02,.5,0,0,0,0 | false",
        "T3,Power BI,2026-02,-,0,0,0,0 | false",
        "T3,Power BI,2026-02,1.234,0,0,0,0 | false",
        "T3,Power BI,2026-02,+1,0,0,0,0 | false",
        "T3,Power BI,2026-02,0,0,999999999999999999,0,0 | true",
        "T3,Power BI,2026-02,0,0,9223372036854775807,0,0 | true",
        "T3,Power BI,2026-02,0,0,9223372036854775808,0,0 | false",
        "T3,Power BI,2026-02,0,0,-1,0,0 | false",
        "T3,Power BI,2026-02,0,0,1.0,0,0 | false",
        "'T3,Power BI,2026-02,0,0,0,0,1 ' | false",
        "T3,Power BI,2026-2,1,1,1,1,1 | false",
        "T3,Power BI,2026-13,1,1,1,1,1 | false",
        "T3,Power BI,2026-021,1,1,1,1,1 | false",
        "T3,Power BI,2026/02,1,1,1,1,1 | false",
        "T3 ,Power BI,2026-02,1,1,1,1,1 | false",
        "T3,Power\tBI,2026-02,1,1,1,1,1 | false",
        "T3,Power BI,2026-02,1,1,1,1 | false",
        "T3,Power BI,2026-02,1,1,1,1,1,1 | false",
        "T3,\"Power BI\",2026-02,1,1,1,1,1 | true",
        "T3,Power BI,\"2026-02\",1,1,1,1,\"1\" | true",
        "'T3,Power BI,2026-02,1,1,1,1,1\r' | true",
      })
  void theUsualLinesAreTakenInOnePassAndTheOthersLoadTheSame(String row, boolean plain)
      throws IOException {
    usage(HEADER + "\n" + ROWS + row + "\nT3,Power BI,2026-03,1,1,1,1,1\n");
    sameAsGeneralReader();
    assertThat(parallel("usage.csv", 2)).isEqualTo(plain);
  }

  /**
   * A line that starts with the same bytes as the last, to the comma after its tenant and workload,
   * is taken as of that tenant and workload without looking them up again: ids that begin like the
   * last line's, or that the last line's begin like, are looked up, and load as the general reader
   * loads them.
   */
  @Test
  void aLineIsOfTheLastLinesTenantAndWorkloadOnlyWhenBothAreTheSame() throws IOException {
    TestData.write(dir);
    TestData.put(
        dir, "tenants.csv", "customer_id,tenant_id,tenant_name\nC1,T1,a\nC1,T11,b\nC2,T12,c\n");
    TestData.put(
        dir,
        "workloads.csv",
        "workload,family\nAzure SQL Database,Azure\nTeams,Microsoft 365\nTeam,Microsoft 365\n"
            + "Teams Phone,Microsoft 365\n");
    String rows =
        """
        T1,Teams,2026-01,,,1,,
        T1,Teams,2026-02,,,2,,
        T1,Teams Phone,2026-01,,,3,,
        T1,Teams Phone,2026-02,,,4,,
        T1,Team,2026-01,,,5,,
        T11,Team,2026-01,,,6,,
        T11,Teams,2026-01,,,7,,
        T11,Teams,2026-03,,,8,,
        T11,Teams Phone,2026-03,,,9,,
        T12,Teams Phone,2026-03,,,10,,
        """;
    Files.writeString(dir.resolve("usage.csv"), HEADER + "\n" + rows);
    sameAsGeneralReader();
    // one thread: one chunk, whose lines all follow the line before them
    assertThat(parallel("usage.csv", 1)).isTrue();
    assertThat(parallel("usage.csv", 2)).isTrue();
    String loaded = outcome(Mode.STRICT, 1);
    assertThat(loaded)
        .contains("T1 / Teams Phone: 2026-01,0,0,3,0,0 2026-02,0,0,4,0,0")
        .contains("T1 / Team: 2026-01,0,0,5,0,0")
        .contains("T11 / Team: 2026-01,0,0,6,0,0")
        .contains("T11 / Teams: 2026-01,0,0,7,0,0 2026-03,0,0,8,0,0")
        .contains("T12 / Teams Phone: 2026-03,0,0,10,0,0");

    // ids of the same length that differ in their first bytes only
    Files.writeString(
        dir.resolve("usage.csv"),
        HEADER + "\nT11,Teams Phone,2026-03,,,9,,\nT12,Teams Phone,2026-03,,,10,,\n");
    sameAsGeneralReader();
    assertThat(parallel("usage.csv", 1)).isTrue();
    assertThat(outcome(Mode.STRICT, 1))
        .contains("T11 / Teams Phone: 2026-03,0,0,9,0,0")
        .contains("T12 / Teams Phone: 2026-03,0,0,10,0,0");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "escaped quote",
        "line break in a quoted field",
        "lone CR line breaks",
        "unknown tenant",
        "bad amount",
        "too many fields",
        "too few fields",
        "empty month",
        "not UTF-8",
        "not ASCII in an extra column",
        "quoted header with a line break",
        "blank header line",
        "duplicate row",
        "two runs of one tenant and workload",
        "months not in order",
      })
  void otherFilesAreReadByTheGeneralReader(String variant) throws IOException {
    String header = HEADER + ",note";
    String rows = ROWS.lines().map(l -> l + ",n").collect(Collectors.joining("\n", "", "\n"));
    String row = "T3,Power BI,2026-02,1,2,3,4,5,";
    switch (variant) {
      case "escaped quote" -> rows += row + "\"say \"\"hi\"\"\"\n";
      case "line break in a quoted field" -> rows += row + "\"two\nlines\"\n";
      case "lone CR line breaks" -> rows = rows.replace("\n", "\r");
      case "unknown tenant" -> rows += row.replace("T3", "T9") + "n\n";
      case "bad amount" -> rows += row.replace(",1,", ",1.234,") + "n\n";
      case "too many fields" -> rows += row + "n,extra\n";
      case "too few fields" -> rows += "T3,Power BI,2026-02,1\n";
      case "empty month" -> rows += row.replace("2026-02", "") + "n\n";
      case "not UTF-8" -> rows += row + "caf\u00ff\n"; // written as Latin-1 below
      case "not ASCII in an extra column" -> rows += row + "caf\u00e9\n";
      case "quoted header with a line break" -> header = header.replace(",note", ",\"no\nte\"");
      case "blank header line" -> header = "\n" + header;
      case "duplicate row" -> rows += "T2,Power BI,2026-08,,7,,,,n\n";
      case "two runs of one tenant and workload" ->
          rows += "T1,Azure SQL Database,2026-10,1,,,,,n\n";
      case "months not in order" ->
          rows =
              rows.replace(
                  "2026-09,1000.00,,,,,n\n",
                  "2026-09,1000.00,,,,,n\nT1,Azure SQL Database,2026-07,1,,,,,n\n");
      default -> throw new IllegalArgumentException(variant);
    }
    TestData.write(dir);
    String text = header + "\n" + rows;
    Files.write(
        dir.resolve("usage.csv"),
        text.getBytes(
            variant.equals("not UTF-8") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
    sameAsGeneralReader();
    assertThat(parallel("usage.csv", 2)).isFalse();
  }

  @Test
  void theLowestMarkedByteIsFoundForEveryPatternOfMarks() {
    for (int marks = 1; marks < 256; marks++) {
      long highBits = 0;
      for (int k = 0; k < 8; k++) {
        if ((marks & (1 << k)) != 0) {
          highBits |= 0x80L << (8 * k);
        }
      }
      assertThat(PlainCsv.lowestByte(highBits))
          .as("marks %s", Integer.toBinaryString(marks))
          .isEqualTo(Long.numberOfTrailingZeros(highBits) >>> 3);
      assertThat(PlainCsv.highBitCount(highBits)).isEqualTo(Integer.bitCount(marks));
    }
  }

  @Test
  void theLinesWithContentAreCountedInAnyMixOfLineBreaksAndCarriageReturns() throws IOException {
    // random files of 'a', CR and LF (each byte of a word takes every path of the count: no line
    // break, line breaks without CR, both), counted for 1 to 4 threads (1 to 64 chunks) against one
    // byte at a time
    java.util.Random random = new java.util.Random(20261205);
    byte[] alphabet = {'a', '\r', '\n', 'a', '\n', 'a', 'a', 'a'};
    for (int round = 0; round < 400; round++) {
      byte[] b = new byte[random.nextInt(120)];
      int bias = random.nextInt(3); // runs of one byte, or mixed
      for (int i = 0; i < b.length; i++) {
        b[i] = bias > 0 && i > 0 && random.nextInt(3) > 0 ? b[i - 1] : alphabet[random.nextInt(8)];
      }
      Path f = dir.resolve("count.csv");
      Files.write(f, b);
      int headerEnd = 0;
      while (headerEnd < b.length && b[headerEnd] != '\n') {
        headerEnd++;
      }
      long expected = 0;
      boolean content = false;
      for (int i = headerEnd + 1; i < b.length; i++) {
        if (b[i] == '\n') {
          expected += content ? 1 : 0;
          content = false;
        } else if (b[i] != '\r') {
          content = true;
        }
      }
      expected += content ? 1 : 0;
      for (int threads = 1; threads <= 4; threads++) {
        assertThat(ChunkPlan.counted(f, threads).capacity())
            .as("%s for %d threads", new String(b, StandardCharsets.ISO_8859_1), threads)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void aGeneratedDatasetLoadsTheSameOnAnyNumberOfThreads() throws Exception {
    DataGenerator.generate(dir, 60, 11, TestData.TYPES);
    String general = outcome(Mode.STRICT, 0);
    assertThat(general).doesNotStartWith("errors");
    for (int threads : new int[] {1, 2, 3, 5, 16}) {
      assertThat(outcome(Mode.STRICT, threads)).as(threads + " threads").isEqualTo(general);
    }
    assertThat(parallel("usage.csv", 2)).isTrue();
  }

  /**
   * The rows of usage.csv's parts estimated from samples (here of a few bytes, so that the
   * estimates miss both ways) rather than counted. Where a part had room to spare, the rows after
   * it move down to close the gap; where a part had more rows than room, it stops at the first row
   * it has no room for, and what it left is read after the others, into its place (the parts after
   * it move up); where all parts together had too little room, the loader counts the lines and
   * reads again. Each way the file is read in parallel and the load is the general reader's.
   */
  @Test
  void rowsEstimatedFromSamplesLoadTheSame() throws Exception {
    DataGenerator.generate(dir, 60, 11, TestData.TYPES);
    String general = outcome(Mode.STRICT, 0);
    Path usage = dir.resolve("usage.csv");
    int spare = 0;
    int left = 0;
    int tooLittle = 0;
    for (int sample : new int[] {2, 8, 24, 64, 200}) {
      for (int threads : new int[] {1, 2, 3, 5}) {
        ChunkPlan counted = ChunkPlan.counted(usage, threads);
        ChunkPlan estimated = ChunkPlan.estimate(usage, threads, sample);
        boolean short_ = false;
        for (int k = 0; k < counted.chunks(); k++) {
          spare += estimated.rows()[k] > counted.rows()[k] ? 1 : 0;
          short_ |= estimated.rows()[k] < counted.rows()[k];
        }
        if (estimated.capacity() < counted.capacity()) {
          tooLittle++;
        } else if (short_) {
          left++;
        }
        assertThat(outcome(Mode.STRICT, threads, sample))
            .as("samples of %d bytes, %d threads", sample, threads)
            .isEqualTo(general);
        assertThat(
                DatasetLoader.load(dir, TestData.TYPES, Mode.STRICT, threads, sample)
                    .readInParallel())
            .contains("usage.csv");
      }
    }
    assertThat(spare).as("parts with room to spare").isPositive();
    assertThat(left).as("loads with parts that left rows, and room in all").isPositive();
    assertThat(tooLittle).as("loads with too little room in all").isPositive();
  }

  /**
   * Parts that each have less room than rows, but for the last: each part's rows move up behind
   * what the parts before it left, and what it left is read into its place. Moving them in the
   * wrong order would write a part's rows over the next part's before they move.
   */
  @Test
  void partsThatLeftRowsAreMovedUpAndCompletedInFileOrder() throws Exception {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    long[] from = new long[5];
    long[] to = new long[5];
    int row = 0;
    for (int t = 0; t < 5; t++) {
      from[t] = text.length();
      for (int j = 0; j < 100; j++, row++) {
        text.append("T").append(t + 1).append(",Teams,").append(2000 + j / 12).append('-');
        text.append(String.format("%02d", j % 12 + 1)).append(",,,").append(row).append(",,\n");
      }
      to[t] = text.length();
    }
    Path f = dir.resolve("usage.csv");
    Files.writeString(f, text);
    ChunkPlan plan =
        new ChunkPlan(
            HEADER,
            from,
            to,
            new int[] {80, 80, 80, 80, 200},
            new int[] {0, 80, 160, 240, 320},
            2,
            false);
    IdIndex tenants = new IdIndex(java.util.Map.of("T1", 0, "T2", 1, "T3", 2, "T4", 3, "T5", 4));
    IdIndex workloads = new IdIndex(java.util.Map.of("Teams", 0));
    PlainUsageReader reader =
        new PlainUsageReader(f, plan, 8, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, tenants, workloads);
    PlainUsageReader.Columns out = new PlainUsageReader.Columns();
    out.month = new int[520];
    out.measures = new int[Measure.values().length][520];
    assertThat(reader.read(out)).isTrue();
    assertThat(out.rows).isEqualTo(500);
    for (int r = 0; r < 500; r++) {
      assertThat(out.measures[Measure.PAID_UNITS.ordinal()][r]).as("row %d", r).isEqualTo(r);
      assertThat(Month.format(out.month[r]))
          .isEqualTo(String.format("%d-%02d", 2000 + r % 100 / 12, r % 100 % 12 + 1));
    }
    assertThat(out.runStart.toArray()).containsExactly(0, 100, 200, 300, 400);
    assertThat(out.runTenant.toArray()).containsExactly(0, 1, 2, 3, 4);
  }

  /**
   * A part of an estimated plan with more rows than room stops at the start of the first row it has
   * no room for, having read those before; the plan of what the parts left counts its rows.
   */
  @Test
  void aPartWithMoreRowsThanRoomSaysWhereItStopped() throws Exception {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    for (int i = 0; i < 400; i++) {
      text.append("T1,Teams,").append(2000 + i / 12).append('-');
      text.append(String.format("%02d", i % 12 + 1)).append(",,,,").append(i).append(",\n");
    }
    Path f = dir.resolve("usage.csv");
    Files.writeString(f, text);
    byte[] b = Files.readAllBytes(f);
    ChunkPlan counted = ChunkPlan.counted(f, 1);
    ChunkPlan room = counted.placedAt(new int[] {0});
    room =
        new ChunkPlan(
            room.header(), room.from(), room.to(), new int[] {150}, room.start(), 1, false);
    int[] seen = {0};
    PlainCsv.Outcome read =
        PlainCsv.read(
            f,
            room,
            8,
            new int[] {0, 1, 2, 6},
            k ->
                (line, start, end, i) -> {
                  seen[0]++;
                  return true;
                });
    assertThat(read.plain()).isTrue();
    assertThat(read.rows()).containsExactly(150);
    assertThat(seen[0]).isEqualTo(150);
    long at = read.rest()[0];
    assertThat(new String(b, (int) at, 24, StandardCharsets.US_ASCII))
        .startsWith("T1,Teams,2012-07,,,,150,");
    ChunkPlan rest = ChunkPlan.rest(f, room, read.rest());
    assertThat(rest.rows()).containsExactly(250);
    assertThat(rest.exact()).isTrue();
    // an exact plan with too few rows counted is not read: the file changed since the count
    ChunkPlan exact =
        new ChunkPlan(
            room.header(), room.from(), room.to(), new int[] {150}, room.start(), 1, true);
    assertThat(
            PlainCsv.read(f, exact, 8, new int[] {0}, k -> (line, start, end, i) -> true).plain())
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"as is", "CRLF", "quoted fields", "extra column"})
  void plainAssociationsAreReadInParallelAndLoadTheSame(String variant) throws IOException {
    String text =
        switch (variant) {
          case "CRLF" -> TestData.ASSOCIATIONS.replace("\n", "\r\n");
          case "quoted fields" ->
              TestData.ASSOCIATIONS.replace("T1,Teams,CPOR,", "\"T1\",Teams,\"CPOR\",");
          case "extra column" ->
              TestData.ASSOCIATIONS
                  .lines()
                  .map(l -> l + ",x")
                  .collect(Collectors.joining("\n", "", "\n"));
          default -> TestData.ASSOCIATIONS;
        };
    associations(text);
    sameAsGeneralReader();
    assertThat(parallel("associations.csv", 2)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown type     | T2,Teams,CPOR Unknown,2025-01,",
        "start after end  | T2,Teams,PAL,2025-02,2025-01",
        "empty start      | T2,Teams,PAL,,2025-01",
        "unknown tenant   | T7,Teams,PAL,2025-01,",
        "escaped quote    | 'T2,\"Tea\"\"ms\",PAL,2025-01,'",
        "type not ASCII   | T2,Teams,P\u00c4L,2025-01,",
      })
  void associationsWithAnotherRowAreReadByTheGeneralReader(String variant, String row)
      throws IOException {
    associations(TestData.ASSOCIATIONS + row + "\n");
    sameAsGeneralReader();
    assertThat(parallel("associations.csv", 2)).isFalse();
  }

  private void associations(String text) throws IOException {
    TestData.write(dir);
    Files.write(dir.resolve("associations.csv"), text.getBytes(StandardCharsets.UTF_8));
  }
}
