package eligo.check;

import eligo.check.ExprTyper.TNum;
import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Diagnostics;
import eligo.lang.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Warnings about criteria that are valid but likely wrong: templates and declarations never used,
 * workload and family names that look like typos of each other, and comparisons and bands whose
 * outcome is fixed whatever the data (the analysis of what is never negative behind them).
 */
final class Lints {
  /** Workload and family names as written, by place: near misses of each other are likely typos. */
  final Map<Span, String> workloadNames = new HashMap<>();

  final Map<Span, String> familyNames = new HashMap<>();

  /** Whether 'value' is never negative where it is being checked (for always/never warnings). */
  boolean valueNonNegative;

  /**
   * While a node's 'met when' is checked: the most its value can be when it is points (the sum of
   * every condition's points), else null.
   */
  Long valueMostPoints;

  /**
   * " in area 'x'" while a template is instantiated for area x, else "": for warnings that depend
   * on arguments.
   */
  String instance = "";

  private final Reporter reporter;

  /** Whether errors were found before the checker ran (in the literals). */
  boolean errorsBefore;

  Lints(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Warns about each template that no area is made from. */
  void unusedTemplates(Collection<Ast.Template> templates, Set<String> usedTemplates) {
    for (Ast.Template t : templates) {
      if (!usedTemplates.contains(t.name().text())) {
        reporter.warning(
            t.name().span(), "template '" + t.name().text() + "' is never used by an area");
      }
    }
  }

  /** Warns about workload and family names that are near misses of others. */
  void nearMisses() {
    nearMisses(workloadNames, "workload");
    nearMisses(familyNames, "workload family");
  }

  /** Warns about each declaration that nothing looks up (types excepted). */
  void unusedDeclarations(
      List<Ast.CriteriaFile> files, Set<Ast.Decl> declared, Set<Ast.Decl> used) {
    // only a whole, error-free program shows for sure what is never used
    if (files.stream().allMatch(f -> f.damaged().isEmpty())
        && !errorsBefore
        && !Diagnostics.hasErrors(reporter.diagnostics())) {
      for (Ast.Decl d : declared) {
        if (!used.contains(d)
            && !(d instanceof Ast.TypeDecl)
            && !(d instanceof Ast.AttributeDecl)
            && !(d instanceof Ast.Unparsed)) {
          reporter.warning(d.name().span(), d.what() + " '" + d.name().text() + "' is never used");
        }
      }
    }
  }

  /**
   * Warns about a name written once or twice that differs a little from one written more often (or
   * as often), such as "Power bi" next to "Power BI": the data compares names exactly.
   */
  private void nearMisses(Map<Span, String> written, String what) {
    Map<String, Integer> counts = new HashMap<>();
    written.values().forEach(n -> counts.merge(n, 1, Integer::sum));
    Map<String, String> digitsOf = new HashMap<>();
    counts.keySet().forEach(n -> digitsOf.put(n, digits(n)));
    Map<String, String> hints = new HashMap<>();
    for (String name : counts.keySet()) {
      // a typo: letters in another case, or one edit per 8 letters; never other digits ("W1", "W2")
      int best = name.length() / 8;
      for (String other : counts.keySet()) {
        if (other.equals(name)
            || counts.get(other) < counts.get(name)
            || Math.abs(other.length() - name.length()) > best
            || !digitsOf.get(other).equals(digitsOf.get(name))) {
          continue;
        }
        int d = Diagnostics.distance(name, other);
        String hint = hints.get(name);
        if (d < best || (d == best && (hint == null || other.compareTo(hint) < 0))) {
          hints.put(name, other);
          best = d;
        }
      }
    }
    List<Span> places = new ArrayList<>(written.keySet());
    places.sort(Diagnostics.SPAN_ORDER);
    for (Span place : places) {
      String name = written.get(place);
      String hint = hints.get(name);
      if (hint != null) {
        reporter.warning(
            place,
            what
                + " \""
                + name
                + "\" is written "
                + (counts.get(name) == 1 ? "only here" : counts.get(name) + " times")
                + "; did you mean \""
                + hint
                + "\", written "
                + counts.get(hint)
                + (counts.get(hint) == 1 ? " time" : " times")
                + " elsewhere?");
      }
    }
  }

  private static String digits(String s) {
    return NOT_DIGITS.matcher(s).replaceAll(" ");
  }

  private static final java.util.regex.Pattern NOT_DIGITS =
      java.util.regex.Pattern.compile("[^0-9]+");

  /**
   * TRUE when a comparison holds whatever the data, FALSE when it never does, null when it depends:
   * two fixed numbers, or something never negative (a count, paid units) against 0 or less ('count
   * tenant >= 0', 'value < 0').
   */
  Boolean fixedOutcome(Ir.CmpOp op, Ir.Expr left, Ir.Expr right) {
    BigDecimal l = constantValue(left);
    BigDecimal r = constantValue(right);
    Long most = mostPoints(left);
    if (most != null && r != null) {
      Boolean beyond = beyondPoints(op, r, most);
      if (beyond != null) {
        return beyond;
      }
    }
    if (l != null && r != null) {
      int c = l.compareTo(r);
      switch (op) {
        case GE:
          return c >= 0;
        case GT:
          return c > 0;
        case LE:
          return c <= 0;
        case LT:
          return c < 0;
        case EQ:
          return c == 0;
        default:
          return c != 0;
      }
    }
    if (r != null && r.signum() <= 0 && nonNegative(left)) {
      return againstNonPositive(op, r.signum() < 0);
    }
    if (l != null && l.signum() <= 0 && nonNegative(right)) {
      return againstNonPositive(op.flipped(), l.signum() < 0);
    }
    return null;
  }

  /** The most points {@code e} can score: it is points, or the value of a node that is. */
  Long mostPoints(Ir.Expr e) {
    if (e instanceof Ir.Points p) {
      return p.points().stream().mapToLong(Long::longValue).sum();
    }
    return e instanceof Ir.NodeValue ? valueMostPoints : null;
  }

  /** points op k where the points add up to at most {@code most}: fixed when k is beyond it. */
  private static Boolean beyondPoints(Ir.CmpOp op, BigDecimal k, long most) {
    int c = k.compareTo(BigDecimal.valueOf(most));
    switch (op) {
      case GE:
      case EQ:
        return c > 0 ? Boolean.FALSE : null;
      case GT:
        return c >= 0 ? Boolean.FALSE : null;
      case LT:
      case NE:
        return c > 0 ? Boolean.TRUE : null;
      default: // LE
        return c >= 0 ? Boolean.TRUE : null;
    }
  }

  /** x op k, for x never negative and k 0 (or below 0 when {@code negative}). */
  private static Boolean againstNonPositive(Ir.CmpOp op, boolean negative) {
    switch (op) {
      case GE:
        return true;
      case LT:
        return false;
      case GT:
      case NE:
        return negative ? Boolean.TRUE : null;
      default: // LE, EQ
        return negative ? Boolean.FALSE : null;
    }
  }

  /**
   * Why: {@code side} (the side that is not a fixed number, if any) scores at most its points, or
   * cannot be negative.
   */
  String because(TNum side) {
    Long most = mostPoints(side.e());
    if (most != null) {
      return ": the points of all its conditions add up to " + most;
    }
    return becauseNonNegative(side);
  }

  /** Why: {@code side} (the side that is not a fixed number, if any) cannot be negative. */
  static String becauseNonNegative(TNum side) {
    return constantValue(side.e()) != null
        ? ": it compares fixed numbers"
        : ": " + side.kind().describe() + " cannot be negative";
  }

  /**
   * The value of a number written in the criteria ({@code 5}, {@code -1}, {@code $0}), else null.
   */
  static BigDecimal constantValue(Ir.Expr e) {
    if (e instanceof Ir.Const c) {
      return BigDecimal.valueOf(c.unscaled(), c.scale());
    }
    if (e instanceof Ir.Neg n && n.operand() instanceof Ir.Const c) {
      return BigDecimal.valueOf(-c.unscaled(), c.scale());
    }
    return null;
  }

  /**
   * Whether a number cannot be below 0: counts, count measures, rates, and sums and products of
   * them.
   */
  boolean nonNegative(Ir.Expr e) {
    return nonNegative(e, new IdentityHashMap<>());
  }

  /** The same, each shared part (a definition used twice) looked at once. */
  private boolean nonNegative(Ir.Expr e, Map<Ir.Expr, Boolean> seen) {
    Boolean known = seen.get(e);
    if (known != null) {
      return known;
    }
    boolean result;
    if (e instanceof Ir.Const c) {
      result = c.unscaled() >= 0;
    } else if (e instanceof Ir.MeasureAt m) {
      result = !m.measure().isMoney();
    } else if (e instanceof Ir.Arith a) {
      result =
          a.op() != Ir.ArithOp.SUB && nonNegative(a.left(), seen) && nonNegative(a.right(), seen);
    } else if (e instanceof Ir.If i) {
      result = nonNegative(i.then(), seen) && nonNegative(i.otherwise(), seen);
    } else if (e instanceof Ir.Sum sum) {
      result = nonNegative(sum.body(), seen);
    } else if (e instanceof Ir.Reduce reduce) {
      result = nonNegative(reduce.body(), seen);
    } else if (e instanceof Ir.NodeValue) {
      result = valueNonNegative;
    } else {
      result = e instanceof Ir.Count || e instanceof Ir.Rate;
    }
    seen.put(e, result);
    return result;
  }
}
