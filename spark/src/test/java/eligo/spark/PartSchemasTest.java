package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every part file of a Parquet table is checked before a row is read: a part that lacks a column
 * (Spark read it as nulls, so its money counted 0 and the run ended well), holds a column of a type
 * DATA.md does not allow (DOUBLE money, a DATE month: refused row by row in misleading words, or
 * not at all) or is no Parquet file (a Spark exception, exit 5) is refused, named; an empty folder
 * is said to be one. Parts whose types differ but are allowed are read as one.
 */
class PartSchemasTest {
  private final SparkSession spark = SparkTests.session();

  @TempDir Path tmp;

  /** The sample data but usage.csv: usage.parquet is the test's. */
  private Path dataWithoutUsage(String name) throws Exception {
    Path data = tmp.resolve(name);
    Files.createDirectories(data);
    try (Stream<Path> s = Files.list(SparkTests.sampleData())) {
      for (Path p : s.toList()) {
        if (!p.getFileName().toString().equals("usage.csv")) {
          Files.copy(p, data.resolve(p.getFileName()));
        }
      }
    }
    return data;
  }

  private Dataset<Row> usage() {
    return spark
        .read()
        .option("header", "true")
        .csv(SparkTests.sampleData().resolve("usage.csv").toString())
        .withColumn("id", functions.monotonically_increasing_id());
  }

  /** Writes {@code rows} as one part file named {@code prefix...} into {@code folder}. */
  private void part(Dataset<Row> rows, Path folder, String prefix) throws Exception {
    Path parts = tmp.resolve("parts-" + System.nanoTime());
    rows.drop("id").coalesce(1).write().mode(SaveMode.Overwrite).parquet(parts.toString());
    Files.createDirectories(folder);
    try (Stream<Path> s = Files.list(parts)) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().startsWith("part-")) {
          Files.copy(p, folder.resolve(prefix + "-" + p.getFileName()));
        }
      }
    }
  }

  private Throwable failure(Path data) {
    try {
      SparkRunner.run(
          spark,
          SparkTests.options(
              SparkTests.criteria(), data.toString(), tmp.resolve("results.csv"), null));
    } catch (Throwable t) {
      return t;
    }
    return null;
  }

  private static Dataset<Row> typed(Dataset<Row> u) {
    return u.withColumn(
            "acr_usd", functions.col("acr_usd").cast(DataTypes.createDecimalType(18, 2)))
        .withColumn(
            "revenue_usd", functions.col("revenue_usd").cast(DataTypes.createDecimalType(18, 2)))
        .withColumn("paid_units", functions.col("paid_units").cast("long"))
        .withColumn("active_users", functions.col("active_users").cast("long"))
        .withColumn("protected_users", functions.col("protected_users").cast("long"));
  }

  @Test
  void partsLackingAColumnOfAWrongTypeOrNotParquetAreRefusedNamed() throws Exception {
    Dataset<Row> u = typed(usage());
    Path data = dataWithoutUsage("bad");
    Path table = data.resolve("usage.parquet");
    part(u.filter("id % 3 = 0"), table, "a");
    part(u.filter("id % 3 = 1").drop("acr_usd"), table, "b");
    part(
        u.filter("id % 3 = 2")
            .withColumn("paid_units", functions.col("paid_units").cast("double"))
            .withColumn(
                "month",
                functions.to_date(functions.concat(functions.col("month"), functions.lit("-01")))),
        table,
        "c");
    Files.writeString(table.resolve("d-part-00000.parquet"), "not parquet at all");
    Throwable t = failure(data);
    assertThat(t).isInstanceOf(DataProblem.class);
    assertThat(t.getMessage().lines())
        .hasSize(3)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("usage.parquet/b-part-")
                    .contains(": missing column 'acr_usd' (the file has: tenant_id, workload,"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("usage.parquet/c-part-")
                    .contains(": column 'month' is date: months are text (YYYY-MM); ")
                    .endsWith("column 'paid_units' is double: counts are 32- or 64-bit integers"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("usage.parquet/d-part-00000.parquet: cannot be read as Parquet"));
    assertThat(tmp.resolve("results.csv")).doesNotExist();

    // DOUBLE money in a single file: the column, once, not each row in words that do not fit
    Path single = dataWithoutUsage("double");
    part(
        u.withColumn("acr_usd", functions.col("acr_usd").cast("double")),
        single.resolve("usage.parquet"),
        "a");
    assertThat(failure(single).getMessage())
        .startsWith("usage.parquet/a-part-")
        .contains(": column 'acr_usd' is double: money is DECIMAL with at most 2 decimal places");

    // an empty folder, or one holding only _SUCCESS
    Path empty = dataWithoutUsage("empty");
    Files.createDirectories(empty.resolve("usage.parquet"));
    Files.writeString(empty.resolve("usage.parquet/_SUCCESS"), "");
    assertThatThrownBy(
            () ->
                SparkRunner.run(
                    spark,
                    SparkTests.options(
                        SparkTests.criteria(), empty.toString(), tmp.resolve("r.csv"), null)))
        .isInstanceOf(DataProblem.class)
        .hasMessage(
            "usage.parquet: the folder holds no Parquet part files (a table of no rows has one"
                + " all the same)");
  }

  /**
   * DATA.md's Parquet types, no looser: money of scale 3 is refused even when every value is whole
   * cents (the sample's are), and counts as text even when every value is a count; each before a
   * row is read, with the part file, the column and its type, not row by row.
   */
  @Test
  void moneyOfScaleThreeAndCountsAsTextAreRefusedBeforeAnyRowIsRead() throws Exception {
    Dataset<Row> u = typed(usage());
    Path data = dataWithoutUsage("scale3");
    Path table = data.resolve("usage.parquet");
    part(
        u.filter("id % 2 = 0")
            .withColumn(
                "acr_usd", functions.col("acr_usd").cast(DataTypes.createDecimalType(18, 3))),
        table,
        "a");
    part(
        u.filter("id % 2 = 1")
            .withColumn(
                "revenue_usd",
                functions.col("revenue_usd").cast(DataTypes.createDecimalType(10, 4))),
        table,
        "b");
    Throwable t = failure(data);
    assertThat(t).isInstanceOf(DataProblem.class);
    String money =
        ": money is DECIMAL with at most 2 decimal places, or text in the CSV form (a binary"
            + " floating point number is not exact, nor is a third decimal place a cent)";
    assertThat(t.getMessage().lines())
        .hasSize(2)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("usage.parquet/a-part-")
                    .endsWith(".parquet: column 'acr_usd' is decimal(18,3)" + money))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("usage.parquet/b-part-")
                    .endsWith(".parquet: column 'revenue_usd' is decimal(10,4)" + money));
    assertThat(tmp.resolve("results.csv")).doesNotExist();

    // counts as text (one a string, the others integers), in a single file
    Path text = dataWithoutUsage("text-counts");
    part(
        u.withColumn("active_users", functions.col("active_users").cast("string")),
        text.resolve("usage.parquet"),
        "a");
    assertThat(failure(text))
        .isInstanceOf(DataProblem.class)
        .message()
        .startsWith("usage.parquet/a-part-")
        .endsWith(".parquet: column 'active_users' is string: counts are 32- or 64-bit integers")
        .doesNotContain("(row:");

    // money as text in the CSV form is still read, as DATA.md says
    Path textMoney = dataWithoutUsage("text-money");
    part(
        u.withColumn("acr_usd", functions.col("acr_usd").cast("string")),
        textMoney.resolve("usage.parquet"),
        "a");
    Path out = tmp.resolve("results.csv");
    SparkRunner.run(
        spark, SparkTests.options(SparkTests.criteria(), textMoney.toString(), out, null));
    assertThat(Files.readAllBytes(out))
        .isEqualTo(RunnerTest.eligoRun(SparkTests.criteria(), SparkTests.sampleData(), null));
  }

  @Test
  void partsOfDifferentAllowedTypesAreReadAsOneAndGiveTheBytesOfEligoRun() throws Exception {
    Dataset<Row> u = usage();
    Path data = dataWithoutUsage("mixed");
    Path table = data.resolve("usage.parquet");
    // int64 counts and decimal(18,2) money in two parts, int32 counts and decimal(12,2) money in
    // another: each part is read as the widest
    part(typed(u.filter("id % 3 = 0")), table, "a");
    part(
        u.filter("id % 3 = 1")
            .withColumn(
                "acr_usd", functions.col("acr_usd").cast(DataTypes.createDecimalType(12, 2)))
            .withColumn(
                "revenue_usd",
                functions.col("revenue_usd").cast(DataTypes.createDecimalType(12, 2)))
            .withColumn("paid_units", functions.col("paid_units").cast("int"))
            .withColumn("active_users", functions.col("active_users").cast("int"))
            .withColumn("protected_users", functions.col("protected_users").cast("int")),
        table,
        "b");
    part(typed(u.filter("id % 3 = 2")), table, "c");
    Path out = tmp.resolve("results.csv");
    SparkRunner.run(spark, SparkTests.options(SparkTests.criteria(), data.toString(), out, null));
    assertThat(Files.readAllBytes(out))
        .isEqualTo(RunnerTest.eligoRun(SparkTests.criteria(), SparkTests.sampleData(), null));
  }
}
