package eligo.lang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * How a '}' that the indentation shows to be one too many is reported (the end of the message).
   */
  public static final String ONE_TOO_MANY = "is it one '}' too many?";

  /** Reports every {@code STRAY} and {@code UNTERMINATED_STRING} token of a lexed file. */
  public static void lexical(
      SourceFile source, List<Token> tokens, Vocabulary vocabulary, List<Diagnostic> out) {
    int groupsSaid = -1; // the run of the last '$1.000.000' reported: its other points are said
    for (Token t : tokens) {
      String kind = vocabulary.getSymbolicName(t.getType());
      PointGroups groups =
          "STRAY".equals(kind) && ".".equals(t.getText()) ? PointGroups.at(tokens, t) : null;
      if (groups != null) {
        if (groups.start() != groupsSaid) {
          groupsSaid = groups.start();
          out.add(groups.diagnostic(source, tokens));
        }
        continue;
      }
      if ("STRAY".equals(kind)) {
        out.add(
            Diagnostic.error(
                Tokens.span(source, t),
                "unexpected character '"
                    + printable(t.getText())
                    + "'"
                    + strayHint(tokens, vocabulary, t)));
      } else if ("UNTERMINATED_STRING".equals(kind)) {
        Span text = Tokens.span(source, t);
        String after = afterToken(t);
        if (after.length() == 2
            && after.charAt(0) == '\\'
            && !"\r\n".contains(after.substring(1))) {
          // "C:\data", "\u00e9": the text stops at a backslash that starts no escape
          String c = printable(after.substring(1));
          out.add(
              Diagnostic.error(
                  new Span(source, text.line(), text.column() + text.length(), 2),
                  "'\\"
                      + c
                      + "' is no escape in a text: the only ones are \\\" for a quote and \\\\ for"
                      + " a backslash (for a backslash before '"
                      + c
                      + "', write \\\\"
                      + c
                      + ")"));
          continue;
        }
        out.add(Diagnostic.error(Tokens.span(source, t), "this text has no closing quote (\")"));
      }
    }
  }

  /** The two characters after {@code t} in its input (fewer at the end). */
  private static String afterToken(Token t) {
    org.antlr.v4.runtime.CharStream in = t.getInputStream();
    int from = t.getStopIndex() + 1;
    int to = Math.min(from + 1, in.size() - 1);
    return from > to ? "" : in.getText(org.antlr.v4.runtime.misc.Interval.of(from, to));
  }

  private static Token previous(List<Token> tokens, Token t) {
    for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
      Token p = tokens.get(i);
      if (p.getChannel() == Token.DEFAULT_CHANNEL) {
        return p;
      }
    }
    return null;
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
    String meant =
        switch (text) {
          case "\u2265" -> ">=";
          case "\u2264" -> "<=";
          case "\u2260" -> "!=";
          case "\u2013", "\u2014", "\u2212" -> "-";
          case "\u00d7" -> "*";
          default -> null;
        };
    if (meant != null) {
      return ": write '" + meant + "'";
    }
    if ("\u00a0".equals(text)) {
      return " (a non-breaking space, as a word processor writes it): write a plain space";
    }
    if ("$".equals(text) || "\u20ac".equals(text) || "\u00a3".equals(text)) {
      // '1000$' (the sign after the amount), '€1000', '£1000': amounts are US dollars, '$' first
      Token p = previous(tokens, t);
      boolean after =
          "$".equals(text)
              && p != null
              && "NUMBER".equals(vocabulary.getSymbolicName(p.getType()))
              && Tokens.touching(p, t);
      if (after) {
        return ": write $" + p.getText() + ", the '$' before the amount";
      }
      return "$".equals(text)
          ? ""
          : ": amounts are in US dollars (the data's acr_usd and revenue_usd), written with '$'"
              + " before the amount: $1000";
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
    braces(source, tokens, vocabulary, opener, out, new HashMap<>());
  }

  /**
   * As {@link #braces(SourceFile, List, Vocabulary, BiFunction, List)}, and where the indentation
   * shows which brace is missing or one too many, says so at that place instead: a block whose '}'
   * was left out ends where a line comes back to its indentation ("expected '}' to close metric 'x'
   * (opened at line 29) before this line"), a '}' too many is the one that closes a block at a
   * deeper indentation than the block's first line. The tokens of {@code quiet} are where the
   * parser's complaints are echoes of that brace (a null diagnostic: of a '{' that a text with no
   * closing quote took in, which the lexical pass reports).
   */
  public static void braces(
      SourceFile source,
      List<Token> tokens,
      Vocabulary vocabulary,
      BiFunction<List<Token>, Token, String> opener,
      List<Diagnostic> out,
      Map<Token, Diagnostic> quiet) {
    Deque<Token> open = new ArrayDeque<>();
    List<Token[]> pairs = new ArrayList<>();
    List<Token> strays = new ArrayList<>();
    int eaten = 0; // '{' inside a text with no closing quote: its '}' closes it
    for (Token t : tokens) {
      String kind = vocabulary.getSymbolicName(t.getType());
      if ("LBRACE".equals(kind)) {
        open.push(t);
      } else if ("UNTERMINATED_STRING".equals(kind)) {
        eaten += t.getText().chars().filter(ch -> ch == '{').count();
      } else if ("RBRACE".equals(kind)) {
        if (!open.isEmpty()) {
          pairs.add(new Token[] {open.pop(), t});
        } else if (eaten > 0) {
          eaten--; // already reported as the text with no closing quote
          quiet.put(t, null);
        } else {
          strays.add(t);
        }
      }
    }
    List<Token> unclosed = new ArrayList<>(open);
    java.util.Collections.reverse(unclosed);
    Map<Integer, Token> firstOfLine = new HashMap<>();
    for (Token t : tokens) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
        firstOfLine.putIfAbsent(t.getLine(), t);
      }
    }
    pairs.sort((a, b) -> Integer.compare(a[1].getTokenIndex(), b[1].getTokenIndex()));
    for (Token[] pair : pairs) {
      Token lbrace = pair[0];
      Token rbrace = pair[1];
      if (firstOfLine.get(rbrace.getLine()) != rbrace) {
        continue; // a '}' after other words of its line shows no indentation
      }
      int indent = firstOfLine.get(lbrace.getLine()).getCharPositionInLine();
      int at = rbrace.getCharPositionInLine();
      if (at < indent && !unclosed.isEmpty()) {
        // this block's own '}' is missing: it ends at the first line back at its indentation
        Token end = rbrace;
        for (int line = lbrace.getLine() + 1; line < rbrace.getLine(); line++) {
          Token first = firstOfLine.get(line);
          if (first != null && first.getCharPositionInLine() <= indent) {
            end = first;
            break;
          }
        }
        unclosed.remove(unclosed.size() - 1);
        Diagnostic d =
            Diagnostic.error(
                Tokens.span(source, end),
                "expected '}' to close "
                    + opener.apply(tokens, lbrace)
                    + " (opened at line "
                    + lbrace.getLine()
                    + ") before this line");
        quiet.put(end, d);
        out.add(d);
      } else if (at > indent && !strays.isEmpty()) {
        // one '}' too many: this one closes the block the lines after it belong to
        strays.remove(strays.size() - 1);
        int next = rbrace.getTokenIndex() + 1;
        while (next < tokens.size() && tokens.get(next).getChannel() != Token.DEFAULT_CHANNEL) {
          next++;
        }
        Diagnostic d =
            Diagnostic.error(
                Tokens.span(source, rbrace),
                "this '}' closes "
                    + opener.apply(tokens, lbrace)
                    + " (opened at line "
                    + lbrace.getLine()
                    + "), but the lines after it belong inside: "
                    + ONE_TOO_MANY);
        if (next < tokens.size()) {
          quiet.put(tokens.get(next), d);
        }
        out.add(d);
      }
    }
    for (Token t : strays) {
      out.add(
          Diagnostic.error(
              Tokens.span(source, t), CLOSES_NOTHING + ": there is no '{' open before it"));
    }
    for (Token t : unclosed) {
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

  /** Characters that show as a space or as nothing: a non-breaking space, zero-width ones. */
  private static final String INVISIBLE = "\u00a0\u200b\u200c\u200d\u2060\ufeff";

  /** Control characters and invisible ones shown as {@code \u0007}. */
  public static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x20 || ch == 0x7f || INVISIBLE.indexOf(ch) >= 0) {
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
      default:
        String literal = vocabulary.getLiteralName(type);
        if (literal == null && "MONTH".equals(kind)) {
          return "a month (YYYY-MM)"; // the case files' month; criteria's MONTH is the word 'month'
        }
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
