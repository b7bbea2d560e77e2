package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import org.junit.jupiter.api.Test;

/** What an outcome tells of its customers, counted the fast way and customer by customer. */
class OutcomeTest {
  @Test
  void statusCountsAreThoseOfTheCustomersOneByOne() throws Exception {
    SampleRun run = SampleRun.evaluate(2);
    Dataset data = run.data();
    Outcome outcome = run.outcome();
    int statuses = 0;
    for (Outcome.AreaOutcome a : outcome.areas) {
      int[][] counts = a.statusCounts();
      assertThat(counts).hasNumberOfRows(a.nodes.size());
      for (int i = 0; i < a.nodes.size(); i++) {
        int[] expected = new int[3];
        for (int c = 0; c < data.customerCount(); c++) {
          expected[a.status(c, i)]++;
        }
        assertThat(counts[i]).as("%s %s", a.area.id(), a.nodes.get(i).id()).isEqualTo(expected);
        statuses += expected[1] > 0 && expected[2] > 0 ? 1 : 0;
      }
    }
    assertThat(statuses).as("nodes both met and not met for some customers").isPositive();
  }
}
