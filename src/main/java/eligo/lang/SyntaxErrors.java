package eligo.lang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Syntax errors of any of our ANTLR grammars as diagnostics in plain words: stray characters and
 * unclosed texts from the lexer, unbalanced braces, and the parser's complaints with the expected
 * tokens named for people. Grammar-independent: tokens are recognised by their symbolic names
 * ({@code ID} or {@code WORD}, {@code STRING}, {@code NUMBER}, {@code MONTH}, {@code STRAY}, {@code
 * UNTERMINATED_STRING}, {@code LBRACE}, {@code RBRACE}).
 */
public final class SyntaxErrors {
  private SyntaxErrors() {}

  /** How a '}' that closes nothing is reported (the start of the message). */
  public static final String CLOSES_NOTHING = "this '}' closes nothing";

  /** Reports every {@code STRAY} and {@code UNTERMINATED_STRING} token of a lexed file. */
  public static void lexical(
      SourceFile source, List<Token> tokens, Vocabulary vocabulary, List<Diagnostic> out) {
    for (Token t : tokens) {
      String kind = vocabulary.getSymbolicName(t.getType());
      if ("STRAY".equals(kind)) {
        out.add(
            Diagnostic.error(
                Tokens.span(source, t),
                "unexpected character '"
                    + printable(t.getText())
                    + "'"
                    + strayHint(tokens, vocabulary, t)));
      } else if ("UNTERMINATED_STRING".equals(kind)) {
        out.add(Diagnostic.error(Tokens.span(source, t), "this text has no closing quote (\")"));
      }
    }
  }

  /** Curly quotes, as a word processor writes them. */
  private static final String CURLY_QUOTES = "\u201c\u201d\u201e\u2018\u2019\u00ab\u00bb";

  /**
   * The fix of a stray character, when it is plain: curly quotes pasted from a word processor, a
   * space before a '%'.
   */
  private static String strayHint(List<Token> tokens, Vocabulary vocabulary, Token t) {
    String text = t.getText();
    if (CURLY_QUOTES.contains(text)) {
      return ": texts are written between straight double quotes (\"), not the curly quotes a"
          + " word processor makes";
    }
    if ("%".equals(text)) {
      for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
        Token p = tokens.get(i);
        if (p.getChannel() == Token.DEFAULT_CHANNEL) {
          boolean number =
              "NUMBER".equals(vocabulary.getSymbolicName(p.getType()))
                  && p.getLine() == t.getLine();
          return number ? ": write " + p.getText() + "% with no space before the '%'" : "";
        }
        if (p.getText().contains("\n")) {
          return "";
        }
      }
    }
    return "";
  }

  /**
   * Reports an unclosed '{' at the place it was opened, and a '}' that closes nothing. {@code
   * opener} describes what a '{' opens ("area 'azure'", "case \"x\""), given the tokens and the
   * brace.
   */
  public static void braces(
      SourceFile source,
      List<Token> tokens,
      Vocabulary vocabulary,
      BiFunction<List<Token>, Token, String> opener,
      List<Diagnostic> out) {
    Deque<Token> open = new ArrayDeque<>();
    for (Token t : tokens) {
      String kind = vocabulary.getSymbolicName(t.getType());
      if ("LBRACE".equals(kind)) {
        open.push(t);
      } else if ("RBRACE".equals(kind)) {
        if (open.isEmpty()) {
          out.add(
              Diagnostic.error(
                  Tokens.span(source, t), CLOSES_NOTHING + ": there is no '{' open before it"));
        } else {
          open.pop();
        }
      }
    }
    while (!open.isEmpty()) {
      Token t = open.removeLast();
      out.add(
          Diagnostic.error(
              Tokens.span(source, t),
              "expected '}' to close "
                  + opener.apply(tokens, t)
                  + " opened here at line "
                  + t.getLine()
                  + "; the file ends before it"));
    }
  }

  /**
   * An error listener that collects the parser's syntax errors into {@code out}, skipping those at
   * tokens the lexer pass already reported.
   */
  public static BaseErrorListener collector(SourceFile source, List<Diagnostic> out) {
    return new BaseErrorListener() {
      @Override
      public void syntaxError(
          Recognizer<?, ?> recognizer,
          Object offending,
          int line,
          int col,
          String msg,
          RecognitionException e) {
        Token t = (Token) offending;
        Vocabulary v = recognizer.getVocabulary();
        if (t != null) {
          String kind = v.getSymbolicName(t.getType());
          if ("STRAY".equals(kind) || "UNTERMINATED_STRING".equals(kind)) {
            return; // already reported by the lexer pass
          }
        }
        out.add(
            Diagnostic.error(
                t == null ? Span.at(source, line, col + 1) : Tokens.span(source, t),
                message((Parser) recognizer, t, e, msg)));
      }
    };
  }

  /**
   * Sorts, drops the parser's end-of-file complaints when braces are unbalanced (a cascade), and
   * keeps one syntax error per line: the rest are usually its echoes.
   */
  public static List<Diagnostic> tidy(List<Diagnostic> lexical, List<Diagnostic> syntax) {
    boolean braceTrouble = !lexical.isEmpty();
    List<Diagnostic> all = new ArrayList<>(lexical);
    for (Diagnostic d : syntax) {
      if (!(braceTrouble && d.message().startsWith("unexpected end of file"))) {
        all.add(d);
      }
    }
    all.sort(Diagnostics.ORDER);
    return onePerLine(all);
  }

  /** Of diagnostics in reading order, the first of each line: the rest are usually its echoes. */
  public static List<Diagnostic> onePerLine(List<Diagnostic> sorted) {
    List<Diagnostic> out = new ArrayList<>();
    int lastLine = -1;
    for (Diagnostic d : sorted) {
      if (d.span().line() == lastLine) {
        continue;
      }
      lastLine = d.span().line();
      out.add(d);
    }
    return out;
  }

  /** Control characters shown as {@code \u0007}. */
  public static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x20 || ch == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static String message(
      Parser parser, Token t, RecognitionException e, String antlrMessage) {
    String found = t == null ? "?" : describe(parser.getVocabulary(), t);
    IntervalSet expected = null;
    if (e instanceof InputMismatchException || e instanceof NoViableAltException || e == null) {
      try {
        expected = parser.getExpectedTokens();
      } catch (RuntimeException ignored) {
        expected = null;
      }
    }
    if (t != null && t.getType() == Token.EOF) {
      return "unexpected end of file" + expecting(parser.getVocabulary(), expected);
    }
    if (antlrMessage.startsWith("missing ")) {
      return "expected "
          + antlrMessage.substring("missing ".length()).replaceAll(" at .*$", "")
          + " before "
          + found;
    }
    return "unexpected " + found + expecting(parser.getVocabulary(), expected);
  }

  private static String expecting(Vocabulary vocabulary, IntervalSet expected) {
    if (expected == null || expected.isNil() || expected.size() > 6) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (int type : expected.toList()) {
      names.add(tokenWords(vocabulary, type));
    }
    return "; expected " + String.join(" or ", names);
  }

  /** A token type in words: "a name", "a number", "'{'". */
  public static String tokenWords(Vocabulary vocabulary, int type) {
    if (type == Token.EOF) {
      return "the end of the file";
    }
    String kind = vocabulary.getSymbolicName(type);
    switch (kind == null ? "" : kind) {
      case "ID":
      case "WORD":
        return "a name";
      case "STRING":
        return "a text in quotes";
      case "NUMBER":
        return "a number";
      case "MONEY":
        return "an amount ($)";
      case "PERCENT":
        return "a percentage";
      case "MONTH":
        return "a month (YYYY-MM)";
      default:
        String literal = vocabulary.getLiteralName(type);
        return literal == null ? vocabulary.getDisplayName(type) : literal;
    }
  }

  /** A found token in words: "name 'x'", "text \"x\"", "'}'", "end of file". */
  public static String describe(Vocabulary vocabulary, Token t) {
    if (t.getType() == Token.EOF) {
      return "end of file";
    }
    String kind = vocabulary.getSymbolicName(t.getType());
    switch (kind == null ? "" : kind) {
      case "STRING":
        return "text " + t.getText();
      case "ID":
      case "WORD":
        return "name '" + t.getText() + "'";
      default:
        return "'" + printable(t.getText()) + "'";
    }
  }
}
