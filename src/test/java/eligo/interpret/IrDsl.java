package eligo.interpret;

import eligo.data.Measure;
import eligo.ir.Ir;
import eligo.ir.Ir.Binder;
import eligo.ir.Ir.CmpOp;
import eligo.ir.Ir.Dim;
import eligo.ir.Ir.Expr;
import eligo.ir.Ir.MonthExpr;
import eligo.ir.Ir.Var;
import eligo.ir.Ir.WorkloadSet;
import java.util.Arrays;
import java.util.List;

/** Short hand for writing IR in tests: static factories, one per construct. */
public final class IrDsl {
  private IrDsl() {}

  public static final Ir.Origin ORIGIN = new Ir.Origin("test.criteria", 1);

  // ---- variables

  public static Var tenantVar(int id) {
    return new Var(id, Dim.TENANT, "t");
  }

  public static Var workloadVar(int id) {
    return new Var(id, Dim.WORKLOAD, "w");
  }

  public static Var monthVar(int id) {
    return new Var(id, Dim.MONTH, "m");
  }

  public static Var typeVar(int id) {
    return new Var(id, Dim.TYPE, "k");
  }

  // ---- sets

  public static Ir.Names names(String... names) {
    return new Ir.Names(List.of(names));
  }

  public static Ir.Families families(String... families) {
    return new Ir.Families(List.of(families));
  }

  public static Ir.Union union(WorkloadSet... parts) {
    return new Ir.Union(List.of(parts));
  }

  public static Ir.Except except(WorkloadSet base, WorkloadSet minus) {
    return new Ir.Except(base, minus);
  }

  public static Ir.AllWorkloads allWorkloads() {
    return new Ir.AllWorkloads();
  }

  public static Ir.FixedTypes types(String... types) {
    return new Ir.FixedTypes(List.of(types));
  }

  // ---- binders

  public static List<Binder> over(Binder... binders) {
    return List.of(binders);
  }

  public static Ir.ForTenant forTenant(Var v) {
    return new Ir.ForTenant(v);
  }

  public static Ir.ForWorkload forWorkload(Var v, WorkloadSet set) {
    return new Ir.ForWorkload(v, set);
  }

  public static Ir.ForMonth forMonth(Var v, MonthExpr from, MonthExpr to) {
    return new Ir.ForMonth(v, new Ir.MonthRange(from, to));
  }

  /** Types of the vocabulary named here; no names: every type (a null list). */
  public static Ir.ForType forType(Var v, String... types) {
    return new Ir.ForType(v, types.length == 0 ? null : Arrays.asList(types));
  }

  // ---- months

  public static Ir.AsOf asOf(int offset) {
    return new Ir.AsOf(offset);
  }

  public static Ir.MonthVar mv(Var v) {
    return new Ir.MonthVar(v, 0);
  }

  public static Ir.MonthVar mv(Var v, int offset) {
    return new Ir.MonthVar(v, offset);
  }

  public static Ir.MonthRange range(MonthExpr from, MonthExpr to) {
    return new Ir.MonthRange(from, to);
  }

  // ---- numbers

  public static Ir.Const num(long unscaled, int scale) {
    return new Ir.Const(unscaled, scale);
  }

  public static Ir.Const num(long n) {
    return new Ir.Const(n, 0);
  }

  public static Ir.MeasureAt measure(Measure m, Var t, Var w, MonthExpr month) {
    return new Ir.MeasureAt(m, t, w, month);
  }

  public static Ir.MeasureAt acr(Var t, Var w, MonthExpr month) {
    return measure(Measure.ACR_USD, t, w, month);
  }

  public static Ir.Arith add(Expr l, Expr r) {
    return new Ir.Arith(Ir.ArithOp.ADD, l, r);
  }

  public static Ir.Arith sub(Expr l, Expr r) {
    return new Ir.Arith(Ir.ArithOp.SUB, l, r);
  }

  public static Ir.Arith mul(Expr l, Expr r) {
    return new Ir.Arith(Ir.ArithOp.MUL, l, r);
  }

  public static Ir.Sum sum(List<Binder> binders, Expr where, Expr body) {
    return new Ir.Sum(binders, where, body);
  }

  public static Ir.Count count(List<Binder> binders, Expr where) {
    return new Ir.Count(binders, where);
  }

  public static Ir.Net net(Expr body) {
    return new Ir.Net(body);
  }

  public static Ir.NodeValue value(int scale) {
    return new Ir.NodeValue(scale);
  }

  // ---- conditions

  public static Ir.Compare cmp(CmpOp op, Expr l, Expr r) {
    return new Ir.Compare(op, l, r);
  }

  public static Ir.Compare ge(Expr l, Expr r) {
    return cmp(CmpOp.GE, l, r);
  }

  public static Ir.Compare gt(Expr l, Expr r) {
    return cmp(CmpOp.GT, l, r);
  }

  public static Ir.Exists exists(List<Binder> binders, Expr where) {
    return new Ir.Exists(binders, where);
  }

  public static Ir.ForAll forAll(List<Binder> binders, Expr where) {
    return new Ir.ForAll(binders, where);
  }

  public static Ir.Associated associated(Var t, Var w, MonthExpr m, Var typeVar, Ir.TypeSet types) {
    return new Ir.Associated(t, w, m, typeVar, types);
  }

  // ---- tree

  private static Ir.ValueKind kindFor(Expr value) {
    return value != null && value.scale() == 2 ? Ir.ValueKind.MONEY : Ir.ValueKind.COUNT;
  }

  public static Ir.Node node(
      Ir.NodeKind kind, String id, Expr value, Expr met, Ir.PartnerRule partner) {
    return new Ir.Node(
        id,
        kind,
        id,
        "criteria of " + id,
        ORIGIN,
        List.of(),
        value,
        kindFor(value),
        "",
        met,
        partner,
        List.of());
  }

  public static Ir.Node gate(String id, Expr value, Expr met) {
    return node(Ir.NodeKind.GATE, id, value, met, null);
  }

  public static Ir.Node metric(String id, Expr value, Expr met) {
    return node(Ir.NodeKind.METRIC, id, value, met, null);
  }

  public static Ir.Node metric(String id, Expr value, Expr met, Ir.PartnerRule partner) {
    return node(Ir.NodeKind.METRIC, id, value, met, partner);
  }

  public static Ir.Node leaf(String id, Expr value, Expr met, Ir.PartnerRule partner) {
    return node(Ir.NodeKind.LEAF, id, value, met, partner);
  }

  /** A metric that is only its leaves. */
  public static Ir.Node metricWithLeaves(String id, Ir.Node... leaves) {
    return new Ir.Node(
        id,
        Ir.NodeKind.METRIC,
        id,
        "criteria of " + id,
        ORIGIN,
        List.of(),
        null,
        Ir.ValueKind.COUNT,
        "",
        null,
        null,
        List.of(leaves));
  }

  public static Ir.PartnerRule partner(Expr perCustomer, Expr met) {
    return new Ir.PartnerRule(
        "partner criteria", ORIGIN, perCustomer, kindFor(perCustomer), "", met);
  }

  public static Ir.Branch branch(String id, Ir.Node... nodes) {
    return new Ir.Branch(id, id, ORIGIN, List.of(nodes));
  }

  public static Ir.Area area(String id, Ir.Branch... branches) {
    return new Ir.Area(id, id, ORIGIN, List.of(branches));
  }

  /** An area of one unnamed branch. */
  public static Ir.Area area(String id, Ir.Node... nodes) {
    return area(id, branch("", nodes));
  }
}
