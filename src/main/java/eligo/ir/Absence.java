package eligo.ir;

/**
 * What an expression is worth when some usage data is known to be missing, derived from the IR
 * alone. It lets a loop visit only the data that exists (a tenant's own pairs, a pair's own usage
 * rows) instead of every workload or month, when the bindings it leaves out provably contribute
 * nothing: a count or "any" whose condition is then false, a sum whose term is then 0.
 *
 * <p>Three kinds of absence:
 *
 * <ul>
 *   <li>{@link #pair}: the (tenant, workload) pair has no usage rows and no associations: its
 *       measures are 0 in every month, it is associated in no month, its earliest start is "no
 *       month";
 *   <li>{@link #workload}: no tenant of the customer has the workload (the pair absence, for every
 *       tenant variable);
 *   <li>{@link #row}: the pair has no usage row in the month bound to a month variable: its
 *       measures in exactly that month are 0 (associations are unaffected).
 * </ul>
 *
 * <p>A value is "known" only when evaluating the expression cannot fail either ({@link
 * ArithmeticException} on overflow), so leaving such a binding out never hides an error. Every rule
 * follows the evaluation order of the interpreter and the generated code: {@code and} and {@code
 * or} evaluate left to right and only what they need.
 *
 * <p>Used by the generated code's loops ({@code eligo.codegen.LoopShapes}) and by the interpreter
 * that explains ({@code eligo.interpret.Interpreter#explaining}); the reference interpreter visits
 * every binding.
 */
public final class Absence {
  private final Ir.Var tenant; // null: any tenant
  private final Ir.Var workload;
  private final Ir.Var month; // null: every month

  private Absence(Ir.Var tenant, Ir.Var workload, Ir.Var month) {
    this.tenant = tenant;
    this.workload = workload;
    this.month = month;
  }

  /** Pair (tenant, workload) has no data at all. */
  public static Absence pair(Ir.Var tenant, Ir.Var workload) {
    return new Absence(tenant, workload, null);
  }

  /** No tenant of the customer has {@code workload}. */
  public static Absence workload(Ir.Var workload) {
    return new Absence(null, workload, null);
  }

  /** Pair (tenant, workload) has no usage row in the month bound to {@code month}. */
  public static Absence row(Ir.Var tenant, Ir.Var workload, Ir.Var month) {
    return new Absence(tenant, workload, month);
  }

  /**
   * Whether one binding of {@code aggregate}'s loops (with everything nested in it) adds nothing
   * when the data is absent: for a count or "any", the condition is then false; for a sum, the
   * condition is false or the term is 0 (and the condition cannot fail); for "every", the condition
   * is then true.
   */
  public boolean contributesNothing(Ir.Expr aggregate) {
    if (aggregate instanceof Ir.Count x) {
      return x.where() != null && bool(x.where()) == Boolean.FALSE;
    }
    if (aggregate instanceof Ir.Exists x) {
      return x.where() != null && bool(x.where()) == Boolean.FALSE;
    }
    if (aggregate instanceof Ir.ForAll x) {
      return x.where() == null || bool(x.where()) == Boolean.TRUE;
    }
    if (aggregate instanceof Ir.Reduce x) {
      // a binding left out of an average, minimum or maximum changes it, unless it is not a term
      return x.where() != null && bool(x.where()) == Boolean.FALSE;
    }
    if (aggregate instanceof Ir.Sum x) {
      if (x.where() != null && bool(x.where()) == Boolean.FALSE) {
        return true;
      }
      boolean whereSafe = x.where() == null || bool(x.where()) != null || cannotFail(x.where());
      return isZero(num(x.body())) && whereSafe;
    }
    return false;
  }

  // ---------------------------------------------------------------- values

  /** The unscaled value of NUM {@code e} (at {@code e.scale()}), or null when not known. */
  Long num(Ir.Expr e) {
    if (e instanceof Ir.Const k) {
      return k.unscaled();
    }
    if (e instanceof Ir.MeasureAt m) {
      return isNone(m.month()) || touches(m.tenant(), m.workload(), m.month()) ? 0L : null;
    }
    if (e instanceof Ir.Arith a) {
      if (a.op() == Ir.ArithOp.MUL) {
        Long l = num(a.left());
        Long r = num(a.right());
        if (l != null && r != null) {
          return exact(() -> Math.multiplyExact(l, r));
        }
        boolean zero = isZero(l) && cannotFail(a.right()) || isZero(r) && cannotFail(a.left());
        return zero ? 0L : null;
      }
      Long l = aligned(a.left(), a.scale());
      Long r = aligned(a.right(), a.scale());
      if (l == null || r == null) {
        return null;
      }
      return exact(() -> a.op() == Ir.ArithOp.ADD ? Math.addExact(l, r) : Math.subtractExact(l, r));
    }
    if (e instanceof Ir.Neg n) {
      Long v = num(n.operand());
      return v == null ? null : exact(() -> Math.negateExact(v));
    }
    if (e instanceof Ir.If i) {
      Boolean cond = bool(i.cond());
      if (cond != null) {
        return aligned(cond ? i.then() : i.otherwise(), i.scale());
      }
      Long then = aligned(i.then(), i.scale());
      Long otherwise = aligned(i.otherwise(), i.scale());
      return then != null && then.equals(otherwise) && cannotFail(i.cond()) ? then : null;
    }
    if (e instanceof Ir.Sum || e instanceof Ir.Count || e instanceof Ir.Reduce) {
      // no binding is a term: a reduce over none is 0
      return contributesNothing(e) ? 0L : null;
    }
    if (e instanceof Ir.Net n) {
      // the body's value does not depend on the as-of month here: the absence holds in every month
      return num(n.body()) != null ? 0L : null;
    }
    return null; // Rate, NodeValue
  }

  /** The value of BOOL {@code e}, or null when not known. */
  Boolean bool(Ir.Expr e) {
    if (e instanceof Ir.Compare c) {
      int scale = Math.max(c.left().scale(), c.right().scale());
      Long l = aligned(c.left(), scale);
      Long r = aligned(c.right(), scale);
      if (l == null || r == null) {
        return null;
      }
      return c.op().test(l, r);
    }
    if (e instanceof Ir.CompareMonths c) {
      return isNone(c.left()) || isNone(c.right()) ? Boolean.FALSE : null;
    }
    if (e instanceof Ir.InMonths in) {
      return isNone(in.month()) || isNone(in.range().from()) || isNone(in.range().to())
          ? Boolean.FALSE
          : null;
    }
    if (e instanceof Ir.And a) {
      Boolean l = bool(a.left());
      if (l != null) {
        return l ? bool(a.right()) : Boolean.FALSE;
      }
      return bool(a.right()) == Boolean.FALSE && cannotFail(a.left()) ? Boolean.FALSE : null;
    }
    if (e instanceof Ir.Or o) {
      Boolean l = bool(o.left());
      if (l != null) {
        return l ? Boolean.TRUE : bool(o.right());
      }
      return bool(o.right()) == Boolean.TRUE && cannotFail(o.left()) ? Boolean.TRUE : null;
    }
    if (e instanceof Ir.Not n) {
      Boolean v = bool(n.operand());
      return v == null ? null : !v;
    }
    if (e instanceof Ir.Exists x) {
      return contributesNothing(x) ? Boolean.FALSE : null;
    }
    if (e instanceof Ir.ForAll x) {
      return contributesNothing(x) ? Boolean.TRUE : null;
    }
    if (e instanceof Ir.Associated a) {
      boolean noData = month == null && touches(a.tenant(), a.workload(), null);
      return noData || isNone(a.month()) ? Boolean.FALSE : null;
    }
    return null;
  }

  /** Whether evaluating {@code e} can never throw (no exact arithmetic that may overflow). */
  public static boolean cannotFail(Ir.Expr e) {
    if (e instanceof Ir.Const
        || e instanceof Ir.MeasureAt
        || e instanceof Ir.Rate
        || e instanceof Ir.NodeValue
        || e instanceof Ir.Associated
        || e instanceof Ir.AttributeIn
        || e instanceof Ir.CompareMonths
        || e instanceof Ir.InMonths) {
      return true;
    }
    if (e instanceof Ir.Not n) {
      return cannotFail(n.operand());
    }
    if (e instanceof Ir.And a) {
      return cannotFail(a.left()) && cannotFail(a.right());
    }
    if (e instanceof Ir.Or o) {
      return cannotFail(o.left()) && cannotFail(o.right());
    }
    if (e instanceof Ir.Compare c) {
      int scale = Math.max(c.left().scale(), c.right().scale());
      return alignsSafely(c.left(), scale) && alignsSafely(c.right(), scale);
    }
    if (e instanceof Ir.If i) {
      return cannotFail(i.cond())
          && alignsSafely(i.then(), i.scale())
          && alignsSafely(i.otherwise(), i.scale());
    }
    if (e instanceof Ir.Count x) {
      return x.where() == null || cannotFail(x.where());
    }
    if (e instanceof Ir.Exists x) {
      return x.where() == null || cannotFail(x.where());
    }
    if (e instanceof Ir.ForAll x) {
      return x.where() == null || cannotFail(x.where());
    }
    return false; // Arith, Neg, Sum, Net: exact arithmetic
  }

  /** Rescaling {@code e} to {@code scale} cannot fail: no rescaling, or a constant that fits. */
  private static boolean alignsSafely(Ir.Expr e, int scale) {
    if (!cannotFail(e)) {
      return false;
    }
    int d = scale - e.scale();
    return d == 0
        || e instanceof Ir.Const k
            && d <= 18
            && exact(() -> Math.multiplyExact(k.unscaled(), pow10(d))) != null;
  }

  // ---------------------------------------------------------------- helpers

  private boolean touches(Ir.Var t, Ir.Var w, Ir.MonthExpr m) {
    if (!w.equals(workload) || tenant != null && !t.equals(tenant)) {
      return false;
    }
    return month == null
        || m instanceof Ir.MonthVar mv && mv.var().equals(month) && mv.offset() == 0;
  }

  /** Whether month expression {@code m} is "no month" under this absence. */
  private boolean isNone(Ir.MonthExpr m) {
    return m instanceof Ir.EarliestStart es
        && month == null
        && touches(es.tenant(), es.workload(), null);
  }

  private Long aligned(Ir.Expr e, int scale) {
    Long v = num(e);
    int d = scale - e.scale();
    if (v == null || d == 0) {
      return v;
    }
    return d > 18 ? (v == 0 ? 0L : null) : exact(() -> Math.multiplyExact(v, pow10(d)));
  }

  private static boolean isZero(Long v) {
    return v != null && v == 0;
  }

  private static Long exact(java.util.function.LongSupplier op) {
    try {
      return op.getAsLong();
    } catch (ArithmeticException overflow) {
      return null;
    }
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }
}
