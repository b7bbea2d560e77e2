package eligo.io;

import static eligo.io.TestData.errors;
import static eligo.io.TestData.put;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers as spreadsheets export them when something is off: each is said once, in what the user
 * can act on (the separator, the encoding, the name's case or the spaces around it), not as one
 * bare "missing column" after another.
 */
class SpreadsheetHeaderTest {
  @TempDir Path dir;

  @BeforeEach
  void validDataset() {
    TestData.write(dir);
  }

  @Test
  void semicolonsInsteadOfCommasAreOneProblem() {
    put(dir, "customers.csv", TestData.CUSTOMERS.replace(',', ';'));
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:1: the header is one column, 'partner_id;customer_id;customer_name':"
                + " its names are separated by semicolons (';'), not commas: save the file as CSV"
                + " with commas (Excel: CSV UTF-8)");
  }

  @Test
  void tabsInsteadOfCommasAreOneProblem() {
    put(dir, "workloads.csv", TestData.WORKLOADS.replace(',', '\t'));
    assertThat(errors(dir))
        .containsExactly(
            "workloads.csv:1: the header is one column, 'workload\\tfamily': its names are"
                + " separated by tabs, not commas: save the file as CSV with commas (Excel: CSV"
                + " UTF-8)");
  }

  @Test
  void aNameInAnotherCaseIsPointedOut() {
    put(dir, "tenants.csv", TestData.TENANTS.replace("tenant_name", "Tenant_Name"));
    assertThat(errors(dir))
        .containsExactly(
            "tenants.csv:1: missing column 'tenant_name' (the header has: customer_id, tenant_id,"
                + " Tenant_Name); the header's 'Tenant_Name' differs only in case (names are"
                + " matched exactly)");
  }

  @Test
  void spacesAndInvisibleCharactersAroundANameAreShown() {
    put(
        dir,
        "usage.csv",
        TestData.USAGE.replace("month,", "month ,").replace("paid_units", "paid_units\u00a0"));
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv:1: missing column 'month' (the header has: tenant_id, workload, month ,"
                + " acr_usd, revenue_usd, paid_units\u00a0, active_users, protected_users); the"
                + " header's 'month ' has spaces or invisible characters around it (names are"
                + " matched exactly)",
            "usage.csv:1: missing column 'paid_units' (the header has: tenant_id, workload, month ,"
                + " acr_usd, revenue_usd, paid_units\u00a0, active_users, protected_users); the"
                + " header's 'paid_units\\u00A0' has spaces or invisible characters around it"
                + " (names are matched exactly)");
  }

  @Test
  void aSecondByteOrderMarkIsShown() throws Exception {
    Files.write(
        dir.resolve("customers.csv"),
        ("\ufeff\ufeff" + TestData.CUSTOMERS).getBytes(StandardCharsets.UTF_8));
    assertThat(errors(dir))
        .containsExactly(
            "customers.csv:1: missing column 'partner_id' (the header has: \ufeffpartner_id,"
                + " customer_id, customer_name); the header's '\\uFEFFpartner_id' has spaces or"
                + " invisible characters around it (names are matched exactly)");
  }

  @Test
  void utf16WithItsMarkIsNamed() throws Exception {
    Files.write(dir.resolve("tenants.csv"), TestData.TENANTS.getBytes(StandardCharsets.UTF_16LE));
    byte[] body = Files.readAllBytes(dir.resolve("tenants.csv"));
    byte[] marked = new byte[body.length + 2];
    marked[0] = (byte) 0xFF;
    marked[1] = (byte) 0xFE;
    System.arraycopy(body, 0, marked, 2, body.length);
    Files.write(dir.resolve("tenants.csv"), marked);
    assertThat(errors(dir))
        .containsExactly(
            "tenants.csv:1: the file is UTF-16 text (it starts with a UTF-16 byte order mark),"
                + " not UTF-8: save it as CSV UTF-8");
    // big-endian, as some tools write it
    Files.write(dir.resolve("tenants.csv"), TestData.TENANTS.getBytes(StandardCharsets.UTF_16));
    assertThat(errors(dir)).hasSize(1).first().asString().contains("is UTF-16 text");
  }

  @Test
  void utf16WithoutAMarkIsNamedByItsNuls() throws Exception {
    Files.write(dir.resolve("usage.csv"), TestData.USAGE.getBytes(StandardCharsets.UTF_16LE));
    assertThat(errors(dir))
        .containsExactly(
            "usage.csv:1: the header holds NUL characters: the file looks saved as UTF-16 (as"
                + " Excel's \"Unicode Text\"), not UTF-8: save it as CSV UTF-8");
  }
}
