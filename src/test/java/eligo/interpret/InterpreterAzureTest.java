package eligo.interpret;

import static eligo.data.DatasetKit.month;
import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Azure area of CRITERIA.md, interpreted: the hand-1 conformance case and its edges. */
class InterpreterAzureTest {
  private static final Ir.Area AZURE = AzureIr.area();
  private static final int SEP_2026 = month("2026-09");

  private static DatasetKit azureWorkloads() {
    return new DatasetKit()
        .types(DatasetKit.COMMON_TYPES)
        .workload("Azure SQL Database", "Azure")
        .workload("Virtual Machines", "Azure")
        .workload("Azure Functions", "Azure");
  }

  /** conformance/hand-1/data, row for row. */
  static Dataset hand1() {
    return azureWorkloads()
        .customer("P1", "C1")
        .customer("P1", "C2")
        .customer("P1", "C3")
        .customer("P1", "C4")
        .tenant("C1", "T1")
        .tenant("C2", "T2")
        .tenant("C4", "T4")
        .acr("T1", "Azure SQL Database", "2026-08", "1000.00")
        .acr("T1", "Azure SQL Database", "2026-09", "0")
        .acr("T1", "Azure SQL Database", "2025-09", "999.99")
        .acr("T1", "Azure SQL Database", "2025-08", "500")
        .acr("T1", "Azure SQL Database", "2024-12", "700")
        .acr("T2", "Virtual Machines", "2026-09", "5000")
        .acr("T4", "Azure Functions", "2026-09", "200")
        .assoc("T1", "Azure SQL Database", "PAL", "2025-01", null)
        .assoc("T2", "Virtual Machines", "CSP T1", "2024-01", null)
        .build();
  }

  /**
   * The azure rows of conformance/hand-1/expected.csv
   * (partner_id,customer_id,area,node,status,value).
   */
  private static final List<String> HAND1_EXPECTED =
      List.of(
          "P1,C1,azure,association,met,1",
          "P1,C1,azure,deployments,met,1",
          "P1,C1,azure,net-customer-adds,met,1",
          "P1,C1,azure,usage-growth,not_met,-499.99",
          "P1,C1,azure,workloads,met,1",
          "P1,C2,azure,association,met,1",
          "P1,C2,azure,deployments,not_met,0",
          "P1,C2,azure,net-customer-adds,met,1",
          "P1,C2,azure,usage-growth,met,5000",
          "P1,C2,azure,workloads,met,1",
          "P1,C3,azure,association,not_evaluated,",
          "P1,C3,azure,deployments,not_evaluated,",
          "P1,C3,azure,net-customer-adds,not_evaluated,",
          "P1,C3,azure,usage-growth,not_evaluated,",
          "P1,C3,azure,workloads,not_met,0",
          "P1,C4,azure,association,not_met,0",
          "P1,C4,azure,deployments,not_evaluated,",
          "P1,C4,azure,net-customer-adds,not_evaluated,",
          "P1,C4,azure,usage-growth,not_evaluated,",
          "P1,C4,azure,workloads,met,1");

  /** The interpreter's azure rows for hand-1, sorted like a results file. */
  private static List<String> hand1Rows() {
    Dataset data = hand1();
    Interpreter ip = new Interpreter(AZURE, data);
    List<String> rows = new ArrayList<>();
    for (int c = 0; c < data.customerCount(); c++) {
      for (String row : Outcome.of(AZURE, ip, c, SEP_2026).rows()) {
        rows.add(data.partnerId(c) + "," + data.customerId(c) + ",azure," + row);
      }
    }
    rows.sort(null);
    return rows;
  }

  @Test
  void hand1MatchesTheWorkedExamples() {
    assertThat(hand1Rows()).containsExactlyElementsOf(HAND1_EXPECTED);
  }

  @Test
  @Needs(Requirement.SHARED)
  void hand1MatchesTheSharedExpectedFile() throws IOException {
    Path expected = eligo.testing.SharedFiles.conformance("hand-1").resolve("expected.csv");
    List<String> azureRows = new ArrayList<>();
    for (String line : Files.readAllLines(expected, StandardCharsets.UTF_8)) {
      if (line.split(",", -1)[2].equals("azure")) {
        azureRows.add(line);
      }
    }
    assertThat(hand1Rows()).containsExactlyElementsOf(azureRows);
  }

  @Test
  void c1UsageGrowthLeavesOutUsageBeforeTheAssociationStarts() {
    Dataset data = hand1();
    Outcome o = Outcome.of(AZURE, new Interpreter(AZURE, data), 0, SEP_2026);
    // a = 1000.00 (2026-08); b = 500 + 999.99; the 700 of 2024-12 precedes PAL's 2025-01 start.
    assertThat(o.current("usage-growth")).isEqualTo(100000);
    assertThat(o.baseline("usage-growth")).isEqualTo(149999);
    assertThat(o.value("usage-growth")).isEqualTo(-49999);
    assertThat(o.current("net-customer-adds")).isEqualTo(1);
    assertThat(o.baseline("net-customer-adds")).isEqualTo(0);
    // Not net: current and baseline stay 0.
    assertThat(o.current("deployments")).isZero();
    assertThat(o.baseline("deployments")).isZero();
  }

  @Test
  void aFailedGateLeavesEveryLaterNodeNotEvaluatedWithNoValue() {
    Dataset data = hand1();
    Outcome c4 = Outcome.of(AZURE, new Interpreter(AZURE, data), 3, SEP_2026);
    assertThat(c4.status("workloads")).isEqualTo(NodeResults.MET);
    assertThat(c4.status("association")).isEqualTo(NodeResults.NOT_MET);
    for (String later : List.of("net-customer-adds", "deployments", "usage-growth")) {
      assertThat(c4.status(later)).isEqualTo(NodeResults.NOT_EVALUATED);
      assertThat(c4.value(later)).isZero();
      assertThat(c4.current(later)).isZero();
      assertThat(c4.baseline(later)).isZero();
    }
  }

  @Test
  void aCustomerWithNoTenantFailsTheFirstGate() {
    Dataset data = hand1();
    assertThat(data.tenantStart(2)).isEqualTo(data.tenantEnd(2));
    Outcome c3 = Outcome.of(AZURE, new Interpreter(AZURE, data), 2, SEP_2026);
    assertThat(c3.rows())
        .containsExactly(
            "workloads,not_met,0",
            "association,not_evaluated,",
            "net-customer-adds,not_evaluated,",
            "deployments,not_evaluated,",
            "usage-growth,not_evaluated,");
  }

  @Test
  void aTenantQualifiesAt1000ButNotAt999Point99InOneMonth() {
    Dataset data =
        azureWorkloads()
            .customer("P", "C")
            .tenant("C", "A")
            .tenant("C", "B")
            .tenant("C", "D")
            .tenant("C", "E")
            // A: 999.99 in both M-1 and M: never 1000 in a single month.
            .acr("A", "Azure SQL Database", "2026-08", "999.99")
            .acr("A", "Azure SQL Database", "2026-09", "999.99")
            .assoc("A", "Azure SQL Database", "PAL", "2020-01", null)
            // B: exactly 1000.00 in M-1.
            .acr("B", "Azure SQL Database", "2026-08", "1000.00")
            .assoc("B", "Azure SQL Database", "PAL", "2020-01", null)
            // D: 600 + 400 on two AZ workloads in the same month M: summed over workloads,
            // qualifies.
            .acr("D", "Azure SQL Database", "2026-09", "600")
            .acr("D", "Azure Functions", "2026-09", "400")
            .assoc("D", "Azure SQL Database", "DPOR", "2020-01", null)
            .assoc("D", "Azure Functions", "CSP T2", "2020-01", null)
            // E: 600 in M-1 and 400 in M: no single month reaches 1000.
            .acr("E", "Azure SQL Database", "2026-08", "600")
            .acr("E", "Azure SQL Database", "2026-09", "400")
            .assoc("E", "Azure SQL Database", "PAL", "2020-01", null)
            .build();
    Outcome o = Outcome.of(AZURE, new Interpreter(AZURE, data), 0, SEP_2026);
    assertThat(o.current("net-customer-adds")).isEqualTo(2); // B and D
    assertThat(o.baseline("net-customer-adds")).isEqualTo(0);
    assertThat(o.cell("net-customer-adds")).isEqualTo("met,2");
  }

  @Test
  void usageBeforeAnAssociationStartsOrAfterItEndsIsNotAttributed() {
    Dataset data =
        azureWorkloads()
            .customer("P", "C")
            .tenant("C", "T")
            .acr("T", "Azure SQL Database", "2025-02", "100")
            .acr("T", "Azure SQL Database", "2025-03", "20")
            .acr("T", "Azure SQL Database", "2025-06", "3")
            .acr("T", "Azure SQL Database", "2025-07", "4000")
            .assoc("T", "Azure SQL Database", "PAL", "2025-03", "2025-06")
            .build();
    Interpreter ip = new Interpreter(AZURE, data);
    Outcome sep2025 = Outcome.of(AZURE, ip, 0, month("2025-09"));
    assertThat(sep2025.cell("usage-growth")).isEqualTo("met,23");
    assertThat(sep2025.cell("deployments")).isEqualTo("met,1");
    // A year later the association has ended: it is still active in the window (gate met), but
    // nothing in TTM(M) is attributed, and the baseline year holds the 23.
    Outcome sep2026 = Outcome.of(AZURE, ip, 0, SEP_2026);
    assertThat(sep2026.cell("association")).isEqualTo("met,1");
    assertThat(sep2026.cell("deployments")).isEqualTo("not_met,0");
    assertThat(sep2026.cell("usage-growth")).isEqualTo("not_met,-23");
    // The window M-23 .. M holds 2025-06 up to M = 2027-05; after that the gate fails.
    Outcome may2027 = Outcome.of(AZURE, ip, 0, month("2027-05"));
    assertThat(may2027.cell("association")).isEqualTo("met,1");
    Outcome jun2027 = Outcome.of(AZURE, ip, 0, month("2027-06"));
    assertThat(jun2027.cell("association")).isEqualTo("not_met,0");
  }

  @Test
  void anAzureFamilyWorkloadNamedNowhereStillCountsAndOtherFamiliesDoNot() {
    Dataset data =
        azureWorkloads()
            .workload("Azure Quantum Widgets", "Azure")
            .workload("Power BI", "Power Platform")
            .customer("P", "C")
            .tenant("C", "T")
            .acr("T", "Azure Quantum Widgets", "2026-09", "1500")
            .assoc("T", "Azure Quantum Widgets", "DPOR", "2026-01", null)
            .acr("T", "Power BI", "2026-09", "9000")
            .assoc("T", "Power BI", "PAL", "2026-01", null)
            .build();
    Outcome o = Outcome.of(AZURE, new Interpreter(AZURE, data), 0, SEP_2026);
    assertThat(o.rows())
        .containsExactly(
            "workloads,met,1",
            "association,met,1", // DPOR only: the PAL is on a Power Platform workload
            "net-customer-adds,met,1",
            "deployments,met,1",
            "usage-growth,met,1500");
  }

  @Test
  void distinctTypesCountCspTiersAsTwoAndIgnoreTypesOutsideS() {
    Dataset data =
        azureWorkloads()
            .customer("P", "C")
            .tenant("C", "T")
            .tenant("C", "U")
            .acr("T", "Azure SQL Database", "2026-09", "1")
            .assoc("T", "Azure SQL Database", "CSP T1", "2025-01", "2025-02")
            .assoc("U", "Azure Functions", "CSP T2", "2026-01", null)
            .assoc("U", "Azure Functions", "CSP T2", "2026-03", null)
            .assoc("U", "Virtual Machines", "CPOR", "2026-01", null)
            .build();
    Outcome o = Outcome.of(AZURE, new Interpreter(AZURE, data), 0, SEP_2026);
    assertThat(o.cell("association")).isEqualTo("met,2");
  }

  @Test
  void negativeAcrCreditsNetOutAndDoNotPassTheWorkloadsGate() {
    Dataset data =
        azureWorkloads()
            .customer("P", "Credits")
            .customer("P", "Netted")
            .tenant("Credits", "T1")
            .tenant("Netted", "T2")
            // Only credits: acr > 0 nowhere, the first gate fails.
            .acr("T1", "Azure SQL Database", "2026-05", "-250.00")
            .assoc("T1", "Azure SQL Database", "PAL", "2020-01", null)
            // A charge and an equal credit: gate met, but TTM attributed ACR is 0, not > 0.
            .acr("T2", "Azure SQL Database", "2026-07", "500.00")
            .acr("T2", "Azure SQL Database", "2026-08", "-500.00")
            // 1500 less a 600 credit on another workload in the same month: 900, not qualified.
            .acr("T2", "Azure Functions", "2026-09", "1500")
            .acr("T2", "Virtual Machines", "2026-09", "-600")
            .acr("T2", "Azure Functions", "2025-09", "300")
            .assoc("T2", "Azure SQL Database", "PAL", "2020-01", null)
            .assoc("T2", "Azure Functions", "PAL", "2020-01", null)
            .assoc("T2", "Virtual Machines", "PAL", "2020-01", null)
            .build();
    Interpreter ip = new Interpreter(AZURE, data);
    Outcome credits = Outcome.of(AZURE, ip, 0, SEP_2026);
    assertThat(credits.cell("workloads")).isEqualTo("not_met,0");
    assertThat(credits.cell("usage-growth")).isEqualTo("not_evaluated,");

    Outcome netted = Outcome.of(AZURE, ip, 1, SEP_2026);
    assertThat(netted.rows())
        .containsExactly(
            "workloads,met,2", // SQL (500 in 2026-07) and Functions; VMs only have a credit
            "association,met,1",
            "net-customer-adds,not_met,0",
            "deployments,met,1", // Functions only: SQL nets to 0
            "usage-growth,met,600"); // (500 - 500 + 1500 - 600) - 300
  }
}
