package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.data.Month;
import eligo.ir.Ir;
import eligo.ir.MonthsRead;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Criteria that read usage of months before the data's first count nothing there: a window or a
 * baseline that starts before usage.csv is quietly short. {@link MonthsRead} finds how far back a
 * node reads (through month ranges, month variables and a net's twelve-month shift), and {@link
 * Eligo#lookBackWarning} names the node that reads furthest back at its criteria line.
 */
class LookBackWarningTest {
  private static Ir.Program program(String value, String met) {
    String text =
        """
        workloads CLOUD = family "Azure"
        types T = PAL
        association type PAL = "PAL"
        area a "A" {
          define before = sum acr for tenant, workload in CLOUD, month in TTM(M - 12)
          metric m "M" {
            criteria "A rule"
            value %s
            met when %s
          }
          metric now "Now" {
            criteria "This month"
            value sum acr for tenant, workload in CLOUD, month in M - 1 .. M
            met when value > 0
          }
        }
        """
            .formatted(value, met);
    Frontend.Compilation c = Frontend.compile(Map.of("a.criteria", text));
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    return c.program();
  }

  private static int earliest(String value, String met) {
    return MonthsRead.earliest(program(value, met).areas().get(0).resultNodes().get(0));
  }

  @Test
  void howFarBackANodeReadsFollowsRangesNetsAndTheCondition() {
    String ttm = "sum acr for tenant, workload in CLOUD, month in TTM(M)";
    assertThat(earliest(ttm, "value > 0")).isEqualTo(-11);
    assertThat(earliest("net " + ttm, "value > 0")).isEqualTo(-23);
    // the condition reads the define's TTM(M - 12)
    assertThat(earliest(ttm, "value > before")).isEqualTo(-23);
    // a month bound by a range, then summed at: the range's first month
    String twoMonths =
        "count tenant where any month in M - 1 .. M where sum acr for workload in CLOUD >= $1";
    assertThat(earliest(twoMonths, "value >= 1")).isEqualTo(-1);
    assertThat(earliest("net " + twoMonths, "value >= 1")).isEqualTo(-13);
    // no usage read at all: an association only
    assertThat(
            earliest(
                "count workload in CLOUD where any tenant, month in M - 5 .. M where associated"
                    + " via T",
                "value >= 1"))
        .isEqualTo(MonthsRead.NONE);
  }

  @Test
  void theWarningNamesHowManyNodesAndTheOneReadingFurthestBackAtItsLine() {
    Ir.Program p =
        program("net sum acr for tenant, workload in CLOUD, month in TTM(M)", "value > 0");
    int m = Month.parse("2026-09");
    assertThat(Eligo.lookBackWarning(p, m, Month.parse("2024-10"))).isNull();
    assertThat(Eligo.lookBackWarning(p, m, Month.parse("2024-11")))
        .isEqualTo(
            "1 node reads usage of months before the earliest in usage.csv (2024-11), which count"
                + " nothing, so their windows and baselines are quietly short: a m (a.criteria:6)"
                + " reads from 2024-10 (M - 23): check that usage.csv reaches back that far");
    assertThat(Eligo.lookBackWarning(p, m, Month.parse("2026-09")))
        .startsWith("2 nodes read usage of months before the earliest in usage.csv (2026-09)")
        .contains("furthest back, a m (a.criteria:6) reads from 2024-10 (M - 23)");
    assertThat(Eligo.lookBackWarning(p, m, Month.NONE)).isNull();
  }
}
