package eligo.io;

/**
 * How cells and rows of a dataset file appear in error messages and rejects files: a cell quoted,
 * escaped and cut; a record written back as one CSV row. Package-private: a loading aid.
 */
final class Cells {
  private Cells() {}

  /** Cell values longer than this are cut in messages. */
  private static final int MAX_SHOWN = 80;

  /**
   * A cell value for a message: in single quotes, line breaks, tabs and {@link #invisible}
   * characters escaped, long ones cut.
   */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
    int n = Math.min(s.length(), MAX_SHOWN);
    for (int i = 0; i < n; i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (invisible(ch)) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    if (s.length() > n) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }

  /**
   * Whether {@code ch} shows as nothing or as a plain space though it is not one: a control
   * character, a space other than U+0020 (the no-break space of a spreadsheet's number), a format
   * character (a byte order mark, a zero-width space, a direction mark). The zero-width joiner
   * inside an emoji is left as it is. Such characters are written {@code \}u00A0 in messages, so
   * that {@code '50\}u00A0'} is not read as {@code '50 '}.
   */
  static boolean invisible(char ch) {
    if (ch == ' ' || ch == '\u200D') {
      return false;
    }
    int type = Character.getType(ch);
    return type == Character.CONTROL
        || type == Character.SPACE_SEPARATOR
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /** The record written back as one CSV row (fields quoted where RFC 4180 needs it). */
  static String rawText(CsvFields rec) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rec.count(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      appendCsvField(sb, rec.get(i));
    }
    return sb.toString();
  }

  /** Appends {@code f} as a CSV field, quoted when it holds a comma, quote or line break. */
  static void appendCsvField(StringBuilder sb, String f) {
    boolean quote = false;
    for (int j = 0; j < f.length() && !quote; j++) {
      char ch = f.charAt(j);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    if (!quote) {
      sb.append(f);
      return;
    }
    sb.append('"');
    for (int j = 0; j < f.length(); j++) {
      char ch = f.charAt(j);
      if (ch == '"') {
        sb.append('"');
      }
      sb.append(ch);
    }
    sb.append('"');
  }
}
