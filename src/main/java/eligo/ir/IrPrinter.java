package eligo.ir;

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
    return SExpr.render(ExprDocs.of(expr), 0, WIDTH);
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
    SExpr.Doc d = ExprDocs.of(e);
    String flat = SExpr.flat(d);
    if (indent + label.length() + 1 + flat.length() <= WIDTH) {
      line(indent, label + " " + flat, out);
    } else {
      line(indent, label, out);
      line(indent + 2, SExpr.render(d, indent + 2, WIDTH), out);
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
}
