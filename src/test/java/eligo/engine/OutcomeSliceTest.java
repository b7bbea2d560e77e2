package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.Dataset;
import eligo.data.DatasetSlice;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A partner's part cut from the outcome of the whole sample is the outcome of evaluating its slice
 * again: every customer's status, value, compared values and contributions, every partner total and
 * goal, and the customers' order.
 */
class OutcomeSliceTest {
  @Test
  void everyPartnersCutIsItsSliceEvaluated() throws Exception {
    // the whole evaluated on two threads, as a site per partner does
    SampleRun run = SampleRun.evaluate(2);
    Started s = run.started();
    Dataset whole = run.data();
    Outcome all = run.outcome();
    int asOf = all.asOf;
    Set<String> partners = new LinkedHashSet<>();
    for (int c = 0; c < whole.customerCount(); c++) {
      partners.add(whole.partnerId(c));
    }
    assertThat(partners).hasSizeGreaterThan(1);
    int compared = 0;
    int totals = 0;
    for (String p : partners) {
      int[] customers = DatasetSlice.customersOf(whole, p);
      Dataset slice = DatasetSlice.of(whole, customers);
      Outcome cut = OutcomeSlice.of(all, customers, slice);
      Outcome evaluated = evaluate(s, slice, asOf);
      assertThat(cut.data).isSameAs(slice);
      assertThat(cut.asOf).isEqualTo(asOf);
      assertThat(cut.partners).containsExactly(p).isEqualTo(evaluated.partners);
      assertThat(cut.order.sorted).isEqualTo(evaluated.order.sorted);
      assertThat(cut.areas).hasSameSizeAs(evaluated.areas);
      for (int ai = 0; ai < cut.areas.size(); ai++) {
        Outcome.AreaOutcome a = cut.areas.get(ai);
        Outcome.AreaOutcome e = evaluated.areas.get(ai);
        assertThat(a.area).isSameAs(e.area);
        for (int c = 0; c < slice.customerCount(); c++) {
          for (int n = 0; n < a.nodes.size(); n++) {
            String at = p + " " + slice.customerId(c) + " " + a.nodes.get(n).id();
            assertThat(a.status(c, n)).as(at).isEqualTo(e.status(c, n));
            assertThat(a.value(c, n)).as(at).isEqualTo(e.value(c, n));
            assertThat(a.current(c, n)).as(at).isEqualTo(e.current(c, n));
            assertThat(a.baseline(c, n)).as(at).isEqualTo(e.baseline(c, n));
            compared++;
          }
          for (int j = 0; j < a.partnerNodes.size(); j++) {
            assertThat(a.contribution(c, j)).isEqualTo(e.contribution(c, j));
          }
        }
        for (int j = 0; j < a.partnerNodes.size(); j++) {
          assertThat(a.partnerTotal(0, j)).isEqualTo(e.partnerTotal(0, j));
          assertThat(a.partnerMet(0, j)).isEqualTo(e.partnerMet(0, j));
          // and they are the partner's totals of the whole run
          int w = all.partners.indexOf(p);
          assertThat(a.partnerTotal(0, j)).isEqualTo(all.areas.get(ai).partnerTotal(w, j));
          totals++;
        }
      }
    }
    assertThat(compared).isGreaterThan(1000);
    assertThat(totals).isPositive();
  }

  @Test
  void aCutMissingACustomerOfItsPartnerOrNotOfItsSliceIsRefused() throws Exception {
    SampleRun run = SampleRun.evaluate(1);
    Dataset whole = run.data();
    Outcome all = run.outcome();
    int[] customers = DatasetSlice.customersOf(whole, whole.partnerId(0));
    assertThat(customers.length).isGreaterThan(1);
    int[] fewer = Arrays.copyOf(customers, customers.length - 1);
    assertThatThrownBy(() -> OutcomeSlice.of(all, fewer, DatasetSlice.of(whole, fewer)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not every customer of partner");
    int c = 0;
    while (whole.partnerId(c).equals(whole.partnerId(0))) {
      c++;
    }
    int[] other = DatasetSlice.customersOf(whole, whole.partnerId(c));
    assertThatThrownBy(() -> OutcomeSlice.of(all, customers, DatasetSlice.of(whole, other)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not of the customers given");
  }

  private static Outcome evaluate(Started s, Dataset data, int asOf) throws Exception {
    return Eligo.evaluate(
        s.criteria().program(), s.evaluators(), data, asOf, 1, Evaluation.Progress.NONE);
  }
}
