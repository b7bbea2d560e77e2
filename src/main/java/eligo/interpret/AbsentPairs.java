package eligo.interpret;

import eligo.data.Dataset;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bindings of a {@code count} whose tenant and workload pair the data lack, for the interpreter
 * that explains ({@link Interpreter#explaining}): a count visits every binding (its words say "1 of
 * 4 tenants qualified"), most of them pairs the data lack, and where the condition reads nothing
 * but that pair's measures and associations, constants and what is made of them, every such binding
 * tells the listener the same numbers and conditions, in the same order, and counts the same. The
 * first is evaluated (by an evaluation of its own that tells a {@link Script}), the others are told
 * that script again, without evaluating.
 *
 * <p>Why the script is the same for every binding of a missing pair: the condition's numbers and
 * conditions are evaluated in an order fixed by the values of its conditions; a measure of a pair
 * the data lack is 0 in every month and an association of it holds in none; a constant is itself.
 * So every value told is the same, and so is the path through {@code and}, {@code or} and {@code
 * if}. A script that tells anything else (a rate, an attribute, a month comparison, another pair's
 * measure, a binder) is not kept, and such a count's bindings are all evaluated. Keeps its scripts
 * (they depend on the IR only); one instance per interpreter, so per thread.
 */
final class AbsentPairs {
  private final Dataset data;
  private final Lookups lookups;
  private final Interpreter.Listener listener;

  /** What a condition tells of a missing pair, per count; {@link #NONE} when not kept. */
  private final Map<Ir.Count, Script> scripts = new IdentityHashMap<>();

  /** No script: the count's bindings are all evaluated. */
  private static final Script NONE = new Script(new Ir.Expr[0], new long[0], new boolean[0], false);

  AbsentPairs(Dataset data, Lookups lookups, Interpreter.Listener listener) {
    this.data = data;
    this.lookups = lookups;
    this.listener = listener;
  }

  /**
   * What evaluating a condition under a binding of a missing pair tells, in order: each expression,
   * its value (1 or 0 for a condition) and whether it is a condition; and whether the condition
   * held.
   */
  private record Script(Ir.Expr[] told, long[] values, boolean[] conditions, boolean held) {
    /** Tells {@code listener} the script under binding {@code b}. */
    void tell(Interpreter.Listener listener, Ctx b) {
      for (int k = 0; k < told.length; k++) {
        if (conditions[k]) {
          listener.condition(told[k], b, values[k] != 0);
        } else {
          listener.number(told[k], b, values[k]);
        }
      }
    }
  }

  /**
   * The visitor of the bindings of count {@code n}: {@code count}'s, but that a binding of a
   * missing pair is told its script; {@code count} itself when none applies.
   */
  Evaluation.BindingVisitor around(Ir.Count n, Numbers.Total count) {
    Ir.Var[] pair = pairOf(n);
    return pair == null ? count : new Replaying(this, n, count, pair[0], pair[1]);
  }

  /** The tenant and workload variables the count binds, or null when it binds not both. */
  private static Ir.Var[] pairOf(Ir.Count n) {
    if (n.where() == null) {
      return null;
    }
    Ir.Var tenant = null;
    Ir.Var workload = null;
    for (Ir.Binder b : n.binders()) {
      if (b instanceof Ir.ForTenant && tenant == null) {
        tenant = b.var();
      } else if (b instanceof Ir.ForWorkload && workload == null) {
        workload = b.var();
      }
    }
    return tenant == null || workload == null ? null : new Ir.Var[] {tenant, workload};
  }

  /** A count's visitor that tells the bindings of missing pairs their script. */
  private static final class Replaying implements Evaluation.BindingVisitor {
    private final AbsentPairs pairs;
    private final Ir.Count count;
    private final Numbers.Total total;
    private final Ir.Var tenant;
    private final Ir.Var workload;

    /** The script of the count's missing pairs, once asked for. */
    private Script script;

    Replaying(
        AbsentPairs pairs, Ir.Count count, Numbers.Total total, Ir.Var tenant, Ir.Var workload) {
      this.pairs = pairs;
      this.count = count;
      this.total = total;
      this.tenant = tenant;
      this.workload = workload;
    }

    @Override
    public boolean visit(Ctx b) {
      if (b.pair(pairs.data, b.lookup(tenant), b.lookup(workload)) >= 0) {
        return total.visit(b);
      }
      Script s = script;
      if (s == null) {
        s = pairs.scriptOf(count, tenant, workload, b);
        script = s;
      }
      if (s == NONE) {
        return total.visit(b);
      }
      s.tell(pairs.listener, b);
      if (s.held) {
        total.total = Math.addExact(total.total, 1);
      }
      return true;
    }
  }

  /**
   * The script of {@code count}'s condition under binding {@code b} of a missing pair, made the
   * first time; {@link #NONE} when it may differ from one such binding to another.
   */
  private Script scriptOf(Ir.Count count, Ir.Var tenant, Ir.Var workload, Ctx b) {
    Script s = scripts.get(count);
    if (s != null) {
      return s;
    }
    Recording heard = new Recording(tenant, workload);
    boolean held;
    try {
      held = new Evaluation(data, lookups, heard).bool(count.where(), b);
    } catch (RuntimeException e) {
      held = false;
      heard.same = false; // evaluated again by the caller, which fails the same way
    }
    s =
        heard.same
            ? new Script(
                heard.told.toArray(new Ir.Expr[0]),
                heard.values.stream().mapToLong(Long::longValue).toArray(),
                heard.conditions(),
                held)
            : NONE;
    scripts.put(count, s);
    return s;
  }

  /**
   * Hears an evaluation for a {@link Script}: whether it told only what is the same under every
   * binding of a missing pair ({@link #same}).
   */
  private static final class Recording implements Interpreter.Listener {
    private final Ir.Var tenant;
    private final Ir.Var workload;
    final List<Ir.Expr> told = new ArrayList<>();
    final List<Long> values = new ArrayList<>();
    private final List<Boolean> conditions = new ArrayList<>();
    boolean same = true;

    Recording(Ir.Var tenant, Ir.Var workload) {
      this.tenant = tenant;
      this.workload = workload;
    }

    @Override
    public void number(Ir.Expr e, Interpreter.Scope scope, long value) {
      heard(e, value, false);
    }

    @Override
    public void condition(Ir.Expr e, Interpreter.Scope scope, boolean holds) {
      heard(e, holds ? 1 : 0, true);
    }

    private void heard(Ir.Expr e, long value, boolean condition) {
      told.add(e);
      values.add(value);
      conditions.add(condition);
      same &= fixed(e);
    }

    boolean[] conditions() {
      boolean[] out = new boolean[conditions.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = conditions.get(k);
      }
      return out;
    }

    /** Whether {@code e}'s value is the same under every binding of the missing pair. */
    private boolean fixed(Ir.Expr e) {
      if (e instanceof Ir.MeasureAt m) {
        return ofPair(m.tenant(), m.workload());
      }
      if (e instanceof Ir.Associated a) {
        return ofPair(a.tenant(), a.workload());
      }
      // made of values told before it, in the order the evaluation fixes
      return e instanceof Ir.Const
          || e instanceof Ir.Compare
          || e instanceof Ir.And
          || e instanceof Ir.Or
          || e instanceof Ir.Not
          || e instanceof Ir.If
          || e instanceof Ir.Arith
          || e instanceof Ir.Neg;
    }

    private boolean ofPair(Ir.Var t, Ir.Var w) {
      return t.id() == tenant.id() && w.id() == workload.id();
    }

    @Override
    public void skipped(Ir.Node node, Ir.Node gate) {}

    @Override
    public void evaluating(Ir.Node node) {}
  }
}
