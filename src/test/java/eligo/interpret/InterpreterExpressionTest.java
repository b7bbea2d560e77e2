package eligo.interpret;

import static eligo.data.DatasetKit.month;
import static eligo.interpret.IrDsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.data.Measure;
import eligo.ir.Ir;
import eligo.ir.Ir.CmpOp;
import eligo.ir.Ir.Expr;
import eligo.ir.Ir.Var;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expression forms of the IR, one behaviour at a time, on small hand-made datasets. */
class InterpreterExpressionTest {
  private static final int SEP_2026 = month("2026-09");

  /** A metric whose value is {@code value}, met when the value is at least 1. */
  private static Ir.Node metricOf(String id, Expr value) {
    return metric(id, value, ge(value(value.scale()), num(1)));
  }

  /** Evaluates one-metric-per-expression area for customer 0 as of 2026-09. */
  private static Outcome run(Dataset data, Ir.Node... nodes) {
    Ir.Area area = area("x", nodes);
    return Outcome.of(area, new Interpreter(area, data), 0, SEP_2026);
  }

  private static DatasetKit oneTenant(String... workloadAndFamily) {
    DatasetKit b = new DatasetKit().types(DatasetKit.COMMON_TYPES);
    for (int i = 0; i < workloadAndFamily.length; i += 2) {
      b.workload(workloadAndFamily[i], workloadAndFamily[i + 1]);
    }
    return b.customer("P", "C").tenant("C", "T");
  }

  private static final Expr FALSE = gt(num(0), num(1));

  // ---------------------------------------------------------------- association types

  @Test
  void typesByWorkloadIsReadForTheBoundWorkloadAndTheFirstHoldingCaseDecides() {
    Dataset data =
        oneTenant(
                "Power BI", "Power Platform",
                "Power Apps", "Power Platform",
                "Customer Insights Partner", "Dynamics 365",
                "Finance", "Dynamics 365",
                "Guides", "Dynamics 365")
            .assoc("T", "Power BI", "PAL", "2026-01", null)
            .assoc("T", "Power Apps", "PAL", "2026-01", null)
            .assoc("T", "Customer Insights Partner", "PAL", "2026-01", null)
            .assoc("T", "Finance", "PAL", "2026-01", null)
            .assoc("T", "Guides", "DPOR", "2026-01", null)
            .build();
    Ir.TypesByWorkload sCs =
        new Ir.TypesByWorkload(
            List.of(
                new Ir.TypeCase(
                    union(families("Power Platform"), names("Customer Insights Partner")),
                    List.of("PAL"))),
            List.of("CPOR OSU", "DPOR"));
    Ir.TypesByWorkload firstWins =
        new Ir.TypesByWorkload(
            List.of(
                new Ir.TypeCase(names("Power BI"), List.of("DPOR")),
                new Ir.TypeCase(families("Power Platform"), List.of("PAL"))),
            List.of());
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Outcome o =
        run(
            data,
            metricOf(
                "s-cs",
                count(
                    over(forTenant(t), forWorkload(w, allWorkloads())),
                    associated(t, w, asOf(0), null, sCs))),
            metricOf(
                "first-wins",
                count(
                    over(forTenant(t), forWorkload(w, allWorkloads())),
                    associated(t, w, asOf(0), null, firstWins))));
    // Power BI, Power Apps, Customer Insights Partner (PAL) and Guides (DPOR); not Finance (PAL).
    assertThat(o.cell("s-cs")).isEqualTo("met,4");
    // Power BI meets its own case first (DPOR only); Power Apps takes the family case; the rest
    // fall to an empty otherwise.
    assertThat(o.cell("first-wins")).isEqualTo("met,1");
  }

  @Test
  void associatedWithABoundTypeVariableAndATypeSetNeedsBoth() {
    Dataset data =
        oneTenant("A", "X")
            .assoc("T", "A", "CPOR", "2026-01", null)
            .assoc("T", "A", "CSP T1", "2026-01", null)
            .assoc("T", "A", "PAL", "2024-01", "2024-12")
            .build();
    Var k = typeVar(1);
    Var t = tenantVar(2);
    Var w = workloadVar(3);
    Outcome o =
        run(
            data,
            // every vocabulary type (null list), active now
            metricOf(
                "all-types",
                count(
                    over(forType(k), forTenant(t), forWorkload(w, allWorkloads())),
                    associated(t, w, asOf(0), k, null))),
            // bound type and type set: CPOR is outside the set
            metricOf(
                "in-set",
                count(
                    over(forType(k), forTenant(t), forWorkload(w, allWorkloads())),
                    associated(t, w, asOf(0), k, types("CSP T1", "CSP T2", "PAL")))),
            // a null where counts every binding: the whole vocabulary
            metricOf("vocabulary", count(over(forType(k)), null)));
    assertThat(o.cell("all-types")).isEqualTo("met,2");
    assertThat(o.cell("in-set")).isEqualTo("met,1");
    assertThat(o.cell("vocabulary")).isEqualTo("met," + DatasetKit.COMMON_TYPES.size());
  }

  // ---------------------------------------------------------------- workload sets

  @Test
  void workloadSetsDecideByNameOrFamily() {
    Dataset data = oneTenant("A", "X", "B", "X", "C", "Y", "D", "Z").build();
    Var w = workloadVar(1);
    Outcome o =
        run(
            data,
            metricOf("names", count(over(forWorkload(w, names("A", "C", "not a workload"))), null)),
            metricOf("families", count(over(forWorkload(w, families("X"))), null)),
            metricOf("union", count(over(forWorkload(w, union(names("C"), families("X")))), null)),
            metricOf(
                "except",
                count(
                    over(forWorkload(w, except(allWorkloads(), union(names("A"), families("Z"))))),
                    null)),
            metricOf("all", count(over(forWorkload(w, allWorkloads())), null)),
            metricOf(
                "none", count(over(forWorkload(w, except(families("X"), families("X")))), null)));
    assertThat(o.rows())
        .containsExactly(
            "names,met,2",
            "families,met,2",
            "union,met,3",
            "except,met,2",
            "all,met,4",
            "none,not_met,0");
  }

  // ---------------------------------------------------------------- numbers

  @Test
  void rateTablesGiveTheUnscaledRateOfTheBoundWorkloadAtTheirScale() {
    Dataset data =
        oneTenant(
                "Business Central", "Dynamics 365",
                "Customer Insights Partner", "Dynamics 365",
                "Guides", "Dynamics 365",
                "Power BI", "Power Platform")
            .usage("T", "Business Central", "2026-09", Measure.ACTIVE_USERS, 5)
            .usage("T", "Customer Insights Partner", "2026-09", Measure.ACTIVE_USERS, 7)
            .usage("T", "Guides", "2026-09", Measure.ACTIVE_USERS, 3)
            .usage("T", "Power BI", "2026-09", Measure.ACTIVE_USERS, 1)
            .build();
    Ir.RateTable mcv =
        new Ir.RateTable(
            "mcv",
            List.of(
                new Ir.RateCase(names("Business Central"), 10000),
                new Ir.RateCase(names("Customer Insights Partner"), 2),
                new Ir.RateCase(families("Power Platform"), 2000),
                new Ir.RateCase(names("Customer Insights Partner"), 99999)),
            1000,
            1);
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Expr users = measure(Measure.ACTIVE_USERS, t, w, asOf(0));
    Expr perWorkload = mul(users, new Ir.Rate(mcv, w));
    assertThat(perWorkload.scale()).isEqualTo(1);
    Outcome o =
        run(
            data,
            metricOf(
                "all", sum(over(forTenant(t), forWorkload(w, allWorkloads())), null, perWorkload)),
            metricOf(
                "cip",
                sum(
                    over(forTenant(t), forWorkload(w, names("Customer Insights Partner"))),
                    null,
                    perWorkload)),
            metric(
                "bc-5000",
                sum(
                    over(forTenant(t), forWorkload(w, names("Business Central"))),
                    null,
                    perWorkload),
                ge(value(1), num(5000))));
    // 5 x 1000 + 7 x 0.2 + 3 x 100 + 1 x 200
    assertThat(o.cell("all")).isEqualTo("met,5501.4");
    assertThat(o.value("all")).isEqualTo(55014);
    assertThat(o.cell("cip")).isEqualTo("met,1.4");
    assertThat(o.cell("bc-5000")).isEqualTo("met,5000");
  }

  @Test
  void aPercentOfAnotherMeasureComparesExactlyAtTheBoundary() {
    Dataset data =
        oneTenant("Teams", "M", "EXO", "M", "SPO", "M", "Yammer", "M", "Intune", "M")
            .usage("T", "Teams", "2026-09", Measure.PAID_UNITS, 20)
            .usage("T", "Teams", "2026-09", Measure.ACTIVE_USERS, 8) // exactly 40%
            .usage("T", "EXO", "2026-09", Measure.PAID_UNITS, 20)
            .usage("T", "EXO", "2026-09", Measure.ACTIVE_USERS, 7) // 35%
            .usage("T", "SPO", "2026-09", Measure.PAID_UNITS, 21)
            .usage("T", "SPO", "2026-09", Measure.ACTIVE_USERS, 9) // 9 >= 8.40
            .usage("T", "Yammer", "2026-09", Measure.PAID_UNITS, 21)
            .usage("T", "Yammer", "2026-09", Measure.ACTIVE_USERS, 8) // 8 < 8.40
            .usage("T", "Intune", "2026-08", Measure.ACTIVE_USERS, 3) // no row in M: 0 of 0
            .build();
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Expr paid = measure(Measure.PAID_UNITS, t, w, asOf(0));
    Expr active = measure(Measure.ACTIVE_USERS, t, w, asOf(0));
    Outcome o =
        run(
            data,
            metricOf(
                "at-40",
                count(
                    over(forTenant(t), forWorkload(w, allWorkloads())),
                    ge(active, mul(num(40, 2), paid)))),
            metricOf(
                "paid-and-40",
                count(
                    over(forTenant(t), forWorkload(w, allWorkloads())),
                    new Ir.And(gt(paid, num(0)), ge(active, mul(num(40, 2), paid))))));
    assertThat(o.cell("at-40")).isEqualTo("met,3"); // Teams, SPO, and Intune (0 >= 0)
    assertThat(o.cell("paid-and-40")).isEqualTo("met,2"); // Teams, SPO
  }

  @Test
  void arithmeticAlignsScalesExactly() {
    Dataset data = oneTenant().build();
    Outcome o =
        run(
            data,
            metricOf("add", add(num(15, 1), num(2))), // 1.5 + 2
            metricOf("sub", sub(num(1), num(125, 2))), // 1 - 1.25
            metricOf("mul", mul(num(15, 1), num(3, 2))), // 1.5 x 0.03
            metricOf("neg", new Ir.Neg(num(5, 2))),
            metricOf("if-then", new Ir.If(gt(num(1), num(0)), num(1), num(25, 1))),
            metricOf("if-else", new Ir.If(FALSE, num(1), num(25, 1))),
            metric(
                "cmp-scales",
                num(1),
                new Ir.And(
                    cmp(CmpOp.EQ, num(2), num(200, 2)), cmp(CmpOp.LT, num(1999, 3), num(2)))));
    assertThat(o.value("add")).isEqualTo(35);
    assertThat(o.value("sub")).isEqualTo(-25);
    assertThat(o.value("mul")).isEqualTo(45);
    assertThat(o.cell("mul")).isEqualTo("not_met,0.045");
    assertThat(o.value("neg")).isEqualTo(-5);
    assertThat(o.value("if-then")).isEqualTo(10);
    assertThat(o.value("if-else")).isEqualTo(25);
    assertThat(o.cell("cmp-scales")).isEqualTo("met,1");
  }

  // ---------------------------------------------------------------- months

  /**
   * As of 2026-09 (TTM 2025-10 .. 2026-09), the earliest CPOR start per workload: W1 2026-03, W2
   * 2025-09, W3 2025-10, W4 2026-09, W5 2025-01 (an ended association), W6 none (DPOR only), W7
   * 2026-10. paid_units sits on each earliest start month (and on W6 in 2026-03).
   */
  private static Dataset earliestStarts() {
    return oneTenant("W1", "F", "W2", "F", "W3", "F", "W4", "F", "W5", "F", "W6", "F", "W7", "F")
        .assoc("T", "W1", "CPOR", "2026-03", null)
        .assoc("T", "W1", "CPOR", "2026-05", null)
        .assoc("T", "W2", "CPOR", "2025-09", null)
        .assoc("T", "W3", "CPOR", "2025-10", null)
        .assoc("T", "W4", "CPOR", "2026-09", null)
        .assoc("T", "W5", "CPOR", "2026-05", null)
        .assoc("T", "W5", "CPOR", "2025-01", "2025-02")
        .assoc("T", "W6", "DPOR", "2026-03", null)
        .assoc("T", "W7", "CPOR", "2026-10", null)
        .usage("T", "W1", "2026-03", Measure.PAID_UNITS, 1)
        .usage("T", "W2", "2025-09", Measure.PAID_UNITS, 10)
        .usage("T", "W3", "2025-10", Measure.PAID_UNITS, 100)
        .usage("T", "W4", "2026-09", Measure.PAID_UNITS, 1000)
        .usage("T", "W5", "2025-01", Measure.PAID_UNITS, 10000)
        .usage("T", "W6", "2026-03", Measure.PAID_UNITS, 100000)
        .usage("T", "W7", "2026-10", Measure.PAID_UNITS, 1000000)
        .build();
  }

  @Test
  void earliestStartInTtmCountsStartsInsideAndNotBeforeOrNone() {
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Ir.EarliestStart first = new Ir.EarliestStart(t, w, types("CPOR"));
    Outcome o =
        run(
            earliestStarts(),
            metricOf(
                "in-ttm",
                count(
                    over(forTenant(t), forWorkload(w, allWorkloads())),
                    new Ir.InMonths(first, range(asOf(-11), asOf(0))))),
            metricOf(
                "paid-at-start",
                sum(
                    over(forTenant(t), forWorkload(w, allWorkloads())),
                    null,
                    measure(Measure.PAID_UNITS, t, w, first))),
            metricOf(
                "ge-ttm-start",
                count(
                    over(forTenant(t), forWorkload(w, allWorkloads())),
                    new Ir.CompareMonths(CmpOp.GE, first, asOf(-11)))),
            metricOf(
                "ne-m",
                count(
                    over(forTenant(t), forWorkload(w, allWorkloads())),
                    new Ir.CompareMonths(CmpOp.NE, first, asOf(0)))),
            metricOf(
                "lt-m",
                count(
                    over(forTenant(t), forWorkload(w, allWorkloads())),
                    new Ir.CompareMonths(CmpOp.LT, first, asOf(0)))));
    assertThat(o.cell("in-ttm")).isEqualTo("met,3"); // W1, W3, W4
    assertThat(o.cell("paid-at-start")).isEqualTo("met,1011111"); // W6 has no start: 0
    assertThat(o.cell("ge-ttm-start")).isEqualTo("met,4"); // W1, W3, W4, W7
    assertThat(o.cell("ne-m")).isEqualTo("met,5"); // all but W4 and W6 (no month)
    assertThat(o.cell("lt-m")).isEqualTo("met,4"); // W1, W2, W3, W5; "no month" is never less
  }

  @Test
  void monthRangesMayReadOuterVariablesAndAreEmptyWhenABoundIsNoMonth() {
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Var m = monthVar(3);
    Ir.EarliestStart first = new Ir.EarliestStart(t, w, types("CPOR"));
    Outcome o =
        run(
            earliestStarts(),
            // months from the earliest start to M: W1 7, W2 13, W3 12, W4 1, W5 21, W6 none, W7
            // empty
            metricOf(
                "months",
                count(
                    over(forTenant(t), forWorkload(w, allWorkloads()), forMonth(m, first, asOf(0))),
                    null)),
            metricOf("reversed", count(over(forTenant(t), forMonth(m, asOf(0), asOf(-1))), null)),
            // MonthVar offsets: the paid units one year before M-1 .. M (W2 2025-09 -> 10)
            metricOf(
                "shifted",
                sum(
                    over(
                        forTenant(t),
                        forWorkload(w, allWorkloads()),
                        forMonth(m, asOf(-1), asOf(0))),
                    null,
                    measure(Measure.PAID_UNITS, t, w, mv(m, -12)))));
    assertThat(o.cell("months")).isEqualTo("met,54");
    assertThat(o.cell("reversed")).isEqualTo("not_met,0");
    assertThat(o.cell("shifted")).isEqualTo("met,10");
  }

  @Test
  void netShiftsEveryAsOfInsideItsBodyForTheBaseline() {
    Dataset data =
        oneTenant("A", "F")
            .usage("T", "A", "2026-08", Measure.PAID_UNITS, 1)
            .usage("T", "A", "2026-09", Measure.PAID_UNITS, 10)
            .usage("T", "A", "2025-08", Measure.PAID_UNITS, 100)
            .usage("T", "A", "2025-09", Measure.PAID_UNITS, 1000)
            .usage("T", "A", "2024-09", Measure.PAID_UNITS, 10000)
            .build();
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Var m = monthVar(3);
    Expr lastTwoMonths =
        sum(
            over(forTenant(t), forWorkload(w, allWorkloads()), forMonth(m, asOf(-1), asOf(0))),
            null,
            measure(Measure.PAID_UNITS, t, w, mv(m)));
    Expr atM =
        sum(
            over(forTenant(t), forWorkload(w, allWorkloads())),
            null,
            measure(Measure.PAID_UNITS, t, w, asOf(0)));
    Outcome o =
        run(
            data,
            metricOf("net", net(lastTwoMonths)),
            metricOf("nested", add(net(atM), num(0))),
            metricOf("net-of-net", net(net(atM))));
    assertThat(o.current("net")).isEqualTo(11);
    assertThat(o.baseline("net")).isEqualTo(1100);
    assertThat(o.value("net")).isEqualTo(-1089);
    // A Net below the top sets no current or baseline.
    assertThat(o.value("nested")).isEqualTo(10 - 1000);
    assertThat(o.current("nested")).isZero();
    assertThat(o.baseline("nested")).isZero();
    // (10 - 1000) - (1000 - 10000)
    assertThat(o.current("net-of-net")).isEqualTo(-990);
    assertThat(o.baseline("net-of-net")).isEqualTo(-9000);
    assertThat(o.value("net-of-net")).isEqualTo(8010);
  }

  // ---------------------------------------------------------------- quantifiers

  @Test
  void quantifiersOverNoBinding() {
    DatasetKit b = new DatasetKit().types("PAL").workload("A", "F").customer("P", "Empty");
    Dataset data = b.build();
    Var t = tenantVar(1);
    Outcome o =
        run(
            data,
            metricOf("forall", new Ir.If(forAll(over(forTenant(t)), FALSE), num(1), num(0))),
            metricOf("exists", new Ir.If(exists(over(forTenant(t)), null), num(1), num(0))),
            metricOf("count", count(over(forTenant(t)), null)),
            metricOf("sum", sum(over(forTenant(t)), null, num(5))));
    assertThat(o.rows())
        .containsExactly("forall,met,1", "exists,not_met,0", "count,not_met,0", "sum,not_met,0");
  }

  @Test
  void forAllAndExistsOverSomeBindings() {
    Dataset data =
        oneTenant("A", "F", "B", "F").usage("T", "A", "2026-09", Measure.PAID_UNITS, 5).build();
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Expr paid = measure(Measure.PAID_UNITS, t, w, asOf(0));
    Outcome o =
        run(
            data,
            metricOf(
                "forall-some",
                new Ir.If(
                    forAll(over(forTenant(t), forWorkload(w, allWorkloads())), gt(paid, num(0))),
                    num(1),
                    num(0))),
            metricOf(
                "forall-nonneg",
                new Ir.If(
                    forAll(over(forTenant(t), forWorkload(w, allWorkloads())), ge(paid, num(0))),
                    num(1),
                    num(0))),
            metricOf(
                "exists-some",
                new Ir.If(
                    exists(over(forTenant(t), forWorkload(w, allWorkloads())), gt(paid, num(0))),
                    num(1),
                    num(0))),
            metricOf("or-not", new Ir.If(new Ir.Or(FALSE, new Ir.Not(FALSE)), num(1), num(0))));
    assertThat(o.rows())
        .containsExactly(
            "forall-some,not_met,0", "forall-nonneg,met,1", "exists-some,met,1", "or-not,met,1");
  }

  // ---------------------------------------------------------------- overflow

  private static Dataset huge() {
    return oneTenant("A", "F")
        .usage("T", "A", "2026-08", Measure.ACR_USD, Long.MAX_VALUE)
        .usage("T", "A", "2026-09", Measure.ACR_USD, Long.MAX_VALUE)
        .usage("T", "A", "2025-09", Measure.ACR_USD, Long.MIN_VALUE)
        .usage("T", "A", "2026-09", Measure.PAID_UNITS, Long.MAX_VALUE / 5)
        .build();
  }

  private static void assertOverflows(Expr value) {
    assertThatThrownBy(() -> run(huge(), metricOf("x", value)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void overflowIsAnArithmeticException() {
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Var m = monthVar(3);
    List<Ir.Binder> tw = over(forTenant(t), forWorkload(w, allWorkloads()));
    Expr acrM = sum(tw, null, acr(t, w, asOf(0)));
    Expr paidM = sum(tw, null, measure(Measure.PAID_UNITS, t, w, asOf(0)));
    // a sum
    assertOverflows(
        sum(
            over(forTenant(t), forWorkload(w, allWorkloads()), forMonth(m, asOf(-1), asOf(0))),
            null,
            acr(t, w, mv(m))));
    // a product
    assertOverflows(mul(paidM, num(10)));
    // aligning scales for an addition, and for a comparison
    assertOverflows(add(paidM, num(1, 2)));
    assertOverflows(new Ir.If(gt(paidM, num(1, 2)), num(1), num(0)));
    // a net: MAX - MIN
    assertOverflows(net(acrM));
    // negation of MIN (the 2025-09 value)
    assertOverflows(new Ir.Neg(sum(tw, null, acr(t, w, asOf(-12)))));
    // and the values that fit do not throw
    assertThat(run(huge(), metricOf("x", mul(paidM, num(5)))).value("x"))
        .isEqualTo(Long.MAX_VALUE / 5 * 5);
  }

  // ---------------------------------------------------------------- malformed IR

  @Test
  void malformedIrIsRejectedWhenTheInterpreterIsBuilt() {
    Dataset data = oneTenant("A", "F").build();
    Var t = tenantVar(1);
    Var m = monthVar(1);
    List<Ir.Area> bad =
        List.of(
            area("value-reads-itself", metricOf("x", add(value(0), num(1)))),
            area("scale-mismatch", metric("x", num(1), ge(value(2), num(1)))),
            area("wrong-dim", metricOf("x", count(over(forTenant(m)), null))),
            area(
                "gate-with-leaves",
                new Ir.Node(
                    "g",
                    Ir.NodeKind.GATE,
                    "g",
                    "",
                    ORIGIN,
                    List.of(),
                    null,
                    Ir.ValueKind.COUNT,
                    "",
                    null,
                    null,
                    List.of(leaf("g.a", num(1), ge(value(0), num(1)), null)))),
            area("no-met", metric("x", count(over(forTenant(t)), null), null)));
    for (Ir.Area a : bad) {
      assertThatThrownBy(() -> new Interpreter(a, data))
          .as(a.id())
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
