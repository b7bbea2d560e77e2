package eligo.report;

import eligo.data.Month;
import eligo.ir.Ir;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers for people, exact: money as {@code $12,345.67} ({@code -$499.99}), counts and quantities
 * with their unit ({@code 3 tenants}, {@code 420 active users}), growth as {@code x% (a/b)}. Values
 * are unscaled longs at a given scale, as everywhere in Eligo.
 */
public final class Formats {
  private Formats() {}

  /**
   * A whole or decimal number with thousands separators and exactly the given decimal places (the
   * number has no more than that; it is never rounded): {@code 12,345.60}.
   */
  static String grouped(BigDecimal d, int decimals) {
    if (d.scale() > decimals) {
      throw new ArithmeticException("rounding " + d + " to " + decimals + " decimal places");
    }
    String plain = d.setScale(decimals).abs().toPlainString();
    int point = plain.indexOf('.');
    int whole = point < 0 ? plain.length() : point;
    StringBuilder out = new StringBuilder(plain.length() + whole / 3 + 1);
    if (d.signum() < 0) {
      out.append('-');
    }
    return grouping(out, plain, whole).append(plain, whole, plain.length()).toString();
  }

  /** Appends the first {@code whole} digits of {@code digits} with a comma before each three. */
  private static StringBuilder grouping(StringBuilder out, String digits, int whole) {
    for (int i = 0; i < whole; i++) {
      if (i > 0 && (whole - i) % 3 == 0) {
        out.append(',');
      }
      out.append(digits.charAt(i));
    }
    return out;
  }

  /** {@code $12,345.67}, {@code -$499.99}. */
  public static String money(long unscaled, int scale) {
    String fast = fixed(unscaled, scale, 2, "$");
    if (fast != null) {
      return fast;
    }
    BigDecimal d = BigDecimal.valueOf(unscaled, scale).stripTrailingZeros();
    int decimals = Math.max(2, d.scale());
    String digits = grouped(d.abs(), decimals);
    return (d.signum() < 0 ? "-$" : "$") + digits;
  }

  /** A plain number for people: {@code 12,345}, {@code 0.4}. */
  public static String number(long unscaled, int scale) {
    String fast = fixed(unscaled, scale, 0, "");
    if (fast != null) {
      return fast;
    }
    BigDecimal d = BigDecimal.valueOf(unscaled, scale).stripTrailingZeros();
    return grouped(d, Math.max(0, d.scale()));
  }

  private static final long[] POWERS = new long[19];

  static {
    POWERS[0] = 1;
    for (int k = 1; k < POWERS.length; k++) {
      POWERS[k] = POWERS[k - 1] * 10;
    }
  }

  /**
   * {@link #money} ({@code prefix} "$", at least 2 decimals) or {@link #number} (no prefix, at
   * least 0) in long arithmetic, the same text as the {@code BigDecimal} way: the sign, the prefix,
   * the whole part grouped by thousands, then the fraction without its trailing zeros but padded to
   * {@code minDecimals}. Null when the value is out of its range (the caller uses {@code
   * BigDecimal}): a negative scale, a scale above 18, or {@code Long.MIN_VALUE}.
   */
  private static String fixed(long unscaled, int scale, int minDecimals, String prefix) {
    if (scale < 0 || scale >= POWERS.length || unscaled == Long.MIN_VALUE) {
      return null;
    }
    long abs = Math.abs(unscaled);
    long whole = abs / POWERS[scale];
    long fraction = abs % POWERS[scale];
    int digits = scale;
    while (digits > 0 && fraction % 10 == 0) {
      fraction /= 10;
      digits--;
    }
    int decimals = Math.max(minDecimals, digits);
    // written from the end into bytes (Latin-1): the padding zeros, the fraction's digits (its
    // leading zeros too: 0.05 has fraction 5 of 2 digits), the point, the whole part grouped by
    // thousands, the prefix, the sign; at most 19 digits, 6 commas, a point and 18 decimals
    byte[] b = new byte[48 + prefix.length()];
    int at = b.length;
    for (int k = digits; k < decimals; k++) {
      b[--at] = '0';
    }
    for (int k = 0; k < digits; k++) {
      b[--at] = (byte) ('0' + fraction % 10);
      fraction /= 10;
    }
    if (decimals > 0) {
      b[--at] = '.';
    }
    int written = 0;
    do {
      if (written > 0 && written % 3 == 0) {
        b[--at] = ',';
      }
      b[--at] = (byte) ('0' + whole % 10);
      whole /= 10;
      written++;
    } while (whole > 0);
    for (int k = prefix.length() - 1; k >= 0; k--) {
      b[--at] = (byte) prefix.charAt(k);
    }
    if (unscaled < 0) {
      b[--at] = '-';
    }
    return new String(b, at, b.length - at, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * {@code tenants} for 2 and 0, {@code tenant} for 1 and -1; quantities read {@code active users}.
   */
  static String unit(String unit, long unscaled, int scale) {
    String words = unit.replace('_', ' ');
    boolean one =
        scale >= 0 && scale < POWERS.length
            ? unscaled == POWERS[scale] || unscaled == -POWERS[scale]
            : BigDecimal.valueOf(unscaled, scale).abs().compareTo(BigDecimal.ONE) == 0;
    return one && words.endsWith("s") ? words.substring(0, words.length() - 1) : words;
  }

  /** A value of the given kind: money, {@code 3 tenants}, {@code 420 active users}, a number. */
  public static String value(Ir.ValueKind kind, String unit, long unscaled, int scale) {
    if (kind == Ir.ValueKind.MONEY) {
      return money(unscaled, scale);
    }
    String n = number(unscaled, scale);
    if (unit == null || unit.isEmpty() || kind == Ir.ValueKind.NUMBER) {
      return n;
    }
    return n + " " + unit(unit, unscaled, scale);
  }

  /**
   * Growth from {@code b} to {@code a}: {@code x% (a/b)} with {@code x = (a-b)*100/b} rounded half
   * up to one decimal; {@code new (a/b)} when {@code b = 0} and {@code a > 0}; {@code no change}
   * when both are 0; {@code (a/b)} alone when {@code b = 0} and {@code a < 0}. Amounts in the
   * parentheses are money for money, plain numbers with the unit after them otherwise.
   */
  public static String growth(Ir.ValueKind kind, String unit, long a, long b, int scale) {
    String pair =
        kind == Ir.ValueKind.MONEY
            ? money(a, scale) + "/" + money(b, scale)
            : number(a, scale)
                + "/"
                + number(b, scale)
                + (unit == null || unit.isEmpty() ? "" : " " + unit.replace('_', ' '));
    if (b == 0) {
      return (a > 0 ? "new (" : a == 0 ? "no change (" : "(") + pair + ")";
    }
    BigDecimal x =
        BigDecimal.valueOf(a)
            .subtract(BigDecimal.valueOf(b))
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(b), 1, RoundingMode.HALF_UP);
    return x.toPlainString() + "% (" + pair + ")";
  }

  /** A month as {@code YYYY-MM}. */
  public static String month(int m) {
    if (m < FIRST_KEPT || m >= FIRST_KEPT + MONTHS.length) {
      return Month.format(m);
    }
    int k = m - FIRST_KEPT;
    String text = MONTHS[k];
    if (text == null) {
      text = Month.format(m);
      MONTHS[k] = text; // a race only makes it twice: a string is safely shared
    }
    return text;
  }

  /**
   * The words of the months of years 1900 to 2199, made when first asked: a report names the same
   * few months for every customer.
   */
  private static final String[] MONTHS = new String[300 * 12];

  private static final int FIRST_KEPT = Month.of(1900, 1);

  /** Months {@code from..to}, or one month when they are equal. */
  public static String months(int from, int to) {
    return from == to ? month(from) : month(from) + ".." + month(to);
  }
}
