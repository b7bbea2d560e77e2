package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same dataset as Parquet tables (money as DECIMAL, counts as integers, blanks as nulls, an
 * extra column, folders of part files and one single file) gives the bytes of {@code eligo run} on
 * the CSV; {@code --results-format parquet} writes the same rows as a table.
 */
class ParquetTest {
  private final SparkSession spark = SparkTests.session();

  @TempDir Path tmp;

  /** The sample data's table {@code name} as Parquet, typed as DATA.md says. */
  private void convert(Path data, String name, Path out, boolean singleFile) throws Exception {
    Dataset<Row> csv =
        spark
            .read()
            .option("header", "true")
            .option("multiLine", "true") // names with line breaks and quotes
            .option("escape", "\"")
            .csv(data.resolve(name + ".csv").toString()); // every column text; blanks null
    Dataset<Row> typed = csv;
    for (String money : new String[] {"acr_usd", "revenue_usd"}) {
      if (csv.columns().length > 0 && java.util.Arrays.asList(csv.columns()).contains(money)) {
        typed =
            typed.withColumn(money, functions.col(money).cast(DataTypes.createDecimalType(18, 2)));
      }
    }
    for (String count : new String[] {"paid_units", "active_users"}) {
      if (java.util.Arrays.asList(csv.columns()).contains(count)) {
        typed = typed.withColumn(count, functions.col(count).cast(DataTypes.IntegerType));
      }
    }
    if (java.util.Arrays.asList(csv.columns()).contains("protected_users")) {
      typed = typed.withColumn("protected_users", functions.col("protected_users").cast("long"));
    }
    typed = typed.withColumn("note", functions.lit("an extra column"));
    Column[] reordered =
        Stream.of(typed.columns()).sorted().map(functions::col).toArray(Column[]::new);
    typed = typed.select(reordered);
    Path target = out.resolve(name + ".parquet");
    if (singleFile) {
      Path parts = out.resolve(name + "-parts");
      typed.coalesce(1).write().mode(SaveMode.Overwrite).parquet(parts.toString());
      try (Stream<Path> s = Files.list(parts)) {
        Path part = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        Files.copy(part, target);
      }
    } else {
      typed.repartition(3).write().mode(SaveMode.Overwrite).parquet(target.toString());
    }
  }

  private Path asParquet(Path data) throws Exception {
    Path out = tmp.resolve("parquet");
    Files.createDirectories(out);
    convert(data, "customers", out, true);
    convert(data, "tenants", out, false);
    convert(data, "workloads", out, true);
    convert(data, "associations", out, false);
    convert(data, "usage", out, false);
    return out;
  }

  @Test
  void sampleDataAsParquetGivesTheBytesOfEligoRunOnTheCsv() throws Exception {
    Path parquet = asParquet(SparkTests.sampleData());
    byte[] expected = RunnerTest.eligoRun(SparkTests.criteria(), SparkTests.sampleData(), null);
    Path out = tmp.resolve("results.csv");
    SparkRunner.run(
        spark, SparkTests.options(SparkTests.criteria(), parquet.toString(), out, null));
    assertThat(Files.readAllBytes(out)).isEqualTo(expected);

    // the same rows as a Parquet table, in the file's order
    Path table = tmp.resolve("results.parquet");
    SparkRunner.run(
        spark,
        new SparkRunner.Options(
            SparkTests.criteria(), parquet.toString(), table.toString(), null, true, 0));
    Dataset<Row> rows = spark.read().parquet(table.toString());
    assertThat(rows.columns())
        .containsExactly("partner_id", "customer_id", "area", "node", "status", "value");
    String[] lines = new String(expected, java.nio.charset.StandardCharsets.UTF_8).split("\n");
    assertThat(rows.count()).isEqualTo(lines.length - 1);
    Row first = rows.orderBy("partner_id", "customer_id", "area", "node").first();
    assertThat(
            String.join(
                ",",
                first.getString(0),
                first.getString(1),
                first.getString(2),
                first.getString(3),
                first.getString(4),
                first.getString(5)))
        .isEqualTo(lines[1]);
  }
}
