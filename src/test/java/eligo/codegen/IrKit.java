package eligo.codegen;

import eligo.data.Measure;
import eligo.ir.Ir;
import java.util.Arrays;
import java.util.List;

/** Terse construction of IR by hand for tests. Each node gets fresh variables from its own kit. */
final class IrKit {
  static final String FILE = "test.criteria";
  private int nextVar = 1;

  Ir.Var tenant() {
    return new Ir.Var(nextVar++, Ir.Dim.TENANT, "tenant");
  }

  Ir.Var workload() {
    return new Ir.Var(nextVar++, Ir.Dim.WORKLOAD, "workload");
  }

  Ir.Var month() {
    return new Ir.Var(nextVar++, Ir.Dim.MONTH, "month");
  }

  Ir.Var type() {
    return new Ir.Var(nextVar++, Ir.Dim.TYPE, "type");
  }

  static Ir.Origin at(int line) {
    return new Ir.Origin(FILE, line);
  }

  // ---- sets

  static Ir.WorkloadSet names(String... names) {
    return new Ir.Names(List.of(names));
  }

  static Ir.WorkloadSet family(String... families) {
    return new Ir.Families(List.of(families));
  }

  static Ir.WorkloadSet union(Ir.WorkloadSet... parts) {
    return new Ir.Union(List.of(parts));
  }

  static Ir.WorkloadSet except(Ir.WorkloadSet base, Ir.WorkloadSet minus) {
    return new Ir.Except(base, minus);
  }

  static Ir.TypeSet types(String... types) {
    return new Ir.FixedTypes(List.of(types));
  }

  // ---- binders and months

  static Ir.Binder forTenant(Ir.Var v) {
    return new Ir.ForTenant(v);
  }

  static Ir.Binder forWorkload(Ir.Var v, Ir.WorkloadSet set) {
    return new Ir.ForWorkload(v, set);
  }

  static Ir.Binder forMonth(Ir.Var v, Ir.MonthExpr from, Ir.MonthExpr to) {
    return new Ir.ForMonth(v, new Ir.MonthRange(from, to));
  }

  static Ir.Binder forType(Ir.Var v, String... types) {
    return new Ir.ForType(v, types == null ? null : List.of(types));
  }

  static Ir.MonthExpr asOf(int offset) {
    return new Ir.AsOf(offset);
  }

  static Ir.MonthExpr mv(Ir.Var v) {
    return new Ir.MonthVar(v, 0);
  }

  static Ir.MonthRange range(Ir.MonthExpr from, Ir.MonthExpr to) {
    return new Ir.MonthRange(from, to);
  }

  // ---- expressions

  static List<Ir.Binder> over(Ir.Binder... binders) {
    return Arrays.asList(binders);
  }

  static Ir.Expr count(List<Ir.Binder> binders, Ir.Expr where) {
    return new Ir.Count(binders, where);
  }

  static Ir.Expr sum(List<Ir.Binder> binders, Ir.Expr where, Ir.Expr body) {
    return new Ir.Sum(binders, where, body);
  }

  static Ir.Expr any(List<Ir.Binder> binders, Ir.Expr where) {
    return new Ir.Exists(binders, where);
  }

  static Ir.Expr every(List<Ir.Binder> binders, Ir.Expr where) {
    return new Ir.ForAll(binders, where);
  }

  static Ir.Expr net(Ir.Expr body) {
    return new Ir.Net(body);
  }

  static Ir.Expr k(long unscaled, int scale) {
    return new Ir.Const(unscaled, scale);
  }

  static Ir.Expr k(long value) {
    return new Ir.Const(value, 0);
  }

  static Ir.Expr value(int scale) {
    return new Ir.NodeValue(scale);
  }

  static Ir.Expr measure(Measure m, Ir.Var t, Ir.Var w, Ir.MonthExpr month) {
    return new Ir.MeasureAt(m, t, w, month);
  }

  static Ir.Expr acr(Ir.Var t, Ir.Var w, Ir.MonthExpr month) {
    return measure(Measure.ACR_USD, t, w, month);
  }

  static Ir.Expr cmp(Ir.CmpOp op, Ir.Expr left, Ir.Expr right) {
    return new Ir.Compare(op, left, right);
  }

  static Ir.Expr ge(Ir.Expr left, Ir.Expr right) {
    return cmp(Ir.CmpOp.GE, left, right);
  }

  static Ir.Expr gt(Ir.Expr left, Ir.Expr right) {
    return cmp(Ir.CmpOp.GT, left, right);
  }

  static Ir.Expr mul(Ir.Expr left, Ir.Expr right) {
    return new Ir.Arith(Ir.ArithOp.MUL, left, right);
  }

  static Ir.Expr add(Ir.Expr left, Ir.Expr right) {
    return new Ir.Arith(Ir.ArithOp.ADD, left, right);
  }

  static Ir.Expr sub(Ir.Expr left, Ir.Expr right) {
    return new Ir.Arith(Ir.ArithOp.SUB, left, right);
  }

  static Ir.Expr and(Ir.Expr left, Ir.Expr right) {
    return new Ir.And(left, right);
  }

  static Ir.Expr or(Ir.Expr left, Ir.Expr right) {
    return new Ir.Or(left, right);
  }

  static Ir.Expr not(Ir.Expr operand) {
    return new Ir.Not(operand);
  }

  static Ir.Expr associated(
      Ir.Var t, Ir.Var w, Ir.MonthExpr month, Ir.Var typeVar, Ir.TypeSet types) {
    return new Ir.Associated(t, w, month, typeVar, types);
  }

  // ---- nodes

  static Ir.Node node(
      String id,
      Ir.NodeKind kind,
      String title,
      String criteria,
      int line,
      Ir.Expr value,
      Ir.Expr met,
      Ir.PartnerRule partner) {
    return new Ir.Node(
        id,
        kind,
        title,
        criteria,
        at(line),
        List.of(),
        value,
        Ir.ValueKind.COUNT,
        "",
        met,
        partner,
        List.of());
  }

  static Ir.Node gate(
      String id, String title, String criteria, int line, Ir.Expr value, Ir.Expr met) {
    return node(id, Ir.NodeKind.GATE, title, criteria, line, value, met, null);
  }

  static Ir.Node metric(
      String id, String title, String criteria, int line, Ir.Expr value, Ir.Expr met) {
    return node(id, Ir.NodeKind.METRIC, title, criteria, line, value, met, null);
  }

  static Ir.Node leaf(
      String id, String title, String criteria, int line, Ir.Expr value, Ir.Expr met) {
    return node(id, Ir.NodeKind.LEAF, title, criteria, line, value, met, null);
  }

  static Ir.Node withPartner(Ir.Node n, Ir.Expr perCustomer, Ir.Expr met) {
    return new Ir.Node(
        n.id(),
        n.kind(),
        n.title(),
        n.criteria(),
        n.origin(),
        n.details(),
        n.value(),
        n.valueKind(),
        n.unit(),
        n.met(),
        new Ir.PartnerRule(
            "partner: " + n.criteria(), n.origin(), perCustomer, n.valueKind(), n.unit(), met),
        n.leaves());
  }

  static Ir.Node withLeaves(String id, String title, int line, Ir.Node... leaves) {
    return new Ir.Node(
        id,
        Ir.NodeKind.METRIC,
        title,
        title,
        at(line),
        List.of(),
        null,
        Ir.ValueKind.COUNT,
        "",
        null,
        null,
        List.of(leaves));
  }

  static Ir.Branch branch(String id, String title, int line, Ir.Node... nodes) {
    return new Ir.Branch(id, title, at(line), List.of(nodes));
  }

  static Ir.Area area(String id, String title, int line, Ir.Branch... branches) {
    return new Ir.Area(id, title, at(line), List.of(branches));
  }
}
