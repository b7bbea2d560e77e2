package eligo.ir;

import java.util.HashMap;
import java.util.Map;

/**
 * The earliest month whose usage a node reads, as an offset from the as-of month M: the least month
 * of every measure in its value and condition, through the month ranges that bind its month
 * variables and the twelve-month shift of a {@link Ir.Net}'s baseline. A month the data decide (an
 * association's {@link Ir.EarliestStart}) has no fixed offset and is left out.
 *
 * <p>For the warning that the data begin after the months the criteria read: measures of months
 * with no usage count nothing, so a baseline or a window before the data's first month is quietly
 * small.
 */
public final class MonthsRead {
  private MonthsRead() {}

  /** No measure of a fixed month. */
  public static final int NONE = Integer.MAX_VALUE;

  /**
   * The least offset from M of a month whose usage {@code node} reads in its value or its condition
   * (its leaves' for a metric with leaves), or {@link #NONE}.
   */
  public static int earliest(Ir.Node node) {
    int least = NONE;
    for (Ir.Node leaf : node.leaves()) {
      least = Math.min(least, earliest(leaf));
    }
    Map<Ir.Var, Integer> months = new HashMap<>();
    if (node.value() != null) {
      least = Math.min(least, walk(node.value(), 0, months));
    }
    if (node.met() != null) {
      least = Math.min(least, walk(node.met(), 0, months));
    }
    return least;
  }

  /**
   * The least month offset of the measures in {@code e}, where M is shifted by {@code shift} and
   * {@code months} holds the least offset of each bound month variable (absent: not fixed).
   */
  private static int walk(Ir.Expr e, int shift, Map<Ir.Var, Integer> months) {
    if (e instanceof Ir.MeasureAt m) {
      return offset(m.month(), shift, months);
    }
    if (e instanceof Ir.Net n) {
      // the body at M and at M - 12: the baseline reads twelve months earlier
      return walk(n.body(), shift - 12, months);
    }
    Map<Ir.Var, Integer> inner = months;
    if (e instanceof Ir.Quantified q) {
      for (Ir.Binder b : q.binders()) {
        if (b instanceof Ir.ForMonth f) {
          if (inner == months) {
            inner = new HashMap<>(months);
          }
          int from = offset(f.range().from(), shift, inner);
          if (from == NONE) {
            inner.remove(f.var());
          } else {
            inner.put(f.var(), from);
          }
        }
      }
    }
    int least = NONE;
    for (Ir.Expr c : e.children()) {
      least = Math.min(least, walk(c, shift, inner));
    }
    return least;
  }

  private static int offset(Ir.MonthExpr month, int shift, Map<Ir.Var, Integer> months) {
    if (month instanceof Ir.AsOf a) {
      return shift + a.offset();
    }
    if (month instanceof Ir.MonthVar v) {
      Integer bound = months.get(v.var());
      return bound == null ? NONE : bound + v.offset();
    }
    return NONE; // an association's start: the data decide
  }
}
