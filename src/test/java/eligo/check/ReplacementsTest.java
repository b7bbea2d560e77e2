package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.lang.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A diagnostic that tells the author the one text to write carries it as its replacement, over what
 * it replaces: an editor's quick fix takes it from there, not from the message's words.
 */
class ReplacementsTest {
  private static Diagnostic.Replacement replacement(String value, String met) {
    String text =
        """
        workloads CLOUD = family "Azure"
        area a "A" {
          metric m "M" {
            criteria "A rule"
            value %s
            met when %s
          }
        }
        """
            .formatted(value, met);
    List<Diagnostic> ds = Frontend.compile(Map.of("a.criteria", text)).diagnostics();
    assertThat(ds).as(value + " / " + met).hasSize(1);
    return ds.get(0).replacement();
  }

  /** The text of {@code replacement}'s span, on line {@code line} of the test's file. */
  private static String under(Diagnostic.Replacement r, String line) {
    int from = r.span().column() - 1;
    return line.substring(from, from + r.span().length());
  }

  @Test
  void aMisspeltSetNameIsReplacedByTheClosestName() {
    String value = "sum acr for tenant, workload in CLOUDD, month in TTM(M)";
    Diagnostic.Replacement r = replacement(value, "value > 0");
    assertThat(r.text()).isEqualTo("CLOUD");
    assertThat(under(r, "    value " + value)).isEqualTo("CLOUDD");
  }

  @Test
  void aMisspeltNameIsReplacedByTheClosestName() {
    String value = "sum acrr for tenant, workload in CLOUD";
    Diagnostic.Replacement r = replacement(value, "value > 0");
    assertThat(r.text()).isEqualTo("acr");
    assertThat(under(r, "    value " + value)).isEqualTo("acrr");
  }

  @Test
  void arrowsAndASingleEqualsAreReplacedByTheComparisonMeant() {
    String value = "sum acr for tenant, workload in CLOUD, month in TTM(M)";
    Diagnostic.Replacement r = replacement(value, "value => 0");
    assertThat(r.text()).isEqualTo(">=");
    assertThat(under(r, "    met when value => 0")).isEqualTo("=>");
    r = replacement(value, "value =< 0");
    assertThat(r.text()).isEqualTo("<=");
    assertThat(under(r, "    met when value =< 0")).isEqualTo("=<");
    r = replacement(value, "value = 0");
    assertThat(r.text()).isEqualTo("==");
    assertThat(under(r, "    met when value = 0")).isEqualTo("=");
  }

  @Test
  void aMonthMovedAfterAtIsReplacedWithItsParentheses() {
    String value = "sum acr for tenant, workload in CLOUD at M - 12";
    Diagnostic.Replacement r = replacement(value, "value > 0");
    assertThat(r.text()).isEqualTo("at (M - 12)");
    assertThat(under(r, "    value " + value)).isEqualTo("at M - 12");
  }

  @Test
  void aMessageWithoutOneTextToWriteHasNoReplacement() {
    assertThat(replacement("sum acr for tenant, workload in CLOUD, month in TTM(M)", "value > 0 >"))
        .isNull();
  }
}
