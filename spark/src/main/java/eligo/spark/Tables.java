package eligo.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eligo.io.DatasetLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Finds and opens the five tables of a dataset folder (a local path or any URI Spark reads): {@code
 * NAME.parquet} (a file or a folder of part files) when present, else {@code NAME.csv}; both is an
 * error. A table's rows hold exactly the required columns, found by name (extra columns are left
 * out), then the file each row came from and, for CSV, the raw text of a row with the wrong number
 * of fields.
 *
 * <p>CSV is read with an explicit schema of text columns (nothing inferred): the header is read
 * here to place the columns; the three small files are then read whole, each by one task, by {@link
 * CsvWhole} (records over two lines allowed); usage.csv and associations.csv as lines cut into
 * fields by {@link CsvLines} (their lines are split among tasks), or, when {@link CsvLines} found a
 * record over two lines in one, that file whole, by one task ({@link CsvWhole}). {@link RowParse}
 * checks every value with the loader's checks.
 */
final class Tables {
  private Tables() {}

  static final String[] CUSTOMERS = {"partner_id", "customer_id", "customer_name"};
  static final String[] TENANTS = {"customer_id", "tenant_id", "tenant_name"};
  static final String[] WORKLOADS = {"workload", "family"};
  static final String[] ASSOCIATIONS = {
    "tenant_id", "workload", "association_type", "start_month", "end_month"
  };
  static final String[] USAGE = {
    "tenant_id",
    "workload",
    "month",
    "acr_usd",
    "revenue_usd",
    "paid_units",
    "active_users",
    "protected_users"
  };

  /** The column of a row's source file, after the required columns. */
  static final String FILE = "_eligo_file";

  /** The column of a CSV row's raw text when it has the wrong number of fields. */
  static final String CORRUPT = "_eligo_corrupt";

  /**
   * One table: its name as messages show it ({@code usage.csv}, {@code usage.parquet}), and its
   * rows: the required columns in the order given, then {@link #FILE} and {@link #CORRUPT} (null
   * for Parquet).
   */
  record Table(String display, boolean parquet, String[] columns, Dataset<Row> rows, Lines lines) {
    /** This table read whole, by one task ({@link CsvWhole}), when it is read as lines. */
    Table whole() {
      return lines == null
          ? this
          : new Table(
              display,
              parquet,
              columns,
              rows,
              new Lines(lines.path, lines.width, lines.at, lines.header, true));
    }
  }

  /**
   * A big CSV table read as lines ({@link CsvLines}, or {@link CsvWhole} when {@code whole}): its
   * path, the header's number of fields, the place of each required column in it and the byte
   * offset of the header's line (blank lines may come before).
   */
  record Lines(String path, int width, int[] at, long header, boolean whole)
      implements java.io.Serializable {}

  /**
   * Opens table {@code name} ({@code usage}) of {@code data}: as CSV, read whole by one task
   * ({@link CsvWhole}) when {@code multiLine} (records over two lines allowed), else as lines
   * ({@link Table#lines}).
   *
   * @throws DataProblem when neither file exists, or a CSV header lacks a column
   */
  static Table open(
      SparkSession spark, String data, String name, String[] columns, boolean multiLine) {
    Path dir = new Path(data);
    FileSystem fs = fileSystem(spark, dir);
    Path parquet = new Path(dir, name + ".parquet");
    Path csv = new Path(dir, name + ".csv");
    try {
      if (fs.exists(parquet)) {
        if (fs.exists(csv)) {
          // eligo run would read the CSV file: the two runners would not read the same data
          throw new DataProblem(
              name
                  + ".parquet: "
                  + csv
                  + " is there too, which eligo run reads: keep one of the two (the folder's"
                  + " results would depend on the runner)");
        }
        return parquet(spark, parquet.toString(), name + ".parquet", columns);
      }
      if (!fs.exists(csv)) {
        throw new DataProblem(
            name + ".csv: file is missing (looked for " + csv + " and " + parquet + ")");
      }
      Header header = header(fs, csv, name + ".csv");
      return csv(spark, csv.toString(), name + ".csv", columns, header, multiLine);
    } catch (IOException e) {
      throw new DataProblem(name + ".csv: cannot be read: " + e.getMessage());
    }
  }

  static FileSystem fileSystem(SparkSession spark, Path path) {
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new DataProblem("data folder '" + path + "' cannot be opened: " + e.getMessage());
    }
  }

  /** A CSV file's header: its names, and the byte offset of its line (after any blank lines). */
  record Header(List<String> names, long offset) {}

  /**
   * The header of a CSV file: its first record that is not a blank line (a byte-order mark
   * skipped), as the loader finds it.
   */
  private static Header header(FileSystem fs, Path file, String display) throws IOException {
    try (InputStream in = new java.io.BufferedInputStream(fs.open(file))) {
      long offset = 0;
      long at = 0;
      boolean first = true;
      while (true) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        boolean quoted = false;
        boolean ended = false;
        while ((b = in.read()) >= 0) {
          at++;
          if (b == '\n' && !quoted) {
            ended = true;
            break;
          }
          if (b == '"') {
            quoted = !quoted;
          }
          line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int from =
            first
                    && bytes.length >= 3
                    && (bytes[0] & 0xff) == 0xEF
                    && (bytes[1] & 0xff) == 0xBB
                    && (bytes[2] & 0xff) == 0xBF
                ? 3
                : 0;
        first = false;
        String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
          text = text.substring(0, text.length() - 1);
        }
        if (!text.isBlank()) {
          try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
            for (CsvRecord r : reader) {
              return new Header(r.getFields(), offset);
            }
          }
        }
        if (!ended) {
          throw new DataProblem(display + ": file is empty: the header line is missing");
        }
        offset = at;
      }
    }
  }

  private static Table csv(
      SparkSession spark,
      String path,
      String display,
      String[] columns,
      Header header,
      boolean multiLine) {
    int[] at = columnsOf(display, header.names(), columns);
    if (!multiLine) {
      return new Table(
          display,
          false,
          columns,
          null,
          new Lines(path, header.names().size(), at, header.offset(), false));
    }
    // read whole, by one task, with FastCSV set as eligo run sets it (CsvWhole): byte-order mark,
    // LF or CRLF, blank lines and lines of spaces skipped, quoted line breaks kept
    List<StructField> fields = new ArrayList<>();
    for (String c : columns) {
      fields.add(DataTypes.createStructField(c, DataTypes.StringType, true));
    }
    fields.add(DataTypes.createStructField(FILE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(CORRUPT, DataTypes.StringType, true));
    org.apache.spark.api.java.JavaSparkContext sc =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
    Dataset<Row> rows =
        spark.createDataFrame(
            CsvWhole.rows(sc, path, header.names().size(), at), DataTypes.createStructType(fields));
    return new Table(display, false, columns, rows, null);
  }

  private static Table parquet(SparkSession spark, String path, String display, String[] columns) {
    String[] files;
    try {
      files = spark.read().parquet(path).inputFiles();
    } catch (Exception e) { // AnalysisException, checked in Java's eyes
      if (String.valueOf(e.getMessage()).contains("UNABLE_TO_INFER_SCHEMA")) {
        files = new String[0];
      } else {
        throw new DataProblem(display + ": cannot be read: " + e.getMessage());
      }
    }
    if (files.length == 0) {
      throw new DataProblem(
          display
              + ": the folder holds no Parquet part files (a table of no rows has one all the"
              + " same)");
    }
    java.util.Arrays.sort(files); // problems listed in the parts' order
    // every part's schema checked, then the table read with one schema every part can be read as
    StructType schema = PartSchemas.check(spark, display, files, columns);
    Dataset<Row> raw = spark.read().schema(schema).parquet(path);
    List<Column> select = new ArrayList<>();
    for (String c : columns) {
      select.add(functions.col("`" + c + "`"));
    }
    select.add(functions.col("_metadata.file_path").as(FILE));
    select.add(functions.lit(null).cast(DataTypes.StringType).as(CORRUPT));
    return new Table(display, true, columns, raw.select(select.toArray(new Column[0])), null);
  }

  /** The place of each required column in {@code names}, in the loader's words when missing. */
  private static int[] columnsOf(String display, List<String> names, String[] columns) {
    int[] at = new int[columns.length];
    List<String> problems = new ArrayList<>();
    for (int k = 0; k < columns.length; k++) {
      at[k] = names.indexOf(columns[k]);
      if (at[k] < 0) {
        problems.add(
            "missing column '"
                + columns[k]
                + "' (the header has: "
                + String.join(", ", names)
                + ")");
      } else if (names.lastIndexOf(columns[k]) != at[k]) {
        problems.add("column '" + columns[k] + "' appears twice in the header");
      }
    }
    if (!problems.isEmpty()) {
      throw new DataProblem(display + ": " + String.join("; ", problems));
    }
    return at;
  }

  /** The file names the loader uses, for messages that point at another table. */
  static String csvName(String table) {
    return switch (table) {
      case "customers" -> DatasetLoader.CUSTOMERS;
      case "tenants" -> DatasetLoader.TENANTS;
      case "workloads" -> DatasetLoader.WORKLOADS;
      case "associations" -> DatasetLoader.ASSOCIATIONS;
      default -> DatasetLoader.USAGE;
    };
  }
}
