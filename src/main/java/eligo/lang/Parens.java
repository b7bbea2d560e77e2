package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * A '(' left open where its statement ends: {@code where (sum acr for workload in W >= $1000} with
 * the next line {@code met when value >= 1}. The parser trips on it somewhere between the two,
 * often at a word before the '(' where its prediction started; the mistake is the missing ')', said
 * at the end of the line it belongs to. A statement ends where a line starts with a word that never
 * stands inside an expression: {@code met when}, {@code criteria "..."}, {@code details per},
 * {@code gate}, {@code metric}, {@code leaf}, {@code branch}, {@code area}, {@code template},
 * {@code define}, {@code import}, or a brace.
 */
final class Parens {
  private Parens() {}

  /**
   * A '(' not closed before {@code next}, the first word of the next statement; {@code last}: the
   * last word before it, where the ')' is missing.
   */
  record Unclosed(Token open, Token last, Token next, int from) {
    Diagnostic diagnostic(SourceFile source) {
      return notClosed(source, open, last, "')'");
    }

    /**
     * Whether the parser's complaint at {@code line} is an echo of this one: on a line of the
     * statement that holds the '(' ({@code from}: its first line).
     */
    boolean covers(int line) {
      return line >= from && line <= next.getLine();
    }
  }

  /**
   * The error of {@code open} left open at {@code last}, the last word of its line: "expected ')'
   * after 'M' at the end of the line: the '(' at line 8, column 43 is not closed" ({@code
   * expected}: what the parser wanted there, {@code ')'} or {@code ',' or ')'}).
   */
  static Diagnostic notClosed(SourceFile source, Token open, Token last, String expected) {
    return Diagnostic.error(
        Tokens.span(source, last),
        "expected "
            + expected
            + " after '"
            + SyntaxErrors.printable(last.getText())
            + "' at the end of the line: the '(' at line "
            + open.getLine()
            + ", column "
            + (open.getCharPositionInLine() + 1)
            + " is not closed");
  }

  /**
   * The '(' still open at {@code last} (on its line or before, within its statement), or null: the
   * nearest '(' before it with no ')' of its own, back to the nearest brace.
   */
  static Token openAt(List<Token> tokens, Token last) {
    int depth = 0;
    for (int i = last.getTokenIndex(); i >= 0; i--) {
      Token k = tokens.get(i);
      if (k.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (k.getType() == CriteriaLexer.RPAREN) {
        depth++;
      } else if (k.getType() == CriteriaLexer.LPAREN) {
        if (depth == 0) {
          return k;
        }
        depth--;
      } else if (k.getType() == CriteriaLexer.LBRACE || k.getType() == CriteriaLexer.RBRACE) {
        return null; // a block's brace: a '(' before it belongs to another statement
      }
    }
    return null;
  }

  static List<Unclosed> find(List<Token> tokens) {
    List<Token> words = new ArrayList<>();
    for (Token t : tokens) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
        words.add(t);
      }
    }
    List<Unclosed> out = new ArrayList<>();
    Deque<Token> open = new ArrayDeque<>();
    int statement = 1; // the line the current statement starts at
    for (int i = 0; i < words.size(); i++) {
      Token t = words.get(i);
      boolean firstOfLine = i > 0 && words.get(i - 1).getLine() < t.getLine();
      if (firstOfLine && startsAStatement(words, i)) {
        if (!open.isEmpty()) {
          Token o = open.peek();
          out.add(new Unclosed(o, words.get(i - 1), t, Math.min(statement, o.getLine())));
        }
        open.clear();
        statement = t.getLine() + 1; // the lines after the keyword's own are its statement's
      }
      switch (t.getType()) {
        case CriteriaLexer.LPAREN -> open.push(t);
        case CriteriaLexer.RPAREN -> open.poll();
        case CriteriaLexer.LBRACE, CriteriaLexer.RBRACE -> open.clear();
        default -> {}
      }
    }
    return out;
  }

  private static boolean startsAStatement(List<Token> words, int i) {
    int next = i + 1 < words.size() ? words.get(i + 1).getType() : Token.EOF;
    return switch (words.get(i).getType()) {
      case CriteriaLexer.MET -> next == CriteriaLexer.WHEN;
      case CriteriaLexer.CRITERIA -> next == CriteriaLexer.STRING;
      case CriteriaLexer.DETAILS -> next == CriteriaLexer.PER;
      case CriteriaLexer.GATE,
          CriteriaLexer.METRIC,
          CriteriaLexer.LEAF,
          CriteriaLexer.BRANCH,
          CriteriaLexer.AREA,
          CriteriaLexer.TEMPLATE,
          CriteriaLexer.DEFINE,
          CriteriaLexer.IMPORT,
          CriteriaLexer.LBRACE,
          CriteriaLexer.RBRACE ->
          true;
      default -> false;
    };
  }
}
