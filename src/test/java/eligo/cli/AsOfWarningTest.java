package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An --as-of month outside usage.csv's months (2024-06 to 2026-09 in the sample) is a likely slip:
 * every measure of that month counts nothing and customers are quietly not met. The commands say so
 * on standard error and still run; a month inside the data, or the default, draws no warning.
 */
class AsOfWarningTest {
  private static final String SAMPLE = "examples/sample-data";

  private record Ran(int code, String err) {}

  private static Ran eligo(String... args) {
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    return new Ran(code, err.toString());
  }

  /** eligo run -q of the criteria on {@code data}, with --as-of {@code asOf} unless null. */
  private static Ran run(Path tmp, String data, String asOf) {
    List<String> args = new ArrayList<>(List.of("run", "-q", "--criteria", "criteria"));
    args.addAll(List.of("--data", data, "--results", tmp.resolve("out.csv").toString()));
    if (asOf != null) {
      args.addAll(List.of("--as-of", asOf));
    }
    return eligo(args.toArray(String[]::new));
  }

  /** A copy of the sample dataset in {@code tmp/data}, to edit. */
  private static Path sampleCopy(Path tmp) throws IOException {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    try (var files = Files.list(Path.of(SAMPLE))) {
      for (Path f : files.toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    return data;
  }

  @Test
  void runWarnsOfAMonthAfterTheData(@TempDir Path tmp) {
    Ran r = run(tmp, SAMPLE, "2031-01");
    assertThat(r.code()).isZero();
    assertThat(r.err())
        .contains(
            "eligo: warning: the as-of month 2031-01 is after the latest month in usage.csv"
                + " (2026-09): the data hold no usage for it");
  }

  @Test
  void aMonthGivenForAnEmptyUsageFileIsWarnedOf(@TempDir Path tmp) throws IOException {
    Path data = sampleCopy(tmp);
    List<String> usage = Files.readAllLines(data.resolve("usage.csv"));
    Files.write(data.resolve("usage.csv"), usage.subList(0, 1)); // the header only
    Ran r = run(tmp, data.toString(), "2026-09");
    assertThat(r.code()).isZero();
    assertThat(r.err())
        .contains(
            "eligo: warning: usage.csv has no rows: every measure of usage counts nothing as of"
                + " 2026-09, so no node that reads usage is met; check that the export holds the"
                + " month's usage");
  }

  @Test
  void summaryWarnsOfAMonthBeforeTheData() {
    Ran r = eligo("summary", "--criteria", "criteria", "--data", SAMPLE, "--as-of", "1999-01");
    assertThat(r.code()).isZero();
    assertThat(r.err())
        .contains(
            "eligo: warning: the as-of month 1999-01 is before the earliest month in usage.csv"
                + " (2024-06): the data hold no usage up to it");
  }

  @Test
  void aLatestMonthFarAfterTheRestIsCalledALikelySlip(@TempDir Path tmp) throws IOException {
    Path data = sampleCopy(tmp);
    List<String> usage = Files.readAllLines(data.resolve("usage.csv"));
    String row = usage.get(1);
    usage.set(1, row.replace(",2024-06,", ",2062-06,")); // a year typed 2062 for 2026
    assertThat(usage.get(1)).isNotEqualTo(row);
    Files.write(data.resolve("usage.csv"), usage);
    Ran r = run(tmp, data.toString(), null);
    assertThat(r.code()).isZero();
    assertThat(r.err())
        .contains(
            "eligo: warning: the as-of month 2062-06, the latest in usage.csv, comes 429 months"
                + " after the month before it with usage, 2026-09: check usage.csv for a mistyped"
                + " month, or give --as-of");
    Ran given =
        eligo("summary", "--criteria", "criteria", "--data", data.toString(), "--as-of", "2026-09");
    assertThat(given.err()).doesNotContain("as-of month");
  }

  @Test
  void anEarliestMonthFarBeforeTheRestIsCalledALikelySlip(@TempDir Path tmp) throws IOException {
    // a year typed 0026 for 2026: that row's usage counts in the wrong month, quietly, whatever
    // the as-of month
    Path data = sampleCopy(tmp);
    List<String> usage = Files.readAllLines(data.resolve("usage.csv"));
    int at = 1;
    while (!usage.get(at).contains(",2026-06,")) {
      at++;
    }
    usage.set(at, usage.get(at).replace(",2026-06,", ",0026-06,"));
    Files.write(data.resolve("usage.csv"), usage);
    String expected =
        "eligo: warning: the earliest month in usage.csv, 0026-06, comes 23976 months before the"
            + " next month with usage, 2024-06: check usage.csv for a mistyped month, whose usage"
            + " would count in the wrong month";
    Ran r = run(tmp, data.toString(), null);
    assertThat(r.code()).isZero();
    assertThat(r.err()).contains(expected);
    assertThat(run(tmp, data.toString(), "2026-09").err()).contains(expected);
    // the sample itself, and a gap of a year, draw none
    assertThat(run(tmp, SAMPLE, null).err()).doesNotContain("earliest month in usage.csv");
  }

  @Test
  void runWarnsOfCriteriaReadingMonthsBeforeTheData(@TempDir Path tmp) {
    // 2025-10 is in the data, but the windows and the baselines reach back to M - 23, 2023-11
    Ran r = run(tmp, SAMPLE, "2025-10");
    assertThat(r.code()).isZero();
    assertThat(r.err())
        .contains(
            "eligo: warning: 12 nodes read usage of months before the earliest in usage.csv"
                + " (2024-06), which count nothing, so their windows and baselines are quietly"
                + " short: furthest back, azure workloads (azure.criteria:14) reads from 2023-11"
                + " (M - 23): check that usage.csv reaches back that far");
    // the bundled sample reaches back far enough for its latest month
    assertThat(run(tmp, SAMPLE, null).err()).doesNotContain("read usage of months before");
    assertThat(run(tmp, SAMPLE, "2026-05").err()).doesNotContain("read usage of months before");
  }

  @Test
  void atTheDataLatestMonthALateFirstMonthOfUsageIsNotCalledShort(@TempDir Path tmp)
      throws IOException {
    Path data = sampleCopy(tmp);
    // usage from 2025-10 only: the customers' first usage, or a short export? The run cannot tell
    List<String> usage = Files.readAllLines(data.resolve("usage.csv"));
    List<String> late = new ArrayList<>(List.of(usage.get(0)));
    for (String row : usage.subList(1, usage.size())) {
      if (row.split(",")[2].compareTo("2025-10") >= 0) {
        late.add(row);
      }
    }
    Files.write(data.resolve("usage.csv"), late);
    assertThat(run(tmp, data.toString(), null).err()).doesNotContain("read usage of months");
    // given by hand, even the same month: the author of --as-of is told how far back it reads
    assertThat(run(tmp, data.toString(), "2026-09").err())
        .contains(
            "eligo: warning: 28 nodes read usage of months before the earliest in usage.csv"
                + " (2025-10)");
  }

  @Test
  void aMonthInsideTheDataOrTheDefaultDrawsNoWarning(@TempDir Path tmp) {
    for (String month : new String[] {"2026-09", "2024-06", "2025-03"}) {
      Ran r = run(tmp, SAMPLE, month);
      assertThat(r.code()).isZero();
      assertThat(r.err()).as(month).doesNotContain("as-of month");
    }
    Ran r = eligo("summary", "--criteria", "criteria", "--data", SAMPLE);
    assertThat(r.err()).doesNotContain("as-of month");
  }
}
