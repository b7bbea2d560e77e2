package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Outcome;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
                "Business Central", "DPOR association of tenant T7 active in 2024-10", null));
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

  private static void write(Path dir, String name, String text) throws IOException {
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
