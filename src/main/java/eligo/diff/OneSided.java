package eligo.diff;

import eligo.data.Dataset;
import eligo.engine.Outcome;
import eligo.io.Texts;
import eligo.report.CustomerView;
import eligo.report.Explainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The customers only one of two runs holds (added in the new data, or removed from the old): each
 * with every node's row as that run's results file writes it and as the report explains it.
 */
final class OneSided {
  private OneSided() {}

  /**
   * Customers {@code customers} (indexes in {@code o}'s dataset) of run {@code o}, the old one when
   * {@code old}, sorted by customer id, then partner id; their rows in {@code nodes}' order (area,
   * node).
   */
  static List<Impact.CustomerOutcome> of(
      Outcome o, int[] customers, Map<String, Map<String, NodePair>> nodes, boolean old) {
    Dataset d = o.data;
    Integer[] sorted = Arrays.stream(customers).boxed().toArray(Integer[]::new);
    Arrays.sort(
        sorted,
        Comparator.comparing((Integer c) -> d.customerId(c), Texts.CODE_POINT_ORDER)
            .thenComparing(c -> d.partnerId(c), Texts.CODE_POINT_ORDER));
    ThreadLocal<Explainer> explainer = ThreadLocal.withInitial(() -> new Explainer(o));
    return Arrays.stream(sorted)
        .parallel()
        .map(
            c -> {
              CustomerView view = explainer.get().explain(c);
              List<Impact.NodeOutcome> rows = new ArrayList<>();
              nodes.forEach(
                  (area, byNode) ->
                      byNode.forEach(
                          (node, p) -> {
                            Impact.Row row = p.row(c, old);
                            if (row != null) {
                              rows.add(
                                  new Impact.NodeOutcome(
                                      area, node, row, Impact.words(view, area, node)));
                            }
                          }));
              return new Impact.CustomerOutcome(
                  d.partnerId(c), d.customerId(c), d.customerName(c), rows);
            })
        .toList();
  }
}
