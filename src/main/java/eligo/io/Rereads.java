package eligo.io;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A dataset file read again, for what a message about it must say and the first read could not
 * tell: where a quote left open ran to, which line holds text that is not UTF-8, whether the file
 * is UTF-16. Only ever on a file already found broken. Package-private: a loading aid.
 */
final class Rereads {
  private final DataSource source;

  Rereads(DataSource source) {
    this.source = source;
  }

  /** {@link QuoteScan#badCloseLine} of the file; 0 when it cannot be read again. */
  long badCloseLine(String name, long fromLine) {
    try (java.io.InputStream in = Bom.skip(source.open(name))) {
      return QuoteScan.badCloseLine(in, fromLine);
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * Whether the text from line {@code fromLine} to the end of the file has an odd number of quotes,
   * that is, ends inside a quoted field. Reads the file again; only called when the last record
   * spans several lines.
   */
  boolean endsInsideQuotes(String name, long fromLine) throws IOException {
    try (java.io.InputStream in = new java.io.BufferedInputStream(source.open(name), 1 << 16)) {
      long line = 1;
      int prev = -1;
      int quotes = 0;
      int b;
      while ((b = in.read()) >= 0) {
        if (line < fromLine) {
          if (b == '\n' || (prev == '\r' && b != '\n')) {
            line++;
          }
          if (prev == '\r' && b != '\n' && line == fromLine && b == '"') {
            quotes++;
          }
          prev = b;
        } else if (b == '"') {
          quotes++;
        }
      }
      return (quotes & 1) == 1;
    }
  }

  /** Whether the file starts with a UTF-16 byte order mark (FF FE or FE FF). */
  boolean utf16(String name) {
    try (java.io.InputStream in = source.open(name)) {
      byte[] head = in.readNBytes(2);
      return head.length == 2
          && (((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)
              || ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF));
    } catch (IOException e) {
      return false;
    }
  }

  /** The first line (LF-separated) holding bytes that are not UTF-8; 0 when none is found. */
  long firstNonUtf8Line(String name) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (java.io.InputStream in = new java.io.BufferedInputStream(source.open(name), 1 << 16)) {
      java.io.ByteArrayOutputStream lineBytes = new java.io.ByteArrayOutputStream();
      long line = 1;
      int b;
      do {
        b = in.read();
        if (b == '\n' || b < 0) {
          try {
            decoder.reset().decode(java.nio.ByteBuffer.wrap(lineBytes.toByteArray()));
          } catch (CharacterCodingException e) {
            return line;
          }
          lineBytes.reset();
          line++;
        } else {
          lineBytes.write(b);
        }
      } while (b >= 0);
    } catch (IOException e) {
      return 0;
    }
    return 0;
  }
}
