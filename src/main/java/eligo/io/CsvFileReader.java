package eligo.io;

import static eligo.io.DatasetLoader.FILES;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The general reader of a dataset file, for files that are not plain (see {@link PlainCsv}): CSV by
 * FastCSV, UTF-8 checked, the header's columns found by name, and every data record passed to a
 * {@link RowHandler}. File-level problems (a missing file or column, broken quoting, text that is
 * not UTF-8) go to the {@link LoadLog} in their own words. Package-private: a loading aid.
 */
final class CsvFileReader {
  private static final Pattern PARSE_LINE = Pattern.compile("line (\\d+)");

  private final DataSource source;
  private final LoadLog log;
  private final Rereads rereads;

  CsvFileReader(DataSource source, LoadLog log) {
    this.source = source;
    this.log = log;
    this.rereads = new Rereads(source);
  }

  /** Takes each data record of a file. */
  interface RowHandler {
    void row(Row row);
  }

  /**
   * Told a file's header: which of its extra columns (beyond the required ones) to read. Given
   * every extra column's name, it returns the fields to read, or an empty array.
   */
  interface ExtraColumns {
    int[] fieldsToRead(List<String> names, int[] fields);
  }

  /** The current record of a file, with its required columns found by name. */
  static final class Row {
    final int file;
    final int[] cols;
    final int width;

    /** The fields of the extra columns asked for ({@link ExtraColumns}); empty when none. */
    int[] extra = new int[0];

    CsvFields rec;
    long line;

    /** The header's names, to say so when a row repeats them. */
    String[] header = new String[0];

    Row(int file, int[] cols, int width) {
      this.file = file;
      this.cols = cols;
      this.width = width;
    }

    /** The cell of required column {@code k}; empty when the row is too short. */
    String get(int k) {
      int i = cols[k];
      return i < rec.count() ? rec.get(i) : "";
    }

    /** The cell of extra column {@code k} asked for; empty when the row is too short. */
    String extra(int k) {
      int i = extra[k];
      return i < rec.count() ? rec.get(i) : "";
    }

    boolean widthOk() {
      return rec.count() == width;
    }

    /**
     * What is wrong with a row found bad, said as a whole when it is one of two mistakes of an
     * export: the header again (files joined), or nothing but separators (cleared cells); null
     * otherwise. Asked only of a row already found bad.
     */
    String wholeProblem() {
      if (repeatsHeader()) {
        return REPEATS_HEADER;
      }
      for (int i = 0; i < rec.count(); i++) {
        if (!rec.get(i).isEmpty()) {
          return null;
        }
      }
      return "the row is empty, only separators (cells cleared in a spreadsheet?): delete the line";
    }

    static final String REPEATS_HEADER = "the line repeats the header (were two files joined?)";

    /**
     * Whether the row is the header again, as where two exports were joined: in customers.csv or
     * workloads.csv its cells would pass for ids, a customer 'customer_id' of a partner
     * 'partner_id'. Most rows differ at the first cell.
     */
    boolean repeatsHeader() {
      int n = rec.count();
      if (n != header.length || n == 0 || !rec.get(0).equals(header[0])) {
        return false;
      }
      for (int i = 1; i < n; i++) {
        if (!rec.get(i).equals(header[i])) {
          return false;
        }
      }
      return true;
    }

    String widthProblem() {
      String s =
          "the row has "
              + rec.count()
              + (rec.count() == 1 ? " field" : " fields")
              + ", the header has "
              + width;
      if (rec.count() == 1) {
        s += ": " + Cells.quote(rec.get(0));
      }
      int extraLines = 0;
      char[] chars = rec.chars();
      for (int i = 0; i < rec.count(); i++) {
        int end = rec.end(i);
        for (int j = rec.start(i); j < end; j++) {
          char ch = chars[j];
          if (ch == '\n' || (ch == '\r' && (j + 1 == end || chars[j + 1] != '\n'))) {
            extraLines++;
          }
        }
      }
      if (extraLines > 0) {
        s +=
            " (the record runs over lines "
                + line
                + "-"
                + (line + extraLines)
                + ": is a quote not closed?)";
      }
      return s;
    }
  }

  /**
   * Reads one file, passing each data record to {@code handler}. Returns false (and marks the file
   * broken) on a file-level error.
   */
  boolean read(int file, String[] columns, RowHandler handler) {
    return read(file, columns, handler, null);
  }

  /**
   * {@link #read(int, String[], RowHandler)}, with the extra columns of the header that {@code
   * extras} asks for (when not null) in {@link Row#extra}.
   */
  boolean read(int file, String[] columns, RowHandler handler, ExtraColumns extras) {
    String name = FILES.get(file);
    String unreadable = source.unreadable(name);
    if (unreadable != null) {
      return log.fileError(file, 0, unreadable);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    long lastLine = 0;
    CsvFields.Handler fields = new CsvFields.Handler();
    try (Reader in = new InputStreamReader(Bom.skip(source.open(name)), decoder);
        CsvReader<CsvFields> csv =
            CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                // one field no longer than a record may be (CsvFields.MAX_CHARS)
                .maxBufferSize(CsvFields.MAX_CHARS)
                .build(fields, in)) {
      Iterator<CsvFields> it = csv.iterator();
      CsvFields header = null;
      while (header == null && it.hasNext()) {
        CsvFields r = it.next();
        if (!isBlank(r)) {
          header = r;
        }
      }
      if (header == null) {
        return log.fileError(file, 0, "file is empty: the header line is missing");
      }
      lastLine = header.line();
      int[] cols = findColumns(file, header, columns);
      if (cols == null) {
        return false;
      }
      Row row = new Row(file, cols, header.count());
      row.header = new String[header.count()];
      for (int i = 0; i < row.header.length; i++) {
        row.header[i] = header.get(i);
      }
      if (extras != null) {
        List<String> names = new ArrayList<>();
        List<Integer> extraFields = new ArrayList<>();
        for (int i = 0; i < header.count(); i++) {
          boolean required = false;
          for (int c : cols) {
            required |= c == i;
          }
          if (!required) {
            names.add(header.get(i));
            extraFields.add(i);
          }
        }
        row.extra =
            extras.fieldsToRead(names, extraFields.stream().mapToInt(Integer::intValue).toArray());
      }
      CsvFields pending = null; // one record behind, to know which is the last
      while (it.hasNext()) {
        CsvFields r = it.next();
        lastLine = r.line();
        if (isBlank(r)) {
          continue;
        }
        if (pending != null) {
          log.read[file]++;
          row.rec = pending;
          row.line = pending.line();
          handler.row(row);
          if (log.broken[file]) {
            return false;
          }
        }
        pending = r;
        fields.keep();
      }
      if (pending != null) {
        log.read[file]++;
        row.rec = pending;
        row.line = pending.line();
        if (spansLines(pending) && rereads.endsInsideQuotes(name, row.line)) {
          // FastCSV takes an unclosed quote to the end of the file as one field
          log.reject(
              file,
              row.line,
              "a quoted field is not closed: the record runs from line "
                  + row.line
                  + " to the end of the file",
              Cells.rawText(row.rec));
        } else {
          handler.row(row);
        }
      }
      return !log.broken[file];
    } catch (CsvFields.TooLarge e) {
      return log.fileError(file, e.line, e.getMessage());
    } catch (CsvParseException e) {
      if (e.getCause() instanceof CsvFields.TooLarge t) {
        return log.fileError(file, t.line, t.getMessage());
      }
      long line = lastLine + 1;
      Matcher m = PARSE_LINE.matcher(String.valueOf(e.getMessage()));
      if (m.find()) {
        line = Long.parseLong(m.group(1));
      }
      String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
      // the line is said in front ("customers.csv:5:"); FastCSV from 4.1 says it again at the end
      why = String.valueOf(why).replaceFirst(" \\(record starting at line \\d+\\)$", "");
      if (String.valueOf(why).contains("maximum buffer size")) {
        return log.fileError(
            file,
            line,
            String.format(
                java.util.Locale.ROOT,
                "a field is longer than %,d characters (or a quote is never closed); the rest of"
                    + " the file is not read",
                CsvFields.MAX_CHARS));
      }
      if (why.startsWith("Unexpected character after closing quote")) {
        long at = rereads.badCloseLine(name, line);
        if (at > line) {
          why += ", on line " + at + ": is a quote on line " + line + " not closed?";
        }
      }
      return log.fileError(
          file,
          line,
          "the record is not valid CSV (" + why + "); the rest of the file is not read");
    } catch (UncheckedIOException e) {
      return ioError(file, e.getCause());
    } catch (IOException e) {
      return ioError(file, e);
    }
  }

  private static boolean spansLines(CsvFields r) {
    char[] chars = r.chars();
    for (int i = 0; i < r.count(); i++) {
      for (int j = r.start(i); j < r.end(i); j++) {
        if (chars[j] == '\n' || chars[j] == '\r') {
          return true;
        }
      }
    }
    return false;
  }

  private boolean ioError(int file, IOException e) {
    if (e instanceof CharacterCodingException && rereads.utf16(FILES.get(file))) {
      return log.fileError(
          file,
          1,
          "the file is UTF-16 text (it starts with a UTF-16 byte order mark), not UTF-8: save it as"
              + " CSV UTF-8");
    }
    if (e instanceof CharacterCodingException) {
      return log.fileError(
          file,
          rereads.firstNonUtf8Line(FILES.get(file)),
          "the text is not valid UTF-8; the rest of the file is not read");
    }
    return log.fileError(file, 0, "cannot be read: " + e);
  }

  private static boolean isBlank(CsvFields r) {
    return r.count() == 1 && r.get(0).isBlank();
  }

  private int[] findColumns(int file, CsvFields header, String[] columns) {
    List<String> problems = new ArrayList<>();
    int[] cols = columnsOf(header, columns, new ArrayList<>(), problems);
    for (String problem : problems) {
      log.fileError(file, header.line(), problem);
    }
    return cols;
  }

  /**
   * The field of each of {@code columns} in the header; null, with {@code problems} added, when one
   * is missing or appears twice. {@code names} gets the header's names.
   */
  static int[] columnsOf(
      CsvFields header, String[] columns, List<String> names, List<String> problems) {
    int[] cols = new int[columns.length];
    Arrays.fill(cols, -1);
    for (int i = 0; i < header.count(); i++) {
      String n = header.get(i);
      names.add(n);
      for (int k = 0; k < columns.length; k++) {
        if (columns[k].equals(n)) {
          if (cols[k] >= 0) {
            problems.add("column '" + n + "' appears twice in the header");
          }
          cols[k] = i;
        }
      }
    }
    String whole =
        Arrays.stream(cols).anyMatch(c -> c < 0) ? HeaderHints.whole(names, columns) : null;
    if (whole != null) {
      problems.add(whole); // once, not once per missing column
      return null;
    }
    for (int k = 0; k < columns.length; k++) {
      if (cols[k] < 0) {
        problems.add(
            "missing column '"
                + columns[k]
                + "' (the header has: "
                + String.join(", ", names)
                + ")"
                + HeaderHints.near(columns[k], names));
      }
    }
    return problems.isEmpty() ? cols : null;
  }

  /** Reads a file again for the raw text of a few rows (only used for error messages). */
  Map<Long, String> rawRows(int file, Set<Long> lines) {
    Map<Long, String> out = new HashMap<>();
    try (CsvReader<CsvFields> csv =
        CsvReader.builder()
            .allowExtraFields(true)
            .allowMissingFields(true)
            .build(
                new CsvFields.Handler(),
                new InputStreamReader(
                    Bom.skip(source.open(FILES.get(file))), StandardCharsets.UTF_8))) {
      for (CsvFields r : csv) {
        if (lines.contains(r.line())) {
          out.put(r.line(), Cells.rawText(r));
          if (out.size() == lines.size()) {
            break;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the rows were read once already; without the text the errors still stand
    }
    return out;
  }
}
