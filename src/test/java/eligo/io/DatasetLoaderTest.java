package eligo.io;

import static eligo.io.TestData.put;
import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.Month;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid input is accepted, and the Dataset arrays come out in the documented order. */
class DatasetLoaderTest {
  @TempDir Path dir;

  private Dataset load() throws DataException {
    LoadResult r = DatasetLoader.load(dir, TestData.TYPES);
    assertThat(r.rejects()).isEmpty();
    return r.dataset();
  }

  @Test
  void buildsTheArraysInTheDocumentedOrder() throws Exception {
    TestData.write(dir);
    Dataset d = load();

    // customers by partner, then customer id (the order of the results; here the file's too)
    assertThat(d.customerCount()).isEqualTo(3);
    assertThat(d.customerId(0)).isEqualTo("C1");
    assertThat(d.partnerId(2)).isEqualTo("P2");
    assertThat(d.customerName(1)).isEqualTo("Two");
    // tenants grouped per customer (customer order, then file order); C3 has none
    assertThat(d.tenantCount()).isEqualTo(3);
    assertThat(d.tenantStart(0)).isEqualTo(0);
    assertThat(d.tenantEnd(0)).isEqualTo(1);
    assertThat(d.tenantId(0)).isEqualTo("T1");
    assertThat(d.tenantId(1)).isEqualTo("T2");
    assertThat(d.tenantId(2)).isEqualTo("T3");
    assertThat(d.tenantName(2)).isEqualTo("t3");
    assertThat(d.tenantStart(1)).isEqualTo(1);
    assertThat(d.tenantEnd(1)).isEqualTo(3);
    assertThat(d.tenantStart(2)).isEqualTo(d.tenantEnd(2));
    // workloads in file order; types as given
    assertThat(d.workloadCount()).isEqualTo(3);
    assertThat(d.workloadName(2)).isEqualTo("Power BI");
    assertThat(d.workloadFamily(1)).isEqualTo("Microsoft 365");
    assertThat(d.typeNames()).isEqualTo(TestData.TYPES);

    // pairs of T1 sorted by workload index: Azure SQL Database (0), Teams (1)
    int sql = d.workloadIndex("Azure SQL Database");
    int teams = d.workloadIndex("Teams");
    int bi = d.workloadIndex("Power BI");
    assertThat(d.pairEnd(0) - d.pairStart(0)).isEqualTo(2);
    int p = d.pair(0, sql);
    assertThat(p).isEqualTo(d.pairStart(0));
    assertThat(d.pairWorkload(p)).isEqualTo(sql);
    assertThat(d.pair(0, teams)).isEqualTo(p + 1);
    assertThat(d.pair(0, bi)).isEqualTo(-1);
    // usage rows sorted by month
    assertThat(d.rowEnd(p) - d.rowStart(p)).isEqualTo(2);
    assertThat(d.rowMonth(d.rowStart(p))).isEqualTo(Month.of(2026, 8));
    assertThat(d.rowValue(d.rowStart(p), Measure.ACR_USD)).isEqualTo(99_999);
    assertThat(d.measure(p, Measure.ACR_USD, Month.of(2026, 9))).isEqualTo(100_000);
    assertThat(d.measure(p, Measure.ACR_USD, Month.of(2026, 7))).isZero();
    // associations per pair in file order
    assertThat(d.assocEnd(p) - d.assocStart(p)).isEqualTo(2);
    assertThat(d.typeName(d.assocType(d.assocStart(p)))).isEqualTo("PAL");
    assertThat(d.assocEndMonth(d.assocStart(p))).isEqualTo(Month.of(2025, 12));
    assertThat(d.typeName(d.assocType(d.assocStart(p) + 1))).isEqualTo("DPOR");
    assertThat(d.assocEndMonth(d.assocStart(p) + 1)).isEqualTo(Month.OPEN);
    assertThat(d.activeType(p, d.typeIndex("PAL"), Month.of(2025, 12))).isTrue();
    assertThat(d.activeType(p, d.typeIndex("PAL"), Month.of(2026, 1))).isFalse();
    // T1 Teams: counts
    int q = d.pair(0, teams);
    assertThat(d.measure(q, Measure.PAID_UNITS, Month.of(2026, 9))).isEqualTo(100);
    assertThat(d.measure(q, Measure.ACTIVE_USERS, Month.of(2026, 9))).isEqualTo(40);
    // T2 Power BI: usage without association
    int r = d.pair(1, bi);
    assertThat(d.assocStart(r)).isEqualTo(d.assocEnd(r));
    assertThat(d.measure(r, Measure.REVENUE_USD, Month.of(2026, 7))).isEqualTo(50_001);
    // T3 has nothing
    assertThat(d.pairStart(2)).isEqualTo(d.pairEnd(2));
    assertThat(d.pairCount()).isEqualTo(3);
    assertThat(d.rowCount()).isEqualTo(4);
    assertThat(d.latestUsageMonth()).isEqualTo(Month.of(2026, 9));
  }

  @Test
  void customersAreLaidOutInTheOrderOfTheResultsWithTheirLinesTenantsAndRows() throws Exception {
    put(
        dir,
        "customers.csv",
        "partner_id,customer_id,customer_name\n"
            + "P2,C1,One\n"
            + "P10,C9,Nine\n"
            + "P2,C0,Zero\n"
            + "P1,c5,five\n"
            + "P1,C5,Five\n"
            + "P2,C0,again\n");
    put(
        dir,
        "tenants.csv",
        "customer_id,tenant_id,tenant_name\n"
            + "C0,T0,t0\n"
            + "C1,T1,t1\n"
            + "C5,T5,t5\n"
            + "C9,T9,t9\n"
            + "C0,T00,t00\n");
    put(dir, "workloads.csv", "workload,family\nTeams,Microsoft 365\n");
    put(dir, "associations.csv", "tenant_id,workload,association_type,start_month,end_month\n");
    put(
        dir,
        "usage.csv",
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,"
            + "protected_users\n"
            + "T9,Teams,2026-09,,,9,,\n"
            + "T0,Teams,2026-09,,,1,,\n"
            + "T1,Teams,2026-09,,,2,,\n"
            + "T00,Teams,2026-09,,,3,,\n"
            + "T5,Teams,2026-09,,,5,,\n");
    LoadResult r = DatasetLoader.load(dir, TestData.TYPES, Mode.LENIENT);
    // the duplicate C0 is refused at its own line, and the first is named at its line
    assertThat(r.rejects()).hasSize(1);
    assertThat(r.rejects().get(0).file()).isEqualTo("customers.csv");
    assertThat(r.rejects().get(0).line()).isEqualTo(7);
    assertThat(r.rejects().get(0).message()).endsWith("already used at line 4");
    Dataset d = r.dataset();
    // partners in code point order (P1 < P10 < P2), then ids (C5 < c5)
    String[] order = new String[d.customerCount()];
    for (int c = 0; c < order.length; c++) {
      order[c] = d.partnerId(c) + "/" + d.customerId(c) + "/" + d.customerName(c);
    }
    assertThat(order)
        .containsExactly("P1/C5/Five", "P1/c5/five", "P10/C9/Nine", "P2/C0/Zero", "P2/C1/One");
    int teams = d.workloadIndex("Teams");
    long[] paid = new long[order.length];
    StringBuilder tenants = new StringBuilder();
    for (int c = 0; c < order.length; c++) {
      for (int t = d.tenantStart(c); t < d.tenantEnd(c); t++) {
        tenants.append(d.customerId(c)).append(':').append(d.tenantId(t)).append(' ');
        paid[c] += d.measure(d.pair(t, teams), Measure.PAID_UNITS, Month.of(2026, 9));
      }
    }
    assertThat(tenants.toString().trim()).isEqualTo("C5:T5 C9:T9 C0:T0 C0:T00 C1:T1");
    assertThat(paid).containsExactly(5, 0, 9, 4, 2);
  }

  @Test
  void aPairMayHaveAssociationsOnly() throws Exception {
    TestData.write(dir);
    TestData.append(dir, "associations.csv", "T3,Power BI,CSP T2,2026-01,");
    Dataset d = load();
    int p = d.pair(2, d.workloadIndex("Power BI"));
    assertThat(p).isNotNegative();
    assertThat(d.rowStart(p)).isEqualTo(d.rowEnd(p));
    assertThat(d.assocEnd(p) - d.assocStart(p)).isEqualTo(1);
  }

  @Test
  void acceptsBomCrlfQuotingAnyColumnOrderExtraColumnsAndNonAscii() throws Exception {
    put(
        dir,
        "customers.csv",
        "\uFEFFcustomer_name,note,customer_id,partner_id\r\n"
            + "\"Contoso, Ltd.\",x,C1,P1\r\n"
            + "\r\n"
            + "\"Northwind \"\"Traders\"\"\",,C2,P1\r\n"
            + "\"two\r\nlines\",,C3,P2\r\n"
            + "Müller & Söhne 株式会社,,C4,P2\r\n"
            // a lone CR inside quotes is the field's (FastCSV 4.0 split the record there)
            + "\"lone\rcarriage return\",,C5,P2\r\n");
    put(dir, "tenants.csv", "tenant_name,tenant_id,customer_id\n,T1,C1\n\" spaced \",T2,C3\n");
    put(
        dir,
        "workloads.csv",
        "family,workload\nAzure,\"Azure SQL Database\"\nAzure,\"Zürich, \"\"the\"\" one\"\n");
    put(dir, "associations.csv", "end_month,start_month,association_type,workload,tenant_id\n");
    put(
        dir,
        "usage.csv",
        "month,extra,protected_users,active_users,paid_units,revenue_usd,acr_usd,workload,tenant_id\n"
            + "2026-01,whatever,,,,,,Azure SQL Database,T1\n"
            + "   \n"
            + "2026-02,,3,,,,-0.5,\"Zürich, \"\"the\"\" one\",T2\n");
    Dataset d = load();
    assertThat(d.customerName(0)).isEqualTo("Contoso, Ltd.");
    assertThat(d.customerName(1)).isEqualTo("Northwind \"Traders\"");
    assertThat(d.customerName(2)).isEqualTo("two\r\nlines");
    assertThat(d.customerName(3)).isEqualTo("Müller & Söhne 株式会社");
    assertThat(d.customerId(3)).isEqualTo("C4");
    assertThat(d.customerName(4)).isEqualTo("lone\rcarriage return");
    assertThat(d.tenantName(0)).isEmpty();
    assertThat(d.tenantName(1)).isEqualTo(" spaced ");
    assertThat(d.workloadName(1)).isEqualTo("Zürich, \"the\" one");
    int p = d.pair(0, 0);
    for (Measure m : Measure.values()) {
      assertThat(d.measure(p, m, Month.of(2026, 1))).as(m.column()).isZero();
    }
    assertThat(d.rowCount()).isEqualTo(2);
    int q = d.pair(1, 1);
    assertThat(d.measure(q, Measure.ACR_USD, Month.of(2026, 2))).isEqualTo(-50);
    assertThat(d.measure(q, Measure.PROTECTED_USERS, Month.of(2026, 2))).isEqualTo(3);
  }

  @Test
  void lineNumbersCountPhysicalLines() throws Exception {
    put(
        dir,
        "customers.csv",
        "partner_id,customer_id,customer_name\r\n\r\nP1,C1,\"a\nb\nc\"\r\nP1,,x\r\n");
    TestData.put(dir, "tenants.csv", TestData.TENANTS.replace("C2,", "C1,"));
    TestData.put(dir, "workloads.csv", TestData.WORKLOADS);
    TestData.put(dir, "associations.csv", TestData.ASSOCIATIONS);
    TestData.put(dir, "usage.csv", TestData.USAGE);
    assertThat(TestData.errors(dir)).containsExactly("customers.csv:6: customer_id is empty");
  }

  @Test
  void moneyIsExactCents() throws Exception {
    TestData.write(dir);
    TestData.append(
        dir,
        "usage.csv",
        "T3,Azure SQL Database,2026-01,0.10,,,,",
        "T3,Azure SQL Database,2026-02,0.20,,,,");
    Dataset d = load();
    int p = d.pair(2, d.workloadIndex("Azure SQL Database"));
    long sum =
        d.measure(p, Measure.ACR_USD, Month.of(2026, 1))
            + d.measure(p, Measure.ACR_USD, Month.of(2026, 2));
    assertThat(sum).isEqualTo(30);
  }

  @Test
  void parsesMoneyExactly() {
    assertThat(Numbers.parseMoney("0")).isZero();
    assertThat(Numbers.parseMoney("-0")).isZero();
    assertThat(Numbers.parseMoney("0.1")).isEqualTo(10);
    assertThat(Numbers.parseMoney("0.10")).isEqualTo(10);
    assertThat(Numbers.parseMoney("0.01")).isEqualTo(1);
    assertThat(Numbers.parseMoney("-12.34")).isEqualTo(-1234);
    assertThat(Numbers.parseMoney("999.99")).isEqualTo(99_999);
    assertThat(Numbers.parseMoney("007")).isEqualTo(700);
    assertThat(Numbers.parseMoney("9999999999999999.99")).isEqualTo(999_999_999_999_999_999L);
    assertThat(Numbers.parseMoney("-9999999999999999.99")).isEqualTo(-999_999_999_999_999_999L);
    for (String bad :
        new String[] {
          "",
          "-",
          ".5",
          "1.",
          "1.234",
          "1e3",
          "+1",
          " 1",
          "1 ",
          "1,5",
          "--1",
          "1.-5",
          "12345678901234567",
          "0x10",
          "١٢"
        }) {
      assertThat(Numbers.parseMoney(bad)).as(bad).isEqualTo(Numbers.BAD);
    }
  }

  @Test
  void parsesCounts() {
    assertThat(Numbers.parseCount("0")).isZero();
    assertThat(Numbers.parseCount("0042")).isEqualTo(42);
    assertThat(Numbers.parseCount("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    for (String bad :
        new String[] {"", "-1", "1.0", "9223372036854775808", "99999999999999999999", "+1"}) {
      assertThat(Numbers.parseCount(bad)).as(bad).isEqualTo(Numbers.BAD);
    }
  }

  @Test
  void emptyUsageHasNoLatestMonth() throws Exception {
    TestData.write(dir);
    put(
        dir,
        "usage.csv",
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n");
    Dataset d = load();
    assertThat(d.rowCount()).isZero();
    assertThat(d.latestUsageMonth()).isEqualTo(Month.NONE);
    assertThat(d.pairCount()).isEqualTo(2); // the association pairs of T1
  }

  @Test
  void countsRowsPerFile() throws Exception {
    TestData.write(dir);
    LoadResult r = DatasetLoader.load(dir, TestData.TYPES);
    assertThat(r.counts("usage.csv")).isEqualTo(new LoadResult.FileCounts("usage.csv", 4, 4, 0));
    assertThat(r.counts("customers.csv").read()).isEqualTo(3);
    assertThat(r.counts()).extracting(LoadResult.FileCounts::file).isEqualTo(DatasetLoader.FILES);
  }

  @Test
  void readsUtf8FilesWrittenByOtherTools() throws Exception {
    TestData.write(dir);
    Files.write(
        dir.resolve("customers.csv"),
        ("\uFEFF" + TestData.CUSTOMERS.replace("One", "Ünïcödé ✓"))
            .getBytes(StandardCharsets.UTF_8));
    assertThat(load().customerName(0)).isEqualTo("Ünïcödé ✓");
  }

  /**
   * A dataset saved by a spreadsheet as "CSV UTF-8" (a byte-order mark, every field quoted, the
   * header's too, CRLF line ends) loads exactly as the plain files do, read whole or in chunks.
   */
  @Test
  void aSpreadsheetsCsvUtf8LoadsLikeThePlainFiles() throws Exception {
    TestData.write(dir);
    String plain = PlainCsvTest.dump(load());
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        String saved =
            text.lines()
                .map(PlainCsvTest::quoteAll)
                .collect(java.util.stream.Collectors.joining("\r\n", "\uFEFF", "\r\n"));
        Files.writeString(f, saved);
      }
    }
    assertThat(Files.readAllBytes(dir.resolve("customers.csv")))
        .startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) '"');
    for (int chunks : new int[] {0, 1, 2}) {
      LoadResult r = DatasetLoader.load(dir, TestData.TYPES, Mode.STRICT, chunks);
      assertThat(PlainCsvTest.dump(r.dataset())).as(chunks + " chunks").isEqualTo(plain);
    }
  }
}
