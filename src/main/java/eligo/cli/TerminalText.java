package eligo.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * What reaches a terminal from Eligo's standard output and error: text from the data or the
 * criteria (names, ids, rows in error messages) could hold escape sequences that retitle the window
 * or clear the screen, or bidi overrides that reorder what a reader sees. Every control character
 * but line feed, carriage return and tab, every bidi control and the Unicode line and paragraph
 * separators are written as {@code \\uXXXX} instead.
 */
final class TerminalText extends FilterWriter {
  TerminalText(Writer out) {
    super(out);
  }

  /** Whether {@code c} is shown escaped. */
  static boolean escaped(char c) {
    if (c == '\n' || c == '\r' || c == '\t') {
      return false;
    }
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || c == '\u061C'
        || c == '\u200E'
        || c == '\u200F'
        || (c >= '\u2028' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  @Override
  public void write(int c) throws IOException {
    if (escaped((char) c)) {
      out.write(String.format(Locale.ROOT, "\\u%04x", c));
    } else {
      out.write(c);
    }
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    int start = off;
    int end = off + len;
    for (int i = off; i < end; i++) {
      if (escaped(cbuf[i])) {
        out.write(cbuf, start, i - start);
        write(cbuf[i]);
        start = i + 1;
      }
    }
    out.write(cbuf, start, end - start);
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    write(str.toCharArray(), off, len);
  }
}
