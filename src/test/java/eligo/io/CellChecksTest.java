package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Month;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The cell checks for readers outside the loader say what the loader says. */
class CellChecksTest {
  @Test
  void valuesAndProblemsAreTheLoaders() {
    assertThat(CellChecks.money("-12.5")).isEqualTo(-1250);
    assertThat(CellChecks.money("1.234")).isEqualTo(CellChecks.BAD);
    assertThat(CellChecks.moneyProblem("acr_usd", "1.234"))
        .isEqualTo("acr_usd '1.234' has more than 2 decimal places");
    assertThat(CellChecks.count("40")).isEqualTo(40);
    assertThat(CellChecks.count("-4")).isEqualTo(CellChecks.BAD);
    assertThat(CellChecks.countProblem("paid_units", "-4"))
        .isEqualTo("paid_units '-4' is negative");
    assertThat(CellChecks.month("2026-09")).isEqualTo(Month.of(2026, 9));
    assertThat(CellChecks.month("2026-13")).isEqualTo(Month.NONE);
    assertThat(CellChecks.monthProblem("month", "2026-13"))
        .isEqualTo("month '2026-13' is not a month (YYYY-MM)");
    assertThat(CellChecks.quote("a\nb")).isEqualTo("'a\\nb'");
    assertThat(CellChecks.csvRow(Arrays.asList("a,b", "say \"hi\"", null, "c")))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",,c");
  }
}
