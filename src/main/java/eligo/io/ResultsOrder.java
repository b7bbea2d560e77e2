package eligo.io;

import java.util.Arrays;
import java.util.function.IntBinaryOperator;
import java.util.function.IntFunction;

/**
 * The order of the results file (CRITERIA.md): customers by partner, then customer id, both in code
 * point order. The loader lays the customers out in it, so that a run, which goes through them in
 * this order, reads the data front to back; the run's order then costs one comparison a customer.
 */
public final class ResultsOrder {
  private ResultsOrder() {}

  /**
   * The indexes {@code 0 .. partnerRank.length - 1} by partner ({@code partnerRank}: each one's
   * partner's place among the {@code partners} partners), then id ({@code id}); fills {@code start}
   * (one more than there are partners): partner p's are {@code start[p] .. start[p + 1] - 1} of the
   * result. Counted out by partner in index order, then each partner's sorted: indexes already in
   * order cost one comparison each.
   */
  public static int[] sorted(int[] partnerRank, int partners, IntFunction<String> id, int[] start) {
    Arrays.fill(start, 0);
    for (int r : partnerRank) {
      start[r + 1]++;
    }
    for (int p = 1; p < start.length; p++) {
      start[p] += start[p - 1];
    }
    int[] sorted = new int[partnerRank.length];
    int[] next = Arrays.copyOf(start, partners);
    for (int c = 0; c < sorted.length; c++) {
      sorted[next[partnerRank[c]]++] = c;
    }
    IntBinaryOperator byId = (a, b) -> Texts.CODE_POINT_ORDER.compare(id.apply(a), id.apply(b));
    int[] tmp = new int[sorted.length];
    for (int p = 0; p < partners; p++) {
      mergeSort(sorted, tmp, start[p], start[p + 1], byId);
    }
    return sorted;
  }

  /**
   * Sorts {@code a[from..to)} by {@code order} with no boxing ({@code tmp} as long as {@code a}).
   * Halves already in order are not merged.
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
