package eligo.check;

import eligo.ir.Ir;
import eligo.lang.Ast;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A binder of an aggregate that nothing in the aggregate reads: {@code sum acr at M for tenant,
 * workload in W, month in TTM(M)} ('at M' fixes the month, so the sum adds acr at M twelve times),
 * {@code count tenant where any tenant, ... where acr > 0} (the inner 'tenant' hides the counted
 * one, so every tenant is counted when one qualifies). The aggregate then repeats the same term
 * once per binding: a sum or a count multiplied by the number of bindings, a condition asked of the
 * as-of month where every month was meant. An error at the binder, not a warning: the run would go
 * on and report a number other than the one meant (twelve times acr at M for the spend of the last
 * 12 months). Kept an error for 'any' and 'all' too, where the repeated condition gives the same
 * answer as asking it once: the binder was written to ask it of every month (tenant, ...), and the
 * answer is that of one.
 */
final class UnusedBinders {
  private UnusedBinders() {}

  /**
   * Reports each binder of {@code binders} (typed from {@code written}, in the same order) that
   * neither {@code body} nor {@code where} nor a later binder's months read. An aggregate that
   * reads no bound variable at all ({@code count tenant where segment == "Enterprise"}, {@code sum
   * $100 for tenant}) is left alone: it states a term per binding on purpose.
   */
  static void check(
      Reporter reporter,
      Ast.Aggregate written,
      List<Ir.Binder> binders,
      Ir.Expr where,
      Ir.Expr body) {
    if (binders.size() != written.binders().size()) {
      return;
    }
    Set<Ir.Var> read = new HashSet<>();
    Set<Ir.Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    if (body != null) {
      vars(body, read, seen);
    }
    if (where != null) {
      vars(where, read, seen);
    }
    for (Ir.Binder b : binders) {
      if (b instanceof Ir.ForMonth m) {
        vars(m.range(), read);
      }
    }
    if (read.isEmpty()) {
      return;
    }
    for (int i = 0; i < binders.size(); i++) {
      Ir.Var v = binders.get(i).var();
      // where a syntax error touched the aggregate, it may have cut what reads the binder
      if (!read.contains(v) && reporter.complete(written.span())) {
        reporter.error(
            WrittenForms.binder(written.binders().get(i).span()),
            message(written, i, binders.get(i)));
      }
    }
  }

  private static String message(Ast.Aggregate a, int i, Ir.Binder b) {
    Ast.Binder w = a.binders().get(i);
    String what =
        switch (b.var().dim()) {
          case TENANT -> "tenant";
          case WORKLOAD -> "workload";
          case MONTH -> "month";
          case TYPE -> "association type";
        };
    String text =
        b.var().dim() == Ir.Dim.MONTH
            ? monthText(w)
            : (what.equals("association type") ? "type" : what)
                + (w.var() == null ? "" : " " + w.var().text());
    String hider =
        switch (b.var().dim()) {
          case MONTH -> "an 'at' or an inner 'month in' sets the month of what it holds";
          case TYPE ->
              "only 'associated' reads the type in scope; a measure is the same for every"
                  + " type, and 'acr via S' keeps the amounts attributed to S";
          default ->
              "an inner '" + what + "' binds one of its own, or nothing here is read per " + what;
        };
    String plural = what + "s";
    String effect =
        switch (a.kind()) {
          case SUM -> "so the sum adds the same amount once for each of its " + plural;
          case COUNT ->
              "so its condition is the same for every "
                  + what
                  + ": it counts all of its "
                  + plural
                  + " or none";
          case AVERAGE, MINIMUM, MAXIMUM -> "so it takes the same amount for each of its " + plural;
          default -> "so it asks the same question of each of its " + plural;
        };
    return "nothing in this '"
        + a.kind().name().toLowerCase(java.util.Locale.ROOT)
        + "' reads the "
        + what
        + " that '"
        + text
        + "' binds ("
        + hider
        + "), "
        + effect
        + "; remove what hides it, or leave '"
        + text
        + "' out";
  }

  /** 'month in TTM(M)' as written. */
  private static String monthText(Ast.Binder w) {
    String text = WrittenForms.text(WrittenForms.binder(w.span()));
    return text.isEmpty() ? "month" : text;
  }

  /** Every variable {@code e} reads, each shared part walked once. */
  private static void vars(Ir.Expr e, Set<Ir.Var> out, Set<Ir.Expr> seen) {
    List<Ir.Expr> todo = new ArrayList<>();
    todo.add(e);
    while (!todo.isEmpty()) {
      Ir.Expr x = todo.remove(todo.size() - 1);
      if (!seen.add(x)) {
        continue;
      }
      if (x instanceof Ir.MeasureAt m) {
        add(m.tenant(), out);
        add(m.workload(), out);
        vars(m.month(), out);
      } else if (x instanceof Ir.Rate r) {
        add(r.workload(), out);
      } else if (x instanceof Ir.Associated as) {
        add(as.tenant(), out);
        add(as.workload(), out);
        vars(as.month(), out);
        add(as.typeVar(), out);
      } else if (x instanceof Ir.AttributeIn at) {
        add(at.tenant(), out);
      } else if (x instanceof Ir.CompareMonths c) {
        vars(c.left(), out);
        vars(c.right(), out);
      } else if (x instanceof Ir.InMonths in) {
        vars(in.month(), out);
        vars(in.range(), out);
      } else if (x instanceof Ir.Quantified q) {
        for (Ir.Binder b : q.binders()) {
          if (b instanceof Ir.ForMonth m) {
            vars(m.range(), out);
          }
        }
      }
      todo.addAll(x.children());
    }
  }

  private static void vars(Ir.MonthRange r, Set<Ir.Var> out) {
    vars(r.from(), out);
    vars(r.to(), out);
  }

  private static void vars(Ir.MonthExpr m, Set<Ir.Var> out) {
    if (m instanceof Ir.MonthVar v) {
      out.add(v.var());
    } else if (m instanceof Ir.EarliestStart s) {
      add(s.tenant(), out);
      add(s.workload(), out);
    }
  }

  private static void add(Ir.Var v, Set<Ir.Var> out) {
    if (v != null) {
      out.add(v);
    }
  }
}
