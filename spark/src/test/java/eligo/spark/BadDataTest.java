package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad rows are refused, never dropped: the run stops with the file, what is wrong (in the loader's
 * words) and the row's content, and the command line's exit status is 4. No results file is left.
 */
class BadDataTest {
  private final SparkSession spark = SparkTests.session();

  @TempDir Path tmp;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "usage.csv",
            "T00000000,Finance & Operations,2024-06,,357.23,,50,",
            "T404,Finance & Operations,2024-06,,357.23,,50,",
            "usage.csv: tenant 'T404' is not in tenants.csv (row: T404,Finance & Operations,2024-06,0,357.23,0,50,0)"),
        Arguments.of(
            "usage.csv",
            "T00000000,Finance & Operations,2024-06,,357.23,,50,",
            "T00000000,Finance & Operations,2026-13,,357.23,,50,",
            "usage.csv: month '2026-13' is not a month (YYYY-MM) (row: T00000000,Finance & Operations,2026-13,,357.23,,50,)"),
        Arguments.of(
            "usage.csv",
            "T00000000,Finance & Operations,2024-06,,357.23,,50,",
            "T00000000,Finance & Operations,2024-06,,357.234,,-50,",
            "usage.csv: revenue_usd '357.234' has more than 2 decimal places; active_users '-50' is negative"),
        Arguments.of(
            "usage.csv",
            "T00000000,Finance & Operations,2024-06,,357.23,,50,",
            "T00000000,Finance & Operations,2024-06,,357.23,,50,,surplus",
            "usage.csv: the row has 9 fields, the header has a different number (row: T00000000,Finance & Operations,2024-06,,357.23,,50,,surplus)"),
        Arguments.of(
            "usage.csv",
            "T00000000,Finance & Operations,2024-07,,374.74,,50,",
            "T00000000,Finance & Operations,2024-06,,374.74,,50,",
            "usage.csv: a second row for tenant 'T00000000', workload 'Finance & Operations' and month 2024-06"),
        Arguments.of(
            "associations.csv",
            "T00000000,Supply Chain,DPOR,2023-07,2024-03",
            "T00000000,Supply Chain,DPORR,2024-07,2024-03",
            "associations.csv: association_type 'DPORR' is not a known association type (known: "),
        Arguments.of(
            "tenants.csv",
            "C0000000,T00000001,Woodgrove Bank (2)",
            "C404,T00000001,Woodgrove Bank (2)",
            "tenants.csv: customer 'C404' is not in customers.csv (row: C404,T00000001,Woodgrove Bank (2))"),
        Arguments.of(
            "customers.csv",
            "P002,C0000001,Woodgrove Bank 1",
            "P002,C0000001,Woodgrove Bank 1\nP009,C0000001,Twice",
            "customers.csv: customer_id 'C0000001' is used by two rows"),
        Arguments.of(
            "workloads.csv",
            "workload,family",
            "workload,familie",
            "workloads.csv: missing column 'family' (the header has: workload, familie)"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aBadRowStopsTheRunWithTheFileTheProblemAndTheRow(
      String file, String line, String replacement, String message) throws Exception {
    Path data = sampleCopy();
    String text = Files.readString(data.resolve(file), StandardCharsets.UTF_8);
    assertThat(text).contains(line + "\n");
    Files.writeString(
        data.resolve(file),
        text.replaceFirst(
            java.util.regex.Pattern.quote(line + "\n"),
            java.util.regex.Matcher.quoteReplacement(replacement + "\n")));
    assertThat(failure(data)).startsWith(message);
  }

  @org.junit.jupiter.api.Test
  void everyBadRowATaskMeetsIsListedInFileOrder() throws Exception {
    Path data = sampleCopy();
    String text = Files.readString(data.resolve("usage.csv"), StandardCharsets.UTF_8);
    Files.writeString(
        data.resolve("usage.csv"),
        text.replace(
                "T00000000,Finance & Operations,2024-06,,357.23,,50,\n",
                "T00000000,Finance & Operations,2024-13,,357.23,,50,\n")
            .replace(
                "T00000000,Finance & Operations,2024-07,,374.74,,50,\n",
                "T00000000,Finance & Operations,2024-07,,374.742,,50,\n"));
    String err = failure(data);
    assertThat(err)
        .startsWith(
            "usage.csv: month '2024-13' is not a month (YYYY-MM) (row: T00000000,Finance &"
                + " Operations,2024-13,,357.23,,50,)\n"
                + "usage.csv: revenue_usd '374.742' has more than 2 decimal places (row:"
                + " T00000000,Finance & Operations,2024-07,,374.742,,50,)\n");
  }

  @org.junit.jupiter.api.Test
  void aFileWithAQuotedLineBreakIsReadWholeAndItsBadRowsAreListed() throws Exception {
    Path data = sampleCopy();
    String text = Files.readString(data.resolve("usage.csv"), StandardCharsets.UTF_8);
    Files.writeString(
        data.resolve("usage.csv"),
        text.replace(
                "T00000000,Finance & Operations,2024-06,,357.23,,50,\n",
                "T00000000,\"Finance &\nOperations\",2024-06,,357.23,,50,\n")
            .replace(
                "T00000000,Finance & Operations,2024-07,,374.74,,50,\n",
                "T00000000,Finance & Operations,2024-13,,374.74,,50,\n")
            .replace(
                "T00000000,Finance & Operations,2024-08,,453.84,,50,\n",
                "T00000000,\"Finance & Operations\",2024-08,,453.84,,50,,\"sur\nplus\"\n"));
    assertThat(failure(data))
        .isEqualTo(
            "usage.csv: workload 'Finance &\\nOperations' is not in workloads.csv (row:"
                + " T00000000,\"Finance &\nOperations\",2024-06,,357.23,,50,)\n"
                + "usage.csv: month '2024-13' is not a month (YYYY-MM) (row: T00000000,Finance &"
                + " Operations,2024-13,,374.74,,50,)\n"
                + "usage.csv: the row has 9 fields, the header has a different number (row:"
                + " T00000000,Finance & Operations,2024-08,,453.84,,50,,\"sur\nplus\")\n");
  }

  @org.junit.jupiter.api.Test
  void aQuoteNeverClosedInUsageIsRefusedInWords() throws Exception {
    Path data = sampleCopy();
    String text = Files.readString(data.resolve("usage.csv"), StandardCharsets.UTF_8);
    Files.writeString(
        data.resolve("usage.csv"), text + "T00000000,\"Finance & Operations,2026-01,,1,,1,\n");
    assertThat(failure(data))
        .isEqualTo(
            "usage.csv: a quoted field is not closed: the record runs to the end of the file (row:"
                + " T00000000,\"Finance & Operations,2026-01,,1,,1,)\n");
  }

  @org.junit.jupiter.api.Test
  void usageWhoseRowsHaveNoWellFormedMonthListsThemNotThatItHasNoRows() throws Exception {
    Path data = sampleCopy();
    String header =
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n";
    Files.writeString(
        data.resolve("usage.csv"),
        header
            + "T00000000,Finance & Operations,2026-13,,357.23,,50,\n"
            + "T00000000,Finance & Operations,,,357.23,,50,\n");
    // (the two rows may fall to two tasks: the first failing task's are listed)
    assertThat(failure(data).lines())
        .isNotEmpty()
        .isSubsetOf(
            "usage.csv: month '2026-13' is not a month (YYYY-MM) (row: T00000000,Finance &"
                + " Operations,2026-13,,357.23,,50,)",
            "usage.csv: month is empty (row: T00000000,Finance & Operations,,,357.23,,50,)");
    // a usage.csv of no rows has no latest month, as eligo run says
    Files.writeString(data.resolve("usage.csv"), header);
    assertThat(failure(data))
        .isEqualTo("usage.csv has no rows, so there is no latest month: give --as-of YYYY-MM\n");
  }

  private Path sampleCopy() throws Exception {
    return SparkTests.sampleCopy(tmp.resolve("data"));
  }

  /** The run's message on standard error; exit status 4 and no results file. */
  private String failure(Path data) {
    Path out = tmp.resolve("results.csv");
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () ->
                SparkRunner.run(
                    spark, SparkTests.options(SparkTests.criteria(), data.toString(), out, null)));
    assertThat(thrown).isNotNull();
    StringWriter err = new StringWriter();
    assertThat(Main.report(thrown, new PrintWriter(err, true))).isEqualTo(Main.DATA);
    assertThat(out).doesNotExist();
    return err.toString();
  }

  @org.junit.jupiter.api.Test
  void aMissingTableIsSaidInEligoRunsWords() throws Exception {
    Path data = sampleCopy();
    Files.delete(data.resolve("tenants.csv"));
    assertThat(failure(data))
        .isEqualTo(
            "tenants.csv: file is missing (looked for "
                + data.resolve("tenants.csv")
                + " and "
                + data.resolve("tenants.parquet")
                + ")\n");
  }

  @org.junit.jupiter.api.Test
  void aTableAsBothCsvAndParquetIsRefused() throws Exception {
    Path data = sampleCopy();
    Files.createDirectories(data.resolve("usage.parquet"));
    assertThat(failure(data))
        .isEqualTo(
            "usage.parquet: "
                + data.resolve("usage.csv")
                + " is there too, which eligo run reads: keep one of the two (the folder's results"
                + " would depend on the runner)\n");
  }

  @org.junit.jupiter.api.Test
  void aMissingDataFolderIsADataError() {
    for (boolean parquet : new boolean[] {false, true})
      for (String data :
          new String[] {
            tmp.resolve("nowhere").toString(),
            "",
            SparkTests.sampleData().resolve("usage.csv").toString()
          }) {
        assertThatThrownBy(
                () ->
                    SparkRunner.run(
                        spark,
                        new SparkRunner.Options(
                            SparkTests.criteria(),
                            data,
                            tmp.resolve("r.csv").toString(),
                            null,
                            parquet,
                            0)))
            .isInstanceOf(DataProblem.class)
            .hasMessage("data folder '" + data + "' does not exist or is not a folder");
      }
  }
}
