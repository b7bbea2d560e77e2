package eligo.spark;

import eligo.data.Month;
import org.apache.spark.util.AccumulatorV2;

/**
 * The months of usage a run met, gathered as its tasks parse the usage rows: the earliest and the
 * earliest after it, the latest and the latest before it ({@link Month#NONE} where there is none),
 * all that {@link eligo.engine.Eligo#asOfWarning(Integer, int, int, int, int, int)} needs to say
 * when the as-of month, or the data's first or last month, looks like a slip. A task run twice adds
 * its months twice, which changes none of the four.
 */
final class UsageMonths extends AccumulatorV2<Integer, int[]> {
  private static final long serialVersionUID = 1L;

  private int earliest = Month.NONE;
  private int afterEarliest = Month.NONE;
  private int beforeLatest = Month.NONE;
  private int latest = Month.NONE;

  @Override
  public boolean isZero() {
    return latest == Month.NONE;
  }

  @Override
  public UsageMonths copy() {
    UsageMonths c = new UsageMonths();
    c.earliest = earliest;
    c.afterEarliest = afterEarliest;
    c.beforeLatest = beforeLatest;
    c.latest = latest;
    return c;
  }

  @Override
  public void reset() {
    earliest = Month.NONE;
    afterEarliest = Month.NONE;
    beforeLatest = Month.NONE;
    latest = Month.NONE;
  }

  @Override
  public void add(Integer month) {
    add(month.intValue());
  }

  /** Notes a month of usage ({@link Month#NONE}: none, left out). */
  void add(int m) {
    if (m == Month.NONE) {
      return;
    }
    if (earliest == Month.NONE || m < earliest) {
      afterEarliest = earliest;
      earliest = m;
    } else if (m > earliest && (afterEarliest == Month.NONE || m < afterEarliest)) {
      afterEarliest = m;
    }
    if (latest == Month.NONE || m > latest) {
      beforeLatest = latest;
      latest = m;
    } else if (m < latest && (beforeLatest == Month.NONE || m > beforeLatest)) {
      beforeLatest = m;
    }
  }

  @Override
  public void merge(AccumulatorV2<Integer, int[]> other) {
    int[] v = other.value();
    for (int m : v) {
      add(m);
    }
  }

  /** {earliest, after the earliest, before the latest, latest}. */
  @Override
  public int[] value() {
    return new int[] {earliest, afterEarliest, beforeLatest, latest};
  }
}
