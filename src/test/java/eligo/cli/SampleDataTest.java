package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample dataset is exactly what {@code eligo generate-data} makes with the arguments
 * the README gives, and the README's first command runs on it.
 */
class SampleDataTest {
  static final Path SAMPLE = Path.of("examples/sample-data");

  @Test
  void bundledSampleIsWhatGenerateDataMakes(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("sample");
    int code =
        run("generate-data", "--customers", "400", "--seed", "2026", "--out", out.toString());
    assertThat(code).isZero();
    for (String f :
        List.of("customers.csv", "tenants.csv", "workloads.csv", "associations.csv", "usage.csv")) {
      assertThat(Files.readAllBytes(out.resolve(f)))
          .as(f + ": regenerate with the README's command")
          .isEqualTo(Files.readAllBytes(SAMPLE.resolve(f)));
    }
  }

  @Test
  void mainJobRunsOnTheSample(@TempDir Path tmp) throws Exception {
    Path results = tmp.resolve("out.csv");
    StringWriter so = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "run",
              "--criteria",
              "criteria",
              "--data",
              SAMPLE.toString(),
              "--results",
              results.toString()
            },
            new PrintWriter(so),
            new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    assertThat(so.toString())
        .contains("400 customers of 12 partners, as of 2026-09")
        .contains("net-customer-adds");
    // 400 customers x 45 nodes + 12 partners x 6 partner nodes + header
    assertThat(Files.readAllLines(results).size()).isEqualTo(400 * 45 + 12 * 6 + 1);
  }

  @Test
  void generateDataRejectsNegativeCounts(@TempDir Path tmp) {
    assertThat(run("generate-data", "--customers", "-1", "--out", tmp.toString()))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void generateDataWritesOverADatasetOnlyWhenToldTo(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    Files.writeString(data.resolve("usage.csv"), "real data\n");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {"generate-data", "--customers", "5", "--out", data.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .isEqualTo(
            "eligo: "
                + data
                + " already holds a dataset (usage.csv): give another folder, or --replace to"
                + " write over it with generated data\n");
    assertThat(Files.readString(data.resolve("usage.csv"))).isEqualTo("real data\n");
    assertThat(data.resolve("customers.csv")).doesNotExist();
    assertThat(run("generate-data", "--customers", "5", "--out", data.toString(), "--replace"))
        .isZero();
    assertThat(Files.readString(data.resolve("usage.csv"))).startsWith("tenant_id,");
  }

  private static int run(String... args) {
    return Main.execute(
        args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }
}
