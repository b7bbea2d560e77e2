package eligo.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an amount or count cell that is not in DATA.md's form was most likely meant to be, as
 * spreadsheets write numbers: a currency sign, thousands separators, a decimal comma, an exponent
 * ({@code 1.2E+05}), accounting parentheses for a negative, spaces around it, {@code 50.0} for a
 * count; or what it is, when it is no number (Excel's {@code #N/A}). Only a hint in the message:
 * the row stays an error. Asked only of a cell already found bad. Package-private: a loading aid.
 */
final class NumberHints {
  private NumberHints() {}

  private static final Pattern ERROR_VALUE =
      Pattern.compile("#(N/A|VALUE!|REF!|DIV/0!|NAME\\?|NUM!|NULL!|SPILL!|CALC!)");
  private static final Pattern THOUSANDS = Pattern.compile("-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?");
  private static final Pattern DECIMAL_COMMA = Pattern.compile("-?[0-9]+,[0-9]{1,2}");
  private static final Pattern EXPONENT =
      Pattern.compile("-?[0-9]+(\\.[0-9]+)?[eE][+-]?[0-9]{1,3}");

  /** Groups of three digits after points, and perhaps a decimal comma: {@code 1.234.567,50}. */
  private static final Pattern THOUSANDS_POINT =
      Pattern.compile("-?[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]{1,2})?");

  /**
   * What to add for {@code text} written with '.' between thousands, as much of Europe writes
   * numbers; empty when it is not. One group and no comma ({@code 10.000}) reads either way, so
   * both readings are said: a thousand times the other, the wrong one is no small slip.
   */
  static String thousandsPoint(String text) {
    String s = text.strip();
    if (!THOUSANDS_POINT.matcher(s).matches()) {
      return "";
    }
    boolean comma = s.indexOf(',') >= 0;
    String meant = s.replace(".", "").replace(',', '.');
    if (!comma && s.indexOf('.') == s.lastIndexOf('.')) {
      BigDecimal v = new BigDecimal(s);
      boolean whole = v.stripTrailingZeros().scale() <= 0;
      String asWritten = whole ? v.setScale(0).toPlainString() : null;
      return ": write it "
          + meant
          + " if the '.' separates thousands"
          + (asWritten != null ? ", or " + asWritten : "");
    }
    return ": write it "
        + meant
        + " (without '.' between thousands"
        + (comma ? ", a decimal comma" : "")
        + ")";
  }

  /** What to add to "is not an amount" for {@code text}; empty when nothing fits. */
  static String money(String text) {
    return hint(text, true);
  }

  /** What to add to "is not a whole number" for {@code text}; empty when nothing fits. */
  static String count(String text) {
    return hint(text, false);
  }

  private static String hint(String text, boolean money) {
    String points = thousandsPoint(text);
    if (!points.isEmpty()) {
      return points;
    }
    String s = text.strip().replace("\u00a0", "").replace("\u202f", "");
    if (s.isEmpty()) {
      return ": leave the cell empty for 0 (it holds only spaces)";
    }
    if (ERROR_VALUE.matcher(s).matches()) {
      return ": " + s + " is a spreadsheet's error value (its formula failed), not a number";
    }
    List<String> without = new ArrayList<>();
    if (!s.equals(text)) {
      without.add("spaces");
    }
    boolean parenthesised = s.length() > 2 && s.startsWith("(") && s.endsWith(")");
    if (parenthesised) {
      s = s.substring(1, s.length() - 1).strip();
    }
    String unsigned = s.replace("$", "").replace("€", "").replace("£", "").replace("USD", "");
    if (!unsigned.equals(s)) {
      without.add("a currency sign");
      s = unsigned.strip();
    }
    if (parenthesised && !s.startsWith("-")) {
      s = "-" + s; // an accountant's (12.50) is -12.50
      without.add("parentheses for a negative");
    }
    if (s.startsWith("+")) {
      s = s.substring(1);
      without.add("the plus sign");
    }
    if (THOUSANDS.matcher(s).matches()) {
      s = s.replace(",", "");
      without.add("thousands separators");
    } else if (DECIMAL_COMMA.matcher(s).matches()) {
      s = s.replace(',', '.');
      without.add("a decimal comma");
    }
    if (EXPONENT.matcher(s).matches()) {
      try {
        s = new BigDecimal(s).toPlainString();
        without.add("an exponent");
      } catch (NumberFormatException e) {
        return "";
      }
    }
    if (!money) {
      String whole = s.replaceFirst("^(-?[0-9]+)\\.0*$", "$1");
      if (!whole.equals(s)) {
        s = whole;
        without.add("decimals");
      }
      if (s.matches("-0+")) {
        s = "0";
        without.add("the minus sign");
      }
    } else if (s.matches("-?[0-9]+\\.[0-9]{3,}")) {
      s = s.replaceFirst("\\.?0+$", ""); // 120000.000 from an exponent
    }
    boolean valid =
        money ? Numbers.parseMoney(s) != Numbers.BAD : Numbers.parseCount(s) != Numbers.BAD;
    if (without.isEmpty() || !valid || s.equals(text)) {
      return "";
    }
    return ": write it " + s + " (without " + String.join(", ", without) + ")";
  }
}
