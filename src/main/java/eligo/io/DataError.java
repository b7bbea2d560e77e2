package eligo.io;

/**
 * One problem found in a dataset file: a rejected row, or a file-level error.
 *
 * @param file the file name, e.g. {@code usage.csv}
 * @param line the 1-based physical line where the record starts; 0 for a file-level error (a
 *     missing file or column)
 * @param message what is wrong, in plain words, naming the value
 * @param row the row as read, written back as CSV (fields re-quoted where needed, so quoting may
 *     differ from the file); empty for file-level errors
 */
public record DataError(String file, long line, String message, String row) {

  public DataError {
    if (row == null) {
      row = "";
    }
  }

  /** {@code usage.csv:1043: month '2026-13' is not a month (YYYY-MM)}; no line part when 0. */
  public String format() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }

  @Override
  public String toString() {
    return format();
  }
}
