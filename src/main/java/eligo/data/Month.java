package eligo.data;

import java.util.Locale;

/**
 * Months as plain ints: {@code year * 12 + (month - 1)}. {@code 2026-10} is {@code 2026 * 12 + 9}.
 * Consecutive months are consecutive ints, so {@code m - 12} is the same month a year earlier.
 */
public final class Month {
  /** Stands for "no month" (for example, no association start). Compares below every real month. */
  public static final int NONE = Integer.MIN_VALUE;

  /** An open end: an association with an empty {@code end_month}. */
  public static final int OPEN = Integer.MAX_VALUE;

  private Month() {}

  public static int of(int year, int month) {
    return year * 12 + (month - 1);
  }

  /** Parses {@code YYYY-MM}; returns {@link #NONE} when the text is not a month. */
  public static int parse(CharSequence s) {
    if (s.length() != 7) {
      return NONE;
    }
    byte[] b = new byte[7];
    for (int i = 0; i < 7; i++) {
      char ch = s.charAt(i);
      b[i] = ch < 0x80 ? (byte) ch : 0;
    }
    return parse(b, 0, 7);
  }

  /** {@link #parse(CharSequence)} of the ASCII bytes {@code b[from..to-1]}. */
  public static int parse(byte[] b, int from, int to) {
    if (to - from != 7 || b[from + 4] != '-') {
      return NONE;
    }
    int year = 0;
    for (int i = from; i < from + 4; i++) {
      int ch = b[i];
      if (ch < '0' || ch > '9') {
        return NONE;
      }
      year = year * 10 + (ch - '0');
    }
    int x = b[from + 5];
    int y = b[from + 6];
    if (x < '0' || x > '9' || y < '0' || y > '9') {
      return NONE;
    }
    int month = (x - '0') * 10 + (y - '0');
    if (month < 1 || month > 12) {
      return NONE;
    }
    return of(year, month);
  }

  public static String format(int m) {
    if (m == NONE) {
      return "none";
    }
    int year = Math.floorDiv(m, 12);
    int month = Math.floorMod(m, 12) + 1;
    if (year >= 0 && year <= 9999) { // the common case, without a Formatter (reports format many)
      char[] out = {
        (char) ('0' + year / 1000),
        (char) ('0' + year / 100 % 10),
        (char) ('0' + year / 10 % 10),
        (char) ('0' + year % 10),
        '-',
        (char) ('0' + month / 10),
        (char) ('0' + month % 10)
      };
      return new String(out);
    }
    return String.format(Locale.ROOT, "%04d-%02d", year, month);
  }
}
