package eligo.ir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deterministic, readable text form of the IR, for golden tests and debugging.
 *
 * <p>The tree is printed one construct a line, indented by two spaces per level: area, branches,
 * nodes (with their criteria, details, value, condition and partner rule) and leaves. Expressions
 * are S-expressions, on one line when they fit in {@value #WIDTH} columns and otherwise broken with
 * their arguments indented under the operator:
 *
 * <pre>
 * (count [(tenant t1)] (exists [(month m2 (range M-1 M))] (&gt;= (sum ...) 1000.00)))
 * </pre>
 *
 * <ul>
 *   <li>numbers print with their scale: {@code 1000.00} is {@code Const(100000, 2)}, {@code 1} is
 *       scale 0; the node's own value is {@code value};
 *   <li>a variable is its name and id ({@code t1}; {@code x_1} when the name ends with a digit);
 *   <li>months: {@code M}, {@code M-1}, {@code m3}, {@code m3-12}, {@code (earliest-start t1 w2
 *       (types "CPOR"))};
 *   <li>binders: {@code (tenant t1)}, {@code (workload w2 (families "Azure"))}, {@code (month m3
 *       (range M-11 M))}, {@code (type k4 "CSP T1" "PAL")} or {@code (type k4 all)};
 *   <li>a measure reads {@code (acr_usd t1 w2 m3)}; text is quoted with Java escapes.
 * </ul>
 *
 * The same IR always prints the same text; nothing depends on hash order, locale or platform.
 */
public final class IrPrinter {
  /** Target line width for expressions. */
  public static final int WIDTH = 100;

  private IrPrinter() {}

  // ================================================================ tree

  /** The whole program: its association type vocabulary, then each area. */
  public static String print(Ir.Program program) {
    StringBuilder out = new StringBuilder("program\n");
    StringBuilder types = new StringBuilder("  association-types:");
    for (String t : program.associationTypes()) {
      types.append(' ').append(quote(t));
    }
    out.append(types).append('\n');
    for (Ir.Area a : program.areas()) {
      out.append('\n');
      area(a, out);
    }
    return out.toString();
  }

  public static String print(Ir.Area area) {
    StringBuilder out = new StringBuilder();
    area(area, out);
    return out.toString();
  }

  /** One node (with its leaves) at indentation 0. */
  public static String print(Ir.Node node) {
    StringBuilder out = new StringBuilder();
    node(node, 0, out);
    return out.toString();
  }

  /** One expression, broken over lines when it is wider than {@value #WIDTH} columns. */
  public static String print(Ir.Expr expr) {
    return render(expr(expr), 0);
  }

  private static void area(Ir.Area a, StringBuilder out) {
    out.append("area ")
        .append(id(a.id()))
        .append(titleAndOrigin(a.title(), a.origin()))
        .append('\n');
    for (Ir.Branch b : a.branches()) {
      out.append("  branch ")
          .append(id(b.id()))
          .append(titleAndOrigin(b.title(), b.origin()))
          .append('\n');
      for (Ir.Node n : b.nodes()) {
        node(n, 4, out);
      }
    }
  }

  private static void node(Ir.Node n, int indent, StringBuilder out) {
    String pad = " ".repeat(indent);
    String kind = n.kind() == null ? "node" : n.kind().name().toLowerCase(Locale.ROOT);
    out.append(pad)
        .append(kind)
        .append(' ')
        .append(id(n.id()))
        .append(titleAndOrigin(n.title(), n.origin()))
        .append('\n');
    int in = indent + 2;
    if (n.criteria() != null) {
      line(in, "criteria: " + quote(n.criteria()), out);
    }
    if (!n.details().isEmpty()) {
      List<String> ds = new ArrayList<>();
      for (Ir.Detail d : n.details()) {
        ds.add(d.name().toLowerCase(Locale.ROOT));
      }
      line(in, "details: " + String.join(", ", ds), out);
    }
    if (n.value() != null) {
      labelled(
          in,
          "value " + valueShape(n.valueKind(), n.value().scale(), n.unit()) + ":",
          n.value(),
          out);
    }
    if (n.met() != null) {
      labelled(in, "met:", n.met(), out);
    }
    Ir.PartnerRule p = n.partner();
    if (p != null) {
      line(in, "partner" + titleAndOrigin(null, p.origin()), out);
      if (p.criteria() != null) {
        line(in + 2, "criteria: " + quote(p.criteria()), out);
      }
      if (p.perCustomer() != null) {
        labelled(
            in + 2,
            "per-customer " + valueShape(p.valueKind(), p.perCustomer().scale(), p.unit()) + ":",
            p.perCustomer(),
            out);
      }
      if (p.met() != null) {
        labelled(in + 2, "met:", p.met(), out);
      }
    }
    for (Ir.Node leaf : n.leaves()) {
      node(leaf, in, out);
    }
  }

  private static String valueShape(Ir.ValueKind kind, int scale, String unit) {
    StringBuilder s = new StringBuilder("(");
    s.append(kind == null ? "?" : kind.name().toLowerCase(Locale.ROOT))
        .append(", scale ")
        .append(scale);
    if (unit != null && !unit.isEmpty()) {
      s.append(", unit ").append(quote(unit));
    }
    return s.append(')').toString();
  }

  private static String titleAndOrigin(String title, Ir.Origin origin) {
    StringBuilder s = new StringBuilder();
    if (title != null) {
      s.append(' ').append(quote(title));
    }
    if (origin != null) {
      s.append(" @").append(origin.file()).append(':').append(origin.line());
    }
    return s.toString();
  }

  private static void line(int indent, String text, StringBuilder out) {
    out.append(" ".repeat(indent)).append(text).append('\n');
  }

  /**
   * {@code label expr} on one line when it fits, else the label alone and the expression under it.
   */
  private static void labelled(int indent, String label, Ir.Expr e, StringBuilder out) {
    Doc d = expr(e);
    String flat = flat(d);
    if (indent + label.length() + 1 + flat.length() <= WIDTH) {
      line(indent, label + " " + flat, out);
    } else {
      line(indent, label, out);
      line(indent + 2, render(d, indent + 2), out);
    }
  }

  /** An id as it is when it is a plain word, quoted otherwise (the empty id of a lone branch). */
  private static String id(String id) {
    if (id != null && id.matches("[A-Za-z0-9_.\\-]+")) {
      return id;
    }
    return id == null ? "-" : quote(id);
  }

  /**
   * A Java-style string literal: {@code \"}, {@code \\}, {@code \n}, {@code \t}, {@code \}{@code
   * uXXXX}.
   */
  static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"':
          q.append("\\\"");
          break;
        case '\\':
          q.append("\\\\");
          break;
        case '\n':
          q.append("\\n");
          break;
        case '\r':
          q.append("\\r");
          break;
        case '\t':
          q.append("\\t");
          break;
        default:
          if (ch < 0x20 || ch == 0x7f) {
            q.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            q.append(ch);
          }
      }
    }
    return q.append('"').toString();
  }

  // ================================================================ layout

  /** A text atom, or a parenthesised/bracketed group; a headed group starts with its operator. */
  private sealed interface Doc permits Atom, Group {}

  private record Atom(String text) implements Doc {}

  private record Group(String open, List<Doc> items, String close, boolean headed) implements Doc {}

  private static Atom atom(String text) {
    return new Atom(text);
  }

  /** {@code (head args...)}. */
  private static Group sx(String head, Doc... args) {
    List<Doc> items = new ArrayList<>();
    items.add(atom(head));
    items.addAll(List.of(args));
    return new Group("(", items, ")", true);
  }

  private static Group sx(String head, List<Doc> args) {
    return sx(head, args.toArray(new Doc[0]));
  }

  private static Group brackets(List<Doc> items) {
    return new Group("[", items, "]", false);
  }

  private static String flat(Doc d) {
    if (d instanceof Atom a) {
      return a.text();
    }
    Group g = (Group) d;
    StringBuilder s = new StringBuilder(g.open());
    for (int i = 0; i < g.items().size(); i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(flat(g.items().get(i)));
    }
    return s.append(g.close()).toString();
  }

  /**
   * {@code d} laid out starting at column {@code col}: flat when it fits; otherwise the operator,
   * its leading atoms and its first other argument (as far as they fit flat) on the first line and
   * each further argument on its own line two columns in; bracketed items one a line, one column
   * in.
   */
  private static String render(Doc d, int col) {
    String flat = flat(d);
    if (d instanceof Atom || col + flat.length() <= WIDTH) {
      return flat;
    }
    Group g = (Group) d;
    List<Doc> items = g.items();
    StringBuilder s = new StringBuilder(g.open());
    int next;
    int childCol;
    if (g.headed()) {
      s.append(flat(items.get(0)));
      childCol = col + 2;
      next = 1;
      // Leading atoms (variables, months) stay with the operator while they fit, and so does
      // the first argument that is not an atom, when it fits flat.
      while (next < items.size()) {
        String arg = flat(items.get(next));
        if (col + s.length() + 1 + arg.length() > WIDTH) {
          break;
        }
        s.append(' ').append(arg);
        next++;
        if (!(items.get(next - 1) instanceof Atom)) {
          break;
        }
      }
    } else {
      childCol = col + g.open().length();
      if (items.isEmpty()) {
        return flat;
      }
      s.append(render(items.get(0), childCol));
      next = 1;
    }
    for (int i = next; i < items.size(); i++) {
      s.append('\n').append(" ".repeat(childCol)).append(render(items.get(i), childCol));
    }
    return s.append(g.close()).toString();
  }

  // ================================================================ expressions

  private static Doc expr(Ir.Expr e) {
    return e == null ? atom("null") : e.accept(EXPR, null);
  }

  private static final ExprDocs EXPR = new ExprDocs();

  /** The S-expression of each kind of expression. */
  private static final class ExprDocs implements Ir.Visitor<Doc, Void> {
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
      return sx(op, expr(a.left()), expr(a.right()));
    }

    @Override
    public Doc visit(Ir.Neg n, Void p) {
      return sx("neg", expr(n.operand()));
    }

    @Override
    public Doc visit(Ir.If f, Void p) {
      return sx("if", expr(f.cond()), expr(f.then()), expr(f.otherwise()));
    }

    @Override
    public Doc visit(Ir.Sum s, Void p) {
      return s.where() == null
          ? sx("sum", binders(s.binders()), expr(s.body()))
          : sx("sum", binders(s.binders()), sx("where", expr(s.where())), expr(s.body()));
    }

    @Override
    public Doc visit(Ir.Reduce r, Void p) {
      String op = r.op().name().toLowerCase(java.util.Locale.ROOT);
      return r.where() == null
          ? sx(op, binders(r.binders()), expr(r.body()))
          : sx(op, binders(r.binders()), sx("where", expr(r.where())), expr(r.body()));
    }

    @Override
    public Doc visit(Ir.Count c, Void p) {
      return c.where() == null
          ? sx("count", binders(c.binders()))
          : sx("count", binders(c.binders()), expr(c.where()));
    }

    @Override
    public Doc visit(Ir.Net n, Void p) {
      return sx("net", expr(n.body()));
    }

    @Override
    public Doc visit(Ir.NodeValue v, Void p) {
      return atom("value");
    }

    @Override
    public Doc visit(Ir.Compare c, Void p) {
      return sx(c.op().symbol, expr(c.left()), expr(c.right()));
    }

    @Override
    public Doc visit(Ir.Growth g, Void p) {
      return sx(
          "growth" + g.op().symbol,
          expr(g.current()),
          expr(g.fraction()),
          expr(g.baseline()),
          sx(g.whenZero() ? "zero-met" : "zero-not-met"));
    }

    @Override
    public Doc visit(Ir.AtLeast a, Void p) {
      List<Doc> parts = new ArrayList<>();
      parts.add(atom(Integer.toString(a.k())));
      for (Ir.Expr part : a.parts()) {
        parts.add(expr(part));
      }
      return sx("at-least", parts.toArray(new Doc[0]));
    }

    @Override
    public Doc visit(Ir.Points a, Void p) {
      List<Doc> parts = new ArrayList<>();
      for (int i = 0; i < a.parts().size(); i++) {
        parts.add(sx(Long.toString(a.points().get(i)), expr(a.parts().get(i))));
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
      return sx("and", expr(a.left()), expr(a.right()));
    }

    @Override
    public Doc visit(Ir.Or o, Void p) {
      return sx("or", expr(o.left()), expr(o.right()));
    }

    @Override
    public Doc visit(Ir.Not n, Void p) {
      return sx("not", expr(n.operand()));
    }

    @Override
    public Doc visit(Ir.Exists x, Void p) {
      return x.where() == null
          ? sx("exists", binders(x.binders()))
          : sx("exists", binders(x.binders()), expr(x.where()));
    }

    @Override
    public Doc visit(Ir.ForAll x, Void p) {
      return x.where() == null
          ? sx("forall", binders(x.binders()))
          : sx("forall", binders(x.binders()), expr(x.where()));
    }

    @Override
    public Doc visit(Ir.Associated a, Void p) {
      List<Doc> args =
          new ArrayList<>(List.of(var(a.tenant()), var(a.workload()), month(a.month())));
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
      args.add(atom(a.attribute().owner().word + "." + quote(a.attribute().column())));
      if (a.tenant() != null) {
        args.add(var(a.tenant()));
      }
      for (String v : a.values()) {
        args.add(atom(quote(v)));
      }
      return sx(a.negated() ? "attribute-not-in" : "attribute-in", args);
    }
  }

  /**
   * A plain decimal with exactly {@code scale} places: {@code 1000.00}, {@code 0.2}, {@code -3}.
   */
  private static String decimal(long unscaled, int scale) {
    return BigDecimal.valueOf(unscaled, scale).toPlainString();
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
      out.add(atom(quote(s)));
    }
    return out;
  }
}
