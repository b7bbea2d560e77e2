package eligo.invented;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.data.Month;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.Mode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invented area {@code examples/all-constructs} ("Partner club"): one area using every
 * construct of issue 14 at once (average, minimum, maximum; relative growth with both zero
 * outcomes; at least K of N; points; a customer and a tenant attribute with ==, !=, in, not ... in;
 * and/or/not; two versions; a gate, metrics and leaves; texts showing the rule's values), written
 * in the criteria language only, with no Java for it anywhere. It compiles clean against its data,
 * passes its own cases with both engines, and both engines write the same results file over its
 * data at every month either version is in force.
 */
class PartnerClubTest {
  static final Path AREA = Path.of("examples/all-constructs");
  static final Path DATA = AREA.resolve("data");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicNode> itsCasesPassWithBothEngines() {
    return InventedAreas.casesWithBothEngines(AREA);
  }

  @Test
  void itCompilesWithNoErrorOrWarningAgainstItsData() throws Exception {
    Frontend.Compilation c = Eligo.compileCriteria(AREA);
    assertThat(c.diagnostics()).isEmpty();
    assertThat(Eligo.loadFor(c, DATA, Mode.STRICT).warnings()).isEmpty();
    InventedAreas.Result r = InventedAreas.strictCheck(AREA, DATA);
    assertThat(r.code()).as(r.err() + r.out()).isZero();
    assertThat(r.out())
        .isEqualTo("examples/all-constructs: 1 file, 1 area (2 versions), 23 nodes: ok\n");
  }

  @Test
  void bothEnginesWriteTheSameResultsAtEveryMonthOfEitherVersion() throws Exception {
    Frontend.Compilation c = Eligo.compileCriteria(AREA);
    Eligo.Bound bound = Eligo.loadFor(c, DATA, Mode.STRICT);
    for (int m = Month.parse("2025-07"); m <= Month.parse("2026-08"); m++) {
      String[] bytes = new String[2];
      for (Engine engine : Engine.values()) {
        Outcome o =
            Eligo.evaluate(c, engine, bound.loaded().dataset(), m, 1, Evaluation.Progress.NONE);
        assertThat(o.area("partner-club").area.version().label())
            .as("%s as of %s", engine, Month.format(m))
            .isEqualTo(m < Month.parse("2026-07") ? "FY26" : "FY27");
        bytes[engine.ordinal()] = InventedAreas.results(o);
      }
      assertThat(bytes[0]).as(Month.format(m)).isEqualTo(bytes[1]);
      // FY27 added 'attached'
      assertThat(bytes[0].contains(",attached,")).isEqualTo(m >= Month.parse("2026-07"));
    }
  }

  @Test
  void theRunWritesTheSameFileWithBothEnginesAndStopsBeforeTheFirstVersion() throws Exception {
    String[] files = new String[2];
    for (Engine engine : Engine.values()) {
      Path results = tmp.resolve(engine.name() + ".csv");
      InventedAreas.Result r =
          InventedAreas.cli(
              "run",
              "--criteria",
              AREA.toString(),
              "--data",
              DATA.toString(),
              "--results",
              results.toString(),
              "--engine",
              engine.name());
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .contains("6 customers of 2 partners, as of 2026-08")
          .contains("partner-club: version FY27, in force from 2026-07");
      files[engine.ordinal()] = java.nio.file.Files.readString(results);
    }
    assertThat(files[0]).isEqualTo(files[1]);
    // C001: T001 grew from $900 to $1,100 a month, T002 stayed at $150: $15,000 against $12,600
    assertThat(files[0])
        .contains("P001,C001,partner-club,growth,not_met,15000\n")
        .contains("P001,C001,partner-club,scored,met,4\n")
        .contains("P001,C002,partner-club,steady-spend,not_met,487.17\n")
        .contains("P001,C003,partner-club,new-or-growing,met,7000\n")
        .contains("P001,C004,partner-club,active,not_met,1\n")
        .contains("P001,C004,partner-club,steady-spend,not_evaluated,\n")
        .contains("P002,C005,partner-club,regions.americas,met,1\n");

    Path early = tmp.resolve("early.csv");
    InventedAreas.Result r =
        InventedAreas.cli(
            "run",
            "--criteria",
            AREA.toString(),
            "--data",
            DATA.toString(),
            "--as-of",
            "2025-06",
            "--results",
            early.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .startsWith(
            "eligo: partner-club.criteria:22:54: area 'partner-club' has no version in force at"
                + " 2025-06: its first version, \"FY26\", is in force from 2025-07");
    assertThat(early).doesNotExist();
  }

  private static String explain(String engine, String... rest) {
    return InventedAreas.explain(AREA, DATA, engine, rest).out();
  }

  @Test
  void explainNamesTheFailedParts() {
    for (String engine : List.of("generated", "interpret")) {
      // the gate's 'and': the count held, the segment did not
      assertThat(explain(engine, "C004"))
          .contains(
              "all of: value >= 1: 1 tenant against 1 tenant, held; not segment in (\"Test\","
                  + " \"Internal\"): segment is \"Test\", did not hold")
          .contains("why: not evaluated: gate 'Active customer' was not met");
      String c002 = explain(engine, "C002");
      assertThat(c002)
          .contains(
              "1 of 3 conditions held: (minimum monthly_acr for month in M - 2 .. M) > $0; not:"
                  + " value >= $12000, value >= 20% more than year_before when zero: not met;"
                  + " needed: at least 2 of the 3 conditions\n")
          .contains(
              "1 of 6 points: (minimum monthly_acr for month in M - 2 .. M) > $0 (1); not:"
                  + " annual_acr >= $12000 (3), annual_acr >= 20% more than year_before when zero:"
                  + " not met (2); needed: at least 4\n")
          .contains(
              "growth: $5,846.00 against a baseline of $6,246.00, ratio 0.936 (6.4% less);"
                  + " needed: at least 20% more than the baseline")
          // the texts show the rule's values, FY27's $1,200 among them
          .contains("criteria: An average of at least $1,200 of Azure ACR a month")
          .contains("criteria: An Enterprise customer with at least $10,000 of Azure ACR");
      assertThat(explain(engine, "C005"))
          .contains(
              // each bracketed part with its own parts: which one failed inside it
              "any of: (segment == \"Enterprise\" and value >= enterprise_acr): (all of: segment"
                  + " == \"Enterprise\": segment is \"Enterprise\", held; value >= enterprise_acr:"
                  + " $99.99 against $10,000.00, did not hold), did not hold; (segment !="
                  + " \"Enterprise\" and value >= other_acr): (all of: segment != \"Enterprise\":"
                  + " segment is \"Enterprise\", did not hold; value >= other_acr: not evaluated"
                  + " (already decided)), did not hold")
          .contains("for a baseline of 0 or less the criteria say met")
          // its only tenant is in the US: the highest is of those the filter keeps, none
          .contains(
              "the highest ACR per tenant, of those whose country is not \"US\" or \"\": $0.00");
      // as of 2026-06 FY26 runs, with its own $1,000
      assertThat(explain(engine, "--as-of", "2026-06", "C001"))
          .contains("Partner club, version FY26, in force from 2025-07 (partner-club)")
          .contains("criteria: An average of at least $1,000 of Azure ACR a month");
    }
  }
}
