package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import eligo.lang.antlr.CriteriaParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one criteria file into an {@link Ast.CriteriaFile} and its syntax diagnostics. Lexer and
 * parser errors become diagnostics in plain words; nothing is printed and nothing is thrown.
 */
public final class CriteriaParsing {
  private CriteriaParsing() {}

  /** The AST (possibly with holes where the syntax was broken) and the syntax diagnostics. */
  public record Result(Ast.CriteriaFile file, List<Diagnostic> diagnostics) {}

  public static Result parse(SourceFile source) {
    Tree tree = tree(source);
    return new Result(new AstBuilder(source).file(tree.file()), tree.diagnostics());
  }

  /**
   * The token stream (comments and spaces included), the ANTLR parse tree and the syntax
   * diagnostics.
   */
  record Tree(
      CommonTokenStream tokens, CriteriaParser.FileContext file, List<Diagnostic> diagnostics) {}

  static Tree tree(SourceFile source) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    CriteriaLexer lexer = new CriteriaLexer(CharStreams.fromString(source.lexed(), source.name()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    SyntaxErrors.lexical(source, tokens.getTokens(), lexer.getVocabulary(), diagnostics);
    List<Diagnostic> braces = new ArrayList<>();
    Map<Token, Diagnostic> quiet = new HashMap<>();
    SyntaxErrors.braces(
        source, tokens.getTokens(), lexer.getVocabulary(), CriteriaParsing::opener, braces, quiet);
    boolean braceTrouble = !diagnostics.isEmpty() || !braces.isEmpty();
    List<Diagnostic> syntax = new ArrayList<>();
    // the line where the rule the parser was in when it complained began
    Map<Diagnostic, Integer> statementLine = new java.util.IdentityHashMap<>();
    Token tooDeep = Nesting.tooLong(tokens.getTokens());
    if (tooDeep != null) {
      // refused before the parser looks ahead through it
      diagnostics.add(Nesting.tooLongDiagnostic(source, tooDeep));
      return new Tree(tokens, Nesting.emptyTree(tooDeep), diagnostics);
    }
    CriteriaParser.FileContext tree;
    try {
      tree =
          parse(
              tokens,
              new BaseErrorListener() {
                @Override
                public void syntaxError(
                    Recognizer<?, ?> recognizer,
                    Object offending,
                    int line,
                    int col,
                    String msg,
                    RecognitionException e) {
                  Token t = (Token) offending;
                  if (t != null
                      && (t.getType() == CriteriaLexer.STRAY
                          || t.getType() == CriteriaLexer.UNTERMINATED_STRING)) {
                    return; // already reported by the lexer pass
                  }
                  Diagnostic d =
                      t == null
                          ? Diagnostic.error(Span.at(source, line, col + 1), msg)
                          : SyntaxDiagnostics.of(source, tokens, (Parser) recognizer, t, e, msg);
                  syntax.add(d);
                  ParserRuleContext in = ((Parser) recognizer).getContext();
                  if (in != null && in.getStart() != null) {
                    statementLine.put(d, in.getStart().getLine());
                  }
                }
              });
    } catch (Nesting.TooDeep deep) {
      // refused as the parser reaches the limit, before it (or any walk after it) recurses deeper
      diagnostics.add(Nesting.diagnostic(source, deep));
      return new Tree(tokens, Nesting.emptyTree(deep.at()), diagnostics);
    }
    // Unbalanced braces make the parser's own complaints at the end of the file a cascade, and a
    // missing '{' that the parser reports makes a '}' later on close nothing.
    int missingOpen = 0;
    for (Diagnostic d : syntax) {
      missingOpen += d.message().startsWith("expected '{'") ? 1 : 0;
    }
    List<Diagnostic> kept = new ArrayList<>();
    for (Diagnostic d : braces) {
      if (missingOpen > 0
          && (d.message().startsWith(SyntaxErrors.CLOSES_NOTHING)
              || d.message().endsWith(SyntaxErrors.ONE_TOO_MANY))) {
        missingOpen--;
      } else {
        kept.add(d);
      }
    }
    diagnostics.addAll(kept);
    List<Integer> echoLines = new ArrayList<>();
    quiet.forEach(
        (token, d) -> {
          if (d == null || kept.contains(d)) {
            echoLines.add(token.getLine());
          }
        });
    List<Integer> lexicalLines = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      lexicalLines.add(d.span().line());
    }
    // a '(' left open where its statement ends: said once, where the ')' is missing, and the
    // parser's complaints from the '(' to the next statement are its echoes (only when the parser
    // did complain: a text that parses has no such mistake)
    // (a line that ends in an operator, 'and' or ',' is said to end too early, as before)
    List<Parens.Unclosed> unclosed =
        syntax.isEmpty()
            ? List.of()
            : Parens.find(tokens.getTokens()).stream()
                .filter(u -> !SyntaxDiagnostics.NEEDS_MORE.contains(u.last().getType()))
                .filter(u -> syntax.stream().noneMatch(d -> SyntaxDiagnostics.within(d, u)))
                .toList();
    for (Parens.Unclosed u : unclosed) {
      if (!lexicalLines.contains(u.last().getLine())) {
        diagnostics.add(u.diagnostic(source));
      }
    }
    // a line said to end too early ('value' and nothing after it): the parser went on into the
    // next line and tripped there on what is that line's own, sound text
    List<Integer> afterEarlyEnd = new ArrayList<>();
    for (Diagnostic d : syntax) {
      if (d.message().endsWith(SyntaxDiagnostics.AT_THE_END_OF_THE_LINE)) {
        afterEarlyEnd.add(d.span().line() + 1);
      }
    }
    for (Diagnostic d : syntax) {
      if (unclosed.stream().anyMatch(u -> u.covers(d.span().line()))) {
        continue;
      }
      if (afterEarlyEnd.contains(d.span().line())) {
        continue;
      }
      if (lexicalLines.contains(d.span().line())) {
        continue; // a stray character or an unclosed text of this line is what the parser tripped
        // on
      }
      Integer began = statementLine.get(d);
      if (began != null && began < d.span().line() && lexicalLines.contains(began)) {
        continue; // the parser, thrown by a stray character, read on past the line's end
      }
      boolean atEnd = d.message().startsWith("unexpected end of file");
      // the parser's complaint where a '}' is missing or one too many: the brace error says it
      boolean echo = echoLines.contains(d.span().line());
      if (!(braceTrouble && atEnd) && !echo) {
        diagnostics.add(d);
      }
    }
    diagnostics.sort(Diagnostics.ORDER);
    return new Tree(tokens, tree, SyntaxErrors.onePerLine(diagnostics));
  }

  /**
   * Staged parsing, as the ANTLR book advises: the fast SLL prediction first, bailing out at the
   * first syntax error (SLL gives the same tree as LL whenever it succeeds); then the full LL
   * prediction, in case only SLL failed; only when the text really has a syntax error, a parse with
   * error recovery that reports every error to {@code listener} (with SLL prediction: LL recovery
   * costs many times more on this grammar and finds the same errors).
   */
  private static CriteriaParser.FileContext parse(
      CommonTokenStream tokens, ANTLRErrorListener listener) {
    CriteriaParser parser = new CriteriaParser(tokens);
    parser.removeErrorListeners();
    parser.addParseListener(new Nesting(parser));
    parser.setErrorHandler(new BailErrorStrategy());
    for (PredictionMode mode : List.of(PredictionMode.SLL, PredictionMode.LL)) {
      parser.getInterpreter().setPredictionMode(mode);
      try {
        return parser.file();
      } catch (ParseCancellationException syntaxError) {
        tokens.seek(0);
        parser.reset();
      }
    }
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BlockRecovery());
    parser.addErrorListener(listener);
    return parser.file();
  }

  /**
   * ANTLR's recovery, except in a block ('{' ... '}' of an area, a node, a partner rule, ...):
   * there the rest of the block is skipped up to its own '}', so that the '}' of an inner block is
   * not taken for the end of the outer one (which would make every line after it an error).
   */
  private static final class BlockRecovery extends DefaultErrorStrategy {
    /**
     * A title written without quotes ({@code area azure Azure {}}) is reported once and taken as
     * the title, so that the block after it is read as a block: the parser's own recovery went on
     * at the top of the file, where the node ids 'workloads' and 'association' start declarations
     * (an error at each node).
     */
    @Override
    public Token recoverInline(Parser parser) throws RecognitionException {
      if (!getExpectedTokens(parser).contains(CriteriaLexer.STRING)) {
        return super.recoverInline(parser);
      }
      Token first = parser.getCurrentToken();
      Token end = WordedTexts.unquotedCriteriaEnd(parser.getInputStream(), first);
      if (end != null) {
        // a node's criteria text without quotes (words, '{met}', ':' and all): reported once and
        // taken as the text, so that a '{' in it does not read as a block
        reportError(parser, new org.antlr.v4.runtime.InputMismatchException(parser));
        String text = "\"" + WordedTexts.words(first, end) + "\"";
        while (parser.getCurrentToken().getType() != Token.EOF
            && parser.getCurrentToken().getTokenIndex() <= end.getTokenIndex()) {
          parser.consume();
        }
        endErrorCondition(parser);
        return text(parser, first, end, text);
      }
      List<Token> words = Slips.unquotedTitle(parser.getInputStream(), first);
      if (words == null) {
        return super.recoverInline(parser);
      }
      reportError(parser, new org.antlr.v4.runtime.InputMismatchException(parser));
      Token last = words.get(words.size() - 1);
      StringBuilder title = new StringBuilder();
      for (Token w : words) {
        title.append(title.length() == 0 ? "" : " ").append(w.getText());
        parser.consume();
      }
      endErrorCondition(parser);
      return text(parser, first, last, "\"" + title + "\"");
    }

    /** A text token standing for the words from {@code first} through {@code last}. */
    private static Token text(Parser parser, Token first, Token last, String text) {
      return parser
          .getTokenFactory()
          .create(
              new org.antlr.v4.runtime.misc.Pair<>(first.getTokenSource(), first.getInputStream()),
              CriteriaLexer.STRING,
              text,
              Token.DEFAULT_CHANNEL,
              first.getStartIndex(),
              last.getStopIndex(),
              first.getLine(),
              first.getCharPositionInLine());
    }

    @Override
    public void recover(Parser parser, RecognitionException e) {
      if (e.getOffendingToken() != null
          && Slips.unquotedTitle(parser.getInputStream(), e.getOffendingToken()) != null) {
        // an area whose title has no quotes (the parser could not tell which kind of area): its
        // block is skipped whole, not read as declarations at the top of the file
        while (parser.getInputStream().LA(1) != CriteriaLexer.LBRACE
            && parser.getInputStream().LA(1) != Token.EOF) {
          parser.consume();
        }
        skipBlock(parser, 0);
        return;
      }
      ParserRuleContext ctx = parser.getContext();
      if (ctx.getToken(CriteriaLexer.LBRACE, 0) == null
          || ctx.getToken(CriteriaLexer.RBRACE, 0) != null) {
        super.recover(parser, e);
        return;
      }
      skipBlock(parser, 1);
    }

    /** Consumes tokens up to the '}' that brings the depth of braces from {@code depth} to 0. */
    private void skipBlock(Parser parser, int depth) {
      for (int t = parser.getInputStream().LA(1);
          t != Token.EOF;
          t = parser.getInputStream().LA(1)) {
        parser.consume();
        depth += t == CriteriaLexer.LBRACE ? 1 : t == CriteriaLexer.RBRACE ? -1 : 0;
        if (depth == 0) {
          endErrorCondition(parser); // what follows the block is new: report its errors
          return;
        }
      }
    }
  }

  /** "area 'azure'", "gate 'workloads'", or "this block". */
  private static String opener(List<Token> tokens, Token brace) {
    for (int i = brace.getTokenIndex() - 1; i >= 0; i--) {
      Token t = tokens.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      switch (t.getType()) {
        case CriteriaLexer.AREA:
        case CriteriaLexer.GATE:
        case CriteriaLexer.METRIC:
        case CriteriaLexer.BRANCH:
        case CriteriaLexer.TEMPLATE:
        case CriteriaLexer.LEAF:
          Token name = next(tokens, i);
          boolean named =
              name != null
                  && name.getTokenIndex() < brace.getTokenIndex()
                  && name.getType() != CriteriaLexer.STRING;
          return t.getText() + (named ? " '" + name.getText() + "'" : "");
        case CriteriaLexer.LBRACE:
        case CriteriaLexer.RBRACE:
          return "this block";
        default:
          break;
      }
    }
    return "this block";
  }

  /** The visible token after index {@code i}, or null. */
  private static Token next(List<Token> tokens, int i) {
    for (int j = i + 1; j < tokens.size(); j++) {
      if (tokens.get(j).getChannel() == Token.DEFAULT_CHANNEL) {
        return tokens.get(j);
      }
    }
    return null;
  }
}
