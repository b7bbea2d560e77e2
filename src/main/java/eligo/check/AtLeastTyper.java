package eligo.check;

import eligo.check.ExprTyper.T;
import eligo.check.ExprTyper.TBool;
import eligo.ir.Ir;
import eligo.lang.Ast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Types {@code at least K of (c1, c2, ...)}: every part a condition, no part written twice, and
 * {@code K} a whole number from 1 to the number of parts; each mistake reported at its place.
 */
final class AtLeastTyper {
  private final Reporter reporter;
  private final ExprTyper typer;

  AtLeastTyper(Reporter reporter, ExprTyper typer) {
    this.reporter = reporter;
    this.typer = typer;
  }

  T type(Ast.AtLeast a, Env env) {
    boolean ok = true;
    List<Ir.Expr> parts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < a.parts().size(); i++) {
      Ast.AtLeastPart part = a.parts().get(i);
      T t = typer.expectBool(typer.expr(part.condition(), env), part.span(), "'at least ... of'");
      if (t instanceof TBool b) {
        parts.add(b.e());
      } else {
        ok = false;
      }
      String label = part.label();
      labels.add(label);
      Integer first = seen.putIfAbsent(label, i + 1);
      if (first != null) {
        reporter.error(
            part.span(),
            "condition " + (i + 1) + " repeats condition " + first + " ('" + label + "')");
        ok = false;
      }
    }
    int n = a.parts().size();
    int k = whole(a.k());
    if (k < 1 || k > n) {
      reporter.error(
          a.kSpan(),
          "'at least K of' needs K a whole number from 1 to the "
              + n
              + " condition"
              + (n == 1 ? "" : "s")
              + " listed; here K is "
              + a.k());
      ok = false;
    }
    if (!ok) {
      return ExprTyper.ERR;
    }
    return new TBool(new Ir.AtLeast(k, parts, labels));
  }

  /**
   * {@code points (c1: 2, c2: 1)}: a number; every part a condition written once, worth 0 or more.
   */
  T points(Ast.Points p, Env env) {
    boolean ok = true;
    List<Ir.Expr> parts = new ArrayList<>();
    List<Long> points = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < p.parts().size(); i++) {
      Ast.PointsPart part = p.parts().get(i);
      T t = typer.expectBool(typer.expr(part.condition(), env), part.span(), "'points'");
      if (t instanceof TBool b) {
        parts.add(b.e());
      } else {
        ok = false;
      }
      labels.add(part.label());
      Integer first = seen.putIfAbsent(part.label(), i + 1);
      if (first != null) {
        reporter.error(
            part.span(),
            "condition " + (i + 1) + " repeats condition " + first + " ('" + part.label() + "')");
        ok = false;
      }
      int worth = whole(part.points());
      if (worth < 0) {
        reporter.error(
            part.pointsSpan(),
            "a condition's points are a whole number, 0 or more; here they are " + part.points());
        ok = false;
      }
      points.add((long) worth);
    }
    if (!ok) {
      return ExprTyper.ERR;
    }
    return new ExprTyper.TNum(new Ir.Points(parts, points, labels), Kind.NUMBER);
  }

  /** The whole number written, or -1 when it is not one (a decimal, or too large). */
  private static int whole(String text) {
    if (!text.matches("[0-9]{1,9}")) {
      return -1;
    }
    return Integer.parseInt(text);
  }
}
