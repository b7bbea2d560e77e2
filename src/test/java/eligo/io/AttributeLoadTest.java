package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import eligo.ir.Ir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extra columns of customers.csv and tenants.csv: the loader reads those the criteria declare
 * (as written, quoting rules kept, an empty cell ""), lists every extra column, and asks which are
 * declared only when a header has extra columns; snapshots carry them.
 */
class AttributeLoadTest {
  static final List<Ir.Attribute> DECLARED =
      List.of(
          new Ir.Attribute(Ir.Owner.CUSTOMER, "segment"),
          new Ir.Attribute(Ir.Owner.TENANT, "country"),
          new Ir.Attribute(Ir.Owner.CUSTOMER, "tier"));

  @TempDir Path tmp;

  private static Map<String, String> texts() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put(
        "customers.csv",
        "partner_id,customer_id,region,customer_name,segment\n"
            + "P1,C1,EMEA,One,\"Enterprise, Large\"\n"
            + "P1,C2,AMER,Two,\n"
            + "P1,C3,APAC,Three,\"SMB \"\"plus\"\"\"\n");
    t.put(
        "tenants.csv",
        "country,customer_id,tenant_id,tenant_name\n"
            + "DE,C2,T1,t1\n"
            + "FR,C1,T2,t2\n"
            + ",C2,T3,t3\n");
    t.put("workloads.csv", "workload,family\nTeams,Microsoft 365\n");
    t.put("associations.csv", "tenant_id,workload,association_type,start_month,end_month\n");
    t.put(
        "usage.csv",
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n"
            + "T1,Teams,2026-01,,,1,,\n");
    return t;
  }

  private static Dataset load(Map<String, String> texts, Supplier<List<Ir.Attribute>> declared)
      throws DataException {
    return DatasetLoader.load(
            DataSource.ofTexts(texts), () -> TestData.TYPES, declared, Mode.STRICT)
        .dataset();
  }

  @Test
  void declaredColumnsAreReadAsWrittenAndOthersOnlyListed() throws Exception {
    Dataset d = load(texts(), () -> DECLARED);
    assertThat(d.customerColumns()).containsExactly("region", "segment");
    assertThat(d.customerAttributes()).containsExactly("segment");
    assertThat(d.customerAttribute("segment", 0)).isEqualTo("Enterprise, Large");
    assertThat(d.customerAttribute("segment", 1)).isEqualTo("");
    assertThat(d.customerAttribute("segment", 2)).isEqualTo("SMB \"plus\"");
    assertThat(d.customerAttribute("region", 0)).isNull(); // not declared: not held
    // tenants are grouped by customer: C1's T2 first, then C2's T1 and T3
    assertThat(d.tenantId(0)).isEqualTo("T2");
    assertThat(d.tenantAttribute("country", 0)).isEqualTo("FR");
    assertThat(d.tenantAttribute("country", 1)).isEqualTo("DE");
    assertThat(d.tenantAttribute("country", 2)).isEqualTo("");
    assertThat(d.customerAttributeMask("segment", List.of("", "SMB \"plus\"")))
        .containsExactly(false, true, true);
    // a declared column the file lacks ('tier') is no data error: the criteria are held against
    // the columns listed
    assertThat(d.customerColumns()).doesNotContain("tier");
  }

  @Test
  void withoutExtraColumnsTheDeclaredAttributesAreNeverAskedFor() throws Exception {
    Map<String, String> t = texts();
    t.put("customers.csv", "partner_id,customer_id,customer_name\nP1,C1,One\nP1,C2,Two\n");
    t.put("tenants.csv", "customer_id,tenant_id,tenant_name\nC2,T1,t1\n");
    Dataset d =
        load(
            t,
            () -> {
              throw new AssertionError("asked for attributes with no extra column");
            });
    assertThat(d.customerColumns()).isEmpty();
    assertThat(d.tenantColumns()).isEmpty();
  }

  @Test
  void aSnapshotCarriesTheAttributesAndItsFingerprintNamesThem() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    for (Map.Entry<String, String> e : texts().entrySet()) {
      Files.writeString(data.resolve(e.getKey()), e.getValue());
    }
    LoadResult loaded = DatasetLoader.load(data, () -> TestData.TYPES, () -> DECLARED, Mode.STRICT);
    String files = DataFingerprint.ofFiles(data);
    String key = DataFingerprint.of(files, TestData.TYPES, DECLARED, Mode.STRICT);
    assertThat(key).isNotEqualTo(DataFingerprint.of(files, TestData.TYPES, Mode.STRICT));
    assertThat(key)
        .isNotEqualTo(
            DataFingerprint.of(files, TestData.TYPES, DECLARED.subList(0, 2), Mode.STRICT));
    Path file = tmp.resolve("s.snap");
    SnapshotFile.write(file, key, loaded);
    SnapshotFile.Read read = SnapshotFile.read(file, key);
    assertThat(read.problem()).isNull();
    Dataset back = read.loaded().dataset();
    assertThat(back.customerColumns()).containsExactly("region", "segment");
    assertThat(back.customerAttributes()).containsExactly("segment");
    assertThat(back.customerAttribute("segment", 2)).isEqualTo("SMB \"plus\"");
    assertThat(back.tenantAttribute("country", 1)).isEqualTo("DE");
    // a snapshot written without the attributes is not used for a load that declares them
    assertThat(
            SnapshotFile.read(file, DataFingerprint.of(files, TestData.TYPES, Mode.STRICT))
                .usable())
        .isFalse();
  }
}
