package eligo.lang;

/** A place in a criteria file: 1-based line and column, and a length in characters (at least 1). */
public record Span(SourceFile file, int line, int column, int length) {
  public static Span at(SourceFile file, int line, int column) {
    return new Span(file, line, column, 1);
  }

  /**
   * From the start of this span to the end of {@code end} when both lie on one line; else this
   * span.
   */
  public Span through(Span end) {
    if (line == end.line() && end.column() >= column) {
      return new Span(file, line, column, end.column() + end.length() - column);
    }
    return this;
  }

  /** {@code file:line:col}. */
  public String where() {
    return file.name() + ":" + line + ":" + column;
  }

  @Override
  public String toString() {
    return where();
  }
}
