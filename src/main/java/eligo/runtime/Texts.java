package eligo.runtime;

import java.math.BigDecimal;
import java.util.Comparator;

/** Small text helpers shared by the writers: code point order, plain decimals, CSV fields, formula-safe cells. */
public final class Texts {
  private Texts() {}

  /** Unicode code point order (String.compareTo orders UTF-16 units, which differs above U+FFFF). */
  public static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  };

  /** A plain decimal: no exponent, no trailing zeros after the point ({@code -2}, {@code 18250.5}). */
  public static String plain(long unscaled, int scale) {
    BigDecimal d = BigDecimal.valueOf(unscaled, scale).stripTrailingZeros();
    if (d.scale() < 0) {
      d = d.setScale(0);
    }
    return d.toPlainString();
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
