package eligo.cases;

import static eligo.cases.CasesTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers and comments written as a user writes them elsewhere: before, "unexpected ','",
 * "unexpected character '$'", "unexpected '000'", "unexpected character '/'" or "expected a number
 * after name 'k'", with no word of the fix; now one error at the number naming what to write.
 */
class CaseSlipsTest {
  static final String TEXT =
      """
      as of 2026-08
      workloads "A" family "F"
      case "one" {
        intent "x"
        customer C1
        tenant T1
        usage T1 "A" 2026-08 acr 1000
        expect x y met 1000
      }
      """;

  static final String MONEY = " (amounts here are plain numbers of dollars, as in 'acr 999.99')";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1,000       | '1,000' has a thousands separator, which numbers here do not take: write 1000",
        "1,000.50    | '1,000.50' has a thousands separator, which numbers here do not take: write 1000.50",
        "1,000,000   | '1,000,000' has a thousands separator, which numbers here do not take: write 1000000",
        "1 000       | '1 000' has a space as a thousands separator, which numbers here do not take: write 1000",
        "1 000 000   | '1 000 000' has a space as a thousands separator, which numbers here do not take: write 1000000",
        "1\u00a0000  | '1 000' has a space as a thousands separator, which numbers here do not take: write 1000",
        "$1000       | '$1000' has a dollar sign, which numbers here do not take: write 1000+",
        "$1,000.00   | '$1,000.00' has a dollar sign and a thousands separator, which numbers here do not take: write 1000.00+",
        "1k          | '1k' is not a number here: write the amount in full, 1000+",
        "1.5K        | '1.5K' is not a number here: write the amount in full, 1500+",
        "1000 USD    | '1000 USD' names a currency, which numbers here do not take: write 1000+",
      })
  void anAmountAsWrittenElsewhereIsNamedWithItsFix(String written, String message) {
    String expected = message.replace("+", MONEY);
    assertThat(errors(TEXT.replace("acr 1000", "acr " + written)))
        .containsExactly("7:28 " + expected);
    assertThat(errors(TEXT.replace("met 1000", "met " + written)))
        .containsExactly("8:18 " + expected);
  }

  @Test
  void aCommentOfAnotherLanguageIsNamed() {
    assertThat(errors(TEXT.replace("acr 1000", "acr 1000 // M")))
        .containsExactly("7:33 '//' does not start a comment here: comments start with '#'");
    assertThat(errors(TEXT.replace("met 1000", "met 1000 -- M")))
        .containsExactly("8:23 '--' does not start a comment here: comments start with '#'");
    assertThat(errors(TEXT.replace("  intent", "// first case\n  intent")))
        .containsExactly("4:1 '//' does not start a comment here: comments start with '#'");
  }

  /**
   * A backslash that starts no escape ('C:\\data', '\\u00e9') said "this text has no closing quote"
   * of a text that has one; now it is named, at the backslash.
   */
  @Test
  void aBackslashThatStartsNoEscapeIsNamed() {
    assertThat(errors(TEXT.replace("intent \"x\"", "intent \"see C:\\data \\\" here\"")))
        .containsExactly(
            "4:17 '\\d' is no escape in a text: the only ones are \\\" for a quote and \\\\ for a"
                + " backslash (for a backslash before 'd', write \\\\d)");
    assertThat(errors(TEXT.replace("intent \"x\"", "intent \"C:\\\\data \\\" ok\""))).isEmpty();
  }

  /** Commas and numbers that are not a thousands separator are left to the parser. */
  @Test
  void listsAndPlainNumbersAreNoSlips() {
    assertThat(errors(TEXT.replace("tenant T1", "tenant T1, T2"))).isEmpty();
    assertThat(errors(TEXT.replace("acr 1000", "acr 1000 paid_units 100"))).isEmpty();
    assertThat(errors(TEXT.replace("met 1000", "met 1000 for C1"))).isEmpty();
  }
}
