package eligo.io;

import static eligo.io.TestData.append;
import static eligo.io.TestData.errors;
import static eligo.io.TestData.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of bad input of DATA.md, each asserting the exact {@code file:line: message}.
 */
class DatasetLoaderErrorsTest {
  @TempDir Path dir;

  @BeforeEach
  void validDataset() {
    TestData.write(dir);
  }

  @Test
  void theValidDatasetLoads() throws Exception {
    assertThat(DatasetLoader.load(dir, TestData.TYPES).rejects()).isEmpty();
  }

  // ---- file-level

  @Test
  void missingFile() throws Exception {
    Files.delete(dir.resolve("usage.csv"));
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv: file is missing (looked for " + dir.resolve("usage.csv") + ")");
  }

  @Test
  void emptyFile() {
    put(dir, "workloads.csv", "\n\n");
    // usage and association rows naming workloads are not checked against a file that failed
    assertThat(errors(dir))
        .containsExactly("workloads.csv: file is empty: the header line is missing");
  }

  @Test
  void missingColumn() {
    put(dir, "tenants.csv", "customer_id,tenant_id\nC1,T1\n");
    assertThat(errors(dir))
        .containsExactly(
            "tenants.csv:1: missing column 'tenant_name' (the header has: customer_id, tenant_id)");
  }

  @Test
  void headerErrorsNameTheHeadersLineAfterBlankLines() {
    put(dir, "tenants.csv", "\n\ncustomer_id,tenant_id\nC1,T1\n");
    assertThat(errors(dir))
        .containsExactly(
            "tenants.csv:3: missing column 'tenant_name' (the header has: customer_id, tenant_id)");
  }

  @Test
  void columnTwice() {
    put(dir, "customers.csv", "partner_id,customer_id,customer_name,customer_id\nP1,C1,One,C1\n");
    assertThat(errors(dir))
        .containsExactly("customers.csv:1: column 'customer_id' appears twice in the header");
  }

  /**
   * A quote not closed in a name runs the field on to the next quote in the file: FastCSV names the
   * record's first line only; the line where the field closes badly is said too.
   */
  @Test
  void anUnclosedQuoteSaysWhereTheFieldRanTo() {
    append(
        dir,
        "customers.csv",
        "P3,C4,\"Four, Ltd.",
        "P3,C5,Five",
        "P3,C6,\"Six \"\"6\"\"\"",
        "P3,C7,\"Seven\" Co");
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:5: the record is not valid CSV (Unexpected character after closing"
                + " quote: 'S' (0x53), on line 7: is a quote on line 5 not closed?); the rest of"
                + " the file is not read");
  }

  @Test
  void brokenQuotingStopsTheFile() {
    append(dir, "customers.csv", "P3,\"C4\"x,Four", "P3,C5,Five");
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:5: the record is not valid CSV (Unexpected character after closing"
                + " quote: 'x' (0x78)); the rest of the file is not read");
  }

  @Test
  void textThatIsNotUtf8() throws Exception {
    Files.write(
        dir.resolve("workloads.csv"),
        "workload,family\nAzure SQL Database,Azure\nTeams,Microsoft 365\nPower BI,Power \u00ff"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    assertThat(errors(dir))
        .containsExactly(
            "workloads.csv:4: the text is not valid UTF-8; the rest of the file is not read");
  }

  // ---- row shape

  @Test
  void wrongNumberOfFields() {
    append(dir, "customers.csv", "P3,C4");
    append(dir, "workloads.csv", "Intune,Microsoft 365,extra");
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:5: the row has 2 fields, the header has 3",
            "workloads.csv:5: the row has 3 fields, the header has 2");
  }

  @Test
  void wrongNumberOfFieldsOverSeveralLinesHintsAtAQuote() {
    append(dir, "customers.csv", "P3,\"C4", "x\",Four,extra", "P3,C5,Five");
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:5: the row has 4 fields, the header has 3 (the record runs over lines"
                + " 5-6: is a quote not closed?)");
  }

  @Test
  void quoteNotClosedAtTheEndOfTheFile() {
    append(dir, "customers.csv", "P3,C4,\"Four", "P3,C5,Five");
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:5: a quoted field is not closed: the record runs from line 5 to the"
                + " end of the file");
  }

  // ---- months and numbers

  @Test
  void unparsableMonth() {
    append(dir, "usage.csv", "T1,Teams,2026-13,,,1,,");
    append(dir, "associations.csv", "T1,Teams,PAL,2025-1,26-01");
    assertThat(errors(dir))
        .containsExactly(
            "associations.csv:5: start_month '2025-1' is not a month (YYYY-MM): write it 2025-01;"
                + " end_month '26-01'"
                + " is not a month (YYYY-MM)",
            "usage.csv:6: month '2026-13' is not a month (YYYY-MM)");
  }

  @Test
  void unparsableNumber() {
    append(
        dir,
        "usage.csv",
        "T1,Teams,2026-01,\"1,000.00\",,,,",
        "T1,Teams,2026-02,,1e3,,,",
        "T1,Teams,2026-03,, 5,,,",
        "T1,Teams,2026-04,,,12a,,",
        "T1,Teams,2026-05,,,,1.0,",
        "T1,Teams,2026-06,,,,,+3",
        "T1,Teams,2026-07,1.,,,,",
        "T1,Teams,2026-08,-,,,,");
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv:6: acr_usd '1,000.00' is not an amount (like 1234.56 or -0.5): write it"
                + " 1000.00 (without thousands separators)",
            "usage.csv:7: revenue_usd '1e3' is not an amount (like 1234.56 or -0.5): write it 1000"
                + " (without an exponent)",
            "usage.csv:8: revenue_usd ' 5' is not an amount (like 1234.56 or -0.5): write it 5"
                + " (without spaces)",
            "usage.csv:9: paid_units '12a' is not a whole number (digits only)",
            "usage.csv:10: active_users '1.0' is not a whole number (digits only): write it 1"
                + " (without decimals)",
            "usage.csv:11: protected_users '+3' is not a whole number (digits only): write it 3"
                + " (without the plus sign)",
            "usage.csv:12: acr_usd '1.' is not an amount (like 1234.56 or -0.5)",
            "usage.csv:13: acr_usd '-' is not an amount (like 1234.56 or -0.5)");
  }

  @Test
  void tooManyDecimals() {
    append(dir, "usage.csv", "T1,Teams,2026-01,10.001,,,,", "T1,Teams,2026-02,,-0.125,,,");
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv:6: acr_usd '10.001' has more than 2 decimal places",
            "usage.csv:7: revenue_usd '-0.125' has more than 2 decimal places");
  }

  @Test
  void tooManyDigitsBeforeThePoint() {
    append(
        dir,
        "usage.csv",
        "T1,Teams,2026-01,9999999999999999.99,,,,",
        "T1,Teams,2026-02,12345678901234567,,,,");
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv:7: acr_usd '12345678901234567' has more than 16 digits before the decimal"
                + " point");
  }

  @Test
  void negativeCount() {
    append(dir, "usage.csv", "T1,Teams,2026-01,,,-3,,");
    assertThat(errors(dir)).containsExactly("usage.csv:6: paid_units '-3' is negative");
  }

  @Test
  void countTooLarge() {
    append(
        dir,
        "usage.csv",
        "T1,Teams,2026-01,,,9223372036854775807,,",
        "T1,Teams,2026-02,,,,9223372036854775808,");
    assertThat(errors(dir))
        .containsExactly("usage.csv:7: active_users '9223372036854775808' is too large");
  }

  // ---- keys

  @Test
  void emptyKey() {
    append(dir, "customers.csv", "P3,,Nameless", ",C5,No partner");
    append(dir, "tenants.csv", "C1,,t");
    append(dir, "workloads.csv", ",Azure", "Intune,");
    append(dir, "associations.csv", "T1,Teams,,,");
    append(dir, "usage.csv", ",Teams,2026-01,,,,,", "T1,,2026-01,,,,,", "T1,Teams,,,,,,");
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:5: customer_id is empty",
            "customers.csv:6: partner_id is empty",
            "tenants.csv:5: tenant_id is empty",
            "workloads.csv:5: workload is empty",
            "workloads.csv:6: family is empty",
            "associations.csv:5: association_type is empty; start_month is empty",
            "usage.csv:6: tenant_id is empty",
            "usage.csv:7: workload is empty",
            "usage.csv:8: month is empty");
  }

  @Test
  void duplicateKey() {
    append(dir, "customers.csv", "P3,C2,Two again");
    append(dir, "tenants.csv", "C3,T1,t1 again");
    append(dir, "workloads.csv", "Teams,Microsoft 365");
    append(dir, "usage.csv", "T1,Azure SQL Database,2026-08,5,,,,");
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:5: customer_id 'C2' is already used at line 3",
            "tenants.csv:5: tenant_id 'T1' is already used at line 3",
            "workloads.csv:5: workload 'Teams' is already used at line 3",
            "usage.csv:6: tenant 'T1', workload 'Azure SQL Database', month 2026-08 already has a"
                + " row at line 3");
  }

  @Test
  void duplicateUsageRowWithAnotherProblemIsOneError() {
    append(dir, "usage.csv", "T1,Azure SQL Database,2026-08,5.555,,,,");
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv:6: acr_usd '5.555' has more than 2 decimal places; tenant 'T1', workload"
                + " 'Azure SQL Database', month 2026-08 already has a row at line 3");
  }

  @Test
  void idsAreCaseSensitiveAndNotTrimmed() {
    append(dir, "tenants.csv", "c1,T4,t4", "C1 ,T5,t5");
    assertThat(errors(dir))
        .containsExactly(
            "tenants.csv:5: customer 'c1' is not in customers.csv",
            "tenants.csv:6: customer 'C1 ' is not in customers.csv ('C1' is, without the spaces"
                + " around it)");
  }

  // ---- references

  @Test
  void unknownCustomer() {
    append(dir, "tenants.csv", "C99,T9,t9");
    assertThat(errors(dir))
        .containsExactly("tenants.csv:5: customer 'C99' is not in customers.csv");
  }

  @Test
  void unknownTenant() {
    append(dir, "associations.csv", "T9,Teams,PAL,2025-01,");
    append(dir, "usage.csv", "T9,Teams,2026-01,,,1,,");
    assertThat(errors(dir))
        .containsExactly(
            "associations.csv:5: tenant 'T9' is not in tenants.csv",
            "usage.csv:6: tenant 'T9' is not in tenants.csv");
  }

  @Test
  void unknownWorkload() {
    append(dir, "associations.csv", "T1,Teamz,PAL,2025-01,");
    append(dir, "usage.csv", "T1,teams,2026-01,,,1,,");
    assertThat(errors(dir))
        .containsExactly(
            "associations.csv:5: workload 'Teamz' is not in workloads.csv",
            "usage.csv:6: workload 'teams' is not in workloads.csv");
  }

  @Test
  void unknownAssociationType() {
    append(dir, "associations.csv", "T1,Teams,CSP T3,2025-01,");
    assertThat(errors(dir))
        .containsExactly(
            "associations.csv:5: association_type 'CSP T3' is not a known association type"
                + " (known: PAL, DPOR, CSP T1, CSP T2, CPOR, CPOR RevRec, CPOR OSA, CPOR OSU,"
                + " CPOR RevRec Performance)");
  }

  @Test
  void startAfterEnd() {
    append(dir, "associations.csv", "T1,Teams,PAL,2025-05,2025-04", "T1,Teams,PAL,2025-05,2025-05");
    assertThat(errors(dir))
        .containsExactly("associations.csv:5: start_month 2025-05 is after end_month 2025-04");
  }

  @Test
  void rowsOfARejectedRowAreRejectedWithThatReason() {
    append(dir, "customers.csv", ",C9,no partner");
    append(dir, "tenants.csv", "C9,T9,t9");
    append(dir, "usage.csv", "T9,Teams,2026-01,,,1,,");
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:5: partner_id is empty",
            "tenants.csv:5: customer 'C9' was rejected (customers.csv:5)",
            "usage.csv:6: tenant 'T9' was rejected (tenants.csv:5)");
  }

  @Test
  void severalProblemsOfOneRowAreOneError() {
    append(dir, "usage.csv", "T9,Nothing,2026-00,x,,-1,,");
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv:6: tenant 'T9' is not in tenants.csv; workload 'Nothing' is not in"
                + " workloads.csv; month '2026-00' is not a month (YYYY-MM); acr_usd 'x' is not an"
                + " amount (like 1234.56 or -0.5); paid_units '-1' is negative");
  }

  @Test
  void messageListsTheFirstHundredAndCountsTheRest() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 130; i++) {
      lines.add("T1,Teams,x" + i + ",,,,,");
    }
    append(dir, "usage.csv", lines.toArray(new String[0]));
    assertThatThrownBy(() -> DatasetLoader.load(dir, TestData.TYPES))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(
            "130 errors in the dataset:\nusage.csv:6: month 'x0' is not a month")
        .hasMessageEndingWith("\n... and 30 more")
        .satisfies(e -> assertThat(((DataException) e).errors()).hasSize(130));
  }
}
