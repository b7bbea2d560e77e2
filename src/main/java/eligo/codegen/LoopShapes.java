package eligo.codegen;

import eligo.ir.Absence;
import eligo.ir.Ir;
import java.util.List;

/**
 * Which loop shape an aggregate takes: the decisions, from the IR alone, that let the code
 * generator visit less data or make fewer passes than one loop per binder would, with the same
 * result and the same failures. Among them: a count of workloads or of association types read from
 * the tenants' own pairs in one pass ({@link #isWorkloadsWithSomeTenant}, {@link
 * #typesAssociated}), a sum or count over tenants computed for every workload at once ({@link
 * #perWorkload}), a net computed at M and at M-12 in one pass ({@link #fusesNet}), months of an
 * association looked up at once ({@link #monthsOfAssociation}), and loops that walk a tenant's own
 * pairs or a pair's own usage rows ({@link #tenantWithOwnPairs}, {@link #pairWithOwnRows}). No Java
 * is written here: {@link LoopWriter} and {@link NetWriter} write the loops chosen.
 */
final class LoopShapes {
  private LoopShapes() {}

  /**
   * Whether {@code count} counts workloads of a set for which some tenant (and then perhaps more
   * bindings) satisfies a condition ({@code count workload in S where any tenant, ... where C}),
   * and that condition is false for a tenant without data for the workload: then the workloads can
   * be counted from the tenants' own pairs, each once.
   */
  static boolean isWorkloadsWithSomeTenant(Ir.Count count) {
    if (count.binders().size() != 1
        || !(count.binders().get(0) instanceof Ir.ForWorkload fw)
        || !(count.where() instanceof Ir.Exists any)
        || any.binders().isEmpty()
        || !(any.binders().get(0) instanceof Ir.ForTenant ft)) {
      return false;
    }
    return Absence.pair(ft.var(), fw.var()).contributesNothing(perPair(any));
  }

  /** The condition of {@code any}, per binding of its first binder (a tenant). */
  static Ir.Expr perPair(Ir.Exists any) {
    return new Ir.Exists(any.binders().subList(1, any.binders().size()), any.where());
  }

  /**
   * The parts of {@code count type in S where any tenant, workload in W, month in R where
   * associated} (the binders of "any" in any order; without the month, associated in one month):
   * the types can then be counted from the associations of the tenants' own pairs, each once, in
   * one pass, instead of one pass per type. Null for any other form, or when the months may be "no
   * month". Associations cannot fail, so neither can the count, in any order.
   */
  record TypesAssociated(
      Ir.ForType type,
      Ir.ForTenant tenant,
      Ir.ForWorkload workload,
      Ir.MonthExpr from,
      Ir.MonthExpr to,
      Ir.Associated associated) {}

  static TypesAssociated typesAssociated(Ir.Count count) {
    if (count.binders().size() != 1
        || !(count.binders().get(0) instanceof Ir.ForType type)
        || !(count.where() instanceof Ir.Exists any)
        || !(any.where() instanceof Ir.Associated a)
        || !type.var().equals(a.typeVar())) {
      return null;
    }
    Ir.ForTenant tenant = null;
    Ir.ForWorkload workload = null;
    Ir.ForMonth month = null;
    for (Ir.Binder binder : any.binders()) {
      if (binder instanceof Ir.ForTenant ft && tenant == null && ft.var().equals(a.tenant())) {
        tenant = ft;
      } else if (binder instanceof Ir.ForWorkload fw
          && workload == null
          && fw.var().equals(a.workload())) {
        workload = fw;
      } else if (binder instanceof Ir.ForMonth fm
          && month == null
          && a.month() instanceof Ir.MonthVar mv
          && mv.var().equals(fm.var())
          && mv.offset() == 0) {
        month = fm;
      } else {
        return null;
      }
    }
    if (tenant == null || workload == null) {
      return null;
    }
    Ir.MonthExpr from = month != null ? month.range().from() : a.month();
    Ir.MonthExpr to = month != null ? month.range().to() : a.month();
    if (ExprCompiler.mayBeNone(from) || ExprCompiler.mayBeNone(to)) {
      return null;
    }
    return new TypesAssociated(type, tenant, workload, from, to, a);
  }

  /**
   * For {@code count workload in S where A <op> x} (or {@code x <op> A}) where A is a sum or count
   * over tenant first (then perhaps more binders) to which a tenant without data for the workload
   * adds nothing, and a workload without data for any tenant is not counted: A, to be computed for
   * every workload at once from one pass over the tenants' own pairs, instead of one pass over the
   * tenants (each with a pair lookup) per workload; else null. Each workload's value gets the same
   * additions in the same order as in its own pass, and every workload's A is computed in both (a
   * comparison computes both sides), so either both fail or neither.
   */
  static Ir.Expr perWorkload(Ir.Count count) {
    if (count.binders().size() != 1
        || !(count.binders().get(0) instanceof Ir.ForWorkload fw)
        || !(count.where() instanceof Ir.Compare cmp)
        || !Absence.workload(fw.var()).contributesNothing(count)) {
      return null;
    }
    for (Ir.Expr side : List.of(cmp.left(), cmp.right())) {
      if ((side instanceof Ir.Sum || side instanceof Ir.Count)
          && !Reads.binders(side).isEmpty()
          && Reads.binders(side).get(0) instanceof Ir.ForTenant ft
          && Absence.pair(ft.var(), fw.var()).contributesNothing(side)) {
        return side;
      }
    }
    return null;
  }

  /**
   * Whether month range {@code from .. to} is known to hold a month: both the same month plus
   * offsets, in order.
   */
  static boolean nonEmpty(Ir.MonthExpr from, Ir.MonthExpr to) {
    if (from instanceof Ir.AsOf f && to instanceof Ir.AsOf t) {
      return f.offset() <= t.offset();
    }
    return from instanceof Ir.MonthVar f
        && to instanceof Ir.MonthVar t
        && f.var().equals(t.var())
        && f.offset() <= t.offset();
  }

  /**
   * Whether net {@code body} can be computed at M and at M-12 in one pass ({@link
   * NetWriter#netBody}): a sum or count with loops, where no binder reads the as-of month but
   * perhaps the last, a month range {@code M + a .. M + b} at least 12 months long (so that the
   * ranges at M and at M-12 leave no month out between them). The condition and the term may read
   * it.
   */
  static boolean fusesNet(Ir.Expr body) {
    if (!(body instanceof Ir.Sum || body instanceof Ir.Count) || Reads.binders(body).isEmpty()) {
      return false;
    }
    if (body instanceof Ir.Count count
        && (isWorkloadsWithSomeTenant(count)
            || typesAssociated(count) != null
            || perWorkload(count) != null)) {
      return false;
    }
    List<Ir.Binder> binders = Reads.binders(body);
    for (int i = 0; i < binders.size(); i++) {
      if (binders.get(i) instanceof Ir.ForMonth fm
          && (fm.range().from() instanceof Ir.AsOf || fm.range().to() instanceof Ir.AsOf)) {
        boolean last = i == binders.size() - 1;
        if (!last
            || !(fm.range().from() instanceof Ir.AsOf from)
            || !(fm.range().to() instanceof Ir.AsOf to)
            || (long) to.offset() - from.offset() < 11) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * For "some month in a range where (tenant, workload) is associated" (an {@code any} whose last
   * binder is a month and whose condition is {@link Ir.Associated} in exactly that month): that
   * month binder, to be replaced by one look at the pair's associations ({@code
   * data.activeDuring}); else null. Only for ranges that cannot be "no month".
   */
  static Ir.ForMonth monthsOfAssociation(Ir.Expr e) {
    if (!(e instanceof Ir.Exists x)
        || x.binders().isEmpty()
        || !(x.binders().get(x.binders().size() - 1) instanceof Ir.ForMonth fm)
        || !(x.where() instanceof Ir.Associated a)) {
      return null;
    }
    boolean inThatMonth =
        a.month() instanceof Ir.MonthVar mv && mv.var().equals(fm.var()) && mv.offset() == 0;
    return inThatMonth
            && !ExprCompiler.mayBeNone(fm.range().from())
            && !ExprCompiler.mayBeNone(fm.range().to())
        ? fm
        : null;
  }

  /**
   * A bound tenant whose pairs with {@code workload} are all that can add to {@code aggregate}, or
   * null.
   */
  static Ir.Var tenantWithOwnPairs(Ir.Expr aggregate, Ir.Var workload, Scope s) {
    for (Scope.Bound bound : s.bound()) {
      if (bound.var().dim() == Ir.Dim.TENANT
          && Absence.pair(bound.var(), workload).contributesNothing(aggregate)) {
        return bound.var();
      }
    }
    return null;
  }

  /**
   * A looked-up pair whose usage rows in month {@code month} are all that can add to {@code
   * aggregate}, or null.
   */
  static Scope.Pair pairWithOwnRows(Ir.Expr aggregate, Ir.Var month, Scope s) {
    for (Scope.Pair pair : s.pairs()) {
      if (Absence.row(pair.tenant(), pair.workload(), month).contributesNothing(aggregate)) {
        return pair;
      }
    }
    return null;
  }
}
