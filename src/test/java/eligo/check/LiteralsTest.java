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
    assertThat(errorsAfter("azure.criteria", "= $1000", "= $99999999999999999999999"))
        .singleElement()
        .asString()
        .endsWith(
            "the number $99999999999999999999999 is too large to compute exactly: write at most 18"
                + " digits");
  }

  @Test
  void eighteenDigitsFit() {
    assertThat(Literals.fits(new java.math.BigDecimal("999999999999999999"))).isTrue();
    assertThat(Literals.fits(new java.math.BigDecimal("9999999999999999.99"))).isTrue();
    assertThat(Literals.fits(new java.math.BigDecimal("1000000000000000000"))).isFalse();
  }
}
