package eligo.io;

import static eligo.io.TestData.append;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.Month;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lenient mode: bad rows and rows depending on them are left out and reported; the rest loads. */
class LenientTest {
  @TempDir Path dir;

  @BeforeEach
  void datasetWithBadRows() {
    TestData.write(dir);
    append(dir, "customers.csv", ",C9,no partner");
    append(dir, "tenants.csv", "C9,T9,t9", "C1,T8,t8");
    append(dir, "associations.csv", "T9,Teams,PAL,2025-01,", "T8,Teams,PAL,2025-05,2025-01");
    append(
        dir,
        "usage.csv",
        "T9,Teams,2026-01,,,1,,",
        "T1,Teams,2026-09,,,5,,",
        "T8,Teams,2026-01,,,3,,",
        "T8,Teams,2026-02,,,x,,");
  }

  @Test
  void rejectsBadAndDependentRowsAndLoadsTheRest() throws Exception {
    LoadResult r = DatasetLoader.load(dir, TestData.TYPES, Mode.LENIENT);
    assertThat(r.rejects())
        .extracting(DataError::format)
        .containsExactly(
            "customers.csv:5: partner_id is empty",
            "tenants.csv:5: customer 'C9' was rejected (customers.csv:5)",
            "associations.csv:5: tenant 'T9' was rejected (tenants.csv:5)",
            "associations.csv:6: start_month 2025-05 is after end_month 2025-01",
            "usage.csv:6: tenant 'T9' was rejected (tenants.csv:5)",
            "usage.csv:7: tenant 'T1', workload 'Teams', month 2026-09 already has a row at line 5",
            "usage.csv:9: paid_units 'x' is not a whole number (digits only)");
    assertThat(r.rejects().get(0).row()).isEqualTo(",C9,no partner");
    assertThat(r.rejects().get(5).row()).isEqualTo("T1,Teams,2026-09,,,5,,");
    assertThat(r.rejectedCount()).isEqualTo(7);

    for (LoadResult.FileCounts c : r.counts()) {
      assertThat(c.read()).as(c.file()).isEqualTo(c.used() + c.rejected());
    }
    assertThat(r.counts("customers.csv"))
        .isEqualTo(new LoadResult.FileCounts("customers.csv", 4, 3, 1));
    assertThat(r.counts("tenants.csv"))
        .isEqualTo(new LoadResult.FileCounts("tenants.csv", 5, 4, 1));
    assertThat(r.counts("workloads.csv"))
        .isEqualTo(new LoadResult.FileCounts("workloads.csv", 3, 3, 0));
    assertThat(r.counts("associations.csv"))
        .isEqualTo(new LoadResult.FileCounts("associations.csv", 5, 3, 2));
    assertThat(r.counts("usage.csv")).isEqualTo(new LoadResult.FileCounts("usage.csv", 8, 5, 3));

    Dataset d = r.dataset();
    assertThat(d.customerCount()).isEqualTo(3);
    assertThat(d.tenantCount()).isEqualTo(4);
    assertThat(d.tenantId(1)).isEqualTo("T8"); // grouped under C1, after T1
    int teams = d.workloadIndex("Teams");
    // the first of the duplicate rows is kept
    assertThat(d.measure(d.pair(0, teams), Measure.PAID_UNITS, Month.of(2026, 9))).isEqualTo(100);
    int p = d.pair(1, teams);
    assertThat(d.rowEnd(p) - d.rowStart(p)).isEqualTo(1);
    assertThat(d.measure(p, Measure.PAID_UNITS, Month.of(2026, 1))).isEqualTo(3);
    assertThat(d.assocStart(p)).isEqualTo(d.assocEnd(p));
    assertThat(d.rowCount()).isEqualTo(5);
  }

  @Test
  void strictModeFailsOnTheSameErrors() {
    assertThat(TestData.errors(dir)).hasSize(7);
  }

  @Test
  void fileErrorsStopALenientLoadToo() throws Exception {
    Files.delete(dir.resolve("workloads.csv"));
    assertThatThrownBy(() -> DatasetLoader.load(dir, TestData.TYPES, Mode.LENIENT))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("workloads.csv: file is missing");
  }

  @Test
  void rejectsAreWrittenAsCsv() throws Exception {
    LoadResult r = DatasetLoader.load(dir, TestData.TYPES, Mode.LENIENT);
    Path out = dir.resolve("rejects.csv");
    RejectsWriter.write(out, r.rejects());
    String text = Files.readString(out);
    assertThat(text)
        .startsWith(
            "file,line,reason,row\n"
                + "customers.csv,5,partner_id is empty,\",C9,no partner\"\n"
                + "tenants.csv,5,customer 'C9' was rejected (customers.csv:5),\"C9,T9,t9\"\n");
    assertThat(text.lines()).hasSize(8);
  }
}
