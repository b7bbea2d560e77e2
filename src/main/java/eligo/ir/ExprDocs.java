package eligo.ir;

import static eligo.ir.SExpr.atom;
import static eligo.ir.SExpr.brackets;
import static eligo.ir.SExpr.flat;
import static eligo.ir.SExpr.sx;

import eligo.ir.SExpr.Doc;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The S-expression of each kind of expression, for {@link IrPrinter}. */
final class ExprDocs implements Ir.Visitor<Doc, Void> {
  /** The S-expression of {@code e}; {@code null} prints as the atom {@code null}. */
  static Doc of(Ir.Expr e) {
    return e == null ? atom("null") : e.accept(EXPR, null);
  }

  private static final ExprDocs EXPR = new ExprDocs();

  @Override
  public Doc visit(Ir.Const c, Void p) {
    return atom(decimal(c.unscaled(), c.scale()));
  }

  @Override
  public Doc visit(Ir.MeasureAt m, Void p) {
    return sx(m.measure().column(), var(m.tenant()), var(m.workload()), month(m.month()));
  }

  @Override
  public Doc visit(Ir.Rate r, Void p) {
    Ir.RateTable t = r.table();
    List<Doc> args = new ArrayList<>();
    args.add(atom(t.name() == null ? "-" : t.name()));
    args.add(var(r.workload()));
    for (Ir.RateCase rc : t.cases()) {
      args.add(sx("when", workloads(rc.when()), atom(decimal(rc.unscaled(), t.scale()))));
    }
    args.add(sx("otherwise", atom(decimal(t.otherwise(), t.scale()))));
    return sx("rate", args);
  }

  @Override
  public Doc visit(Ir.Arith a, Void p) {
    String op = a.op() == Ir.ArithOp.ADD ? "+" : a.op() == Ir.ArithOp.SUB ? "-" : "*";
    return sx(op, of(a.left()), of(a.right()));
  }

  @Override
  public Doc visit(Ir.Neg n, Void p) {
    return sx("neg", of(n.operand()));
  }

  @Override
  public Doc visit(Ir.If f, Void p) {
    return sx("if", of(f.cond()), of(f.then()), of(f.otherwise()));
  }

  @Override
  public Doc visit(Ir.Sum s, Void p) {
    return s.where() == null
        ? sx("sum", binders(s.binders()), of(s.body()))
        : sx("sum", binders(s.binders()), sx("where", of(s.where())), of(s.body()));
  }

  @Override
  public Doc visit(Ir.Reduce r, Void p) {
    String op = r.op().name().toLowerCase(java.util.Locale.ROOT);
    return r.where() == null
        ? sx(op, binders(r.binders()), of(r.body()))
        : sx(op, binders(r.binders()), sx("where", of(r.where())), of(r.body()));
  }

  @Override
  public Doc visit(Ir.Count c, Void p) {
    return quantified("count", c.binders(), c.where());
  }

  @Override
  public Doc visit(Ir.Net n, Void p) {
    return sx("net", of(n.body()));
  }

  @Override
  public Doc visit(Ir.NodeValue v, Void p) {
    return atom("value");
  }

  @Override
  public Doc visit(Ir.Compare c, Void p) {
    return sx(c.op().symbol, of(c.left()), of(c.right()));
  }

  @Override
  public Doc visit(Ir.Growth g, Void p) {
    return sx(
        "growth" + g.op().symbol,
        of(g.current()),
        of(g.fraction()),
        of(g.baseline()),
        sx(g.whenZero() ? "zero-met" : "zero-not-met"));
  }

  @Override
  public Doc visit(Ir.AtLeast a, Void p) {
    List<Doc> parts = new ArrayList<>();
    parts.add(atom(Integer.toString(a.k())));
    for (Ir.Expr part : a.parts()) {
      parts.add(of(part));
    }
    return sx("at-least", parts.toArray(new Doc[0]));
  }

  @Override
  public Doc visit(Ir.Points a, Void p) {
    List<Doc> parts = new ArrayList<>();
    for (int i = 0; i < a.parts().size(); i++) {
      parts.add(sx(Long.toString(a.points().get(i)), of(a.parts().get(i))));
    }
    return sx("points", parts);
  }

  @Override
  public Doc visit(Ir.CompareMonths c, Void p) {
    return sx(c.op().symbol, month(c.left()), month(c.right()));
  }

  @Override
  public Doc visit(Ir.InMonths i, Void p) {
    return sx("in", month(i.month()), range(i.range()));
  }

  @Override
  public Doc visit(Ir.And a, Void p) {
    return sx("and", of(a.left()), of(a.right()));
  }

  @Override
  public Doc visit(Ir.Or o, Void p) {
    return sx("or", of(o.left()), of(o.right()));
  }

  @Override
  public Doc visit(Ir.Not n, Void p) {
    return sx("not", of(n.operand()));
  }

  @Override
  public Doc visit(Ir.Exists x, Void p) {
    return quantified("exists", x.binders(), x.where());
  }

  @Override
  public Doc visit(Ir.ForAll x, Void p) {
    return quantified("forall", x.binders(), x.where());
  }

  @Override
  public Doc visit(Ir.Associated a, Void p) {
    List<Doc> args = new ArrayList<>(List.of(var(a.tenant()), var(a.workload()), month(a.month())));
    if (a.typeVar() != null) {
      args.add(sx("type", var(a.typeVar())));
    }
    if (a.types() != null) {
      args.add(types(a.types()));
    }
    return sx("associated", args);
  }

  @Override
  public Doc visit(Ir.AttributeIn a, Void p) {
    List<Doc> args = new ArrayList<>();
    args.add(atom(a.attribute().owner().word + "." + IrPrinter.quote(a.attribute().column())));
    if (a.tenant() != null) {
      args.add(var(a.tenant()));
    }
    for (String v : a.values()) {
      args.add(atom(IrPrinter.quote(v)));
    }
    return sx(a.negated() ? "attribute-not-in" : "attribute-in", args);
  }

  /**
   * A plain decimal with exactly {@code scale} places: {@code 1000.00}, {@code 0.2}, {@code -3}.
   */
  private static String decimal(long unscaled, int scale) {
    return BigDecimal.valueOf(unscaled, scale).toPlainString();
  }

  /** {@code (op [binders])}, or {@code (op [binders] where)} when there is a condition. */
  private static Doc quantified(String op, List<Ir.Binder> binders, Ir.Expr where) {
    return where == null ? sx(op, binders(binders)) : sx(op, binders(binders), of(where));
  }

  private static Doc var(Ir.Var v) {
    if (v == null) {
      return atom("null");
    }
    String name =
        v.name() == null || v.name().isEmpty()
            ? v.dim().name().substring(0, 1).toLowerCase(Locale.ROOT)
            : v.name();
    boolean endsWithDigit = Character.isDigit(name.charAt(name.length() - 1));
    return atom(name + (endsWithDigit ? "_" : "") + v.id());
  }

  private static Doc month(Ir.MonthExpr m) {
    if (m instanceof Ir.AsOf a) {
      return atom("M" + offset(a.offset()));
    }
    if (m instanceof Ir.MonthVar v) {
      return atom(flat(var(v.var())) + offset(v.offset()));
    }
    if (m instanceof Ir.EarliestStart s) {
      return sx("earliest-start", var(s.tenant()), var(s.workload()), types(s.types()));
    }
    return atom(m == null ? "null" : "<" + m.getClass().getSimpleName() + ">");
  }

  private static String offset(int k) {
    return k == 0 ? "" : k > 0 ? "+" + k : Integer.toString(k);
  }

  private static Doc range(Ir.MonthRange r) {
    return sx("range", month(r.from()), month(r.to()));
  }

  private static Doc binders(List<Ir.Binder> binders) {
    List<Doc> items = new ArrayList<>();
    for (Ir.Binder b : binders) {
      items.add(binder(b));
    }
    return brackets(items);
  }

  private static Doc binder(Ir.Binder b) {
    if (b instanceof Ir.ForTenant t) {
      return sx("tenant", var(t.var()));
    }
    if (b instanceof Ir.ForWorkload w) {
      return sx("workload", var(w.var()), workloads(w.set()));
    }
    if (b instanceof Ir.ForMonth m) {
      return sx("month", var(m.var()), range(m.range()));
    }
    if (b instanceof Ir.ForType t) {
      List<Doc> args = new ArrayList<>();
      args.add(var(t.var()));
      if (t.types() == null) {
        args.add(atom("all"));
      } else {
        args.addAll(strings(t.types()));
      }
      return sx("type", args);
    }
    return atom("<" + b.getClass().getSimpleName() + ">");
  }

  private static Doc workloads(Ir.WorkloadSet s) {
    if (s instanceof Ir.Names n) {
      return sx("names", strings(n.names()));
    }
    if (s instanceof Ir.Families f) {
      return sx("families", strings(f.families()));
    }
    if (s instanceof Ir.Union u) {
      List<Doc> parts = new ArrayList<>();
      for (Ir.WorkloadSet p : u.parts()) {
        parts.add(workloads(p));
      }
      return sx("union", parts);
    }
    if (s instanceof Ir.Except x) {
      return sx("except", workloads(x.base()), workloads(x.minus()));
    }
    if (s instanceof Ir.AllWorkloads) {
      return atom("all-workloads");
    }
    return atom(s == null ? "null" : "<" + s.getClass().getSimpleName() + ">");
  }

  private static Doc types(Ir.TypeSet t) {
    if (t instanceof Ir.FixedTypes f) {
      return sx("types", strings(f.types()));
    }
    if (t instanceof Ir.TypesByWorkload b) {
      List<Doc> args = new ArrayList<>();
      for (Ir.TypeCase c : b.cases()) {
        List<Doc> when = new ArrayList<>();
        when.add(workloads(c.when()));
        when.addAll(strings(c.types()));
        args.add(sx("when", when));
      }
      args.add(sx("otherwise", strings(b.otherwise())));
      return sx("types-by-workload", args);
    }
    return atom(t == null ? "null" : "<" + t.getClass().getSimpleName() + ">");
  }

  private static List<Doc> strings(List<String> ss) {
    List<Doc> out = new ArrayList<>();
    for (String s : ss) {
      out.add(atom(IrPrinter.quote(s)));
    }
    return out;
  }
}
