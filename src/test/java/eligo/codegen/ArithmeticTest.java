package eligo.codegen;

import static eligo.codegen.IrKit.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.data.Measure;
import eligo.data.Month;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scales align exactly; overflow fails loudly instead of giving a wrong number. */
class ArithmeticTest {
  static final int M = Month.of(2026, 6);
  static Run run;

  /**
   * 0: sum of acr (scale 2) over tenants; 1: paid units (0) + acr (2) as scale 2; 2: paid × 0.25;
   * 3: if paid > 1.5 then paid else -acr.
   */
  @BeforeAll
  static void compile() {
    IrKit a = new IrKit();
    Ir.Var t1 = a.tenant();
    Ir.Var w1 = a.workload();
    Ir.Node total =
        metric(
            "total",
            "Total",
            "ACR summed",
            1,
            sum(
                over(forTenant(t1), forWorkload(w1, new Ir.AllWorkloads())),
                null,
                acr(t1, w1, asOf(0))),
            gt(value(2), k(0)));
    IrKit b = new IrKit();
    Ir.Var t2 = b.tenant();
    Ir.Var w2 = b.workload();
    Ir.Node mixed =
        metric(
            "mixed",
            "Mixed",
            "paid + acr",
            2,
            sum(
                over(forTenant(t2), forWorkload(w2, new Ir.AllWorkloads())),
                null,
                add(measure(Measure.PAID_UNITS, t2, w2, asOf(0)), acr(t2, w2, asOf(0)))),
            ge(value(2), k(3, 0)));
    IrKit c = new IrKit();
    Ir.Var t3 = c.tenant();
    Ir.Var w3 = c.workload();
    Ir.Node quarter =
        metric(
            "quarter",
            "Quarter",
            "paid × 0.25",
            3,
            sum(
                over(forTenant(t3), forWorkload(w3, new Ir.AllWorkloads())),
                null,
                mul(measure(Measure.PAID_UNITS, t3, w3, asOf(0)), k(25, 2))),
            ge(value(2), k(1)));
    IrKit d = new IrKit();
    Ir.Var t4 = d.tenant();
    Ir.Var w4 = d.workload();
    Ir.Expr paid = measure(Measure.PAID_UNITS, t4, w4, asOf(0));
    Ir.Node choice =
        metric(
            "choice",
            "Choice",
            "if",
            4,
            sum(
                over(forTenant(t4), forWorkload(w4, new Ir.AllWorkloads())),
                null,
                new Ir.If(gt(paid, k(15, 1)), paid, new Ir.Neg(acr(t4, w4, asOf(0))))),
            ge(value(2), k(0)));
    run = new Run(area("arith", "Arithmetic", 1, branch("", "", 1, total, mixed, quarter, choice)));
  }

  static Dataset data(long acr1, long acr2, long paid) {
    DatasetKit b = new DatasetKit().workload("A", "F").types("PAL");
    b.customerWith("P", "C", "t1", "t2");
    b.acr("t1", "A", M, acr1).acr("t2", "A", M, acr2).usage("t1", "A", M, Measure.PAID_UNITS, paid);
    return b.build();
  }

  @Test
  void scalesAlign() {
    NodeResults r = run.evaluate(data(150, -25, 2), 0, M);
    assertThat(r.value[0]).isEqualTo(125); // 1.50 - 0.25
    assertThat(r.value[1]).isEqualTo(200 + 150 - 25); // 2 + 1.50 + (0 - 0.25)
    assertThat(r.status[1]).isEqualTo(NodeResults.MET); // 3.25 >= 3
    assertThat(r.value[2]).isEqualTo(50); // 2 × 0.25 = 0.50
    assertThat(r.value[3]).isEqualTo(200 + 25); // t1: 2 > 1.5 → 2.00; t2: paid 0 → -(-0.25)
  }

  /** Compared with 1e-20, a count is aligned to scale 20: by 10^18, then by 10^2. */
  @Test
  void alignmentBeyondEighteenDigitsIsExactOrThrows() {
    IrKit e = new IrKit();
    Ir.Var t = e.tenant();
    Ir.Var w = e.workload();
    Ir.Node tiny =
        metric(
            "tiny",
            "Tiny",
            "scale 20",
            5,
            sum(
                over(forTenant(t), forWorkload(w, new Ir.AllWorkloads())),
                null,
                measure(Measure.PAID_UNITS, t, w, asOf(0))),
            gt(value(0), k(1, 20)));
    Run tinyRun = new Run(area("tiny", "Tiny", 1, branch("", "", 1, tiny)));
    assertThat(tinyRun.evaluate(data(0, 0, 0), 0, M).status[0])
        .isEqualTo(NodeResults.NOT_MET); // 0 > 1e-20
    assertThatThrownBy(() -> tinyRun.evaluate(data(0, 0, 2), 0, M))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void sumOverflowThrows() {
    Dataset data = data(Long.MAX_VALUE, 1, 0);
    assertThatThrownBy(() -> run.evaluate(data, 0, M)).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void scaleAlignmentOverflowThrows() {
    Dataset data = data(0, 0, Long.MAX_VALUE / 10);
    assertThatThrownBy(() -> run.evaluate(data, 0, M)).isInstanceOf(ArithmeticException.class);
  }

  /**
   * Values computed in one pass (a net over TTM(M) at M and at M-12; a sum per workload, then the
   * workloads counted) overflow exactly when their own pass would: never from another value's
   * additions.
   */
  @Test
  void valuesComputedInOnePassOverflowOnlyOnTheirOwn() {
    IrKit a = new IrKit();
    Ir.Var t1 = a.tenant();
    Ir.Var w1 = a.workload();
    Ir.Var m1 = a.month();
    Ir.Node growth =
        metric(
            "growth",
            "Growth",
            "net ACR of TTM(M)",
            1,
            net(
                sum(
                    over(
                        forTenant(t1),
                        forWorkload(w1, new Ir.AllWorkloads()),
                        forMonth(m1, asOf(-11), asOf(0))),
                    null,
                    acr(t1, w1, mv(m1)))),
            gt(value(2), k(0)));
    Run growthRun = new Run(area("growth", "Growth", 1, branch("", "", 1, growth)));
    assertThat(new JavaGenerator().generate(growthRun.area, "eligo.generated").toString())
        .contains("sumAtM12");
    IrKit b = new IrKit();
    Ir.Var w2 = b.workload();
    Ir.Var t2 = b.tenant();
    Ir.Var m2 = b.month();
    Ir.Node busy =
        metric(
            "busy",
            "Busy",
            "workloads with ACR in TTM(M)",
            1,
            count(
                over(forWorkload(w2, new Ir.AllWorkloads())),
                gt(
                    sum(
                        over(forTenant(t2), forMonth(m2, asOf(-11), asOf(0))),
                        null,
                        acr(t2, w2, mv(m2))),
                    k(0))),
            ge(value(0), k(1)));
    Run busyRun = new Run(area("busy", "Busy", 1, branch("", "", 1, busy)));
    assertThat(new JavaGenerator().generate(busyRun.area, "eligo.generated").toString())
        .contains("sums1[w]");

    // the largest amount at M and at M-12, on two workloads: each value fits
    DatasetKit fits = new DatasetKit().workload("A", "F").workload("B", "F").types("PAL");
    fits.customerWith("P", "C", "t1");
    fits.acr("t1", "A", M, Long.MAX_VALUE).acr("t1", "B", M - 12, Long.MAX_VALUE);
    NodeResults g = growthRun.evaluate(fits.build(), 0, M);
    assertThat(g.current[0]).isEqualTo(Long.MAX_VALUE);
    assertThat(g.baseline[0]).isEqualTo(Long.MAX_VALUE);
    assertThat(g.value[0]).isZero();
    DatasetKit twoWorkloads = new DatasetKit().workload("A", "F").workload("B", "F").types("PAL");
    twoWorkloads.customerWith("P", "C", "t1", "t2");
    twoWorkloads.acr("t1", "A", M, Long.MAX_VALUE).acr("t2", "B", M, Long.MAX_VALUE);
    assertThat(busyRun.evaluate(twoWorkloads.build(), 0, M).value[0]).isEqualTo(2);

    // only the value at M-12 overflows; only workload B's sum, over two tenants
    DatasetKit baseline = new DatasetKit().workload("A", "F").types("PAL");
    baseline.customerWith("P", "C", "t1");
    baseline.acr("t1", "A", M - 12, Long.MAX_VALUE).acr("t1", "A", M - 13, 1);
    assertThatThrownBy(() -> growthRun.evaluate(baseline.build(), 0, M))
        .isInstanceOf(ArithmeticException.class);
    DatasetKit oneWorkload = new DatasetKit().workload("A", "F").workload("B", "F").types("PAL");
    oneWorkload.customerWith("P", "C", "t1", "t2");
    oneWorkload.acr("t1", "A", M, 5).acr("t1", "B", M, Long.MAX_VALUE).acr("t2", "B", M - 1, 1);
    assertThatThrownBy(() -> busyRun.evaluate(oneWorkload.build(), 0, M))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void negationOverflowThrows() {
    // node "choice": t2 has paid 0, so -acr is taken: -Long.MIN_VALUE overflows
    Dataset data = data(0, Long.MIN_VALUE, 0);
    assertThatThrownBy(() -> run.evaluate(data, 0, M)).isInstanceOf(ArithmeticException.class);
  }
}
