package eligo.check;

import eligo.lang.Span;

/**
 * Where a form starting at a keyword ends on its line, so that a diagnostic underlines the whole
 * form: a binder ({@code month in TTM(M)}, up to the comma, 'where' or 'for' after it), an 'at'
 * with its month ({@code at (M - 12)}), a 'net' with what it applies to ({@code net count tenant},
 * {@code net (x at m)}). The AST holds the keyword's place; the form's end is read from the line.
 */
final class WrittenForms {
  private WrittenForms() {}

  /** A binder from its word to the comma, 'where', 'for' or closing parenthesis that ends it. */
  static Span binder(Span s) {
    String line = line(s);
    if (line == null) {
      return s;
    }
    return to(s, line, end(line, s.column() - 1, true));
  }

  /** 'at' and its month: a word or a parenthesized month. */
  static Span at(Span s) {
    String line = line(s);
    if (line == null) {
      return s;
    }
    int i = skipSpaces(line, s.column() - 1 + 2);
    if (i < line.length() && line.charAt(i) == '(') {
      return to(s, line, closing(line, i));
    }
    int end = i;
    while (end < line.length()
        && (Character.isLetterOrDigit(line.charAt(end)) || line.charAt(end) == '_')) {
      end++;
    }
    return to(s, line, end);
  }

  /** 'net' and what it applies to, as far as it goes on the line. */
  static Span net(Span s) {
    String line = line(s);
    if (line == null) {
      return s;
    }
    int i = skipSpaces(line, s.column() - 1 + 3);
    if (i < line.length() && line.charAt(i) == '(') {
      return to(s, line, closing(line, i));
    }
    return to(s, line, end(line, i, false));
  }

  /** The text of {@code s} as written. */
  static String text(Span s) {
    String line = line(s);
    int from = s.column() - 1;
    return line == null ? "" : line.substring(from, Math.min(line.length(), from + s.length()));
  }

  private static String line(Span s) {
    String line = s.file().line(s.line());
    int from = s.column() - 1;
    return line == null || from < 0 || from >= line.length() ? null : line;
  }

  private static Span to(Span s, String line, int end) {
    String text = line.substring(s.column() - 1, Math.max(s.column() - 1, end)).stripTrailing();
    return text.length() <= s.length()
        ? s
        : new Span(s.file(), s.line(), s.column(), text.length());
  }

  private static int skipSpaces(String line, int i) {
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Just past the parenthesis that closes the one at {@code open}, or the line's end. */
  private static int closing(String line, int open) {
    int depth = 0;
    for (int i = open; i < line.length(); i++) {
      if (line.charAt(i) == '(') {
        depth++;
      } else if (line.charAt(i) == ')' && --depth == 0) {
        return i + 1;
      }
    }
    return line.length();
  }

  /**
   * Where an expression from {@code from} ends: at a closing parenthesis it did not open, a comma
   * or a comment, and for a binder at 'where' or 'for', else at a comparison, 'and' or 'or'.
   */
  private static int end(String line, int from, boolean binder) {
    int depth = 0;
    int end = from;
    for (; end < line.length(); end++) {
      char c = line.charAt(end);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (--depth < 0) {
          break;
        }
      } else if (depth == 0
          && (c == ','
              || c == '#'
              || (binder
                  ? startsWord(line, end, "where") || startsWord(line, end, "for")
                  : c == '<'
                      || c == '>'
                      || c == '='
                      || c == '!'
                      || startsWord(line, end, "and")
                      || startsWord(line, end, "or")))) {
        break;
      }
    }
    return end;
  }

  private static boolean startsWord(String line, int at, String word) {
    return line.startsWith(word, at)
        && (at == 0 || line.charAt(at - 1) == ' ' || line.charAt(at - 1) == '\t')
        && (at + word.length() == line.length()
            || !Character.isLetterOrDigit(line.charAt(at + word.length())));
  }
}
