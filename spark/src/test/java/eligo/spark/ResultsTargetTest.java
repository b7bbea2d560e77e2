package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results never replace an input or what is not an earlier run's results (refused before the
 * run, exit 2, as {@code eligo run} refuses them), and a Parquet results table is written whole or
 * not at all.
 */
class ResultsTargetTest {
  private final SparkSession spark = SparkTests.session();

  @TempDir Path tmp;

  private Path sampleCopy() throws Exception {
    return SparkTests.sampleCopy(tmp.resolve("data"));
  }

  private String refused(Path data, Path results, boolean parquet) {
    Throwable thrown = null;
    try {
      SparkRunner.run(
          spark,
          new SparkRunner.Options(
              SparkTests.criteria(), data.toString(), results.toString(), null, parquet, 0));
    } catch (Throwable t) {
      thrown = t;
    }
    assertThat(thrown).isInstanceOf(ResultsTarget.Refused.class);
    return thrown.getMessage();
  }

  @Test
  void aTargetThatIsAnInputOrHoldsOneOrIsNoResultsIsRefusedAndKept() throws Exception {
    Path data = sampleCopy();
    byte[] usage = Files.readAllBytes(data.resolve("usage.csv"));
    // a results file: as eligo run refuses it
    assertThat(refused(data, data.resolve("usage.csv"), false))
        .contains("lies inside the input folder");
    assertThat(refused(data, SparkTests.criteria().resolve("azure.criteria"), false))
        .contains("lies inside the input folder");
    assertThat(refused(data, tmp, false)).endsWith("is a folder: name a file");
    // a results table: never the data, inside it, or a folder holding it
    assertThat(refused(data, data, true)).contains("is an input of this run");
    assertThat(refused(data, data.resolve("usage.csv"), true)).contains("lies inside");
    assertThat(refused(data, tmp, true)).contains("which writing the results table would delete");
    assertThat(refused(data, SparkTests.criteria(), true)).contains("is an input of this run");
    // nor a file, nor a folder holding what a results table does not
    Path file = tmp.resolve("notes.txt");
    Files.writeString(file, "mine");
    assertThat(refused(data, file, true)).contains("is a file").contains("it is kept");
    Path folder = tmp.resolve("folder");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("mine.txt"), "mine");
    assertThat(refused(data, folder, true))
        .contains("is not a results table of an earlier run (it holds 'mine.txt')");
    assertThat(Files.readString(file)).isEqualTo("mine");
    assertThat(Files.readString(folder.resolve("mine.txt"))).isEqualTo("mine");
    assertThat(Files.readAllBytes(data.resolve("usage.csv"))).isEqualTo(usage);
    try (Stream<Path> s = Files.list(data)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "customers.csv", "tenants.csv", "workloads.csv", "associations.csv", "usage.csv");
    }
    // the command line: a usage error, before a session starts
    StringWriter err = new StringWriter();
    assertThat(
            Main.execute(
                new String[] {
                  "run",
                  "--criteria",
                  SparkTests.criteria().toString(),
                  "--data",
                  data.toString(),
                  "--results",
                  data.resolve("usage.csv").toString()
                },
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(
                    new java.io.OutputStream() {
                      @Override
                      public void write(int b) {
                        err.write(b);
                      }
                    },
                    true)))
        .isEqualTo(Main.USAGE);
    assertThat(err.toString()).contains("eligo-spark: --results ").contains("lies inside");
  }

  @Test
  void aResultsTableIsWrittenWholeOrNotAtAll() throws Exception {
    Path table = tmp.resolve("results.parquet");
    spark.range(3).write().parquet(table.toString());
    long before;
    try (Stream<Path> s = Files.list(table)) {
      before = s.count();
    }
    // a write that fails half way leaves the previous table whole and nothing beside it
    assertThatThrownBy(
            () ->
                ResultsTarget.writeTable(
                    spark,
                    table.toString(),
                    folder -> {
                      spark.range(5).write().parquet(folder);
                      throw new IllegalStateException("stopped");
                    }))
        .hasMessage("stopped");
    assertThat(spark.read().parquet(table.toString()).count()).isEqualTo(3);
    try (Stream<Path> s = Files.list(table)) {
      assertThat(s.count()).isEqualTo(before);
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("results.parquet");
    }
    // one that ends replaces it
    ResultsTarget.writeTable(
        spark, table.toString(), folder -> spark.range(5).write().parquet(folder));
    assertThat(spark.read().parquet(table.toString()).count()).isEqualTo(5);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("results.parquet");
    }
  }

  @Test
  void whatAKilledWriteLeftIsCleanedUpOrPutBackByTheNextWrite() throws Exception {
    Path table = tmp.resolve("results.parquet");
    // a process that no longer runs (no such process id) was killed between the two renames: its
    // previous table aside, its new one half written
    long gone = 999_999_999L;
    Path aside = tmp.resolve(".results.parquet.eligo-" + gone + "-x.old");
    Path half = tmp.resolve(".results.parquet.eligo-" + gone + "-x.tmp");
    spark.range(3).write().parquet(aside.toString());
    spark.range(1).write().parquet(half.toString());
    // a live process's (this one's) temporary folder is left alone
    Path live = tmp.resolve(".results.parquet.eligo-" + ProcessHandle.current().pid() + "-y.tmp");
    Files.createDirectories(live);
    ResultsTarget.recover(
        org.apache.hadoop.fs.FileSystem.getLocal(new org.apache.hadoop.conf.Configuration()),
        new org.apache.hadoop.fs.Path(table.toUri()));
    assertThat(spark.read().parquet(table.toString()).count()).isEqualTo(3);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("results.parquet", live.getFileName().toString());
    }
    // the next write removes what a dead process left beside a table that is there
    spark.range(1).write().parquet(half.toString());
    ResultsTarget.writeTable(
        spark, table.toString(), folder -> spark.range(5).write().parquet(folder));
    assertThat(spark.read().parquet(table.toString()).count()).isEqualTo(5);
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("results.parquet", live.getFileName().toString());
    }
  }
}
