package eligo.report;

import static eligo.report.Runs.explain;
import static eligo.report.Runs.write;
import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The by-customer view against small datasets with known answers (../shared/conformance/hand-*).
 */
@Needs(Requirement.SHARED)
class ExplainerTest {
  @TempDir Path tmp;

  @Test
  void usageGrowthInDeclineShowsTheGrowthAndWhy() {
    Outcome o = Runs.conformance("hand-1");
    CustomerView v = new Explainer(o).explain(Runs.customer(o, "C1"));
    assertThat(v.customerName()).isEqualTo("One");
    assertThat(v.asOf()).isEqualTo("2026-09");
    CustomerView.Node growth = Runs.node(v, "azure", "usage-growth");
    assertThat(growth.status()).isEqualTo("not_met");
    assertThat(growth.value()).isEqualTo("-499.99");
    assertThat(growth.current()).isEqualTo("-33.3% ($1,000.00/$1,499.99)");
    assertThat(growth.why())
        .isEqualTo(
            "ACR attributed via CSP T1, CSP T2, DPOR or PAL: $1,000.00 in 2025-10..2026-09 against $1,499.99 in 2024-10..2025-09;"
                + " needed: growth of more than $0.00");
    assertThat(growth.details())
        .containsExactly(new CustomerView.Detail("Azure SQL Database", "$1,000.00", "$1,499.99"));
  }

  @Test
  void aBoundOfABandThatFailedSaysTheAmountIsBelowOrAboveTheBand() {
    // Modern Work's paid units band: more than 10 and at most 300
    Outcome o = Runs.run(Path.of("examples/sample-data"));
    Explainer explainer = new Explainer(o);
    java.util.regex.Pattern band =
        java.util.regex.Pattern.compile(
            "with ([0-9,]+) paid units as of [0-9-]+, (below|above) the band \\(needed: (more than"
                + " 10|at most 300) paid units\\)");
    java.util.Set<String> seen = new java.util.TreeSet<>();
    for (int c = 0; c < o.data.customerCount() && seen.size() < 2; c++) {
      for (CustomerView.Area a : explainer.explain(c).areas()) {
        for (CustomerView.Node n : a.nodes()) {
          java.util.regex.Matcher m = band.matcher(n.why() == null ? "" : n.why());
          while (m.find()) {
            long units = Long.parseLong(m.group(1).replace(",", ""));
            if (m.group(2).equals("below")) {
              assertThat(m.group(3)).isEqualTo("more than 10");
              assertThat(units).isLessThanOrEqualTo(10);
            } else {
              assertThat(m.group(3)).isEqualTo("at most 300");
              assertThat(units).isGreaterThan(300);
            }
            seen.add(m.group(2));
          }
        }
      }
    }
    assertThat(seen).containsExactly("above", "below");
  }

  @Test
  void aMissAboveTheBandIsNamedThoughAnotherWorkloadHadNoPaidUnits() {
    // C0000090's tenant T00000164: Teams Meetings at 1,062 paid units this month, above the SMB
    // band; EXO and Yammer, which it had before, at none. The miss above the band is the closest:
    // a workload without paid units this month says nothing about how close the customer came.
    Outcome o = Runs.run(Path.of("examples/sample-data"));
    CustomerView v = new Explainer(o).explain(Runs.customer(o, "C0000090"));
    CustomerView.Node pau = Runs.node(v, "modern-work-smb", "pau");
    assertThat(pau.status()).isEqualTo("not_met");
    assertThat(pau.why())
        .contains(
            "; the lowest was tenant T00000164 on Teams Meetings with 1,062 paid units as of 2026-09,"
                + " above the band (needed: at most 300 paid units); needed: at least 1 tenant workload");
  }

  @Test
  void aRowOfACountOverTwoThingsSaysWhatItsPartQualifiedCounts() {
    // a count of tenant workloads shown per workload: "1 of 3 tenants qualified" (per tenant: "1 of
    // 3 workloads"), never a bare "1 of 3 qualified"
    Outcome o = Runs.run(Path.of("examples/sample-data"));
    Explainer explainer = new Explainer(o);
    int rows = 0;
    for (int c = 0; c < o.data.customerCount() && rows < 5; c++) {
      for (CustomerView.Area a : explainer.explain(c).areas()) {
        for (CustomerView.Node n : a.nodes()) {
          for (CustomerView.Detail d : n.details()) {
            for (String cell : java.util.Arrays.asList(d.now(), d.yearEarlier())) {
              if (cell != null && cell.matches(".*\\d+ of \\d+.* qualified.*")) {
                String other = n.detailsBy().equals("tenant") ? "workloads" : "tenants";
                assertThat(cell).containsPattern("\\d+ of \\d+ " + other + " qualified");
                rows++;
              }
            }
          }
        }
      }
    }
    assertThat(rows).as("rows with a part of a count qualified").isPositive();
  }

  @Test
  void netCountShowsBothYearsPerTenant() {
    Outcome o = Runs.conformance("hand-1");
    CustomerView v = new Explainer(o).explain(Runs.customer(o, "C1"));
    CustomerView.Node adds = Runs.node(v, "azure", "net-customer-adds");
    assertThat(adds.status()).isEqualTo("met");
    assertThat(adds.why()).isNull();
    assertThat(adds.current()).isEqualTo("net 1 tenant (1 as of 2026-09, 0 as of 2025-09)");
    assertThat(adds.detailsBy()).isEqualTo("tenant");
    assertThat(adds.details())
        .containsExactly(
            new CustomerView.Detail(
                "T1",
                "qualified with $1,000.00 in 2026-08",
                "not qualified; highest $999.99 in 2025-09"));
  }

  @Test
  void growthFromNothingIsNew() {
    Outcome o = Runs.conformance("hand-1");
    CustomerView v = new Explainer(o).explain(Runs.customer(o, "C2"));
    assertThat(Runs.node(v, "azure", "usage-growth").current()).isEqualTo("new ($5,000.00/$0.00)");
    CustomerView.Node deployments = Runs.node(v, "azure", "deployments");
    assertThat(deployments.status()).isEqualTo("not_met");
    assertThat(deployments.why())
        .isEqualTo(
            "no workloads qualified as of 2026-09 (qualifying: an Azure workload other than Virtual Machines or Virtual Machine Licenses"
                + " with ACR attributed via CSP T1, CSP T2, DPOR or PAL more than $0.00); needed: at least 1 workload");
  }

  @Test
  void aCustomerWithoutTenantsStopsAtTheFirstGate() {
    Outcome o = Runs.conformance("hand-1");
    CustomerView v = new Explainer(o).explain(Runs.customer(o, "C3"));
    CustomerView.Node gate = Runs.node(v, "azure", "workloads");
    assertThat(gate.status()).isEqualTo("not_met");
    assertThat(gate.current()).isEqualTo("0 workloads");
    assertThat(gate.why()).isEqualTo("the customer has no tenant; needed: at least 1 workload");
    for (String id : List.of("association", "net-customer-adds", "deployments", "usage-growth")) {
      CustomerView.Node n = Runs.node(v, "azure", id);
      assertThat(n.status()).isEqualTo("not_evaluated");
      assertThat(n.value()).isNull();
      assertThat(n.why())
          .isEqualTo(
              "not evaluated: gate 'Azure services' was not met (the customer has no tenant)");
    }
  }

  @Test
  void onASitesPageANodeAGateStoppedLeavesTheGatesReasonToTheGatesRow() {
    // the gate's own row, above it on the page, says why; the why is then one string per gate,
    // by whose identity the page's rows are kept (KeptRows): every customer the gate stopped
    // shares it
    Outcome o = Runs.conformance("sample-1");
    Explainer full = new Explainer(o);
    Explainer site = Explainer.forSite(o);
    java.util.Map<String, String> firstOfItsWords = new java.util.HashMap<>();
    int stopped = 0;
    for (NodePair p : nodePairs(o, full, site)) {
      CustomerView.Node fn = p.full();
      CustomerView.Node sn = p.site();
      if (!fn.status().equals("not_evaluated")) {
        continue;
      }
      stopped++;
      assertThat(sn.why()).matches("not evaluated: gate '[^']+' was not met");
      assertThat(fn.why()).startsWith(sn.why() + " (").endsWith(")");
      // the same string for every customer (by node: gates of other areas or branches may have
      // the same title)
      String key = p.areaId() + " " + fn.id() + " " + sn.why();
      assertThat(sn.why()).isSameAs(firstOfItsWords.computeIfAbsent(key, k -> sn.why()));
    }
    assertThat(stopped).isGreaterThan(100);
    assertThat(firstOfItsWords).hasSizeGreaterThan(5);
  }

  @Test
  void theAssociationGateNamesWhatIsMissing() {
    Outcome o = Runs.conformance("hand-1");
    CustomerView v = new Explainer(o).explain(Runs.customer(o, "C4"));
    assertThat(Runs.node(v, "azure", "workloads").details())
        .containsExactly(
            new CustomerView.Detail("Azure Functions", "qualified with $200.00 in 2026-09", null));
    CustomerView.Node gate = Runs.node(v, "azure", "association");
    assertThat(gate.why())
        .isEqualTo(
            "no CSP T1, CSP T2, DPOR or PAL association on an Azure workload in 2024-10..2026-09; needed: at least 1 association type");
    assertThat(Runs.node(v, "azure", "deployments").why())
        .isEqualTo(
            "not evaluated: gate 'Partner association' was not met (no CSP T1, CSP T2, DPOR or PAL association on an Azure workload in 2024-10..2026-09)");
  }

  @Test
  void aCountOfTenantsWithAnAssociationNoTenantHasSaysSo() {
    Outcome o = Runs.run(Path.of("examples/sample-data"));
    Explainer site = Explainer.forSite(o);
    // C0000012's one tenant has a CSP T1 association and no CPOR one: Modern Work (SMB)'s
    // deployments via CPOR count nothing for that reason; via CSP, the count is met
    int c = Runs.customer(o, "C0000012");
    CustomerView v = site.explainNotMet(c);
    assertThat(Runs.node(v, "modern-work-smb", "deployments.cpor").why())
        .isEqualTo("no tenant has a CPOR association; needed: a net of at least 1 tenant");
    assertThat(Runs.node(v, "modern-work-smb", "deployments.csp").status()).isEqualTo("met");
    // every such why of the sample's customers (in the full explanation, which the site's agrees
    // with: aNodeNotMetIsExplainedAsInTheFullExplanationEvenWhenItsTwinGaveIt) is true of the
    // data; other counts that found nothing still say what qualified
    Explainer explainer = new Explainer(o);
    java.util.regex.Pattern says =
        java.util.regex.Pattern.compile("no tenant has an? ([A-Z][A-Za-z0-9 ]*) association");
    int told = 0;
    int counted = 0;
    for (NodePair pair : nodePairs(o, explainer, site)) {
      CustomerView.Node n = pair.full();
      if (n.why() == null || !n.status().equals("not_met")) {
        continue;
      }
      int k = pair.customer();
      java.util.regex.Matcher m = says.matcher(n.why());
      if (m.lookingAt()) {
        java.util.Set<String> held = new java.util.HashSet<>();
        for (int t = o.data.tenantStart(k); t < o.data.tenantEnd(k); t++) {
          for (int p = o.data.pairStart(t); p < o.data.pairEnd(t); p++) {
            for (int x = o.data.assocStart(p); x < o.data.assocEnd(p); x++) {
              held.add(o.data.typeName(o.data.assocType(x)));
            }
          }
        }
        assertThat(java.util.List.of(m.group(1).split(" or ")))
            .as("%s %s %s", o.data.customerId(k), pair.areaId(), n.id())
            .doesNotContainAnyElementsOf(held);
        told++;
      } else if (n.why().startsWith("no tenants qualified")) {
        counted++;
      }
    }
    assertThat(told).isGreaterThan(20);
    assertThat(counted).isGreaterThan(20);
  }

  @Test
  void aCountWhoseTenantsHadNoneOfTheAmountSaysSo() {
    Outcome o = Runs.run(Path.of("examples/sample-data"));
    // C0000032's one tenant had no ACR attributed via PAL: Security's Azure net customer adds
    // count nothing, and no tenant came closer than $0.00 (so no row is shown)
    int c = Runs.customer(o, "C0000032");
    assertThat(
            Runs.node(Explainer.forSite(o).explainNotMet(c), "security", "azure.net-customer-adds")
                .why())
        .isEqualTo(
            "no tenants qualified as of 2026-09 and 0 as of 2025-09; no tenant had more than $0.00"
                + " (needed: at least $100.00); needed: a net of at least 1 tenant");
    // where what qualifies is said, so is the threshold: not twice
    assertThat(Runs.node(new Explainer(o).explain(c), "security", "azure.net-customer-adds").why())
        .isEqualTo(
            "no tenants qualified as of 2026-09 and 0 as of 2025-09 (qualifying: a tenant with ACR"
                + " attributed via PAL at least $100.00); no tenant had more than $0.00; needed: a"
                + " net of at least 1 tenant");
    // every such why of the sample: its count found nothing, and no row of it shows an amount
    // above 0 as of the month; a why that names the closest miss never says it too
    Explainer explainer = new Explainer(o);
    java.util.regex.Pattern says =
        java.util.regex.Pattern.compile("; no [a-z ]+ had more than (\\$0\\.00|0 [a-z ]+)[;( ]");
    int told = 0;
    for (NodePair pair : nodePairs(o, explainer, Explainer.forSite(o))) {
      CustomerView.Node n = pair.full();
      if (n.why() == null || !says.matcher(n.why()).find()) {
        continue;
      }
      String where = o.data.customerId(pair.customer()) + " " + pair.areaId() + " " + n.id();
      assertThat(n.status()).as(where).isEqualTo("not_met");
      assertThat(n.why()).as(where).startsWith("no ").doesNotContain("the highest was");
      for (CustomerView.Detail d : n.details()) {
        assertThat(d.now()).as(where + " " + d.key()).doesNotContain("highest", "qualified with");
      }
      told++;
    }
    assertThat(told).isGreaterThan(20);
  }

  @Test
  void aBandsCountWhoseTenantsHadNoneOfTheAmountSaysSo() throws IOException {
    Outcome o = Runs.run(Path.of("examples/sample-data"));
    // C0000083's tenant workloads counted by Modern Work (SMB)'s paid available units (within
    // > 10 and <= 300) had no paid units as of 2026-09, so no closest miss was named
    int c = Runs.customer(o, "C0000083");
    assertThat(Runs.node(Explainer.forSite(o).explainNotMet(c), "modern-work-smb", "pau").why())
        .isEqualTo(
            "no tenant workloads qualified as of 2026-09; no tenant workload had more than 0 paid"
                + " units (needed: more than 10 paid units); needed: at least 1 tenant workload");
    assertThat(Runs.node(new Explainer(o).explain(c), "modern-work-smb", "pau").why())
        .endsWith(
            "; no tenant workload had more than 0 paid units; needed: at least 1 tenant"
                + " workload");
    // which the data bear out: no row of its tenants on a workload the count binds has paid units
    // as of 2026-09
    Ir.Node pau =
        o.areas.stream()
            .filter(a -> a.area.id().equals("modern-work-smb"))
            .flatMap(a -> a.nodes.stream())
            .filter(n -> n.id().equals("pau"))
            .findFirst()
            .orElseThrow();
    Ir.Count count = (Ir.Count) pau.value();
    List<String> workloads =
        count.binders().stream()
            .filter(b -> b instanceof Ir.ForWorkload)
            .map(b -> ((Ir.Names) ((Ir.ForWorkload) b).set()).names())
            .findFirst()
            .orElseThrow();
    List<String> tenants =
        Files.readAllLines(Path.of("examples/sample-data/tenants.csv")).stream()
            .map(l -> l.split(","))
            .filter(f -> f[0].equals("C0000083"))
            .map(f -> f[1])
            .toList();
    assertThat(tenants).hasSize(2);
    List<String> usage = Files.readAllLines(Path.of("examples/sample-data/usage.csv"));
    int units = List.of(usage.get(0).split(",")).indexOf("paid_units");
    assertThat(units).isPositive();
    List<String> counted =
        usage.stream()
            .skip(1)
            .map(l -> l.split(",", -1))
            .filter(f -> tenants.contains(f[0]) && f[2].equals("2026-09"))
            .filter(f -> workloads.contains(f[1]) && !f[units].isEmpty())
            .filter(f -> Long.parseLong(f[units]) > 0)
            .map(f -> String.join(",", f))
            .toList();
    assertThat(counted).isEmpty();
  }

  @Test
  void aCountOverAWindowSaysItsMonthsOnce() {
    Outcome o = Runs.run(Path.of("examples/sample-data"));
    int c = Runs.customer(o, "C0000012");
    // the full explanation says what qualifies, with its months; the site's says only the months
    assertThat(
            Runs.node(new Explainer(o).explain(c), "bizapps-enterprise", "performance.workloads")
                .why())
        .isEqualTo(
            "no workloads qualified (qualifying: one of 23 named workloads with revenue more than"
                + " $0.00 in 2024-10..2026-09); needed: at least 1 workload");
    assertThat(
            Runs.node(
                    Explainer.forSite(o).explainNotMet(c),
                    "bizapps-enterprise",
                    "performance.workloads")
                .why())
        .isEqualTo("no workloads qualified in 2024-10..2026-09; needed: at least 1 workload");
  }

  @Test
  void quantitiesAndRates() {
    Outcome o = Runs.conformance("hand-3");
    CustomerView v = new Explainer(o).explain(Runs.customer(o, "C7"));
    // Business Central: 5 and 4 active users at 1000 each: consumption value, its own unit.
    assertThat(Runs.node(v, "bizapps-smb", "customer-success.usage-growth").current())
        .isEqualTo("25.0% (5,000/4,000 consumption value)");
    CustomerView.Node adds = Runs.node(v, "bizapps-enterprise", "performance.net-customer-adds");
    assertThat(adds.why())
        .isEqualTo(
            "no tenant workloads qualified as of 2026-09 and 0 as of 2025-09 (qualifying: a tenant workload with revenue attributed via"
                + " CPOR RevRec, CPOR OSA, CPOR RevRec Performance, CSP T1, CSP T2 or DPOR more than $1,500.00); the highest was tenant T7 on Business Central"
                + " with $500.01 as of 2026-09 (needed: more than $1,500.00); needed: a net of at least 1 tenant workload");
    CustomerView.Node association = Runs.node(v, "bizapps-smb", "performance.association");
    assertThat(association.details())
        .containsExactly(
            new CustomerView.Detail(
                "Business Central",
                "DPOR, tenant T7, from 2024-01, open",
                null,
                new CustomerView.Association("T7", "Business Central", "DPOR", "2024-01", null)));
  }

  @Test
  void aCountOfAssociationTypesListsEveryAssociationThatCounts() {
    // C0000119 has, on Azure workloads, PAL on two tenants, CSP T1, CSP T2 and DPOR in the window;
    // CPOR (App Service) and CPOR RevRec (Azure Functions, ended 2024-06) are not Azure types
    Outcome o = Runs.run(Path.of("examples/sample-data"));
    CustomerView v = new Explainer(o).explain(Runs.customer(o, "C0000119"));
    CustomerView.Node gate = Runs.node(v, "azure", "association");
    assertThat(gate.status()).isEqualTo("met");
    assertThat(gate.current()).isEqualTo("4 association types");
    assertThat(gate.detailsBy()).isEqualTo("workload");
    assertThat(gate.details())
        .extracting(d -> d.key() + ": " + d.now())
        .containsExactly(
            "App Service: PAL, tenant T00000211, active 2026-09..2027-01",
            "App Service: CSP T1, tenant T00000212, active 2025-09..2027-07",
            "App Service: PAL, tenant T00000212, from 2025-01, open",
            "Azure Functions: CSP T2, tenant T00000212, active 2023-11..2025-05",
            "Azure Functions: PAL, tenant T00000212, active 2024-03..2025-02",
            "Virtual Machine Licenses: DPOR, tenant T00000211, from 2025-04, open");
    assertThat(gate.details().get(1).association())
        .isEqualTo(
            new CustomerView.Association(
                "T00000212", "App Service", "CSP T1", "2025-09", "2027-07"));
    assertThat(gate.detailsLeftOut()).isZero();
    // C0000021: "2 association types" on a customer success workload, both listed (CPOR on Guides
    // is not a customer success type)
    CustomerView w = new Explainer(o).explain(Runs.customer(o, "C0000021"));
    CustomerView.Node success = Runs.node(w, "bizapps-smb", "customer-success.association");
    assertThat(success.current()).isEqualTo("2 association types");
    assertThat(success.details())
        .extracting(d -> d.key() + ": " + d.now())
        .containsExactly(
            "Guides: CPOR OSU, tenant T00000042, active 2025-02..2025-12",
            "Guides: DPOR, tenant T00000042, active 2025-01..2026-11");
  }

  @Test
  void everyAssociationListedCountsAndEveryTypeCountedIsListed() {
    // against the data: each row is an association of the customer's, active in the window, of
    // a type the node counts; the types listed are as many as the count; explainNotMet, which the
    // site uses, lists the same rows for met nodes
    Outcome o = Runs.run(Path.of("examples/sample-data"));
    Explainer explainer = new Explainer(o);
    Explainer site = Explainer.forSite(o);
    java.util.Set<String> active = new java.util.HashSet<>();
    java.util.Map<String, String> customerOf = new java.util.HashMap<>();
    for (int c = 0; c < o.data.customerCount(); c++) {
      for (int t = o.data.tenantStart(c); t < o.data.tenantEnd(c); t++) {
        customerOf.put(o.data.tenantId(t), o.data.customerId(c));
      }
    }
    for (int t = 0; t < o.data.tenantCount(); t++) {
      for (int p = o.data.pairStart(t); p < o.data.pairEnd(t); p++) {
        for (int k = o.data.assocStart(p); k < o.data.assocEnd(p); k++) {
          int end = o.data.assocEndMonth(k);
          active.add(
              o.data.tenantId(t)
                  + "/"
                  + o.data.workloadName(o.data.pairWorkload(p))
                  + "/"
                  + o.data.typeName(o.data.assocType(k))
                  + "/"
                  + Formats.month(o.data.assocStartMonth(k))
                  + "/"
                  + (end == eligo.data.Month.OPEN ? null : Formats.month(end)));
        }
      }
    }
    int nodes = 0;
    int several = 0;
    for (NodePair p : nodePairs(o, explainer, site)) {
      CustomerView v = p.view();
      CustomerView.Node n = p.full();
      if (!n.current().endsWith("association type") && !n.current().endsWith("association types")) {
        continue;
      }
      nodes++;
      java.util.Set<String> types = new java.util.TreeSet<>();
      java.util.Set<String> tenants = new java.util.TreeSet<>();
      for (CustomerView.Detail d : n.details()) {
        CustomerView.Association a = d.association();
        assertThat(a).as("%s %s", v.customerId(), n.id()).isNotNull();
        assertThat(active)
            .contains(
                a.tenant() + "/" + a.workload() + "/" + a.type() + "/" + a.from() + "/" + a.to());
        assertThat(customerOf.get(a.tenant())).isEqualTo(v.customerId());
        assertThat(a.from()).isLessThanOrEqualTo(v.asOf());
        assertThat(a.to() == null || a.to().compareTo("2024-10") >= 0).isTrue();
        types.add(a.type());
        tenants.add(a.tenant());
      }
      assertThat(n.detailsLeftOut()).isZero();
      List<String> order =
          n.details().stream()
              .map(CustomerView.Detail::association)
              .map(
                  a ->
                      String.join(
                          "\u0000", // before any character, as the end of a field
                          a.workload(),
                          a.tenant(),
                          a.type(),
                          a.from(),
                          a.to() == null ? "~open" : a.to()))
              .toList();
      assertThat(order).doesNotHaveDuplicates().isSorted();
      assertThat(types.size() + " association type" + (types.size() == 1 ? "" : "s"))
          .as("%s %s", v.customerId(), n.id())
          .isEqualTo(n.current());
      if (types.size() > 1 || tenants.size() > 1) {
        several++;
      }
      if (n.status().equals("met")) {
        assertThat(p.site().details()).isEqualTo(n.details());
      }
    }
    assertThat(nodes).isGreaterThan(1000);
    assertThat(several).isGreaterThan(100);
  }

  @Test
  void aLongListOfAssociationsIsCutWithEveryTypeKept() throws IOException {
    // 1 customer, 6 tenants on 5 Azure workloads: 30 PAL associations, and one DPOR last in order
    Path data = tmp.resolve("many");
    Files.createDirectories(data);
    StringBuilder tenants = new StringBuilder("customer_id,tenant_id,tenant_name\n");
    StringBuilder workloads = new StringBuilder("workload,family\n");
    StringBuilder associations =
        new StringBuilder("tenant_id,workload,association_type,start_month,end_month\n");
    for (int w = 1; w <= 5; w++) {
      workloads.append("Azure W").append(w).append(",Azure\n");
    }
    for (int t = 1; t <= 6; t++) {
      tenants.append("C1,T").append(t).append(",t\n");
      for (int w = 1; w <= 5; w++) {
        associations.append("T").append(t).append(",Azure W").append(w).append(",PAL,2025-0");
        associations.append(t).append(",\n");
      }
    }
    associations.append("T6,Azure W5,DPOR,2024-01,2024-12\n");
    write(data, "customers.csv", "partner_id,customer_id,customer_name\nP1,C1,Many\n");
    write(data, "tenants.csv", tenants.toString());
    write(data, "workloads.csv", workloads.toString());
    write(data, "associations.csv", associations.toString());
    write(
        data,
        "usage.csv",
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n"
            + "T1,Azure W1,2026-09,10,,,,\n");
    Outcome o = Runs.run(data);
    CustomerView.Node gate = Runs.node(new Explainer(o).explain(0), "azure", "association");
    assertThat(gate.current()).isEqualTo("2 association types");
    assertThat(gate.details()).hasSize(AssociationRows.MAX);
    assertThat(gate.detailsLeftOut()).isEqualTo(31 - AssociationRows.MAX);
    // in order (workload, tenant, type), the DPOR row kept though it is last
    assertThat(gate.details().get(0).now()).isEqualTo("PAL, tenant T1, from 2025-01, open");
    assertThat(gate.details().get(AssociationRows.MAX - 1).now())
        .isEqualTo("DPOR, tenant T6, active 2024-01..2024-12");
    assertThat(gate.details().get(AssociationRows.MAX - 1).key()).isEqualTo("Azure W5");
    assertThat(gate.details().get(AssociationRows.MAX - 2).now())
        .isEqualTo("PAL, tenant T1, from 2025-01, open");
    assertThat(gate.details().get(AssociationRows.MAX - 2).key()).isEqualTo("Azure W4");
    String text = TextReport.customer(new Explainer(o).explain(0));
    assertThat(text).contains("      and 11 more associations\n");
    String json = JsonReport.customer(new Explainer(o).explain(0));
    assertThat(json).contains("\"more\" : 11");
    com.networknt.schema.Schema schema =
        com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
            .getSchema(JsonReport.class.getResourceAsStream("customer.schema.json"));
    assertThat(schema.validate(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)))
        .isEmpty();
  }

  @Test
  void anAssociationGateNotMetSaysWhatItSaidAndListsNothing() throws IOException {
    // a CPOR association on an Azure workload: not an Azure type, so nothing counts
    Path data = tmp.resolve("cpor");
    Files.createDirectories(data);
    write(data, "customers.csv", "partner_id,customer_id,customer_name\nP1,C1,Cpor\n");
    write(data, "tenants.csv", "customer_id,tenant_id,tenant_name\nC1,T1,t1\n");
    write(data, "workloads.csv", "workload,family\nAzure SQL Database,Azure\n");
    write(
        data,
        "associations.csv",
        "tenant_id,workload,association_type,start_month,end_month\nT1,Azure SQL Database,CPOR,2024-01,\n");
    write(
        data,
        "usage.csv",
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n"
            + "T1,Azure SQL Database,2026-09,10,,,,\n");
    Outcome o = Runs.run(data);
    CustomerView.Node gate = Runs.node(new Explainer(o).explain(0), "azure", "association");
    assertThat(gate.status()).isEqualTo("not_met");
    assertThat(gate.why())
        .isEqualTo(
            "no CSP T1, CSP T2, DPOR or PAL association on an Azure workload in 2024-10..2026-09; needed: at least 1 association type");
    assertThat(gate.details()).isEmpty();
    assertThat(gate.detailsLeftOut()).isZero();
  }

  @Test
  void theClosestTenantIsNamedWhenNoneQualifies() throws IOException {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    write(data, "customers.csv", "partner_id,customer_id,customer_name\nP1,C1,Close call\n");
    write(data, "tenants.csv", "customer_id,tenant_id,tenant_name\nC1,T17,t17\nC1,T18,t18\n");
    write(data, "workloads.csv", "workload,family\nAzure SQL Database,Azure\n");
    write(
        data,
        "associations.csv",
        "tenant_id,workload,association_type,start_month,end_month\nT17,Azure SQL Database,PAL,2024-01,\nT18,Azure SQL Database,PAL,2024-01,\n");
    write(
        data,
        "usage.csv",
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n"
            + "T17,Azure SQL Database,2026-08,998.00,,,,\nT17,Azure SQL Database,2026-09,999.99,,,,\nT18,Azure SQL Database,2026-09,10,,,,\n");
    Outcome o = Runs.run(data);
    CustomerView.Node adds = Runs.node(new Explainer(o).explain(0), "azure", "net-customer-adds");
    assertThat(adds.status()).isEqualTo("not_met");
    assertThat(adds.why())
        .isEqualTo(
            "no tenants qualified as of 2026-09 and 0 as of 2025-09 (qualifying: a tenant with ACR attributed via CSP T1, CSP T2, DPOR or PAL"
                + " at least $1,000.00 in 2026-08..2026-09); the highest was tenant T17 with $999.99 in 2026-09 (needed: at least $1,000.00); needed: a net of at least 1 tenant");
    assertThat(adds.details())
        .containsExactly(
            new CustomerView.Detail("T17", "not qualified; highest $999.99 in 2026-09", "—"),
            new CustomerView.Detail("T18", "not qualified; highest $10.00 in 2026-09", "—"));
  }

  @Test
  void everyCustomerOfSample1AgreesWithTheRunAndSaysWhyInPlainWords() {
    Outcome o = Runs.conformance("sample-1");
    Explainer explainer = new Explainer(o);
    int explained = 0;
    for (int c = 0; c < o.data.customerCount(); c++) {
      // explain() fails when the traced evaluation disagrees with the generated engine's run.
      CustomerView v = explainer.explain(c);
      for (CustomerView.Area a : v.areas()) {
        for (CustomerView.Node n : a.nodes()) {
          if (n.status().equals("met")) {
            assertThat(n.why()).isNull();
            continue;
          }
          explained++;
          assertThat(n.why())
              .as("%s %s %s", v.customerId(), a.id(), n.id())
              .isNotBlank()
              .doesNotContain(
                  "null", "Ir.", "Count", "Sum", "ForTenant", "NodeValue", "Exists", "@", "#")
              .doesNotContainPattern("\\b(GE|GT|LE|LT)\\b")
              .doesNotContainPattern("\\b[0-9]{6,}\\b");
          if (n.status().equals("not_met")) {
            assertThat(n.why()).as("%s %s %s", v.customerId(), a.id(), n.id()).contains("needed: ");
          }
        }
      }
    }
    assertThat(explained).isGreaterThan(1000);
  }

  @Test
  void aCountOfTypesWhoseConditionJoinsAnAssociationWithMoreListsOnlyWhereBothHold()
      throws IOException {
    // an invented area: types with paid units on the same tenant and workload at M, per tenant; on
    // both engines (the rows come from the interpreter either way)
    Path criteria = tmp.resolve("probe");
    Files.createDirectories(criteria);
    write(
        criteria,
        "probe.criteria",
        String.join(
            "\n",
            "association type PAL = \"PAL\"",
            "association type DPOR = \"DPOR\"",
            "association type CSP = \"CSP\"",
            "workloads CLOUD = family \"Azure\"",
            "area probe \"Probe\" {",
            "  metric used \"Associated and used\" {",
            "    criteria \"Association types with paid units on the same tenant and workload\"",
            "    details per tenant",
            "    value count type where any tenant, workload in CLOUD",
            "      where (associated and paid_units > 0) at M",
            "    met when value >= 3",
            "  }",
            "}",
            ""));
    Path data = tmp.resolve("probe-data");
    Files.createDirectories(data);
    write(data, "customers.csv", "partner_id,customer_id,customer_name\nP1,C1,Probe\n");
    write(data, "tenants.csv", "customer_id,tenant_id,tenant_name\nC1,T1,t1\nC1,T2,t2\n");
    write(data, "workloads.csv", "workload,family\nAzure A,Azure\nAzure B,Azure\nOffice,M365\n");
    write(
        data,
        "associations.csv",
        "tenant_id,workload,association_type,start_month,end_month\n"
            + "T1,Azure A,PAL,2025-01,\n"
            + "T1,Azure B,PAL,2026-01,2026-08\n" // ended before M
            + "T2,Azure A,DPOR,2026-09,2026-09\n"
            + "T2,Azure B,DPOR,2026-01,\n" // no paid units
            + "T2,Office,CSP,2025-01,\n"); // not an Azure workload
    write(
        data,
        "usage.csv",
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n"
            + "T1,Azure A,2026-09,,,5,,\nT1,Azure B,2026-09,,,5,,\nT2,Azure A,2026-09,,,5,,\n"
            + "T2,Azure B,2026-09,,,0,,\nT2,Office,2026-09,,,5,,\n");
    for (String engine : List.of("generated", "interpret")) {
      assertThat(explain(criteria, data, engine, "C1"))
          .contains(
              "  used  not met  2 association types\n",
              "    per tenant:\n"
                  + "      T1  PAL on Azure A, from 2025-01, open\n"
                  + "      T2  DPOR on Azure A, active 2026-09\n");
    }
  }

  @Test
  void aNodeNotMetIsExplainedAsInTheFullExplanationEvenWhenItsTwinGaveIt() {
    // explainNotMet copies the view of an earlier node of the same words (ExplainedTwins: the
    // Enterprise and SMB areas share gates); explain evaluates and traces every node
    assertFastIsFull(Runs.run(Path.of("examples/sample-data")), 10);
  }

  @Test
  void nodesOfTheSameValueButNotTheSameConditionAreNotTwins(@TempDir Path dir) throws Exception {
    // the two Business Applications areas share the performance workloads gate's value, but one
    // needs 2 workloads and the other 1: a customer of none is not met at both, for other reasons
    Path criteria = dir.resolve("criteria");
    Files.createDirectories(criteria);
    try (var files = Files.list(Path.of("criteria"))) {
      for (Path f : files.toList()) {
        Files.copy(f, criteria.resolve(f.getFileName().toString()));
      }
    }
    Path ba = criteria.resolve("business-applications.criteria");
    String text = Files.readString(ba);
    int gate = text.indexOf("gate workloads \"Performance workloads\"");
    int met = text.indexOf("met when value >= 1", gate);
    text =
        text.substring(0, met)
            + "met when value >= min_workloads"
            + text.substring(met + "met when value >= 1".length());
    text =
        text.replace(
                "parameter qualifying_revenue: money",
                "parameter min_workloads: number\n  parameter qualifying_revenue: money")
            .replace("qualifying_revenue = $500", "qualifying_revenue = $500\n  min_workloads = 1")
            .replace(
                "qualifying_revenue = $1500", "qualifying_revenue = $1500\n  min_workloads = 2");
    Files.writeString(ba, text);
    eligo.check.Frontend.Compilation c = eligo.check.Frontend.compileFolder(criteria);
    assertThat(c.ok()).as("%s", c.diagnostics()).isTrue();
    eligo.data.Dataset data =
        eligo.io.DatasetLoader.load(
                Path.of("examples/sample-data"),
                c.program().associationTypes(),
                eligo.io.Mode.STRICT)
            .dataset();
    Outcome o =
        eligo.engine.Evaluation.run(
            c.program(),
            eligo.engine.Engine.interpreters(c.program()),
            data,
            data.latestUsageMonth(),
            1,
            eligo.engine.Evaluation.Progress.NONE);
    assertFastIsFull(o, 0);
  }

  @Test
  void aWorkloadGateNotMetOnCreditsAloneIsExplainedAsInTheFullExplanation(@TempDir Path dir)
      throws Exception {
    // a count of ACR above 0 that found nothing is taken from the outcome (QuietCounts) only for a
    // customer without a negative ACR: a credit is the highest amount the gate's why names
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Files.copy(Path.of("examples/sample-data/workloads.csv"), data.resolve("workloads.csv"));
    Files.writeString(
        data.resolve("customers.csv"),
        "partner_id,customer_id,customer_name\nP1,C1,Credits\nP1,C2,Nothing\nP1,C3,Some\n");
    Files.writeString(
        data.resolve("tenants.csv"),
        "customer_id,tenant_id,tenant_name\nC1,T1,Credits\nC2,T2,Nothing\nC3,T3,Some\n");
    Files.writeString(
        data.resolve("associations.csv"),
        "tenant_id,workload,association_type,start_month,end_month\n");
    Files.writeString(
        data.resolve("usage.csv"),
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n"
            + "T1,Azure SQL Database,2026-07,-297.84,,,,\n"
            + "T1,Virtual Machines,2026-08,-5.00,,,,\n"
            + "T2,Azure SQL Database,2026-08,0,,,,\n"
            + "T3,Azure SQL Database,2026-08,12.50,,,,\n");
    Outcome o = Runs.run(data);
    Explainer site = Explainer.forSite(o);
    for (String id : List.of("C1", "C2", "C3")) {
      int c = Runs.customer(o, id);
      CustomerView full = site.explain(c);
      CustomerView fast = site.explainNotMet(c);
      for (String area : List.of("azure", "security")) {
        for (CustomerView.Node f :
            full.areas().stream()
                .filter(a -> a.id().equals(area))
                .findFirst()
                .orElseThrow()
                .nodes()) {
          if (!f.status().equals("met")) {
            assertThat(Runs.node(fast, area, f.id())).as("%s %s", id, f.id()).isEqualTo(f);
          }
        }
      }
    }
    assertThat(Runs.node(site.explainNotMet(Runs.customer(o, "C1")), "azure", "workloads").why())
        .contains("the highest was tenant T1 on Virtual Machines with -$5.00 in 2026-08");
    assertThat(Runs.node(site.explainNotMet(Runs.customer(o, "C2")), "azure", "workloads").why())
        .isEqualTo("no workloads qualified in 2024-09..2026-08; needed: at least 1 workload");
    assertThat(Runs.node(site.explainNotMet(Runs.customer(o, "C3")), "azure", "workloads").status())
        .isEqualTo("met");
  }

  /**
   * Every node not met or not evaluated of every customer has the same view in {@link
   * Explainer#explainNotMet} as in {@link Explainer#explain(int)}; more than {@code twins} nodes
   * not met follow a node not met of the same value expression.
   */
  private static void assertFastIsFull(Outcome o, int twins) {
    Explainer site = Explainer.forSite(o);
    int notMet = 0;
    int twinsNotMet = 0;
    // by customer, the value expressions and values of its nodes not met
    java.util.Set<String> values = new java.util.HashSet<>();
    for (NodePair p : nodePairs(o, site, site)) {
      CustomerView.Node f = p.full();
      CustomerView.Node q = p.site();
      assertThat(q.id()).isEqualTo(f.id());
      assertThat(q.status()).isEqualTo(f.status());
      if (f.status().equals("met")) {
        continue;
      }
      assertThat(q).as("%s %s", p.view().customerId(), f.id()).isEqualTo(f);
      if (f.status().equals("not_met")) {
        notMet++;
        Object value = o.areas.get(p.area()).nodes.get(p.node()).value();
        if (!values.add(p.customer() + "|" + value + "|" + f.value())) {
          twinsNotMet++;
        }
      }
    }
    assertThat(notMet).isGreaterThan(100);
    assertThat(twinsNotMet).as("nodes not met after a node of the same value").isGreaterThan(twins);
  }

  /**
   * A node of a customer as two explainers give it: {@code full} by {@link Explainer#explain(int)},
   * {@code site} by {@link Explainer#explainNotMet}; {@code view} is the full view of the customer.
   */
  private record NodePair(
      int customer,
      int area,
      int node,
      CustomerView view,
      CustomerView.Node full,
      CustomerView.Node site) {
    String areaId() {
      return view.areas().get(area).id();
    }
  }

  /**
   * Every node of every customer of {@code o}, in order: {@code full}'s explanation of it beside
   * {@code site}'s {@link Explainer#explainNotMet}.
   */
  private static List<NodePair> nodePairs(Outcome o, Explainer full, Explainer site) {
    List<NodePair> pairs = new java.util.ArrayList<>();
    for (int c = 0; c < o.data.customerCount(); c++) {
      CustomerView f = full.explain(c);
      CustomerView s = site.explainNotMet(c);
      for (int ai = 0; ai < f.areas().size(); ai++) {
        for (int ni = 0; ni < f.areas().get(ai).nodes().size(); ni++) {
          pairs.add(
              new NodePair(
                  c,
                  ai,
                  ni,
                  f,
                  f.areas().get(ai).nodes().get(ni),
                  s.areas().get(ai).nodes().get(ni)));
        }
      }
    }
    return pairs;
  }
}
