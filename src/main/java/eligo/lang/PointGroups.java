package eligo.lang;

import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * A number that separates groups of three digits with points, as much of Europe writes them ({@code
 * $1.000.000}): to the lexer {@code $1.000}, a stray '.', {@code 000.000}, all touching. Said as
 * one error over the whole number, with the number to write; {@code start} is the index of its
 * first token, so that its other points are not said again.
 */
record PointGroups(int start, String written) {
  /** The number the stray '.' {@code t} is inside, or null when it is in none such. */
  static PointGroups at(List<Token> tokens, Token t) {
    int first = t.getTokenIndex();
    while (first > 0
        && Tokens.touching(tokens.get(first - 1), tokens.get(first))
        && tokens.get(first - 1).getText().matches("\\.|\\$?[0-9.]+")) {
      first--;
    }
    int last = t.getTokenIndex();
    while (last + 1 < tokens.size()
        && Tokens.touching(tokens.get(last), tokens.get(last + 1))
        && tokens.get(last + 1).getText().matches("\\.|[0-9.]+")) {
      last++;
    }
    StringBuilder written = new StringBuilder();
    for (int k = first; k <= last; k++) {
      written.append(tokens.get(k).getText());
    }
    return written.toString().matches("\\$?[0-9]{1,3}(\\.[0-9]{3}){2,}")
        ? new PointGroups(first, written.toString())
        : null;
  }

  /** The error over the whole number, offering it without its points. */
  Diagnostic diagnostic(SourceFile source, List<Token> tokens) {
    Token first = tokens.get(start);
    String plain = written.replace(".", "");
    return Diagnostic.error(
            new Span(source, first.getLine(), first.getCharPositionInLine() + 1, written.length()),
            "'"
                + written
                + "' separates thousands with '.', which numbers here do not do ('.' is the"
                + " decimal point): write "
                + plain)
        .replacing(plain);
  }
}
