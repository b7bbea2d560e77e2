package eligo.codegen;

import static eligo.codegen.IrKit.*;
import static eligo.data.NodeResults.MET;
import static eligo.data.NodeResults.NOT_MET;
import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.data.Month;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IR forms the shipped criteria use rarely: nets inside sums and nets of nets, month loops from an
 * earliest start, month tests without "no month", aggregates without binders, every/any with the
 * node value read in nested helpers, or/not, and associations of any type.
 */
class ExpressionFormsTest {
  static final int M = Month.of(2026, 6);
  static Run run;
  static Dataset data;

  @BeforeAll
  static void compile() {
    Ir.WorkloadSet all = new Ir.AllWorkloads();
    IrKit a = new IrKit();
    Ir.Var t0 = a.tenant();
    Ir.Var w0 = a.workload();
    Ir.Node netInside =
        metric(
            "net-inside",
            "",
            "",
            1,
            sum(over(forTenant(t0), forWorkload(w0, all)), null, net(acr(t0, w0, asOf(0)))),
            gt(value(2), k(0)));

    IrKit b = new IrKit();
    Ir.Var t1 = b.tenant();
    Ir.Var w1 = b.workload();
    Ir.Node netOfNet =
        metric(
            "net-of-net",
            "",
            "",
            2,
            net(net(sum(over(forTenant(t1), forWorkload(w1, all)), null, acr(t1, w1, asOf(0))))),
            gt(value(2), k(0)));

    IrKit c = new IrKit();
    Ir.Var t2 = c.tenant();
    Ir.Var w2 = c.workload();
    Ir.Var m2 = c.month();
    Ir.Node sinceStart =
        metric(
            "since-start",
            "",
            "",
            3,
            sum(
                over(forTenant(t2), forWorkload(w2, all)),
                null,
                sum(
                    over(forMonth(m2, new Ir.EarliestStart(t2, w2, types("PAL")), asOf(0))),
                    null,
                    acr(t2, w2, mv(m2)))),
            ge(value(2), k(1)));

    IrKit d = new IrKit();
    Ir.Var m3 = d.month();
    Ir.Var m4 = d.month();
    Ir.Node months =
        metric(
            "months",
            "",
            "",
            4,
            add(
                count(
                    over(forMonth(m3, asOf(-5), asOf(0))),
                    new Ir.InMonths(mv(m3), range(asOf(-2), asOf(0)))),
                count(
                    over(forMonth(m4, asOf(-5), asOf(0))),
                    new Ir.CompareMonths(Ir.CmpOp.GE, mv(m4), asOf(-1)))),
            ge(value(0), k(5)));

    IrKit e = new IrKit();
    Ir.Var t5 = e.tenant();
    Ir.Var w5 = e.workload();
    Ir.Node single =
        metric(
            "single",
            "",
            "",
            5,
            count(over(), gt(k(2), k(1))),
            every(
                over(forTenant(t5)),
                any(over(forWorkload(w5, all)), gt(acr(t5, w5, asOf(0)), value(0)))));

    IrKit f = new IrKit();
    Ir.Var t6 = f.tenant();
    Ir.Var w6 = f.workload();
    Ir.Var w7 = f.workload();
    Ir.Node orNot =
        metric(
            "or-not",
            "",
            "",
            6,
            count(
                over(forTenant(t6)),
                or(
                    not(any(over(forWorkload(w6, all)), associated(t6, w6, asOf(0), null, null))),
                    every(
                        over(forWorkload(w7, all)), cmp(Ir.CmpOp.EQ, acr(t6, w7, asOf(0)), k(0))))),
            ge(value(0), k(1)));

    run =
        new Run(
            area(
                "forms",
                "Forms",
                1,
                branch("", "", 1, netInside, netOfNet, sinceStart, months, single, orNot)));

    DatasetKit db = new DatasetKit().workload("A", "F").workload("B", "F").types("PAL", "DPOR");
    db.customerWith("P", "C0", "t1", "t2");
    db.assoc("t1", "A", "PAL", M - 3, Month.OPEN)
        .acr("t1", "A", M, 500)
        .acr("t1", "A", M - 1, 100)
        .acr("t1", "A", M - 3, 50)
        .acr("t1", "A", M - 4, 7)
        .acr("t1", "A", M - 12, 200)
        .acr("t1", "A", M - 24, 30)
        .acr("t2", "B", M, 1000)
        .acr("t2", "B", M - 12, 400);
    db.customerWith("P", "C1", "u1");
    db.acr("u1", "B", M, 5);
    data = db.build();
  }

  @Test
  void netInsideASumSeesItsBoundVariables() {
    NodeResults r = run.evaluate(data, 0, M);
    assertThat(r.value[0]).isEqualTo((500 - 200) + (1000 - 400));
    assertThat(r.current[0]).isZero(); // not a net node: no current/baseline
  }

  @Test
  void netOfNetShiftsTwice() {
    NodeResults r = run.evaluate(data, 0, M);
    assertThat(r.current[1]).isEqualTo(1500 - 600); // S(M) - S(M-12)
    assertThat(r.baseline[1]).isEqualTo(600 - 30); // S(M-12) - S(M-24)
    assertThat(r.value[1]).isEqualTo(330);
  }

  @Test
  void monthLoopFromAnEarliestStartIsEmptyWithoutOne() {
    NodeResults r = run.evaluate(data, 0, M);
    assertThat(r.value[2]).isEqualTo(50 + 100 + 500); // t1/A from M-3; the 7 of M-4 is earlier
    assertThat(run.evaluate(data, 1, M).value[2]).isZero(); // no PAL anywhere: no month
  }

  @Test
  void monthTests() {
    NodeResults r = run.evaluate(data, 0, M);
    assertThat(r.value[3]).isEqualTo(3 + 2);
    assertThat(r.status[3]).isEqualTo(MET);
  }

  @Test
  void singleBindingAndNodeValueInNestedHelpers() {
    NodeResults r = run.evaluate(data, 0, M);
    assertThat(r.value[4]).isEqualTo(1);
    assertThat(r.status[4]).isEqualTo(MET); // every tenant has a workload with ACR above 1.00
    assertThat(run.evaluate(data, 1, M).status[4]).isEqualTo(NOT_MET); // 0.05 only
  }

  @Test
  void orNotAndAnyType() {
    assertThat(run.evaluate(data, 0, M).value[5]).isEqualTo(1); // t2: no association at all
    assertThat(run.evaluate(data, 1, M).value[5]).isEqualTo(1);
  }

  @Test
  void asOfIsAParameterOfEveryHelper() {
    // the same data a year later: everything moves with the as-of month
    NodeResults r = run.evaluate(data, 0, M + 12);
    assertThat(r.value[0]).isEqualTo(-500 - 1000);
    assertThat(r.value[2]).isEqualTo(650);
  }
}
