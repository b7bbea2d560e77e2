package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quoted line break (RFC 4180) in usage.csv or associations.csv, the files read as lines: such a
 * file is read again whole, and the results are the bytes of {@code eligo run} on the same data.
 */
class QuotedLineBreakTest {
  private final SparkSession spark = SparkTests.session();

  @TempDir Path tmp;

  @Test
  void aWorkloadNameOverTwoLinesInUsageInACrlfFileWithAMarkAndAnExtraColumn() throws Exception {
    Path data = sampleCopy();
    // a new Azure workload whose name holds a line break, used by as many rows as Storage
    Files.writeString(
        data.resolve("workloads.csv"),
        read(data, "workloads.csv") + "\"Azure\r\nBatch\",Azure\n",
        StandardCharsets.UTF_8);
    String[] lines = read(data, "usage.csv").split("\n");
    StringBuilder usage = new StringBuilder("\uFEFF" + lines[0] + ",note\r\n\r\n");
    for (int i = 1; i < lines.length; i++) {
      usage.append(lines[i]).append(i == 7 ? ",\"two\r\nlines, \"\"quoted\"\"\"\r\n" : ",\r\n");
      if (lines[i].contains(",Storage,")) {
        usage.append(lines[i].replace(",Storage,", ",\"Azure\r\nBatch\",")).append(",batch\r\n");
      }
    }
    Files.writeString(data.resolve("usage.csv"), usage, StandardCharsets.UTF_8);

    byte[] expected = RunnerTest.eligoRun(SparkTests.criteria(), data, null);
    assertThat(expected)
        .isNotEqualTo(RunnerTest.eligoRun(SparkTests.criteria(), SparkTests.sampleData(), null));
    assertThat(run(data)).isEqualTo(expected);
  }

  @Test
  void aNoteOverTwoLinesInAssociationsInAnExtraColumnBetweenTheRequiredOnes() throws Exception {
    Path data = sampleCopy();
    String[] lines = read(data, "associations.csv").split("\n");
    StringBuilder associations = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      int cut = lines[i].lastIndexOf(',');
      String note = i == 0 ? "note" : i % 50 == 3 ? "\"signed\nin " + i + "\"" : "";
      associations
          .append(lines[i], 0, cut)
          .append(',')
          .append(note)
          .append(lines[i].substring(cut))
          .append('\n');
    }
    Files.writeString(data.resolve("associations.csv"), associations, StandardCharsets.UTF_8);

    assertThat(run(data)).isEqualTo(RunnerTest.eligoRun(SparkTests.criteria(), data, null));
  }

  /** A line of spaces or tabs in the files read as lines is blank, skipped as eligo run does. */
  @Test
  void linesOfSpacesInUsageAndAssociationsAreSkippedAsBlank() throws Exception {
    Path data = sampleCopy();
    for (String f : new String[] {"associations.csv", "usage.csv"}) {
      String[] lines = read(data, f).split("\n");
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        text.append(lines[i]).append('\n');
        if (i % 40 == 5) {
          text.append(i % 80 == 5 ? "   \n" : " \t \r\n");
        }
      }
      Files.writeString(data.resolve(f), text, StandardCharsets.UTF_8);
    }
    byte[] expected = RunnerTest.eligoRun(SparkTests.criteria(), data, null);
    assertThat(expected)
        .isEqualTo(RunnerTest.eligoRun(SparkTests.criteria(), SparkTests.sampleData(), null));
    assertThat(run(data)).isEqualTo(expected);
  }

  /**
   * With {@code --as-of}, usage.csv is not scanned for its latest month: its quoted line break is
   * met by a task of the main job, which stops, and the run starts over.
   */
  @Test
  void aTenantIdOverTwoLinesInTenantsAssociationsAndUsageWithAnAsOfMonth() throws Exception {
    Path data = sampleCopy();
    for (String f : new String[] {"tenants.csv", "associations.csv", "usage.csv"}) {
      Files.writeString(
          data.resolve(f),
          read(data, f).replace("T00000000,", "\"T0000\n0000\","),
          StandardCharsets.UTF_8);
    }
    assertThat(read(data, "usage.csv")).contains("\"T0000\n0000\",");
    int asOf = eligo.data.Month.parse("2025-11");

    assertThat(run(data, asOf)).isEqualTo(RunnerTest.eligoRun(SparkTests.criteria(), data, asOf));
  }

  private byte[] run(Path data) throws Exception {
    return run(data, null);
  }

  private byte[] run(Path data, Integer asOf) throws Exception {
    Path out = tmp.resolve("results.csv");
    SparkRunner.run(spark, SparkTests.options(SparkTests.criteria(), data.toString(), out, asOf));
    return Files.readAllBytes(out);
  }

  private static String read(Path data, String file) throws Exception {
    return Files.readString(data.resolve(file), StandardCharsets.UTF_8);
  }

  private Path sampleCopy() throws Exception {
    return SparkTests.sampleCopy(tmp.resolve("data"));
  }
}
