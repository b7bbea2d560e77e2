package eligo.check;

import eligo.check.ExprTyper.T;
import eligo.check.ExprTyper.TBool;
import eligo.check.ExprTyper.TNum;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;

/**
 * Which months an elaborated expression reads, for the two forms that quietly change nothing when
 * what they apply to reads no month from them: {@code x at m}, where x sets its own months ({@code
 * sum acr for ..., month in TTM(M) at (M - 12)} is the sum over TTM(M), not a year earlier), and
 * {@code net x}, where x reads no month moved with M ({@code net count tenant}, {@code net (x at
 * m)} with m bound outside: the value less itself, 0 for every customer).
 */
final class MonthUse {
  private MonthUse() {}

  /**
   * Why {@code x at month} changes nothing, or null when x reads {@code month}: a range or a month
   * takes no 'at', and a value whose months are all set inside it (or that reads none) is the same
   * at any month.
   */
  static String atChangesNothing(T x, Ir.MonthExpr month) {
    String at = "'at " + words(month) + "'";
    if (!(x instanceof TNum) && !(x instanceof TBool)) {
      return at
          + " changes nothing here: it gives a month to the measures before it, and this is "
          + ExprTyper.describe(x)
          + ", which reads none; write the months moved instead ('TTM(M - 12)', 'M - 13 .. M - 1')";
    }
    Ir.Expr e = x instanceof TNum n ? n.e() : ((TBool) x).e();
    if (e instanceof Ir.NodeValue) {
      return at
          + " changes nothing here: 'value' is the node's value as of M, whatever month follows"
          + " it; write the year before in full ('sum acr for ... at (M - 12)'), or compare with"
          + " it through 'net' in the node's value";
    }
    List<Ir.MonthExpr> read = months(e);
    if (read.contains(month)) {
      return null;
    }
    return at
        + " changes nothing here: "
        + (read.isEmpty()
            ? "what it applies to reads no month (a constant, a count of tenants or" + " workloads)"
            : "what it applies to sets its own months ('at ...', 'month in ...'; M is the as-of"
                + " month wherever it is written)")
        + ", so it is the same at any month; move the months where they are written ('month in"
        + " TTM(M - 12)', 'acr at (M - 12)'), or put 'at' right after the measure";
  }

  /**
   * Why {@code net x} is 0 for every customer, or null when x reads a month moved with M: 'net' is
   * x as of M less x as of M - 12, and x reads the same months either way.
   */
  static String netIsZero(Ir.Expr x) {
    if (x instanceof Ir.NodeValue) {
      return "'net value' is 0 for every customer: 'value' is the node's value as of M, the same"
          + " on both sides of 'net'; put 'net' in the node's value ('value net sum acr for ...,"
          + " month in TTM(M)')";
    }
    List<Ir.MonthExpr> read = months(x);
    for (Ir.MonthExpr m : read) {
      if (m instanceof Ir.AsOf) {
        return null;
      }
    }
    return "'net' is this value as of M less the same as of M - 12, but "
        + (read.isEmpty()
            ? "it reads no month (a constant, a count of tenants or workloads)"
            : "its months are those of a month variable bound outside 'net', which stay put")
        + ", so it is 0 for every customer; write its months from M ('net sum acr for ..., month"
        + " in TTM(M)'), or subtract the year before yourself: '(x at m) - (x at (m - 12))'";
  }

  /**
   * Why the range {@code from .. to} holds no month for the later months of its variable, or null:
   * {@code m .. M - 6} with m running up to M is empty for m after M - 6, where a sum over it is 0,
   * 'any' does not hold and 'all' holds (a tenant without usage met 'all month k in m .. M - 6').
   */
  static String emptyForLaterMonths(Ir.MonthExpr from, Ir.MonthExpr to, Env env) {
    if (!(from instanceof Ir.MonthVar v) || !(to instanceof Ir.AsOf end)) {
      return null;
    }
    Integer last = ExprTyper.last(from, env);
    if (last == null || last <= end.offset()) {
      return null;
    }
    String name = v.var().name() == null ? "month" : v.var().name();
    String upTo = ExprTyper.monthText(env.monthEnd(v.var()));
    String endText = ExprTyper.monthText(end.offset());
    return "this range is empty for the later months of '"
        + name
        + "': '"
        + name
        + "' runs up to "
        + upTo
        + ", and the range "
        + (v.offset() == 0 ? "" : "(from " + words(from) + ") ")
        + "ends at "
        + endText
        + ", so past that it holds no month (a sum over it is 0, 'any' does not hold, 'all'"
        + " holds for any data); end the range of '"
        + name
        + "' earlier (up to "
        + ExprTyper.monthText(end.offset() - v.offset())
        + "), or end this one at '"
        + name
        + "' or later";
  }

  /**
   * Why the range {@code from .. to} holds no month for the earlier months of its variable, or
   * null: {@code M - 6 .. m} with m from M - 11 is empty for m before M - 6, as {@link
   * #emptyForLaterMonths}.
   */
  static String emptyForEarlierMonths(Ir.MonthExpr from, Ir.MonthExpr to, Env env) {
    if (!(from instanceof Ir.AsOf start) || !(to instanceof Ir.MonthVar v)) {
      return null;
    }
    Integer first = ExprTyper.first(to, env);
    if (first == null || first >= start.offset()) {
      return null;
    }
    String name = v.var().name() == null ? "month" : v.var().name();
    return "this range is empty for the earlier months of '"
        + name
        + "': '"
        + name
        + "' runs from "
        + ExprTyper.monthText(env.monthStart(v.var()))
        + ", and the range "
        + (v.offset() == 0 ? "" : "(to " + words(to) + ") ")
        + "starts at "
        + ExprTyper.monthText(start.offset())
        + ", so before that it holds no month (a sum over it is 0, 'any' does not hold, 'all'"
        + " holds for any data); start the range of '"
        + name
        + "' later (from "
        + ExprTyper.monthText(start.offset() - v.offset())
        + "), or start this one at '"
        + name
        + "' or earlier";
  }

  /** A month as written: M, (M - 12), m, (m + 1), earliest start. */
  private static String words(Ir.MonthExpr m) {
    if (m instanceof Ir.AsOf a) {
      return a.offset() == 0 ? "M" : "(" + ExprTyper.monthText(a.offset()) + ")";
    }
    if (m instanceof Ir.MonthVar v) {
      String name = v.var().name() == null ? "month" : v.var().name();
      return v.offset() == 0
          ? name
          : "(" + name + (v.offset() < 0 ? " - " + -v.offset() : " + " + v.offset()) + ")";
    }
    return "earliest start";
  }

  /** Every month {@code e} reads: of its measures, associations, month comparisons and binders. */
  static List<Ir.MonthExpr> months(Ir.Expr e) {
    List<Ir.MonthExpr> out = new ArrayList<>();
    collect(e, out);
    return out;
  }

  private static void collect(Ir.Expr e, List<Ir.MonthExpr> out) {
    if (e instanceof Ir.MeasureAt m) {
      out.add(m.month());
    } else if (e instanceof Ir.Associated a) {
      out.add(a.month());
    } else if (e instanceof Ir.CompareMonths c) {
      out.add(c.left());
      out.add(c.right());
    } else if (e instanceof Ir.InMonths i) {
      out.add(i.month());
      out.add(i.range().from());
      out.add(i.range().to());
    } else if (e instanceof Ir.Quantified q) {
      for (Ir.Binder b : q.binders()) {
        if (b instanceof Ir.ForMonth f) {
          out.add(f.range().from());
          out.add(f.range().to());
        }
      }
    }
    for (Ir.Expr c : e.children()) {
      collect(c, out);
    }
  }
}
