package eligo.check;

import static eligo.check.ExprTyper.ERR;

import eligo.check.ExprTyper.T;
import eligo.check.ExprTyper.TNum;
import eligo.ir.Ir;
import java.util.HashMap;
import java.util.Map;

/**
 * What is bound where an expression is typed ({@link ExprTyper}): the scope its names are looked up
 * in, the tenant, workload, month and association type that binders ('for', 'where', 'at') give,
 * the names of bound variables, and the node's {@code value} in 'met when' and partner rules.
 * Immutable; each with* returns a copy.
 */
final class Env {
  final Scope scope;
  final Ir.Var tenant;
  final Ir.Var workload;
  final Ir.MonthExpr month;
  final Ir.Var type;
  final Map<String, Ir.Var> locals;

  /**
   * The last month of each bound month variable's range, as an offset from M, where it is fixed.
   */
  private final Map<Ir.Var, Bounds> monthEnds;

  /**
   * The node's value ({@code value}): a TNum, ERR after an error in it, or null outside 'met when'.
   */
  final T value;

  final boolean inNet;

  /** Whether no customer is in scope: a partner rule's 'met when' judges the partner's total. */
  final boolean partnerLevel;

  private Env(
      Scope scope,
      Ir.Var tenant,
      Ir.Var workload,
      Ir.MonthExpr month,
      Ir.Var type,
      Map<String, Ir.Var> locals,
      T value,
      boolean inNet,
      boolean partnerLevel,
      Map<Ir.Var, Bounds> monthEnds) {
    this.scope = scope;
    this.tenant = tenant;
    this.workload = workload;
    this.month = month;
    this.type = type;
    this.locals = locals;
    this.value = value;
    this.inNet = inNet;
    this.partnerLevel = partnerLevel;
    this.monthEnds = monthEnds;
  }

  static Env root(Scope scope) {
    return new Env(scope, null, null, null, null, Map.of(), null, false, false, Map.of());
  }

  /** The same with no customer in scope (a partner rule's 'met when'). */
  Env partnerLevel() {
    return new Env(scope, tenant, workload, month, type, locals, value, inNet, true, monthEnds);
  }

  Env withScope(Scope s) {
    return new Env(s, tenant, workload, month, type, locals, value, inNet, partnerLevel, monthEnds);
  }

  Env withTenant(Ir.Var v) {
    return new Env(scope, v, workload, month, type, locals, value, inNet, partnerLevel, monthEnds);
  }

  Env withWorkload(Ir.Var v) {
    return new Env(scope, tenant, v, month, type, locals, value, inNet, partnerLevel, monthEnds);
  }

  Env withMonth(Ir.MonthExpr m) {
    return new Env(scope, tenant, workload, m, type, locals, value, inNet, partnerLevel, monthEnds);
  }

  Env withType(Ir.Var v) {
    return new Env(
        scope, tenant, workload, month, v, locals, value, inNet, partnerLevel, monthEnds);
  }

  Env withValue(T v) {
    T value = v instanceof TNum n ? new TNum(new Ir.NodeValue(n.e().scale()), n.kind()) : ERR;
    return new Env(
        scope, tenant, workload, month, type, locals, value, inNet, partnerLevel, monthEnds);
  }

  Env inNet() {
    return new Env(
        scope, tenant, workload, month, type, locals, value, true, partnerLevel, monthEnds);
  }

  /**
   * The first and last month of a month variable's range, as offsets from M; null where not fixed.
   */
  record Bounds(Integer first, Integer last) {}

  /**
   * The same with month variable {@code v} bound over months from M + {@code first} to M + {@code
   * last} (either null when the data decide it).
   */
  Env withMonthBounds(Ir.Var v, Integer first, Integer last) {
    Map<Ir.Var, Bounds> m = new HashMap<>(monthEnds);
    m.put(v, new Bounds(first, last));
    return new Env(scope, tenant, workload, month, type, locals, value, inNet, partnerLevel, m);
  }

  /** The last month of month variable {@code v}, as an offset from M, or null when not fixed. */
  Integer monthEnd(Ir.Var v) {
    Bounds b = monthEnds.get(v);
    return b == null ? null : b.last();
  }

  /** The first month of month variable {@code v}, as an offset from M, or null when not fixed. */
  Integer monthStart(Ir.Var v) {
    Bounds b = monthEnds.get(v);
    return b == null ? null : b.first();
  }

  Env withLocal(String name, Ir.Var v) {
    Map<String, Ir.Var> m = new HashMap<>(locals);
    m.put(name, v);
    return new Env(scope, tenant, workload, month, type, m, value, inNet, partnerLevel, monthEnds);
  }
}
