package eligo.lang;

/**
 * One finding about a criteria file: an error or a warning at a place, in plain words. Printing
 * (source line and caret) is {@link #render()}, so the CLI, the Maven plugin and tests show the
 * same text.
 *
 * <p>{@code replacement} is the one text the message tells the author to write, where it goes
 * ({@code 'AZUR'; did you mean 'AZURE'?}: AZURE over AZUR), or null: an editor offers it as a quick
 * fix without reading the message. It is an offer that follows from the finding, not part of it:
 * two diagnostics with the same severity, place and message are equal whatever their replacement,
 * so a set of them holds each finding once.
 */
public record Diagnostic(Severity severity, Span span, String message, Replacement replacement) {
  /** Write {@code text} over {@code span}: a span of the diagnostic's line. */
  public record Replacement(Span span, String text) {}

  public Diagnostic(Severity severity, Span span, String message) {
    this(severity, span, message, null);
  }

  /** This diagnostic offering {@code text} in place of its span. */
  public Diagnostic replacing(String text) {
    return replacing(span, text);
  }

  /** This diagnostic offering {@code text} in place of {@code at}. */
  public Diagnostic replacing(Span at, String text) {
    return new Diagnostic(severity, span, message, new Replacement(at, text));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Diagnostic d
        && severity == d.severity
        && span.equals(d.span)
        && message.equals(d.message);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(severity, span, message);
  }

  public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String label;

    Severity(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public static Diagnostic error(Span span, String message) {
    return new Diagnostic(Severity.ERROR, span, message);
  }

  public static Diagnostic warning(Span span, String message) {
    return new Diagnostic(Severity.WARNING, span, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * javac-style text:
   *
   * <pre>
   * azure.criteria:12:29: error: unknown workload set 'AZUR'; did you mean 'AZURE'?
   *     value count workload in AZUR where any tenant, month in window where acr > 0
   *                             ^~~~
   * </pre>
   */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(span.where()).append(": ").append(severity.label()).append(": ").append(message);
    String line = span.file().line(span.line());
    if (!line.isEmpty() || span.line() <= span.file().lineCount()) {
      sb.append('\n').append(visible(line)).append('\n');
      int col = Math.max(1, span.column());
      // columns count characters (code points); a terminal gives a wide one (CJK, emoji) two
      // cells, so the caret's padding is as wide as what precedes it on screen
      int points = line.codePointCount(0, line.length());
      int before = Math.min(col - 1, points);
      int at = line.offsetByCodePoints(0, before);
      sb.append(" ".repeat(cells(line, 0, at)));
      sb.append('^');
      int length = Math.min(span.length(), Math.max(1, points - before));
      int end = line.offsetByCodePoints(at, Math.min(length, points - before));
      int tail = Math.max(1, cells(line, at, end)) - 1;
      if (tail > 0) {
        sb.append("~".repeat(tail));
      }
    }
    return sb.toString();
  }

  /** The terminal cells the characters of {@code line} from {@code from} to {@code to} take. */
  static int cells(String line, int from, int to) {
    int n = 0;
    for (int i = from; i < to; ) {
      int cp = line.codePointAt(i);
      i += Character.charCount(cp);
      n += width(cp);
    }
    return n;
  }

  /**
   * The cells a character takes on a terminal: 0 for a combining mark or a zero-width format
   * character, 2 for East Asian wide and full-width characters and emoji, else 1 (as wcwidth).
   */
  static int width(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || (type == Character.FORMAT && cp != 0x00AD)) {
      return 0;
    }
    boolean wide =
        (cp >= 0x1100 && cp <= 0x115F)
            || (cp >= 0x2E80 && cp <= 0x303E)
            || (cp >= 0x3041 && cp <= 0x33FF)
            || (cp >= 0x3400 && cp <= 0x4DBF)
            || (cp >= 0x4E00 && cp <= 0x9FFF)
            || (cp >= 0xA000 && cp <= 0xA4CF)
            || (cp >= 0xAC00 && cp <= 0xD7A3)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFE30 && cp <= 0xFE4F)
            || (cp >= 0xFF00 && cp <= 0xFF60)
            || (cp >= 0xFFE0 && cp <= 0xFFE6)
            || (cp >= 0x1F300 && cp <= 0x1F64F)
            || (cp >= 0x1F900 && cp <= 0x1F9FF)
            || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
  }

  /** The line with tabs and control characters as spaces, so the caret stays under its column. */
  private static String visible(String line) {
    StringBuilder sb = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      sb.append(ch < 0x20 || ch == 0x7f || ch == '\u2028' || ch == '\u2029' ? ' ' : ch);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
