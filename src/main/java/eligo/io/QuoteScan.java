package eligo.io;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a record that FastCSV found broken goes wrong: the line on which a quoted field closes with
 * something other than a separator after its quote. FastCSV names only the line the record starts
 * on; when a quote is not closed there, the field runs on to the next quote in the file, lines
 * further down. Read again only for that message. Package-private: a loading aid.
 */
final class QuoteScan {
  private QuoteScan() {}

  /**
   * The line (1-based, LF, CRLF or CR ends) on which a quoted field of the record starting on line
   * {@code fromLine} is followed by something other than a comma or a line end after its closing
   * quote; 0 when that is not found.
   */
  static long badCloseLine(InputStream raw, long fromLine) throws IOException {
    InputStream in = new java.io.BufferedInputStream(raw, 1 << 16);
    long line = 1;
    int b = in.read();
    while (line < fromLine && b >= 0) {
      int next = in.read();
      if (b == '\n' || (b == '\r' && next != '\n')) {
        line++;
      }
      b = next;
    }
    boolean fieldStart = true;
    boolean inQuote = false;
    boolean afterClose = false;
    while (b >= 0) {
      int next = in.read();
      if (inQuote) {
        if (b == '"' && next == '"') {
          next = in.read(); // an escaped quote
        } else if (b == '"') {
          inQuote = false;
          afterClose = true;
        } else if (b == '\n' || (b == '\r' && next != '\n')) {
          line++;
        }
      } else {
        if (afterClose && b != ',' && b != '\r' && b != '\n') {
          return line;
        }
        afterClose = false;
        if (b == '\n' || (b == '\r' && next != '\n')) {
          return 0; // the record ended well
        }
        inQuote = fieldStart && b == '"';
        fieldStart = b == ',';
      }
      b = next;
    }
    return 0;
  }
}
