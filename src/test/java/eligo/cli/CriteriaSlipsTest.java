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
    StringWriter err = new StringWriter();
    int code = run(criteria, results, err);
    assertThat(code).as(err.toString()).isEqualTo(3);
    assertThat(err.toString()).contains(at).contains(" error: ").contains("^");
    assertThat(results).doesNotExist();
  }

  /** {@code slip.criteria} beside the shipped criteria: one metric whose value is {@code value}. */
  private Path withSlip(String decl, String value) throws IOException {
    Path criteria = ShippedCriteria.write(ShippedCriteria.texts(), tmp.resolve("criteria"));
    java.nio.file.Files.writeString(
        criteria.resolve("slip.criteria"),
        "import \"common.criteria\"\n"
            + "workloads AZURE = family \"Azure\"\n"
            + decl
            + "area slip \"Slip\" {\n"
            + "  metric acr \"ACR\" {\n"
            + "    criteria \"ACR of the last 12 months: at least {met}\"\n"
            + "    "
            + value
            + "\n"
            + "    met when value >= $1000\n"
            + "  }\n"
            + "}\n");
    return criteria;
  }

  /**
   * A month that nothing in the sum reads (acr at M added twelve times for the spend of 12 months)
   * stops the run: exit 3, no results file, the error under the binder. Before, a warning: the run
   * went on and reported twelve times the month's spend.
   */
  @org.junit.jupiter.api.Test
  void aSumOfOneMonthTwelveTimesStopsTheRun() throws IOException {
    String twelveTimes = "value sum acr at M for tenant, workload in AZURE, month in TTM(M)";
    Path criteria = withSlip("", twelveTimes);
    Path results = tmp.resolve("results.csv");
    StringWriter err = new StringWriter();
    int code = run(criteria, results, err);
    assertThat(code).as(err.toString()).isEqualTo(3);
    assertThat(err.toString())
        .contains("slip.criteria:6:55: error: nothing in this 'sum' reads the month")
        .contains("\n" + " ".repeat(54) + "^~~~~~~~~~~~~~~\n");
    assertThat(results).doesNotExist();
  }

  /**
   * A slip that is only a warning (here a band that nothing uses) does not stop a run, but the run
   * says the criteria have warnings and where to see them; the shipped criteria have none, and
   * their run says nothing of it.
   */
  @org.junit.jupiter.api.Test
  void aRunSaysTheCriteriaHaveWarnings() throws IOException {
    Path criteria =
        withSlip(
            "band UNUSED = > 3\n", "value sum acr for tenant, workload in AZURE, month in TTM(M)");
    StringWriter err = new StringWriter();
    int code = run(criteria, err);
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString())
        .contains(
            "eligo: warning: the criteria have 1 warning; each with its line: eligo check"
                + " --criteria "
                + criteria
                + "\n");
    StringWriter shipped = new StringWriter();
    assertThat(run(Path.of("criteria"), shipped)).isZero();
    assertThat(shipped.toString()).doesNotContain("the criteria have");
  }

  private int run(Path criteria, StringWriter err) {
    return run(criteria, tmp.resolve("results-" + System.nanoTime() + ".csv"), err);
  }

  /**
   * {@code eligo run} of {@code criteria} on the sample data; its standard error in {@code err}.
   */
  private static int run(Path criteria, Path results, StringWriter err) {
    return Main.execute(
        new String[] {
          "run",
          "--criteria",
          criteria.toString(),
          "--data",
          SAMPLE.toString(),
          "--results",
          results.toString()
        },
        new PrintWriter(new StringWriter()),
        new PrintWriter(err));
  }
}
