package eligo.io;

import eligo.data.Month;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a month cell that is not {@code YYYY-MM} was most likely meant to be, in the forms a
 * spreadsheet or a hand writes it: {@code 2025-4}, {@code 2025/04}, {@code 202504}, a date ({@code
 * 2025-04-01}, {@code 4/1/2025}) or a month's name ({@code Apr-25}, {@code April 2025}) or a
 * spreadsheet's day number ({@code 45748}). Only a hint in the message: DATA.md has nothing else be
 * a month, so the row stays an error. Asked only of a cell already found bad. Package-private: a
 * loading aid.
 */
final class MonthHints {
  private MonthHints() {}

  private static final Pattern YEAR_MONTH =
      Pattern.compile("(\\d{4})[-/.](\\d{1,2})|(\\d{4})(\\d{2})");
  private static final Pattern ISO_DATE =
      Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T].*)?");
  private static final Pattern FIRST_OF_MONTH = Pattern.compile("(\\d{1,2})/0?1/(\\d{4})(?: .*)?");
  private static final Pattern NAMED = Pattern.compile("([A-Za-z]{3,9})[-/ .]+(\\d{2}|\\d{4})");

  /** A spreadsheet's serial day number (days since 1899-12-30), 20000 (1954) to 79999 (2118). */
  private static final Pattern SERIAL = Pattern.compile("[2-7]\\d{4}");

  private static final String[] NAMES = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };

  /** What to add to "is not a month (YYYY-MM)" for {@code text}; empty when nothing fits. */
  static String of(String cell) {
    String text = cell.replace('\u00a0', ' ').strip();
    if (!text.equals(cell) && Month.parse(text) != Month.NONE) {
      return ": write it " + text + " (without the spaces around it)";
    }
    Matcher m = YEAR_MONTH.matcher(text);
    if (m.matches()) {
      return m.group(1) != null
          ? write(m.group(1), m.group(2), "")
          : write(m.group(3), m.group(4), "");
    }
    String date =
        " (a spreadsheet turns months into dates: format the column as text before saving)";
    m = ISO_DATE.matcher(text);
    if (m.matches()) {
      return write(m.group(1), m.group(2), date);
    }
    m = FIRST_OF_MONTH.matcher(text);
    if (m.matches()) {
      return write(m.group(2), m.group(1), date);
    }
    if (SERIAL.matcher(text).matches()) {
      java.time.LocalDate day = java.time.LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(text));
      return write(String.valueOf(day.getYear()), String.valueOf(day.getMonthValue()), "")
          + " ("
          + text
          + " is a spreadsheet's number for the day "
          + day
          + ": format the column as text before saving)";
    }
    m = NAMED.matcher(text);
    if (m.matches()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      for (int i = 0; i < NAMES.length; i++) {
        if (name.startsWith(NAMES[i])) {
          String year = m.group(2).length() == 2 ? "20" + m.group(2) : m.group(2);
          return write(year, String.valueOf(i + 1), date);
        }
      }
    }
    return "";
  }

  private static String write(String year, String month, String why) {
    int mm = Integer.parseInt(month);
    if (mm < 1 || mm > 12) {
      return "";
    }
    return String.format(Locale.ROOT, ": write it %s-%02d", year, mm) + why;
  }
}
