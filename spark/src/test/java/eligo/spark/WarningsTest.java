package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.Month;
import eligo.engine.CriteriaFailure;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.Stages;
import eligo.engine.Started;
import eligo.io.Mode;
import eligo.ir.Ir;
import eligo.lang.Diagnostic;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark runner holds the criteria against the data and looks at the as-of month as {@code eligo
 * run} does: a likely slip in a workload name stops it at its criteria line, a name the data lack
 * and an as-of month outside the months of usage are warned of, in {@code eligo run}'s words.
 */
class WarningsTest {
  private final SparkSession spark = SparkTests.session();

  @TempDir Path tmp;

  private SparkRunner.Summary run(Path criteria, Path data, Integer asOf) throws Exception {
    Path out = tmp.resolve("results-" + System.nanoTime() + ".csv");
    return SparkRunner.run(spark, SparkTests.options(criteria, data.toString(), out, asOf));
  }

  /** The shipped criteria with {@code from} replaced by {@code to} in {@code file}. */
  private Path criteriaWith(String file, String from, String to) throws Exception {
    Path criteria = tmp.resolve("criteria");
    Files.createDirectories(criteria);
    try (Stream<Path> s = Files.list(SparkTests.criteria())) {
      for (Path f : s.filter(p -> p.toString().endsWith(".criteria")).toList()) {
        String text = Files.readString(f);
        if (f.getFileName().toString().equals(file)) {
          assertThat(text).contains(from);
          text = text.replace(from, to);
        }
        Files.writeString(criteria.resolve(f.getFileName()), text);
      }
    }
    return criteria;
  }

  /** What {@code eligo run} starts with: the criteria compiled and bound to the loaded data. */
  private static Started eligoStart(Path criteria, Path data) throws Exception {
    return Eligo.start(criteria, data, Mode.STRICT, Engine.generated, Stages.NONE);
  }

  private static String render(List<Diagnostic> ds) {
    StringBuilder sb = new StringBuilder();
    ds.forEach(d -> sb.append(d.render()).append('\n'));
    return sb.toString();
  }

  @Test
  void aWorkloadNameALetterFromTheDatasStopsTheRunAtItsLineAsEligoRunDoes() throws Exception {
    Path criteria = criteriaWith("modern-work.criteria", "\"Yammer\"", "\"Yamer\"");
    CriteriaFailure eligo =
        org.junit.jupiter.api.Assertions.assertThrows(
            CriteriaFailure.class, () -> eligoStart(criteria, SparkTests.sampleData()));
    assertThatThrownBy(() -> run(criteria, SparkTests.sampleData(), null))
        .isInstanceOf(CriteriaFailure.class)
        .hasMessageContaining("modern-work.criteria:")
        .hasMessageContaining("the data has no workload \"Yamer\"; did you mean \"Yammer\"?")
        .satisfies(e -> assertThat(((CriteriaFailure) e).rendered()).isEqualTo(eligo.rendered()));
  }

  @Test
  void theNamesTheDataLackAreEligoRunsWarnings() throws Exception {
    Started s = eligoStart(SparkTests.criteria(), SparkTests.sampleData());
    assertThat(s.warnings()).isNotEmpty();
    SparkRunner.Summary summary = run(SparkTests.criteria(), SparkTests.sampleData(), null);
    assertThat(render(summary.namesNotInData())).isEqualTo(render(s.warnings()));
    assertThat(summary.asOfWarning()).isNull();

    StringWriter local = new StringWriter();
    Main.warn(
        summary, Path.of("criteria"), SparkTests.sampleData().toString(), new PrintWriter(local));
    assertThat(local.toString())
        .isEqualTo(
            "eligo-spark: warning: "
                + s.warnings().size()
                + " workload and family names of the criteria are not in this dataset's"
                + " workloads.csv, so rules count nothing for them here; each with its line: eligo"
                + " check --criteria criteria --data "
                + SparkTests.sampleData()
                + System.lineSeparator());
    // data in a lake: eligo check cannot read it, so each name is listed at its line
    StringWriter lake = new StringWriter();
    Main.warn(summary, Path.of("criteria"), "s3a://lake/eligo/2026-09", new PrintWriter(lake));
    assertThat(lake.toString().lines().toList())
        .hasSize(1 + s.warnings().size())
        .first()
        .asString()
        .endsWith("so rules count nothing for them here:");
    assertThat(lake.toString())
        .contains("  " + s.warnings().get(0).span().where() + ": " + s.warnings().get(0).message());
  }

  @Test
  void anAsOfMonthAfterTheLatestUsageIsWarnedOfAsEligoRunDoes() throws Exception {
    int asOf = Month.parse("2030-01");
    SparkRunner.Summary summary = run(SparkTests.criteria(), SparkTests.sampleData(), asOf);
    Started s = eligoStart(SparkTests.criteria(), SparkTests.sampleData());
    String expected = Eligo.asOfWarning(asOf, asOf, s.loaded().dataset());
    assertThat(expected).startsWith("the as-of month 2030-01 is after the latest month");
    assertThat(summary.asOfWarning()).isEqualTo(expected);
    StringWriter err = new StringWriter();
    Main.warn(summary, Path.of("criteria"), "s3a://lake/x", new PrintWriter(err));
    assertThat(err.toString()).contains("eligo-spark: warning: " + expected);
  }

  @Test
  void criteriaReadingMonthsBeforeTheDataAreWarnedOfAsEligoRunDoes() throws Exception {
    int asOf = Month.parse("2025-01"); // the sample's usage starts in 2024-06
    SparkRunner.Summary summary = run(SparkTests.criteria(), SparkTests.sampleData(), asOf);
    Started s = eligoStart(SparkTests.criteria(), SparkTests.sampleData());
    String expected = Eligo.asOfWarning(asOf, asOf, s.loaded().dataset(), s.criteria().program());
    assertThat(expected).contains("before the earliest in usage.csv (2024-06)");
    assertThat(summary.asOfWarning()).isEqualTo(expected);
  }

  @Test
  void aLatestMonthYearsAfterTheOneBeforeItIsWarnedOfAsEligoRunDoes() throws Exception {
    Path data = SparkTests.sampleCopy(tmp.resolve("data"));
    // one row's year mistyped: 2062 for 2026
    Files.writeString(
        data.resolve("usage.csv"),
        "T00000635,Microsoft Defender for Office 365,2062-05,,,10,8,8\n",
        java.nio.file.StandardOpenOption.APPEND);
    Started s = eligoStart(SparkTests.criteria(), data);
    int latest = Eligo.asOf(null, s.loaded().dataset());
    String expected = Eligo.asOfWarning(null, latest, s.loaded().dataset());
    assertThat(expected).startsWith("the as-of month 2062-05, the latest in usage.csv, comes");
    SparkRunner.Summary summary = run(SparkTests.criteria(), data, null);
    assertThat(summary.asOf()).isEqualTo(latest);
    assertThat(summary.asOfWarning()).isEqualTo(expected);
  }

  @Test
  void usageMonthsKeepTheEarliestTheLatestAndTheOnesNextToThemWhateverTheOrder() {
    int[] months = {
      Month.parse("2025-03"), Month.parse("2026-09"), Month.parse("2024-01"),
      Month.parse("2026-09"), Month.parse("2026-08"), Month.parse("2025-12")
    };
    UsageMonths one = new UsageMonths();
    for (int m : months) {
      one.add(m);
    }
    eligo.data.UsageMonths expected =
        new eligo.data.UsageMonths(
            Month.parse("2026-09"),
            Month.parse("2026-08"),
            Month.parse("2025-03"),
            Month.parse("2024-01"));
    assertThat(one.value()).isEqualTo(expected);
    // split between two tasks, in either order of merging
    for (int cut = 0; cut <= months.length; cut++) {
      UsageMonths a = new UsageMonths();
      UsageMonths b = new UsageMonths();
      for (int i = 0; i < months.length; i++) {
        (i < cut ? a : b).add(months[i]);
      }
      UsageMonths ab = a.copy();
      ab.merge(b);
      UsageMonths ba = b.copy();
      ba.merge(a);
      assertThat(ab.value()).isEqualTo(expected);
      assertThat(ba.value()).isEqualTo(expected);
    }
    UsageMonths none = new UsageMonths();
    assertThat(none.isZero()).isTrue();
    none.add(Month.parse("2026-09"));
    assertThat(none.value())
        .isEqualTo(
            new eligo.data.UsageMonths(
                Month.parse("2026-09"), Month.NONE, Month.NONE, Month.parse("2026-09")));
    assertThat(
            SparkRunner.asOfWarning(
                null, Month.parse("2026-09"), none.value(), new Ir.Program(List.of(), List.of())))
        .isNull();
  }
}
