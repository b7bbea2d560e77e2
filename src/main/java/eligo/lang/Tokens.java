package eligo.lang;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Spans and texts of ANTLR tokens and rules, for the builders of every grammar. */
public final class Tokens {
  private Tokens() {}

  /** The span of a token. */
  public static Span span(SourceFile source, Token t) {
    int len = Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
    return new Span(source, t.getLine(), t.getCharPositionInLine() + 1, len);
  }

  /**
   * The span of a rule: from its first token to its last when they share a line, else its first
   * token.
   */
  public static Span span(SourceFile source, ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop();
    int len = 1;
    if (stop != null
        && stop.getLine() == start.getLine()
        && stop.getStopIndex() >= start.getStartIndex()) {
      len = stop.getStopIndex() - start.getStartIndex() + 1;
    } else if (start.getStopIndex() >= start.getStartIndex()) {
      len = start.getStopIndex() - start.getStartIndex() + 1;
    }
    return new Span(source, start.getLine(), start.getCharPositionInLine() + 1, len);
  }

  /** Whether {@code b} follows {@code a} with nothing between them, not even a space. */
  public static boolean touching(Token a, Token b) {
    return a.getStopIndex() + 1 == b.getStartIndex();
  }

  /** The text of a quoted STRING token: quotes removed, {@code \"} and {@code \\} unescaped. */
  public static String unquote(String s) {
    String inner = s.length() >= 2 ? s.substring(1, s.length() - 1) : "";
    StringBuilder sb = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char ch = inner.charAt(i);
      if (ch == '\\' && i + 1 < inner.length()) {
        sb.append(inner.charAt(++i));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }
}
