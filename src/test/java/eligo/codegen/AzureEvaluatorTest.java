package eligo.codegen;

import static eligo.data.NodeResults.MET;
import static eligo.data.NodeResults.NOT_EVALUATED;
import static eligo.data.NodeResults.NOT_MET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.data.Month;
import eligo.data.NodeResults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The azure section of CRITERIA.md, compiled and run on small hand-made datasets. */
class AzureEvaluatorTest {
  static final int M = Month.of(2026, 6);
  static final int OPEN = Month.OPEN;
  // result node indexes
  static final int WORKLOADS = 0;
  static final int ASSOCIATION = 1;
  static final int NET_CUSTOMER_ADDS = 2;
  static final int DEPLOYMENTS = 3;
  static final int USAGE_GROWTH = 4;

  static Run run;
  static Dataset data;
  static int c999;
  static int c1000;
  static int before;
  static int family;
  static int noAssociation;
  static int noTenant;
  static int credit;
  static int previousMonth;

  @BeforeAll
  static void compile() {
    run = new Run(Fixtures.azure());
    DatasetKit b =
        new DatasetKit()
            .workload("Compute", "Azure")
            .workload("Virtual Machines", "Azure")
            .workload("Azure Quantum", "Azure")
            .workload("Office", "Modern Work")
            .types("CSP T1", "CSP T2", "DPOR", "PAL", "CPOR");
    c999 = b.customerWith("P1", "C-999", "t999");
    b.assoc("t999", "Compute", "CSP T1", M - 30, OPEN).acr("t999", "Compute", M, 99999);
    c1000 = b.customerWith("P1", "C-1000", "t1000");
    b.assoc("t1000", "Compute", "CSP T1", M - 30, OPEN).acr("t1000", "Compute", M, 100000);
    before = b.customerWith("P1", "C-before", "tb");
    b.assoc("tb", "Compute", "PAL", M - 3, OPEN)
        .acr("tb", "Compute", M - 5, 500000)
        .acr("tb", "Compute", M - 2, 700);
    family = b.customerWith("P2", "C-family", "tf");
    b.assoc("tf", "Virtual Machines", "DPOR", M - 30, OPEN)
        .acr("tf", "Virtual Machines", M, 5000)
        .assoc("tf", "Azure Quantum", "DPOR", M - 30, OPEN)
        .acr("tf", "Azure Quantum", M - 1, 3000)
        .assoc("tf", "Office", "CPOR", M - 30, OPEN)
        .acr("tf", "Office", M, 9999999);
    noAssociation = b.customerWith("P2", "C-noassoc", "tn");
    b.acr("tn", "Compute", M, 100000);
    noTenant = b.customerWith("P2", "C-notenant");
    credit = b.customerWith("P3", "C-credit", "tc");
    b.assoc("tc", "Compute", "CSP T2", M - 30, OPEN)
        .acr("tc", "Compute", M - 1, 5000)
        .acr("tc", "Compute", M - 2, -8000)
        .acr("tc", "Compute", M - 13, 2000);
    previousMonth = b.customerWith("P3", "C-m1", "th1", "th2");
    b.assoc("th1", "Compute", "CSP T1", M - 30, OPEN)
        .acr("th1", "Compute", M - 1, 100000)
        .acr("th1", "Compute", M - 13, 150000)
        .assoc("th2", "Compute", "PAL", M - 30, OPEN)
        .assoc("th2", "Azure Quantum", "PAL", M - 30, OPEN)
        .acr("th2", "Compute", M, 60000)
        .acr("th2", "Azure Quantum", M, 40000);
    data = b.build();
  }

  NodeResults eval(int customer) {
    return run.evaluate(data, customer, M);
  }

  @Test
  void indexesFollowResultNodes() {
    assertThat(run.index("usage-growth")).isEqualTo(USAGE_GROWTH);
    assertThat(run.index("net-customer-adds")).isEqualTo(NET_CUSTOMER_ADDS);
  }

  @Test
  void thresholdIsExactToTheCent() {
    NodeResults below = eval(c999);
    assertThat(below.status).containsExactly(MET, MET, NOT_MET, MET, MET);
    assertThat(below.value[NET_CUSTOMER_ADDS]).isZero();
    NodeResults at = eval(c1000);
    assertThat(at.status).containsExactly(MET, MET, MET, MET, MET);
    assertThat(at.value[NET_CUSTOMER_ADDS]).isEqualTo(1);
    assertThat(at.current[NET_CUSTOMER_ADDS]).isEqualTo(1);
    assertThat(at.baseline[NET_CUSTOMER_ADDS]).isZero();
    assertThat(at.value[USAGE_GROWTH]).isEqualTo(100000); // $1000.00 in cents
  }

  @Test
  void usageBeforeTheAssociationStartsEarnsNothing() {
    NodeResults r = eval(before);
    assertThat(r.status).containsExactly(MET, MET, NOT_MET, MET, MET);
    assertThat(r.value[WORKLOADS]).isEqualTo(1);
    assertThat(r.value[ASSOCIATION]).isEqualTo(1); // PAL
    assertThat(r.value[USAGE_GROWTH]).isEqualTo(700); // the $5000.00 of M-5 is not attributed
    assertThat(r.current[USAGE_GROWTH]).isEqualTo(700);
    assertThat(r.baseline[USAGE_GROWTH]).isZero();
    assertThat(r.value[DEPLOYMENTS]).isEqualTo(1);
  }

  @Test
  void workloadsOfTheFamilyCountWithoutBeingNamedAndExclusionsHold() {
    NodeResults r = eval(family);
    assertThat(r.value[WORKLOADS]).isEqualTo(2); // Virtual Machines, Azure Quantum; not Office
    assertThat(r.value[ASSOCIATION]).isEqualTo(1); // DPOR; the CPOR on Office is not an Azure one
    assertThat(r.value[DEPLOYMENTS]).isEqualTo(1); // Azure Quantum only: Virtual Machines excluded
    assertThat(r.value[USAGE_GROWTH]).isEqualTo(8000);
    assertThat(r.value[NET_CUSTOMER_ADDS]).isZero(); // $50 and $30 in single months
  }

  @Test
  void aFailedGateLeavesLaterNodesNotEvaluated() {
    NodeResults r = eval(noAssociation);
    assertThat(r.status).containsExactly(MET, NOT_MET, NOT_EVALUATED, NOT_EVALUATED, NOT_EVALUATED);
    assertThat(r.value).containsExactly(1, 0, 0, 0, 0);
    assertThat(r.current).containsOnly(0);
    assertThat(r.baseline).containsOnly(0);
    assertThat(r.partnerEvaluated).containsExactly(false);
    assertThat(r.partnerContribution).containsExactly(0);
  }

  @Test
  void aCustomerWithoutTenantsFailsTheFirstGate() {
    NodeResults r = eval(noTenant);
    assertThat(r.status)
        .containsExactly(NOT_MET, NOT_EVALUATED, NOT_EVALUATED, NOT_EVALUATED, NOT_EVALUATED);
    assertThat(r.value).containsOnly(0);
    assertThat(r.partnerEvaluated).containsExactly(false);
  }

  @Test
  void creditsAreNegativeAcr() {
    NodeResults r = eval(credit);
    assertThat(r.status).containsExactly(MET, MET, NOT_MET, NOT_MET, NOT_MET);
    assertThat(r.value[DEPLOYMENTS]).isZero(); // -30.00 over TTM(M) is not > 0
    assertThat(r.current[USAGE_GROWTH]).isEqualTo(-3000);
    assertThat(r.baseline[USAGE_GROWTH]).isEqualTo(2000);
    assertThat(r.value[USAGE_GROWTH]).isEqualTo(-5000);
    assertThat(r.partnerEvaluated).containsExactly(true);
    assertThat(r.partnerContribution).containsExactly(-5000);
  }

  @Test
  void aTenantQualifiesOnThePreviousMonthOrOnSeveralWorkloadsInOneMonth() {
    NodeResults r = eval(previousMonth);
    assertThat(r.current[NET_CUSTOMER_ADDS]).isEqualTo(2); // th1 by M-1, th2 by 600 + 400 in M
    assertThat(r.baseline[NET_CUSTOMER_ADDS]).isEqualTo(1); // th1 by M-13 at M-12
    assertThat(r.value[NET_CUSTOMER_ADDS]).isEqualTo(1);
    assertThat(r.status[NET_CUSTOMER_ADDS]).isEqualTo(MET);
  }

  @Test
  void partnerRuleSumsNodeValuesAtTheNodeScale() {
    NodeResults r = eval(c1000);
    assertThat(r.partnerEvaluated).containsExactly(true);
    assertThat(r.partnerContribution).containsExactly(100000);
    AreaEvaluator ev = run.factory.apply(data);
    assertThat(ev.partnerMet(0, 2500000)).isTrue(); // $25,000.00
    assertThat(ev.partnerMet(0, 2499999)).isFalse();
    assertThatThrownBy(() -> ev.partnerMet(1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ev.areaId()).isEqualTo("azure");
  }

  @Test
  void resultsDoNotLeakBetweenCustomersOfOneEvaluator() {
    AreaEvaluator ev = run.factory.apply(data);
    NodeResults out = new NodeResults(5, 1);
    for (int c = 0; c < data.customerCount(); c++) {
      out.clear();
      ev.evaluate(c, M, out);
      NodeResults fresh = eval(c);
      assertThat(out.status).containsExactly(fresh.status);
      assertThat(out.value).containsExactly(fresh.value);
      assertThat(out.partnerContribution).containsExactly(fresh.partnerContribution);
    }
  }
}
