package eligo.report;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.interpret.Interpreter;
import eligo.io.Texts;
import eligo.ir.Ir;
import eligo.report.NodeTrace.Closest;
import eligo.report.NodeTrace.Fact;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the by-customer view with the reasons behind every status. It evaluates the customer again
 * with the reference {@link Interpreter}, listening to that evaluation: the statuses, values and
 * reasons shown all come from this one traced evaluation, which must agree with the run's {@link
 * Outcome} (a disagreement is a bug, reported as an {@link IllegalStateException}).
 *
 * <p>What it records per node, from the value's outermost count or sum: per binding of its
 * variables, at M and at M-12, whether the condition held or the amount summed; per tenant or
 * workload (the node's details), the largest amount compared with a threshold; and the failing
 * comparison that came closest to its threshold. Not thread-safe: one instance per thread.
 */
public final class Explainer {
  private static final int MAX_DETAILS = 50;

  private final Outcome outcome;
  private final Dataset data;
  private final List<Interpreter> interpreters = new ArrayList<>();
  private final TraceRecorder recorder;

  /** The nodes whose explanation an earlier node of the customer gave ({@link #explainNotMet}). */
  private final ExplainedTwins twins;

  /**
   * Words that depend only on a part of the criteria and the as-of month, kept: the same for every
   * customer.
   */
  private final Map<Object, String> words = new IdentityHashMap<>();

  /** Per condition or value, its {@code at least} and points conditions. */
  private final Map<Ir.Expr, AtLeastWords.Found> atLeasts = new IdentityHashMap<>();

  /** Per condition, its relative growths. */
  private final Map<Ir.Expr, List<Ir.Growth>> growths = new IdentityHashMap<>();

  /** Per count, the noun of what it counts ({@link Words#noun}). */
  private final Map<Ir.Count, String> nouns = new IdentityHashMap<>();

  /** Per area, per result index: the result indexes of the gates before it in its branch. */
  private final List<int[][]> gatesBefore = new ArrayList<>();

  /**
   * Whether a count's why says what qualifies ({@code (qualifying: ...)}): the same for every
   * customer, so a site says it once, under the node's tree on the summary, and its customers'
   * pages leave it out.
   */
  private final boolean qualifying;

  public Explainer(Outcome outcome) {
    this(outcome, true);
  }

  /**
   * An explainer for a site's customer pages: the why leaves out what qualifies, which the tree
   * page of the node says once for every customer.
   */
  public static Explainer forSite(Outcome outcome) {
    return new Explainer(outcome, false);
  }

  private Explainer(Outcome outcome, boolean qualifying) {
    this.qualifying = qualifying;
    this.outcome = outcome;
    this.data = outcome.data;
    this.recorder = new TraceRecorder(data);
    this.twins = new ExplainedTwins(outcome.areas);
    for (Outcome.AreaOutcome a : outcome.areas) {
      interpreters.add(Interpreter.explaining(a.area, data, recorder));
      for (Ir.Node n : a.nodes) {
        recorder.noteBands(n.value());
        recorder.noteBands(n.met());
      }
      int[][] before = new int[a.nodes.size()][];
      int i = 0;
      for (Ir.Branch b : a.area.branches()) {
        List<Integer> gates = new ArrayList<>();
        for (Ir.Node n : b.nodes()) {
          List<Ir.Node> results = n.leaves().isEmpty() ? List.of(n) : n.leaves();
          for (int k = 0; k < results.size(); k++) {
            before[i++] = gates.stream().mapToInt(Integer::intValue).toArray();
          }
          if (n.kind() == Ir.NodeKind.GATE) {
            gates.add(i - 1);
          }
        }
      }
      gatesBefore.add(before);
    }
  }

  /** The view of customer {@code c} (dataset index): every node traced. */
  public CustomerView explain(int c) {
    return explain(c, null, false);
  }

  /**
   * The view of customer {@code c} (dataset index) in the areas {@code areaIds} only (all when
   * null): explaining interprets each area again, so a caller that needs a few areas asks for them.
   */
  public CustomerView explain(int c, java.util.Set<String> areaIds) {
    return explain(c, areaIds, false);
  }

  /**
   * The view of customer {@code c} where only the nodes not met are evaluated again and traced:
   * their reasons and details, and the reasons of the nodes their gates stopped, are those of
   * {@link #explain(int)}; a met node has its outcome, value and words but no details. Much faster,
   * for a page per customer that shows no details of met nodes.
   */
  public CustomerView explainNotMet(int c) {
    return explain(c, null, true);
  }

  private CustomerView explain(int c, java.util.Set<String> areaIds, boolean notMetOnly) {
    int m = outcome.asOf;
    boolean noTenant = data.tenantStart(c) == data.tenantEnd(c);
    List<CustomerView.Area> areas = new ArrayList<>();
    twins.start();
    for (int ai = 0; ai < outcome.areas.size(); ai++) {
      Outcome.AreaOutcome a = outcome.areas.get(ai);
      if (areaIds != null && !areaIds.contains(a.area.id())) {
        continue;
      }
      NodeResults r = new NodeResults(a.nodes.size(), a.partnerNodes.size());
      recorder.start(c, m);
      boolean[] twinned = new boolean[a.nodes.size()];
      if (notMetOnly) {
        fromOutcome(a, ai, c, m, noTenant, r, twinned);
      } else {
        interpreters.get(ai).evaluate(c, m, r);
      }
      List<CustomerView.Node> nodes = new ArrayList<>();
      for (int i = 0; i < a.nodes.size(); i++) {
        Ir.Node n = a.nodes.get(i);
        if (r.status[i] != a.status(c, i)
            || (r.status[i] != NodeResults.NOT_EVALUATED && r.value[i] != a.value(c, i))) {
          throw new IllegalStateException(
              "the explanation of customer '"
                  + data.customerId(c)
                  + "' disagrees with the run at "
                  + a.area.id()
                  + " "
                  + n.id()
                  + ": "
                  + NodeResults.statusName(r.status[i])
                  + " "
                  + Texts.plain(r.value[i], n.scale())
                  + " against "
                  + NodeResults.statusName(a.status(c, i))
                  + " "
                  + Texts.plain(a.value(c, i), n.scale()));
        }
        CustomerView.Node view;
        if (twinned[i]) {
          CustomerView.Node t = twins.twinOf(ai, i, c);
          view =
              new CustomerView.Node(
                  n.id(),
                  kind(n),
                  n.title(),
                  n.criteria(),
                  t.status(),
                  t.value(),
                  t.current(),
                  t.why(),
                  t.detailsBy(),
                  t.details(),
                  t.detailsLeftOut());
          recorder.reasons.put(n, twins.twinReason(ai, i));
        } else {
          view = node(n, r, i, recorder.traces.get(n), c, m, interpreters.get(ai));
        }
        if (notMetOnly && r.status[i] == NodeResults.NOT_MET) {
          twins.explained(ai, i, view, recorder.reasons.get(n));
        }
        nodes.add(view);
      }
      areas.add(new CustomerView.Area(a.area.id(), a.area.heading(), nodes));
    }
    return new CustomerView(
        data.partnerId(c), data.customerId(c), data.customerName(c), Formats.month(m), areas);
  }

  /**
   * Fills {@code r} with the run's outcome of customer {@code c} in area {@code a}, evaluating and
   * tracing again only its nodes not met (none when it has no tenant, as every reason then says),
   * but those whose twin gave their explanation ({@link ExplainedTwins}): {@code twinned}.
   */
  private void fromOutcome(
      Outcome.AreaOutcome a,
      int ai,
      int c,
      int m,
      boolean noTenant,
      NodeResults r,
      boolean[] twinned) {
    for (int i = 0; i < a.nodes.size(); i++) {
      Ir.Node n = a.nodes.get(i);
      byte status = a.status(c, i);
      if (status == NodeResults.NOT_MET && !noTenant) {
        twinned[i] = twins.twinOf(ai, i, c) != null;
        if (!twinned[i]) {
          interpreters.get(ai).evaluateOne(i, c, m, r);
          continue;
        }
      }
      r.status[i] = status;
      r.value[i] = a.value(c, i);
      r.current[i] = a.current(c, i);
      r.baseline[i] = a.baseline(c, i);
      NodeTrace t = new NodeTrace(n, data, c);
      if (status == NodeResults.NOT_EVALUATED) {
        for (int g : gatesBefore.get(ai)[i]) {
          if (a.status(c, g) != NodeResults.MET) {
            t.stoppedBy = a.nodes.get(g);
            break;
          }
        }
      }
      recorder.traces.put(n, t);
    }
  }

  // ================================================================ the view of one node

  private CustomerView.Node node(
      Ir.Node n, NodeResults r, int i, NodeTrace t, int c, int m, Interpreter interpreter) {
    byte status = r.status[i];
    String detailsBy =
        n.details().isEmpty() ? null : n.details().get(0).name().toLowerCase(Locale.ROOT);
    if (status == NodeResults.NOT_EVALUATED) {
      String why =
          "not evaluated: gate '"
              + t.stoppedBy.title()
              + "' was not met ("
              + recorder.reasons.get(t.stoppedBy)
              + ")";
      return new CustomerView.Node(
          n.id(),
          kind(n),
          n.title(),
          n.criteria(),
          "not_evaluated",
          null,
          "",
          why,
          detailsBy,
          List.of(),
          0);
    }
    String current =
        n.isNet() && n.valueKind() != Ir.ValueKind.COUNT
            ? Formats.growth(n.valueKind(), n.unit(), r.current[i], r.baseline[i], n.scale())
            : n.isNet()
                ? "net "
                    + Formats.value(n.valueKind(), n.unit(), r.value[i], n.scale())
                    + " ("
                    + Formats.number(r.current[i], n.scale())
                    + " as of "
                    + Formats.month(m)
                    + ", "
                    + Formats.number(r.baseline[i], n.scale())
                    + " as of "
                    + Formats.month(m - 12)
                    + ")"
                : Formats.value(n.valueKind(), n.unit(), r.value[i], n.scale());
    String reason = reason(n, t, r, i, c, m);
    recorder.reasons.put(n, reason);
    String why = null;
    String growth = growthWords(n);
    String atLeast =
        AtLeastWords.of(atLeasts.computeIfAbsent(n.met(), AtLeastWords::find), recorder.lastHeld);
    String scored =
        AtLeastWords.of(atLeasts.computeIfAbsent(n.value(), AtLeastWords::find), recorder.lastHeld);
    if (scored != null) {
      atLeast = atLeast == null ? scored : scored + "; " + atLeast;
    }
    if (atLeast != null) {
      growth = growth == null ? atLeast : growth + "; " + atLeast;
    }
    String parts =
        PartWords.of(
            n.met(),
            new PartWords.Heard(
                recorder.lastHeld, recorder.lastValue, data, c, n.valueKind(), n.unit()));
    if (parts != null) {
      growth = growth == null ? parts : growth + "; " + parts;
    }
    if (growth != null) {
      reason = reason + "; " + growth;
    }
    if (status == NodeResults.NOT_MET) {
      String needed =
          words.computeIfAbsent(n.met(), x -> Words.needed(n.met(), n.valueKind(), n.unit()));
      why =
          reason
              + (needed == null
                  ? ""
                  : "; needed: "
                      + (!n.isNet()
                          ? ""
                          : n.valueKind() == Ir.ValueKind.COUNT ? "a net of " : "growth of ")
                      + needed);
    }
    if (why == null && growth != null) {
      // a growth shows both sides and the ratio, an 'at least' which conditions held, met or not
      why = growth;
    }
    List<Interpreter.Counted> counted = interpreter.countedAssociations(i, c, m);
    if (counted != null) {
      AssociationRows.checkCount(
          counted, data, n.isNet() ? r.current[i] : r.value[i], data.customerId(c), n.id());
    }
    Details details =
        counted != null && !counted.isEmpty() ? associationRows(counted, detailsBy) : details(n, t);
    return new CustomerView.Node(
        n.id(),
        kind(n),
        n.title(),
        n.criteria(),
        NodeResults.statusName(status),
        Texts.plain(r.value[i], n.scale()),
        current,
        why,
        counted != null && !counted.isEmpty() && detailsBy == null ? "workload" : detailsBy,
        details.rows(),
        details.leftOut());
  }

  /** A node's details rows and how many were left out. */
  private record Details(List<CustomerView.Detail> rows, int leftOut) {}

  private Details associationRows(List<Interpreter.Counted> counted, String detailsBy) {
    AssociationRows.Rows rows = AssociationRows.of(counted, data, detailsBy);
    return new Details(rows.shown(), rows.leftOut());
  }

  /**
   * Each relative growth of the node's condition as evaluated, in words: {@code growth: $1,180.00
   * against a baseline of $1,000.00, ratio 1.18 (18% more)}, or what the criteria state for a
   * baseline of 0; null when the condition has none (or it was not evaluated).
   */
  private String growthWords(Ir.Node n) {
    List<String> parts = new ArrayList<>();
    List<Ir.Growth> found =
        growths.computeIfAbsent(
            n.met(),
            met -> {
              List<Ir.Growth> all = new ArrayList<>();
              collectGrowths(met, all);
              return List.copyOf(all);
            });
    for (Ir.Growth g : found) {
      Long current = recorder.lastValue.value(g.current());
      Long baseline = recorder.lastValue.value(g.baseline());
      if (current == null || baseline == null) {
        continue;
      }
      Ir.ValueKind kind = g.current() instanceof Ir.NodeValue ? n.valueKind() : Ir.ValueKind.NUMBER;
      String sides =
          "growth: "
              + Formats.value(kind, n.unit(), current, g.current().scale())
              + " against a baseline of "
              + Formats.value(kind, n.unit(), baseline, g.baseline().scale());
      if (baseline <= 0) {
        parts.add(
            sides
                + ", no ratio: for a baseline of 0 or less the criteria say "
                + (g.whenZero() ? "met" : "not met"));
        continue;
      }
      int scale = g.sidesScale();
      java.math.BigDecimal ratio =
          java.math.BigDecimal.valueOf(current, g.current().scale())
              .setScale(scale)
              .divide(
                  java.math.BigDecimal.valueOf(baseline, g.baseline().scale()).setScale(scale),
                  4,
                  java.math.RoundingMode.HALF_EVEN);
      java.math.BigDecimal percent =
          ratio.subtract(java.math.BigDecimal.ONE).movePointRight(2).stripTrailingZeros();
      parts.add(
          sides
              + ", ratio "
              + ratio.stripTrailingZeros().toPlainString()
              + " ("
              + (percent.signum() >= 0
                  ? percent.toPlainString() + "% more"
                  : percent.negate().toPlainString() + "% less")
              + ")");
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private static void collectGrowths(Ir.Expr e, List<Ir.Growth> out) {
    if (e == null) {
      return;
    }
    if (e instanceof Ir.Growth g) {
      out.add(g);
    }
    for (Ir.Expr child : e.children()) {
      collectGrowths(child, out);
    }
  }

  private static final String[] KINDS =
      java.util.Arrays.stream(Ir.NodeKind.values())
          .map(k -> k.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  static String kind(Ir.Node n) {
    return KINDS[n.kind().ordinal()];
  }

  /** The deciding facts of an evaluated node in words (the part before "needed"). */
  private String reason(Ir.Node n, NodeTrace t, NodeResults r, int i, int c, int m) {
    Ir.Expr top = t.top;
    if (data.tenantStart(c) == data.tenantEnd(c)) {
      return "the customer has no tenant";
    }
    if (top instanceof Ir.Count count) {
      String noun = nouns.computeIfAbsent(count, k -> Words.noun(k.binders()));
      boolean types = count.binders().get(0) instanceof Ir.ForType;
      String what =
          count.where() == null
              ? null
              : words.computeIfAbsent(
                  count.where(),
                  w -> Words.condition(count.where(), m, typeBinder(count.binders())));
      long now = n.isNet() ? r.current[i] : r.value[i];
      StringBuilder s = new StringBuilder();
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
          .append(" qualified as of ")
          .append(Formats.month(m));
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
      }
      return s.toString();
    }
    if (top instanceof Ir.Sum sum) {
      Words.Amount amount = new Words.Amount(n.valueKind(), n.unit());
      String name = Words.amountName(sum, Words.ownName(n.valueKind(), n.unit()));
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
      String name = Words.reduceName(reduce, Words.ownName(n.valueKind(), n.unit()));
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
  private static String period(Ir.Expr sum, int m) {
    for (Ir.Binder b : Words.bindersOf(sum)) {
      if (b instanceof Ir.ForMonth f) {
        String months = Words.range(f.range(), m);
        if (months != null) {
          return " in " + months;
        }
      }
    }
    if (sum instanceof Ir.Sum s && Words.bindersOf(s.body()).size() > 0) {
      return period(s.body(), m);
    }
    if (sum instanceof Ir.Reduce r && Words.bindersOf(r.body()).size() > 0) {
      return period(r.body(), m);
    }
    return " in " + Formats.month(m);
  }

  private Details details(Ir.Node n, NodeTrace t) {
    List<CustomerView.Detail> rows = new ArrayList<>();
    if (t.detailVar == null) {
      return new Details(rows, 0);
    }
    TreeMap<String, Integer> keys = new TreeMap<>(Texts.CODE_POINT_ORDER);
    for (int side = 0; side < 2; side++) {
      Fact[] facts = t.facts[side];
      for (int k = 0; k < facts.length; k++) {
        if (facts[k] != null) {
          keys.put(label(t.detailVar, t.base + k), t.base + k);
        }
      }
    }
    int leftOut = 0;
    for (Map.Entry<String, Integer> e : keys.entrySet()) {
      String now = cell(n, t, 0, e.getValue());
      String then = n.isNet() ? cell(n, t, 1, e.getValue()) : null;
      if (now != null || then != null) {
        if (rows.size() == MAX_DETAILS) {
          leftOut++;
          continue;
        }
        rows.add(
            new CustomerView.Detail(
                e.getKey(), now == null ? "—" : now, n.isNet() && then == null ? "—" : then));
      }
    }
    return new Details(rows, leftOut);
  }

  /** What a tenant or workload had on one side, or null when nothing worth showing. */
  private String cell(Ir.Node n, NodeTrace t, int side, int key) {
    Fact f = t.facts[side][key - t.base];
    if (f == null) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    if (t.top instanceof Ir.Count count && f.bindings > 0) {
      String q =
          f.held == 0
              ? "not qualified"
              : f.bindings == 1
                  ? "qualified"
                  : f.held + " of " + f.bindings + counted(count, t.detailVar) + " qualified";
      parts.add(f.held > 0 && f.first != null ? f.first.text(q + " with ") : q);
    }
    if (t.top instanceof Ir.Sum && f.hasAmount) {
      parts.add(Formats.value(n.valueKind(), n.unit(), f.amount, n.scale()));
    }
    if (f.held == 0 && f.peak != null) {
      parts.add(f.peak.text("highest "));
    }
    if (f.found != null) {
      parts.add(f.found);
    }
    boolean interesting =
        f.held > 0
            || (f.hasAmount && f.amount != 0)
            || (f.peak != null && f.peak.value() > 0)
            || f.found != null;
    return interesting ? String.join("; ", parts) : null;
  }

  /**
   * What a row's "1 of 3 qualified" counts: the count's other binders than the row's ({@code
   * tenants} in a row per workload of a count of tenant workloads), or nothing when none is left.
   */
  private String counted(Ir.Count count, Ir.Var row) {
    List<Ir.Binder> others = new ArrayList<>();
    for (Ir.Binder b : count.binders()) {
      if (!b.var().equals(row)) {
        others.add(b);
      }
    }
    return others.isEmpty() ? "" : " " + Words.noun(others) + "s";
  }

  private String label(Ir.Var v, int value) {
    switch (v.dim()) {
      case TENANT:
        return data.tenantId(value);
      case WORKLOAD:
        return data.workloadName(value);
      case TYPE:
        return data.typeName(value);
      default:
        return Formats.month(value);
    }
  }
}
