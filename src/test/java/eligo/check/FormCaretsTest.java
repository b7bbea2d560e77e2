package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.lang.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An error about a form of several tokens underlines all of it, as javac does: the caret line runs
 * from the form's first token to its last, or to its last on the first line when it goes on.
 */
class FormCaretsTest {
  private static List<Diagnostic> diagnostics(String value) {
    String text =
        """
        association type CSP = "CSP"
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

  /** The source line and the caret line of the one diagnostic of {@code value}. */
  private static String caret(String value) {
    List<Diagnostic> ds = diagnostics(value);
    assertThat(ds).as(value).hasSize(1);
    String[] lines = ds.get(0).render().split("\n");
    return lines[1] + "\n" + lines[2];
  }

  @Test
  void aMonthMovedTooFarIsUnderlinedWhole() {
    assertThat(caret("sum acr for tenant, workload in CLOUD, month in M - 1000 - 1000 .. M"))
        .endsWith(
            "month in M - 1000 - 1000 .. M\n"
                + " ".repeat("    value sum acr for tenant, workload in CLOUD, month in ".length())
                + "^~~~~~~~~~~~~~~");
  }

  @Test
  void anEmptyRangeIsUnderlinedToItsLastMonth() {
    String value = "sum acr for tenant, workload in CLOUD, month in M .. M - 5";
    assertThat(caret(value))
        .endsWith(
            " ".repeat(("    value " + value).indexOf("M .."))
                + "^"
                + "~".repeat("M .. M - 5".length() - 1));
  }

  @Test
  void aRangeThatGoesOnToTheNextLineIsUnderlinedToTheEndOfItsFirst() {
    String value = "sum acr for tenant, workload in CLOUD, month in M ..\n      M - 5";
    assertThat(caret(value))
        .isEqualTo(
            "    value sum acr for tenant, workload in CLOUD, month in M ..\n"
                + " ".repeat("    value sum acr for tenant, workload in CLOUD, month in ".length())
                + "^~~~");
  }

  @Test
  void viaAfterAtIsUnderlinedFromWhatItAttributes() {
    String value = "sum acr at (M - 1) via CSP for tenant, workload in CLOUD";
    assertThat(caret(value))
        .endsWith(
            " ".repeat("    value sum ".length())
                + "^"
                + "~".repeat("acr at (M - 1) via CSP".length() - 1));
  }

  @Test
  void inWithoutMonthsIsUnderlinedWhole() {
    String value = "count tenant where M - 1 in M";
    assertThat(caret(value))
        .endsWith(
            " ".repeat(("    value " + value).indexOf("M - 1"))
                + "^"
                + "~".repeat("M - 1 in M".length() - 1));
  }

  @Test
  void ttmOfAMonthThatCannotBeMovedIsUnderlinedToItsClosingParenthesis() {
    String value = "sum acr for tenant, workload in CLOUD, month in TTM(earliest start via CSP)";
    assertThat(caret(value))
        .endsWith(
            " ".repeat(("    value " + value).indexOf("TTM"))
                + "^"
                + "~".repeat("TTM(earliest start via CSP)".length() - 1));
  }

  @Test
  void aCallWhereAMonthBelongsIsUnderlinedWhole() {
    String value = "sum acr at TTM(M) for tenant, workload in CLOUD";
    assertThat(caret(value)).endsWith(" ".repeat("    value sum acr at ".length()) + "^~~~~~");
  }
}
