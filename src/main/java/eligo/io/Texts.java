package eligo.io;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Small text helpers shared by the writers: code point order, plain decimals, CSV fields,
 * formula-safe cells.
 */
public final class Texts {
  private Texts() {}

  /**
   * Unicode code point order. {@code String.compareTo} orders UTF-16 units, which differs above
   * U+FFFF: a surrogate (U+D800..U+DFFF) must sort after U+E000..U+FFFF. Units are compared as they
   * are, with that one fix-up where two differ, so no code point is decoded.
   */
  public static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
          char x = a.charAt(i);
          char y = b.charAt(i);
          if (x != y) {
            return Integer.compare(codePointRank(x), codePointRank(y));
          }
        }
        return Integer.compare(a.length(), b.length());
      };

  /** A UTF-16 unit's rank in code point order: surrogates after every other unit. */
  private static int codePointRank(char ch) {
    if (ch < Character.MIN_SURROGATE) {
      return ch;
    }
    return ch <= Character.MAX_SURROGATE ? ch + 0x2000 : ch - 0x800;
  }

  /**
   * A plain decimal: no exponent, no trailing zeros after the point ({@code -2}, {@code 18250.5}).
   */
  public static String plain(long unscaled, int scale) {
    byte[] out = new byte[plainLength(scale)];
    int n = plain(unscaled, scale, out, 0);
    return new String(out, 0, n, StandardCharsets.US_ASCII);
  }

  /** Room {@link #plain(long, int, byte[], int)} may need at scale {@code scale}. */
  public static int plainLength(int scale) {
    return 22 + Math.max(0, scale);
  }

  /**
   * Writes {@link #plain(long, int)} as ASCII into {@code out} from {@code pos} (with {@link
   * #plainLength} bytes of room) and returns the position after it.
   */
  public static int plain(long unscaled, int scale, byte[] out, int pos) {
    if (scale < 0) {
      throw new IllegalArgumentException("negative scale " + scale);
    }
    if (unscaled >= 0 && unscaled < 10 && scale == 0) { // most counts: one digit, no division
      out[pos] = (byte) ('0' + unscaled);
      return pos + 1;
    }
    if (unscaled == Long.MIN_VALUE) { // the one magnitude that is no long
      byte[] text =
          BigDecimal.valueOf(unscaled, scale)
              .stripTrailingZeros()
              .toPlainString()
              .getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(text, 0, out, pos, text.length);
      return pos + text.length;
    }
    if (unscaled < 0) {
      out[pos++] = '-';
    }
    long magnitude = Math.abs(unscaled);
    while (scale > 0 && magnitude % 10 == 0) { // 0 ends at scale 0: "0"
      magnitude /= 10;
      scale--;
    }
    int digits = 1;
    for (long m = magnitude; m >= 10; m /= 10) {
      digits++;
    }
    int zeros = Math.max(0, scale - digits + 1); // leading zeros: "0.05" has two
    int end = pos + zeros + digits + (scale > 0 ? 1 : 0);
    int at = end;
    for (int i = 0; i < digits + zeros; i++) {
      if (scale > 0 && i == scale) {
        out[--at] = '.';
      }
      out[--at] = (byte) ('0' + magnitude % 10);
      magnitude /= 10;
    }
    return end;
  }

  /**
   * A text cell that a spreadsheet will not run as a formula: one that starts with {@code =},
   * {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading {@code '}, as OWASP
   * advises for CSV files. For CSV outputs that show text taken from the data (rejected rows,
   * reports), never for the canonical results file, whose format is fixed.
   */
  public static String formulaSafe(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }

  /** An RFC 4180 field, quoted only when it holds a comma, a quote or a line break. */
  public static String csv(String field) {
    boolean quote = false;
    for (int i = 0; i < field.length(); i++) {
      char ch = field.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
        quote = true;
        break;
      }
    }
    return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }
}
