package eligo.engine;

import eligo.data.Dataset;
import eligo.io.Texts;
import java.util.Arrays;
import java.util.function.IntBinaryOperator;

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
   * code point order: counted out by partner, in dataset order, then each partner's customers
   * sorted. Fills {@code start} (one more than there are partners): partner p's customers are
   * {@code start[p] .. start[p + 1] - 1} of the result.
   */
  private static int[] sorted(Dataset data, int[] partnerOf, int[] start) {
    for (int c = 0; c < data.customerCount(); c++) {
      start[partnerOf[c] + 1]++;
    }
    for (int p = 1; p < start.length; p++) {
      start[p] += start[p - 1];
    }
    int[] sorted = new int[data.customerCount()];
    int[] next = Arrays.copyOf(start, start.length - 1);
    for (int c = 0; c < sorted.length; c++) {
      sorted[next[partnerOf[c]]++] = c;
    }
    IntBinaryOperator byId =
        (a, b) -> Texts.CODE_POINT_ORDER.compare(data.customerId(a), data.customerId(b));
    int[] tmp = new int[sorted.length];
    for (int p = 0; p + 1 < start.length; p++) {
      mergeSort(sorted, tmp, start[p], start[p + 1], byId);
    }
    return sorted;
  }

  /**
   * Sorts {@code a[from..to)} by {@code order} with no boxing ({@code tmp} as long as {@code a}).
   * Halves already in order are not merged, so customers that come sorted cost one comparison each.
   */
  private static void mergeSort(int[] a, int[] tmp, int from, int to, IntBinaryOperator order) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, order);
    mergeSort(a, tmp, mid, to, order);
    if (order.applyAsInt(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, from, tmp, from, to - from);
    int i = from;
    int j = mid;
    for (int k = from; k < to; k++) {
      a[k] = j >= to || (i < mid && order.applyAsInt(tmp[i], tmp[j]) <= 0) ? tmp[i++] : tmp[j++];
    }
  }
}
