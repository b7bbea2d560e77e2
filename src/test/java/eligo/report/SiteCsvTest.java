package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteCsvTest {
  @Test
  void cellsThatASpreadsheetWouldRunAreDefused() {
    assertThat(SiteCsv.cell("=HYPERLINK(\"http://x\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    assertThat(SiteCsv.cell("+1+2")).isEqualTo("'+1+2");
    assertThat(SiteCsv.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(SiteCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(SiteCsv.cell("\tx")).isEqualTo("'\tx");
    assertThat(SiteCsv.cell("\rx")).isEqualTo("\"'\rx\"");
    assertThat(SiteCsv.cell("-12.50")).as("a plain number stays a number").isEqualTo("-12.50");
    assertThat(SiteCsv.cell("Contoso, Ltd")).isEqualTo("\"Contoso, Ltd\"");
    assertThat(SiteCsv.cell("Plain")).isEqualTo("Plain");
  }
}
