package eligo.interpret;

import eligo.data.Dataset;
import eligo.data.Exact;
import eligo.data.Month;
import eligo.ir.Ir;

/**
 * The value of each kind of number for {@link Evaluation}, straight from the IR's documented
 * meaning; a condition is not one. The numbers, conditions and months inside a number are evaluated
 * by {@link Evaluation}, which tells its listener of each.
 */
final class Numbers implements Ir.Visitor<Long, Ctx> {
  private final Evaluation ev;
  private final Dataset data;
  private final Lookups lookups;

  Numbers(Evaluation ev, Dataset data, Lookups lookups) {
    this.ev = ev;
    this.data = data;
    this.lookups = lookups;
  }

  @Override
  public Long visit(Ir.Const k, Ctx c) {
    return k.unscaled();
  }

  @Override
  public Long visit(Ir.MeasureAt m, Ctx c) {
    return measureAt(m, c);
  }

  /** {@link #visit(Ir.MeasureAt, Ctx)}, unboxed. */
  long measureAt(Ir.MeasureAt m, Ctx c) {
    int month = ev.month(m.month(), c);
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
    long l = ev.num(a.left(), c);
    long r = ev.num(a.right(), c);
    switch (a.op()) {
      case ADD:
        return Math.addExact(
            Evaluation.align(l, a.left().scale(), a.scale()),
            Evaluation.align(r, a.right().scale(), a.scale()));
      case SUB:
        return Math.subtractExact(
            Evaluation.align(l, a.left().scale(), a.scale()),
            Evaluation.align(r, a.right().scale(), a.scale()));
      case MUL:
        return Math.multiplyExact(l, r);
      default:
        throw new IllegalStateException("unknown arithmetic " + a.op());
    }
  }

  @Override
  public Long visit(Ir.Neg n, Ctx c) {
    return Math.negateExact(ev.num(n.operand(), c));
  }

  @Override
  public Long visit(Ir.If f, Ctx c) {
    return ifThen(f, c);
  }

  /** {@link #visit(Ir.If, Ctx)}, unboxed. */
  long ifThen(Ir.If f, Ctx c) {
    Ir.Expr taken = ev.bool(f.cond(), c) ? f.then() : f.otherwise();
    return Evaluation.align(ev.num(taken, c), taken.scale(), f.scale());
  }

  @Override
  public Long visit(Ir.Sum s, Ctx c) {
    return sum(s, c);
  }

  /** {@link #visit(Ir.Sum, Ctx)}, unboxed. */
  long sum(Ir.Sum s, Ctx c) {
    Total total = new Total(ev, s.where(), s.body());
    ev.forEachTerm(s, c, total);
    return total.total;
  }

  /*
   * The visitor of a sum and of a count is a class, not a lambda: an explanation makes
   * millions of them, and where the code is not inlined (C1 only) a capturing lambda is made by a
   * call into the virtual machine, a plain object is not.
   */

  /** Adds up the body (1 for a count: no body) over the bindings where the condition holds. */
  static final class Total implements Evaluation.BindingVisitor {
    private final Evaluation ev;
    private final Ir.Expr where;
    private final Ir.Expr body; // null: a count
    long total;

    Total(Evaluation ev, Ir.Expr where, Ir.Expr body) {
      this.ev = ev;
      this.where = where;
      this.body = body;
    }

    @Override
    public boolean visit(Ctx b) {
      if (ev.holds(where, b)) {
        total = Math.addExact(total, body == null ? 1 : ev.num(body, b));
      }
      return true;
    }
  }

  @Override
  public Long visit(Ir.Reduce r, Ctx c) {
    long[] acc = {0, 0}; // the sum, minimum or maximum so far; the number of terms
    ev.forEachBinding(
        r.binders(),
        0,
        c,
        b -> {
          if (ev.holds(r.where(), b)) {
            long term = ev.num(r.body(), b);
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
    return count(n, c);
  }

  /** {@link #visit(Ir.Count, Ctx)}, unboxed. */
  long count(Ir.Count n, Ctx c) {
    Total count = new Total(ev, n.where(), null);
    if (ev.absentPairs == null) {
      ev.forEachBinding(n.binders(), 0, c, count);
    } else {
      ev.absentPairs.forEachBinding(n, c, count);
    }
    return count.total;
  }

  @Override
  public Long visit(Ir.Net n, Ctx c) {
    if (c.asOf == Month.NONE) {
      throw new IllegalStateException(
          "a net value is read where there is no as-of month (a partner total, or as-of NONE)");
    }
    long current = ev.num(n.body(), c);
    long baseline = ev.num(n.body(), c.withAsOf(c.asOf - 12));
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
      sum += ev.bool(p.parts().get(i), c) ? p.points().get(i) : 0L;
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
