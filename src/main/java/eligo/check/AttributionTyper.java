package eligo.check;

import static eligo.check.ExprTyper.ERR;
import static eligo.check.ExprTyper.describe;

import eligo.check.ExprTyper.T;
import eligo.check.ExprTyper.TBool;
import eligo.check.ExprTyper.TErr;
import eligo.check.ExprTyper.TMonth;
import eligo.check.ExprTyper.TNum;
import eligo.ir.Ir;
import eligo.lang.Ast;

/**
 * Types attribution to association types: {@code via} (an amount or a condition counted only where
 * the tenant workload is associated), {@code associated} and {@code earliest start}, each needing
 * the tenant, workload (and month) that binders give.
 */
final class AttributionTyper {
  private final Reporter reporter;
  private final Symbols symbols;
  private final ExprTyper typer;

  AttributionTyper(Reporter reporter, Symbols symbols, ExprTyper typer) {
    this.reporter = reporter;
    this.symbols = symbols;
    this.typer = typer;
  }

  T via(Ast.Via v, Env env) {
    T x = typer.expr(v.operand(), env);
    Ir.TypeSet types = symbols.typeSet(v.types(), env.scope);
    if (x instanceof TErr || types == null) {
      return ERR;
    }
    if (env.month == null
        && v.operand() instanceof Ast.At at
        && env.tenant != null
        && env.workload != null) {
      // 'acr at (M - 1) via CSP': the 'at' gave its month to 'acr' only, and 'via' asks for one too
      reporter.error(
          v.form(),
          "'via' stands after 'at', which gives its month only to what stands before it, so"
              + " 'via' has none: write 'via' first ('acr via S at (M - 1)')");
      return ERR;
    }
    if (!typer.needs(env, v.span(), "'via' (attribution)", true, true, true)) {
      return ERR;
    }
    Ir.Expr assoc = new Ir.Associated(env.tenant, env.workload, env.month, null, types);
    if (x instanceof TNum n) {
      return new TNum(new Ir.If(assoc, n.e(), new Ir.Const(0, 0)), n.kind());
    }
    if (x instanceof TBool b) {
      return new TBool(new Ir.And(assoc, b.e()));
    }
    reporter.error(
        v.operand().span(),
        "'via' attributes an amount or a count to association types; this is " + describe(x));
    return ERR;
  }

  T associated(Ast.Associated a, Env env) {
    Ir.TypeSet types = null;
    if (a.via() != null) {
      types = symbols.typeSet(a.via(), env.scope);
      if (types == null) {
        return ERR;
      }
    }
    if (!typer.needs(env, a.span(), "'associated'", true, true, true)) {
      return ERR;
    }
    if (types == null && env.type == null) {
      // any association at all
      return new TBool(new Ir.Associated(env.tenant, env.workload, env.month, null, null));
    }
    return new TBool(new Ir.Associated(env.tenant, env.workload, env.month, env.type, types));
  }

  /**
   * {@code earliest start via S}: the earliest start month of the bound tenant workload's
   * associations of a type in S.
   */
  T earliestStart(Ast.EarliestStart s, Env env) {
    Ir.TypeSet types = symbols.typeSet(s.via(), env.scope);
    if (types == null || !typer.needs(env, s.span(), "'earliest start'", true, true, false)) {
      return ERR;
    }
    return new TMonth(new Ir.EarliestStart(env.tenant, env.workload, types));
  }
}
