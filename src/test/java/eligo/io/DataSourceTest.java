package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eligo.data.Dataset;
import eligo.data.Measure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading from memory ({@link DataSource#inMemory}) reads as loading the same files from a folder.
 */
class DataSourceTest {
  @TempDir Path dir;

  private static Map<String, String> texts() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put(DatasetLoader.CUSTOMERS, TestData.CUSTOMERS);
    t.put(DatasetLoader.TENANTS, TestData.TENANTS);
    t.put(DatasetLoader.WORKLOADS, TestData.WORKLOADS);
    t.put(DatasetLoader.ASSOCIATIONS, TestData.ASSOCIATIONS);
    t.put(DatasetLoader.USAGE, TestData.USAGE);
    return t;
  }

  private Path folder(Map<String, String> texts) {
    texts.forEach((name, text) -> TestData.put(dir, name, text));
    return dir;
  }

  private static List<String> errors(DataSource source) {
    DataException e =
        catchThrowableOfType(
            DataException.class, () -> DatasetLoader.load(source, TestData.TYPES, Mode.STRICT));
    assertThat(e).as("the load must fail").isNotNull();
    return e.errors().stream().map(DataError::format).toList();
  }

  /** Everything a dataset shows, one line per thing. */
  private static String dump(Dataset d) {
    StringBuilder sb = new StringBuilder(d.toString()).append('\n');
    for (int c = 0; c < d.customerCount(); c++) {
      sb.append(d.partnerId(c))
          .append(' ')
          .append(d.customerId(c))
          .append(' ')
          .append(d.customerName(c))
          .append('\n');
      for (int t = d.tenantStart(c); t < d.tenantEnd(c); t++) {
        sb.append(' ').append(d.tenantId(t)).append(' ').append(d.tenantName(t)).append('\n');
        for (int p = d.pairStart(t); p < d.pairEnd(t); p++) {
          sb.append("  ").append(d.workloadName(d.pairWorkload(p))).append('\n');
          for (int r = d.rowStart(p); r < d.rowEnd(p); r++) {
            sb.append("   ").append(d.rowMonth(r));
            for (Measure m : Measure.values()) {
              sb.append(' ').append(d.rowValue(r, m));
            }
            sb.append('\n');
          }
          for (int a = d.assocStart(p); a < d.assocEnd(p); a++) {
            sb.append("   ")
                .append(d.typeName(d.assocType(a)))
                .append(' ')
                .append(d.assocStartMonth(a))
                .append(' ')
                .append(d.assocEndMonth(a))
                .append('\n');
          }
        }
      }
    }
    return sb.append(d.latestUsageMonth()).toString();
  }

  @Test
  void theSameFilesLoadTheSameFromMemoryAsFromAFolder() throws Exception {
    LoadResult fromFolder = DatasetLoader.load(folder(texts()), TestData.TYPES, Mode.STRICT);
    LoadResult fromMemory =
        DatasetLoader.load(DataSource.ofTexts(texts()), TestData.TYPES, Mode.STRICT);
    assertThat(dump(fromMemory.dataset())).isEqualTo(dump(fromFolder.dataset()));
    assertThat(dump(fromMemory.dataset())).contains("T1 t1", "99999", "CPOR");
    assertThat(fromMemory.counts()).isEqualTo(fromFolder.counts());
    assertThat(fromMemory.readInParallel()).isEmpty(); // not on disk: read on one thread
  }

  @Test
  void errorsNameTheSameFilesAndLines() {
    Map<String, String> t = texts();
    t.put(DatasetLoader.CUSTOMERS, TestData.CUSTOMERS + "P3,C1,Again\n");
    t.put(
        DatasetLoader.USAGE, TestData.USAGE + "T9,Teams,2026-13,1,,,,\nT1,Teams,2026-09,,,1,1,\n");
    List<String> fromMemory = errors(DataSource.ofTexts(t));
    assertThat(fromMemory)
        .containsExactly(
            "customers.csv:5: customer_id 'C1' is already used at line 2",
            "usage.csv:6: tenant 'T9' is not in tenants.csv; month '2026-13' is not a month (YYYY-MM)",
            "usage.csv:7: tenant 'T1', workload 'Teams', month 2026-09 already has a row at line 5");
    assertThat(errors(DataSource.folder(folder(t)))).isEqualTo(fromMemory);
  }

  @Test
  void aByteOrderMarkIsSkippedInMemoryToo() throws Exception {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    texts().forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    byte[] customers =
        ("\uFEFF\"partner_id\",customer_id,customer_name\nP1,C1,One\n")
            .getBytes(StandardCharsets.UTF_8);
    bytes.put(DatasetLoader.CUSTOMERS, customers);
    bytes.put(
        DatasetLoader.TENANTS,
        "customer_id,tenant_id,tenant_name\nC1,T1,t1\n".getBytes(StandardCharsets.UTF_8));
    bytes.put(
        DatasetLoader.USAGE,
        TestData.USAGE.lines().findFirst().get().concat("\n").getBytes(StandardCharsets.UTF_8));
    Dataset d =
        DatasetLoader.load(DataSource.inMemory(bytes), TestData.TYPES, Mode.STRICT).dataset();
    assertThat(d.customerCount()).isEqualTo(1);
    assertThat(d.partnerId(0)).isEqualTo("P1");
  }

  @Test
  void aFileNotGivenIsMissing() {
    Map<String, String> t = texts();
    t.remove(DatasetLoader.WORKLOADS);
    assertThat(errors(DataSource.ofTexts(t)))
        .containsExactly("workloads.csv: file is missing (not among the files given)");
  }

  @Test
  void textThatIsNotUtf8IsFoundAtItsLine() {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    texts().forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
    byte[] bad =
        "workload,family\nTeams,Microsoft 365\nX,\u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
    bytes.put(DatasetLoader.WORKLOADS, bad);
    assertThat(errors(DataSource.inMemory(bytes)))
        .containsExactly(
            "workloads.csv:3: the text is not valid UTF-8; the rest of the file is not read");
  }
}
