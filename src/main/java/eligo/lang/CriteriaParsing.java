package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import eligo.lang.antlr.CriteriaParser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
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
                  syntax.add(
                      t == null
                          ? Diagnostic.error(Span.at(source, line, col + 1), msg)
                          : syntaxDiagnostic(source, tokens, (Parser) recognizer, t, e, msg));
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
                .filter(u -> !NEEDS_MORE.contains(u.last().getType()))
                .filter(u -> syntax.stream().noneMatch(d -> within(d, u)))
                .toList();
    for (Parens.Unclosed u : unclosed) {
      if (!lexicalLines.contains(u.last().getLine())) {
        diagnostics.add(u.diagnostic(source));
      }
    }
    for (Diagnostic d : syntax) {
      if (unclosed.stream().anyMatch(u -> u.covers(d.span().line()))) {
        continue;
      }
      if (lexicalLines.contains(d.span().line())) {
        continue; // a stray character or an unclosed text of this line is what the parser tripped
        // on
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
      List<Token> words = Slips.unquotedTitle(parser.getInputStream(), parser.getCurrentToken());
      if (words == null || !getExpectedTokens(parser).contains(CriteriaLexer.STRING)) {
        return super.recoverInline(parser);
      }
      reportError(parser, new org.antlr.v4.runtime.InputMismatchException(parser));
      Token first = words.get(0);
      Token last = words.get(words.size() - 1);
      StringBuilder title = new StringBuilder();
      for (Token w : words) {
        title.append(title.length() == 0 ? "" : " ").append(w.getText());
        parser.consume();
      }
      endErrorCondition(parser);
      return parser
          .getTokenFactory()
          .create(
              new org.antlr.v4.runtime.misc.Pair<>(first.getTokenSource(), first.getInputStream()),
              CriteriaLexer.STRING,
              "\"" + title + "\"",
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

  /** A syntax error in plain words, at the offending token (or after the line's last token). */
  private static Diagnostic syntaxDiagnostic(
      SourceFile source,
      CommonTokenStream tokens,
      Parser parser,
      Token t,
      RecognitionException e,
      String antlrMessage) {
    IntervalSet expected = null;
    try {
      expected = parser.getExpectedTokens();
    } catch (RuntimeException noState) {
      expected = null;
    }
    if (t.getType() == Token.EOF) {
      return Diagnostic.error(
          Tokens.span(source, t),
          "unexpected end of file" + expecting(parser, expected, "; expected ", ""));
    }
    Token before = previous(tokens, t);
    if (before != null
        && before.getLine() < t.getLine()
        && NEEDS_MORE.contains(before.getType())
        && !antlrMessage.startsWith("extraneous")) {
      // the line ended too early ('met when value >='): say so where it ends
      return Diagnostic.error(
          Tokens.span(source, before),
          "expected "
              + expecting(parser, expected, "", "more")
              + " after '"
              + SyntaxErrors.printable(before.getText())
              + "' at the end of the line");
    }
    Token open = before != null && before.getLine() < t.getLine() ? unclosed(tokens, before) : null;
    if (open != null && expected != null && expected.contains(CriteriaLexer.RPAREN)) {
      // a '(' left open at the end of its line ('month in TTM(M'): said where the ')' is missing,
      // not at the next line's first word
      return Diagnostic.error(
          Tokens.span(source, before),
          "expected "
              + expecting(parser, expected, "", "')'")
              + " after '"
              + SyntaxErrors.printable(before.getText())
              + "' at the end of the line: the '(' at line "
              + open.getLine()
              + ", column "
              + (open.getCharPositionInLine() + 1)
              + " is not closed");
    }
    Slips.Slip slip = Slips.at(tokens, t);
    if (slip != null) {
      Diagnostic d = Diagnostic.error(Tokens.span(source, slip.at()), slip.message());
      return slip.replacement() == null
          ? d
          : d.replacing(
              Tokens.span(source, slip.at()).through(Tokens.span(source, slip.through())),
              slip.replacement());
    }
    String found = SyntaxErrors.describe(parser.getVocabulary(), t);
    String outside = outsideItsBlock(parser, t);
    if (outside != null) {
      return Diagnostic.error(Tokens.span(source, t), "unexpected " + found + ": " + outside);
    }
    if (antlrMessage.startsWith("missing ") && t.getType() == CriteriaLexer.ID) {
      String word = keyword(parser, t, expected);
      if (word != null) {
        return didYouMean(source, t, found, word);
      }
    }
    if (antlrMessage.startsWith("missing ")) {
      return Diagnostic.error(
          Tokens.span(source, t),
          "expected " + expecting(parser, expected, "", "something else") + " before " + found);
    }
    String word = keyword(parser, t, expected);
    if (word != null) {
      return didYouMean(source, t, found, word);
    }
    String hint = "";
    if (wordsAfterAComplete(tokens, before, t)) {
      hint = "; if the rest of the line is a comment, start it with '#'";
    }
    return Diagnostic.error(
        Tokens.span(source, t),
        "unexpected "
            + found
            + (hint.isEmpty() ? expecting(parser, expected, "; expected ", "") : hint));
  }

  /**
   * Whether {@code d} is a complaint of its own inside the parentheses {@code u} left open, on the
   * line of the '(' after it and before the line's last word ('TTM(M, > 0': the ',' before '>'):
   * then it is the one error of that line.
   */
  private static boolean within(Diagnostic d, Parens.Unclosed u) {
    int column = d.span().column() - 1;
    return d.span().line() == u.open().getLine()
        && column > u.open().getCharPositionInLine()
        && !(d.span().line() == u.last().getLine() && column == u.last().getCharPositionInLine());
  }

  /**
   * The '(' that is still open at {@code last} (on {@code last}'s line or before, within the
   * statement), or null: the nearest '(' before it with no ')' of its own.
   */
  private static Token unclosed(CommonTokenStream tokens, Token last) {
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

  /**
   * Whether {@code t} is a word after a value that ends its line's part (a number, an amount, a
   * text, a ')'), with another word after it on its line: words of a comment written without '#'
   * ({@code met when value >= 2500 protected users}).
   */
  private static boolean wordsAfterAComplete(CommonTokenStream tokens, Token before, Token t) {
    if (before == null
        || before.getLine() != t.getLine()
        || !t.getText().matches("[A-Za-z]+")
        || !Set.of(
                CriteriaLexer.NUMBER,
                CriteriaLexer.MONEY,
                CriteriaLexer.PERCENT,
                CriteriaLexer.STRING,
                CriteriaLexer.RPAREN)
            .contains(before.getType())) {
      return false;
    }
    for (int i = t.getTokenIndex() + 1; i < tokens.size(); i++) {
      Token next = tokens.get(i);
      if (next.getChannel() == Token.DEFAULT_CHANNEL) {
        return next.getLine() == t.getLine() && next.getText().matches("[A-Za-z]+");
      }
    }
    return false;
  }

  /**
   * Where a word that starts a part of an area stands, when it was found at the top of a file
   * (outside every area and template), or null.
   */
  private static String outsideItsBlock(Parser parser, Token t) {
    if (!(parser.getContext() instanceof CriteriaParser.FileContext)) {
      return null;
    }
    return switch (t.getType()) {
      case CriteriaLexer.GATE, CriteriaLexer.METRIC, CriteriaLexer.BRANCH ->
          "a "
              + t.getText()
              + " belongs inside an area or a template, and this one stands outside every area";
      case CriteriaLexer.LEAF, CriteriaLexer.PARTNER, CriteriaLexer.EACH ->
          "'" + t.getText() + "' belongs inside a metric, and this one stands outside every area";
      case CriteriaLexer.CRITERIA, CriteriaLexer.DETAILS, CriteriaLexer.VALUE, CriteriaLexer.MET ->
          "'"
              + t.getText()
              + "' belongs inside a gate or a metric, and this one stands outside every area";
      default -> null;
    };
  }

  /** Words that stand inside a line, for a misspelt one: 'vai' for 'via'. */
  private static final List<String> INNER_WORDS =
      List.of("via", "where", "within", "except", "family", "for", "when", "more", "than");

  /** Words that start a line: a misspelt one is not a name that happens to stand there. */
  private static final List<String> LINE_WORDS =
      List.of(
          "import",
          "association",
          "types",
          "workloads",
          "table",
          "measure",
          "band",
          "define",
          "template",
          "parameter",
          "leaf",
          "area",
          "branch",
          "gate",
          "metric",
          "criteria",
          "details",
          "value",
          "met",
          "partner",
          "each",
          "otherwise");

  /** "unexpected name 'metrc'; did you mean 'metric'?", offering the word in the name's place. */
  private static Diagnostic didYouMean(SourceFile source, Token t, String found, String word) {
    return Diagnostic.error(
            Tokens.span(source, t), "unexpected " + found + "; did you mean '" + word + "'?")
        .replacing(word);
  }

  /**
   * The word the parser expected (or a word that starts a line) of which the name {@code t} is a
   * typo ('metrc' for 'metric'), or null.
   */
  private static String keyword(Parser parser, Token t, IntervalSet expected) {
    if (t.getType() != CriteriaLexer.ID || expected == null) {
      return null;
    }
    List<String> words = new ArrayList<>();
    if (previous(parser.getTokenStream(), t) == null
        || previous(parser.getTokenStream(), t).getLine() < t.getLine()) {
      words.addAll(LINE_WORDS);
    } else {
      words.addAll(INNER_WORDS);
    }
    for (int type : expected.toList()) {
      String literal = parser.getVocabulary().getLiteralName(type);
      if (literal != null && literal.matches("'[a-z]+'")) {
        words.add(literal.substring(1, literal.length() - 1));
      }
    }
    return Diagnostics.closest(t.getText(), words);
  }

  /** Tokens that cannot end a line: an operator, a comma, 'where', 'via', ... */
  private static final Set<Integer> NEEDS_MORE =
      Set.of(
          CriteriaLexer.GE,
          CriteriaLexer.LE,
          CriteriaLexer.NE,
          CriteriaLexer.EQEQ,
          CriteriaLexer.GT,
          CriteriaLexer.LT,
          CriteriaLexer.EQ,
          CriteriaLexer.DOTDOT,
          CriteriaLexer.PLUS,
          CriteriaLexer.MINUS,
          CriteriaLexer.STAR,
          CriteriaLexer.SLASH,
          CriteriaLexer.COMMA,
          CriteriaLexer.COLON,
          CriteriaLexer.AND,
          CriteriaLexer.OR,
          CriteriaLexer.NOT,
          CriteriaLexer.WITHIN,
          CriteriaLexer.IN,
          CriteriaLexer.VIA,
          CriteriaLexer.AT,
          CriteriaLexer.OF,
          CriteriaLexer.WHERE,
          CriteriaLexer.FOR,
          CriteriaLexer.PER,
          CriteriaLexer.WHEN,
          CriteriaLexer.EXCEPT,
          CriteriaLexer.FAMILY,
          CriteriaLexer.LPAREN);

  /** The visible token before {@code t}, or null. */
  private static Token previous(TokenStream tokens, Token t) {
    for (int i = t.getTokenIndex() - 1; i >= 0; i--) {
      Token p = tokens.get(i);
      if (p.getChannel() == Token.DEFAULT_CHANNEL) {
        return p;
      }
    }
    return null;
  }

  /**
   * What the parser expected, after {@code prefix}: "'=' or a name"; "a value" or "a name" when one
   * of many; {@code otherwise} when there are too many possibilities to list.
   */
  private static String expecting(
      Parser parser, IntervalSet expected, String prefix, String otherwise) {
    if (expected == null || expected.isNil()) {
      return otherwise;
    }
    if (expected.size() > 6) {
      if (expected.contains(CriteriaLexer.NUMBER)) {
        return prefix + "a value";
      }
      return expected.contains(CriteriaLexer.ID) ? prefix + "a name" : otherwise;
    }
    List<String> names = new ArrayList<>();
    for (int type : expected.toList()) {
      names.add(SyntaxErrors.tokenWords(parser.getVocabulary(), type));
    }
    return prefix + String.join(" or ", names);
  }
}
