package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import eligo.lang.antlr.CriteriaParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Parses one criteria file into an {@link Ast.CriteriaFile} and its syntax diagnostics. Lexer
 * and parser errors become diagnostics in plain words; nothing is printed and nothing is thrown.
 */
public final class CriteriaParsing {
  private CriteriaParsing() {}

  /** The AST (possibly with holes where the syntax was broken) and the syntax diagnostics. */
  public record Result(Ast.CriteriaFile file, List<Diagnostic> diagnostics) {}

  public static Result parse(SourceFile source) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    CriteriaLexer lexer = new CriteriaLexer(CharStreams.fromString(source.text(), source.name()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    for (Token t : tokens.getTokens()) {
      if (t.getType() == CriteriaLexer.STRAY) {
        diagnostics.add(Diagnostic.error(span(source, t), "unexpected character '" + printable(t.getText()) + "'"));
      } else if (t.getType() == CriteriaLexer.UNTERMINATED_STRING) {
        diagnostics.add(Diagnostic.error(span(source, t), "this text has no closing quote (\")"));
      }
    }
    braceDiagnostics(source, tokens.getTokens(), diagnostics);
    boolean braceTrouble = !diagnostics.isEmpty();
    CriteriaParser parser = new CriteriaParser(tokens);
    parser.removeErrorListeners();
    List<Diagnostic> syntax = new ArrayList<>();
    parser.addErrorListener(new BaseErrorListener() {
      @Override
      public void syntaxError(Recognizer<?, ?> recognizer, Object offending, int line, int col, String msg, RecognitionException e) {
        Token t = (Token) offending;
        if (t != null && (t.getType() == CriteriaLexer.STRAY || t.getType() == CriteriaLexer.UNTERMINATED_STRING)) {
          return; // already reported by the lexer pass
        }
        syntax.add(Diagnostic.error(t == null ? Span.at(source, line, col + 1) : span(source, t), message((Parser) recognizer, t, e, msg)));
      }
    });
    CriteriaParser.FileContext tree = parser.file();
    // Unbalanced braces make the parser's own complaints at the end of the file a cascade.
    for (Diagnostic d : syntax) {
      boolean atEnd = d.message().startsWith("unexpected end of file");
      if (!(braceTrouble && atEnd)) {
        diagnostics.add(d);
      }
    }
    Ast.CriteriaFile file = new AstBuilder(source).file(tree);
    diagnostics.sort(Diagnostics.ORDER);
    return new Result(file, dedupe(diagnostics));
  }

  private static List<Diagnostic> dedupe(List<Diagnostic> in) {
    List<Diagnostic> out = new ArrayList<>();
    int lastLine = -1;
    for (Diagnostic d : in) {
      // one syntax error per line is enough: the rest are usually its echoes
      if (d.span().line() == lastLine) {
        continue;
      }
      lastLine = d.span().line();
      out.add(d);
    }
    return out;
  }

  /** Reports an unclosed '{' at the place it was opened, and a '}' that closes nothing. */
  private static void braceDiagnostics(SourceFile source, List<Token> tokens, List<Diagnostic> out) {
    Deque<Token> open = new ArrayDeque<>();
    for (Token t : tokens) {
      if (t.getType() == CriteriaLexer.LBRACE) {
        open.push(t);
      } else if (t.getType() == CriteriaLexer.RBRACE) {
        if (open.isEmpty()) {
          out.add(Diagnostic.error(span(source, t), "this '}' closes nothing: there is no '{' open before it"));
        } else {
          open.pop();
        }
      }
    }
    while (!open.isEmpty()) {
      Token t = open.removeLast();
      out.add(Diagnostic.error(span(source, t), "expected '}' to close " + opener(tokens, t) + " opened here at line " + t.getLine() + "; the file ends before it"));
    }
  }

  /** "area 'azure'", "gate 'workloads'", or "this block". */
  private static String opener(List<Token> tokens, Token brace) {
    int i = brace.getTokenIndex() - 1;
    String name = null;
    while (i >= 0) {
      Token t = tokens.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        i--;
        continue;
      }
      switch (t.getType()) {
        case CriteriaLexer.ID:
          name = t.getText();
          break;
        case CriteriaLexer.AREA:
        case CriteriaLexer.GATE:
        case CriteriaLexer.METRIC:
        case CriteriaLexer.BRANCH:
        case CriteriaLexer.TEMPLATE:
        case CriteriaLexer.LEAF:
          return t.getText() + (name == null ? "" : " '" + name + "'");
        case CriteriaLexer.LBRACE:
        case CriteriaLexer.RBRACE:
          return "this block";
        default:
          break;
      }
      i--;
    }
    return "this block";
  }

  private static String message(Parser parser, Token t, RecognitionException e, String antlrMessage) {
    String found = t == null ? "?" : describe(t);
    IntervalSet expected = null;
    if (e instanceof InputMismatchException || e instanceof NoViableAltException || e == null) {
      try {
        expected = parser.getExpectedTokens();
      } catch (RuntimeException ignored) {
        expected = null;
      }
    }
    if (t != null && t.getType() == Token.EOF) {
      return "unexpected end of file" + expecting(parser, expected);
    }
    if (antlrMessage.startsWith("missing ")) {
      return "expected " + antlrMessage.substring("missing ".length()).replaceAll(" at .*$", "").replace("'", "'") + " before " + found;
    }
    return "unexpected " + found + expecting(parser, expected);
  }

  private static String expecting(Parser parser, IntervalSet expected) {
    if (expected == null || expected.isNil() || expected.size() > 6) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (int type : expected.toList()) {
      names.add(tokenWords(parser, type));
    }
    return "; expected " + String.join(" or ", names);
  }

  private static String tokenWords(Parser parser, int type) {
    switch (type) {
      case CriteriaLexer.ID:
        return "a name";
      case CriteriaLexer.STRING:
        return "a text in quotes";
      case CriteriaLexer.NUMBER:
        return "a number";
      case CriteriaLexer.MONEY:
        return "an amount ($)";
      case CriteriaLexer.PERCENT:
        return "a percentage";
      case Token.EOF:
        return "the end of the file";
      default:
        String literal = parser.getVocabulary().getLiteralName(type);
        return literal == null ? parser.getVocabulary().getDisplayName(type) : literal;
    }
  }

  private static String describe(Token t) {
    switch (t.getType()) {
      case Token.EOF:
        return "end of file";
      case CriteriaLexer.STRING:
        return "text " + t.getText();
      case CriteriaLexer.ID:
        return "name '" + t.getText() + "'";
      default:
        return "'" + printable(t.getText()) + "'";
    }
  }

  private static String printable(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x20 || ch == 0x7f) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static Span span(SourceFile source, Token t) {
    int len = Math.max(1, t.getStopIndex() - t.getStartIndex() + 1);
    return new Span(source, t.getLine(), t.getCharPositionInLine() + 1, len);
  }
}
