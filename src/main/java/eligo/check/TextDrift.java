package eligo.check;

import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lint against texts that drift from their rule: every amount ({@code $1,000}), percentage
 * ({@code 40%}), count ({@code 25}) or period ({@code 24 months}) that a criteria text states, its
 * {@code {name}} values filled in, must be a value the rule it describes uses: a constant of its
 * expressions (definitions, parameters, bands and tables included), or for a period the length of
 * one of its month ranges or one of its shifts. A number right after a capitalised word is part of
 * a name ({@code Microsoft 365}, {@code CSP T1}) and is not checked.
 */
final class TextDrift {
  private TextDrift() {}

  /** A number as a text states it: money, a percentage, a count, a period of months or years. */
  private static final Pattern STATED =
      Pattern.compile(
          "(?<![\\w.,$])(\\$)?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(%)?(?![\\w%])"
              + "(\\s+(?:months?|years?)\\b)?");

  private static final Pattern PROPER_NAME_BEFORE = Pattern.compile("[A-Z][\\w&-]*\\s*$");

  /** One number a text states and the rule does not use. */
  record Drift(String stated, String kind) {}

  /** The numbers of {@code text} that the rule made of {@code rule} does not use. */
  static List<Drift> drifts(String text, List<Ir.Expr> rule) {
    Set<BigDecimal> values = new TreeSet<>();
    Set<Integer> months = new HashSet<>();
    for (Ir.Expr e : rule) {
      if (e != null) {
        walk(e, values, months);
      }
    }
    List<Drift> out = new ArrayList<>();
    Matcher m = STATED.matcher(text);
    while (m.find()) {
      if (PROPER_NAME_BEFORE.matcher(text.substring(0, m.start())).find()) {
        continue;
      }
      BigDecimal v =
          new BigDecimal(m.group(2).replace(",", "") + (m.group(3) == null ? "" : m.group(3)));
      String stated = m.group().strip();
      if (!Literals.fits(v) || (m.group(1) != null && !Literals.fitsInCents(v))) {
        // beyond exact arithmetic: the literal that gave it is an error where it stands, and the
        // rule holds no value to compare it with
        continue;
      }
      if (m.group(5) != null) {
        boolean years = m.group(5).strip().startsWith("year");
        int n;
        try {
          n = v.intValueExact() * (years ? 12 : 1);
        } catch (ArithmeticException notWhole) {
          out.add(new Drift(stated, "period"));
          continue;
        }
        if (!months.contains(n)) {
          out.add(new Drift(stated, "period"));
        }
        continue;
      }
      if (m.group(4) != null) {
        v = v.movePointLeft(2);
      }
      if (!contains(values, v)) {
        out.add(
            new Drift(
                stated,
                m.group(1) != null ? "amount" : m.group(4) != null ? "percentage" : "count"));
      }
    }
    return out;
  }

  private static boolean contains(Set<BigDecimal> values, BigDecimal v) {
    for (BigDecimal x : values) {
      if (x.compareTo(v) == 0) {
        return true;
      }
    }
    return false;
  }

  private static void walk(Ir.Expr e, Set<BigDecimal> values, Set<Integer> months) {
    if (e instanceof Ir.Const c) {
      values.add(BigDecimal.valueOf(c.unscaled(), c.scale()).stripTrailingZeros());
    } else if (e instanceof Ir.Rate r) {
      for (Ir.RateCase rc : r.table().cases()) {
        values.add(BigDecimal.valueOf(rc.unscaled(), r.table().scale()));
      }
      values.add(BigDecimal.valueOf(r.table().otherwise(), r.table().scale()));
    } else if (e instanceof Ir.Growth g) {
      values.add(
          BigDecimal.valueOf(g.fraction().unscaled(), g.fraction().scale()).stripTrailingZeros());
    } else if (e instanceof Ir.AtLeast a) {
      values.add(BigDecimal.valueOf(a.k())); // "at least 2 of these 3"
      values.add(BigDecimal.valueOf(a.parts().size()));
    } else if (e instanceof Ir.Points p) {
      for (long points : p.points()) {
        values.add(BigDecimal.valueOf(points));
      }
    } else if (e instanceof Ir.Net) {
      months.add(12); // M against M - 12
    } else if (e instanceof Ir.MeasureAt ma) {
      month(ma.month(), months);
    } else if (e instanceof Ir.Associated a) {
      month(a.month(), months);
    } else if (e instanceof Ir.CompareMonths cm) {
      month(cm.left(), months);
      month(cm.right(), months);
    } else if (e instanceof Ir.InMonths im) {
      month(im.month(), months);
      range(im.range(), months);
    }
    if (e instanceof Ir.Quantified q) {
      for (Ir.Binder b : q.binders()) {
        if (b instanceof Ir.ForMonth fm) {
          range(fm.range(), months);
        }
      }
    }
    for (Ir.Expr child : e.children()) {
      walk(child, values, months);
    }
  }

  private static void month(Ir.MonthExpr m, Set<Integer> months) {
    int offset = m instanceof Ir.AsOf a ? a.offset() : m instanceof Ir.MonthVar v ? v.offset() : 0;
    if (offset != 0) {
      months.add(Math.abs(offset));
    }
  }

  private static void range(Ir.MonthRange r, Set<Integer> months) {
    month(r.from(), months);
    month(r.to(), months);
    if (r.from() instanceof Ir.AsOf a && r.to() instanceof Ir.AsOf b) {
      months.add(b.offset() - a.offset() + 1);
    } else if (r.from() instanceof Ir.MonthVar a
        && r.to() instanceof Ir.MonthVar b
        && a.var().equals(b.var())) {
      months.add(b.offset() - a.offset() + 1);
    }
  }

  /** Warns about each number of a node's text that its rule does not use. */
  static void lint(
      Reporter reporter, Ast.Text text, String shown, List<Ir.Expr> rule, String instance) {
    if (!reporter.complete(text.span())) {
      return;
    }
    for (Drift d : drifts(shown, rule)) {
      warn(reporter, text.span(), d, instance);
    }
  }

  private static void warn(Reporter reporter, Span where, Drift d, String instance) {
    reporter.warning(
        where,
        "this text states "
            + d.stated()
            + instance
            + ", but the rule uses no such "
            + d.kind()
            + ": the text may have drifted from the rule; show the rule's own value with"
            + " '{name}' (a parameter, or a definition such as 'define threshold = $1000')");
  }
}
