package eligo.codegen;

import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an IR expression reads, for the code generator: its variables, (tenant, workload) pairs,
 * earliest starts, month expressions, the as-of month and the node value, found by walking {@link
 * Ir.Expr#children()}. A helper method's parameters and a method's lookups are decided from these.
 */
final class Reads {
  private Reads() {}

  /** The binders of an aggregate or quantifier; none for any other expression. */
  static List<Ir.Binder> binders(Ir.Expr e) {
    return e instanceof Ir.Quantified q ? q.binders() : List.of();
  }

  /** The condition of an aggregate or quantifier; null when it has none or is none. */
  static Ir.Expr where(Ir.Expr e) {
    return e instanceof Ir.Quantified q ? q.where() : null;
  }

  /** The month expressions read directly by {@code e} (not by its sub-expressions). */
  static List<Ir.MonthExpr> months(Ir.Expr e) {
    List<Ir.MonthExpr> out = new ArrayList<>();
    if (e instanceof Ir.MeasureAt x) {
      out.add(x.month());
    } else if (e instanceof Ir.Associated x) {
      out.add(x.month());
    } else if (e instanceof Ir.CompareMonths x) {
      out.add(x.left());
      out.add(x.right());
    } else if (e instanceof Ir.InMonths x) {
      out.add(x.month());
      out.add(x.range().from());
      out.add(x.range().to());
    }
    for (Ir.Binder b : binders(e)) {
      if (b instanceof Ir.ForMonth fm) {
        out.add(fm.range().from());
        out.add(fm.range().to());
      }
    }
    return out;
  }

  /** Every variable id read anywhere in {@code e}. */
  static void collectVars(Ir.Expr e, Set<Integer> out) {
    if (e instanceof Ir.MeasureAt x) {
      out.add(x.tenant().id());
      out.add(x.workload().id());
    } else if (e instanceof Ir.Rate x) {
      out.add(x.workload().id());
    } else if (e instanceof Ir.Associated x) {
      out.add(x.tenant().id());
      out.add(x.workload().id());
      if (x.typeVar() != null) {
        out.add(x.typeVar().id());
      }
    } else if (e instanceof Ir.AttributeIn x && x.tenant() != null) {
      out.add(x.tenant().id());
    }
    for (Ir.MonthExpr m : months(e)) {
      if (m instanceof Ir.MonthVar mv) {
        out.add(mv.var().id());
      } else if (m instanceof Ir.EarliestStart es) {
        out.add(es.tenant().id());
        out.add(es.workload().id());
      }
    }
    for (Ir.Expr child : e.children()) {
      collectVars(child, out);
    }
  }

  /** Every (tenant, workload) pair read anywhere in {@code e}, nested aggregates included. */
  static void collectPairs(Ir.Expr e, Set<List<Ir.Var>> out) {
    if (e instanceof Ir.MeasureAt x) {
      out.add(List.of(x.tenant(), x.workload()));
    } else if (e instanceof Ir.Associated x) {
      out.add(List.of(x.tenant(), x.workload()));
    }
    for (Ir.MonthExpr m : months(e)) {
      if (m instanceof Ir.EarliestStart es) {
        out.add(List.of(es.tenant(), es.workload()));
      }
    }
    for (Ir.Expr child : e.children()) {
      collectPairs(child, out);
    }
  }

  static boolean readsNodeValue(Ir.Expr e) {
    return anywhere(e, x -> x instanceof Ir.NodeValue);
  }

  /**
   * The (tenant, workload) pairs and earliest starts read by {@code e} in the method that holds it:
   * helpers (nested aggregates and nets) do their own lookups.
   */
  static void refs(Ir.Expr e, Set<List<Ir.Var>> pairs, Set<Ir.EarliestStart> starts) {
    if (e == null || e instanceof Ir.Quantified || e instanceof Ir.Net) {
      return;
    }
    if (e instanceof Ir.MeasureAt x) {
      pairs.add(List.of(x.tenant(), x.workload()));
    } else if (e instanceof Ir.Associated x) {
      pairs.add(List.of(x.tenant(), x.workload()));
    }
    for (Ir.MonthExpr m : months(e)) {
      refs(m, pairs, starts);
    }
    for (Ir.Expr child : e.children()) {
      refs(child, pairs, starts);
    }
  }

  static void refs(Ir.MonthExpr m, Set<List<Ir.Var>> pairs, Set<Ir.EarliestStart> starts) {
    if (m instanceof Ir.EarliestStart es) {
      pairs.add(List.of(es.tenant(), es.workload()));
      starts.add(es);
    }
  }

  /** Whether {@code e} reads the as-of month anywhere, nested aggregates and nets included. */
  static boolean readsAsOf(Ir.Expr e) {
    return anywhere(e, x -> months(x).stream().anyMatch(m -> m instanceof Ir.AsOf));
  }

  /** Whether {@code test} holds for {@code e} or any expression inside it; false for null. */
  static boolean anywhere(Ir.Expr e, java.util.function.Predicate<Ir.Expr> test) {
    if (e == null) {
      return false;
    }
    if (test.test(e)) {
      return true;
    }
    for (Ir.Expr child : e.children()) {
      if (anywhere(child, test)) {
        return true;
      }
    }
    return false;
  }

  /** The pairs and earliest starts read by aggregate {@code e}'s own ranges, condition and term. */
  static void lookups(Ir.Expr e, Set<List<Ir.Var>> pairs, Set<Ir.EarliestStart> starts) {
    for (Ir.Binder binder : binders(e)) {
      if (binder instanceof Ir.ForMonth fm) {
        refs(fm.range().from(), pairs, starts);
        refs(fm.range().to(), pairs, starts);
      }
    }
    refs(where(e), pairs, starts);
    if (e instanceof Ir.Sum sum) {
      refs(sum.body(), pairs, starts);
    }
    if (e instanceof Ir.Reduce reduce) {
      refs(reduce.body(), pairs, starts);
    }
  }
}
