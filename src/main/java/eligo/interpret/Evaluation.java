package eligo.interpret;

import eligo.data.Dataset;
import eligo.data.Month;
import eligo.ir.Ir;
import java.util.List;

/**
 * Evaluates expressions over a dataset, straight from the IR's documented meaning, in the order
 * {@link Interpreter} documents: numbers ({@link Numbers}), conditions ({@link Conditions}), months
 * and the bindings of binders. The masks and rates it reads were computed ahead by {@link Lookups};
 * every value computed is told to the listener, when there is one. Keeps no mutable state but the
 * caches of {@link PresentBindings} and {@link AbsentPairs} (of what the IR proves or tells).
 */
final class Evaluation {
  private final Dataset data;
  private final Lookups lookups;

  /** Told about every value computed, for explanations; null when nobody listens. */
  private final Interpreter.Listener listener;

  /**
   * Inside an {@code any}, only the bindings the data hold where the others provably add nothing
   * ({@link PresentBindings}); null for the reference interpreter, which visits every binding.
   */
  private final PresentBindings present;

  /**
   * In a count, the bindings of a pair the data lack told what the first told ({@link
   * AbsentPairs}); null for the reference interpreter, which evaluates every binding.
   */
  final AbsentPairs absentPairs;

  private final Numbers numbers;
  private final Conditions conditions;

  Evaluation(Dataset data, Lookups lookups, Interpreter.Listener listener) {
    this(data, lookups, listener, false);
  }

  Evaluation(Dataset data, Lookups lookups, Interpreter.Listener listener, boolean skipAbsent) {
    this(data, lookups, listener, skipAbsent, null);
  }

  /**
   * The same, keeping what {@code earlier} (when not null: an evaluation of the same thread) found
   * of the IR, which depends on nothing else: what absences prove ({@link PresentBindings}) and the
   * scripts of missing pairs ({@link AbsentPairs}).
   */
  Evaluation(
      Dataset data,
      Lookups lookups,
      Interpreter.Listener listener,
      boolean skipAbsent,
      Evaluation earlier) {
    this.data = data;
    this.lookups = lookups;
    this.listener = listener;
    this.present =
        skipAbsent
            ? new PresentBindings(this, data, lookups, earlier == null ? null : earlier.present)
            : null;
    this.absentPairs =
        skipAbsent && listener != null
            ? new AbsentPairs(
                this, data, lookups, listener, earlier == null ? null : earlier.absentPairs)
            : null;
    this.numbers = new Numbers(this, data, lookups);
    this.conditions = new Conditions(this, data, lookups, present);
  }

  // ================================================================ numbers

  /** The value of a NUM expression: unscaled, at {@code e.scale()}. */
  long num(Ir.Expr e, Ctx c) {
    long v = numberOf(e, c);
    if (listener != null) {
      listener.number(e, c, v);
    }
    return v;
  }

  private long numberOf(Ir.Expr e, Ctx c) {
    // The most frequent kinds are called directly, unboxed: the visitor's dispatch through the
    // Expr interface (an itable stub per call) was a tenth of an explanation's time, and a boxed
    // amount is an object made per value (C1 does not take it apart).
    if (e instanceof Ir.MeasureAt m) {
      return numbers.measureAt(m, c);
    }
    if (e instanceof Ir.Const k) {
      return k.unscaled();
    }
    if (e instanceof Ir.Count n) {
      return numbers.count(n, c);
    }
    if (e instanceof Ir.Sum s) {
      return numbers.sum(s, c);
    }
    if (e instanceof Ir.If f) {
      return numbers.ifThen(f, c);
    }
    return e.accept(numbers, c);
  }

  /** {@code v} (unscaled at {@code from}) at scale {@code to >= from}; overflow throws. */
  static long align(long v, int from, int to) {
    if (to < from) {
      throw new IllegalStateException("cannot lower scale " + from + " to " + to);
    }
    long r = v;
    for (int s = from; s < to; s++) {
      r = Math.multiplyExact(r, 10L);
    }
    return r;
  }

  /**
   * {@link #forEachBinding} of the binders of sum {@code s}; in an interpreter that explains, only
   * the bindings the data hold where the others provably add 0 ({@link PresentBindings}), unless
   * the listener hears every binding of it.
   */
  boolean forEachTerm(Ir.Sum s, Ctx c, BindingVisitor v) {
    if (present != null && (listener == null || !listener.hearsEveryBinding(s))) {
      return present.forEach(s, 0, c, v);
    }
    return forEachBinding(s.binders(), 0, c, v);
  }

  // ================================================================ conditions

  /** A missing {@code where} always holds. */
  boolean holds(Ir.Expr where, Ctx c) {
    return where == null || bool(where, c);
  }

  boolean bool(Ir.Expr e, Ctx c) {
    boolean b = conditionOf(e, c);
    if (listener != null) {
      listener.condition(e, c, b);
    }
    return b;
  }

  private boolean conditionOf(Ir.Expr e, Ctx c) {
    // As numberOf: the most frequent kinds directly, the rest through the visitor.
    if (e instanceof Ir.Compare k) {
      return conditions.visit(k, c);
    }
    if (e instanceof Ir.Associated a) {
      return conditions.visit(a, c);
    }
    if (e instanceof Ir.Exists x) {
      return conditions.visit(x, c);
    }
    if (e instanceof Ir.And a) {
      return conditions.visit(a, c);
    }
    if (e instanceof Ir.Or o) {
      return conditions.visit(o, c);
    }
    if (e instanceof Ir.Not n) {
      return conditions.visit(n, c);
    }
    return e.accept(conditions, c);
  }

  // ================================================================ months

  int month(Ir.MonthExpr e, Ctx c) {
    if (e instanceof Ir.AsOf a) {
      if (c.asOf == Month.NONE) {
        throw new IllegalStateException(
            "the as-of month is read where there is none (a partner total, or as-of NONE)");
      }
      return c.asOf + a.offset();
    }
    if (e instanceof Ir.MonthVar v) {
      int m = c.lookup(v.var());
      return m == Month.NONE ? Month.NONE : m + v.offset();
    }
    if (e instanceof Ir.EarliestStart s) {
      int t = c.lookup(s.tenant());
      int w = c.lookup(s.workload());
      int p = c.pair(data, t, w);
      if (p < 0) {
        return Month.NONE;
      }
      boolean[] allowed = lookups.types(s.types())[w];
      int first = Month.NONE;
      for (int k = data.assocStart(p); k < data.assocEnd(p); k++) {
        if (allowed[data.assocType(k)]) {
          int start = data.assocStartMonth(k);
          if (first == Month.NONE || start < first) {
            first = start;
          }
        }
      }
      return first;
    }
    throw new IllegalStateException("not a month: " + e.getClass().getSimpleName());
  }

  // ================================================================ binders

  /** Called once per binding; returns false to stop the enumeration. */
  interface BindingVisitor {
    boolean visit(Ctx bound);
  }

  /**
   * Enumerates every binding of {@code binders[k..]} (nested in list order) under {@code c} and
   * hands each to {@code v}. Returns false when {@code v} stopped early, true otherwise.
   */
  boolean forEachBinding(List<Ir.Binder> binders, int k, Ctx c, BindingVisitor v) {
    if (k == binders.size()) {
      return v.visit(c);
    }
    Ir.Binder binder = binders.get(k);
    if (binder instanceof Ir.ForTenant b) {
      if (c.customer < 0) {
        throw new IllegalStateException(
            "tenants are read where there is no customer (a partner total)");
      }
      for (int t = data.tenantStart(c.customer); t < data.tenantEnd(c.customer); t++) {
        if (!forEachBinding(binders, k + 1, c.bind(b.var(), t), v)) {
          return false;
        }
      }
      return true;
    }
    if (binder instanceof Ir.ForWorkload b) {
      boolean[] mask = lookups.workloads(b.set());
      for (int w = 0; w < mask.length; w++) {
        if (mask[w] && !forEachBinding(binders, k + 1, c.bind(b.var(), w), v)) {
          return false;
        }
      }
      return true;
    }
    if (binder instanceof Ir.ForMonth b) {
      int from = month(b.range().from(), c);
      int to = month(b.range().to(), c);
      if (from == Month.NONE || to == Month.NONE) {
        return true;
      }
      for (long m = from; m <= to; m++) {
        if (!forEachBinding(binders, k + 1, c.bind(b.var(), (int) m), v)) {
          return false;
        }
      }
      return true;
    }
    if (binder instanceof Ir.ForType b) {
      boolean[] mask = lookups.types(b);
      for (int type = 0; type < mask.length; type++) {
        if (mask[type] && !forEachBinding(binders, k + 1, c.bind(b.var(), type), v)) {
          return false;
        }
      }
      return true;
    }
    throw new IllegalStateException("unknown binder: " + binder.getClass().getSimpleName());
  }
}
