package eligo.report;

import eligo.ir.Ir;

/**
 * What {@link TraceRecorder} must do of a run of numbers and conditions told under one scope
 * ({@link eligo.interpret.Interpreter.Listener#told}: what a count's binding of a pair the data
 * lack tells, the same for every such binding) for the node being traced: the entries that may
 * record anything in its trace (its count's condition, a comparison with a constant, an association
 * that held where the details variable is not the count's own, its sum's body), each comparison's
 * left side (the number told before its constant), and the last two numbers told. Made once per run
 * and node shape, so that each binding does only what records something. For a scope inside a
 * binder, where no value or outcome is noted for the words ({@link TraceRecorder}: none is read
 * there).
 */
final class ToldPlan {
  /** The run and what of the node's trace it was made for (identities). */
  final Ir.Expr[] exprs;

  private final Ir.Expr countWhere;
  private final Ir.Expr sumBody;
  private final boolean detailVarOnTop;

  /**
   * Whether every comparison that records has its two sides told before it in the run (always, as a
   * comparison is told after its sides); else the run is heard entry by entry.
   */
  final boolean whole;

  /** The entries that may record anything, in order. */
  final int[] entries;

  /** Per entry of {@link #entries}, the number told before it (a comparison's left side). */
  final long[] before;

  /**
   * Per entry of {@link #entries} that is a condition, what it records ({@link
   * TraceRecorder#recorded}): the count's condition, a comparison with a constant (else an
   * association that held where the details variable is not the count's own); found once here, not
   * per binding.
   */
  final boolean[] isCountWhere;

  final boolean[] isCompare;

  /** How many numbers the run tells (at most 2 counted), and its last two. */
  final int numbers;

  final long lastNumber;
  final long numberBefore;

  ToldPlan(Ir.Expr[] exprs, long[] values, boolean[] conditions, NodeTrace t) {
    this.exprs = exprs;
    this.countWhere = t.countWhere;
    this.sumBody = t.sumBody;
    this.detailVarOnTop = t.detailVarOnTop;
    boolean sides = true;
    int[] found = new int[exprs.length];
    long[] lefts = new long[exprs.length];
    int n = 0;
    int told = 0;
    long last = 0;
    long previous = 0;
    for (int k = 0; k < exprs.length; k++) {
      Ir.Expr e = exprs[k];
      boolean records;
      if (conditions[k]) {
        records =
            e == t.countWhere
                || TraceRecorder.comparesWithAConstant(e)
                || (e instanceof Ir.Associated && values[k] != 0 && !t.detailVarOnTop);
      } else {
        records = e == t.sumBody;
      }
      if (records) {
        sides &= told == 2 || !TraceRecorder.comparesWithAConstant(e);
        found[n] = k;
        lefts[n] = previous;
        n++;
      }
      if (!conditions[k]) {
        previous = last;
        last = values[k];
        told = Math.min(2, told + 1);
      }
    }
    this.entries = java.util.Arrays.copyOf(found, n);
    this.before = java.util.Arrays.copyOf(lefts, n);
    this.isCountWhere = new boolean[n];
    this.isCompare = new boolean[n];
    for (int j = 0; j < n; j++) {
      Ir.Expr e = exprs[entries[j]];
      if (conditions[entries[j]]) {
        isCountWhere[j] = e == t.countWhere;
        isCompare[j] = TraceRecorder.comparesWithAConstant(e);
      }
    }
    this.numbers = told;
    this.whole = sides;
    this.lastNumber = last;
    this.numberBefore = previous;
  }

  /** Whether this plan is that of run {@code exprs} for trace {@code t}. */
  boolean isFor(Ir.Expr[] exprs, NodeTrace t) {
    return this.exprs == exprs
        && countWhere == t.countWhere
        && sumBody == t.sumBody
        && detailVarOnTop == t.detailVarOnTop;
  }
}
