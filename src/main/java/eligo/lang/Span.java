package eligo.lang;

/** A place in a criteria file: 1-based line and column, and a length in characters (at least 1). */
public record Span(SourceFile file, int line, int column, int length) {
  public static Span at(SourceFile file, int line, int column) {
    return new Span(file, line, column, 1);
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
