package eligo.check;

import eligo.ir.Ir;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conditions joined by {@code and} that can never hold together: comparisons of one amount with
 * fixed numbers that leave no value between them ({@code value >= 5 and value < 3}, {@code
 * paid_units at M > 300 and paid_units at M <= 10}). Such a condition is never true, so a node or a
 * count built on it is quietly never met or 0. An amount is the same when its expression is (the
 * same measure at the same month, the node's value); {@code !=} sets no bound.
 */
final class Contradictions {
  private Contradictions() {}

  /** The tightest bounds on one amount: the greatest lower and the least upper (null: none). */
  private static final class Bounds {
    BigDecimal low;
    boolean lowIncluded;
    BigDecimal high;
    boolean highIncluded;

    void atLeast(BigDecimal k, boolean included) {
      int c = low == null ? 1 : k.compareTo(low);
      if (c > 0) {
        low = k;
        lowIncluded = included;
      } else if (c == 0) {
        lowIncluded &= included;
      }
    }

    void atMost(BigDecimal k, boolean included) {
      int c = high == null ? -1 : k.compareTo(high);
      if (c < 0) {
        high = k;
        highIncluded = included;
      } else if (c == 0) {
        highIncluded &= included;
      }
    }

    boolean empty() {
      if (low == null || high == null) {
        return false;
      }
      int c = low.compareTo(high);
      return c > 0 || (c == 0 && !(lowIncluded && highIncluded));
    }

    String words() {
      return (lowIncluded ? "at least " : "above ")
          + low.stripTrailingZeros().toPlainString()
          + " and "
          + (highIncluded ? "at most " : "below ")
          + high.stripTrailingZeros().toPlainString();
    }
  }

  /**
   * Why {@code x and y} can never hold when neither alone is so ("no value is at least 5 and below
   * 3"), or null: each contradiction is said once, at the smallest {@code and} that holds it.
   */
  static String never(Ir.Expr x, Ir.Expr y) {
    if (contradiction(x) != null || contradiction(y) != null) {
      return null;
    }
    return contradiction(new Ir.And(x, y));
  }

  private static String contradiction(Ir.Expr e) {
    List<Ir.Compare> compares = new ArrayList<>();
    flatten(e, compares);
    Map<Ir.Expr, Bounds> byAmount = new LinkedHashMap<>();
    for (Ir.Compare c : compares) {
      BigDecimal l = Lints.constantValue(c.left());
      BigDecimal r = Lints.constantValue(c.right());
      if ((l == null) == (r == null)) {
        continue; // two amounts, or two numbers (Lints says when those are fixed)
      }
      Ir.Expr amount = r != null ? c.left() : c.right();
      BigDecimal k = r != null ? r : l;
      Ir.CmpOp op = r != null ? c.op() : c.op().flipped();
      Bounds b = byAmount.computeIfAbsent(amount, a -> new Bounds());
      switch (op) {
        case GE -> b.atLeast(k, true);
        case GT -> b.atLeast(k, false);
        case LE -> b.atMost(k, true);
        case LT -> b.atMost(k, false);
        case EQ -> {
          b.atLeast(k, true);
          b.atMost(k, true);
        }
        default -> {}
      }
      if (b.empty()) {
        return "no value is " + b.words();
      }
    }
    return null;
  }

  private static void flatten(Ir.Expr e, List<Ir.Compare> out) {
    if (e instanceof Ir.And a) {
      flatten(a.left(), out);
      flatten(a.right(), out);
    } else if (e instanceof Ir.Compare c) {
      out.add(c);
    }
  }
}
