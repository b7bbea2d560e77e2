package eligo.report;

import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The comparisons that are bounds of a band: two or more bounds on one amount, all held ('within'
 * gives an 'and' of comparisons of one amount with constants), so that a closest miss of one says
 * the amount is below or above the band ({@link NodeTrace.Closest#band}). They depend on the
 * criteria only; the recorders of a thread share them ({@link TraceRecorder#over}). Not
 * thread-safe.
 */
final class BandBounds {
  private final Set<Ir.Expr> bounds = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  /** Notes the bands of {@code e}. */
  void note(Ir.Expr e) {
    if (e == null) {
      return;
    }
    List<Ir.Compare> found = of(e);
    if (!found.isEmpty()) {
      bounds.addAll(found);
      return;
    }
    for (Ir.Expr child : e.children()) {
      note(child);
    }
  }

  /** The bounds of {@code e} when it is a band, in their order; else none. */
  static List<Ir.Compare> of(Ir.Expr e) {
    List<Ir.Compare> found = new ArrayList<>();
    return e instanceof Ir.And && bounds(e, found) && found.size() >= 2 ? found : List.of();
  }

  /** Whether {@code k} is a bound of a band noted. */
  boolean contains(Ir.Compare k) {
    return bounds.contains(k);
  }

  /** Whether {@code e} is an 'and' of comparisons of one amount with constants, gathered. */
  private static boolean bounds(Ir.Expr e, List<Ir.Compare> out) {
    if (e instanceof Ir.And a) {
      return bounds(a.left(), out) && bounds(a.right(), out);
    }
    return e instanceof Ir.Compare k
        && k.right() instanceof Ir.Const
        && (out.isEmpty() || out.get(0).left() == k.left())
        && out.add(k);
  }
}
