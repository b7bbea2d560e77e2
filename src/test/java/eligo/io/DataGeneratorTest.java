package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import eligo.data.Measure;
import eligo.data.Month;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {
  @TempDir Path dir;

  @Test
  void sameSeedGivesTheSameBytes() throws Exception {
    DataGenerator.generate(dir.resolve("a"), 300, 7, TestData.TYPES);
    DataGenerator.generate(dir.resolve("b"), 300, 7, TestData.TYPES);
    DataGenerator.generate(dir.resolve("c"), 300, 8, TestData.TYPES);
    for (String f : DatasetLoader.FILES) {
      byte[] a = Files.readAllBytes(dir.resolve("a").resolve(f));
      assertThat(a).as(f).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
      if (!f.equals(DatasetLoader.WORKLOADS)) {
        assertThat(a).as(f).isNotEqualTo(Files.readAllBytes(dir.resolve("c").resolve(f)));
      }
    }
  }

  @Test
  void generatedDataLoadsWithoutErrorsAndLooksReal() throws Exception {
    DataGenerator.Summary s = DataGenerator.generate(dir, 1000, 42, TestData.TYPES);
    LoadResult r = DatasetLoader.load(dir, TestData.TYPES);
    Dataset d = r.dataset();
    assertThat(r.rejects()).isEmpty();
    assertThat(s.customers()).isEqualTo(1000);
    assertThat(s.partners()).isEqualTo(30);
    assertThat(d.customerCount()).isEqualTo(1000);
    assertThat(d.tenantCount()).isEqualTo(s.tenants());
    assertThat(d.rowCount()).isEqualTo(s.usageRows());
    assertThat(r.counts("associations.csv").used()).isEqualTo(s.associations());
    assertThat(d.workloadCount()).isEqualTo(DataGenerator.catalogue().size());

    Set<String> partners = new HashSet<>();
    int withoutTenants = 0;
    int hostileNames = 0;
    for (int c = 0; c < d.customerCount(); c++) {
      partners.add(d.partnerId(c));
      if (d.tenantStart(c) == d.tenantEnd(c)) {
        withoutTenants++;
      }
      String name = d.customerName(c);
      if (name.contains(",") || name.contains("\"") || !name.chars().allMatch(ch -> ch < 128)) {
        hostileNames++;
      }
      assertThat(d.tenantEnd(c) - d.tenantStart(c)).isBetween(0, 4);
    }
    assertThat(partners).hasSize(30);
    assertThat(withoutTenants).isBetween(50, 200);
    assertThat(hostileNames).isGreaterThan(100);

    // 24+ months ending 2026-09, with negative ACR credits and boundary values
    assertThat(d.latestUsageMonth()).isEqualTo(Month.of(2026, 9));
    int first = Integer.MAX_VALUE;
    boolean credit = false;
    boolean acr999 = false;
    boolean acr1000 = false;
    boolean seats300 = false;
    boolean fortyPercent = false;
    Set<String> families = new HashSet<>();
    Set<Integer> types = new HashSet<>();
    for (int t = 0; t < d.tenantCount(); t++) {
      for (int p = d.pairStart(t); p < d.pairEnd(t); p++) {
        String family = d.workloadFamily(d.pairWorkload(p));
        for (int row = d.rowStart(p); row < d.rowEnd(p); row++) {
          families.add(family);
          first = Math.min(first, d.rowMonth(row));
          long acr = d.rowValue(row, Measure.ACR_USD);
          long seats = d.rowValue(row, Measure.PAID_UNITS);
          long users = d.rowValue(row, Measure.ACTIVE_USERS);
          credit |= acr < 0;
          acr999 |= acr == 99_999;
          acr1000 |= acr == 100_000;
          seats300 |= seats == 300;
          fortyPercent |= seats > 0 && users * 10 == seats * 4;
          if (!family.equals("Azure")) {
            assertThat(acr).as("ACR outside Azure").isZero();
          }
        }
        for (int a = d.assocStart(p); a < d.assocEnd(p); a++) {
          types.add(d.assocType(a));
          assertThat(d.assocStartMonth(a)).isLessThanOrEqualTo(d.assocEndMonth(a));
        }
      }
    }
    assertThat(Month.of(2026, 9) - first + 1).isGreaterThanOrEqualTo(24);
    assertThat(credit).isTrue();
    assertThat(acr999).isTrue();
    assertThat(acr1000).isTrue();
    assertThat(seats300).isTrue();
    assertThat(fortyPercent).isTrue();
    assertThat(families)
        .contains("Azure", "Dynamics 365", "Power Platform", "Microsoft 365", "Windows");
    assertThat(types).hasSize(TestData.TYPES.size());
  }

  @Test
  void theCatalogueHasTheProgramWorkloads() {
    assertThat(DataGenerator.catalogue())
        .containsEntry("Azure SQL Database", "Azure")
        .containsEntry("Finance & Operations", "Dynamics 365")
        .containsEntry("Common data service (Customer Engagement)", "Dynamics 365")
        .containsEntry("Power Virtual Agent", "Power Platform")
        .containsEntry("Microsoft Information Protection", "Microsoft 365")
        .containsEntry("Windows 365", "Windows");
  }

  @Test
  void noCustomersAndNoTypesStillMakeAValidDataset() throws Exception {
    DataGenerator.generate(dir, 0, 1, List.of());
    LoadResult r = DatasetLoader.load(dir, List.of());
    assertThat(r.dataset().customerCount()).isZero();
    assertThat(r.dataset().latestUsageMonth()).isEqualTo(Month.NONE);
  }
}
