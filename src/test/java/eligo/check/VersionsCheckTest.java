package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Month;
import eligo.ir.Ir;
import eligo.lang.Diagnostic;
import eligo.lang.Formatter;
import eligo.lang.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Versions of an area ({@code area a "A" version "2027" from 2027-01 { ... }}): every version
 * compiles into the program, in order of their months; each mistake at its line and column.
 */
class VersionsCheckTest {
  private static String block(String header, String threshold) {
    return """
        area a "A"%s {
          metric m "M" {
            criteria "A rule"
            value sum acr for tenant, workload in CLOUD, month in TTM(M)
            met when value >= %s
          }
        }
        """
        .formatted(header, threshold);
  }

  private static Frontend.Compilation compile(String... blocks) {
    return Frontend.compile(
        Map.of("a.criteria", "workloads CLOUD = family \"Azure\"\n" + String.join("", blocks)));
  }

  private static List<String> errors(String... blocks) {
    return compile(blocks).diagnostics().stream()
        .filter(Diagnostic::isError)
        .map(d -> d.span().where() + ": " + d.message())
        .toList();
  }

  @Test
  void everyVersionIsInTheProgramInOrderOfItsMonth() {
    Frontend.Compilation c =
        compile(
            block(" version \"2027\" from 2027-01", "$2000"),
            block(" version \"2026\" from 2026-01", "$1000"));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    Ir.Program p = c.program();
    assertThat(p.chosen()).isFalse();
    assertThat(p.areas()).extracting(a -> a.version().label()).containsExactly("2026", "2027");
    assertThat(p.areas()).extracting(Ir.Area::key).containsExactly("a@2026-01", "a@2027-01");
    // the version's month is located where it is written (the second block is at line 9)
    assertThat(p.areas().get(1).version().where()).isEqualTo("a.criteria:2:32");
    assertThat(p.areas().get(0).version().where()).isEqualTo("a.criteria:9:32");
  }

  @Test
  void aRunChoosesTheVersionInForceAtItsMonth() {
    Ir.Program p =
        compile(
                block(" version \"2026\" from 2026-01", "$1000"),
                block(" version \"2027\" from 2027-01", "$2000"))
            .program();
    // the month before a version runs the one before it; the month it starts, itself
    assertThat(p.inForce(Month.parse("2026-12")).area("a").version().label()).isEqualTo("2026");
    assertThat(p.inForce(Month.parse("2027-01")).area("a").version().label()).isEqualTo("2027");
    assertThat(p.inForce(Month.parse("2026-01")).area("a").version().label()).isEqualTo("2026");
    assertThat(p.inForce(Month.parse("2026-01")).chosen()).isTrue();
    // before the first version, none: the area is missing, and named
    assertThat(p.inForce(Month.parse("2025-12")).areas()).isEmpty();
    assertThat(p.missing(Month.parse("2025-12"), Map.of()))
        .extracting(Ir.Area::id)
        .containsExactly("a");
    // a version asked by its label runs whatever the month
    assertThat(p.inForce(Month.parse("2025-12"), Map.of("a", "2027")).area("a").version().label())
        .isEqualTo("2027");
    assertThat(p.missing(Month.parse("2026-06"), Map.of("a", "2030"))).hasSize(1);
  }

  @Test
  void anAreaWithoutVersionsIsAsBefore() {
    Frontend.Compilation c = compile(block("", "$1000"));
    assertThat(c.ok()).isTrue();
    assertThat(c.program().chosen()).isTrue();
    assertThat(c.program().versioned()).isFalse();
    assertThat(c.program().areas().get(0).key()).isEqualTo("a");
    assertThat(c.program().areas().get(0).heading()).isEqualTo("A");
    assertThat(c.program().inForce(Month.parse("1999-01"))).isSameAs(c.program());
  }

  @Test
  void aVersionAloneIsAllowedAndNamedInTheHeading() {
    Frontend.Compilation c = compile(block(" version \"FY27\" from 2026-07", "$1000"));
    assertThat(c.ok()).isTrue();
    assertThat(c.program().areas().get(0).heading())
        .isEqualTo("A, version FY27, in force from 2026-07");
  }

  @Test
  void twoVersionsFromOneMonthAreAnErrorAtTheSecond() {
    assertThat(
            errors(
                block(" version \"2026\" from 2026-01", "$1000"),
                block(" version \"2027\" from 2026-01", "$2000")))
        .containsExactly(
            "a.criteria:9:32: area 'a' has two versions in force from 2026-01: \"2026\" (at"
                + " a.criteria:2:32) and \"2027\"; give each version its own month");
  }

  @Test
  void twoVersionsWithOneLabelAreAnError() {
    assertThat(
            errors(
                block(" version \"2026\" from 2026-01", "$1000"),
                block(" version \"2026\" from 2027-01", "$2000")))
        .containsExactly(
            "a.criteria:9:20: area 'a' has two versions labelled \"2026\" (also at a.criteria:2:20)");
  }

  @Test
  void anAreaWrittenTwiceWithoutAVersionSaysHowToKeepVersions() {
    assertThat(errors(block(" version \"2026\" from 2026-01", "$1000"), block("", "$2000")))
        .containsExactly(
            "a.criteria:9:6: area 'a' is declared twice (also at a.criteria:2:6); to keep several"
                + " versions of one area, give each block a version: version \"2027\" from 2027-01");
    // two blocks with no version at all: the error it always was
    assertThat(errors(block("", "$1000"), block("", "$2000")))
        .containsExactly("a.criteria:9:6: area 'a' is declared twice (also at a.criteria:2:6)");
  }

  @Test
  void aMalformedMonthIsAnErrorAtIt() {
    for (String month : List.of("2027-13", "2027-1", "2027-00", "27-01", "2027 - 01")) {
      assertThat(errors(block(" version \"v\" from " + month, "$1000")))
          .as(month)
          .containsExactly(
              "a.criteria:2:29: '"
                  + month
                  + "' is not a month: write the month a version is in force from as YYYY-MM,"
                  + " e.g. 2027-01");
    }
    assertThat(errors(block(" version \"\" from 2027-01", "$1000")))
        .containsExactly("a.criteria:2:20: a version needs a label: version \"2027\" from 2027-01");
  }

  @Test
  void aVersionClauseWithAPartMissingIsASyntaxErrorAtItsPlace() {
    assertThat(errors(block(" version \"2027\" 2027-01", "$1000")))
        .first()
        .asString()
        .startsWith("a.criteria:2:27: ");
    assertThat(errors(block(" version from 2027-01", "$1000")))
        .first()
        .asString()
        .startsWith("a.criteria:2:20: ");
  }

  @Test
  void versionIsStillANameWhereNamesStand() {
    Frontend.Compilation c =
        Frontend.compile(
            Map.of(
                "a.criteria",
                """
                workloads version = family "Azure"
                area a "A" version "1" from 2026-01 {
                  metric version "Version" {
                    criteria "A rule"
                    value sum acr for tenant, workload in version, month in TTM(M)
                    met when value >= $1
                  }
                }
                """));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
  }

  @Test
  void theFormatterKeepsTheMonthOneWord() {
    String text =
        "workloads CLOUD = family \"Azure\"\n"
            + block(" version \"2027\"   from   2027-01", "$1000")
            + "area b \"B\" from t   version \"2028\" from 2028-01 {\n}\n";
    Formatter.Result r = Formatter.format(new SourceFile("a.criteria", text));
    assertThat(r.ok()).as(r.diagnostics().toString()).isTrue();
    assertThat(r.text())
        .contains("area a \"A\" version \"2027\" from 2027-01 {")
        .contains("area b \"B\" from t version \"2028\" from 2028-01 {");
    assertThat(Formatter.format(new SourceFile("b.criteria", r.text())).text()).isEqualTo(r.text());
  }
}
