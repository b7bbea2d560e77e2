package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.ir.Ir;
import eligo.lang.Formatter;
import eligo.lang.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code at least K of (c1, c2, ...)}: a condition wherever one may stand; K from 1 to the number
 * of conditions, every part a condition written once; each mistake at its line and column.
 */
class AtLeastCheckTest {
  private static String text(String met) {
    return """
        workloads CLOUD = family "Azure"
        area a "A" {
          define before = sum acr for tenant, workload in CLOUD, month in TTM(M - 12)
          metric m "M" {
            criteria "A rule"
            value sum acr for tenant, workload in CLOUD, month in TTM(M)
            met when %s
          }
        }
        """
        .formatted(met);
  }

  private static Frontend.Compilation compile(String met) {
    return Frontend.compile(Map.of("a.criteria", text(met)));
  }

  private static List<String> errors(String met) {
    return compile(met).diagnostics().stream()
        .filter(d -> d.isError())
        .map(d -> d.span().where() + ": " + d.message())
        .toList();
  }

  @Test
  void itCompilesToOneNodeWithItsPartsAndTheirTexts() {
    Frontend.Compilation c =
        compile("at least 2 of (value >= $100, before > $0, count tenant >= 2) and value > $1");
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    Ir.Expr met = c.program().areas().get(0).resultNodes().get(0).met();
    assertThat(met).isInstanceOf(Ir.And.class);
    Ir.AtLeast a = (Ir.AtLeast) ((Ir.And) met).left();
    assertThat(a.k()).isEqualTo(2);
    assertThat(a.parts()).hasSize(3);
    assertThat(a.labels()).containsExactly("value >= $100", "before > $0", "count tenant >= 2");
  }

  @Test
  void itMayStandInsideAnAggregatesWhere() {
    assertThat(
            errors(
                "any tenant where at least 1 of (sum acr for workload in CLOUD, month in TTM(M)"
                    + " > $5, count workload in CLOUD >= 2)"))
        .isEmpty();
  }

  @Test
  void itMayBeNegatedAndDefined() {
    assertThat(errors("not at least 1 of (value >= $1, before > $0) or value > $2")).isEmpty();
    String text =
        text("enough and value > $2")
            .replace(
                "  define before",
                "  define enough = at least 1 of (before > $0, count tenant >= 2)\n  define before");
    Frontend.Compilation c = Frontend.compile(Map.of("a.criteria", text));
    assertThat(c.diagnostics()).filteredOn(d -> d.isError()).isEmpty();
  }

  @Test
  void pointsAreANumberOfWholePointsOfConditionsWrittenOnce() {
    assertThat(errors("points (value >= $1: 2, before > $0: 1) >= 3")).isEmpty();
    assertThat(errors("points (value >= $1: -2, before > $0: 1) >= 1"))
        .singleElement()
        .asString()
        .isEqualTo(
            "a.criteria:7:35: a condition's points are a whole number, 0 or more; here they are -2");
    assertThat(errors("points (value >= $1: 2, value >= $1: 1) >= 1"))
        .singleElement()
        .asString()
        .isEqualTo("a.criteria:7:38: condition 2 repeats condition 1 ('value >= $1')");
    assertThat(errors("points (value >= $1: 2, before: 1) >= 1"))
        .singleElement()
        .asString()
        .isEqualTo("a.criteria:7:38: 'points' needs a condition (yes or no); this is money");
  }

  @Test
  void kIsAWholeNumberFromOneToTheNumberOfConditions() {
    assertThat(errors("at least 3 of (value >= $1, before > $0)"))
        .singleElement()
        .asString()
        .isEqualTo(
            "a.criteria:7:23: 'at least K of' needs K a whole number from 1 to the 2 conditions"
                + " listed; here K is 3");
    assertThat(errors("at least 0 of (value >= $1, before > $0)"))
        .singleElement()
        .asString()
        .startsWith("a.criteria:7:23: 'at least K of' needs K a whole number")
        .endsWith("here K is 0");
    assertThat(errors("at least 1.5 of (value >= $1, before > $0)"))
        .singleElement()
        .asString()
        .endsWith("here K is 1.5");
  }

  @Test
  void aConditionWrittenTwiceIsAnErrorAtTheSecond() {
    assertThat(errors("at least 2 of (value >= $1, before > $0, value  >=  $1)"))
        .singleElement()
        .asString()
        .isEqualTo("a.criteria:7:55: condition 3 repeats condition 1 ('value >= $1')");
  }

  @Test
  void everyPartIsACondition() {
    assertThat(errors("at least 1 of (value >= $1, before)"))
        .singleElement()
        .asString()
        .isEqualTo(
            "a.criteria:7:42: 'at least ... of' needs a condition (yes or no); this is money");
  }

  @Test
  void theFormatterPrintsItBack() {
    Formatter.Result r =
        Formatter.format(
            new SourceFile(
                "a.criteria", text("at  least 2 of(value>=$1 ,before>$0,\n  count tenant>=2 )")));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.text())
        .contains(
            "    met when at least 2 of (value >= $1, before > $0,\n"
                + "      count tenant >= 2)\n");
    assertThat(Formatter.format(new SourceFile("b.criteria", r.text())).text()).isEqualTo(r.text());
    assertThat(Frontend.compile(Map.of("a.criteria", r.text())).ok()).isTrue();
  }

  private static List<String> warnings(String met) {
    return compile(met).diagnostics().stream()
        .filter(d -> !d.isError())
        .map(d -> d.span().where() + ": " + d.message())
        .toList();
  }

  @Test
  void aPointsThresholdBeyondEveryConditionsPointsIsWarned() {
    String points = "points (value >= $100: 3, before > $0: 1, count tenant >= 2: 2)";
    assertThat(warnings(points + " >= 7"))
        .singleElement()
        .asString()
        .contains("this comparison can never hold: the points of all its conditions add up to 6");
    assertThat(warnings(points + " > 6")).singleElement().asString().contains("can never hold");
    assertThat(warnings(points + " <= 6")).singleElement().asString().contains("always holds");
    // reachable: no warning
    assertThat(warnings(points + " >= 6")).isEmpty();
    assertThat(warnings(points + " >= 4")).isEmpty();
  }
}
