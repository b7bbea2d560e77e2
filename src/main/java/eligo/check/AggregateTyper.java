package eligo.check;

import static eligo.check.ExprTyper.ERR;
import static eligo.check.ExprTyper.describe;

import eligo.check.ExprTyper.T;
import eligo.check.ExprTyper.TBool;
import eligo.check.ExprTyper.TErr;
import eligo.check.ExprTyper.TNum;
import eligo.check.ExprTyper.TRange;
import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Ast.AggKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Types aggregates ({@code sum}, {@code average}, {@code minimum}, {@code maximum}, {@code count},
 * {@code any}, {@code all}) with their binders: each binder gets a fresh, numbered variable and
 * binds its tenant, workload, month or association type for the body and the {@code where}
 * condition. A bad binder is reported and the rest still checked.
 */
final class AggregateTyper {
  private final Reporter reporter;
  private final Symbols symbols;
  private final ExprTyper typer;
  private int varCounter;

  AggregateTyper(Reporter reporter, Symbols symbols, ExprTyper typer) {
    this.reporter = reporter;
    this.symbols = symbols;
    this.typer = typer;
  }

  /** Numbers the variables of the next binders from {@code last} + 1. */
  void numberVarsFrom(int last) {
    varCounter = last;
  }

  T aggregate(Ast.Aggregate a, Env env) {
    Env inner = env;
    List<Ir.Binder> binders = new ArrayList<>();
    List<String> dims = new ArrayList<>();
    // after a bad binder, the rest is still checked (with a stand-in set) and ERR returned
    boolean failed = false;
    for (Ast.Binder b : a.binders()) {
      Ir.Var var = null;
      switch (b.dim()) {
        case TENANT:
          var = newVar(Ir.Dim.TENANT, b.var());
          binders.add(new Ir.ForTenant(var));
          inner = inner.withTenant(var);
          dims.add("tenant");
          break;
        case WORKLOAD:
          {
            Ir.WorkloadSet set =
                b.workloads() == null
                    ? new Ir.AllWorkloads()
                    : symbols.workloadSet(b.workloads(), env.scope);
            if (set == null) {
              failed = true;
              set = new Ir.AllWorkloads();
            }
            var = newVar(Ir.Dim.WORKLOAD, b.var());
            binders.add(new Ir.ForWorkload(var, set));
            inner = inner.withWorkload(var);
            dims.add("workload");
            break;
          }
        case MONTH:
          {
            T range = typer.expr(b.months(), inner);
            Ir.MonthRange months = new Ir.MonthRange(new Ir.AsOf(0), new Ir.AsOf(0));
            if (range instanceof TRange r) {
              months = r.r();
            } else {
              if (!(range instanceof TErr)) {
                reporter.error(
                    b.months().form(),
                    "'month in' takes months, such as 'window', 'TTM(M)' or 'M - 1 .. M'; this is "
                        + describe(range));
              }
              failed = true;
            }
            var = newVar(Ir.Dim.MONTH, b.var());
            binders.add(new Ir.ForMonth(var, months));
            Integer start = ExprTyper.first(months.from(), inner);
            Integer end = ExprTyper.last(months.to(), inner);
            inner = inner.withMonth(new Ir.MonthVar(var, 0));
            if (start != null || end != null) {
              inner = inner.withMonthBounds(var, start, end);
            }
            dims.add("month");
            break;
          }
        case TYPE:
          {
            List<String> types = null;
            if (b.types() != null) {
              Ir.TypeSet ts = symbols.typeSet(b.types(), env.scope);
              if (ts instanceof Ir.FixedTypes f) {
                types = f.types();
              } else {
                if (ts != null) {
                  reporter.error(
                      b.types().span(),
                      "this type set depends on the workload; write 'type where ... associated via "
                          + b.types().items().get(0).text()
                          + "'");
                }
                failed = true;
              }
            }
            var = newVar(Ir.Dim.TYPE, b.var());
            binders.add(new Ir.ForType(var, types));
            inner = inner.withType(var);
            dims.add("association type");
            break;
          }
        default:
          reporter.error(
              b.span(),
              "'customer' can only be used in a partner rule: 'value sum value for customer'");
          failed = true;
          continue;
      }
      if (b.var() != null && Symbols.builtin(b.var().text())) {
        String name = b.var().text();
        reporter.error(
            b.var().span(),
            "'"
                + name
                + "' is a built-in name"
                + (name.equals("M")
                    ? " (the as-of month): a month named 'M' would hide it here, so 'M - 12' and"
                        + " 'TTM(M)' inside would move from this month, not from the as-of month"
                    : ": a binder named so would hide it here")
                + "; choose another name, such as '"
                + (var.dim() == Ir.Dim.MONTH
                    ? "m"
                    : var.dim() == Ir.Dim.TENANT ? "t" : var.dim() == Ir.Dim.TYPE ? "k" : "w")
                + "'");
        failed = true;
      } else if (b.var() != null) {
        inner = inner.withLocal(b.var().text(), var);
      }
    }
    boolean takesTerm = a.body() != null;
    TNum body =
        takesTerm
            ? typer.expectNum(
                typer.expr(a.body(), inner),
                a.body().span(),
                "'" + a.kind().name().toLowerCase(java.util.Locale.ROOT) + "'")
            : null;
    T where =
        a.where() == null
            ? null
            : typer.expectBool(typer.expr(a.where(), inner), a.where().span(), "'where'");
    WhereTail.check(reporter, a);
    if (failed || (takesTerm && body == null) || (a.where() != null && where == null)) {
      return ERR;
    }
    Ir.Expr condition = where == null ? null : ((TBool) where).e();
    UnusedBinders.check(reporter, a, binders, condition, body == null ? null : body.e());
    switch (a.kind()) {
      case SUM:
        return new TNum(new Ir.Sum(binders, condition, body.e()), body.kind());
      case AVERAGE:
        return new TNum(
            new Ir.Reduce(Ir.ReduceOp.AVERAGE, binders, condition, body.e()), body.kind());
      case MINIMUM:
        return new TNum(
            new Ir.Reduce(Ir.ReduceOp.MINIMUM, binders, condition, body.e()), body.kind());
      case MAXIMUM:
        return new TNum(
            new Ir.Reduce(Ir.ReduceOp.MAXIMUM, binders, condition, body.e()), body.kind());
      case COUNT:
        return new TNum(new Ir.Count(binders, condition), Kind.count(countLabel(dims)));
      default:
        return new TBool(
            a.kind() == AggKind.ANY
                ? new Ir.Exists(binders, condition)
                : new Ir.ForAll(binders, condition));
    }
  }

  private static String countLabel(List<String> dims) {
    if (dims.equals(List.of("tenant", "workload"))) {
      return "tenant workloads";
    }
    if (dims.size() == 1) {
      return dims.get(0) + "s";
    }
    return String.join(" and ", dims) + " combinations";
  }

  private Ir.Var newVar(Ir.Dim dim, Ast.Name name) {
    String base =
        name != null
            ? name.text()
            : dim == Ir.Dim.TENANT
                ? "t"
                : dim == Ir.Dim.WORKLOAD ? "w" : dim == Ir.Dim.MONTH ? "m" : "k";
    return new Ir.Var(++varCounter, dim, base);
  }
}
