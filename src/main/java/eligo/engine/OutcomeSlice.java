package eligo.engine;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.io.Texts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of some partners' customers cut from the outcome of a run of the whole dataset: each
 * customer's row of every area copied, and each partner's totals and goals. A partner's nodes are
 * computed from its own customers only (DATA.md), so this is the outcome an evaluation of the slice
 * at the whole's as-of month gives, without evaluating it again: a site per partner evaluates the
 * whole once, on every core, then cuts each partner's part (3,000 evaluations of a few dozen
 * customers each cost more than one of all of them).
 */
public final class OutcomeSlice {
  private OutcomeSlice() {}

  /**
   * The outcome of customers {@code customers} of {@code whole} (indexes into {@code whole.data}),
   * over {@code slice}: the dataset of those customers in that order ({@link
   * eligo.data.DatasetSlice#of}).
   *
   * @throws IllegalArgumentException when {@code slice} is not of those customers, when they are
   *     not every customer of each of their partners (a partner's totals are of all of them), when
   *     {@code whole} left customers out (a lenient run) or kept no compared values (written as
   *     evaluated)
   */
  public static Outcome of(Outcome whole, int[] customers, Dataset slice) {
    if (!whole.rejected.isEmpty()) {
      throw new IllegalArgumentException("the whole run left customers out");
    }
    if (slice.customerCount() != customers.length) {
      throw new IllegalArgumentException("the slice is not of the customers given");
    }
    for (int i = 0; i < customers.length; i++) {
      if (!slice.customerId(i).equals(whole.data.customerId(customers[i]))) {
        throw new IllegalArgumentException("the slice is not of the customers given");
      }
    }
    List<String> partners = Evaluation.partners(slice);
    int[] partnerOf = new int[customers.length];
    int[] inWhole = new int[partners.size()];
    int[] count = new int[partners.size()];
    for (int i = 0; i < customers.length; i++) {
      int p = Collections.binarySearch(partners, slice.partnerId(i), Texts.CODE_POINT_ORDER);
      partnerOf[i] = p;
      count[p]++;
    }
    for (int p = 0; p < partners.size(); p++) {
      int w = Collections.binarySearch(whole.partners, partners.get(p), Texts.CODE_POINT_ORDER);
      inWhole[p] = w;
      if (whole.order.partnerStart[w + 1] - whole.order.partnerStart[w] != count[p]) {
        throw new IllegalArgumentException(
            "not every customer of partner '" + partners.get(p) + "' is in the slice");
      }
    }
    CustomerOrder order = new CustomerOrder(slice, partnerOf, partners.size());
    List<Outcome.AreaOutcome> areas = new ArrayList<>();
    for (Outcome.AreaOutcome a : whole.areas) {
      areas.add(cut(a, customers, order, inWhole));
    }
    return new Outcome(slice, whole.asOf, partners, partnerOf, order, areas);
  }

  /** Area {@code a}'s rows of {@code customers}, and the totals of the partners {@code inWhole}. */
  private static Outcome.AreaOutcome cut(
      Outcome.AreaOutcome a, int[] customers, CustomerOrder order, int[] inWhole) {
    Outcome.AreaOutcome cut = new Outcome.AreaOutcome(a.area, order.rank, inWhole.length);
    int nodes = a.nodes.size();
    int rules = a.partnerNodes.size();
    NodeResults r = new NodeResults(nodes, rules);
    for (int i = 0; i < customers.length; i++) {
      int c = customers[i];
      for (int n = 0; n < nodes; n++) {
        r.status[n] = a.status(c, n);
        r.value[n] = a.value(c, n);
        r.current[n] = a.current(c, n);
        r.baseline[n] = a.baseline(c, n);
      }
      for (int j = 0; j < rules; j++) {
        Long contribution = a.contribution(c, j);
        r.partnerEvaluated[j] = contribution != null;
        r.partnerContribution[j] = contribution == null ? 0 : contribution;
      }
      cut.storeAt(order.rank[i], r);
    }
    for (int p = 0; p < inWhole.length; p++) {
      System.arraycopy(a.partnerTotal, inWhole[p] * rules, cut.partnerTotal, p * rules, rules);
      System.arraycopy(a.partnerMet, inWhole[p] * rules, cut.partnerMet, p * rules, rules);
    }
    return cut;
  }
}
