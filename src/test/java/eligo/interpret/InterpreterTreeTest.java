package eligo.interpret;

import static eligo.data.DatasetKit.month;
import static eligo.interpret.IrDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.data.Measure;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import eligo.ir.Ir.Expr;
import eligo.ir.Ir.Var;
import org.junit.jupiter.api.Test;

/** The condition sequence tree: branches, gates that stop a branch, leaves, partner rules. */
class InterpreterTreeTest {
  private static final int SEP_2026 = month("2026-09");
  private static final Expr TRUE = ge(num(1), num(1));
  private static final Expr FALSE = gt(num(0), num(1));

  /** A gate whose value is 1 or 0 as {@code cond} holds. */
  private static Ir.Node gateOf(String id, Expr cond) {
    return gate(id, new Ir.If(cond, num(1), num(0)), ge(value(0), num(1)));
  }

  private static Ir.Node constant(String id, long v) {
    return metric(id, num(v), ge(value(0), num(1)));
  }

  private static Dataset oneCustomer() {
    return new DatasetKit().types("PAL").workload("A", "F").customer("P", "C").build();
  }

  @Test
  void theFirstUnmetGateStopsItsBranchOnlyAndUnmetMetricsStopNothing() {
    Ir.Area a =
        area(
            "tree",
            branch(
                "one",
                gateOf("one.g1", TRUE),
                gateOf("one.g2", FALSE),
                gateOf("one.g3", TRUE),
                constant("one.m", 5),
                metricWithLeaves(
                    "one.leafy",
                    leaf("one.leafy.a", num(1), ge(value(0), num(1)), null),
                    leaf("one.leafy.b", num(2), ge(value(0), num(1)), null))),
            branch(
                "two",
                gateOf("two.g", TRUE),
                constant("two.m0", 0),
                metricWithLeaves(
                    "two.leafy",
                    leaf("two.leafy.a", num(0), ge(value(0), num(1)), null),
                    leaf("two.leafy.b", num(7), ge(value(0), num(1)), null)),
                constant("two.m1", 3)));
    assertThat(a.resultNodes())
        .extracting(Ir.Node::id)
        .containsExactly(
            "one.g1",
            "one.g2",
            "one.g3",
            "one.m",
            "one.leafy.a",
            "one.leafy.b",
            "two.g",
            "two.m0",
            "two.leafy.a",
            "two.leafy.b",
            "two.m1");
    Outcome o = Outcome.of(a, new Interpreter(a, oneCustomer()), 0, SEP_2026);
    assertThat(o.rows())
        .containsExactly(
            "one.g1,met,1",
            "one.g2,not_met,0",
            "one.g3,not_evaluated,",
            "one.m,not_evaluated,",
            "one.leafy.a,not_evaluated,",
            "one.leafy.b,not_evaluated,",
            "two.g,met,1",
            "two.m0,not_met,0",
            "two.leafy.a,not_met,0",
            "two.leafy.b,met,7",
            "two.m1,met,3");
  }

  @Test
  void aListenerHearsEachNodeItsValuesAndWhichGateStoppedTheRest() {
    Ir.Area a = area("x", gateOf("g1", TRUE), gateOf("g2", FALSE), constant("m", 5));
    java.util.List<String> heard = new java.util.ArrayList<>();
    Interpreter.Listener listener =
        new Interpreter.Listener() {
          @Override
          public void number(Expr e, Interpreter.Scope scope, long value) {
            if (e instanceof Ir.If) {
              heard.add(
                  "number "
                      + value
                      + " as of "
                      + eligo.data.Month.format(scope.asOf())
                      + " with "
                      + scope.bound().size()
                      + " bound");
            }
          }

          @Override
          public void condition(Expr e, Interpreter.Scope scope, boolean holds) {
            heard.add("condition " + holds);
          }

          @Override
          public void skipped(Ir.Node node, Ir.Node gate) {
            heard.add("skipped " + node.id() + " by " + gate.id());
          }

          @Override
          public void evaluating(Ir.Node node) {
            heard.add("evaluating " + node.id());
          }
        };
    NodeResults out = new NodeResults(3, 0);
    new Interpreter(a, oneCustomer(), listener).evaluate(0, SEP_2026, out);
    // Per gate: its If's condition, the If's value, then the gate's own condition (value >= 1).
    assertThat(heard)
        .containsExactly(
            "evaluating g1",
            "condition true",
            "number 1 as of 2026-09 with 0 bound",
            "condition true",
            "evaluating g2",
            "condition false",
            "number 0 as of 2026-09 with 0 bound",
            "condition false",
            "skipped m by g2");
    assertThat(out.status)
        .containsExactly(NodeResults.MET, NodeResults.NOT_MET, NodeResults.NOT_EVALUATED);
  }

  @Test
  void evaluateWritesEverySlotSoAnUnclearedResultDoesNotLeak() {
    Ir.Area a = area("x", gateOf("g", FALSE), constant("m", 5));
    Interpreter ip = new Interpreter(a, oneCustomer());
    NodeResults out = new NodeResults(2, 0);
    out.status[1] = NodeResults.MET;
    out.value[1] = 42;
    ip.evaluate(0, SEP_2026, out);
    assertThat(out.status[1]).isEqualTo(NodeResults.NOT_EVALUATED);
    assertThat(out.value[1]).isZero();
  }

  // ---------------------------------------------------------------- partner rules

  /**
   * Gate: the customer has a tenant. Then three metrics with partner rules: active users at M
   * (partner sums the node values); protected users growth (partner sums protected users at M, a
   * different expression); ACR at M in dollars (partner sums half the value, at scale 3).
   */
  private static Ir.Area partnerArea() {
    Var t = tenantVar(1);
    Var w = workloadVar(2);
    Expr at =
        sum(
            over(forTenant(t), forWorkload(w, allWorkloads())),
            null,
            measure(Measure.ACTIVE_USERS, t, w, asOf(0)));
    Expr protectedAtM =
        sum(
            over(forTenant(t), forWorkload(w, allWorkloads())),
            null,
            measure(Measure.PROTECTED_USERS, t, w, asOf(0)));
    Expr acrAtM = sum(over(forTenant(t), forWorkload(w, allWorkloads())), null, acr(t, w, asOf(0)));
    return area(
        "partners",
        gateOf("has-tenant", exists(over(forTenant(t)), null)),
        metric("mau", at, ge(value(0), num(1)), partner(value(0), ge(value(0), num(500)))),
        metric(
            "mpu-growth",
            net(protectedAtM),
            gt(value(0), num(0)),
            partner(protectedAtM, ge(value(0), num(2500)))),
        metricWithLeaves(
            "money",
            leaf(
                "money.half",
                acrAtM,
                gt(value(2), num(0)),
                partner(mul(value(2), num(5, 1)), ge(value(3), num(25000))))));
  }

  private static Dataset partnerData() {
    return new DatasetKit()
        .types("PAL")
        .workload("A", "F")
        .workload("B", "F")
        .customer("P", "Busy")
        .customer("P", "Idle")
        .tenant("Busy", "T")
        .usage("T", "A", "2026-09", Measure.ACTIVE_USERS, 300)
        .usage("T", "B", "2026-09", Measure.ACTIVE_USERS, 200)
        .usage("T", "A", "2026-09", Measure.PROTECTED_USERS, 2000)
        .usage("T", "A", "2025-09", Measure.PROTECTED_USERS, 1500)
        .usage("T", "B", "2026-09", Measure.ACR_USD, DatasetKit.cents("123.45"))
        .build();
  }

  @Test
  void partnerContributionsAreWrittenWhenTheNodeIsEvaluated() {
    Ir.Area a = partnerArea();
    assertThat(a.partnerNodes())
        .extracting(Ir.Node::id)
        .containsExactly("mau", "mpu-growth", "money.half");
    Interpreter ip = new Interpreter(a, partnerData());

    Outcome busy = Outcome.of(a, ip, 0, SEP_2026);
    assertThat(busy.cell("mau")).isEqualTo("met,500");
    assertThat(busy.cell("mpu-growth")).isEqualTo("met,500");
    assertThat(busy.cell("money.half")).isEqualTo("met,123.45");
    assertThat(busy.results.partnerEvaluated).containsExactly(true, true, true);
    // the node value; protected users at M (not the growth); 123.45 x 0.5 = 61.725 at scale 3
    assertThat(busy.results.partnerContribution).containsExactly(500, 2000, 61725);

    Outcome idle = Outcome.of(a, ip, 1, SEP_2026);
    assertThat(idle.cell("has-tenant")).isEqualTo("not_met,0");
    assertThat(idle.results.partnerEvaluated).containsExactly(false, false, false);
    assertThat(idle.results.partnerContribution).containsExactly(0, 0, 0);
  }

  @Test
  void partnerMetJudgesTheTotalAtTheThreshold() {
    Interpreter ip = new Interpreter(partnerArea(), partnerData());
    assertThat(ip.areaId()).isEqualTo("partners");
    assertThat(ip.partnerMet(0, 499)).isFalse();
    assertThat(ip.partnerMet(0, 500)).isTrue();
    assertThat(ip.partnerMet(1, 2499)).isFalse();
    assertThat(ip.partnerMet(1, 2500)).isTrue();
    // the total is at the rule's scale 3: 24999.999 vs 25000.000
    assertThat(ip.partnerMet(2, 24_999_999)).isFalse();
    assertThat(ip.partnerMet(2, 25_000_000)).isTrue();
    assertThat(ip.partnerMet(2, -1)).isFalse();
  }
}
