package eligo.codegen;

import static eligo.data.NodeResults.MET;
import static eligo.data.NodeResults.NOT_EVALUATED;
import static eligo.data.NodeResults.NOT_MET;
import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.data.Measure;
import eligo.data.Month;
import eligo.data.NodeResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Types by workload, a rate table of scale 1, a 40% rule, earliest starts, a type loop with a type
 * set, leaves, two branches and partner rules (node value and another expression).
 */
class MiscEvaluatorTest {
  static final int M = Month.of(2026, 6);
  static final int OPEN = Month.OPEN;
  static final int CS_WORKLOADS = 0;
  static final int CS_MCV = 1;
  static final int MW_ASSOCIATION = 2;
  static final int DEPLOYMENTS_CPOR = 3;
  static final int DEPLOYMENTS_CSP = 4;
  static final int FIRST = 5;
  static final int GROWTH_CPOR = 6;

  static Run run;
  static Dataset data;
  static int x;
  static int y;
  static int z;
  static int w;
  static int v;

  @BeforeAll
  static void compile() {
    run = new Run(Fixtures.misc());
    DatasetKit b =
        new DatasetKit()
            .workload("Power Apps", "Power Platform")
            .workload("Business Central", "Dynamics 365")
            .workload("Customer Insights Partner", "Dynamics 365")
            .workload("Guides", "Dynamics 365")
            .workload("Teams", "Modern Work")
            .workload("Intune", "Modern Work")
            .types(Fixtures.MISC_TYPES.toArray(String[]::new));
    x = b.customerWith("P1", "X", "x1", "x2");
    b.assoc("x1", "Power Apps", "PAL", M - 2, OPEN)
        .usage("x1", "Power Apps", M, Measure.ACTIVE_USERS, 30)
        .assoc("x1", "Customer Insights Partner", "PAL", M - 2, OPEN)
        .usage("x1", "Customer Insights Partner", M, Measure.ACTIVE_USERS, 1000)
        .assoc("x1", "Business Central", "DPOR", M - 2, OPEN)
        .usage("x1", "Business Central", M, Measure.ACTIVE_USERS, 10)
        .assoc("x1", "Guides", "PAL", M - 2, OPEN)
        .usage("x1", "Guides", M, Measure.ACTIVE_USERS, 7)
        .assoc("x2", "Guides", "CPOR OSU", M - 2, OPEN)
        .usage("x2", "Guides", M, Measure.ACTIVE_USERS, 3);
    b.assoc("x1", "Teams", "CPOR", M - 20, OPEN)
        .assoc("x1", "Teams", "DPOR", M - 20, OPEN)
        .usage("x1", "Teams", M, Measure.PAID_UNITS, 100)
        .usage("x1", "Teams", M, Measure.ACTIVE_USERS, 40)
        .usage("x1", "Teams", M, Measure.PROTECTED_USERS, 77)
        .usage("x1", "Teams", M - 12, Measure.PAID_UNITS, 100)
        .usage("x1", "Teams", M - 12, Measure.ACTIVE_USERS, 39)
        .assoc("x1", "Intune", "CSP T2", M - 5, M - 3)
        .usage("x1", "Intune", M - 4, Measure.PAID_UNITS, 10)
        .usage("x1", "Intune", M - 4, Measure.ACTIVE_USERS, 10);
    y = b.customerWith("P1", "Y", "y1");
    b.assoc("y1", "Intune", "CSP T1", M - 4, OPEN)
        .usage("y1", "Intune", M - 4, Measure.PAID_UNITS, 50)
        .usage("y1", "Intune", M - 4, Measure.ACTIVE_USERS, 30)
        .usage("y1", "Intune", M, Measure.PAID_UNITS, 50)
        .usage("y1", "Intune", M, Measure.ACTIVE_USERS, 30);
    z = b.customerWith("P2", "Z", "z1");
    b.assoc("z1", "Intune", "CSP T1", M - 4, OPEN)
        .usage("z1", "Intune", M - 4, Measure.ACTIVE_USERS, 5)
        .usage("z1", "Intune", M, Measure.PAID_UNITS, 50)
        .usage("z1", "Intune", M, Measure.ACTIVE_USERS, 30);
    w = b.customerWith("P2", "W", "w1");
    b.assoc("w1", "Power Apps", "PAL", M - 1, OPEN)
        .usage("w1", "Power Apps", M, Measure.ACTIVE_USERS, 10);
    v = b.customerWith("P2", "V", "v1");
    b.assoc("v1", "Customer Insights Partner", "PAL", M - 1, OPEN)
        .usage("v1", "Customer Insights Partner", M, Measure.ACTIVE_USERS, 7);
    data = b.build();
  }

  NodeResults eval(int customer) {
    return run.evaluate(data, customer, M);
  }

  @Test
  void resultOrderIsBranchByBranchWithLeavesInPlace() {
    assertThat(run.index("cs.mcv")).isEqualTo(CS_MCV);
    assertThat(run.index("mw.deployments.csp")).isEqualTo(DEPLOYMENTS_CSP);
    assertThat(run.index("mw.usage-growth.cpor")).isEqualTo(GROWTH_CPOR);
  }

  @Test
  void consumptionValueUsesTypesByWorkloadAndRatesOfScaleOne() {
    NodeResults r = eval(x);
    assertThat(r.value[CS_WORKLOADS]).isEqualTo(4);
    // Power Apps 30 × 200.0 (PAL) + CI Partner 1000 × 0.2 (PAL) + Business Central 10 × 1000.0
    // (DPOR)
    // + Guides 3 × 100.0 (CPOR OSU, otherwise); Guides under PAL does not count
    assertThat(r.value[CS_MCV]).isEqualTo(60000 + 2000 + 100000 + 3000); // 16500.0 at scale 1
    assertThat(r.status[CS_MCV]).isEqualTo(MET);
    assertThat(r.partnerEvaluated[0]).isTrue();
    assertThat(r.partnerContribution[0]).isEqualTo(165000);
  }

  @Test
  void aFractionalRateStaysExact() {
    NodeResults r = eval(v);
    assertThat(r.value[CS_MCV]).isEqualTo(14); // 7 × 0.2 = 1.4
    assertThat(r.status[CS_MCV]).isEqualTo(NOT_MET);
  }

  @Test
  void typeLoopWithATypeSetCountsDistinctTypesInTheSet() {
    NodeResults r = eval(x);
    assertThat(r.value[MW_ASSOCIATION]).isEqualTo(2); // CPOR and CSP T2; DPOR is not in the set
    assertThat(eval(y).value[MW_ASSOCIATION]).isEqualTo(1);
  }

  @Test
  void fortyPercentIsInclusiveAndNetKeepsCurrentAndBaseline() {
    NodeResults r = eval(x);
    assertThat(r.current[DEPLOYMENTS_CPOR]).isEqualTo(1); // 40 active of 100 paid at M
    assertThat(r.baseline[DEPLOYMENTS_CPOR]).isZero(); // 39 of 100 at M-12
    assertThat(r.value[DEPLOYMENTS_CPOR]).isEqualTo(1);
    assertThat(r.status[DEPLOYMENTS_CPOR]).isEqualTo(MET);
    assertThat(r.value[DEPLOYMENTS_CSP]).isZero(); // the CSP T2 association ended at M-3
    assertThat(r.status[DEPLOYMENTS_CSP]).isEqualTo(NOT_MET);
  }

  @Test
  void aPreExistingDeploymentDoesNotCount() {
    NodeResults pre = eval(y); // started M-4 and already qualified then
    assertThat(pre.current[DEPLOYMENTS_CSP]).isZero();
    assertThat(pre.status[DEPLOYMENTS_CSP]).isEqualTo(NOT_MET);
    NodeResults fresh = eval(z); // started M-4 without paid units then
    assertThat(fresh.current[DEPLOYMENTS_CSP]).isEqualTo(1);
    assertThat(fresh.value[DEPLOYMENTS_CSP]).isEqualTo(1);
    assertThat(fresh.status[DEPLOYMENTS_CSP]).isEqualTo(MET);
  }

  @Test
  void earliestStartIsNoMonthWithoutAssociationOrPair() {
    assertThat(eval(x).value[FIRST]).isEqualTo(1); // Teams: first CPOR at M-20; Intune: none
    assertThat(eval(y).value[FIRST]).isZero(); // no CPOR; no Teams pair at all
    assertThat(eval(y).status[FIRST]).isEqualTo(NOT_MET);
  }

  @Test
  void partnerContributionMayBeAnotherExpression() {
    NodeResults r = eval(x);
    assertThat(r.current[GROWTH_CPOR]).isEqualTo(40);
    assertThat(r.baseline[GROWTH_CPOR]).isEqualTo(39);
    assertThat(r.value[GROWTH_CPOR]).isEqualTo(1);
    assertThat(r.partnerEvaluated[1]).isTrue();
    assertThat(r.partnerContribution[1]).isEqualTo(77); // protected users at M, not the growth
    NodeResults none = eval(y);
    assertThat(none.status[GROWTH_CPOR]).isEqualTo(NOT_MET);
    assertThat(none.partnerEvaluated[1]).isTrue();
    assertThat(none.partnerContribution[1]).isZero();
  }

  @Test
  void branchesStopIndependently() {
    NodeResults noCs = eval(y);
    assertThat(noCs.status[CS_WORKLOADS]).isEqualTo(NOT_MET);
    assertThat(noCs.status[CS_MCV]).isEqualTo(NOT_EVALUATED);
    assertThat(noCs.partnerEvaluated[0]).isFalse();
    assertThat(noCs.status[MW_ASSOCIATION]).isEqualTo(MET);

    NodeResults noMw = eval(w);
    assertThat(noMw.status)
        .containsExactly(
            MET, NOT_MET, NOT_MET, NOT_EVALUATED, NOT_EVALUATED, NOT_EVALUATED, NOT_EVALUATED);
    assertThat(noMw.value[CS_MCV]).isEqualTo(20000); // 10 × 200.0
    assertThat(noMw.partnerEvaluated).containsExactly(true, false);
  }

  @Test
  void partnerRulesJudgeTotalsAtTheRuleScale() {
    AreaEvaluator ev = run.factory.apply(data);
    assertThat(ev.partnerMet(0, 100000)).isTrue(); // 10000.0 at scale 1
    assertThat(ev.partnerMet(0, 99999)).isFalse();
    assertThat(ev.partnerMet(1, 2500)).isTrue();
    assertThat(ev.partnerMet(1, 2499)).isFalse();
  }
}
