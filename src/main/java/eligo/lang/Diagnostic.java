package eligo.lang;

/**
 * One finding about a criteria file: an error or a warning at a place, in plain words. Printing
 * (source line and caret) is {@link #render()}, so the CLI, the Maven plugin and tests show the
 * same text.
 */
public record Diagnostic(Severity severity, Span span, String message) {
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
      sb.append(" ".repeat(Math.min(col - 1, line.length())));
      sb.append('^');
      int tail = Math.min(span.length(), Math.max(1, line.length() - (col - 1))) - 1;
      if (tail > 0) {
        sb.append("~".repeat(tail));
      }
    }
    return sb.toString();
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
