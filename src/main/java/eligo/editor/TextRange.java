package eligo.editor;

import eligo.lang.Span;

/**
 * A range of a file: 1-based lines and columns, the end exclusive (the column after the last
 * character), as {@code eligo check} prints places.
 */
public record TextRange(int startLine, int startColumn, int endLine, int endColumn) {
  /** The range of a span, on its line (a span that runs past its line ends at the line's end). */
  public static TextRange of(Span span) {
    int lineLength = span.file().line(span.line()).length();
    int end = span.column() + Math.max(1, span.length());
    if (span.line() <= span.file().lineCount() && end > lineLength + 1) {
      end = Math.max(span.column(), lineLength + 1);
    }
    return new TextRange(span.line(), span.column(), span.line(), end);
  }

  public static TextRange point(int line, int column) {
    return new TextRange(line, column, line, column);
  }

  /** Whether the place is inside the range, its end included (a cursor just after a word). */
  public boolean contains(int line, int column) {
    boolean afterStart = line > startLine || (line == startLine && column >= startColumn);
    boolean beforeEnd = line < endLine || (line == endLine && column <= endColumn);
    return afterStart && beforeEnd;
  }

  /** Whether {@code other} lies within this range. */
  public boolean encloses(TextRange other) {
    return contains(other.startLine, other.startColumn) && contains(other.endLine, other.endColumn);
  }

  /** Lines spanned, for choosing the innermost of nested ranges. */
  int size() {
    return (endLine - startLine) * 10_000 + (endColumn - startColumn);
  }
}
