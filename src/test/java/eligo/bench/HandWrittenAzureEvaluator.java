package eligo.bench;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.NodeResults;
import java.util.Arrays;
import java.util.List;

/**
 * The Azure area (criteria/azure.criteria) written by hand, plainly, the way an engineer would
 * without a compiler: the yardstick of the generated evaluators in the benchmarks. It walks each
 * tenant's own (tenant, workload) pairs, their usage rows and associations; the two growth values
 * come from one pass over 24 months of rows.
 *
 * <p>Result nodes as in the generated class: 0 workloads (gate), 1 association (gate), 2
 * net-customer-adds (net), 3 deployments, 4 usage-growth (net). No partner rules.
 */
public final class HandWrittenAzureEvaluator implements AreaEvaluator {
  private static final long QUALIFYING_ACR = 1_000_00; // $1,000.00 in cents

  private final Dataset data;
  private final boolean[] azure;
  private final boolean[] deployable; // Azure, except virtual machines
  private final boolean[] attributing; // CSP T1, CSP T2, DPOR, PAL
  // scratch, per customer
  private final boolean[] workloadSeen;
  private final long[] acrByWorkload;
  private final boolean[] typeSeen;

  public HandWrittenAzureEvaluator(Dataset data) {
    this.data = data;
    int workloads = data.workloadCount();
    azure = new boolean[workloads];
    deployable = new boolean[workloads];
    for (int w = 0; w < workloads; w++) {
      azure[w] = data.workloadFamily(w).equals("Azure");
      String name = data.workloadName(w);
      deployable[w] =
          azure[w] && !name.equals("Virtual Machines") && !name.equals("Virtual Machine Licenses");
    }
    attributing = data.typeMask(List.of("CSP T1", "CSP T2", "DPOR", "PAL"));
    workloadSeen = new boolean[workloads];
    acrByWorkload = new long[workloads];
    typeSeen = new boolean[data.typeCount()];
  }

  @Override
  public String areaId() {
    return "azure";
  }

  @Override
  public void evaluate(int c, int asOf, NodeResults out) {
    long services = servicesWithAcr(c, asOf - 23, asOf);
    out.value[0] = services;
    out.status[0] = services >= 1 ? NodeResults.MET : NodeResults.NOT_MET;
    if (services < 1) {
      return;
    }
    long types = associationTypes(c, asOf - 23, asOf);
    out.value[1] = types;
    out.status[1] = types >= 1 ? NodeResults.MET : NodeResults.NOT_MET;
    if (types < 1) {
      return;
    }

    long tenantsNow = qualifiedTenants(c, asOf);
    long tenantsBefore = qualifiedTenants(c, asOf - 12);
    long netTenants = Math.subtractExact(tenantsNow, tenantsBefore);
    out.current[2] = tenantsNow;
    out.baseline[2] = tenantsBefore;
    out.value[2] = netTenants;
    out.status[2] = netTenants >= 1 ? NodeResults.MET : NodeResults.NOT_MET;

    long deployments = deployments(c, asOf - 11, asOf);
    out.value[3] = deployments;
    out.status[3] = deployments >= 1 ? NodeResults.MET : NodeResults.NOT_MET;

    long acrNow = 0;
    long acrBefore = 0;
    for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++) {
      for (int p = data.pairStart(t); p < data.pairEnd(t); p++) {
        if (!azure[data.pairWorkload(p)]) {
          continue;
        }
        for (int r = data.firstRow(p, asOf - 23);
            r < data.rowEnd(p) && data.rowMonth(r) <= asOf;
            r++) {
          int month = data.rowMonth(r);
          if (data.active(p, attributing, month)) {
            long acr = data.rowValue(r, Measure.ACR_USD);
            if (month > asOf - 12) {
              acrNow = Math.addExact(acrNow, acr);
            } else {
              acrBefore = Math.addExact(acrBefore, acr);
            }
          }
        }
      }
    }
    long growth = Math.subtractExact(acrNow, acrBefore);
    out.current[4] = acrNow;
    out.baseline[4] = acrBefore;
    out.value[4] = growth;
    out.status[4] = growth > 0 ? NodeResults.MET : NodeResults.NOT_MET;
  }

  @Override
  public boolean partnerMet(int rule, long total) {
    throw new IllegalArgumentException("the Azure area has no partner rule");
  }

  /**
   * Azure services with some ACR above 0 in {@code from .. to}, over all the customer's tenants.
   */
  private long servicesWithAcr(int c, int from, int to) {
    Arrays.fill(workloadSeen, false);
    long count = 0;
    for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++) {
      for (int p = data.pairStart(t); p < data.pairEnd(t); p++) {
        int w = data.pairWorkload(p);
        if (!azure[w] || workloadSeen[w]) {
          continue;
        }
        for (int r = data.firstRow(p, from); r < data.rowEnd(p) && data.rowMonth(r) <= to; r++) {
          if (data.rowValue(r, Measure.ACR_USD) > 0) {
            workloadSeen[w] = true;
            count++;
            break;
          }
        }
      }
    }
    return count;
  }

  /**
   * Attributing association types active on an Azure service in some month of {@code from .. to}.
   */
  private long associationTypes(int c, int from, int to) {
    Arrays.fill(typeSeen, false);
    long count = 0;
    for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++) {
      for (int p = data.pairStart(t); p < data.pairEnd(t); p++) {
        if (!azure[data.pairWorkload(p)]) {
          continue;
        }
        for (int a = data.assocStart(p); a < data.assocEnd(p); a++) {
          int type = data.assocType(a);
          if (attributing[type]
              && !typeSeen[type]
              && data.assocStartMonth(a) <= to
              && data.assocEndMonth(a) >= from) {
            typeSeen[type] = true;
            count++;
          }
        }
      }
    }
    return count;
  }

  /** Tenants with $1,000 of attributed ACR on Azure services in month M-1 or M. */
  private long qualifiedTenants(int c, int month) {
    long count = 0;
    for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++) {
      if (attributedAcr(t, month - 1) >= QUALIFYING_ACR
          || attributedAcr(t, month) >= QUALIFYING_ACR) {
        count++;
      }
    }
    return count;
  }

  private long attributedAcr(int t, int month) {
    long sum = 0;
    for (int p = data.pairStart(t); p < data.pairEnd(t); p++) {
      if (azure[data.pairWorkload(p)] && data.active(p, attributing, month)) {
        sum = Math.addExact(sum, data.measure(p, Measure.ACR_USD, month));
      }
    }
    return sum;
  }

  /**
   * Azure services other than virtual machines with attributed ACR above 0 in {@code from .. to}.
   */
  private long deployments(int c, int from, int to) {
    Arrays.fill(workloadSeen, false);
    for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++) {
      for (int p = data.pairStart(t); p < data.pairEnd(t); p++) {
        int w = data.pairWorkload(p);
        if (!deployable[w]) {
          continue;
        }
        if (!workloadSeen[w]) {
          workloadSeen[w] = true;
          acrByWorkload[w] = 0;
        }
        for (int r = data.firstRow(p, from); r < data.rowEnd(p) && data.rowMonth(r) <= to; r++) {
          if (data.active(p, attributing, data.rowMonth(r))) {
            acrByWorkload[w] = Math.addExact(acrByWorkload[w], data.rowValue(r, Measure.ACR_USD));
          }
        }
      }
    }
    long count = 0;
    for (int w = 0; w < workloadSeen.length; w++) {
      if (workloadSeen[w] && acrByWorkload[w] > 0) {
        count++;
      }
    }
    return count;
  }
}
