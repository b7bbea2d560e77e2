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

  private static List<eligo.lang.Diagnostic> diagnosticsAfter(String file, String from, String to) {
    return Frontend.compile(ShippedCriteria.with(file, from, to)).diagnostics();
  }

  @Test
  void moneyWithAThousandsPointIsRefusedNamingBothReadings() {
    // $2.500 is two thousand five hundred where a point separates thousands: read here as $2.50,
    // a threshold a thousand times too small, so it is refused and no fix is offered for it
    List<eligo.lang.Diagnostic> d = diagnosticsAfter("azure.criteria", "= $1000", "= $2.500");
    assertThat(d).singleElement().satisfies(x -> assertThat(x.replacement()).isNull());
    assertThat(d.get(0).message())
        .isEqualTo(
            "money takes at most two decimals, and '.' is the decimal point here, so $2.500 would"
                + " be $2.50: write $2500 if the '.' separates thousands, or $2.50");
    // four digits before the point are no thousands group: the one reading, offered as the fix
    d = diagnosticsAfter("azure.criteria", "= $1000", "= $1000.000");
    assertThat(d).singleElement();
    assertThat(d.get(0).message())
        .isEqualTo("money takes at most two decimals: write $1000 for $1000.000");
    assertThat(d.get(0).replacement().text()).isEqualTo("$1000");
    // two decimals, or one, stay as they were
    assertThat(diagnosticsAfter("azure.criteria", "= $1000", "= $1000.50")).isEmpty();
    assertThat(diagnosticsAfter("azure.criteria", "= $1000", "= $1000.5")).isEmpty();
  }

  @Test
  void pointsBetweenThousandsAreOneErrorWithTheFix() {
    List<eligo.lang.Diagnostic> d = diagnosticsAfter("azure.criteria", "= $1000", "= $1.000.000");
    assertThat(d).singleElement();
    assertThat(d.get(0).span().column()).isEqualTo(d.get(0).replacement().span().column());
    assertThat(d.get(0).span().length()).isEqualTo("$1.000.000".length());
    assertThat(d.get(0).replacement().text()).isEqualTo("$1000000");
    // not groups of three: the stray point as before
    assertThat(diagnosticsAfter("azure.criteria", "= $1000", "= $1.00.000"))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).isEqualTo("unexpected character '.'"));
  }

  @Test
  void aWholeCountAgainstDecimalsIsAnErrorForAThousandsGroupAndAWarningOtherwise() {
    List<eligo.lang.Diagnostic> d =
        diagnosticsAfter("azure.criteria", "met when value >= 1\n", "met when value >= 1.000\n");
    assertThat(d).singleElement().satisfies(x -> assertThat(x.isError()).isTrue());
    assertThat(d.get(0).message()).contains("so 1.000 would be 1: write 1000 if the '.' separates");
    d = diagnosticsAfter("azure.criteria", "met when value >= 1\n", "met when value >= 1.5\n");
    assertThat(d).singleElement().satisfies(x -> assertThat(x.isError()).isFalse());
    assertThat(d.get(0).message()).contains("with 1.5: it holds from 2 on ('>= 2')");
    assertThat(
            diagnosticsAfter("azure.criteria", "met when value >= 1\n", "met when value >= 1.0\n"))
        .isEmpty();
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
