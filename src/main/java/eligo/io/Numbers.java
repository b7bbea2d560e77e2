package eligo.io;

import java.util.regex.Pattern;

/**
 * Money and count cells of usage.csv (DATA.md): exact parsing, from chars or bytes without making a
 * String, and the words of their errors. Package-private: a loading aid.
 */
final class Numbers {
  private Numbers() {}

  /** Returned by the number parsers for text that is not a valid number. */
  static final long BAD = Long.MIN_VALUE;

  private static final Pattern TOO_MANY_DECIMALS = Pattern.compile("-?[0-9]+\\.[0-9]{3,}");
  private static final Pattern TOO_MANY_DIGITS = Pattern.compile("-?[0-9]{17,}(\\.[0-9]{1,2})?");
  private static final Pattern NEGATIVE_COUNT = Pattern.compile("-[0-9]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");

  /**
   * Parses money {@code -?[0-9]+(\.[0-9]{1,2})?} with at most 16 digits before the point into exact
   * cents; {@link #BAD} when the text is not such an amount.
   */
  static long parseMoney(String s) {
    return parseMoney(s.toCharArray(), 0, s.length());
  }

  /** {@link #parseMoney(String)} of {@code c[from..to-1]}. */
  static long parseMoney(byte[] c, int from, int to) {
    int n = to;
    int i = from;
    boolean negative = false;
    if (n > i && c[i] == '-') {
      negative = true;
      i++;
    }
    int intStart = i;
    long units = 0;
    while (i < n) {
      int ch = c[i];
      if (ch < '0' || ch > '9') {
        break;
      }
      if (i - intStart >= 16) {
        return BAD;
      }
      units = units * 10 + (ch - '0');
      i++;
    }
    if (i == intStart) {
      return BAD;
    }
    long cents = units * 100;
    if (i < n) {
      if (c[i] != '.') {
        return BAD;
      }
      i++;
      int fracStart = i;
      int frac = 0;
      while (i < n) {
        int ch = c[i];
        if (ch < '0' || ch > '9' || i - fracStart >= 2) {
          return BAD;
        }
        frac = frac * 10 + (ch - '0');
        i++;
      }
      int digits = i - fracStart;
      if (digits == 0) {
        return BAD;
      }
      cents += digits == 1 ? frac * 10 : frac;
    }
    return negative ? -cents : cents;
  }

  /** Parses a count {@code [0-9]+} that fits a long; {@link #BAD} otherwise. */
  static long parseCount(String s) {
    return parseCount(s.toCharArray(), 0, s.length());
  }

  /** {@link #parseCount(String)} of {@code c[from..to-1]}. */
  static long parseCount(byte[] c, int from, int to) {
    if (to == from) {
      return BAD;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int ch = c[i];
      if (ch < '0' || ch > '9') {
        return BAD;
      }
      int d = ch - '0';
      // v * 10 + d > Long.MAX_VALUE, without a division (a call into the runtime under C1)
      if (v >= MAX_TENTH && (v > MAX_TENTH || d > Long.MAX_VALUE % 10)) {
        return BAD;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static final long MAX_TENTH = Long.MAX_VALUE / 10;

  /** {@link #parseMoney(String)} of {@code c[from..to-1]}. */
  static long parseMoney(char[] c, int from, int to) {
    return parseMoney(ascii(c, from, to), 0, to - from);
  }

  /** {@link #parseCount(String)} of {@code c[from..to-1]}. */
  static long parseCount(char[] c, int from, int to) {
    return parseCount(ascii(c, from, to), 0, to - from);
  }

  /** The chars {@code c[from..to-1]} as bytes, with any char that is not ASCII made a NUL. */
  private static byte[] ascii(char[] c, int from, int to) {
    byte[] b = new byte[to - from];
    for (int i = from; i < to; i++) {
      b[i - from] = c[i] < 0x80 ? (byte) c[i] : 0;
    }
    return b;
  }

  /** Why {@code s}, the text of money column {@code column}, is not an amount. */
  static String moneyProblem(String column, String s) {
    if (TOO_MANY_DECIMALS.matcher(s).matches()) {
      return column
          + " "
          + Cells.quote(s)
          + " has more than 2 decimal places"
          // exact to the cent as written ('10.000', '2.500'): a point between thousands, likely
          + (new java.math.BigDecimal(s).stripTrailingZeros().scale() <= 2
              ? NumberHints.thousandsPoint(s)
              : "");
    }
    if (TOO_MANY_DIGITS.matcher(s).matches()) {
      return column + " " + Cells.quote(s) + " has more than 16 digits before the decimal point";
    }
    return column
        + " "
        + Cells.quote(s)
        + " is not an amount (like 1234.56 or -0.5)"
        + NumberHints.money(s);
  }

  /** Why {@code s}, the text of count column {@code column}, is not a count. */
  static String countProblem(String column, String s) {
    if (NEGATIVE_COUNT.matcher(s).matches() && !s.matches("-0+")) {
      return column + " " + Cells.quote(s) + " is negative";
    }
    if (DIGITS.matcher(s).matches()) {
      return column + " " + Cells.quote(s) + " is too large";
    }
    return column
        + " "
        + Cells.quote(s)
        + " is not a whole number (digits only)"
        + NumberHints.count(s);
  }
}
