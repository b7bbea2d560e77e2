package eligo.report;

import eligo.data.Dataset;
import eligo.data.Month;
import eligo.ir.Ir;
import java.util.List;

/**
 * What the explainer recorded of one result node's evaluation for one customer: per side (at M, at
 * M-12) and per tenant or workload of the node's details, what was counted, summed and compared
 * ({@link Fact}); the failing comparison that came closest to its threshold ({@link Closest}); the
 * gate that stopped it. Filled by {@link TraceRecorder}, read by {@link Explainer}.
 */
final class NodeTrace {
  /**
   * A comparison with a threshold that failed, closest to passing; {@code band}: it is a bound of a
   * band ({@code within > 10 and <= 300}), so the amount is below or above the band. Kept as told
   * (the variables bound, innermost first, and their values): a closer one replaces it often, so
   * its words are made when read.
   */
  record Closest(
      Ir.Compare compare,
      long value,
      int month,
      int asOf,
      boolean higherIsCloser,
      boolean band,
      List<Ir.Var> vars,
      int[] values) {
    /** The tenants and workloads bound: {@code tenant T000017 on Azure SQL Database}. */
    String where(Dataset data) {
      StringBuilder out = new StringBuilder();
      for (int k = vars.size() - 1; k >= 0; k--) {
        if (vars.get(k).dim() == Ir.Dim.TENANT) {
          out.append(out.length() == 0 ? "" : " ")
              .append("tenant ")
              .append(data.tenantId(values[k]));
        }
      }
      for (int k = vars.size() - 1; k >= 0; k--) {
        if (vars.get(k).dim() == Ir.Dim.WORKLOAD) {
          out.append(out.length() == 0 ? "" : " on ").append(data.workloadName(values[k]));
        }
      }
      return out.length() == 0 ? "the customer" : out.toString();
    }

    String amount() {
      return Words.amount(compare).format(value, compare.left().scale());
    }

    String when() {
      return month == Month.NONE ? " as of " + Formats.month(asOf) : " in " + Formats.month(month);
    }

    String needed() {
      Ir.Const c = (Ir.Const) compare.right();
      return Words.comparison(compare.op())
          + " "
          + Words.amount(compare).format(c.unscaled(), c.scale());
    }
  }

  /**
   * An amount compared with a threshold, in a month (or {@link Month#NONE} when no month was
   * bound).
   */
  record Peak(Ir.Compare compare, long value, int month) {
    String text(String before) {
      return appendTo(new StringBuilder(before.length() + 32).append(before)).toString();
    }

    /** Appends the amount and its month to {@code out}: {@code $1,200.00 in 2026-08}. */
    StringBuilder appendTo(StringBuilder out) {
      out.append(Words.amount(compare).format(value, compare.left().scale()));
      return month == Month.NONE ? out : out.append(" in ").append(Formats.month(month));
    }
  }

  /** What one tenant or workload had on one side. */
  static final class Fact {
    /** The evaluation it was made or made again for ({@link NodeTrace#restart}). */
    int evaluation;

    int bindings;
    int held;
    boolean hasAmount;
    long amount;

    /** The largest amount compared with a threshold. */
    Peak peak;

    /** The first amount that passed its threshold. */
    Peak first;

    String found;
  }

  /** The outermost count or sum of the value (inside the net), or another expression. */
  final Ir.Expr top;

  /** The body of {@link #top} when a sum, the condition when a count; else null. */
  final Ir.Expr sumBody;

  final Ir.Expr countWhere;

  final Ir.Var detailVar;
  final boolean detailVarOnTop;

  /**
   * What a details row's "1 of 3 qualified" counts when {@link #top} is a count ({@link
   * NodeDetails#counted}: {@code " tenants"}, or nothing); else null.
   */
  final String counted;

  /**
   * Per side (0: at M, 1: at M-12), per detail key (a tenant or workload index) less {@link #base}:
   * the customer's tenants, or every workload; a fact of an evaluation before ({@link #restart}) is
   * none ({@link #factAt}).
   */
  private Fact[][] facts;

  int base;

  /** The evaluation traced: a fact of another is none ({@link #restart}). */
  private int evaluation;

  /** The keys (less {@link #base}) with a fact on either side, in the order first told. */
  int[] keys = NO_KEYS;

  int keyCount;

  private static final int[] NO_KEYS = {};

  /** The fact of key {@code k} (less {@link #base}) on {@code side}, made when first asked. */
  Fact fact(int side, int k) {
    Fact f = facts[side][k];
    if (f == null || f.evaluation != evaluation) {
      if (factAt(1 - side, k) == null) {
        if (keyCount == keys.length) {
          keys = java.util.Arrays.copyOf(keys, Math.max(4, 2 * keyCount));
        }
        keys[keyCount++] = k;
      }
      if (f == null) {
        f = new Fact();
        facts[side][k] = f;
      } else {
        // a fact of an evaluation before, made again
        f.bindings = 0;
        f.held = 0;
        f.hasAmount = false;
        f.amount = 0;
        f.peak = null;
        f.first = null;
        f.found = null;
      }
      f.evaluation = evaluation;
    }
    return f;
  }

  /** The fact of key {@code k} (less {@link #base}) on {@code side}; null when none was made. */
  Fact factAt(int side, int k) {
    Fact f = facts[side][k];
    return f == null || f.evaluation != evaluation ? null : f;
  }

  /** The failing threshold comparison at M that came closest to passing. */
  Closest closest;

  /** The gate that stopped the node, and its result index; null and -1 when none. */
  Ir.Node stoppedBy;

  int stoppedAt = -1;

  NodeTrace(Shape shape, Dataset data, int customer) {
    this.top = shape.top;
    this.sumBody = top instanceof Ir.Sum sum ? sum.body() : null;
    this.countWhere = top instanceof Ir.Count count ? count.where() : null;
    this.detailVar = shape.detailVar;
    this.detailVarOnTop = shape.detailVarOnTop;
    this.counted = shape.counted;
    this.facts = NO_FACTS;
    restart(data, customer);
  }

  /**
   * This trace emptied for an evaluation of its node for customer {@code customer} of {@code data}:
   * nothing recorded, its facts (and the room for them) kept to be made again. A recorder traces
   * each node of an area with one trace, customer after customer ({@link
   * TraceRecorder#evaluating}): making room for every workload's facts on each side was most of
   * what a trace allocated.
   */
  NodeTrace restart(Dataset data, int customer) {
    int size;
    if (detailVar != null && detailVar.dim() == Ir.Dim.TENANT) {
      base = data.tenantStart(customer);
      size = data.tenantEnd(customer) - base;
    } else {
      base = 0;
      size = detailVar != null ? data.workloadCount() : 0;
    }
    if (facts[0].length < size) {
      facts = new Fact[][] {new Fact[size], new Fact[size]};
    }
    evaluation++;
    keyCount = 0;
    closest = null;
    stoppedBy = null;
    stoppedAt = -1;
    return this;
  }

  /**
   * The trace of a node whose outcome the run gave, not evaluated again ({@link
   * Explainer#explainNotMet}): nothing counted, summed or compared, so no facts to make room for.
   */
  NodeTrace(Shape shape) {
    this.top = shape.top;
    this.sumBody = null; // nothing is told of it
    this.countWhere = null;
    this.detailVar = shape.detailVar;
    this.detailVarOnTop = shape.detailVarOnTop;
    this.counted = shape.counted;
    this.base = 0;
    this.facts = NO_FACTS;
  }

  private static final Fact[][] NO_FACTS = {new Fact[0], new Fact[0]};

  /**
   * What a node's traces have in common whatever the customer: the expression counted or summed,
   * and the variable of its details rows. Made once per node ({@link Shapes}).
   */
  record Shape(Ir.Expr top, Ir.Var detailVar, boolean detailVarOnTop, String counted) {
    static Shape of(Ir.Node node) {
      Ir.Expr body = node.value() instanceof Ir.Net net ? net.body() : node.value();
      Ir.Dim dim =
          node.details().isEmpty()
              ? null
              : node.details().get(0) == Ir.Detail.TENANT ? Ir.Dim.TENANT : Ir.Dim.WORKLOAD;
      Ir.Var found = null;
      boolean onTop = false;
      if (dim != null) {
        for (Ir.Binder b : Words.bindersOf(body)) {
          if (b.var().dim() == dim) {
            found = b.var();
            onTop = true;
            break;
          }
        }
        if (found == null) {
          found = firstVar(body, dim);
        }
      }
      return new Shape(
          body,
          found,
          onTop,
          body instanceof Ir.Count count && found != null
              ? NodeDetails.counted(count, found)
              : null);
    }
  }

  /** The shapes of the nodes met so far, by identity. Not thread-safe. */
  static final class Shapes {
    private final java.util.IdentityHashMap<Ir.Node, Shape> shapes =
        new java.util.IdentityHashMap<>();

    Shape of(Ir.Node node) {
      return shapes.computeIfAbsent(node, Shape::of);
    }
  }

  private static Ir.Var firstVar(Ir.Expr e, Ir.Dim dim) {
    if (e == null) {
      return null;
    }
    for (Ir.Binder b : Words.bindersOf(e)) {
      if (b.var().dim() == dim) {
        return b.var();
      }
    }
    for (Ir.Expr child : e.children()) {
      Ir.Var v = firstVar(child, dim);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
