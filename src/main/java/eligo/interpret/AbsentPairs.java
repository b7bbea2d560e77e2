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
  private final Evaluation evaluation;
  private final Dataset data;
  private final Lookups lookups;
  private final Interpreter.Listener listener;

  /**
   * What a condition tells of a missing pair, per count; {@link #NONE} when not kept. Shared with
   * the instances made from this one, of the same thread ({@link #AbsentPairs(Evaluation, Dataset,
   * Lookups, Interpreter.Listener, AbsentPairs)}).
   */
  private final Map<Ir.Count, Script> scripts;

  /** No script: the count's bindings are all evaluated. */
  private static final Script NONE = new Script(new Ir.Expr[0], new long[0], new boolean[0], false);

  AbsentPairs(Evaluation evaluation, Dataset data, Lookups lookups, Interpreter.Listener listener) {
    this(evaluation, data, lookups, listener, null);
  }

  /**
   * The same, keeping the scripts of {@code earlier} (when not null; an instance of the same
   * thread): they depend on the IR only, and an explaining interpreter is made per area for each
   * partner of a site per partner.
   */
  AbsentPairs(
      Evaluation evaluation,
      Dataset data,
      Lookups lookups,
      Interpreter.Listener listener,
      AbsentPairs earlier) {
    this.evaluation = evaluation;
    this.data = data;
    this.lookups = lookups;
    this.listener = listener;
    this.scripts = earlier == null ? new IdentityHashMap<>() : earlier.scripts;
  }

  /**
   * What evaluating a condition under a binding of a missing pair tells, in order: each expression,
   * its value (1 or 0 for a condition) and whether it is a condition; and whether the condition
   * held.
   */
  private record Script(Ir.Expr[] told, long[] values, boolean[] conditions, boolean held) {
    /** Tells {@code listener} the script under binding {@code b}. */
    void tell(Interpreter.Listener listener, Ctx b) {
      listener.told(told, values, conditions, b);
    }
  }

  /**
   * Visits every binding of count {@code n} under {@code c} with {@code count}, as {@link
   * Evaluation#forEachBinding} does, but that a binding of a missing pair is told its script.
   */
  void forEachBinding(Ir.Count n, Ctx c, Numbers.Total count) {
    List<Ir.Binder> binders = n.binders();
    if (n.where() != null
        && c.customer >= 0
        && binders.size() == 2
        && binders.get(0) instanceof Ir.ForTenant t
        && binders.get(1) instanceof Ir.ForWorkload w) {
      alongPairs(n, c, count, t.var(), w);
      return;
    }
    Ir.Var[] pair = pairOf(n);
    evaluation.forEachBinding(
        binders, 0, c, pair == null ? count : new Replaying(this, n, count, pair[0], pair[1]));
  }

  /**
   * The bindings of {@code count tenant, workload in W where ...} (binders {@code tenant} then
   * {@code workload}), in their order: per tenant, the workloads of W ascending, walked along the
   * tenant's pairs (ascending by workload too), so that whether the data hold a pair is read
   * without looking it up.
   */
  private void alongPairs(
      Ir.Count n, Ctx c, Numbers.Total count, Ir.Var tenant, Ir.ForWorkload workloads) {
    Ir.Var workload = workloads.var();
    Script s = null;
    boolean[] mask = lookups.workloads(workloads.set());
    for (int t = data.tenantStart(c.customer); t < data.tenantEnd(c.customer); t++) {
      Ctx bt = c.bind(tenant, t);
      int p = data.pairStart(t);
      int end = data.pairEnd(t);
      for (int w = 0; w < mask.length; w++) {
        if (!mask[w]) {
          continue;
        }
        while (p < end && data.pairWorkload(p) < w) {
          p++;
        }
        Ctx b = bt.bind(workload, w);
        if (p < end && data.pairWorkload(p) == w) {
          count.visit(b);
          continue;
        }
        if (s == null) {
          s = scriptOf(n, tenant, workload, b);
        }
        if (s == NONE) {
          count.visit(b);
          continue;
        }
        s.tell(listener, b);
        if (s.held) {
          count.total = Math.addExact(count.total, 1);
        }
      }
    }
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
