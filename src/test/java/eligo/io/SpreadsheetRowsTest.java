package eligo.io;

import static eligo.io.TestData.append;
import static eligo.io.TestData.errors;
import static eligo.io.TestData.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows as spreadsheet exports and hand edits leave them: the header again where two files were
 * joined, a row of nothing but commas, a stray end-of-file byte, a no-break space after a number.
 * Each is still an error (DATA.md: an empty key is one), said as the user would put it.
 */
class SpreadsheetRowsTest {
  @TempDir Path dir;

  @BeforeEach
  void validDataset() {
    TestData.write(dir);
  }

  /** In customers.csv and workloads.csv the header's cells would pass for ids: it was kept. */
  @Test
  void aRepeatedHeaderIsOneReasonNotOnePerColumn() {
    append(dir, "customers.csv", "partner_id,customer_id,customer_name", "P3,C4,Four");
    append(dir, "workloads.csv", "workload,family");
    append(
        dir,
        "usage.csv",
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users");
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:5: the line repeats the header (were two files joined?)",
            "workloads.csv:5: the line repeats the header (were two files joined?)",
            "usage.csv:6: the line repeats the header (were two files joined?)");
  }

  @Test
  void aRowOfCommasIsSaidToBeEmpty() {
    append(dir, "usage.csv", ",,,,,,,");
    append(dir, "tenants.csv", ",,,");
    assertThat(errors(dir))
        .containsExactly(
            "tenants.csv:5: the row is empty, only separators (cells cleared in a spreadsheet?):"
                + " delete the line",
            "usage.csv:6: the row is empty, only separators (cells cleared in a spreadsheet?):"
                + " delete the line");
  }

  @Test
  void aOneFieldRowShowsWhatItHolds() {
    put(dir, "workloads.csv", TestData.WORKLOADS + "\u001a");
    assertThat(errors(dir))
        .containsExactly("workloads.csv:5: the row has 1 field, the header has 2: '\\u001A'");
  }

  @Test
  void aNoBreakSpaceInACellIsShownEscaped() {
    append(dir, "usage.csv", "T3,Teams,2026-09,,,5\u00a0,,");
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv:6: paid_units '5\\u00A0' is not a whole number (digits only): write it 5"
                + " (without spaces)");
  }

  /** Still errors (DATA.md: nothing else is a month), each with the month it most likely is. */
  @Test
  void monthsAsSpreadsheetsWriteThemSayWhatToWrite() {
    append(
        dir,
        "usage.csv",
        "T3,Teams,2025-4,,,1,,",
        "T3,Teams,4/1/2025,,,1,,",
        "T3,Teams,2025-04-01,,,1,,",
        "T3,Teams,Apr-25,,,1,,",
        "T3,Teams,45748,,,1,,",
        "T3,Teams,202504,,,1,,",
        "T3,Teams,2025-13,,,1,,",
        "T3,Teams,4/15/2025,,,1,,");
    String date =
        " (a spreadsheet turns months into dates: format the column as text before saving)";
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv:6: month '2025-4' is not a month (YYYY-MM): write it 2025-04",
            "usage.csv:7: month '4/1/2025' is not a month (YYYY-MM): write it 2025-04" + date,
            "usage.csv:8: month '2025-04-01' is not a month (YYYY-MM): write it 2025-04" + date,
            "usage.csv:9: month 'Apr-25' is not a month (YYYY-MM): write it 2025-04" + date,
            "usage.csv:10: month '45748' is not a month (YYYY-MM): write it 2025-04 (45748 is a"
                + " spreadsheet's number for the day 2025-04-01: format the column as text before"
                + " saving)",
            "usage.csv:11: month '202504' is not a month (YYYY-MM): write it 2025-04",
            "usage.csv:12: month '2025-13' is not a month (YYYY-MM)",
            "usage.csv:13: month '4/15/2025' is not a month (YYYY-MM)");
  }

  /** Still errors (DATA.md's forms only), each with the number it most likely is. */
  @Test
  void numbersAsSpreadsheetsWriteThemSayWhatToWrite() {
    append(
        dir,
        "usage.csv",
        "T3,Teams,2026-01,\"$1,234.50\",,,,",
        "T3,Teams,2026-02,(12.50),,,,",
        "T3,Teams,2026-03,1.2E+05,,,,",
        "T3,Teams,2026-04,#N/A,,,,",
        "T3,Teams,2026-05,\"357,23\",,,,",
        "T3,Teams,2026-06,,,-0,,",
        "T3,Teams,2026-07,,,\"1,234\",,",
        "T3,Teams,2026-08,1.23456E+02,,,,",
        "T3,Teams,2026-09,10.000,,,,",
        "T3,Teams,2026-10,\"1.234,50\",,,,",
        "T3,Teams,2026-11,,,1.000,,",
        "T3,Teams,2026-12,,,1.234.567,,");
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv:6: acr_usd '$1,234.50' is not an amount (like 1234.56 or -0.5): write it"
                + " 1234.50 (without a currency sign, thousands separators)",
            "usage.csv:7: acr_usd '(12.50)' is not an amount (like 1234.56 or -0.5): write it"
                + " -12.50 (without parentheses for a negative)",
            "usage.csv:8: acr_usd '1.2E+05' is not an amount (like 1234.56 or -0.5): write it"
                + " 120000 (without an exponent)",
            "usage.csv:9: acr_usd '#N/A' is not an amount (like 1234.56 or -0.5): #N/A is a"
                + " spreadsheet's error value (its formula failed), not a number",
            "usage.csv:10: acr_usd '357,23' is not an amount (like 1234.56 or -0.5): write it"
                + " 357.23 (without a decimal comma)",
            "usage.csv:11: paid_units '-0' is not a whole number (digits only): write it 0"
                + " (without the minus sign)",
            "usage.csv:12: paid_units '1,234' is not a whole number (digits only): write it 1234"
                + " (without thousands separators)",
            "usage.csv:13: acr_usd '1.23456E+02' is not an amount (like 1234.56 or -0.5)",
            // a point between thousands, as much of Europe writes numbers: one group reads
            // either way, so both readings are said
            "usage.csv:14: acr_usd '10.000' has more than 2 decimal places: write it 10000 if the"
                + " '.' separates thousands, or 10",
            "usage.csv:15: acr_usd '1.234,50' is not an amount (like 1234.56 or -0.5): write it"
                + " 1234.50 (without '.' between thousands, a decimal comma)",
            "usage.csv:16: paid_units '1.000' is not a whole number (digits only): write it 1000"
                + " if the '.' separates thousands, or 1",
            "usage.csv:17: paid_units '1.234.567' is not a whole number (digits only): write it"
                + " 1234567 (without '.' between thousands)");
  }

  /** Ids are compared exactly (DATA.md); the message says when spaces are all that differ. */
  @Test
  void spacesAroundCellsAreSaid() {
    append(dir, "usage.csv", "T1, Teams,2026-01, ,,,,", "T1,Teams, 2026-02,,,,,");
    append(dir, "tenants.csv", "C3 ,T7,t7");
    assertThat(errors(dir))
        .containsExactly(
            "tenants.csv:5: customer 'C3 ' is not in customers.csv ('C3' is, without the spaces"
                + " around it)",
            "usage.csv:6: workload ' Teams' is not in workloads.csv ('Teams' is, without the"
                + " spaces around it); acr_usd ' ' is not an amount (like 1234.56 or -0.5): leave"
                + " the cell empty for 0 (it holds only spaces)",
            "usage.csv:7: month ' 2026-02' is not a month (YYYY-MM): write it 2026-02 (without the"
                + " spaces around it)");
  }

  @Test
  void lenientRejectsSayTheSame() throws Exception {
    append(dir, "customers.csv", "partner_id,customer_id,customer_name", ",,");
    LoadResult r = DatasetLoader.load(dir, TestData.TYPES, Mode.LENIENT);
    assertThat(r.rejects())
        .extracting(DataError::format)
        .containsExactly(
            "customers.csv:5: the line repeats the header (were two files joined?)",
            "customers.csv:6: the row is empty, only separators (cells cleared in a"
                + " spreadsheet?): delete the line");
    assertThat(r.rejects().get(0).row()).isEqualTo("partner_id,customer_id,customer_name");
    assertThat(r.counts("customers.csv"))
        .isEqualTo(new LoadResult.FileCounts("customers.csv", 5, 3, 2));
  }
}
