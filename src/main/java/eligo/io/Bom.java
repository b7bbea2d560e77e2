package eligo.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The UTF-8 byte-order mark that DATA.md allows at the start of a file, and skipping it. */
final class Bom {
  private Bom() {}

  /** The mark's three bytes, EF BB BF. */
  static final int LENGTH = 3;

  /** Whether {@code b} starts with the mark. */
  static boolean startsWith(byte[] b, int length) {
    return length >= LENGTH
        && (b[0] & 0xFF) == 0xEF
        && (b[1] & 0xFF) == 0xBB
        && (b[2] & 0xFF) == 0xBF;
  }

  /**
   * The file's bytes from just after a leading mark (from the start when there is none), so that a
   * quote right after the mark opens a quoted field as it would at the start of a file.
   */
  static InputStream open(Path path) throws IOException {
    return skip(Files.newInputStream(path));
  }

  /** {@link #open(Path)} of bytes from {@code raw}, from their start. */
  static InputStream skip(InputStream raw) throws IOException {
    InputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(LENGTH);
    byte[] head = in.readNBytes(LENGTH);
    if (!startsWith(head, head.length)) {
      in.reset();
    }
    return in;
  }
}
