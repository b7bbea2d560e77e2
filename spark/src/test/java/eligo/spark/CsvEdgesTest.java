package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV that {@code eligo run} reads gives its bytes on Spark too. */
class CsvEdgesTest {
  private final SparkSession spark = SparkTests.session();

  @TempDir Path tmp;

  private Path sampleCopy() throws Exception {
    return SparkTests.sampleCopy(tmp.resolve("data"));
  }

  private void prepend(Path file, String text) throws Exception {
    Files.writeString(file, text + Files.readString(file, StandardCharsets.UTF_8));
  }

  private byte[] spark(Path data) throws Exception {
    Path out = tmp.resolve("results-" + System.nanoTime() + ".csv");
    SparkRunner.run(spark, SparkTests.options(SparkTests.criteria(), data.toString(), out, null));
    return Files.readAllBytes(out);
  }

  @Test
  void blankLinesBeforeTheHeaderAreSkippedAsEligoRunSkipsThem() throws Exception {
    Path data = sampleCopy();
    // the big files (read as lines), a byte-order mark before them, and a small one
    prepend(data.resolve("usage.csv"), "\uFEFF\n  \n");
    prepend(data.resolve("associations.csv"), "\n");
    prepend(data.resolve("customers.csv"), "\n\n");
    assertThat(spark(data)).isEqualTo(RunnerTest.eligoRun(SparkTests.criteria(), data, null));
  }

  @Test
  void theSmallFilesAreReadAsEligoRunReadsThem() throws Exception {
    Path data = sampleCopy();
    // a line of spaces (eligo run skips it; Spark's CSV reader refused it as a row of 1 field),
    // a CRLF blank line before an LF file (Spark's reader then took CRLF as the line end and
    // read many lines as one record), a byte-order mark, CRLF and quoted fields
    Path customers = data.resolve("customers.csv");
    String text = Files.readString(customers, StandardCharsets.UTF_8);
    int third = text.indexOf('\n', text.indexOf('\n', text.indexOf('\n') + 1) + 1) + 1;
    Files.writeString(customers, text.substring(0, third) + "   \n" + text.substring(third));
    prepend(data.resolve("tenants.csv"), "\r\n");
    Path workloads = data.resolve("workloads.csv");
    Files.writeString(
        workloads,
        "\uFEFF"
            + Files.readString(workloads, StandardCharsets.UTF_8)
                .replace("\n", "\r\n")
                .replaceFirst("\r\n([^,\r]*),([^,\r]*)\r\n", "\r\n\"$1\",\"$2\"\r\n\r\n"));
    assertThat(spark(data)).isEqualTo(RunnerTest.eligoRun(SparkTests.criteria(), data, null));
  }
}
