package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Two slips of words where the language takes a form: a node's criteria text written without its
 * quotes ({@code criteria Net qualified tenants}), and a range of months in words ({@code month in
 * last 12 months}). Each is one error with the form written out, and that form as the fix.
 */
final class WordedTexts {
  private WordedTexts() {}

  /** The slip at the error {@code t}, or null. */
  static Slips.Slip at(TokenStream tokens, Token t) {
    Token last = unquotedCriteriaEnd(tokens, t);
    if (last != null) {
      String quoted = "\"" + words(t, last) + "\"";
      return new Slips.Slip(
          t, "a node's criteria text is written in quotes: criteria " + quoted, last, quoted);
    }
    // 'last 12 months': the parser stops at the number after the name 'last'
    Token before = Slips.visible(tokens, t, -1);
    if (before != null
        && before.getText().equalsIgnoreCase("last")
        && t.getType() == CriteriaLexer.NUMBER
        && t.getText().matches("[1-9][0-9]{0,2}")) {
      Token unit = Slips.visible(tokens, t, +1);
      if (unit != null
          && unit.getLine() == t.getLine()
          && unit.getText().toLowerCase(java.util.Locale.ROOT).matches("months?")) {
        int n = Integer.parseInt(t.getText());
        String range = n == 12 ? "TTM(M)" : n == 1 ? "M .. M" : "M - " + (n - 1) + " .. M";
        return new Slips.Slip(
            before,
            "'last "
                + n
                + " "
                + unit.getText()
                + "' is written as a range of months: "
                + range
                + (n == 12 ? " (the twelve months to M, M - 11 .. M)" : "")
                + "; M is the as-of month",
            unit,
            range);
      }
    }
    return null;
  }

  /**
   * The last word of a node's criteria text written without quotes from {@code t} ({@code criteria
   * Net qualified tenants: at least {met}}): the words to the end of the line, or to a '}' that
   * closes the node on the same line; null when {@code t} does not start such a text (or the words
   * hold a quote or a backslash, which quoting them would not make a text).
   */
  static Token unquotedCriteriaEnd(TokenStream tokens, Token t) {
    Token before = Slips.visible(tokens, t, -1);
    if (before == null
        || before.getType() != CriteriaLexer.CRITERIA
        || before.getLine() != t.getLine()
        || t.getType() == CriteriaLexer.RBRACE
        || t.getType() == CriteriaLexer.STRING
        || t.getType() == CriteriaLexer.UNTERMINATED_STRING) {
      return null;
    }
    Token last = t;
    int depth = 0;
    for (Token w = t;
        w != null && w.getType() != Token.EOF && w.getLine() == t.getLine();
        w = Slips.visible(tokens, w, +1)) {
      depth +=
          w.getType() == CriteriaLexer.LBRACE ? 1 : w.getType() == CriteriaLexer.RBRACE ? -1 : 0;
      if (depth < 0) {
        break;
      }
      last = w;
    }
    if (last.getType() == Token.EOF) {
      return null;
    }
    String words = words(t, last);
    return words.indexOf('"') < 0 && words.indexOf('\\') < 0 ? last : null;
  }

  /** The source text from {@code first} through {@code last}. */
  static String words(Token first, Token last) {
    return first
        .getInputStream()
        .getText(org.antlr.v4.runtime.misc.Interval.of(first.getStartIndex(), last.getStopIndex()));
  }
}
