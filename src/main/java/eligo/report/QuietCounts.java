package eligo.report;

import eligo.data.Measure;
import eligo.ir.Ir;

/**
 * The nodes whose evaluation, when their count found nothing, records nothing that their view
 * shows: their explanation is then that of their outcome alone, and the {@link Explainer} takes it
 * from the run without evaluating and tracing the node again (most of all the association gates not
 * met: {@code count type where any tenant, workload, month in R where associated ...}).
 *
 * <p>Why: such a node's value is a count (or the net of one) whose condition is an {@code
 * associated}, or an {@code any} or an {@code or} of such conditions; no comparison, sum or other
 * number is in it. A count of nothing held its condition at no binding, so neither did any {@code
 * associated} in it ({@code any} and {@code or} hold when one of theirs does). What {@link
 * TraceRecorder} records of such an evaluation is then a fact per tenant or workload that counted
 * none and found no association (no details row: {@link NodeDetails} shows none of them), and no
 * peak or closest miss (only comparisons make them): the why and details of the trace taken from
 * the outcome. The words of the node read nothing heard ({@link NodeWords#readsNothingHeard}), nor
 * do those of any node of its area, so what the evaluation would have told them is not missed.
 *
 * <p>So too a count of a measure above nothing ({@code count workload in W where any tenant, month
 * in R where acr > 0}, the workload gates) that found nothing, for a customer none of whose usage
 * rows holds a negative amount of that measure ({@link Credits#noNegative}): its condition held at
 * no binding, so the measure was at most 0 at every binding told, and so 0 (a month without a row
 * reads 0). What is recorded is then facts that counted none, peaks of 0 and a closest miss of 0:
 * {@link NodeDetails} shows a fact only with a count held, an amount, a peak above 0 or an
 * association found, and the reason names a closest miss only when it is not 0 ({@link
 * ReasonWords#ofValuesOnly}). With a negative amount (a credit) the closest miss may be named, and
 * the node is evaluated again.
 */
final class QuietCounts {
  private QuietCounts() {}

  /**
   * Whether node {@code n} is such a node (given that the words of its area read nothing heard):
   * its value is a count, or the net of one, of a condition made of associations alone.
   */
  static boolean quietWhenNone(Ir.Node n) {
    Ir.Expr value = n.value() instanceof Ir.Net net ? net.body() : n.value();
    return value instanceof Ir.Count count && onlyAssociations(count.where());
  }

  /**
   * The measure of node {@code n} (given that the words of its area read nothing heard) when its
   * value is a count, or the net of one, of a condition {@code any ... where MEASURE > 0} (an
   * {@code any} in an {@code any} too); else null.
   */
  static Measure aboveZero(Ir.Node n) {
    Ir.Expr value = n.value() instanceof Ir.Net net ? net.body() : n.value();
    if (!(value instanceof Ir.Count count) || !(count.where() instanceof Ir.Exists)) {
      return null;
    }
    Ir.Expr e = count.where();
    while (e instanceof Ir.Exists x) {
      e = x.where();
    }
    return e instanceof Ir.Compare k
            && k.op() == Ir.CmpOp.GT
            && k.left() instanceof Ir.MeasureAt m
            && k.right() instanceof Ir.Const zero
            && zero.unscaled() == 0
        ? m.measure()
        : null;
  }

  /** Whether {@code e} is an {@code associated}, or an {@code any} or {@code or} of such. */
  private static boolean onlyAssociations(Ir.Expr e) {
    if (e instanceof Ir.Associated) {
      return true;
    }
    if (e instanceof Ir.Exists x) {
      return onlyAssociations(x.where());
    }
    return e instanceof Ir.Or o && onlyAssociations(o.left()) && onlyAssociations(o.right());
  }
}
