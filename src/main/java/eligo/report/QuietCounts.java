package eligo.report;

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
