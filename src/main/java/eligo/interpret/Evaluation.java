package eligo.interpret;

import eligo.data.Dataset;
import eligo.data.Exact;
import eligo.data.Month;
import eligo.ir.Ir;
import java.util.List;

/**
 * Evaluates expressions over a dataset, straight from the IR's documented meaning, in the order
 * {@link Interpreter} documents: numbers, conditions, months and the bindings of binders. The masks
 * and rates it reads were computed ahead by {@link Lookups}; every value computed is told to the
 * listener, when there is one. Keeps no mutable state.
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

  private final Numbers numbers = new Numbers();
  private final Conditions conditions = new Conditions();

  Evaluation(Dataset data, Lookups lookups, Interpreter.Listener listener) {
    this(data, lookups, listener, false);
  }

  Evaluation(Dataset data, Lookups lookups, Interpreter.Listener listener, boolean skipAbsent) {
    this.data = data;
    this.lookups = lookups;
    this.listener = listener;
    this.present = skipAbsent ? new PresentBindings(this, data, lookups) : null;
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
    // The most frequent kinds are called directly: the visitor's dispatch through the Expr
    // interface (an itable stub per call) was a tenth of an explanation's time.
    if (e instanceof Ir.MeasureAt m) {
      return numbers.visit(m, c);
    }
    if (e instanceof Ir.Const k) {
      return numbers.visit(k, c);
    }
    return e.accept(numbers, c);
  }

  /** The value of each kind of number; a condition is not one. */
  private final class Numbers implements Ir.Visitor<Long, Ctx> {
    @Override
    public Long visit(Ir.Const k, Ctx c) {
      return k.unscaled();
    }

    @Override
    public Long visit(Ir.MeasureAt m, Ctx c) {
      int month = month(m.month(), c);
      if (month == Month.NONE) {
        return 0L;
      }
      int t = c.lookup(m.tenant());
      int w = c.lookup(m.workload());
      return data.measure(c.pair(data, t, w), m.measure(), month);
    }

    @Override
    public Long visit(Ir.Rate r, Ctx c) {
      return lookups.rates(r.table())[c.lookup(r.workload())];
    }

    @Override
    public Long visit(Ir.Arith a, Ctx c) {
      long l = num(a.left(), c);
      long r = num(a.right(), c);
      switch (a.op()) {
        case ADD:
          return Math.addExact(
              align(l, a.left().scale(), a.scale()), align(r, a.right().scale(), a.scale()));
        case SUB:
          return Math.subtractExact(
              align(l, a.left().scale(), a.scale()), align(r, a.right().scale(), a.scale()));
        case MUL:
          return Math.multiplyExact(l, r);
        default:
          throw new IllegalStateException("unknown arithmetic " + a.op());
      }
    }

    @Override
    public Long visit(Ir.Neg n, Ctx c) {
      return Math.negateExact(num(n.operand(), c));
    }

    @Override
    public Long visit(Ir.If f, Ctx c) {
      Ir.Expr taken = bool(f.cond(), c) ? f.then() : f.otherwise();
      return align(num(taken, c), taken.scale(), f.scale());
    }

    @Override
    public Long visit(Ir.Sum s, Ctx c) {
      long[] total = {0};
      forEachBinding(
          s.binders(),
          0,
          c,
          b -> {
            if (holds(s.where(), b)) {
              total[0] = Math.addExact(total[0], num(s.body(), b));
            }
            return true;
          });
      return total[0];
    }

    @Override
    public Long visit(Ir.Reduce r, Ctx c) {
      long[] acc = {0, 0}; // the sum, minimum or maximum so far; the number of terms
      forEachBinding(
          r.binders(),
          0,
          c,
          b -> {
            if (holds(r.where(), b)) {
              long term = num(r.body(), b);
              if (r.op() == Ir.ReduceOp.AVERAGE) {
                acc[0] = Math.addExact(acc[0], term);
              } else if (acc[1] == 0
                  || (r.op() == Ir.ReduceOp.MINIMUM ? term < acc[0] : term > acc[0])) {
                acc[0] = term;
              }
              acc[1] = Math.addExact(acc[1], 1);
            }
            return true;
          });
      return r.op() == Ir.ReduceOp.AVERAGE ? Exact.divideHalfEven(acc[0], acc[1]) : acc[0];
    }

    @Override
    public Long visit(Ir.Count n, Ctx c) {
      long[] count = {0};
      forEachBinding(
          n.binders(),
          0,
          c,
          b -> {
            if (holds(n.where(), b)) {
              count[0] = Math.addExact(count[0], 1);
            }
            return true;
          });
      return count[0];
    }

    @Override
    public Long visit(Ir.Net n, Ctx c) {
      if (c.asOf == Month.NONE) {
        throw new IllegalStateException(
            "a net value is read where there is no as-of month (a partner total, or as-of NONE)");
      }
      long current = num(n.body(), c);
      long baseline = num(n.body(), c.withAsOf(c.asOf - 12));
      return Math.subtractExact(current, baseline);
    }

    @Override
    public Long visit(Ir.NodeValue v, Ctx c) {
      if (!c.hasNodeValue) {
        throw new IllegalStateException("NodeValue read where there is no node value");
      }
      if (v.scale() != c.nodeScale) {
        throw new IllegalStateException(
            "NodeValue of scale " + v.scale() + " reads a value of scale " + c.nodeScale);
      }
      return c.nodeValue;
    }

    @Override
    public Long visit(Ir.Growth e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.AtLeast e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.Points p, Ctx c) {
      long sum = 0;
      for (int i = 0; i < p.parts().size(); i++) { // every part, so an explanation sees each
        sum += bool(p.parts().get(i), c) ? p.points().get(i) : 0L;
      }
      return sum;
    }

    @Override
    public Long visit(Ir.Compare e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.CompareMonths e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.InMonths e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.And e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.Or e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.Not e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.Exists e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.ForAll e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.Associated e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.AttributeIn e, Ctx c) {
      throw notANumber(e);
    }

    private IllegalStateException notANumber(Ir.Expr e) {
      return new IllegalStateException("not a number expression: " + e.getClass().getSimpleName());
    }
  }

  /** {@code v} (unscaled at {@code from}) at scale {@code to >= from}; overflow throws. */
  private static long align(long v, int from, int to) {
    if (to < from) {
      throw new IllegalStateException("cannot lower scale " + from + " to " + to);
    }
    long r = v;
    for (int s = from; s < to; s++) {
      r = Math.multiplyExact(r, 10L);
    }
    return r;
  }

  // ================================================================ conditions

  /** A missing {@code where} always holds. */
  private boolean holds(Ir.Expr where, Ctx c) {
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
    return e.accept(conditions, c);
  }

  /** Whether each kind of condition holds; a number is not one. */
  private final class Conditions implements Ir.Visitor<Boolean, Ctx> {
    @Override
    public Boolean visit(Ir.Const e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.MeasureAt e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Rate e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Arith e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Neg e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.If e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Sum e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Reduce e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Count e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Net e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.NodeValue e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Growth g, Ctx c) {
      int scale = g.sidesScale();
      long current = align(num(g.current(), c), g.current().scale(), scale);
      long baseline = align(num(g.baseline(), c), g.baseline().scale(), scale);
      if (baseline <= 0) {
        return g.whenZero();
      }
      return g.op()
          .test(
              Exact.compareGrowth(
                  current, baseline, g.fraction().unscaled(), g.fraction().scale()));
    }

    @Override
    public Boolean visit(Ir.Points e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.AtLeast a, Ctx c) {
      int held = 0;
      for (Ir.Expr part : a.parts()) { // every part, so an explanation sees each
        held += bool(part, c) ? 1 : 0;
      }
      return held >= a.k();
    }

    @Override
    public Boolean visit(Ir.Compare k, Ctx c) {
      int scale = Math.max(k.left().scale(), k.right().scale());
      long l = align(num(k.left(), c), k.left().scale(), scale);
      long r = align(num(k.right(), c), k.right().scale(), scale);
      return k.op().test(l, r);
    }

    @Override
    public Boolean visit(Ir.CompareMonths k, Ctx c) {
      int l = month(k.left(), c);
      int r = month(k.right(), c);
      if (l == Month.NONE || r == Month.NONE) {
        return false;
      }
      return k.op().test(l, r);
    }

    @Override
    public Boolean visit(Ir.InMonths k, Ctx c) {
      int m = month(k.month(), c);
      int from = month(k.range().from(), c);
      int to = month(k.range().to(), c);
      if (m == Month.NONE || from == Month.NONE || to == Month.NONE) {
        return false;
      }
      return from <= m && m <= to;
    }

    @Override
    public Boolean visit(Ir.And a, Ctx c) {
      return bool(a.left(), c) && bool(a.right(), c);
    }

    @Override
    public Boolean visit(Ir.Or o, Ctx c) {
      return bool(o.left(), c) || bool(o.right(), c);
    }

    @Override
    public Boolean visit(Ir.Not n, Ctx c) {
      return !bool(n.operand(), c);
    }

    @Override
    public Boolean visit(Ir.Exists x, Ctx c) {
      List<Ir.Binder> binders = x.binders();
      if (present != null && x.where() != null) {
        // the visitor stops (returns false) at the first binding that holds
        return !present.forEach(x, 0, c, b -> !holds(x.where(), b));
      }
      if (overMonthsOfAPair(x)) {
        // any ..., month in R where associated(t, w, month): where the data hold no association of
        // tenant t and workload w, no month holds, and none is asked (nor told to the listener)
        Ir.Associated a = (Ir.Associated) x.where();
        List<Ir.Binder> months = binders.subList(binders.size() - 1, binders.size());
        return !forEachBinding(
            binders.subList(0, binders.size() - 1),
            0,
            c,
            b ->
                b.pair(data, b.lookup(a.tenant()), b.lookup(a.workload())) < 0
                    || forEachBinding(months, 0, b, m -> !holds(a, m)));
      }
      // The visitor stops (returns false) at the first binding that holds.
      return !forEachBinding(binders, 0, c, b -> !holds(x.where(), b));
    }

    @Override
    public Boolean visit(Ir.ForAll x, Ctx c) {
      // The visitor stops at the first binding that does not hold; none: true.
      return forEachBinding(x.binders(), 0, c, b -> holds(x.where(), b));
    }

    @Override
    public Boolean visit(Ir.Associated a, Ctx c) {
      return associated(a, c);
    }

    @Override
    public Boolean visit(Ir.AttributeIn a, Ctx c) {
      if (c.customer < 0) {
        throw new IllegalArgumentException("an attribute cannot be read in a partner-level rule");
      }
      String column = a.attribute().column();
      String value =
          a.tenant() == null
              ? data.customerAttribute(column, c.customer)
              : data.tenantAttribute(column, c.lookup(a.tenant()));
      if (value == null) {
        throw new IllegalArgumentException(
            "the data hold no " + a.attribute().owner().word + " attribute '" + column + "'");
      }
      return a.values().contains(value) != a.negated();
    }

    private IllegalStateException notACondition(Ir.Expr e) {
      return new IllegalStateException("not a condition: " + e.getClass().getSimpleName());
    }
  }

  private boolean associated(Ir.Associated a, Ctx c) {
    int m = month(a.month(), c);
    if (m == Month.NONE) {
      return false;
    }
    int t = c.lookup(a.tenant());
    int w = c.lookup(a.workload());
    int p = c.pair(data, t, w);
    if (p < 0) {
      return false;
    }
    int boundType = a.typeVar() == null ? -1 : c.lookup(a.typeVar());
    boolean[] allowed = a.types() == null ? null : lookups.types(a.types())[w];
    for (int k = data.assocStart(p); k < data.assocEnd(p); k++) {
      int type = data.assocType(k);
      boolean active = data.assocStartMonth(k) <= m && m <= data.assocEndMonth(k);
      boolean typeMatches = a.typeVar() == null || type == boundType;
      boolean inSet = allowed == null || allowed[type];
      if (active && typeMatches && inSet) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code x} is {@code any ..., month in R where associated(t, w, month)}: its last binder
   * binds the association's month variable, and its tenant and workload are bound before it.
   */
  private static boolean overMonthsOfAPair(Ir.Exists x) {
    List<Ir.Binder> binders = x.binders();
    if (!(x.where() instanceof Ir.Associated a)
        || binders.isEmpty()
        || !(binders.get(binders.size() - 1) instanceof Ir.ForMonth m)
        || !(a.month() instanceof Ir.MonthVar v)
        || v.var().id() != m.var().id()) {
      return false;
    }
    return a.tenant().id() != m.var().id() && a.workload().id() != m.var().id();
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
