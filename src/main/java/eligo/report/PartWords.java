package eligo.report;

import eligo.data.Dataset;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;

/**
 * What each part of a combined condition found, in words: for {@code met when segment ==
 * "Enterprise" and value >= enterprise_acr}, {@code all of: segment == "Enterprise": "SMB", did not
 * hold; value >= enterprise_acr: not evaluated (already decided)}. Each part is named by its
 * criteria text; a comparison shows its two sides as evaluated (the part's value against its
 * threshold), an attribute the customer's value. 'and' evaluates its parts until one does not hold,
 * 'or' until one holds: the parts after that are not evaluated, and say so.
 */
final class PartWords {
  private PartWords() {}

  /** What the explainer heard of the last evaluation. */
  record Heard(
      LastValues held,
      LastValues values,
      Dataset data,
      int customer,
      Ir.ValueKind valueKind,
      String unit) {}

  /**
   * Whether {@code met} joins parts that {@link #of} may put in words: an 'and', an 'or', or a
   * 'not' of a condition written in the criteria. When not, {@link #of} is null.
   */
  static boolean joins(Ir.Expr met) {
    return met instanceof Ir.Not not && not.label() != null
        || met instanceof Ir.And
        || met instanceof Ir.Or;
  }

  /**
   * The words for {@code met} when it is an 'and', an 'or' or a 'not' of conditions written in the
   * criteria; null otherwise, or when it was not evaluated.
   */
  static String of(Ir.Expr met, Heard heard) {
    if (met instanceof Ir.Not not && not.label() != null) {
      Boolean h = heard.held.held(not.operand());
      if (h == null) {
        return null;
      }
      return "not: " + part(not.operand(), not.label(), h, heard);
    }
    boolean and = met instanceof Ir.And;
    if (!and && !(met instanceof Ir.Or)) {
      return null;
    }
    List<Ir.Expr> parts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    flatten(met, null, and, parts, labels);
    if (labels.contains(null) || heard.held.held(parts.get(0)) == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    boolean decided = false;
    for (int i = 0; i < parts.size(); i++) {
      Ir.Expr p = parts.get(i);
      if (decided) {
        out.add(labels.get(i) + ": not evaluated (already decided)");
        continue;
      }
      Boolean h = heard.held.held(p);
      if (h == null) {
        return null;
      }
      out.add(part(p, labels.get(i), h, heard));
      decided = and ? !h : h;
    }
    return (and ? "all of: " : "any of: ") + String.join("; ", out);
  }

  /** The parts of a chain of one operator, in order, each with its label (null when unknown). */
  private static void flatten(
      Ir.Expr e, String label, boolean and, List<Ir.Expr> parts, List<String> labels) {
    if (label == null && and && e instanceof Ir.And a) {
      flatten(a.left(), a.leftLabel(), true, parts, labels);
      flatten(a.right(), a.rightLabel(), true, parts, labels);
    } else if (label == null && !and && e instanceof Ir.Or o) {
      flatten(o.left(), o.leftLabel(), false, parts, labels);
      flatten(o.right(), o.rightLabel(), false, parts, labels);
    } else {
      parts.add(e);
      labels.add(label);
    }
  }

  /** {@code label: detail, held} or {@code ..., did not hold}. */
  private static String part(Ir.Expr p, String label, boolean held, Heard heard) {
    String detail = detail(p instanceof Ir.Not n ? n.operand() : p, heard);
    return label + ": " + (detail == null ? "" : detail + ", ") + (held ? "held" : "did not hold");
  }

  /**
   * A comparison's two sides, an attribute's value, or the words of a combined condition's own
   * parts in brackets ({@code (A and B) or C}); null when there is nothing to show.
   */
  private static String detail(Ir.Expr e, Heard heard) {
    if (e instanceof Ir.And || e instanceof Ir.Or) {
      String inner = of(e, heard);
      return inner == null ? null : "(" + inner + ")";
    }
    if (e instanceof Ir.Compare k) {
      Long left = heard.values.value(k.left());
      Long right = heard.values.value(k.right());
      if (left == null || right == null) {
        return null;
      }
      Words.Amount amount =
          k.left() instanceof Ir.NodeValue || k.right() instanceof Ir.NodeValue
              ? new Words.Amount(heard.valueKind, heard.unit)
              : Words.amount(k);
      return amount.format(left, k.left().scale())
          + " against "
          + amount.format(right, k.right().scale());
    }
    if (e instanceof Ir.AttributeIn a && a.tenant() == null) {
      String value = heard.data.customerAttribute(a.attribute().column(), heard.customer);
      return value == null ? null : a.attribute().column() + " is " + quote(value);
    }
    return null;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
