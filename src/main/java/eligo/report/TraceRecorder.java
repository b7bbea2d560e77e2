package eligo.report;

import eligo.data.Dataset;
import eligo.data.Month;
import eligo.interpret.Interpreter;
import eligo.ir.Ir;
import eligo.report.NodeTrace.Closest;
import eligo.report.NodeTrace.Fact;
import eligo.report.NodeTrace.Peak;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens to the interpreter's evaluation of one customer for the {@link Explainer}: a {@link
 * NodeTrace} per result node (what each tenant or workload counted, summed and compared, the
 * closest failing comparison), each gate's reason for the nodes it stops, and every expression's
 * last value and outcome (for what the parts of 'and', 'or', 'at least' and points found). One
 * instance per explainer, so per thread.
 */
final class TraceRecorder implements Interpreter.Listener {
  private final Dataset data;

  TraceRecorder(Dataset data) {
    this(data, new BandBounds(), new NodeTrace.Shapes(), new WordReads(), new IdentityHashMap<>());
  }

  private TraceRecorder(
      Dataset data,
      BandBounds bandBounds,
      NodeTrace.Shapes shapes,
      WordReads reads,
      Map<Ir.Area, Map<Ir.Node, Integer>> indexes) {
    this.data = data;
    this.bandBounds = bandBounds;
    this.shapes = shapes;
    this.reads = reads;
    this.indexes = indexes;
  }

  /**
   * A recorder for the customers of {@code other}, a dataset that {@linkplain
   * Dataset#sharesCatalogs shares the catalogs} of this one: the bands noted and the shapes of the
   * nodes kept (they depend on the criteria only), nothing of a customer.
   */
  TraceRecorder over(Dataset other) {
    return new TraceRecorder(other, bandBounds, shapes, reads, indexes);
  }

  /** Per result index of the area being explained ({@link #start}), its trace. */
  NodeTrace[] traces = new NodeTrace[0];

  /**
   * Per result index of the area being explained, the reason of the node when evaluated and not
   * met: a gate's, for the nodes it stops.
   */
  String[] reasons = new String[0];

  /** Per area, the result index of each of its result nodes (they depend on the criteria only). */
  private final Map<Ir.Area, Map<Ir.Node, Integer>> indexes;

  /** The area being explained, and the result indexes of its nodes once asked for. */
  private Ir.Area area;

  private Map<Ir.Node, Integer> index;

  final LastValues lastValue = new LastValues();

  /** Each condition's last outcome, for what an 'at least' found. */
  final LastValues lastHeld = new LastValues();

  /** The comparisons that are bounds of a band ({@link BandBounds}). */
  private final BandBounds bandBounds;

  /** Notes the bands of {@code e} ({@link BandBounds#note}). */
  void noteBands(Ir.Expr e) {
    bandBounds.note(e);
  }

  /** Per node, what its traces have in common. */
  final NodeTrace.Shapes shapes;

  /** What the words of the nodes read of what is heard ({@link WordReads}). */
  private final WordReads reads;

  /** Notes what the words of node {@code n} read, and what its evaluation tells in binders. */
  void noteReads(Ir.Node n) {
    reads.note(n);
  }

  /**
   * Whether the explaining interpreter must tell every binding of {@code sum}, even those the data
   * lack (whose term is 0): when it holds a comparison with a constant (its peaks and closest miss
   * are recorded) or an expression whose last value the words read. Else what it would tell of them
   * changes nothing recorded: a term of 0, associations that do not hold.
   */
  @Override
  public boolean hearsEveryBinding(Ir.Sum sum) {
    return reads.hearsEvery(sum);
  }

  /** Whether the last value or outcome of {@code e}, told in scope {@code s}, may be read. */
  private boolean read(Ir.Expr e, Interpreter.Scope s) {
    return !s.bindsAny() || (reads.anyReadInBinders && reads.readInBinders.contains(e));
  }

  /**
   * The last two numbers told: when a comparison with a constant is told, the one before the last
   * is its left side ({@link Interpreter.Listener}: the left side, the right, then the comparison).
   */
  private long lastNumber;

  private long numberBefore;

  private NodeTrace current;
  private int asOf;
  private int customer;

  /**
   * Starts on area {@code a} (of {@code nodes} result nodes) of customer {@code c} as of {@code m}:
   * nothing heard yet.
   */
  void start(int c, int m, Ir.Area a, int nodes) {
    customer = c;
    if (traces.length < nodes) {
      traces = new NodeTrace[nodes];
      reasons = new String[nodes];
    } else {
      java.util.Arrays.fill(traces, null);
      java.util.Arrays.fill(reasons, null);
    }
    if (area != a) {
      area = a;
      index = null;
      areaTraces = null;
    }
    lastValue.clear();
    lastHeld.clear();
    current = null;
    asOf = m;
  }

  @Override
  public void evaluating(Ir.Node node) {
    int i = indexOf(node);
    if (areaTraces == null) {
      areaTraces = evaluated.get(area);
      if (areaTraces == null) {
        areaTraces = new NodeTrace[area.resultNodes().size()];
        evaluated.put(area, areaTraces);
      }
    }
    NodeTrace t = areaTraces[i];
    current =
        t == null ? new NodeTrace(shapes.of(node), data, customer) : t.restart(data, customer);
    areaTraces[i] = current;
    traces[i] = current;
  }

  /**
   * Per area, per result index: the trace of the node's last evaluation, restarted for its next
   * ({@link NodeTrace#restart}): the explainer makes a node's view of its trace before the next
   * area is started, and nothing keeps a trace after.
   */
  private final Map<Ir.Area, NodeTrace[]> evaluated = new IdentityHashMap<>();

  /** Those of the area being explained, once asked for. */
  private NodeTrace[] areaTraces;

  @Override
  public void skipped(Ir.Node node, Ir.Node gate) {
    NodeTrace t = new NodeTrace(shapes.of(node), data, customer);
    t.stoppedBy = gate;
    t.stoppedAt = indexOf(gate);
    traces[indexOf(node)] = t;
  }

  /** The result index of node {@code n} of the area being explained. */
  private int indexOf(Ir.Node n) {
    if (index == null) {
      index = indexes.get(area);
      if (index == null) {
        index = new IdentityHashMap<>();
        List<Ir.Node> nodes = area.resultNodes();
        for (int i = 0; i < nodes.size(); i++) {
          index.put(nodes.get(i), i);
        }
        indexes.put(area, index);
      }
    }
    Integer i = index.get(n);
    if (i == null) {
      throw new IllegalStateException("node " + n.id() + " is not of area " + area.id());
    }
    return i;
  }

  private int side(Interpreter.Scope s) {
    return s.asOf() == asOf ? 0 : s.asOf() == asOf - 12 ? 1 : -1;
  }

  private Fact fact(Interpreter.Scope s, int side) {
    if (current.detailVar == null) {
      return null;
    }
    int value = s.valueOr(current.detailVar, Integer.MIN_VALUE);
    if (value == Integer.MIN_VALUE) {
      return null;
    }
    return current.fact(side, value - current.base);
  }

  @Override
  public void number(Ir.Expr e, Interpreter.Scope s, long value) {
    numberBefore = lastNumber;
    lastNumber = value;
    if (read(e, s)) {
      lastValue.put(e, value);
    }
    if (current == null || e != current.sumBody) {
      return;
    }
    // a term of the sum of the node being evaluated
    int side = side(s);
    summed(side < 0 ? null : fact(s, side), value);
  }

  /** Adds the term {@code value} to fact {@code f} (null: none) of the node being evaluated. */
  private void summed(Fact f, long value) {
    if (f != null && current.detailVarOnTop) {
      f.hasAmount = true;
      f.amount = Math.addExact(f.amount, value);
    }
  }

  /**
   * As the listener does by default, but that inside a binder where no value is noted for the words
   * (most of all), only the entries that may record anything in the trace are heard ({@link
   * ToldPlan}, made once per run and node).
   */
  @Override
  public void told(Ir.Expr[] exprs, long[] values, boolean[] conditions, Interpreter.Scope s) {
    ToldPlan plan = null;
    if (current != null && s.bindsAny() && !reads.anyReadInBinders) {
      plan = toldPlan;
      if (plan == null || !plan.isFor(exprs, current)) {
        plan = new ToldPlan(exprs, values, conditions, current);
        toldPlan = plan;
      }
    }
    if (plan == null || !plan.whole) {
      for (int k = 0; k < exprs.length; k++) {
        if (conditions[k]) {
          condition(exprs[k], s, values[k] != 0);
        } else {
          number(exprs[k], s, values[k]);
        }
      }
      return;
    }
    // one scope: its side and fact are found once for all the entries (none outside both sides)
    int side = plan.entries.length == 0 ? -1 : side(s);
    if (side >= 0) {
      Fact f = fact(s, side);
      for (int j = 0; j < plan.entries.length; j++) {
        int k = plan.entries[j];
        if (conditions[k]) {
          recorded(
              exprs[k],
              s,
              values[k] != 0,
              plan.before[j],
              plan.isCountWhere[j],
              plan.isCompare[j],
              side,
              f);
        } else {
          summed(f, values[k]);
        }
      }
    }
    if (plan.numbers == 2) {
      numberBefore = plan.numberBefore;
      lastNumber = plan.lastNumber;
    } else if (plan.numbers == 1) {
      numberBefore = lastNumber;
      lastNumber = plan.lastNumber;
    }
  }

  /** The plan of the last run told ({@link #told}). */
  private ToldPlan toldPlan;

  /** Whether {@code e} compares an amount (not the node's value) with a constant. */
  static boolean comparesWithAConstant(Ir.Expr e) {
    return e instanceof Ir.Compare k
        && k.right() instanceof Ir.Const
        && !(k.left() instanceof Ir.NodeValue);
  }

  @Override
  public void condition(Ir.Expr e, Interpreter.Scope s, boolean holds) {
    if (read(e, s)) {
      lastHeld.put(e, holds);
    }
    if (current == null) {
      return;
    }
    heard(e, s, holds, numberBefore);
  }

  /**
   * Records what condition {@code e}, told in scope {@code s}, adds to the trace of the node being
   * evaluated: {@code left} is the number told before the last (a comparison's left side).
   */
  private void heard(Ir.Expr e, Interpreter.Scope s, boolean holds, long left) {
    boolean countWhere = e == current.countWhere;
    boolean compare = comparesWithAConstant(e);
    boolean association = e instanceof Ir.Associated && holds && !current.detailVarOnTop;
    if (!countWhere && !compare && !association) {
      return;
    }
    int side = side(s);
    if (side < 0) {
      return;
    }
    recorded(e, s, holds, left, countWhere, compare, side, fact(s, side));
  }

  /**
   * What {@code e} records, known to record as the count's condition ({@code countWhere}) or as a
   * comparison with a constant ({@code compare}), the side of {@code s} ({@code side}, 0 or 1) and
   * its fact ({@code f}, or null) known.
   */
  private void recorded(
      Ir.Expr e,
      Interpreter.Scope s,
      boolean holds,
      long left,
      boolean countWhere,
      boolean compare,
      int side,
      Fact f) {
    if (countWhere) {
      if (f != null && current.detailVarOnTop) {
        f.bindings++;
        f.held += holds ? 1 : 0;
      }
    }
    if (compare) {
      Ir.Compare k = (Ir.Compare) e; // its right side, a constant, was told last
      if (f != null && (f.peak == null || left > f.peak.value())) {
        f.peak = new Peak(k, left, monthOf(s));
      }
      if (f != null && holds && f.first == null) {
        f.first = new Peak(k, left, monthOf(s));
      }
      boolean up = k.op().isLowerBound();
      boolean down = k.op().isUpperBound();
      Closest best = current.closest;
      // a miss of a lower bound at nothing (a pair without that amount this month) says nothing
      // of how close the customer came: a miss of an upper bound, above the band, is closer
      if (side == 0
          && !holds
          && (up || down)
          && (best == null
              || (best.higherIsCloser() == up
                  ? up ? left > best.value() : left < best.value()
                  : best.higherIsCloser() && best.value() == 0 && left != 0))) {
        List<Ir.Var> vars = s.bound();
        int[] values = new int[vars.size()];
        for (int v = 0; v < values.length; v++) {
          values[v] = s.valueOf(vars.get(v));
        }
        current.closest =
            new Closest(k, left, monthOf(s), s.asOf(), up, bandBounds.contains(k), vars, values);
      }
    } else if (e instanceof Ir.Associated
        && holds
        && f != null
        && !current.detailVarOnTop
        && f.found == null) {
      f.found = scopeText(s, current.detailVar);
    }
  }

  /**
   * {@code PAL association of tenant T1 active in 2025-01}: what an association test found, without
   * {@code except}.
   */
  private String scopeText(Interpreter.Scope s, Ir.Var except) {
    String type = "";
    String tenant = "";
    String workload = "";
    String month = "";
    for (Ir.Var v : s.bound()) {
      if (v.equals(except)) {
        continue;
      }
      int x = s.valueOf(v);
      switch (v.dim()) {
        case TENANT:
          tenant = " of tenant " + data.tenantId(x);
          break;
        case WORKLOAD:
          workload = " on " + data.workloadName(x);
          break;
        case TYPE:
          type = data.typeName(x) + " ";
          break;
        default:
          month = " active in " + Formats.month(x);
      }
    }
    return type + "association" + tenant + workload + month;
  }

  /** The innermost bound month, or {@link Month#NONE}. */
  private int monthOf(Interpreter.Scope s) {
    return s.innermostOf(Ir.Dim.MONTH, Month.NONE);
  }
}
