package eligo.spark;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eligo.io.CellChecks;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One of the three small CSV files, or a big one (usage.csv, associations.csv) in which {@link
 * CsvLines} found a record over two lines (a quoted line break): read whole, by one task, with
 * FastCSV set as {@code eligo run} sets it (a leading byte-order mark skipped, LF or CRLF, blank
 * lines skipped, line breaks inside quotes kept as written, lines of spaces skipped). The rows are
 * those {@link CsvLines} gives: the required columns, no file, and the record written back as CSV
 * when its field count differs from the header's. A quote never closed (the record runs to the end
 * of the file, as FastCSV reads it) is such a record too, with its opening quote, for {@link
 * RowParse}'s words.
 */
final class CsvWhole {
  private CsvWhole() {}

  /** The rows of {@code path}: {@code at[k]} is the place of required column k in the header. */
  static JavaRDD<Row> rows(JavaSparkContext sc, String path, int width, int[] at) {
    String display = new org.apache.hadoop.fs.Path(path).getName();
    return sc.binaryFiles(path, 1).flatMap(f -> new Rows(display, f._2(), width, at));
  }

  /** The records of one file, after its header, as rows. */
  private static final class Rows implements Iterator<Row> {
    private final String display;
    private final int width;
    private final int[] at;
    private final Quotes in;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private Row next;

    Rows(String display, PortableDataStream file, int width, int[] at) throws IOException {
      this.display = display;
      this.width = width;
      this.at = at;
      this.in = new Quotes(skipBom(file.open()));
      this.reader =
          CsvReader.builder()
              .allowExtraFields(true)
              .allowMissingFields(true)
              .skipEmptyLines(true)
              .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8));
      this.records = reader.iterator();
      boolean header = false;
      while (!header && records.hasNext()) {
        header = !blank(records.next());
      }
    }

    @Override
    public boolean hasNext() {
      try {
        while (next == null && records.hasNext()) {
          CsvRecord r = records.next();
          if (!blank(r)) {
            next = row(r.getFields(), !records.hasNext() && in.odd());
          }
        }
      } catch (CsvParseException | UncheckedIOException e) {
        close();
        throw new DataProblem(
            display + ": the file cannot be read as CSV (" + e.getMessage() + ")");
      }
      if (next == null) {
        close();
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

    /**
     * The required columns, then the file (null: the table's name) and the record as CSV if bad;
     * {@code unclosed}: the last field opened a quote the file never closes.
     */
    private Row row(List<String> f, boolean unclosed) {
      Object[] v = new Object[at.length + 2];
      if (unclosed) {
        String last = f.get(f.size() - 1);
        String before = CellChecks.csvRow(f.subList(0, f.size() - 1));
        v[at.length + 1] = (f.size() > 1 ? before + "," : "") + "\"" + last.replace("\"", "\"\"");
      } else if (f.size() != width) {
        v[at.length + 1] = CellChecks.csvRow(f);
      } else {
        for (int k = 0; k < at.length; k++) {
          v[k] = f.get(at[k]);
        }
      }
      return RowFactory.create(v);
    }

    private void close() {
      try {
        reader.close();
      } catch (IOException e) {
        // read to its end or failing already: nothing more to report
      }
    }
  }

  /** A record holding one blank field: a line of spaces, skipped as the loader skips it. */
  private static boolean blank(CsvRecord r) {
    return r.getFieldCount() == 1 && r.getField(0).isBlank();
  }

  private static InputStream skipBom(InputStream raw) throws IOException {
    InputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
    in.mark(3);
    byte[] head = in.readNBytes(3);
    if (!(head.length == 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF)) {
      in.reset();
    }
    return in;
  }

  /** Counts the quotes read: an odd count at the end means a quote never closed. */
  private static final class Quotes extends FilterInputStream {
    private long quotes;

    Quotes(InputStream in) {
      super(in);
    }

    boolean odd() {
      return (quotes & 1) == 1;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b == '"') {
        quotes++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = off; i < off + n; i++) {
        if (b[i] == '"') {
          quotes++;
        }
      }
      return n;
    }
  }
}
