package eligo.spark;

import eligo.data.Month;
import eligo.data.UsageMonths.Scan;
import org.apache.spark.util.AccumulatorV2;

/**
 * The months of usage a run met, gathered as its tasks parse the usage rows ({@link Scan}, as a
 * load finds them): the earliest and the earliest after it, the latest and the latest before it
 * ({@link Month#NONE} where there is none), all that {@link eligo.engine.Eligo#asOfWarning(Integer,
 * int, int, int, int, int, eligo.ir.Ir.Program)} needs to say when the as-of month, or the data's
 * first or last month, looks like a slip. A task run twice adds its months twice, which changes
 * none of the four.
 */
final class UsageMonths extends AccumulatorV2<Integer, eligo.data.UsageMonths> {
  private static final long serialVersionUID = 1L;

  private Scan scan = new Scan();

  @Override
  public boolean isZero() {
    return scan.months().latest() == Month.NONE;
  }

  @Override
  public UsageMonths copy() {
    UsageMonths c = new UsageMonths();
    c.scan.addAll(scan.months());
    return c;
  }

  @Override
  public void reset() {
    scan = new Scan();
  }

  @Override
  public void add(Integer month) {
    add(month.intValue());
  }

  /** Notes a month of usage ({@link Month#NONE}: none, left out). */
  void add(int m) {
    scan.add(m);
  }

  @Override
  public void merge(AccumulatorV2<Integer, eligo.data.UsageMonths> other) {
    scan.addAll(other.value());
  }

  @Override
  public eligo.data.UsageMonths value() {
    return scan.months();
  }
}
