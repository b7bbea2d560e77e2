package eligo.io;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import java.util.Arrays;

/**
 * One CSV record whose fields stay in a char buffer, so that numbers, months and repeated ids can
 * be read without making a String per field. Filled by {@link Handler}; package-private.
 */
final class CsvFields {
  private char[] chars = new char[256];
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int count;
  private int used;
  private long line;
  private final View view = new View();

  /** The 1-based line where the record starts. */
  long line() {
    return line;
  }

  int count() {
    return count;
  }

  String get(int i) {
    return new String(chars, starts[i], ends[i] - starts[i]);
  }

  int length(int i) {
    return ends[i] - starts[i];
  }

  /** Whether field {@code i} holds exactly {@code s}. */
  boolean equals(int i, String s) {
    int n = ends[i] - starts[i];
    if (s == null || s.length() != n) {
      return false;
    }
    for (int j = 0, p = starts[i]; j < n; j++, p++) {
      if (s.charAt(j) != chars[p]) {
        return false;
      }
    }
    return true;
  }

  /** Field {@code i} as a CharSequence; the same view object is reused by every call. */
  CharSequence view(int i) {
    view.from = starts[i];
    view.to = ends[i];
    return view;
  }

  char[] chars() {
    return chars;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  private void reset(long line) {
    this.line = line;
    count = 0;
    used = 0;
  }

  /** The most fields a record may have: the widest file has a handful of columns. */
  static final int MAX_FIELDS = 1_000;

  /** The most characters a record may hold: a row of these files is well under a kilobyte. */
  static final int MAX_CHARS = 1 << 20;

  /**
   * A record past {@link #MAX_FIELDS} or {@link #MAX_CHARS}: thrown as it is read, before its
   * fields are kept, so that one absurd line costs no more memory than the limit.
   */
  static final class TooLarge extends RuntimeException {
    final long line;

    TooLarge(long line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  private void add(char[] buf, int offset, int len) {
    if (count >= MAX_FIELDS) {
      throw new TooLarge(
          line,
          String.format(
              java.util.Locale.ROOT,
              "the record has more than %,d fields; the rest of the file is not read",
              MAX_FIELDS));
    }
    if (used + len > MAX_CHARS) {
      throw new TooLarge(
          line,
          String.format(
              java.util.Locale.ROOT,
              "the record is longer than %,d characters; the rest of the file is not read",
              MAX_CHARS));
    }
    if (used + len > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
    }
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
      ends = Arrays.copyOf(ends, count * 2);
    }
    System.arraycopy(buf, offset, chars, used, len);
    starts[count] = used;
    used += len;
    ends[count] = used;
    count++;
  }

  private final class View implements CharSequence {
    int from;
    int to;

    @Override
    public int length() {
      return to - from;
    }

    @Override
    public char charAt(int index) {
      return chars[from + index];
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new String(chars, from + start, end - start);
    }

    @Override
    public String toString() {
      return new String(chars, from, to - from);
    }
  }

  /**
   * Builds {@link CsvFields} records for a FastCSV reader. Each record overwrites the previous one,
   * unless {@link #keep()} was called: then the next records go to a second buffer, so the kept
   * record stays valid while the next one is read.
   */
  static final class Handler extends CsvCallbackHandler<CsvFields> {
    private final CsvFields[] records = {new CsvFields(), new CsvFields()};
    private int current;
    private RecordType type = RecordType.DATA;

    @Override
    protected RecordType getRecordType() {
      return type;
    }

    @Override
    protected int getFieldCount() {
      return records[current].count;
    }

    @Override
    protected void beginRecord(long startingLineNumber) {
      records[current].reset(startingLineNumber);
      type = RecordType.DATA;
    }

    @Override
    protected void addField(char[] buf, int offset, int len, boolean quoted) {
      records[current].add(buf, offset, len);
    }

    @Override
    protected void setComment(char[] buf, int offset, int len) {
      type = RecordType.COMMENT; // comments are not enabled
    }

    @Override
    protected void setEmpty() {
      type = RecordType.EMPTY;
    }

    /** Keeps the record last returned valid until the next call of {@code keep()}. */
    void keep() {
      current ^= 1;
    }

    @Override
    protected CsvFields buildRecord() {
      return records[current];
    }
  }
}
