package eligo.report;

import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.interpret.Interpreter;
import eligo.io.Texts;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
  private final Outcome outcome;
  private final Dataset data;
  private final List<Interpreter> interpreters = new ArrayList<>();
  private final TraceRecorder recorder;

  /** The nodes whose explanation an earlier node of the customer gave ({@link #explainNotMet}). */
  private final ExplainedTwins twins;

  /** Per area, the outcome of the customer being explained, kept for the next. */
  private final NodeResults[] results;

  /** Per area, per result index: whether its twin gave its view ({@link #fromOutcome}). */
  private final boolean[][] twinned;

  /**
   * Per area, per result index: whether its outcome was copied from the run rather than evaluated
   * again ({@link #fromOutcome}), so that it needs no comparison with the run.
   */
  private final boolean[][] copied;

  /** Per area, per result index: the result indexes of the gates before it in its branch. */
  private final List<int[][]> gatesBefore;

  /**
   * Per area, per result index: the trace of the node taken from the outcome, not stopped ({@link
   * #fromOutcome}), and the last one stopped (with its gate); they depend on the criteria only.
   */
  private final List<NodeTrace[]> plainTraces;

  private final List<NodeTrace[]> stoppedTraces;

  /**
   * Per area, per result index: whether the node's view, when not met and its count found nothing,
   * is that of its outcome alone ({@link QuietCounts}); it depends on the criteria only.
   */
  private final List<boolean[]> quiet;

  /**
   * Per area, per result index: the measure of a count of it above 0 ({@link
   * QuietCounts#aboveZero}), whose view, when not met and its count found nothing, is that of its
   * outcome alone for a customer without a negative amount of it; null for other nodes.
   */
  private final List<Measure[]> quietAtZero;

  /** Whether a customer has negative amounts of a measure, for {@link #quietAtZero}. */
  private final Credits credits;

  /**
   * Per area, per result index: whether the node's words read nothing heard ({@link
   * NodeWords#readsNothingHeard}), so that its view when met is made of its outcome, the customer
   * and its words alone, and a twin met with the same values gives it ({@link
   * ExplainedTwins#metTwinOf}).
   */
  private final List<boolean[]> silent;

  /**
   * The view of each node evaluated, in words, keeping what depends only on the criteria, the as-of
   * month and the catalogs.
   */
  private final NodeWords nodeWords;

  public Explainer(Outcome outcome) {
    this(outcome, true, null);
  }

  /**
   * An explainer for a site's customer pages: the why leaves out what qualifies, which the tree
   * page of the node says once for every customer, and the why of a node a gate stopped leaves out
   * the gate's reason, which the gate's own row on the page gives.
   */
  public static Explainer forSite(Outcome outcome) {
    return new Explainer(outcome, false, null);
  }

  /**
   * {@link #forSite}, keeping what {@code earlier} (an explainer for a site, of the same thread, or
   * null) worked out from the criteria, the as-of month and the catalogs where {@code outcome} has
   * the same of each (the outcome of another partner's customers of the same run): its words,
   * masks, rates and trace shapes. A site per partner makes an explainer for each partner, and
   * working these out again was 1 CPU-s of 25 for 3,000 partners.
   */
  public static Explainer forSite(Outcome outcome, Explainer earlier) {
    boolean same =
        earlier != null
            && !earlier.nodeWords.qualifying()
            && earlier.outcome.asOf == outcome.asOf
            && earlier.data.sharesCatalogs(outcome.data)
            && earlier.outcome.areas.size() == outcome.areas.size();
    for (int ai = 0; same && ai < outcome.areas.size(); ai++) {
      same = earlier.outcome.areas.get(ai).area == outcome.areas.get(ai).area;
    }
    return new Explainer(outcome, false, same ? earlier : null);
  }

  private Explainer(Outcome outcome, boolean qualifying, Explainer earlier) {
    this.outcome = outcome;
    this.data = outcome.data;
    this.recorder = earlier == null ? new TraceRecorder(data) : earlier.recorder.over(data);
    this.nodeWords =
        earlier == null
            ? new NodeWords(data, recorder, qualifying)
            : earlier.nodeWords.over(data, recorder);
    this.twins = new ExplainedTwins(outcome.areas);
    this.credits = new Credits(data);
    this.results = new NodeResults[outcome.areas.size()];
    this.twinned = new boolean[outcome.areas.size()][];
    this.copied = new boolean[outcome.areas.size()][];
    for (int ai = 0; ai < results.length; ai++) {
      Outcome.AreaOutcome a = outcome.areas.get(ai);
      results[ai] = new NodeResults(a.nodes.size(), a.partnerNodes.size());
      twinned[ai] = new boolean[a.nodes.size()];
      copied[ai] = new boolean[a.nodes.size()];
    }
    if (earlier != null) {
      this.gatesBefore = earlier.gatesBefore;
      this.plainTraces = earlier.plainTraces;
      this.stoppedTraces = earlier.stoppedTraces;
      this.quiet = earlier.quiet;
      this.quietAtZero = earlier.quietAtZero;
      this.silent = earlier.silent;
      for (int ai = 0; ai < outcome.areas.size(); ai++) {
        interpreters.add(
            Interpreter.explaining(
                outcome.areas.get(ai).area, data, recorder, earlier.interpreters.get(ai)));
      }
      return;
    }
    this.gatesBefore = new ArrayList<>();
    this.plainTraces = new ArrayList<>();
    this.stoppedTraces = new ArrayList<>();
    this.quiet = new ArrayList<>();
    this.quietAtZero = new ArrayList<>();
    this.silent = new ArrayList<>();
    for (Outcome.AreaOutcome a : outcome.areas) {
      plainTraces.add(new NodeTrace[a.nodes.size()]);
      stoppedTraces.add(new NodeTrace[a.nodes.size()]);
      interpreters.add(Interpreter.explaining(a.area, data, recorder));
      for (Ir.Node n : a.nodes) {
        recorder.noteBands(n.value());
        recorder.noteBands(n.met());
        recorder.noteReads(n);
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
      boolean[] quietNodes = new boolean[a.nodes.size()];
      Measure[] atZero = new Measure[a.nodes.size()];
      boolean[] silentNodes = new boolean[a.nodes.size()];
      boolean hearsNothing = true;
      for (int k = 0; k < silentNodes.length; k++) {
        silentNodes[k] = nodeWords.readsNothingHeard(a.nodes.get(k));
        hearsNothing &= silentNodes[k];
      }
      silent.add(silentNodes);
      for (int k = 0; hearsNothing && k < quietNodes.length; k++) {
        Ir.Node n = a.nodes.get(k);
        quietNodes[k] = QuietCounts.quietWhenNone(n);
        atZero[k] = QuietCounts.aboveZero(n);
      }
      quiet.add(quietNodes);
      quietAtZero.add(atZero);
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
    List<CustomerView.Area> areas = new ArrayList<>(outcome.areas.size());
    twins.start();
    for (int ai = 0; ai < outcome.areas.size(); ai++) {
      Outcome.AreaOutcome a = outcome.areas.get(ai);
      if (areaIds != null && !areaIds.contains(a.area.id())) {
        continue;
      }
      // every node's outcome is written again below, and every node's twinned
      NodeResults r = results[ai];
      recorder.start(c, m, a.area, a.nodes.size());
      nodeWords.startArea(a.area);
      boolean[] twinned = this.twinned[ai];
      java.util.Arrays.fill(twinned, false);
      boolean[] copied = this.copied[ai];
      Interpreter interpreter = interpreters.get(ai);
      boolean[] silent = this.silent.get(ai);
      if (notMetOnly) {
        fromOutcome(a, ai, c, m, noTenant, r, twinned, copied);
      } else {
        java.util.Arrays.fill(copied, false);
        interpreter.evaluate(c, m, r);
      }
      // an array made a list once (List.of copies it; the view's List.copyOf then keeps that list)
      CustomerView.Node[] nodes = new CustomerView.Node[a.nodes.size()];
      for (int i = 0; i < a.nodes.size(); i++) {
        Ir.Node n = a.nodes.get(i);
        // an outcome copied from the run is the run's: only those evaluated again are compared
        if (!copied[i]
            && (r.status[i] != a.status(c, i)
                || (r.status[i] != NodeResults.NOT_EVALUATED && r.value[i] != a.value(c, i)))) {
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
        // a node met whose words read nothing heard has the view of its twin met with the same
        // values (the associations it counted are the same: its value is the same)
        boolean metSilent = notMetOnly && r.status[i] == NodeResults.MET && silent[i];
        CustomerView.Node metTwin = metSilent ? twins.metTwinOf(ai, i, c) : null;
        if (twinned[i]) {
          view = renamed(n, twins.twinOf(ai, i, c));
          recorder.reasons[i] = twins.twinReason(ai, i);
        } else if (metTwin != null) {
          view = renamed(n, metTwin);
          recorder.reasons[i] = null; // as NodeWords notes of a node met
        } else {
          view = nodeWords.node(n, r, i, recorder.traces[i], c, m, interpreter);
        }
        if (notMetOnly && (r.status[i] == NodeResults.NOT_MET || metSilent)) {
          twins.explained(ai, i, view, recorder.reasons[i]);
        }
        nodes[i] = view;
      }
      areas.add(new CustomerView.Area(a.area.id(), a.area.heading(), List.of(nodes)));
    }
    return new CustomerView(
        data.partnerId(c), data.customerId(c), data.customerName(c), Formats.month(m), areas);
  }

  /**
   * Fills {@code r} with the run's outcome of customer {@code c} in area {@code a}, evaluating and
   * tracing again only its nodes not met (none when it has no tenant, as every reason then says),
   * but those whose twin gave their explanation ({@link ExplainedTwins}): {@code twinned}; and
   * those whose count found nothing where that alone is their explanation ({@link QuietCounts}).
   * Notes in {@code copied} which nodes' outcomes were copied from the run.
   */
  private void fromOutcome(
      Outcome.AreaOutcome a,
      int ai,
      int c,
      int m,
      boolean noTenant,
      NodeResults r,
      boolean[] twinned,
      boolean[] copied) {
    Interpreter interpreter = interpreters.get(ai);
    int[][] gatesBefore = this.gatesBefore.get(ai);
    NodeTrace[] stopped = stoppedTraces.get(ai);
    NodeTrace[] plain = plainTraces.get(ai);
    for (int i = 0; i < a.nodes.size(); i++) {
      Ir.Node n = a.nodes.get(i);
      byte status = a.status(c, i);
      if (status == NodeResults.NOT_MET && !noTenant) {
        twinned[i] = twins.twinOf(ai, i, c) != null;
        if (!twinned[i] && !quietNone(a, ai, n, c, i)) {
          copied[i] = false;
          interpreter.evaluateOne(i, c, m, r);
          continue;
        }
      }
      copied[i] = true;
      r.status[i] = status;
      r.value[i] = a.value(c, i);
      r.current[i] = a.current(c, i);
      r.baseline[i] = a.baseline(c, i);
      // the trace of a node taken from the outcome tells nothing of the customer: one per node,
      // or per node and gate when stopped (nothing writes to it after)
      int gate = -1;
      if (status == NodeResults.NOT_EVALUATED) {
        for (int g : gatesBefore[i]) {
          if (a.status(c, g) != NodeResults.MET) {
            gate = g;
            break;
          }
        }
      }
      NodeTrace[] kept = status == NodeResults.NOT_EVALUATED ? stopped : plain;
      NodeTrace t = kept[i];
      if (t == null || t.stoppedAt != gate) {
        t = new NodeTrace(recorder.shapes.of(n));
        t.stoppedBy = gate < 0 ? null : a.nodes.get(gate);
        t.stoppedAt = gate;
        kept[i] = t;
      }
      recorder.traces[i] = t;
    }
  }

  /** The view {@code t} of a twin of node {@code n}, under the names of {@code n}. */
  private static CustomerView.Node renamed(Ir.Node n, CustomerView.Node t) {
    return new CustomerView.Node(
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
  }

  /**
   * Whether the count of node {@code n} (result index {@code i} of area {@code ai}) found nothing
   * for {@code c} where that alone is its explanation ({@link QuietCounts}).
   */
  private boolean quietNone(Outcome.AreaOutcome a, int ai, Ir.Node n, int c, int i) {
    if (!countedNone(a, n, c, i)) {
      return false;
    }
    Measure m = quietAtZero.get(ai)[i];
    return quiet.get(ai)[i] || (m != null && credits.noNegative(c, m));
  }

  /** Whether the count of node {@code n} (result index {@code i}) found nothing for {@code c}. */
  private static boolean countedNone(Outcome.AreaOutcome a, Ir.Node n, int c, int i) {
    return n.value() instanceof Ir.Net
        ? a.current(c, i) == 0 && a.baseline(c, i) == 0
        : a.value(c, i) == 0;
  }

  private static final String[] KINDS =
      java.util.Arrays.stream(Ir.NodeKind.values())
          .map(k -> k.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);

  static String kind(Ir.Node n) {
    return KINDS[n.kind().ordinal()];
  }
}
