package eligo.invented;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.codegen.Evaluators;
import eligo.data.Month;
import eligo.engine.CriteriaFailure;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.Mode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invented area {@code examples/cloud-commit}, in two versions (FY26 from 2025-07, FY27 from
 * 2026-07): a run as of each month runs the version in force then, with both engines; a month
 * before the first version stops the run; {@code diff} compares the two versions on one dataset;
 * the views say which version ran.
 */
class CloudCommitTest {
  static final Path AREA = Path.of("examples/cloud-commit");
  static final Path DATA = AREA.resolve("data");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicNode> itsCasesPassWithBothEngines() {
    return InventedAreas.casesWithBothEngines(AREA);
  }

  @Test
  void aRunAsOfEachMonthRunsTheVersionInForceThenWithBothEngines() throws Exception {
    Frontend.Compilation c = Eligo.compileCriteria(AREA);
    Eligo.Bound bound = Eligo.loadFor(c, DATA, Mode.STRICT);
    for (int m = Month.parse("2025-07"); m <= Month.parse("2026-08"); m++) {
      String expected = m < Month.parse("2026-07") ? "FY26" : "FY27";
      String[] bytes = new String[2];
      for (Engine engine : Engine.values()) {
        Outcome o =
            Eligo.evaluate(c, engine, bound.loaded().dataset(), m, 1, Evaluation.Progress.NONE);
        assertThat(o.area("cloud-commit").area.version().label())
            .as("%s as of %s", engine, Month.format(m))
            .isEqualTo(expected);
        bytes[engine.ordinal()] = InventedAreas.results(o);
      }
      // both engines write the same file, and it holds the nodes of the version that ran
      assertThat(bytes[0]).as(Month.format(m)).isEqualTo(bytes[1]);
      assertThat(bytes[0].contains(",every-month,")).isEqualTo(expected.equals("FY27"));
    }
    // the boundary: C002's $4,380.00 over TTM meets FY26's $4,000 (2026-06), not FY27's $5,000
    Outcome before =
        Eligo.evaluate(
            c,
            Engine.generated,
            bound.loaded().dataset(),
            Month.parse("2026-06"),
            1,
            Evaluation.Progress.NONE);
    Outcome from =
        Eligo.evaluate(
            c,
            Engine.interpret,
            bound.loaded().dataset(),
            Month.parse("2026-07"),
            1,
            Evaluation.Progress.NONE);
    assertThat(InventedAreas.results(before))
        .contains("P001,C002,cloud-commit,yearly-acr,met,4360\n");
    assertThat(InventedAreas.results(from))
        .contains("P001,C002,cloud-commit,yearly-acr,not_met,4380\n");
  }

  @Test
  void eachVersionIsItsOwnEvaluatorClassNamedByItsMonth() throws Exception {
    Frontend.Compilation c = Eligo.compileCriteria(AREA);
    assertThat(Evaluators.classNames(c.program()))
        .isEqualTo(
            Map.of(
                "cloud-commit@2025-07", "CloudCommitFrom202507Evaluator",
                "cloud-commit@2026-07", "CloudCommitFrom202607Evaluator"));
    assertThat(Evaluators.generate(c.program(), "p").get(1).toString())
        .contains("2026-07 written at cloud-commit.criteria:19:58")
        .contains("class CloudCommitFrom202607Evaluator");
  }

  @Test
  void aMonthBeforeTheFirstVersionStopsTheRunNamingTheAreaAndTheMonth() throws Exception {
    Path results = tmp.resolve("results.csv");
    for (String engine : List.of("generated", "interpret")) {
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
              results.toString(),
              "--engine",
              engine);
      assertThat(r.code()).as(r.err()).isEqualTo(3);
      assertThat(r.err())
          .isEqualTo(
              "eligo: cloud-commit.criteria:11:58: area 'cloud-commit' has no version in force at"
                  + " 2025-06: its first version, \"FY26\", is in force from 2025-07; run as of a"
                  + " later month, or give the area a version from an earlier one\n");
      assertThat(results).doesNotExist();
    }
    Frontend.Compilation c = Eligo.compileCriteria(AREA);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Eligo.inForce(c.program(), Month.parse("2025-06")))
        .isInstanceOf(CriteriaFailure.class);
  }

  @Test
  void theRunSaysWhichVersionRan() {
    InventedAreas.Result r =
        InventedAreas.cli(
            "run", "--criteria", AREA.toString(), "--data", DATA.toString(), "--as-of", "2026-06");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("as of 2026-06, 1 areas (")
        .contains(
            "\ncloud-commit: version FY26, in force from 2025-07, written at"
                + " cloud-commit.criteria:11:58\n");
    InventedAreas.Result check = InventedAreas.cli("check", "--criteria", AREA.toString());
    assertThat(check.out())
        .isEqualTo("examples/cloud-commit: 1 file, 1 area (2 versions), 3 nodes: ok\n");
  }

  @Test
  void everyViewNamesTheVersionThatRan() {
    String heading = "Cloud commitment, version FY27, in force from 2026-07";
    String[] data = {"--criteria", AREA.toString(), "--data", DATA.toString()};
    assertThat(InventedAreas.cli(concat(new String[] {"summary"}, data)).out())
        .contains(heading + " (cloud-commit)");
    assertThat(
            InventedAreas.cli(concat(new String[] {"explain"}, data, new String[] {"C001"})).out())
        .contains(heading + " (cloud-commit)");
    assertThat(
            InventedAreas.cli(
                    concat(new String[] {"summary"}, data, new String[] {"--format", "json"}))
                .out())
        .contains("\"title\" : \"" + heading + "\"");
    assertThat(
            InventedAreas.cli(concat(new String[] {"tree"}, data, new String[] {"cloud-commit"}))
                .out())
        .startsWith("area cloud-commit: " + heading + "\n");
    // the tree without data: the version in force at --as-of, else the latest
    assertThat(
            InventedAreas.cli(
                    "tree", "--criteria", AREA.toString(), "--as-of", "2026-06", "cloud-commit")
                .out())
        .startsWith("area cloud-commit: Cloud commitment, version FY26, in force from 2025-07\n");
    assertThat(
            InventedAreas.cli(
                    "tree", "--criteria", AREA.toString(), "cloud-commit", "--format", "json")
                .out())
        .contains("\"version\" : \"FY27\"")
        .contains("\"versionFrom\" : \"2026-07\"");
  }

  @Test
  void theHtmlReportNamesTheVersion() throws Exception {
    Path site = tmp.resolve("site");
    InventedAreas.Result r =
        InventedAreas.cli(
            "report",
            "--criteria",
            AREA.toString(),
            "--data",
            DATA.toString(),
            "--as-of",
            "2026-06",
            "--out",
            site.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(site.resolve("index.html")))
        .contains("Cloud commitment, version FY26, in force from 2025-07");
  }

  @Test
  void diffComparesTwoVersionsOnTheSameData() throws Exception {
    for (String engine : List.of("generated", "interpret")) {
      InventedAreas.Result r =
          InventedAreas.cli(
              "diff",
              "--criteria",
              AREA.toString(),
              "--version",
              "FY26",
              "--against",
              "FY27",
              "--data",
              DATA.toString(),
              "--engine",
              engine);
      assertThat(r.code()).as(r.err()).isZero();
      assertThat(r.out())
          .startsWith(
              "Criteria examples/cloud-commit version FY26 -> examples/cloud-commit version FY27"
                  + " on examples/cloud-commit/data, as of 2026-08\n"
                  + "3 of 3 customers changed (4 rows); no partner-level row changed.\n")
          .contains("  cloud-commit  every-month  3          (no such node) -> Met 3\n")
          .contains("  cloud-commit  yearly-acr   1          Met -> Not met 1\n")
          .contains("    cloud-commit  yearly-acr   Met 4400 -> Not met 4400\n");
    }
    // either version runs at any month: FY27 as of 2026-03, before it is in force
    InventedAreas.Result early =
        InventedAreas.cli(
            "diff",
            "--criteria",
            AREA.toString(),
            "--version",
            "FY27",
            "--against",
            "FY26",
            "--data",
            DATA.toString(),
            "--as-of",
            "2026-03",
            "--area",
            "cloud-commit");
    assertThat(early.code()).as(early.err()).isZero();
    assertThat(early.out()).contains("Met -> (no such node) 3");
  }

  @Test
  void diffRefusesAVersionTheAreaLacksOrHalfAForm() {
    InventedAreas.Result r =
        InventedAreas.cli(
            "diff",
            "--criteria",
            AREA.toString(),
            "--version",
            "FY26",
            "--against",
            "FY28",
            "--data",
            DATA.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "eligo: area 'cloud-commit' has no version \"FY28\"; its versions: \"FY26\" (from"
                + " 2025-07), \"FY27\" (from 2026-07)\n");
    InventedAreas.Result half =
        InventedAreas.cli(
            "diff", "--criteria", AREA.toString(), "--version", "FY26", "--data", DATA.toString());
    assertThat(half.code()).isEqualTo(2);
    assertThat(half.err()).contains("give either --old and --new");
    InventedAreas.Result both =
        InventedAreas.cli(
            "diff",
            "--old",
            AREA.toString(),
            "--new",
            AREA.toString(),
            "--version",
            "FY26",
            "--against",
            "FY27",
            "--data",
            DATA.toString());
    assertThat(both.code()).isEqualTo(2);
  }

  @Test
  void aCaseAsOfAMonthWithNoVersionInForceIsAnErrorAtItsExpectation() throws Exception {
    Path dir = tmp.resolve("criteria");
    Files.createDirectories(dir);
    Files.copy(AREA.resolve("cloud-commit.criteria"), dir.resolve("cloud-commit.criteria"));
    Files.writeString(
        dir.resolve("early.cases"),
        """
        workloads "Virtual Machines" family "Azure"
        case "too early" {
          intent "no version is in force in 2025-06"
          as of 2025-06
          customer C1
          tenant T1
          expect cloud-commit yearly-acr not_met 0
        }
        """);
    InventedAreas.Result r = InventedAreas.cli("test", "--criteria", dir.toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.out() + r.err())
        .contains(
            "early.cases:7:10: error: area 'cloud-commit' has no version in force at 2025-06 (its"
                + " first version, \"FY26\", is in force from 2025-07)");
  }

  private static String[] concat(String[]... parts) {
    return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
  }
}
