package eligo.io;

import java.util.List;
import java.util.Locale;

/**
 * What a spreadsheet's export most likely did to a header that lacks a required column: columns
 * separated by semicolons or tabs (a regional setting, or "Unicode Text"), text saved as UTF-16, a
 * name in another case or with spaces or invisible characters around it. Only asked once a column
 * is found missing, so a good header costs nothing. Package-private: a loading aid.
 */
final class HeaderHints {
  private HeaderHints() {}

  /** Separators other than the comma that spreadsheets write, with their names. */
  private static final char[] SEPARATORS = {';', '\t', '|'};

  private static final String[] SEPARATOR_NAMES = {"semicolons (';')", "tabs", "bars ('|')"};

  /**
   * One problem that explains the whole header, said instead of one missing column after another;
   * null when the header is not so wrong.
   *
   * @param names the header's names, as read
   * @param columns the file's required columns
   */
  static String whole(List<String> names, String[] columns) {
    for (String n : names) {
      if (n.indexOf('\0') >= 0) {
        return "the header holds NUL characters: the file looks saved as UTF-16 (as Excel's"
            + " \"Unicode Text\"), not UTF-8: save it as CSV UTF-8";
      }
    }
    if (names.size() != 1) {
      return null;
    }
    String only = names.get(0);
    for (int s = 0; s < SEPARATORS.length; s++) {
      String sep = String.valueOf(SEPARATORS[s]);
      if (!only.contains(sep)) {
        continue;
      }
      for (String part : only.split(java.util.regex.Pattern.quote(sep), -1)) {
        for (String c : columns) {
          if (c.equals(normal(part))) {
            return "the header is one column, "
                + Cells.quote(only)
                + ": its names are separated by "
                + SEPARATOR_NAMES[s]
                + ", not commas: save the file as CSV with commas (Excel: CSV UTF-8)";
          }
        }
      }
    }
    return null;
  }

  /**
   * What to add to "missing column {@code column}" when the header has a name that differs from it
   * only in case or in spaces or invisible characters around it; empty otherwise.
   */
  static String near(String column, List<String> names) {
    for (String n : names) {
      if (n.equals(column) || !column.equals(normal(n))) {
        continue;
      }
      String stripped = strip(n);
      boolean spaces = !stripped.equals(n);
      boolean cased = !stripped.equals(column);
      return "; the header's "
          + Cells.quote(n)
          + (cased && spaces
              ? " differs in case and has spaces or invisible characters around it"
              : cased ? " differs only in case" : " has spaces or invisible characters around it")
          + " (names are matched exactly)";
    }
    return "";
  }

  /** {@code name} without what surrounds it invisibly, in lower case. */
  private static String normal(String name) {
    return strip(name).toLowerCase(Locale.ROOT);
  }

  /** {@code name} without leading and trailing white space and invisible characters. */
  private static String strip(String name) {
    int from = 0;
    int to = name.length();
    while (from < to && invisible(name.charAt(from))) {
      from++;
    }
    while (to > from && invisible(name.charAt(to - 1))) {
      to--;
    }
    return name.substring(from, to);
  }

  private static boolean invisible(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT
        || Character.isISOControl(c);
  }
}
