package eligo.report;

import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;

/**
 * What each {@code at least K of (...)} of a condition found, in words: {@code 2 of 3 conditions
 * held: A, B; not: C}, each condition named by its criteria text.
 */
final class AtLeastWords {
  private AtLeastWords() {}

  /**
   * The words for every {@code at least} in {@code met} whose parts were all evaluated ({@code
   * held} is each condition's last outcome), joined by "; "; null when there is none.
   */
  static String of(Ir.Expr met, LastValues held) {
    return of(find(met), held);
  }

  /** The {@code at least} and points conditions of an expression, in the order of its text. */
  record Found(List<Ir.AtLeast> atLeast, List<Ir.Points> points) {}

  /** What {@code e} holds of {@link Found} (the same for every customer: kept by the caller). */
  static Found find(Ir.Expr e) {
    List<Ir.AtLeast> found = new ArrayList<>();
    collect(e, found);
    List<Ir.Points> scored = new ArrayList<>();
    collectPoints(e, scored);
    return new Found(List.copyOf(found), List.copyOf(scored));
  }

  /** {@link #of(Ir.Expr, LastValues)} of the conditions {@link #find} found. */
  static String of(Found found, LastValues held) {
    if (found.atLeast().isEmpty() && found.points().isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Ir.AtLeast a : found.atLeast()) {
      List<String> yes = new ArrayList<>();
      List<String> no = new ArrayList<>();
      boolean complete = true;
      for (int i = 0; i < a.parts().size(); i++) {
        Boolean h = held.held(a.parts().get(i));
        if (h == null) {
          complete = false;
          break;
        }
        (h ? yes : no).add(a.labels().get(i));
      }
      if (!complete) {
        continue;
      }
      out.add(
          yes.size()
              + " of "
              + a.parts().size()
              + " conditions held"
              + (yes.isEmpty() ? "" : ": " + String.join(", ", yes))
              + (no.isEmpty() ? "" : "; not: " + String.join(", ", no)));
    }
    for (Ir.Points p : found.points()) {
      List<String> yes = new ArrayList<>();
      List<String> no = new ArrayList<>();
      long sum = 0;
      long most = 0;
      boolean complete = true;
      for (int i = 0; i < p.parts().size(); i++) {
        Boolean h = held.held(p.parts().get(i));
        if (h == null) {
          complete = false;
          break;
        }
        long worth = p.points().get(i);
        most += worth;
        sum += h ? worth : 0;
        (h ? yes : no).add(p.labels().get(i) + " (" + worth + ")");
      }
      if (complete) {
        out.add(
            sum
                + " of "
                + most
                + " points"
                + (yes.isEmpty() ? "" : ": " + String.join(", ", yes))
                + (no.isEmpty() ? "" : "; not: " + String.join(", ", no)));
      }
    }
    return out.isEmpty() ? null : String.join("; ", out);
  }

  private static void collectPoints(Ir.Expr e, List<Ir.Points> out) {
    if (e == null) {
      return;
    }
    if (e instanceof Ir.Points p) {
      out.add(p);
    }
    for (Ir.Expr child : e.children()) {
      collectPoints(child, out);
    }
  }

  private static void collect(Ir.Expr e, List<Ir.AtLeast> out) {
    if (e == null) {
      return;
    }
    if (e instanceof Ir.AtLeast a) {
      out.add(a);
    }
    for (Ir.Expr child : e.children()) {
      collect(child, out);
    }
  }
}
