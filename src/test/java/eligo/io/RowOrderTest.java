package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The runs of a file grouped by tenant are put in (tenant, workload) order by sorting within each
 * tenant: the same order as the two counting sorts, for tenants in any order, of few runs
 * (insertion) and of many (a sort of keys); nothing when a tenant's runs are in two places.
 */
class RowOrderTest {

  /** The order of the two counting sorts: by tenant, then workload, ties in file order. */
  private static int[] countingSorts(int[] tenant, int[] workload, int tenants, int workloads) {
    int n = tenant.length;
    int[] a = RowOrder.identity(n);
    int[] b = new int[n];
    RowOrder.countingSort(a, b, n, workload, 0, workloads);
    RowOrder.countingSort(b, a, n, tenant, 0, tenants);
    return a;
  }

  @Test
  void sortsWithinTenantsAsTheCountingSortsDo() {
    Random random = new Random(7);
    for (int round = 0; round < 300; round++) {
      int workloads = 1 + random.nextInt(round % 3 == 0 ? 200 : 8);
      int tenants = 1 + random.nextInt(20);
      // each tenant's runs together, tenants rising (some absent), up to 100 runs a tenant, so
      // that both ways of sorting a tenant's runs are taken; workloads may repeat
      int[] perTenant = IntStream.range(0, tenants).map(t -> random.nextInt(100)).toArray();
      List<Integer> order = IntStream.range(0, tenants).boxed().collect(Collectors.toList());
      if (round % 2 == 0) {
        Collections.shuffle(order, random); // the groups in any order of tenants
      }
      int n = Arrays.stream(perTenant).sum();
      int[] tenant = new int[n];
      int[] workload = new int[n];
      int i = 0;
      for (int t : order) {
        for (int k = 0; k < perTenant[t]; k++, i++) {
          tenant[i] = t;
          workload[i] = random.nextInt(workloads);
        }
      }
      assertThat(RowOrder.byWorkloadWithinTenants(tenant, workload, n, tenants))
          .as("round %d", round)
          .containsExactly(countingSorts(tenant, workload, tenants, workloads));
    }
  }

  @Test
  void leavesTenantsInTwoPlacesToTheCountingSorts() {
    int[] tenant = {2, 0, 0, 1, 2};
    int[] workload = {1, 1, 0, 0, 0};
    assertThat(RowOrder.byWorkloadWithinTenants(tenant, workload, 5, 3)).isNull();
    // without the last run, each tenant's runs are together
    assertThat(RowOrder.byWorkloadWithinTenants(tenant, workload, 4, 3))
        .containsExactly(2, 1, 3, 0);
  }

  @Test
  void keepsTheFileOrderOfEqualKeys() {
    int[] tenant = new int[40];
    int[] workload = new int[40];
    for (int i = 0; i < 40; i++) {
      workload[i] = i % 2; // one tenant of 40 runs: sorted as keys
    }
    Integer[] expected = IntStream.range(0, 40).boxed().toArray(Integer[]::new);
    Arrays.sort(expected, Comparator.comparingInt((Integer i) -> workload[i]));
    assertThat(RowOrder.byWorkloadWithinTenants(tenant, workload, 40, 1))
        .containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
  }
}
