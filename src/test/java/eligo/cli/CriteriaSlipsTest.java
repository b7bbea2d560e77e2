package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.testing.ShippedCriteria;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each criteria slip that the data show (a misspelt workload or family, a trailing space, a
 * misspelt association type text) is refused by {@code eligo run}: exit 3, no results file, the
 * error at the criteria line with a caret.
 */
class CriteriaSlipsTest {
  private static final Path SAMPLE = Path.of("examples/sample-data");

  @TempDir Path tmp;

  /** Each slip of the issue, by the command line: exit 3, no results file, the criteria line. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "modern-work.criteria|\"Intune\"|\"Intunes\"|modern-work.criteria:5:",
        "modern-work.criteria|\"Yammer\"|\"Yamer\"|modern-work.criteria:6:",
        "modern-work.criteria|\"Intune\"|\"Intune \"|modern-work.criteria:5:",
        "azure.criteria|family \"Azure\"|family \"Azur\"|azure.criteria:",
        "common.criteria|= \"CPOR RevRec\"|= \"CPOR RevRc\"|common.criteria:9:44"
      })
  void runRefusesEachSlipAtItsLine(String file, String from, String to, String at)
      throws IOException {
    Path criteria =
        ShippedCriteria.write(ShippedCriteria.with(file, from, to), tmp.resolve("criteria"));
    Path results = tmp.resolve("results.csv");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "run",
              "--criteria",
              criteria.toString(),
              "--data",
              SAMPLE.toString(),
              "--results",
              results.toString()
            },
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isEqualTo(3);
    assertThat(err.toString()).contains(at).contains(" error: ").contains("^");
    assertThat(results).doesNotExist();
  }
}
