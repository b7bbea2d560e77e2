package eligo.report;

import eligo.data.Dataset;
import eligo.data.Measure;

/**
 * Whether a customer's usage rows hold a negative amount (a credit) of a measure, for the counts of
 * a measure above 0 that {@link QuietCounts} takes from the run: looked at once per customer and
 * measure, as every area of a family of workloads has such a gate and several read one measure. Not
 * thread-safe: one per explainer.
 */
final class Credits {
  private final Dataset data;

  /** The customer last looked at; -1 before the first. */
  private int customer = -1;

  /** Per measure (a bit by its ordinal): looked at for {@link #customer}, and a negative found. */
  private int known;

  private int negative;

  Credits(Dataset data) {
    this.data = data;
  }

  /** Whether no usage row of customer {@code c} holds a negative amount of measure {@code m}. */
  boolean noNegative(int c, Measure m) {
    if (customer != c) {
      customer = c;
      known = 0;
      negative = 0;
    }
    int bit = 1 << m.ordinal();
    if ((known & bit) == 0) {
      known |= bit;
      if (anyNegative(c, m)) {
        negative |= bit;
      }
    }
    return (negative & bit) == 0;
  }

  private boolean anyNegative(int c, Measure m) {
    for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++) {
      for (int p = data.pairStart(t); p < data.pairEnd(t); p++) {
        for (int r = data.rowStart(p); r < data.rowEnd(p); r++) {
          if (data.rowValue(r, m) < 0) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
