package eligo.spark;

import eligo.check.Frontend;
import eligo.data.Month;
import eligo.engine.CriteriaFailure;
import eligo.engine.Eligo;
import eligo.engine.ResultsRows;
import eligo.io.CellChecks;
import eligo.io.OutputFile;
import eligo.ir.Ir;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code eligo-spark run}: the criteria compiled on the driver, the five tables read where they
 * are, every customer's rows brought together (by tenant, then by customer: two shuffles), the
 * generated evaluators run per batch of customers, the partner totals summed by a Spark
 * aggregation, and the canonical results file written from the sorted blocks streamed to the driver
 * one partition at a time (or a Parquet table of the same rows). Nothing holds the whole dataset in
 * one place.
 */
public final class SparkRunner {
  private SparkRunner() {}

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SparkRunner.class);

  /** What to run. {@code asOf} null: the latest month of usage; {@code partitions} 0: chosen. */
  public record Options(
      Path criteria,
      String data,
      String results,
      Integer asOf,
      boolean parquetResults,
      int partitions) {}

  /**
   * What ran: customers and partners written, which evaluators, and what {@code eligo run} would
   * warn of: the criteria's workload and family names that {@code workloads.csv} lacks ({@code
   * namesNotInData}) and why the as-of month looks like a slip ({@code asOfWarning}, or null).
   */
  public record Summary(
      long customers,
      long partners,
      int areas,
      String evaluators,
      int asOf,
      List<eligo.lang.Diagnostic> namesNotInData,
      String asOfWarning) {}

  /**
   * Runs the job on {@code spark}.
   *
   * @throws ResultsTarget.Refused when the results would replace an input or what is no results
   * @throws CriteriaFailure when the criteria cannot be read or have errors
   * @throws DataProblem when a file or row of the data cannot be used (from a task or here)
   * @throws eligo.engine.Evaluation.EvaluationException when an amount overflows
   */
  public static Summary run(SparkSession spark, Options o) throws CriteriaFailure, IOException {
    ResultsTarget.check(spark, o);
    Set<String> whole = new HashSet<>();
    while (true) {
      try {
        return run(spark, o, whole);
      } catch (Exception e) { // a task's failure may be a SparkException (checked)
        // a record over two lines in a file read as lines: that file is read again whole, once
        CsvLines.SplitRecord split = CsvLines.SplitRecord.in(e);
        if (split == null || DataProblem.in(e) != null) {
          throw e;
        }
        String name = new org.apache.hadoop.fs.Path(split.path).getName();
        if (!whole.add(name)) {
          throw new IllegalStateException(name + " was read whole and still split", e);
        }
        LOG.warn(
            "{}: the record at byte {} holds a quoted line break: the file is read again whole, by"
                + " one task, and the run starts over",
            name,
            split.offset);
      }
    }
  }

  /** One attempt; {@code whole}: the big CSV files to read whole (records over two lines). */
  private static Summary run(SparkSession spark, Options o, Set<String> whole)
      throws CriteriaFailure, IOException {
    Frontend.Compilation compiled = Eligo.compileCriteria(o.criteria());
    Eligo.requireNoAttributes(compiled, "the Spark runner");
    boolean prebuilt = Shipped.prebuiltMatches(compiled);
    String data = o.data();
    if (!isFolder(spark, data)) {
      throw new DataProblem("data folder '" + data + "' does not exist or is not a folder");
    }
    Tables.Table customers = Tables.open(spark, data, "customers", Tables.CUSTOMERS, true);
    Tables.Table tenants = Tables.open(spark, data, "tenants", Tables.TENANTS, true);
    Tables.Table workloads = Tables.open(spark, data, "workloads", Tables.WORKLOADS, true);
    Tables.Table associations =
        Tables.open(spark, data, "associations", Tables.ASSOCIATIONS, false);
    if (whole.contains("associations.csv")) {
      associations = associations.whole();
    }
    Tables.Table usage = Tables.open(spark, data, "usage", Tables.USAGE, false);
    if (whole.contains("usage.csv")) {
      usage = usage.whole();
    }

    // workloads.csv is small: read on the driver, in file order
    List<String> types = compiled.program().associationTypes();
    Map<String, Integer> typeIndex = new HashMap<>();
    for (int k = 0; k < types.size(); k++) {
      typeIndex.put(types.get(k), k);
    }
    String[] typeNames = types.toArray(new String[0]);
    RowParse workloadParse = new RowParse(workloads, Map.of(), typeIndex, typeNames);
    List<String> names = new ArrayList<>();
    List<String> families = new ArrayList<>();
    HashMap<String, Integer> workloadIndex = new HashMap<>();
    for (Row r : workloads.rows().collectAsList()) {
      String[] w = workloadParse.workload(r);
      if (workloadIndex.putIfAbsent(w[0], names.size()) != null) {
        throw new DataProblem(
            workloads.display(),
            "workload " + CellChecks.quote(w[0]) + " is used by two rows",
            CellChecks.csvRow(List.of(w[0], w[1])));
      }
      names.add(w[0]);
      families.add(w[1]);
    }
    // the criteria's workload and family names against them, as eligo run holds them: a likely
    // slip stops the run at its criteria line, a name far from every workload is a warning
    Map<String, String> familyOf = new java.util.LinkedHashMap<>();
    for (int k = 0; k < names.size(); k++) {
      familyOf.put(names.get(k), families.get(k));
    }
    List<eligo.lang.Diagnostic> namesNotInData = Eligo.bindToWorkloads(compiled, familyOf);

    // a quoted line break in associations.csv (or, scanned for its latest month, usage.csv) is
    // found here, before the main job: the retry starts from nothing, and no task is cut short
    Tables.Lines al = associations.lines();
    if (al != null && !al.whole()) {
      CsvLines.scan(
          JavaSparkContext.fromSparkContext(spark.sparkContext()), al.path(), al.header(), -1);
    }
    RowParse usageParse = new RowParse(usage, workloadIndex, typeIndex, typeNames);
    int asOf = o.asOf() != null ? o.asOf() : latestMonth(spark, usage);
    if (asOf == 0) {
      // no well-formed month: when there are rows, their problems, as eligo run lists them
      parsed(spark, usage, usageParse::usage).count();
      throw new DataProblem(
          usage.display() + " has no rows, so there is no latest month: give --as-of YYYY-MM");
    }
    Eligo.inForce(compiled.program(), asOf); // an area with versions has one in force at asOf
    int partitions = o.partitions() > 0 ? o.partitions() : partitions(spark, data);
    spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(partitions));
    Shipped shipped =
        new Shipped(
            compiled,
            prebuilt,
            names.toArray(new String[0]),
            families.toArray(new String[0]),
            asOf);
    Shipped.Runtime runtime = shipped.runtime();

    // by tenant: each tenant with its usage rows and associations
    RowParse tenantParse = new RowParse(tenants, workloadIndex, typeIndex, typeNames);
    RowParse assocParse = new RowParse(associations, workloadIndex, typeIndex, typeNames);
    UsageMonths months = new UsageMonths();
    spark.sparkContext().register(months, "usage months");
    Dataset<Row> byTenant =
        tenants
            .rows()
            .mapPartitions(
                new BadRows.Checked(tenantParse::tenant), Encoders.row(Schemas.BY_TENANT))
            .union(parsed(spark, associations, assocParse::association))
            .union(
                parsed(
                    spark,
                    usage,
                    r -> {
                      Row u = usageParse.usage(r);
                      months.add(u.getInt(RowParse.USAGE_MONTH));
                      return u;
                    }))
            .repartition(partitions, functions.col("tenant_id"))
            .sortWithinPartitions("tenant_id", "kind")
            .mapPartitions(
                new TenantRows(shipped, tenants.display(), associations.display(), usage.display()),
                Encoders.row(Schemas.BY_CUSTOMER));

    // by customer: each customer with its tenants, evaluated in batches
    RowParse customerParse = new RowParse(customers, workloadIndex, typeIndex, typeNames);
    Dataset<Row> evaluated =
        customers
            .rows()
            .mapPartitions(
                new BadRows.Checked(customerParse::customer), Encoders.row(Schemas.BY_CUSTOMER))
            .union(byTenant)
            .repartition(partitions, functions.col("customer_id"))
            .sortWithinPartitions("customer_id", "kind", "tenant_id")
            .mapPartitions(
                new CustomerBatch(shipped, customers.display(), tenants.display()),
                Encoders.row(Schemas.evaluated(runtime.totalRules)))
            .persist(StorageLevel.DISK_ONLY());
    try {
      Dataset<Row> blocks =
          evaluated.select(
              functions.col("partner_id"),
              functions.col("customer_id"),
              functions.col("results").as("payload"));
      if (runtime.totalRules > 0) {
        List<Column> sums = new ArrayList<>();
        for (int j = 0; j < runtime.totalRules; j++) {
          sums.add(functions.sum(functions.col("c" + j).cast(DataTypes.createDecimalType(38, 0))));
        }
        Dataset<Row> partners =
            evaluated
                .groupBy("partner_id")
                .agg(sums.get(0), sums.subList(1, sums.size()).toArray(new Column[0]))
                .mapPartitions(new ResultBlocks.Partners(shipped), Encoders.row(Schemas.BLOCK));
        blocks = blocks.union(partners);
      }
      Dataset<Row> sorted =
          blocks
              .orderBy("partner_id", "customer_id")
              .mapPartitions(new ResultBlocks.Format(shipped), Encoders.row(Schemas.BLOCK));
      long[] counts =
          o.parquetResults()
              ? ResultBlocks.writeParquet(sorted, o.results())
              : writeCsv(sorted, Path.of(o.results()));
      return new Summary(
          counts[0],
          counts[1],
          runtime.areas.size(),
          prebuilt ? "generated engine, prebuilt" : "generated engine, compiled on the driver",
          asOf,
          namesNotInData,
          asOfWarning(o.asOf(), asOf, months.value(), compiled.program()));
    } finally {
      evaluated.unpersist();
    }
  }

  /**
   * {@link Eligo#asOfWarning}, from the months of usage the run met ({@link UsageMonths}), and
   * whether {@code program} reads months before them ({@link Eligo#lookBackWarning}).
   */
  static String asOfWarning(
      Integer given, int asOf, eligo.data.UsageMonths months, Ir.Program program) {
    return Eligo.asOfWarning(
        given,
        asOf,
        months.earliest(),
        months.afterEarliest(),
        months.beforeLatest(),
        months.latest(),
        program);
  }

  /** Streams the sorted blocks to the driver one partition at a time into the results file. */
  private static long[] writeCsv(Dataset<Row> sorted, Path target) throws IOException {
    long[] counts = new long[2];
    OutputFile.write(
        target,
        os -> {
          os.write(ResultsRows.HEADER);
          Iterator<Row> it = sorted.toLocalIterator();
          while (it.hasNext()) {
            Row r = it.next();
            counts[r.getString(1).isEmpty() ? 1 : 0]++;
            os.write((byte[]) r.get(2));
          }
        });
    return counts;
  }

  /**
   * The rows of a table as {@link Schemas#BY_TENANT} rows: a table read as lines is parsed from its
   * lines straight into them, one read by Spark through its rows.
   */
  private static Dataset<Row> parsed(
      SparkSession spark,
      Tables.Table table,
      org.apache.spark.api.java.function.Function<Row, Row> f) {
    JavaRDD<Row> rows;
    if (table.lines() != null) {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Tables.Lines l = table.lines();
      rows =
          l.whole()
              ? CsvWhole.rows(sc, l.path(), l.width(), l.at())
              : CsvLines.rows(sc, l.path(), l.header(), l.width(), l.at());
    } else {
      rows = table.rows().javaRDD();
    }
    return spark.createDataFrame(rows.mapPartitions(new Chunks(f)), Schemas.BY_TENANT);
  }

  /** Whether {@code data} names a folder (not a file, not nothing, not an empty string). */
  private static boolean isFolder(SparkSession spark, String data) throws IOException {
    if (data.isEmpty()) {
      return false;
    }
    org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(data);
    try {
      return Tables.fileSystem(spark, dir).getFileStatus(dir).isDirectory();
    } catch (java.io.FileNotFoundException e) {
      return false;
    }
  }

  /** The latest well-formed month of usage (one pass over its month column), 0 when none is. */
  private static int latestMonth(SparkSession spark, Tables.Table usage) {
    Tables.Lines l = usage.lines();
    if (l != null) {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      int m =
          l.whole()
              ? CsvWhole.rows(sc, l.path(), l.width(), l.at())
                  .map(r -> r.isNullAt(2) ? 0 : Math.max(0, CellChecks.month(r.getString(2))))
                  .fold(0, Math::max)
              : CsvLines.scan(sc, l.path(), l.header(), l.at()[2]);
      return m;
    }
    Column month = functions.col("month").cast(DataTypes.StringType);
    Row max =
        usage
            .rows()
            .agg(functions.max(functions.when(month.rlike("^[0-9]{4}-(0[1-9]|1[0-2])$"), month)))
            .first();
    return max.isNullAt(0) ? 0 : Month.parse(max.getString(0));
  }

  /** Shuffle partitions: about 128 MB of input each, at least two per core. */
  private static int partitions(SparkSession spark, String data) {
    long bytes = 0;
    try {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(data);
      ContentSummary s = Tables.fileSystem(spark, dir).getContentSummary(dir);
      bytes = s.getLength();
    } catch (IOException e) {
      // the tables' own reads report what is wrong
    }
    int cores = spark.sparkContext().defaultParallelism();
    return (int) Math.max(2L * cores, Math.min(100_000, bytes / (128L << 20) + 1));
  }
}
