package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
import eligo.data.Month;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every dataset of the shared conformance suite loads strictly, without a single reject. */
@Needs(Requirement.SHARED)
class ConformanceDataTest {

  /** The shared conformance folder. */
  static Path conformanceDir() {
    return SharedFiles.shared().resolve("conformance");
  }

  static List<Path> datasets() throws IOException {
    try (Stream<Path> s = Files.list(conformanceDir())) {
      List<Path> dirs = s.map(p -> p.resolve("data")).filter(Files::isDirectory).sorted().toList();
      assertThat(dirs).as("datasets in " + conformanceDir()).isNotEmpty();
      return dirs;
    }
  }

  @Test
  void everyConformanceDatasetLoads() throws Exception {
    for (Path data : datasets()) {
      long t0 = System.nanoTime();
      LoadResult r = DatasetLoader.load(data, TestData.TYPES);
      long micros = (System.nanoTime() - t0) / 1000;
      Dataset d = r.dataset();
      System.out.printf("%s: %s in %d ms%n", conformanceDir().relativize(data), d, micros / 1000);
      assertThat(r.rejects()).isEmpty();
      for (LoadResult.FileCounts c : r.counts()) {
        assertThat(c.used()).as(data + " " + c.file()).isEqualTo(c.read());
        // no blank lines and no multi-line records in these files: one row per line
        assertThat(c.read())
            .as(data + " " + c.file())
            .isEqualTo(Files.readAllLines(data.resolve(c.file())).size() - 1);
      }
      assertThat(d.latestUsageMonth()).isEqualTo(Month.of(2026, 9));
    }
  }

  @Test
  void sampleOneHasItsColumnsInAnotherOrderAndHostileNames() throws Exception {
    Dataset d =
        DatasetLoader.load(conformanceDir().resolve("sample-1/data"), TestData.TYPES).dataset();
    assertThat(d.customerCount()).isEqualTo(120);
    int first = -1;
    for (int c = 0; c < d.customerCount(); c++) {
      first = d.customerId(c).equals("C00000") ? c : first;
    }
    assertThat(d.customerName(first)).isEqualTo("Fabrikam, Inc. 0");
    assertThat(d.partnerId(first)).isEqualTo("P003");
    assertThat(d.rowCount()).isEqualTo(19345);
  }
}
