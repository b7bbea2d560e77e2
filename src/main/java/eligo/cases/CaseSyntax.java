package eligo.cases;

import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import eligo.lang.SourceFile;
import eligo.lang.Span;
import eligo.lang.SyntaxErrors;
import eligo.lang.Tokens;
import eligo.lang.antlr.CasesLexer;
import eligo.lang.antlr.CasesParser;
import eligo.lang.antlr.CasesParser.*;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * The syntax of a {@code *.cases} file ({@code grammar/Cases.g4}): its parse tree and syntax
 * errors, in the same words as criteria files', with what a case file adds: a misspelt keyword
 * named with the one meant, a token left out said after the word it should follow, and a case's
 * missing or extra brace placed where it belongs. {@link CaseParsing} builds the cases from it.
 */
final class CaseSyntax {
  private CaseSyntax() {}

  /** The ANTLR parse tree of a case file and its syntax diagnostics. */
  record Tree(FileContext file, List<Diagnostic> syntaxErrors) {}

  static Tree tree(SourceFile source) {
    CasesLexer lexer = new CasesLexer(CharStreams.fromString(source.lexed(), source.name()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    List<Diagnostic> slips = CaseSlips.find(source, tokens.getTokens());
    List<Diagnostic> lexical = new ArrayList<>();
    SyntaxErrors.lexical(source, tokens.getTokens(), lexer.getVocabulary(), lexical);
    List<Diagnostic> braces = new ArrayList<>();
    SyntaxErrors.braces(
        source, tokens.getTokens(), lexer.getVocabulary(), CaseSyntax::opener, braces);
    Set<Integer> quietLines = new HashSet<>();
    Set<Span> settled = new HashSet<>();
    List<Diagnostic> caseBraces = caseBraces(source, tokens.getTokens(), quietLines, settled);
    braces.removeIf(d -> settled.contains(d.span()));
    lexical.addAll(braces);
    lexical.addAll(caseBraces);
    CasesParser parser = new CasesParser(tokens);
    parser.removeErrorListeners();
    List<Diagnostic> syntax = new ArrayList<>();
    BaseErrorListener collector = SyntaxErrors.collector(source, syntax);
    parser.addErrorListener(
        new BaseErrorListener() {
          @Override
          public void syntaxError(
              Recognizer<?, ?> recognizer,
              Object offending,
              int line,
              int col,
              String msg,
              RecognitionException e) {
            int before = syntax.size();
            collector.syntaxError(recognizer, offending, line, col, msg, e);
            if (syntax.size() > before && offending instanceof Token t) {
              Diagnostic meant = misspelt(source, tokens.getTokens(), parser, t, e);
              if (meant == null && msg.startsWith("missing ")) {
                meant = missing(source, tokens.getTokens(), parser, t);
              }
              if (meant != null) {
                syntax.set(syntax.size() - 1, meant);
              }
            }
          }
        });
    FileContext tree = parser.file();
    // the parser's complaints where a case's '}' is missing or one too many: the brace error says
    // it
    syntax.removeIf(d -> quietLines.contains(d.span().line()));
    // '1,000', '$1000', '//': the slip named with its fix replaces the parser's words for its line
    Set<Integer> slipLines = new HashSet<>();
    slips.forEach(d -> slipLines.add(d.span().line()));
    lexical.removeIf(d -> slipLines.contains(d.span().line()));
    syntax.removeIf(d -> slipLines.contains(d.span().line()));
    lexical.addAll(slips);
    return new Tree(tree, SyntaxErrors.tidy(lexical, syntax));
  }

  /** The keywords that start a line of a case file. */
  private static final List<String> LINE_WORDS =
      List.of(
          "case",
          "intent",
          "as",
          "workload",
          "workloads",
          "customer",
          "tenant",
          "association",
          "usage",
          "expect");

  /**
   * A syntax error at {@code offending} said as the misspelt keyword it is ("unexpected name
   * 'expct'; did you mean 'expect'?"), or null: a name that starts its line and is a letter or two
   * from a keyword that starts lines (the parser may have taken it for a measure of the usage row
   * above and tripped on the next word), or a name found where a keyword near it was expected
   * ('mett' for 'met', 'famly' for 'family').
   */
  private static Diagnostic misspelt(
      SourceFile source,
      List<Token> tokens,
      Parser parser,
      Token offending,
      RecognitionException e) {
    Token first = null;
    for (int i = offending.getTokenIndex(); i >= 0; i--) {
      Token u = tokens.get(i);
      if (u.getLine() != offending.getLine()) {
        break;
      }
      if (u.getChannel() == Token.DEFAULT_CHANNEL) {
        first = u;
      }
    }
    if (first != null && first.getType() == CasesLexer.WORD) {
      String meant = Diagnostics.closest(first.getText(), LINE_WORDS);
      if (meant != null) {
        return didYouMean(source, first, meant);
      }
    }
    if (first != null && first.getType() == CasesLexer.EXPECT) {
      // 'expect prtner azure x met': the parser trips at the status, two words on
      Token next = null;
      for (int i = first.getTokenIndex() + 1; i < tokens.size() && next == null; i++) {
        next = tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL ? tokens.get(i) : null;
      }
      if (next != null
          && next.getType() == CasesLexer.WORD
          && Diagnostics.closest(next.getText(), List.of("partner")) != null) {
        return didYouMean(source, next, "partner");
      }
    }
    if (offending.getType() != CasesLexer.WORD
        || !(e == null
            || e instanceof InputMismatchException
            || e instanceof NoViableAltException)) {
      return null;
    }
    IntervalSet expected;
    try {
      expected = parser.getExpectedTokens();
    } catch (RuntimeException ignored) {
      return null;
    }
    List<String> words = new ArrayList<>();
    for (int type : expected.toList()) {
      String literal = parser.getVocabulary().getLiteralName(type);
      if (literal != null && literal.matches("'[a-z_]+'")) {
        words.add(literal.substring(1, literal.length() - 1));
      }
    }
    String meant = Diagnostics.closest(offending.getText().toLowerCase(Locale.ROOT), words);
    return meant == null ? null : didYouMean(source, offending, meant);
  }

  /**
   * A token left out, said after the word it should follow and in words ("expected a number after
   * name 'acr'"), rather than as the token type before the next word, which may be on the next line
   * ("expected NUMBER before 'expect'"); null when the parser expects several.
   */
  private static Diagnostic missing(
      SourceFile source, List<Token> tokens, Parser parser, Token offending) {
    IntervalSet expected;
    try {
      expected = parser.getExpectedTokens();
    } catch (RuntimeException ignored) {
      return null;
    }
    if (expected.size() != 1) {
      return null;
    }
    for (int i = offending.getTokenIndex() - 1; i >= 0; i--) {
      Token p = tokens.get(i);
      if (p.getChannel() == Token.DEFAULT_CHANNEL) {
        return Diagnostic.error(
            Tokens.span(source, p),
            "expected "
                + SyntaxErrors.tokenWords(parser.getVocabulary(), expected.getMinElement())
                + " after "
                + SyntaxErrors.describe(parser.getVocabulary(), p));
      }
    }
    return null;
  }

  private static Diagnostic didYouMean(SourceFile source, Token word, String meant) {
    return Diagnostic.error(
        Tokens.span(source, word),
        "unexpected name '" + word.getText() + "'; did you mean '" + meant + "'?");
  }

  /**
   * The brace slips that the shape of a case file shows, since cases do not nest: a line starting
   * {@code case "name" {} while a case is open means that case's '}' was left out (the error is at
   * that line, not at the end of the file); a '}' that closes a case while lines other than a next
   * case follow it, up to a '}' that closes nothing, is one '}' too many; a line starting {@code
   * case "name"} with no '{' after the name is that '{' left out (its '}' then closes nothing).
   * Adds the lines where the parser's complaints are echoes of these to {@code quietLines}, and the
   * spans of the general brace errors they replace to {@code settled}.
   */
  private static List<Diagnostic> caseBraces(
      SourceFile source, List<Token> all, Set<Integer> quietLines, Set<Span> settled) {
    List<Token> tokens = new ArrayList<>();
    for (Token t : all) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() != Token.EOF) {
        tokens.add(t);
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    Token open = null; // the '{' of the case being read
    int depth = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (depth == 0 && startsCaseLine(tokens, i) && !startsCase(tokens, i)) {
        // its '{' left out: the parser reads the case on; its '}' then closes nothing
        Token name = tokens.get(i + 1);
        out.add(
            Diagnostic.error(
                Tokens.span(source, name),
                "expected '{' after case "
                    + name.getText()
                    + ": a case's lines go between '{' and '}'"));
        quietLines.add(tokens.get(i + 2).getLine());
        for (int j = i + 2; j < tokens.size(); j++) {
          if (tokens.get(j).getType() == CasesLexer.LBRACE || startsCaseLine(tokens, j)) {
            break;
          }
          if (tokens.get(j).getType() == CasesLexer.RBRACE) {
            settled.add(Tokens.span(source, tokens.get(j)));
            i = j;
            break;
          }
        }
      } else if (t.getType() == CasesLexer.LBRACE) {
        if (depth++ == 0) {
          open = t;
        }
      } else if (t.getType() == CasesLexer.CASE && depth > 0 && startsCase(tokens, i)) {
        out.add(
            Diagnostic.error(
                Tokens.span(source, t),
                "expected '}' to close "
                    + opener(all, open)
                    + " (opened at line "
                    + open.getLine()
                    + ") before this line"));
        settled.add(Tokens.span(source, open));
        quietLines.add(t.getLine());
        depth = 0;
      } else if (t.getType() == CasesLexer.RBRACE && depth > 0 && --depth == 0) {
        int next = i + 1;
        if (next >= tokens.size() || startsCaseLine(tokens, next)) {
          continue;
        }
        int stray = -1;
        for (int j = next; j < tokens.size() && stray < 0; j++) {
          Token u = tokens.get(j);
          if (u.getType() == CasesLexer.LBRACE
              || (u.getType() == CasesLexer.CASE && startsCaseLine(tokens, j))) {
            break; // a next block: the lines between belong to nothing the indentation shows
          } else if (u.getType() == CasesLexer.RBRACE) {
            stray = j;
          }
        }
        if (stray < 0) {
          continue;
        }
        Token end = tokens.get(stray);
        out.add(
            Diagnostic.error(
                Tokens.span(source, t),
                "this '}' closes "
                    + opener(all, open)
                    + " (opened at line "
                    + open.getLine()
                    + "), but the lines after it belong inside: "
                    + SyntaxErrors.ONE_TOO_MANY));
        settled.add(Tokens.span(source, end));
        for (int line = tokens.get(next).getLine(); line <= end.getLine(); line++) {
          quietLines.add(line);
        }
        i = stray; // that '}' closes the case
      }
    }
    return out;
  }

  /** Whether {@code case "name" {} starts at token {@code i}, the first of its line. */
  private static boolean startsCase(List<Token> tokens, int i) {
    return startsCaseLine(tokens, i) && tokens.get(i + 2).getType() == CasesLexer.LBRACE;
  }

  /**
   * Whether {@code case "name"} starts at token {@code i}, the first of its line (its '{' may be
   * missing: the parser says so).
   */
  private static boolean startsCaseLine(List<Token> tokens, int i) {
    return i + 2 < tokens.size()
        && tokens.get(i).getType() == CasesLexer.CASE
        && tokens.get(i + 1).getType() == CasesLexer.STRING
        && (i == 0 || tokens.get(i - 1).getLine() < tokens.get(i).getLine());
  }

  /** {@code case "name"}, or "this block". */
  private static String opener(List<Token> tokens, Token brace) {
    List<Token> before = new ArrayList<>();
    for (int i = brace.getTokenIndex() - 1; i >= 0 && before.size() < 2; i--) {
      if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
        before.add(tokens.get(i));
      }
    }
    if (before.size() == 2
        && before.get(0).getType() == CasesLexer.STRING
        && before.get(1).getType() == CasesLexer.CASE) {
      return "case " + before.get(0).getText();
    }
    return "this block";
  }
}
