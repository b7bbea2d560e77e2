package eligo.lsp;

import java.util.Arrays;
import org.eclipse.lsp4j.Position;

/**
 * Between the protocol's positions in a text and the language service's places in the same text.
 * Both end lines at LF, CRLF or a lone CR; the protocol counts lines from 0 and characters in
 * UTF-16 code units, the service counts lines from 1 and columns from 1 in code points. So an emoji
 * is two protocol characters and one service column. Positions outside the text are clamped into
 * it; a position in the middle of a surrogate pair means the character it belongs to.
 */
final class TextPositions {
  private final String text;

  /** Offsets where each service line starts: the protocol's lines (LF, CRLF, CR). */
  private final int[] serviceLines;

  /** Offsets where each protocol line (LF, CRLF, CR) starts. */
  private final int[] protocolLines;

  /** {@code text}: the text the service read, or null when unknown (places pass unchanged). */
  TextPositions(String text) {
    this.text = text;
    if (text == null) {
      serviceLines = protocolLines = new int[] {0};
      return;
    }
    int[] any = new int[16];
    int nAny = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        any = grow(any, nAny);
        any[nAny++] = i + 1;
      }
    }
    protocolLines = Arrays.copyOf(any, nAny);
    serviceLines = protocolLines; // SourceFile counts lines as the protocol does
  }

  private static int[] grow(int[] a, int n) {
    return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  /** The service's 1-based line and column, {@code {line, column}}, of a protocol position. */
  int[] toService(Position p) {
    if (text == null) {
      return new int[] {p.getLine() + 1, p.getCharacter() + 1};
    }
    int offset = offset(p);
    int serviceLine = lineOf(serviceLines, offset);
    return new int[] {serviceLine + 1, 1 + text.codePointCount(serviceLines[serviceLine], offset)};
  }

  /** The protocol position of the service's 1-based line and column. */
  Position toProtocol(int line, int column) {
    if (text == null) {
      return new Position(Math.max(0, line - 1), Math.max(0, column - 1));
    }
    int l = Math.max(0, Math.min(line - 1, serviceLines.length - 1));
    int start = serviceLines[l];
    int end = lineEnd(serviceLines, l);
    int offset = start;
    for (int c = 1; c < column && offset < end; c++) {
      offset +=
          Character.isHighSurrogate(text.charAt(offset))
                  && offset + 1 < end
                  && Character.isLowSurrogate(text.charAt(offset + 1))
              ? 2
              : 1;
    }
    int protocolLine = lineOf(protocolLines, offset);
    return new Position(protocolLine, offset - protocolLines[protocolLine]);
  }

  /** The offset in the text of a protocol position (of the known text; clamped into it). */
  int offset(Position p) {
    if (text == null) {
      return 0;
    }
    int line = Math.max(0, Math.min(p.getLine(), protocolLines.length - 1));
    int start = protocolLines[line];
    int end = lineEnd(protocolLines, line);
    int offset = start + (int) Math.max(0, Math.min((long) p.getCharacter(), end - start));
    if (offset > start
        && offset < text.length()
        && Character.isLowSurrogate(text.charAt(offset))
        && Character.isHighSurrogate(text.charAt(offset - 1))) {
      offset--; // inside a surrogate pair: the character it belongs to
    }
    return offset;
  }

  /** The protocol position of the text's end. */
  Position end() {
    if (text == null) {
      return new Position(0, 0);
    }
    int last = protocolLines.length - 1;
    return new Position(last, text.length() - protocolLines[last]);
  }

  /** The offset after the last character of a line, before its line end. */
  private int lineEnd(int[] starts, int line) {
    int end = line + 1 < starts.length ? starts[line + 1] : text.length();
    while (end > starts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return end;
  }

  /** The index of the line holding an offset. */
  private static int lineOf(int[] starts, int offset) {
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i : -i - 2;
  }
}
