package eligo.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasGetAQuote() {
    for (String formula : new String[] {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"}) {
      assertThat(Texts.formulaSafe(formula)).isEqualTo("'" + formula);
    }
  }

  @Test
  void otherCellsStayAsTheyAre() {
    for (String text : new String[] {"", "C1", "a=b", "'quoted", " =1", "month '2026-13' is not a month"}) {
      assertThat(Texts.formulaSafe(text)).isEqualTo(text);
    }
  }
}
