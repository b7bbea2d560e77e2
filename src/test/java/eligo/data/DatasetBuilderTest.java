package eligo.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetBuilderTest {
  private static final int MEASURES = Measure.values().length;

  /** One customer, one tenant, one workload, one pair with two rows and one association. */
  private static DatasetBuilder small(int[] tenantStart) {
    long[][] measures = new long[MEASURES][2];
    measures[Measure.ACR_USD.ordinal()] = new long[] {100, 250};
    return Dataset.builder()
        .customers(new String[] {"P"}, new String[] {"C"}, new String[] {"c"}, tenantStart)
        .tenants(new String[] {"T"}, new String[] {"t"}, new int[] {0, 1})
        .workloads(new String[] {"W"}, new String[] {"F"})
        .types(new String[] {"PAL"})
        .pairs(new int[] {0}, new int[] {0}, new int[] {2}, new int[] {0, 1})
        .rows(new int[] {Month.parse("2026-08"), Month.parse("2026-09")}, measures, null)
        .associations(new int[] {0}, new int[] {Month.parse("2026-01")}, new int[] {Month.OPEN});
  }

  @Test
  void buildsFromColumnsAndTakesTheLatestMonthFromTheRows() {
    Dataset d = small(new int[] {0, 1}).build();
    int p = d.pair(0, 0);
    assertThat(p).isZero();
    assertThat(d.measure(p, Measure.ACR_USD, Month.parse("2026-09"))).isEqualTo(250);
    assertThat(d.latestUsageMonth()).isEqualTo(Month.parse("2026-09"));
    assertThat(d.activeType(p, 0, Month.parse("2026-05"))).isTrue();
    assertThat(d.tenantName(0)).isEqualTo("t");
  }

  @Test
  void partsThatDoNotFitAreRefused() {
    assertThatThrownBy(() -> small(new int[] {0, 2}).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("customers' tenants");
    assertThatThrownBy(() -> small(new int[] {0, 1}).types(null).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMeasureIsHeldOnce() {
    long[][] longs = new long[MEASURES][1];
    int[][] ints = new int[MEASURES][];
    ints[0] = new int[1];
    DatasetBuilder b =
        small(new int[] {0, 1})
            .pairs(new int[] {0}, new int[] {0}, new int[] {1}, new int[] {0, 1});
    assertThatThrownBy(() -> b.rows(new int[] {Month.parse("2026-09")}, longs, ints).build())
        .hasMessageContaining("held once");
  }

  @Test
  void theKitBuildsTheSameDatasetThroughTheBuilder() {
    Dataset d =
        new DatasetKit()
            .types("PAL")
            .workload("A", "F")
            .workload("B", "F")
            .customer("P1", "C1")
            .tenant("C1", "T1")
            .acr("T1", "B", "2026-09", "10.50")
            .acr("T1", "A", "2026-07", "1")
            .assoc("T1", "A", "PAL", "2026-01", null)
            .build();
    assertThat(d.pairCount()).isEqualTo(2);
    assertThat(d.pairWorkload(0)).isZero(); // pairs by workload, not insertion
    assertThat(d.measure(d.pair(0, 1), Measure.ACR_USD, Month.parse("2026-09"))).isEqualTo(1050);
    assertThat(d.latestUsageMonth()).isEqualTo(Month.parse("2026-09"));
    assertThat(d.customerName(0)).isEqualTo("c1");
  }
}
