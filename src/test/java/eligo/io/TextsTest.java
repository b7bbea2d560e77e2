package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast text helpers of the results file, against the slow obvious definitions. */
class TextsTest {
  @Test
  void plainDecimalsAsBigDecimalWritesThem() {
    assertThat(Texts.plain(0, 2)).isEqualTo("0");
    assertThat(Texts.plain(5, 2)).isEqualTo("0.05");
    assertThat(Texts.plain(-120, 2)).isEqualTo("-1.2");
    assertThat(Texts.plain(1825050, 2)).isEqualTo("18250.5");
    assertThat(Texts.plain(-2, 0)).isEqualTo("-2");
    Random random = new Random(1);
    List<Long> values =
        new ArrayList<>(
            List.of(
                0L,
                1L,
                -1L,
                10L,
                100L,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                Long.MIN_VALUE + 1,
                1_000_000_000_000_000_000L));
    for (long small = -11; small <= 11; small++) { // one digit is written without dividing
      values.add(small);
    }
    for (int i = 0; i < 20_000; i++) {
      long v = random.nextLong() >> random.nextInt(64);
      values.add(random.nextBoolean() ? v : v / 1000 * 1000);
    }
    for (long v : values) {
      for (int scale = 0; scale <= 25; scale++) {
        BigDecimal d = BigDecimal.valueOf(v, scale).stripTrailingZeros();
        String expected = (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
        assertThat(Texts.plain(v, scale)).as("%d at scale %d", v, scale).isEqualTo(expected);
      }
    }
  }

  @Test
  void codePointOrderDecodesNothingAndAgreesWithCodePoints() {
    String[] samples = {
      "",
      "a",
      "b",
      "ab",
      "aB",
      "\uFFFF",
      "\uE000",
      "\uD7FF",
      "\uD800\uDC00",
      "\uDBFF\uDFFF",
      "x\uD83D\uDE00",
      "x\uFF21",
      "x\uFF21y",
      "x",
      "é",
      "e\u0301",
      "日本",
      "\uD83D\uDE00a"
    };
    for (String a : samples) {
      for (String b : samples) {
        int expected = Integer.signum(compareByCodePoints(a, b));
        assertThat(Integer.signum(Texts.CODE_POINT_ORDER.compare(a, b)))
            .as("%s vs %s", a, b)
            .isEqualTo(expected);
      }
    }
    assertThat(Texts.CODE_POINT_ORDER.compare("\uFFFF", "\uD800\uDC00"))
        .isNegative(); // String.compareTo says positive
  }

  private static int compareByCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    return java.util.Arrays.compare(x, y);
  }

  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasGetAQuote() {
    for (String formula : new String[] {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
      assertThat(Texts.formulaSafe(formula)).isEqualTo("'" + formula);
    }
  }

  @Test
  void otherCellsStayAsTheyAre() {
    for (String text :
        new String[] {"", "C1", "a=b", "'quoted", " =1", "month '2026-13' is not a month"}) {
      assertThat(Texts.formulaSafe(text)).isEqualTo(text);
    }
  }
}
