package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * A part of the parse tree as it was written, for the texts the AST keeps: exactly as in the file
 * (a version's month), with its tokens spaced for criteria texts, or laid out as the formatter
 * would (the labels of conditions in explanations). Pure functions of the tree.
 */
final class WrittenText {
  private WrittenText() {}

  /** The text of {@code ctx} exactly as written, spaces between its tokens included. */
  static String written(ParserRuleContext ctx) {
    return ctx.getStart()
        .getInputStream()
        .getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
  }

  /**
   * A part as written, for criteria texts ({@code {seat_band}} shows {@code > 10 and <= 300}): its
   * tokens with one space between them and none before a comma, so that the layout of the file
   * (which {@code eligo fmt} may change) never changes a text.
   */
  static String text(ParserRuleContext ctx) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ctx.getChildCount(); i++) {
      ParseTree child = ctx.getChild(i);
      String part = child instanceof ParserRuleContext c ? text(c) : child.getText();
      if (sb.length() > 0 && !part.equals(",")) {
        sb.append(' ');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  /** A part's text as written, its tokens joined by one space (no comments, no line breaks). */
  static String label(ParserRuleContext ctx) {
    StringBuilder out = new StringBuilder();
    collectTokens(ctx, out);
    return out.toString();
  }

  private static void collectTokens(ParseTree t, StringBuilder out) {
    collectTokens(t, out, new int[] {Token.INVALID_TYPE});
  }

  /** As the formatter lays them out: no space inside parentheses, before , or :, or a call's (. */
  private static void collectTokens(ParseTree t, StringBuilder out, int[] previous) {
    if (t instanceof TerminalNode n) {
      int type = n.getSymbol().getType();
      if (type == Token.EOF) {
        return;
      }
      boolean glue =
          out.length() == 0
              || type == CriteriaLexer.RPAREN
              || type == CriteriaLexer.COMMA
              || type == CriteriaLexer.COLON
              || previous[0] == CriteriaLexer.LPAREN
              || (type == CriteriaLexer.LPAREN && previous[0] == CriteriaLexer.ID);
      if (!glue) {
        out.append(' ');
      }
      out.append(n.getText());
      previous[0] = type;
      return;
    }
    for (int i = 0; i < t.getChildCount(); i++) {
      collectTokens(t.getChild(i), out, previous);
    }
  }
}
