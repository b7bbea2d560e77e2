package eligo.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eligo.io.CellChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * The two big CSV files (usage.csv, associations.csv) read as lines, split among tasks by Hadoop's
 * text input, each line cut into fields here rather than by Spark's CSV reader: a line without a
 * quote is split at its commas (only the required fields become strings); a line with quotes is
 * read by FastCSV. The rows are those {@link Tables} gives (the required columns, no file, and the
 * raw line when the field count differs from the header's), for {@link RowParse}. The header (the
 * line at offset 0) and blank lines are skipped. A record over two lines (a quoted line break) is
 * refused: these files are split by lines.
 */
final class CsvLines {
  private CsvLines() {}

  /** The rows of {@code path}: {@code at[k]} is the place of required column k in the header. */
  static JavaRDD<Row> rows(JavaSparkContext sc, String path, int width, int[] at) {
    return sc.hadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class)
        .mapPartitions(lines -> new Rows(lines, width, at));
  }

  /** The latest well-formed month in column {@code column} of {@code path}, or 0 when none. */
  static int latestMonth(JavaSparkContext sc, String path, int column) {
    List<Integer> max =
        sc.hadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class)
            .mapPartitions(
                lines -> {
                  int latest = 0;
                  while (lines.hasNext()) {
                    Tuple2<LongWritable, Text> t = lines.next();
                    if (t._1().get() == 0 || t._2().getLength() == 0) {
                      continue;
                    }
                    String s = field(t._2(), column);
                    int m = s == null ? eligo.data.Month.NONE : CellChecks.month(s);
                    if (m != eligo.data.Month.NONE && m > latest) {
                      latest = m;
                    }
                  }
                  return List.of(latest).iterator();
                })
            .collect();
    return max.stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** Field {@code column} of a line (null when it has fewer fields or cannot be read). */
  private static String field(Text line, int column) {
    byte[] b = line.getBytes();
    int n = line.getLength();
    if (hasQuote(b, n)) {
      String[] f = quoted(line);
      return f == null || f.length <= column ? null : f[column];
    }
    int start = 0;
    int k = 0;
    for (int i = 0; i <= n; i++) {
      if (i == n || b[i] == ',') {
        if (k == column) {
          return new String(b, start, i - start, StandardCharsets.UTF_8);
        }
        k++;
        start = i + 1;
      }
    }
    return null;
  }

  private static boolean hasQuote(byte[] b, int n) {
    for (int i = 0; i < n; i++) {
      if (b[i] == '"') {
        return true;
      }
    }
    return false;
  }

  /** The fields of a line with quotes, or null when a quoted field runs past its end. */
  private static String[] quoted(Text line) {
    byte[] b = line.getBytes();
    int quotes = 0;
    for (int i = 0; i < line.getLength(); i++) {
      if (b[i] == '"') {
        quotes++;
      }
    }
    if (quotes % 2 != 0) {
      return null;
    }
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(line.toString())) {
      for (CsvRecord r : reader) {
        return r.getFields().toArray(new String[0]);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return new String[] {""};
  }

  /** A partition's lines as rows. */
  private static final class Rows implements Iterator<Row> {
    private final Iterator<Tuple2<LongWritable, Text>> lines;
    private final int width;
    private final int[] at;

    /** Required column k's place, or -1: which field goes where. */
    private final int[] slot;

    private Row next;

    Rows(Iterator<Tuple2<LongWritable, Text>> lines, int width, int[] at) {
      this.lines = lines;
      this.width = width;
      this.at = at;
      this.slot = new int[width];
      java.util.Arrays.fill(slot, -1);
      for (int k = 0; k < at.length; k++) {
        slot[at[k]] = k;
      }
    }

    @Override
    public boolean hasNext() {
      while (next == null && lines.hasNext()) {
        Tuple2<LongWritable, Text> t = lines.next();
        if (t._1().get() == 0 || t._2().getLength() == 0) {
          continue;
        }
        next = row(t._2());
      }
      return next != null;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }

    /** The required columns, then the file (null: the table's name) and the raw line if bad. */
    private Row row(Text line) {
      Object[] v = new Object[at.length + 2];
      byte[] b = line.getBytes();
      int n = line.getLength();
      if (hasQuote(b, n)) {
        String[] f = quoted(line);
        if (f == null || f.length != width) {
          v[at.length + 1] = line.toString();
          return RowFactory.create(v);
        }
        for (int k = 0; k < at.length; k++) {
          v[k] = f[at[k]];
        }
        return RowFactory.create(v);
      }
      int start = 0;
      int k = 0;
      for (int i = 0; i <= n; i++) {
        if (i == n || b[i] == ',') {
          if (k >= width) {
            v[at.length + 1] = line.toString();
            return RowFactory.create(v);
          }
          if (slot[k] >= 0) {
            v[slot[k]] = new String(b, start, i - start, StandardCharsets.UTF_8);
          }
          k++;
          start = i + 1;
        }
      }
      if (k != width) {
        v[at.length + 1] = line.toString();
      }
      return RowFactory.create(v);
    }
  }
}
