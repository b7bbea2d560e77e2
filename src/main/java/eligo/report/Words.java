package eligo.report;

import eligo.data.Measure;
import eligo.ir.Ir;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain words for parts of the IR, for explanations: the things a count counts, a condition, a set
 * of workloads or association types, a threshold. Only names that come from the criteria and the
 * data appear (workload, family and type names; measures by their data column), never IR terms.
 * Months are relative to the as-of month given.
 */
public final class Words {
  private Words() {}

  /**
   * The one vocabulary of outcomes, for every node (gates included) in every view: summary, lists,
   * customer pages, tree and command line.
   */
  public static final String MET = "Met";

  public static final String NOT_MET = "Not met";
  public static final String NOT_EVALUATED = "Not evaluated";

  /** The outcome words of a status of the results file ({@code met}, {@code not_met}, ...). */
  public static String outcome(String status) {
    return switch (status) {
      case "met" -> MET;
      case "not_met" -> NOT_MET;
      case "not_evaluated" -> NOT_EVALUATED;
      default -> status;
    };
  }

  /**
   * The line after a node's details rows when some were left out: {@code and 3 more associations}
   * (rows of associations that count) or {@code and 3 more workloads}.
   */
  static String more(CustomerView.Node n) {
    boolean associations = !n.details().isEmpty() && n.details().get(0).association() != null;
    return "and "
        + n.detailsLeftOut()
        + " more "
        + plural(associations ? "association" : n.detailsBy(), n.detailsLeftOut());
  }

  /**
   * An item of the legend: the groups it names ({@link SummaryView.Group#key}), each drawn in its
   * bar's colour, then what they mean.
   */
  record LegendItem(List<String> keys, String words) {}

  /**
   * The legend of the outcome words and the colours of the summary's bars, one sentence each: every
   * group a summary or a list names.
   */
  public static final List<LegendItem> LEGEND =
      List.of(
          new LegendItem(
              List.of("met"),
              MET + ": the customer meets the node's condition as of the as-of month."),
          new LegendItem(
              List.of("not_met"),
              NOT_MET + ": the node was evaluated and its condition does not hold."),
          new LegendItem(
              List.of("not_evaluated"),
              NOT_EVALUATED
                  + ": a gate before it in its branch was not met, so the node was not checked"
                  + " (the customer cannot count for it)."),
          new LegendItem(
              List.of("growth", "decline", "no_change"),
              "With growth, In decline, No change: a net metric's customers evaluated, by its"
                  + " value as of the as-of month less a year earlier's: above, below or at zero."
                  + " Its bar shows these, then Not evaluated."));

  /** {@code ACR}, {@code revenue}, {@code paid units}, ... from the data column. */
  static String measure(Measure m) {
    String column =
        m.column().endsWith("_usd") ? m.column().substring(0, m.column().length() - 4) : m.column();
    return column.equals("acr") ? "ACR" : column.replace('_', ' ');
  }

  /** {@code CSP T1, CSP T2, DPOR or PAL}. */
  static String orList(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " or "
        + items.get(items.size() - 1);
  }

  static String types(Ir.TypeSet set) {
    if (set instanceof Ir.FixedTypes f) {
      return orList(f.types());
    }
    Ir.TypesByWorkload b = (Ir.TypesByWorkload) set;
    List<String> parts = new ArrayList<>();
    for (Ir.TypeCase c : b.cases()) {
      parts.add(orList(c.types()) + " on " + workloads(c.when()));
    }
    if (!b.otherwise().isEmpty()) {
      parts.add(orList(b.otherwise()) + " on other workloads");
    }
    return String.join(", ", parts);
  }

  /** {@code one of 9 named workloads}: a set of more than three named workloads, by its size. */
  static String namedWorkloads(int size) {
    return "one of " + size + " named workloads";
  }

  /**
   * {@code an Azure workload}, {@code Teams, EXO or SPO}, {@code an Azure workload other than
   * Virtual Machines}.
   */
  static String workloads(Ir.WorkloadSet set) {
    if (set instanceof Ir.Families f) {
      String families = orList(f.families());
      return (startsWithVowel(families) ? "an " : "a ") + families + " workload";
    }
    if (set instanceof Ir.Names n) {
      return n.names().size() <= 3 ? orList(n.names()) : namedWorkloads(n.names().size());
    }
    if (set instanceof Ir.Union u) {
      List<String> parts = new ArrayList<>();
      for (Ir.WorkloadSet p : u.parts()) {
        parts.add(workloads(p));
      }
      return orList(parts);
    }
    if (set instanceof Ir.Except x) {
      return workloads(x.base())
          + " other than "
          + (x.minus() instanceof Ir.Names n ? orList(n.names()) : workloads(x.minus()));
    }
    return "any workload";
  }

  private static boolean startsWithVowel(String s) {
    return !s.isEmpty() && "AEIOUaeiou".indexOf(s.charAt(0)) >= 0;
  }

  /**
   * What one binding of these binders is: {@code tenant}, {@code workload}, {@code tenant
   * workload}.
   */
  static String noun(List<Ir.Binder> binders) {
    List<String> parts = new ArrayList<>();
    for (Ir.Binder b : binders) {
      if (b instanceof Ir.ForTenant) {
        parts.add("tenant");
      } else if (b instanceof Ir.ForWorkload) {
        parts.add("workload");
      } else if (b instanceof Ir.ForType) {
        parts.add("association type");
      } else {
        parts.add("month");
      }
    }
    return String.join(" ", parts);
  }

  static String plural(String noun, long n) {
    return Math.abs(n) == 1 ? noun : noun + "s";
  }

  /** {@code at least}, {@code more than}, ... */
  static String comparison(Ir.CmpOp op) {
    switch (op) {
      case GE:
        return "at least";
      case GT:
        return "more than";
      case LE:
        return "at most";
      case LT:
        return "less than";
      case EQ:
        return "exactly";
      default:
        return "other than";
    }
  }

  /**
   * The months a range covers, as {@code 2024-10..2026-09}, for as-of month {@code asOf}; null when
   * they depend on a variable.
   */
  static String range(Ir.MonthRange r, int asOf) {
    if (r.from() instanceof Ir.AsOf f && r.to() instanceof Ir.AsOf t) {
      return Formats.months(asOf + f.offset(), asOf + t.offset());
    }
    return null;
  }

  /** Where and when a quantifier looks: {@code on an Azure workload in 2024-10..2026-09}. */
  static String binders(List<Ir.Binder> binders, int asOf) {
    StringBuilder out = new StringBuilder();
    for (Ir.Binder b : binders) {
      if (b instanceof Ir.ForWorkload w) {
        out.append(" on ").append(workloads(w.set()));
      } else if (b instanceof Ir.ForMonth m) {
        String months = range(m.range(), asOf);
        if (months != null) {
          out.append(" in ").append(months);
        }
      }
    }
    return out.toString();
  }

  /** The kind of amount an expression computes, to format it: money when it reads money. */
  static Amount amount(Ir.Expr e) {
    Measure m = firstMeasure(e);
    if (m == null) {
      return new Amount(Ir.ValueKind.NUMBER, "");
    }
    return m.isMoney()
        ? new Amount(Ir.ValueKind.MONEY, "")
        : new Amount(Ir.ValueKind.QUANTITY, m.column());
  }

  /**
   * How to show the amount {@code k} compares: {@link #amount(Ir.Expr)} of its left side, named by
   * its own name when it is a derived measure ({@link #derivedName}).
   */
  static Amount amount(Ir.Compare k) {
    java.util.Map<Ir.Compare, Amount> known = AMOUNTS.get();
    Amount a = known.get(k);
    if (a == null) {
      String own = derivedName(k);
      a = own == null ? amount(k.left()) : new Amount(k.kind(), own);
      if (known.size() >= 4096) {
        known.clear(); // the comparisons of criteria edited since (a server's), let go of
      }
      known.put(k, a);
    }
    return a;
  }

  /**
   * Per thread, the amounts of the comparisons met so far, by identity: an explanation asks for the
   * same few comparisons' amounts for every customer, and finding one walks the expression.
   * Bounded, for a server whose criteria change.
   */
  private static final ThreadLocal<java.util.Map<Ir.Compare, Amount>> AMOUNTS =
      ThreadLocal.withInitial(java.util.IdentityHashMap::new);

  /**
   * The own name of the amount {@code k} compares when it is a derived measure of money or of a
   * quantity ({@code consumption_value}, made of active users; {@code half_acr}, made of ACR), as
   * the checker gave it; null when it is a measure of the data or not known.
   */
  static String derivedName(Ir.Compare k) {
    String own = ownName(k.kind(), k.unit());
    if (own == null || own.isEmpty()) {
      return null;
    }
    // a quantity's unit is its measure's column when it is a measure of the data
    Measure m = firstMeasure(k.left());
    if (m == null) {
      m = firstMeasure(k.right());
    }
    return k.kind() == Ir.ValueKind.QUANTITY && m != null && m.column().equals(own) ? null : own;
  }

  /** How to show an amount: its kind and unit. */
  record Amount(Ir.ValueKind kind, String unit) {
    String format(long unscaled, int scale) {
      return Formats.value(kind, unit, unscaled, scale);
    }
  }

  private static Measure firstMeasure(Ir.Expr e) {
    if (e == null) {
      return null;
    }
    if (e instanceof Ir.MeasureAt m) {
      return m.measure();
    }
    for (Ir.Expr child : e.children()) {
      Measure m = firstMeasure(child);
      if (m != null) {
        return m;
      }
    }
    return null;
  }

  /** The binders of an aggregate or quantifier, else an empty list. */
  static List<Ir.Binder> bindersOf(Ir.Expr e) {
    return e instanceof Ir.Quantified q ? q.binders() : List.of();
  }

  /**
   * An amount in words: {@code ACR attributed via PAL}, {@code active users}, {@code the amount}.
   */
  static String amountName(Ir.Expr e) {
    return amountName(e, null);
  }

  /**
   * The name a node's value has of its own, for {@link #amountName}: a quantity's unit, and a
   * derived measure of money's name (its unit, not {@link Ir#MONEY_UNIT}); else null.
   */
  static String ownName(Ir.ValueKind kind, String unit) {
    return kind == Ir.ValueKind.QUANTITY
            || (kind == Ir.ValueKind.MONEY && unit != null && !unit.equals(Ir.MONEY_UNIT))
        ? unit
        : null;
  }

  /**
   * The same, where an amount that is not a measure of the data (a derived measure: {@code
   * active_users * RATE}) is named by {@code unit}, the unit the checker gave it (the derived
   * measure's own name), when there is one.
   */
  static String amountName(Ir.Expr e, String unit) {
    if (e instanceof Ir.MeasureAt m) {
      return measure(m.measure());
    }
    if (e instanceof Ir.If f && f.cond() instanceof Ir.Associated a && a.types() != null) {
      return amountName(f.then(), unit) + " attributed via " + types(a.types());
    }
    if (e instanceof Ir.Sum s) {
      String body = amountName(s.body(), unit);
      if (s.where() instanceof Ir.Associated a
          && a.types() != null
          && !body.contains(" attributed via ")) {
        body += " attributed via " + types(a.types());
      }
      return body;
    }
    if (e instanceof Ir.Reduce r) {
      return reduceName(r, unit);
    }
    if (unit != null && !unit.isEmpty()) {
      return unit.replace('_', ' ');
    }
    Measure m = firstMeasure(e);
    return m == null ? "the amount" : measure(m);
  }

  /**
   * An average, minimum or maximum in words: {@code the average ACR per month}, {@code the lowest
   * paid units per tenant and month}; an average is rounded half-even at the amount's decimals.
   */
  static String reduceName(Ir.Reduce r, String unit) {
    List<String> dims = new java.util.ArrayList<>();
    for (Ir.Binder b : r.binders()) {
      dims.add(
          switch (b.var().dim()) {
            case TENANT -> "tenant";
            case WORKLOAD -> "workload";
            case MONTH -> "month";
            case TYPE -> "association type";
            default -> b.var().dim().name().toLowerCase(java.util.Locale.ROOT);
          });
    }
    String op =
        switch (r.op()) {
          case AVERAGE -> "the average ";
          case MINIMUM -> "the lowest ";
          case MAXIMUM -> "the highest ";
        };
    String body = amountName(r.body(), unit);
    if (r.where() instanceof Ir.Associated a
        && a.types() != null
        && !body.contains(" attributed via ")) {
      body += " attributed via " + types(a.types());
    }
    return op + body + " per " + String.join(" and ", dims) + attributeFilter(r.where());
  }

  /**
   * The words of a reduction's filter on an attribute, so that a value of none is not read as the
   * amount of every tenant: {@code , of those whose country is not "US" or ""}; empty otherwise.
   */
  private static String attributeFilter(Ir.Expr where) {
    boolean not = false;
    Ir.Expr e = where;
    if (e instanceof Ir.Not n) {
      not = true;
      e = n.operand();
    }
    if (!(e instanceof Ir.AttributeIn a)) {
      return "";
    }
    not ^= a.negated();
    List<String> values = new java.util.ArrayList<>();
    for (String v : a.values()) {
      values.add("\"" + v + "\"");
    }
    return ", of those whose "
        + a.attribute().column()
        + (not ? " is not " : " is ")
        + orList(values);
  }

  /**
   * A condition in words, where it can be said simply: {@code a CSP T1 or PAL association on an
   * Azure workload in 2024-10..2026-09}, {@code ACR above $0.00 in 2024-10..2026-09}; null when not
   * (the caller then uses the criteria text).
   */
  static String condition(Ir.Expr e, int asOf, List<String> boundTypes) {
    if (e instanceof Ir.Exists x) {
      String inner = condition(x.where(), asOf, typesOf(x.binders(), boundTypes));
      return inner == null ? null : inner + binders(x.binders(), asOf);
    }
    if (e instanceof Ir.Associated a) {
      if (a.types() instanceof Ir.TypesByWorkload) {
        return "an association of the required type (" + types(a.types()) + ")";
      }
      String types =
          a.types() != null ? types(a.types()) : boundTypes != null ? orList(boundTypes) : "";
      return (types.isEmpty() ? "an" : (startsWithVowel(types) ? "an " : "a ") + types)
          + " association";
    }
    if (e instanceof Ir.Compare k && k.right() instanceof Ir.Const c) {
      boolean money = amount(k).kind() == Ir.ValueKind.MONEY;
      return amountName(k.left(), derivedName(k))
          + " "
          + comparison(k.op())
          + " "
          + (money
              ? Formats.money(c.unscaled(), c.scale())
              : Formats.number(c.unscaled(), c.scale()));
    }
    if (e instanceof Ir.And a) {
      String l = condition(a.left(), asOf, boundTypes);
      String r = condition(a.right(), asOf, boundTypes);
      return l == null || r == null ? null : l + " and " + r;
    }
    return null;
  }

  private static List<String> typesOf(List<Ir.Binder> binders, List<String> outer) {
    for (Ir.Binder b : binders) {
      if (b instanceof Ir.ForType t && t.types() != null) {
        return t.types();
      }
    }
    return outer;
  }

  /**
   * The threshold a node's or rule's {@code met} states, for people: {@code at least 1 tenant};
   * null when it is not one comparison of the value with a constant.
   */
  static String needed(Ir.Expr met, Ir.ValueKind kind, String unit) {
    if (met instanceof Ir.Compare k
        && k.left() instanceof Ir.NodeValue
        && k.right() instanceof Ir.Const c) {
      return comparison(k.op()) + " " + Formats.value(kind, unit, c.unscaled(), c.scale());
    }
    if (met instanceof Ir.AtLeast a) {
      return "at least " + a.k() + " of the " + a.parts().size() + " conditions";
    }
    if (met instanceof Ir.Growth g) {
      return comparison(g.op())
          + " "
          + BigDecimal.valueOf(g.fraction().unscaled(), g.fraction().scale())
              .movePointRight(2)
              .stripTrailingZeros()
              .toPlainString()
          + "% more than the baseline";
    }
    if (met instanceof Ir.And a) {
      String l = needed(a.left(), kind, unit);
      String r = needed(a.right(), kind, unit);
      return l == null || r == null ? null : l + " and " + r;
    }
    return null;
  }
}
