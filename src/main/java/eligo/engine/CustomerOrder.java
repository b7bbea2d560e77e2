package eligo.engine;

import eligo.data.Dataset;
import eligo.io.ResultsOrder;

/**
 * The order of the results file (CRITERIA.md): customers by partner, then customer id in code point
 * order. The evaluation goes through the customers in this order, so the file can be written while
 * it goes on.
 */
final class CustomerOrder {
  /** The customers in the order. */
  final int[] sorted;

  /** Partner p's customers are {@code sorted[partnerStart[p] .. partnerStart[p + 1] - 1]}. */
  final int[] partnerStart;

  /** The position of customer c in the order: {@code sorted[rank[c]] == c}. */
  final int[] rank;

  /** The order of {@code data}'s customers, whose partners are {@code partnerOf}'s indexes. */
  CustomerOrder(Dataset data, int[] partnerOf, int partners) {
    partnerStart = new int[partners + 1];
    sorted = sorted(data, partnerOf, partnerStart);
    rank = new int[sorted.length];
    for (int k = 0; k < sorted.length; k++) {
      rank[sorted[k]] = k;
    }
  }

  /**
   * Customer indexes by partner ({@code partnerOf}'s indexes, in their order), then customer id in
   * code point order ({@link ResultsOrder}). Fills {@code start} (one more than there are
   * partners): partner p's customers are {@code start[p] .. start[p + 1] - 1} of the result.
   */
  private static int[] sorted(Dataset data, int[] partnerOf, int[] start) {
    return ResultsOrder.sorted(partnerOf, start.length - 1, data::customerId, start);
  }
}
