package eligo.interpret;

import eligo.data.Dataset;
import eligo.data.Exact;
import eligo.data.Month;
import eligo.ir.Ir;
import java.util.List;

/**
 * Whether each kind of condition holds, for {@link Evaluation}, straight from the IR's documented
 * meaning; a number is not one. The numbers, conditions and months inside a condition are evaluated
 * by {@link Evaluation}, which tells its listener of each.
 */
final class Conditions implements Ir.Visitor<Boolean, Ctx> {
  private final Evaluation ev;
  private final Dataset data;
  private final Lookups lookups;

  /**
   * Inside an {@code any}, only the bindings the data hold ({@link PresentBindings}); null for the
   * reference interpreter, which visits every binding.
   */
  private final PresentBindings present;

  Conditions(Evaluation ev, Dataset data, Lookups lookups, PresentBindings present) {
    this.ev = ev;
    this.data = data;
    this.lookups = lookups;
    this.present = present;
  }

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
    long current = Evaluation.align(ev.num(g.current(), c), g.current().scale(), scale);
    long baseline = Evaluation.align(ev.num(g.baseline(), c), g.baseline().scale(), scale);
    if (baseline <= 0) {
      return g.whenZero();
    }
    return g.op()
        .test(
            Exact.compareGrowth(current, baseline, g.fraction().unscaled(), g.fraction().scale()));
  }

  @Override
  public Boolean visit(Ir.Points e, Ctx c) {
    throw notACondition(e);
  }

  @Override
  public Boolean visit(Ir.AtLeast a, Ctx c) {
    int held = 0;
    for (Ir.Expr part : a.parts()) { // every part, so an explanation sees each
      held += ev.bool(part, c) ? 1 : 0;
    }
    return held >= a.k();
  }

  @Override
  public Boolean visit(Ir.Compare k, Ctx c) {
    int leftScale = k.left().scale();
    int rightScale = k.right().scale();
    int scale = Math.max(leftScale, rightScale);
    long l = Evaluation.align(ev.num(k.left(), c), leftScale, scale);
    long r = Evaluation.align(ev.num(k.right(), c), rightScale, scale);
    return k.op().test(l, r);
  }

  @Override
  public Boolean visit(Ir.CompareMonths k, Ctx c) {
    int l = ev.month(k.left(), c);
    int r = ev.month(k.right(), c);
    if (l == Month.NONE || r == Month.NONE) {
      return false;
    }
    return k.op().test(l, r);
  }

  @Override
  public Boolean visit(Ir.InMonths k, Ctx c) {
    int m = ev.month(k.month(), c);
    int from = ev.month(k.range().from(), c);
    int to = ev.month(k.range().to(), c);
    if (m == Month.NONE || from == Month.NONE || to == Month.NONE) {
      return false;
    }
    return from <= m && m <= to;
  }

  @Override
  public Boolean visit(Ir.And a, Ctx c) {
    return ev.bool(a.left(), c) && ev.bool(a.right(), c);
  }

  @Override
  public Boolean visit(Ir.Or o, Ctx c) {
    return ev.bool(o.left(), c) || ev.bool(o.right(), c);
  }

  @Override
  public Boolean visit(Ir.Not n, Ctx c) {
    return !ev.bool(n.operand(), c);
  }

  @Override
  public Boolean visit(Ir.Exists x, Ctx c) {
    List<Ir.Binder> binders = x.binders();
    if (present != null && x.where() != null) {
      // the visitor stops (returns false) at the first binding that holds
      return !present.forEach(x, 0, c, new Holds(ev, x.where(), false));
    }
    if (overMonthsOfAPair(x)) {
      // any ..., month in R where associated(t, w, month): where the data hold no association of
      // tenant t and workload w, no month holds, and none is asked (nor told to the listener)
      Ir.Associated a = (Ir.Associated) x.where();
      List<Ir.Binder> months = binders.subList(binders.size() - 1, binders.size());
      return !ev.forEachBinding(
          binders.subList(0, binders.size() - 1),
          0,
          c,
          b ->
              b.pair(data, b.lookup(a.tenant()), b.lookup(a.workload())) < 0
                  || ev.forEachBinding(months, 0, b, m -> !ev.holds(a, m)));
    }
    // The visitor stops (returns false) at the first binding that holds.
    return !ev.forEachBinding(binders, 0, c, new Holds(ev, x.where(), false));
  }

  /**
   * Goes on while the condition holds ({@code goOnWhile}) or while it does not: a class, not a
   * lambda, for the reason given in {@code Numbers}.
   */
  private static final class Holds implements Evaluation.BindingVisitor {
    private final Evaluation ev;
    private final Ir.Expr where;
    private final boolean goOnWhile;

    Holds(Evaluation ev, Ir.Expr where, boolean goOnWhile) {
      this.ev = ev;
      this.where = where;
      this.goOnWhile = goOnWhile;
    }

    @Override
    public boolean visit(Ctx b) {
      return ev.holds(where, b) == goOnWhile;
    }
  }

  @Override
  public Boolean visit(Ir.ForAll x, Ctx c) {
    // The visitor stops at the first binding that does not hold; none: true.
    return ev.forEachBinding(x.binders(), 0, c, new Holds(ev, x.where(), true));
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

  private boolean associated(Ir.Associated a, Ctx c) {
    int m = ev.month(a.month(), c);
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
}
