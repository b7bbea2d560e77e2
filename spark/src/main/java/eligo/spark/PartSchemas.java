package eligo.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * The schema of every part file of a Parquet table, checked before its rows are read. Spark takes a
 * folder's schema from one part and reads a column another part lacks as nulls, which a measure
 * takes as 0: so every part must have every required column, of a type DATA.md allows: ids, names,
 * families, association types and months text; money DECIMAL of scale at most 2, or text in the CSV
 * form; counts 32- or 64-bit integers. A part that lacks one, holds one of another type (DOUBLE or
 * DECIMAL(18,3) money, counts as text, a DATE month) or is no Parquet file is refused, named,
 * before any task reads a row. The table is then read with one schema that every part can be read
 * as.
 */
final class PartSchemas {
  private PartSchemas() {}

  /** More part files than this have their footers read by a Spark job, not by the driver. */
  private static final int ON_THE_DRIVER = 16;

  private static final Set<String> MONEY = Set.of("acr_usd", "revenue_usd");
  private static final Set<String> COUNTS = Set.of("paid_units", "active_users", "protected_users");

  /**
   * The schema to read table {@code display}'s part files {@code files} with: its required {@code
   * columns}, each of a type every part can be read as.
   *
   * @throws DataProblem naming each part file that lacks a column, has one of a type not allowed,
   *     or cannot be read as Parquet (up to {@link BadRows#LIMIT})
   */
  static StructType check(SparkSession spark, String display, String[] files, String[] columns) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String[]> described;
    if (files.length <= ON_THE_DRIVER) {
      described = new ArrayList<>();
      for (String f : files) {
        described.add(describe(conf, f, columns));
      }
    } else {
      JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      Broadcast<SerializableConfiguration> c = sc.broadcast(new SerializableConfiguration(conf));
      String[] cols = columns;
      described =
          sc.parallelize(Arrays.asList(files), Math.min(files.length, 1000))
              .map(f -> describe(c.value().value(), f, cols))
              .collect();
    }
    BadRows problems = new BadRows();
    String[][] types = new String[columns.length][];
    for (int k = 0; k < columns.length; k++) {
      types[k] = new String[files.length];
    }
    for (int i = 0; i < files.length; i++) {
      String[] d = described.get(i);
      String part = part(display, files[i]);
      if (d.length == 1) {
        problems.add(new DataProblem(part, "cannot be read as Parquet: " + d[0], null));
        continue;
      }
      List<String> wrong = new ArrayList<>();
      for (int k = 0; k < columns.length; k++) {
        String type = d[k];
        types[k][i] = type;
        if (type == null) {
          wrong.add(
              "missing column " + quote(columns[k]) + " (the file has: " + d[columns.length] + ")");
        } else if (!allowed(columns[k], type)) {
          wrong.add("column " + quote(columns[k]) + " is " + type + ": " + wants(columns[k]));
        }
      }
      if (!wrong.isEmpty()) {
        problems.add(new DataProblem(part, String.join("; ", wrong), null));
      }
    }
    if (!problems.any()) {
      // one type per column that every part can be read as
      List<StructField> fields = new ArrayList<>();
      for (int k = 0; k < columns.length; k++) {
        DataType t = common(display, columns[k], files, types[k], problems);
        fields.add(DataTypes.createStructField(columns[k], t, true));
      }
      problems.check();
      return DataTypes.createStructType(fields);
    }
    problems.check();
    throw new IllegalStateException("unreachable");
  }

  /** How a message names a part file: the table, then the part's name in a folder of parts. */
  static String part(String display, String file) {
    String name = file.substring(file.lastIndexOf('/') + 1);
    return name.equals(display) ? display : display + "/" + name;
  }

  private static String quote(String s) {
    return eligo.io.CellChecks.quote(s);
  }

  /**
   * A part file's required columns: each one's type in words (null when missing), then every
   * column's name; or only why the file cannot be read.
   */
  static String[] describe(Configuration conf, String file, String[] columns) {
    MessageType schema;
    try (ParquetFileReader r =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
      schema = r.getFooter().getFileMetaData().getSchema();
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      String bare = new Path(file).toUri().getPath();
      return new String[] {why.replace(file, "this file").replace(bare, "this file").strip()};
    }
    String[] d = new String[columns.length + 1];
    for (int k = 0; k < columns.length; k++) {
      d[k] = schema.containsField(columns[k]) ? type(schema.getType(columns[k])) : null;
    }
    List<String> names = new ArrayList<>();
    for (Type t : schema.getFields()) {
      names.add(t.getName());
    }
    d[columns.length] = String.join(", ", names);
    return d;
  }

  /** A Parquet column's type in words: string, int32, int64, decimal(P,S), double, date, ... */
  static String type(Type t) {
    if (!t.isPrimitive()) {
      return "a group (struct, list or map)";
    }
    if (t.isRepetition(Type.Repetition.REPEATED)) {
      return "a repeated field";
    }
    PrimitiveType p = t.asPrimitiveType();
    LogicalTypeAnnotation a = p.getLogicalTypeAnnotation();
    if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
      return "decimal(" + d.getPrecision() + "," + d.getScale() + ")";
    }
    switch (p.getPrimitiveTypeName()) {
      case BINARY:
      case FIXED_LEN_BYTE_ARRAY:
        if (a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation
            || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation) {
          return "string";
        }
        return a == null ? "binary" : "binary (" + a + ")";
      case INT32:
        if (a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation) {
          return "int32";
        }
        return a.toString().toLowerCase(java.util.Locale.ROOT);
      case INT64:
        if (a == null
            || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && i.isSigned()) {
          return "int64";
        }
        return a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
            ? "unsigned int64"
            : a.toString().toLowerCase(java.util.Locale.ROOT);
      case INT96:
        return "int96 (timestamp)";
      default:
        return p.getPrimitiveTypeName().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether DATA.md allows a column of this name to be of this type (in {@link #type}'s words). */
  private static boolean allowed(String column, String type) {
    if (MONEY.contains(column)) {
      return type.equals("string") || type.startsWith("decimal(") && scale(type) <= 2;
    }
    if (COUNTS.contains(column)) {
      return type.equals("int32") || type.equals("int64");
    }
    return type.equals("string");
  }

  /** The scale of a type {@link #type} words as {@code decimal(P,S)}. */
  private static int scale(String decimal) {
    return Integer.parseInt(decimal.substring(decimal.indexOf(',') + 1, decimal.length() - 1));
  }

  private static String wants(String column) {
    if (MONEY.contains(column)) {
      return "money is DECIMAL with at most 2 decimal places, or text in the CSV form (a binary"
          + " floating point number is not exact, nor is a third decimal place a cent)";
    }
    if (COUNTS.contains(column)) {
      return "counts are 32- or 64-bit integers";
    }
    if (column.endsWith("month")) {
      return "months are text (YYYY-MM)";
    }
    return "ids, names, workloads, families and association types are text";
  }

  /** The one type column {@code column} is read as, when its parts' types allow one. */
  private static DataType common(
      String display, String column, String[] files, String[] types, BadRows problems) {
    String first = types[0];
    int precision = 0;
    int scale = 0;
    boolean decimal = false;
    boolean wide = false;
    for (int i = 0; i < types.length; i++) {
      String t = types[i];
      if (t.startsWith("decimal(")) {
        String[] ps = t.substring(8, t.length() - 1).split(",");
        int p = Integer.parseInt(ps[0]);
        int s = Integer.parseInt(ps[1]);
        precision = Math.max(precision, p - s);
        scale = Math.max(scale, s);
        decimal = true;
      }
      wide |= t.equals("int64");
      boolean sameKind =
          t.equals("string") == first.equals("string")
              && t.startsWith("decimal(") == first.startsWith("decimal(");
      if (!sameKind) {
        problems.add(
            new DataProblem(
                display,
                "column "
                    + quote(column)
                    + " is "
                    + first
                    + " in "
                    + part(display, files[0])
                    + " and "
                    + t
                    + " in "
                    + part(display, files[i])
                    + ": give it one type in every part file",
                null));
        return DataTypes.StringType;
      }
    }
    if (first.equals("string")) {
      return DataTypes.StringType;
    }
    if (decimal) {
      return DataTypes.createDecimalType(Math.min(38, precision + scale), scale);
    }
    return wide ? DataTypes.LongType : DataTypes.IntegerType;
  }
}
