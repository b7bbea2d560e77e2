package eligo.report;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.interpret.Interpreter;
import eligo.io.Texts;
import eligo.ir.Ir;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The view of one node of a customer that the {@link Explainer} traced: its outcome, value, current
 * status and why in words, and its details rows. Keeps the words that depend only on the criteria,
 * the as-of month and the catalogs, which the explainers one thread makes for the partners of a run
 * share ({@link #over}). Not thread-safe.
 */
final class NodeWords {
  private final Dataset data;
  private final TraceRecorder recorder;

  /**
   * The deciding facts in words. A count's why says what qualifies ({@code (qualifying: ...)}) but
   * on a site's customer pages: it is the same for every customer, so a site says it once, under
   * the node's tree on the summary.
   */
  private final ReasonWords reasons;

  /**
   * Words that depend only on a part of the criteria and the as-of month, kept: the same for every
   * customer.
   */
  private final Map<Object, String> words;

  /** Per condition or value, its {@code at least} and points conditions. */
  private final Map<Ir.Expr, AtLeastWords.Found> atLeasts;

  /** Per condition, its relative growths in words. */
  private final GrowthWords growths;

  /**
   * Per node, its view for the last customer whose gate {@code gate} stopped it for reason {@code
   * reason}: it depends on nothing else.
   */
  private record Stopped(Ir.Node gate, String reason, CustomerView.Node view) {}

  /**
   * Per node, its view for a customer of its status, value ({@code current} and {@code baseline}
   * for a net) and reason as of {@code asOf}, when it has no details rows and no words of what was
   * heard: it depends on nothing else.
   */
  private record Plain(String reason, CustomerView.Node view) {}

  /** What is kept of each node across customers: one look-up per node and customer. */
  private static final class Kept {
    Stopped stopped;

    /**
     * On a site's page, its view when stopped, by the gate that stopped it ({@link
     * #stoppedOnSite}).
     */
    final Map<Ir.Node, CustomerView.Node> stoppedOnSite = new IdentityHashMap<>(4);

    /** On a site's page, the why of the nodes this gate stopped ({@link #stoppedOnSite}). */
    String whyOfStopped;

    /** The plain views made, by their status, values and as-of month ({@link #plainKey}). */
    final ByValues<Plain> plain = new ByValues<>();

    /** The current values in words, by the values and the as-of month. */
    final ByValues<String> current = new ByValues<>();

    /**
     * The reasons that depend on the values only ({@link ReasonWords#ofValuesOnly}), by the values,
     * the as-of month and whether the customer has a tenant.
     */
    final ByValues<String> reasons = new ByValues<>();

    /** The last reason made otherwise, so that an equal one is the same string. */
    String lastReason;

    /** The why of a node not met made last with no words of what was heard, and its reason. */
    String whyReason;

    String why;

    /** {@link #hearsNothing}, once worked out. */
    Boolean hearsNothing;
  }

  private final Map<Ir.Node, Kept> kept;

  /**
   * Per area, what is kept of each node by result index: looked up once per area of a customer
   * ({@link #startArea}) rather than once per node.
   */
  private final Map<Ir.Area, Kept[]> keptByArea;

  /**
   * What is kept of each node of the area being explained, by result index ({@link #startArea}).
   */
  private Kept[] areaKept = new Kept[0];

  private Ir.Area area;

  /**
   * The why of the nodes stopped by gate {@code stopGate} for reason {@code stopReason} (that very
   * string), made last: the same for every node a gate stops.
   */
  private Ir.Node stopGate;

  private String stopReason;
  private String stopWhy;

  /** The status and the as-of month in one key of {@link Kept#plain}. */
  private static long plainKey(byte status, int asOf) {
    return ((long) status << 32) | (asOf & 0xFFFFFFFFL);
  }

  private Kept kept(Ir.Node n) {
    Kept k = kept.get(n);
    if (k == null) {
      k = new Kept();
      kept.put(n, k);
    }
    return k;
  }

  /** The details rows of {@link #data}'s associations made so far (not shared: by its indexes). */
  private final AssociationRows.Kept associationRows = new AssociationRows.Kept();

  /** The rank of each workload of the catalog in the order of their names ({@link NodeDetails}). */
  private final int[] workloadRanks;

  /** Words for the customers of {@code data}, told by {@code recorder}; see {@link ReasonWords}. */
  NodeWords(Dataset data, TraceRecorder recorder, boolean qualifying) {
    this(
        data,
        recorder,
        new ReasonWords(data, qualifying),
        new IdentityHashMap<>(),
        new IdentityHashMap<>(),
        new GrowthWords(),
        new IdentityHashMap<>(),
        new IdentityHashMap<>(),
        NodeDetails.workloadRanks(data));
  }

  private NodeWords(
      Dataset data,
      TraceRecorder recorder,
      ReasonWords reasons,
      Map<Object, String> words,
      Map<Ir.Expr, AtLeastWords.Found> atLeasts,
      GrowthWords growths,
      Map<Ir.Node, Kept> kept,
      Map<Ir.Area, Kept[]> keptByArea,
      int[] workloadRanks) {
    this.data = data;
    this.recorder = recorder;
    this.reasons = reasons;
    this.words = words;
    this.atLeasts = atLeasts;
    this.growths = growths;
    this.kept = kept;
    this.keptByArea = keptByArea;
    this.workloadRanks = workloadRanks;
  }

  /**
   * The same words for the customers of {@code other}, a dataset that {@linkplain
   * Dataset#sharesCatalogs shares the catalogs} of this one, explained as of the same month and
   * told by {@code recorder}: what depends only on the criteria, the month and the catalogs is
   * kept.
   */
  NodeWords over(Dataset other, TraceRecorder recorder) {
    return new NodeWords(
        other,
        recorder,
        reasons.over(other),
        words,
        atLeasts,
        growths,
        kept,
        keptByArea,
        workloadRanks);
  }

  /** Starts on area {@code a}: {@link #node} is asked of its result nodes, by result index. */
  void startArea(Ir.Area a) {
    if (a != area) {
      Kept[] k = keptByArea.get(a);
      if (k == null) {
        k = new Kept[a.resultNodes().size()];
        keptByArea.put(a, k);
      }
      area = a;
      areaKept = k;
    }
  }

  /**
   * The view of node {@code n} ({@code k} kept of it) that gate {@code gate} stopped, on a site's
   * page ({@link Explainer#forSite}): its why leaves out the gate's reason, which the gate's own
   * row gives above it, so the view is the same for every customer that gate stopped, made once per
   * node and gate, its why once per gate (the page keeps its rows by the identity of their texts:
   * {@link KeptRows}).
   */
  private CustomerView.Node stoppedOnSite(Ir.Node n, Kept k, Ir.Node gate, String detailsBy) {
    CustomerView.Node view = k.stoppedOnSite.get(gate);
    if (view == null) {
      Kept g = kept(gate);
      if (g.whyOfStopped == null) {
        g.whyOfStopped = ReasonWords.stopped(gate);
      }
      view = notEvaluated(n, g.whyOfStopped, detailsBy);
      k.stoppedOnSite.put(gate, view);
    }
    return view;
  }

  /** The view of node {@code n} not evaluated, for {@code why}. */
  private static CustomerView.Node notEvaluated(Ir.Node n, String why, String detailsBy) {
    return new CustomerView.Node(
        n.id(),
        Explainer.kind(n),
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

  /** Whether a count's why says what qualifies. */
  boolean qualifying() {
    return reasons.qualifying();
  }

  /**
   * The view of node {@code n} (result index {@code i} of the area started) of customer {@code c}
   * as of {@code m}, from its outcome {@code r} and trace {@code t}; {@code interpreter} finds the
   * associations a count of them counted. Notes the node's reason in the recorder, for the nodes
   * its gate stops.
   */
  CustomerView.Node node(
      Ir.Node n, NodeResults r, int i, NodeTrace t, int c, int m, Interpreter interpreter) {
    byte status = r.status[i];
    Kept k = areaKept[i];
    if (k == null) {
      k = kept(n);
      areaKept[i] = k;
    }
    String detailsBy = n.details().isEmpty() ? null : DETAILS_BY[n.details().get(0).ordinal()];
    if (status == NodeResults.NOT_EVALUATED) {
      if (!qualifying()) {
        return stoppedOnSite(n, k, t.stoppedBy, detailsBy);
      }
      // most nodes of most customers: the same view as the last customer's when their gate and its
      // reason are the same
      String gateReason = t.stoppedAt < 0 ? null : recorder.reasons[t.stoppedAt];
      Stopped last = k.stopped;
      if (last != null && last.gate == t.stoppedBy && Objects.equals(last.reason, gateReason)) {
        return last.view;
      }
      String why = stopWhy;
      if (t.stoppedBy != stopGate || gateReason != stopReason) {
        why = ReasonWords.stopped(t.stoppedBy, gateReason);
        stopGate = t.stoppedBy;
        stopReason = gateReason;
        stopWhy = why;
      }
      CustomerView.Node view = notEvaluated(n, why, detailsBy);
      k.stopped = new Stopped(t.stoppedBy, gateReason, view);
      return view;
    }
    // the reason of a met node is in no why: neither its own nor that of a node its gate stops
    String reason = status == NodeResults.MET ? null : reason(n, k, t, r, i, c, m);
    recorder.reasons[i] = reason;
    String growth = heard(n, k, c);
    List<Interpreter.Counted> counted = interpreter.countedAssociations(i, c, m);
    if (counted != null) {
      AssociationRows.checkCount(
          counted, data, n.isNet() ? r.current[i] : r.value[i], data.customerId(c), n.id());
    }
    boolean associations = counted != null && !counted.isEmpty();
    NodeDetails.Rows details =
        associations
            ? NodeDetails.associations(counted, data, detailsBy, associationRows)
            : NodeDetails.of(n, t, data, workloadRanks);
    // a node with no details rows and no words of what was heard (a met node taken from the
    // outcome, mostly) has the view of a customer before with the same outcome and reason
    boolean plain = growth == null && !associations && details.rows().isEmpty();
    if (plain) {
      Plain last = k.plain.get(r.value[i], r.current[i], r.baseline[i], plainKey(status, m));
      if (last != null && Objects.equals(last.reason, reason)) {
        return last.view;
      }
    }
    String current = k.current.get(r.value[i], r.current[i], r.baseline[i], m);
    if (current == null) {
      current = current(n, r, i, m);
      k.current.put(r.value[i], r.current[i], r.baseline[i], m, current);
    }
    String why = null;
    if (status == NodeResults.NOT_MET && growth == null && reason == k.whyReason) {
      why = k.why;
    } else if (status == NodeResults.NOT_MET) {
      String needed = words.get(n.met());
      if (needed == null && !words.containsKey(n.met())) {
        needed = Words.needed(n.met(), n.valueKind(), n.unit());
        words.put(n.met(), needed);
      }
      why = ReasonWords.why(reason, growth, needed, n);
      if (growth == null) {
        k.whyReason = reason;
        k.why = why;
      }
    }
    if (why == null && growth != null) {
      // a growth shows both sides and the ratio, an 'at least' which conditions held, met or not
      why = growth;
    }
    CustomerView.Node view =
        new CustomerView.Node(
            n.id(),
            Explainer.kind(n),
            n.title(),
            n.criteria(),
            NodeResults.statusName(status),
            Texts.plain(r.value[i], n.scale()),
            current,
            why,
            associations && detailsBy == null ? "workload" : detailsBy,
            details.rows(),
            details.leftOut());
    if (plain) {
      k.plain.put(
          r.value[i], r.current[i], r.baseline[i], plainKey(status, m), new Plain(reason, view));
    }
    return view;
  }

  /**
   * The reason of node {@code n} not met or not evaluated: kept by its values where it depends on
   * nothing else, and the same string as the last one made otherwise when equal to it (a gate's
   * reason is compared for each node it stops).
   */
  private String reason(Ir.Node n, Kept k, NodeTrace t, NodeResults r, int i, int c, int m) {
    if (reasons.ofValuesOnly(n, t, r, i)) {
      // and whether the customer has no tenant, or none with the association its count requires
      long month =
          ((long) (data.tenantStart(c) == data.tenantEnd(c) ? 1 : 0) << 32)
              | ((long) (reasons.noAssociationOfTypes(n, t, r, i, c) ? 1 : 0) << 33)
              | (m & 0xFFFFFFFFL);
      String reason = k.reasons.get(r.value[i], r.current[i], r.baseline[i], month);
      if (reason == null) {
        reason = reasons.of(n, t, r, i, c, m);
        k.reasons.put(r.value[i], r.current[i], r.baseline[i], month, reason);
      }
      return reason;
    }
    String reason = reasons.of(n, t, r, i, c, m);
    if (reason.equals(k.lastReason)) {
      return k.lastReason;
    }
    k.lastReason = reason;
    return reason;
  }

  /** The value of node {@code n} for people ({@link CustomerView.Node#current}). */
  private static String current(Ir.Node n, NodeResults r, int i, int m) {
    return n.isNet() && n.valueKind() != Ir.ValueKind.COUNT
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
  }

  /**
   * What the evaluation of node {@code n} of customer {@code c} found, as heard ({@link
   * TraceRecorder#lastValue}, {@link TraceRecorder#lastHeld}), in words: its growths, its 'at
   * least' and points, the parts of its condition; null when none.
   */
  private String heard(Ir.Node n, Kept k, int c) {
    Boolean nothing = k.hearsNothing;
    if (nothing == null) {
      nothing = hearsNothing(n);
      k.hearsNothing = nothing;
    }
    if (nothing) {
      return null;
    }
    String growth = growths.of(n, recorder.lastValue);
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
    return growth;
  }

  /** {@link #hearsNothing}, kept per node. */
  boolean readsNothingHeard(Ir.Node n) {
    Kept k = kept(n);
    if (k.hearsNothing == null) {
      k.hearsNothing = hearsNothing(n);
    }
    return k.hearsNothing;
  }

  /**
   * Whether node {@code n} has nothing {@link #heard} puts in words, whatever was heard: no growth
   * or 'at least' in its condition, no 'at least' or points in its value, and a condition that
   * joins no parts.
   */
  private boolean hearsNothing(Ir.Node n) {
    AtLeastWords.Found met = atLeasts.computeIfAbsent(n.met(), AtLeastWords::find);
    AtLeastWords.Found value = atLeasts.computeIfAbsent(n.value(), AtLeastWords::find);
    return !growths.any(n)
        && met.atLeast().isEmpty()
        && met.points().isEmpty()
        && value.atLeast().isEmpty()
        && value.points().isEmpty()
        && !PartWords.joins(n.met());
  }

  /** Per kind of details, its name in a view: {@code tenant}, {@code workload}. */
  private static final String[] DETAILS_BY =
      java.util.Arrays.stream(Ir.Detail.values())
          .map(d -> d.name().toLowerCase(Locale.ROOT))
          .toArray(String[]::new);
}
