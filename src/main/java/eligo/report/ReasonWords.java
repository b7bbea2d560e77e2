package eligo.report;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import eligo.report.NodeTrace.Closest;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deciding facts of an evaluated node in words, for the why of {@link Explainer}: what a count
 * counted and what qualifies, the closest a tenant or workload came, or the amount a sum or a
 * reduction found over its months. Keeps the words that depend only on the criteria and the as-of
 * month. Not thread-safe.
 */
final class ReasonWords {
  private final Dataset data;

  /** Whether a count's why says what qualifies ({@link Explainer#forSite}). */
  private final boolean qualifying;

  /** Words that depend only on a part of the criteria and the as-of month. */
  private final Map<Object, String> words;

  /** Per node whose value is a sum or a reduction, the name of its amount. */
  private final Map<Ir.Node, String> names;

  /** Per count, the noun of what it counts ({@link Words#noun}). */
  private final Map<Ir.Count, String> nouns;

  /** Per count, the association its condition requires ({@link RequiredAssociation}), or none. */
  private final Map<Ir.Count, RequiredAssociation> required = new IdentityHashMap<>();

  ReasonWords(Dataset data, boolean qualifying) {
    this(
        data,
        qualifying,
        new IdentityHashMap<>(),
        new IdentityHashMap<>(),
        new IdentityHashMap<>());
  }

  private ReasonWords(
      Dataset data,
      boolean qualifying,
      Map<Object, String> words,
      Map<Ir.Node, String> names,
      Map<Ir.Count, String> nouns) {
    this.data = data;
    this.qualifying = qualifying;
    this.words = words;
    this.names = names;
    this.nouns = nouns;
  }

  /**
   * The same words for the customers of {@code other}, a dataset that {@linkplain
   * Dataset#sharesCatalogs shares the catalogs} of this one, explained as of the same month: what
   * depends only on the criteria, the month and the catalogs is kept (the same thread's).
   */
  ReasonWords over(Dataset other) {
    return new ReasonWords(other, qualifying, words, names, nouns);
  }

  /** Whether a count's why says what qualifies. */
  boolean qualifying() {
    return qualifying;
  }

  /**
   * Whether {@link #of} depends on nothing but the node, its values, the as-of month, whether the
   * customer has a tenant and whether its tenants have the association its count requires ({@link
   * #noAssociationOfTypes}): not where a count found nothing and says which tenant or workload came
   * closest.
   */
  boolean ofValuesOnly(Ir.Node n, NodeTrace t, NodeResults r, int i) {
    if (!(t.top instanceof Ir.Count)) {
      return true;
    }
    long now = n.isNet() ? r.current[i] : r.value[i];
    Closest closest = t.closest;
    return closest == null || now != 0 || closest.value() == 0;
  }

  /**
   * The why of a node that gate {@code gate} stopped, without the gate's reason, for a site's page
   * ({@link Explainer#forSite}), whose row of the gate gives it: {@code not evaluated: gate 'Azure
   * services' was not met}.
   */
  static String stopped(Ir.Node gate) {
    return STOPPED_BEFORE + gate.title() + STOPPED_AFTER;
  }

  /** The words of {@link #stopped} before the gate's title, and after it. */
  static final String STOPPED_BEFORE = "not evaluated: gate '";

  static final String STOPPED_AFTER = "' was not met";

  /** Whether {@code why} is that of a node that {@code gate} stopped ({@link #stopped}). */
  static boolean stoppedBy(String why, Ir.Node gate) {
    String title = gate.title();
    return why.startsWith(STOPPED_BEFORE)
        && why.startsWith(title, STOPPED_BEFORE.length())
        && why.startsWith(STOPPED_AFTER, STOPPED_BEFORE.length() + title.length());
  }

  /**
   * The why of a node that gate {@code gate}, not met for reason {@code reason}, stopped: {@code
   * not evaluated: gate 'Azure services' was not met (no workloads qualified as of 2026-09)}; made
   * in a builder of its size.
   */
  static String stopped(Ir.Node gate, String reason) {
    String title = gate.title();
    String r = String.valueOf(reason);
    return new StringBuilder(40 + title.length() + r.length())
        .append(STOPPED_BEFORE)
        .append(title)
        .append(STOPPED_AFTER)
        .append(" (")
        .append(r)
        .append(')')
        .toString();
  }

  /**
   * The why of node {@code n} not met: its reason, what a growth or an 'at least' found, and what
   * was needed; made in a builder of its size (a why is long, and a builder grown from its default
   * size copied it several times).
   */
  static String why(String reason, String growth, String needed, Ir.Node n) {
    String r = String.valueOf(reason);
    StringBuilder out =
        new StringBuilder(
            r.length()
                + (growth == null ? 0 : growth.length() + 2)
                + (needed == null ? 0 : needed.length() + 20));
    out.append(r);
    if (growth != null) {
      out.append("; ").append(growth);
    }
    if (needed != null) {
      out.append("; needed: ")
          .append(
              !n.isNet() ? "" : n.valueKind() == Ir.ValueKind.COUNT ? "a net of " : "growth of ")
          .append(needed);
    }
    return out.toString();
  }

  /** The deciding facts of an evaluated node in words (the part before "needed"). */
  String of(Ir.Node n, NodeTrace t, NodeResults r, int i, int c, int m) {
    Ir.Expr top = t.top;
    if (data.tenantStart(c) == data.tenantEnd(c)) {
      return "the customer has no tenant";
    }
    if (top instanceof Ir.Count count) {
      String noun = nouns.computeIfAbsent(count, k -> Words.noun(k.binders()));
      boolean types = count.binders().get(0) instanceof Ir.ForType;
      String what = count.where() == null ? null : words.get(count.where());
      if (what == null && count.where() != null && !words.containsKey(count.where())) {
        what = Words.condition(count.where(), m, typeBinder(count.binders()));
        words.put(count.where(), what);
      }
      long now = n.isNet() ? r.current[i] : r.value[i];
      if (!types && noAssociationOfTypes(n, t, r, i, c)) {
        return "no tenant has " + required.get(count).words();
      }
      StringBuilder s = new StringBuilder(160);
      if (types && what != null && now == 0 && !n.isNet()) {
        String bare =
            what.startsWith("an ")
                ? what.substring(3)
                : what.startsWith("a ") ? what.substring(2) : what;
        return s.append("no ").append(bare).toString();
      }
      s.append(now == 0 ? "no" : String.valueOf(now))
          .append(' ')
          .append(Words.plural(noun, now == 0 ? 2 : now))
          .append(" qualified");
      String period = n.isNet() ? "as of " + Formats.month(m) : countPeriod(count, m);
      // the months of a range are said once: by what qualifies, where it is said
      if (!(what != null && qualifying && period.startsWith("in "))) {
        s.append(' ').append(period);
      }
      if (n.isNet()) {
        s.append(" and ").append(r.baseline[i]).append(" as of ").append(Formats.month(m - 12));
      }
      if (what != null && qualifying) {
        String set =
            count.binders().size() == 1 && count.binders().get(0) instanceof Ir.ForWorkload w
                ? words.computeIfAbsent(w, x -> Words.workloads(w.set()))
                : "a " + noun;
        s.append(" (qualifying: ").append(types ? what : set + " with " + what).append(')');
      }
      Closest closest = t.closest;
      if (closest != null && now == 0 && closest.value() != 0) {
        s.append(closest.higherIsCloser() ? "; the highest was " : "; the lowest was ")
            .append(closest.where(data))
            .append(" with ")
            .append(closest.amount())
            .append(closest.when())
            .append(
                !closest.band()
                    ? ""
                    : closest.higherIsCloser() ? ", below the band" : ", above the band")
            .append(" (needed: ")
            .append(closest.needed())
            .append(')');
      } else if (now == 0
          && (closest == null || closest.value() == 0 && closest.higherIsCloser())) {
        String nothing = nothingAbove(count);
        if (nothing != null) {
          s.append("; no ").append(noun).append(nothing);
        }
      }
      return s.toString();
    }
    if (top instanceof Ir.Sum sum) {
      Words.Amount amount = new Words.Amount(n.valueKind(), n.unit());
      String name = names.get(n);
      if (name == null) {
        name = Words.amountName(sum, Words.ownName(n.valueKind(), n.unit()));
        names.put(n, name);
      }
      if (n.isNet()) {
        return name
            + ": "
            + amount.format(r.current[i], n.scale())
            + period(sum, m)
            + " against "
            + amount.format(r.baseline[i], n.scale())
            + period(sum, m - 12);
      }
      return name + ": " + amount.format(r.value[i], n.scale()) + period(sum, m);
    }
    if (top instanceof Ir.Reduce reduce) {
      Words.Amount amount = new Words.Amount(n.valueKind(), n.unit());
      String name = names.get(n);
      if (name == null) {
        name = Words.reduceName(reduce, Words.ownName(n.valueKind(), n.unit()));
        names.put(n, name);
      }
      if (n.isNet()) {
        return name
            + ": "
            + amount.format(r.current[i], n.scale())
            + period(reduce, m)
            + " against "
            + amount.format(r.baseline[i], n.scale())
            + period(reduce, m - 12);
      }
      return name + ": " + amount.format(r.value[i], n.scale()) + period(reduce, m);
    }
    return "the value was " + Formats.value(n.valueKind(), n.unit(), r.value[i], n.scale());
  }

  /**
   * For a count whose condition is one comparison of an amount with a threshold above 0 ({@code
   * count tenant where AMOUNT >= THRESHOLD}) or a band whose lower bound is one ({@link
   * #lowerBound}), alone or under {@code any} ({@code where any month in RANGE where ...}), and
   * that found nothing with no binding coming above 0 (none compared, as a month without a row
   * reads 0, or the highest at 0): {@code " had more than 0 (needed: at least THRESHOLD)"}, the
   * amount and threshold in the amount's words, what then tells a partner the amount was not there
   * at all, where the closest miss is named otherwise (without the threshold where what qualifies
   * is said: {@code " had more than 0"}); else null. Kept per count.
   */
  private String nothingAbove(Ir.Count count) {
    // keyed by the count (its condition's key holds the condition's words); no capturing lambda,
    // which under C1 goes through a method handle at each call
    String kept = words.get(count);
    if (kept == null) {
      kept = nothingAboveOf(count);
      words.put(count, kept);
    }
    return kept.isEmpty() ? null : kept;
  }

  /** {@link #nothingAbove}'s words, or "" for none. */
  private String nothingAboveOf(Ir.Count count) {
    // under an 'any' that held nowhere, every binding of it was compared too
    Ir.Expr e = count.where();
    while (e instanceof Ir.Exists any) {
      e = any.where();
    }
    Ir.Compare k = lowerBound(e);
    if (k == null || !(k.right() instanceof Ir.Const c) || c.unscaled() <= 0) {
      return "";
    }
    Words.Amount amount = Words.amount(k);
    String zero = " had more than " + amount.format(0, k.left().scale());
    // where what qualifies is said, so is the threshold
    return qualifying
        ? zero
        : zero
            + " (needed: "
            + Words.comparison(k.op())
            + " "
            + amount.format(c.unscaled(), c.scale())
            + ")";
  }

  /**
   * The lower bound of {@code e} when it is one ({@code AMOUNT >= THRESHOLD}) or a band's only one
   * ({@code AMOUNT within > LOW and <= HIGH}, every bound a lower or upper one); else null. A
   * band's binding that fails it fails a bound, a miss {@link TraceRecorder} tells; one above the
   * band makes the closest miss an upper one, so no closest miss, or one at 0 below the band, says
   * that no binding came above 0.
   */
  private static Ir.Compare lowerBound(Ir.Expr e) {
    if (e instanceof Ir.Compare k) {
      return k.op().isLowerBound() ? k : null;
    }
    Ir.Compare lower = null;
    for (Ir.Compare k : BandBounds.of(e)) {
      if (k.op().isLowerBound() && lower == null) {
        lower = k;
      } else if (!k.op().isUpperBound()) {
        return null;
      }
    }
    return lower;
  }

  /**
   * Whether node {@code n}'s count found nothing for customer {@code c} (on either side of a net)
   * because the association its condition requires is of types none of the customer's tenants has,
   * on any workload in any month: the reason is then that, whatever else the condition asks.
   */
  boolean noAssociationOfTypes(Ir.Node n, NodeTrace t, NodeResults r, int i, int c) {
    if (!(t.top instanceof Ir.Count count)
        || (n.isNet() ? r.current[i] != 0 || r.baseline[i] != 0 : r.value[i] != 0)) {
      return false;
    }
    // no capturing lambda: asked for every count that found nothing, and under C1 each capture
    // goes through a method handle (71 of 9,600 samples of the sites' threads at 100,000 customers)
    RequiredAssociation a = required.get(count);
    if (a == null) {
      a = RequiredAssociation.of(count, data);
      required.put(count, a);
    }
    return a != RequiredAssociation.NONE && !a.anyOf(data, c);
  }

  /**
   * When a count (not net) looks: {@code in 2024-10..2026-09} where its condition looks over the
   * months of a range ({@code count workload where any tenant, month in window where ...}), else
   * {@code as of 2026-09}; kept by count for the as-of month of the last.
   */
  private String countPeriod(Ir.Count count, int m) {
    return kept(count, m, ReasonWords::countPeriodOf);
  }

  private static String countPeriodOf(Ir.Expr count, int m) {
    Ir.Expr where = ((Ir.Count) count).where();
    String range = where == null ? null : rangeOf(where, m);
    return range != null ? range.substring(1) : "as of " + Formats.month(m);
  }

  private static List<String> typeBinder(List<Ir.Binder> binders) {
    for (Ir.Binder b : binders) {
      if (b instanceof Ir.ForType t) {
        return t.types();
      }
    }
    return null;
  }

  /**
   * {@code in 2025-10..2026-09} for a sum, average, minimum or maximum over a month range, else
   * {@code in 2026-09}.
   */
  private String period(Ir.Expr sum, int m) {
    return kept(sum, m, ReasonWords::periodOf);
  }

  /** Words of an expression and a month ({@link #period}, {@link #countPeriod}). */
  private interface PeriodWords {
    String of(Ir.Expr e, int m);
  }

  /**
   * The words {@code made} gives of {@code e} (a sum, a reduction or a count: no expression is two
   * of them) and month {@code m}, kept for the two months last asked (the as-of month and the year
   * before it).
   */
  private String kept(Ir.Expr e, int m, PeriodWords made) {
    int k = periodMonths[0] == m ? 0 : periodMonths[1] == m ? 1 : -1;
    if (k < 0) {
      k = nextPeriods;
      nextPeriods = 1 - k;
      periodMonths[k] = m;
      periods[k].clear();
    }
    String words = periods[k].get(e);
    if (words == null) {
      words = made.of(e, m);
      periods[k].put(e, words);
    }
    return words;
  }

  /**
   * {@link #kept} of two months (the as-of month and the year before it), by expression: slot
   * {@code k} holds month {@code periodMonths[k]}.
   */
  @SuppressWarnings("unchecked")
  private final Map<Ir.Expr, String>[] periods =
      new Map[] {new IdentityHashMap<>(), new IdentityHashMap<>()};

  private final int[] periodMonths = {Integer.MIN_VALUE, Integer.MIN_VALUE};

  /** The slot {@link #kept} replaces next. */
  private int nextPeriods;

  private static String periodOf(Ir.Expr sum, int m) {
    String range = rangeOf(sum, m);
    return range != null ? range : " in " + Formats.month(m);
  }

  /**
   * {@code in 2025-10..2026-09}: the range of months that {@code e} (a sum, a reduction or a
   * count's condition) looks over, by its binders or those of the sum, reduction or {@code any} in
   * it; null when none.
   */
  private static String rangeOf(Ir.Expr e, int m) {
    for (Ir.Binder b : Words.bindersOf(e)) {
      if (b instanceof Ir.ForMonth f) {
        String months = Words.range(f.range(), m);
        if (months != null) {
          return " in " + months;
        }
      }
    }
    if (e instanceof Ir.Sum s && Words.bindersOf(s.body()).size() > 0) {
      return rangeOf(s.body(), m);
    }
    if (e instanceof Ir.Reduce r && Words.bindersOf(r.body()).size() > 0) {
      return rangeOf(r.body(), m);
    }
    return e instanceof Ir.Exists x ? rangeOf(x.where(), m) : null;
  }
}
