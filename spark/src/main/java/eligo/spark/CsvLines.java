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
 * first line that is not blank, {@link Tables.Lines#header}) and blank lines are skipped. A line
 * that opens a quoted field and does not close it (a record over two lines, as RFC 4180 allows)
 * cannot be read from lines split among tasks: the task stops with {@link SplitRecord}, and the
 * runner reads that file again whole ({@link CsvWhole}).
 */
final class CsvLines {
  private CsvLines() {}

  /**
   * A record of {@code path}, in the line at byte {@code offset}, runs over two lines: the file
   * must be read whole. Never shown to the user: the runner logs it and reads the file again.
   */
  static final class SplitRecord extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String path;
    final long offset;

    SplitRecord(String path, long offset) {
      super(
          path
              + ": the line at byte "
              + offset
              + " opens a quoted field it does not close (a quoted line break)",
          null,
          false,
          false);
      this.path = path;
      this.offset = offset;
    }

    /** The split record among {@code e}'s causes (a task's, wrapped by Spark), or null. */
    static SplitRecord in(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SplitRecord s) {
          return s;
        }
      }
      return null;
    }
  }

  /** The rows of {@code path}: {@code at[k]} is the place of required column k in the header. */
  static JavaRDD<Row> rows(JavaSparkContext sc, String path, long header, int width, int[] at) {
    return sc.hadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class)
        .mapPartitions(lines -> new Rows(path, header, lines, width, at));
  }

  /**
   * One pass over the lines of {@code path}, on the driver's behalf: the latest well-formed month
   * in column {@code column} (none looked for when it is -1), 0 when none.
   *
   * @throws SplitRecord (on the driver, no task failing) when a line opens a quoted field it does
   *     not close: the first such line
   */
  static int scan(JavaSparkContext sc, String path, long header, int column) {
    List<long[]> parts =
        sc.hadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class)
            .mapPartitions(
                lines -> {
                  long latest = 0;
                  long split = Long.MAX_VALUE;
                  while (lines.hasNext()) {
                    Tuple2<LongWritable, Text> t = lines.next();
                    long offset = t._1().get();
                    if (offset <= header || blank(t._2())) {
                      continue;
                    }
                    if (hasQuote(t._2().getBytes(), t._2().getLength()) && opens(t._2())) {
                      split = Math.min(split, offset);
                      continue;
                    }
                    if (column >= 0) {
                      String s = field(path, offset, t._2(), column);
                      int m = s == null ? eligo.data.Month.NONE : CellChecks.month(s);
                      if (m != eligo.data.Month.NONE && m > latest) {
                        latest = m;
                      }
                    }
                  }
                  return List.of(new long[] {latest, split}).iterator();
                })
            .collect();
    long latest = 0;
    long split = Long.MAX_VALUE;
    for (long[] p : parts) {
      latest = Math.max(latest, p[0]);
      split = Math.min(split, p[1]);
    }
    if (split != Long.MAX_VALUE) {
      throw new SplitRecord(path, split);
    }
    return (int) latest;
  }

  /**
   * Whether a line is blank: empty or only whitespace (as {@link String#isBlank} sees it in ASCII),
   * skipped as the loader skips it.
   */
  static boolean blank(Text line) {
    byte[] b = line.getBytes();
    for (int i = 0; i < line.getLength(); i++) {
      int c = b[i];
      if (!(c == ' ' || (c >= 9 && c <= 13) || (c >= 28 && c <= 31))) {
        return false;
      }
    }
    return true;
  }

  /** Whether a line opens a quoted field it does not close (an odd number of quotes). */
  private static boolean opens(Text line) {
    byte[] b = line.getBytes();
    int quotes = 0;
    for (int i = 0; i < line.getLength(); i++) {
      if (b[i] == '"') {
        quotes++;
      }
    }
    return quotes % 2 != 0;
  }

  /** Field {@code column} of a line (null when it has fewer fields or cannot be read). */
  private static String field(String path, long offset, Text line, int column) {
    byte[] b = line.getBytes();
    int n = line.getLength();
    if (hasQuote(b, n)) {
      String[] f = quoted(path, offset, line);
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

  /**
   * The fields of a line with quotes, or null when they cannot be read.
   *
   * @throws SplitRecord when a quoted field runs past the end of the line
   */
  private static String[] quoted(String path, long offset, Text line) {
    if (opens(line)) {
      throw new SplitRecord(path, offset);
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
    private final String path;
    private final long header;
    private final Iterator<Tuple2<LongWritable, Text>> lines;
    private final int width;
    private final int[] at;

    /** Required column k's place, or -1: which field goes where. */
    private final int[] slot;

    private Row next;

    Rows(
        String path, long header, Iterator<Tuple2<LongWritable, Text>> lines, int width, int[] at) {
      this.path = path;
      this.header = header;
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
        if (t._1().get() <= header || blank(t._2())) {
          continue;
        }
        next = row(t._1().get(), t._2());
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
    private Row row(long offset, Text line) {
      Object[] v = new Object[at.length + 2];
      byte[] b = line.getBytes();
      int n = line.getLength();
      if (hasQuote(b, n)) {
        String[] f = quoted(path, offset, line);
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
