package eligo.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 CSV writer with RFC 4180 quoting for {@link DataGenerator}, faster than a Writer
 * for this use.
 */
final class CsvOut implements AutoCloseable {
  private final OutputStream os;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private final byte[] digits = new byte[20];

  CsvOut(OutputStream os) {
    this.os = os;
  }

  /** A field as CSV bytes: quoted (quotes doubled) when it holds a comma, quote or line break. */
  static byte[] csvField(String s) {
    StringBuilder sb = new StringBuilder();
    Cells.appendCsvField(sb, s);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  CsvOut bytes(byte[] b) throws IOException {
    if (pos + b.length > buf.length) {
      flush();
      if (b.length > buf.length) {
        os.write(b);
        return this;
      }
    }
    System.arraycopy(b, 0, buf, pos, b.length);
    pos += b.length;
    return this;
  }

  /** Text written as is (no quoting): headers, fixed tokens. */
  CsvOut text(String s) throws IOException {
    return bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  CsvOut field(String s) throws IOException {
    return bytes(csvField(s));
  }

  CsvOut comma() throws IOException {
    return put((byte) ',');
  }

  CsvOut nl() throws IOException {
    return put((byte) '\n');
  }

  CsvOut number(long v) throws IOException {
    if (v < 0) {
      put((byte) '-');
      v = -v;
    }
    int n = 0;
    do {
      digits[n++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    if (pos + n > buf.length) {
      flush();
    }
    while (n > 0) {
      buf[pos++] = digits[--n];
    }
    return this;
  }

  CsvOut put(byte b) throws IOException {
    if (pos == buf.length) {
      flush();
    }
    buf[pos++] = b;
    return this;
  }

  private void flush() throws IOException {
    os.write(buf, 0, pos);
    pos = 0;
  }

  @Override
  public void close() throws IOException {
    flush();
    os.close();
  }
}
