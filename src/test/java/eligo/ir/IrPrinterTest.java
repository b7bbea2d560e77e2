package eligo.ir;

import static eligo.interpret.IrDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Measure;
import eligo.interpret.AzureIr;
import eligo.ir.Ir.CmpOp;
import eligo.ir.Ir.Var;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class IrPrinterTest {

  /** A small area that uses every construct once. */
  private static Ir.Area everything() {
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Var m = monthVar(3);
    Var k = typeVar(4);
    Ir.RateTable rate =
        new Ir.RateTable(
            "mcv", List.of(new Ir.RateCase(names("Customer Insights Partner"), 2)), 1000, 1);
    Ir.TypesByWorkload sCs =
        new Ir.TypesByWorkload(
            List.of(new Ir.TypeCase(families("Power Platform"), List.of("PAL"))),
            List.of("CPOR OSU", "DPOR"));
    Ir.Node gate =
        new Ir.Node(
            "g",
            Ir.NodeKind.GATE,
            "A \"quoted\"\ttitle",
            "line one\nline two",
            new Ir.Origin("x.criteria", 3),
            List.of(Ir.Detail.TENANT, Ir.Detail.WORKLOAD),
            new Ir.If(
                new Ir.Or(
                    new Ir.Not(forAll(over(forTenant(t)), null)),
                    exists(
                        over(
                            forTenant(t),
                            forWorkload(
                                w, except(allWorkloads(), union(names("VM"), families("X"))))),
                        associated(t, w, asOf(0), null, sCs))),
                new Ir.Neg(num(1)),
                num(25, 1)),
            Ir.ValueKind.NUMBER,
            "",
            ge(value(1), num(0)),
            null,
            List.of());
    Ir.Node leafA =
        leaf(
            "m.a",
            sum(
                over(forTenant(t), forWorkload(w, allWorkloads())),
                null,
                mul(measure(Measure.ACTIVE_USERS, t, w, asOf(0)), new Ir.Rate(rate, w))),
            ge(value(1), num(5000)),
            partner(value(1), ge(value(1), num(12, 1))));
    Ir.Node leafB =
        leaf(
            "m.b",
            count(
                over(
                    forType(k),
                    forTenant(t),
                    forWorkload(w, names("A")),
                    forMonth(m, new Ir.EarliestStart(t, w, types("CPOR")), asOf(-12))),
                new Ir.And(
                    new Ir.InMonths(mv(m, -1), range(asOf(-11), asOf(0))),
                    new Ir.CompareMonths(CmpOp.NE, mv(m), asOf(2)))),
            cmp(CmpOp.EQ, value(0), num(0)),
            null);
    return area("all", branch("", gate), branch("m", metricWithLeaves("m", leafA, leafB)));
  }

  @Test
  void printsEveryConstructDeterministically() {
    assertThat(IrPrinter.print(everything()))
        .isEqualTo(
            """
        area all "all" @test.criteria:1
          branch "" "" @test.criteria:1
            gate g "A \\"quoted\\"\\ttitle" @x.criteria:3
              criteria: "line one\\nline two"
              details: tenant, workload
              value (number, scale 1):
                (if
                  (or (not (forall [(tenant t1)]))
                    (exists
                      [(tenant t1) (workload w2 (except all-workloads (union (names "VM") (families "X"))))]
                      (associated t1 w2 M
                        (types-by-workload (when (families "Power Platform") "PAL")
                          (otherwise "CPOR OSU" "DPOR")))))
                  (neg 1)
                  2.5)
              met: (>= value 0)
          branch m "m" @test.criteria:1
            metric m "m" @test.criteria:1
              criteria: "criteria of m"
              leaf m.a "m.a" @test.criteria:1
                criteria: "criteria of m.a"
                value (count, scale 1):
                  (sum [(tenant t1) (workload w2 all-workloads)]
                    (* (active_users t1 w2 M)
                      (rate mcv w2 (when (names "Customer Insights Partner") 0.2) (otherwise 100.0))))
                met: (>= value 5000)
                partner @test.criteria:1
                  criteria: "partner criteria"
                  per-customer (count, scale 1): value
                  met: (>= value 1.2)
              leaf m.b "m.b" @test.criteria:1
                criteria: "criteria of m.b"
                value (count, scale 0):
                  (count
                    [(type k4 all)
                     (tenant t1)
                     (workload w2 (names "A"))
                     (month m3 (range (earliest-start t1 w2 (types "CPOR")) M-12))]
                    (and (in m3-1 (range M-11 M)) (!= m3 M+2)))
                met: (== value 0)
        """);
  }

  @Test
  void theAzureAreaMatchesItsGoldenFile() throws IOException {
    String actual = IrPrinter.print(AzureIr.area());
    // ELIGO_GOLDEN_UPDATE=DIR writes the current text there, to refresh the golden file by a copy.
    String update = System.getenv("ELIGO_GOLDEN_UPDATE");
    if (update != null) {
      Files.createDirectories(Path.of(update));
      Files.writeString(Path.of(update, "azure.ir.txt"), actual, StandardCharsets.UTF_8);
    }
    String expected;
    try (InputStream in = IrPrinterTest.class.getResourceAsStream("azure.ir.txt")) {
      assertThat(in).as("golden file eligo/ir/azure.ir.txt").isNotNull();
      expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void equalIrPrintsTheSameAndLongExpressionsStayWithinTheWidth() {
    String once = IrPrinter.print(AzureIr.area());
    assertThat(IrPrinter.print(AzureIr.area())).isEqualTo(once);
    assertThat(once.lines())
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(IrPrinter.WIDTH));
  }

  @Test
  void printsAProgramAndSingleExpressions() {
    Ir.Program p =
        new Ir.Program(
            List.of(area("a", metric("n", num(100000, 2), gt(value(2), num(0))))),
            List.of("PAL", "CSP T1"));
    assertThat(IrPrinter.print(p))
        .isEqualTo(
            """
        program
          association-types: "PAL" "CSP T1"

        area a "a" @test.criteria:1
          branch "" "" @test.criteria:1
            metric n "n" @test.criteria:1
              criteria: "criteria of n"
              value (money, scale 2): 1000.00
              met: (> value 0)
        """);
    Var t = tenantVar(1);
    Var m = monthVar(2);
    Ir.Expr e =
        count(
            over(forTenant(t)),
            exists(
                over(forMonth(m, asOf(-1), asOf(0))),
                ge(sum(over(), null, acr(t, workloadVar(3), mv(m))), num(100000, 2))));
    assertThat(IrPrinter.print(e))
        .isEqualTo(
            "(count [(tenant t1)] (exists [(month m2 (range M-1 M))] (>= (sum [] (acr_usd t1 w3 m2)) 1000.00)))");
    assertThat(IrPrinter.print(num(-5, 3))).isEqualTo("-0.005");
    // a name ending in a digit gets a separator before the id; no name: the dimension's initial
    assertThat(
            IrPrinter.print(
                new Ir.MeasureAt(
                    Measure.PAID_UNITS,
                    new Ir.Var(7, Ir.Dim.TENANT, "t1"),
                    workloadVar(2),
                    mv(new Ir.Var(9, Ir.Dim.MONTH, ""), -1))))
        .isEqualTo("(paid_units t1_7 w2 m9-1)");
  }
}
