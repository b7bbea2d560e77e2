package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.lang.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A 'where' condition ending in a comparison whose right side goes on with arithmetic on an
 * aggregate, unparenthesized, takes that arithmetic: warned of, with both spellings; any
 * parentheses that say which was meant silence it.
 */
class WhereTailTest {
  private static List<Diagnostic> diagnostics(String value) {
    String text =
        """
        workloads CLOUD = family "Azure"
        area a "A" {
          metric m "M" {
            criteria "A rule"
            value %s
            met when value > 0
          }
        }
        """
            .formatted(value);
    return Frontend.compile(Map.of("a.criteria", text)).diagnostics();
  }

  private static List<String> warnings(String value) {
    List<Diagnostic> ds = diagnostics(value);
    assertThat(ds.stream().filter(Diagnostic::isError)).as(value).isEmpty();
    return ds.stream()
        .map(d -> d.span().where() + ": " + d.severity().label() + ": " + d.message())
        .toList();
  }

  @Test
  void aSumAfterAWhereComparisonIsWarnedOfWithBothSpellings() {
    String value =
        "count tenant where sum acr for workload in CLOUD, month in TTM(M) > $0"
            + " + sum acr for workload in CLOUD, month in TTM(M - 12)";
    List<Diagnostic> ds = diagnostics(value);
    assertThat(ds).hasSize(1);
    Diagnostic d = ds.get(0);
    assertThat(d.isError()).isFalse();
    assertThat(d.message())
        .isEqualTo(
            "the '+ sum ...' is part of the 'where' condition, as 'sum acr for workload in CLOUD,"
                + " month in TTM(M) > ($0 + sum ...)', not added to what 'count' gives; write"
                + " parentheses to say which you meant: '(count tenant where sum acr for workload"
                + " in CLOUD, month in TTM(M) > $0) + sum ...' or 'count tenant where (sum acr for"
                + " workload in CLOUD, month in TTM(M) > $0 + sum ...)'");
    // the caret runs from the '+' to the end of the comparison
    String line = d.render().split("\n")[1];
    String caret = d.render().split("\n")[2];
    assertThat(caret.indexOf('^')).isEqualTo(line.indexOf(" + sum") + 1);
    assertThat(caret.length()).isEqualTo(line.length());
  }

  @Test
  void theTailIsWhereTheFirstAggregateAfterTheFirstOperandStands() {
    String value =
        "count tenant where sum acr for workload in CLOUD at M > $5 - $1"
            + " - sum acr for workload in CLOUD at (M - 1)";
    int column = ("    value " + value).indexOf(" - sum") + 2;
    assertThat(warnings(value))
        .singleElement()
        .asString()
        .startsWith(
            "a.criteria:5:"
                + column
                + ": warning: the '- sum ...' is part of the 'where' condition, as 'sum acr for"
                + " workload in CLOUD at M > ($5 - $1 - sum ...)'")
        .endsWith(
            "'(count tenant where sum acr for workload in CLOUD at M > $5 - $1) - sum ...' or"
                + " 'count tenant where (sum acr for workload in CLOUD at M > $5 - $1 - sum"
                + " ...)'");
  }

  @Test
  void aConditionOnTheNextLineAndAfterAndIsSpelledAsWritten() {
    assertThat(
            warnings(
                "sum acr for tenant, workload in CLOUD, month in TTM(M)\n"
                    + "      where acr > $0 and acr > $1 + average acr for month in TTM(M)"))
        .singleElement()
        .asString()
        .startsWith("a.criteria:6:35: warning: the '+ average ...' is part of the 'where'")
        .contains("as 'acr > ($1 + average ...)', not added to what 'sum' gives")
        .endsWith(
            "'(sum ... where acr > $0 and acr > $1) + average ...' or 'sum ... where (acr > $0"
                + " and acr > $1 + average ...)'");
  }

  @Test
  void parenthesesThatSayWhichWasMeantGiveNoWarning() {
    String sum = "sum acr for workload in CLOUD, month in TTM(M - 12)";
    String cond = "sum acr for workload in CLOUD, month in TTM(M)";
    for (String value :
        List.of(
            "(count tenant where " + cond + " > $0)" + " + count tenant where " + cond + " > $5",
            "count tenant where (" + cond + " > $0 + " + sum + ")",
            "count tenant where " + cond + " > ($0 + " + sum + ")",
            "count tenant where (" + cond + " > $0) and " + cond + " > ($0 + " + sum + ")",
            // no aggregate after the first operand: nothing to have meant outside
            "count tenant where " + cond + " > $0 + $5",
            "count tenant where " + cond + " > " + sum)) {
      assertThat(warnings(value)).as(value).isEmpty();
    }
  }

  @Test
  void anyAndAllHaveNoNumberToAddToAndAreLeftAlone() {
    assertThat(
            warnings(
                "count tenant where any workload in CLOUD where acr at M > $0 + sum acr for"
                    + " month in TTM(M)"))
        .isEmpty();
  }
}
