package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.testing.ShippedCriteria;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Numbers are checked where they stand: money to the cent, every number within exact range. */
class LiteralsTest {
  private static List<String> errorsAfter(String file, String from, String to) {
    Map<String, String> texts = ShippedCriteria.with(file, from, to);
    Frontend.Compilation c = Frontend.compile(texts);
    assertThat(c.ok()).isFalse();
    return c.diagnostics().stream()
        .filter(d -> d.isError())
        .map(d -> d.span().where() + ": " + d.message())
        .toList();
  }

  @Test
  void moneyFinerThanACentIsRefusedWhereItStands() {
    assertThat(errorsAfter("azure.criteria", "= $1000", "= $1000.005"))
        .singleElement()
        .asString()
        .matches(
            "criteria/azure\\.criteria:\\d+:\\d+: money is exact to the cent: \\$1000\\.005 has 3"
                + " decimal places, and the data refuse amounts finer than a cent");
  }

  @Test
  void aNumberBeyondExactArithmeticIsRefusedNotACrash() {
    assertThat(
            errorsAfter(
                "azure.criteria",
                "met when value >= 1\n",
                "met when value >= 9999999999999999999\n"))
        .first()
        .asString()
        .endsWith(
            "the number 9999999999999999999 is too large to compute exactly: write at most 18"
                + " digits");
  }

  @Test
  void anAmountWhoseCentsOverflowIsRefusedWhereItStands() {
    // 17 digits of dollars are 19 of cents: no run could compare an amount with it
    assertThat(errorsAfter("azure.criteria", "= $1000", "= $99999999999999999"))
        .singleElement()
        .asString()
        .matches(
            "criteria/azure\\.criteria:\\d+:\\d+: the amount \\$99999999999999999 is too large to"
                + " compute exactly in cents: write at most 16 digits before the decimal point");
    assertThat(Literals.fitsInCents(new java.math.BigDecimal("9999999999999999.99"))).isTrue();
    assertThat(Literals.fitsInCents(new java.math.BigDecimal("10000000000000000"))).isFalse();
  }

  @Test
  void eighteenDigitsFit() {
    assertThat(Literals.fits(new java.math.BigDecimal("999999999999999999"))).isTrue();
    assertThat(Literals.fits(new java.math.BigDecimal("9999999999999999.99"))).isTrue();
    assertThat(Literals.fits(new java.math.BigDecimal("1000000000000000000"))).isFalse();
  }
}
