package eligo.io;

import static eligo.io.TestData.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One load reports every error of every file, not just the first, and gives no dataset. */
class AllErrorsTest {
  @TempDir Path dir;

  @Test
  void oneOfEachRowErrorIsReportedInFileThenLineOrder() {
    put(
        dir,
        "customers.csv",
        """
        partner_id,customer_id,customer_name
        P1,C1,One
        P1,C1,Dup
        P1,C2
        P1,,empty
        """);
    put(
        dir,
        "tenants.csv",
        """
        customer_id,tenant_id,tenant_name
        C1,T1,t1
        C99,T2,t2
        """);
    put(
        dir,
        "workloads.csv",
        """
        workload,family
        Teams,Microsoft 365
        """);
    put(
        dir,
        "associations.csv",
        """
        tenant_id,workload,association_type,start_month,end_month
        T1,Teams,CSP T3,2025-01,
        T1,Teams,PAL,2025-02,2025-01
        T1,Nope,PAL,2025-01,
        """);
    put(
        dir,
        "usage.csv",
        """
        tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users
        T1,Teams,2026-13,,,,,
        T1,Teams,2026-01,abc,,,,
        T1,Teams,2026-02,1.234,,,,
        T1,Teams,2026-03,,,-1,,
        T9,Teams,2026-04,,,1,,
        T1,Teams,2026-05,,,1,,
        T1,Teams,2026-05,,,2,,
        T2,Teams,2026-06,,,1,,
        """);
    assertThat(TestData.errors(dir))
        .containsExactly(
            "customers.csv:3: customer_id 'C1' is already used at line 2",
            "customers.csv:4: the row has 2 fields, the header has 3",
            "customers.csv:5: customer_id is empty",
            "tenants.csv:3: customer 'C99' is not in customers.csv",
            "associations.csv:2: association_type 'CSP T3' is not a known association type"
                + " (known: PAL, DPOR, CSP T1, CSP T2, CPOR, CPOR RevRec, CPOR OSA, CPOR OSU,"
                + " CPOR RevRec Performance)",
            "associations.csv:3: start_month 2025-02 is after end_month 2025-01",
            "associations.csv:4: workload 'Nope' is not in workloads.csv",
            "usage.csv:2: month '2026-13' is not a month (YYYY-MM)",
            "usage.csv:3: acr_usd 'abc' is not an amount (like 1234.56 or -0.5)",
            "usage.csv:4: acr_usd '1.234' has more than 2 decimal places",
            "usage.csv:5: paid_units '-1' is negative",
            "usage.csv:6: tenant 'T9' is not in tenants.csv",
            "usage.csv:8: tenant 'T1', workload 'Teams', month 2026-05 already has a row at line 7",
            "usage.csv:9: tenant 'T2' was rejected (tenants.csv:3)");
  }

  @Test
  void fileErrorsDoNotStopTheOtherFilesFromBeingChecked() {
    TestData.write(dir);
    put(dir, "associations.csv", "tenant_id,workload,association_type,start_month\n");
    TestData.append(dir, "customers.csv", "P3,C4");
    TestData.append(dir, "workloads.csv", "Intune,");
    java.io.File usage = dir.resolve("usage.csv").toFile();
    assertThat(usage.delete()).isTrue();
    assertThat(TestData.errors(dir))
        .containsExactly(
            "customers.csv:5: the row has 2 fields, the header has 3",
            "workloads.csv:5: family is empty",
            "associations.csv:1: missing column 'end_month' (the header has: tenant_id, workload,"
                + " association_type, start_month)",
            "usage.csv: file is missing (looked for " + dir.resolve("usage.csv") + ")");
  }
}
