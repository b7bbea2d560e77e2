package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import eligo.lang.antlr.CriteriaParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * A syntax error of a criteria file in plain words ({@link CriteriaParsing} hands each of the
 * parser's complaints here): where the line ended too early, a '(' left open, a common slip, a word
 * outside its block, a misspelt keyword, or what the parser expected.
 */
final class SyntaxDiagnostics {
  private SyntaxDiagnostics() {}

  /** A syntax error in plain words, at the offending token (or after the line's last token). */
  static Diagnostic of(
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
        && (NEEDS_MORE.contains(before.getType())
                && (!antlrMessage.startsWith("extraneous")
                    || Nesting.LINE_STARTS.contains(t.getType()))
            || endsAStatementTooEarly(tokens, before))) {
      // the line ended too early ('met when value >='): say so where it ends
      return Diagnostic.error(
          Tokens.span(source, before),
          "expected "
              + expecting(parser, expected, "", "more")
              + " after '"
              + SyntaxErrors.printable(before.getText())
              + AT_THE_END_OF_THE_LINE);
    }
    if (NEEDS_MORE.contains(t.getType()) && lastOfItsLine(tokens, t)) {
      // the parser gave up at the line's last word ('count tenant where', 'for tenant,'), the
      // next line one of its own: the line ended too early, said after that word, not at it
      return Diagnostic.error(
          Tokens.span(source, t),
          "expected "
              + AFTER_LAST.getOrDefault(t.getType(), "more")
              + " after '"
              + SyntaxErrors.printable(t.getText())
              + AT_THE_END_OF_THE_LINE);
    }
    Token open =
        before != null && before.getLine() < t.getLine()
            ? Parens.openAt(tokens.getTokens(), before)
            : null;
    if (open != null && expected != null && expected.contains(CriteriaLexer.RPAREN)) {
      // a '(' left open at the end of its line ('month in TTM(M'): said where the ')' is missing,
      // not at the next line's first word
      return Parens.notClosed(source, open, before, expecting(parser, expected, "", "')'"));
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
  static boolean within(Diagnostic d, Parens.Unclosed u) {
    int column = d.span().column() - 1;
    return d.span().line() == u.open().getLine()
        && column > u.open().getCharPositionInLine()
        && !(d.span().line() == u.last().getLine() && column == u.last().getCharPositionInLine());
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
    String block = blockOf(parser.getContext());
    if (block != null) {
      return switch (t.getType()) {
        case CriteriaLexer.LEAF, CriteriaLexer.PARTNER, CriteriaLexer.EACH ->
            "'"
                + t.getText()
                + "' belongs inside a metric, and this one stands directly in "
                + block
                + ": write it inside the metric it belongs to";
        case CriteriaLexer.CRITERIA,
            CriteriaLexer.DETAILS,
            CriteriaLexer.VALUE,
            CriteriaLexer.MET ->
            "'"
                + t.getText()
                + "' belongs inside a gate or a metric, and this one stands directly in "
                + block
                + ": write it inside the node it belongs to";
        default -> null;
      };
    }
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

  /**
   * The block in words when {@code ctx} is the body of a plain area, a branch or a template, where
   * gates, metrics, branches and declarations stand but not a node's items; else null. (An area
   * made from a template takes 'leaf' for its leaves' arguments: not such a block.)
   */
  private static String blockOf(org.antlr.v4.runtime.ParserRuleContext ctx) {
    if (ctx instanceof CriteriaParser.AreaBodyContext) {
      ctx = ctx.getParent();
    }
    if (ctx instanceof CriteriaParser.PlainAreaContext a && a.name() != null) {
      return "area '" + a.name().getText() + "'";
    }
    if (ctx instanceof CriteriaParser.BranchContext b && b.name() != null) {
      return "branch '" + b.name().getText() + "'";
    }
    if (ctx instanceof CriteriaParser.TemplateDeclContext d && d.name() != null) {
      return "template '" + d.name().getText() + "'";
    }
    return null;
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

  /**
   * How a line that ends too early is said: "expected a value after '>=' at the end of the line".
   */
  static final String AT_THE_END_OF_THE_LINE = "' at the end of the line";

  /** Tokens that cannot end a line: an operator, a comma, 'where', 'via', ... */
  static final Set<Integer> NEEDS_MORE =
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

  /** What a word that cannot end a line asks for after it, where the parser's set says less. */
  private static final java.util.Map<Integer, String> AFTER_LAST =
      java.util.Map.of(
          CriteriaLexer.WHERE, "a condition",
          CriteriaLexer.WHEN, "a condition",
          CriteriaLexer.AND, "a condition",
          CriteriaLexer.OR, "a condition",
          CriteriaLexer.NOT, "a condition",
          CriteriaLexer.COMMA, "the next item of the list",
          CriteriaLexer.FOR, "what the aggregate runs over ('tenant', 'workload in W', ...)");

  /**
   * Whether {@code t} is the last word of its line and the next word (if any) starts a line of
   * criteria of its own or closes a block: nothing on a later line continues it.
   */
  private static boolean lastOfItsLine(CommonTokenStream tokens, Token t) {
    for (int i = t.getTokenIndex() + 1; i < tokens.size(); i++) {
      Token next = tokens.get(i);
      if (next.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      return next.getType() == Token.EOF
          || next.getLine() > t.getLine()
              && (Nesting.LINE_STARTS.contains(next.getType())
                  || next.getType() == CriteriaLexer.RBRACE);
    }
    return true;
  }

  /** Words that start an aggregate or a line and cannot end one ('value sum', 'value'). */
  private static final Set<Integer> OPENS_MORE =
      Set.of(
          CriteriaLexer.SUM,
          CriteriaLexer.COUNT,
          CriteriaLexer.ANY,
          CriteriaLexer.ALL,
          CriteriaLexer.NET,
          CriteriaLexer.AVERAGE,
          CriteriaLexer.MINIMUM,
          CriteriaLexer.MAXIMUM,
          CriteriaLexer.DETAILS);

  /**
   * Whether {@code before}, the last word of a line the parser could not go on from, is a word that
   * needs more on its line: an aggregate's word ('value count'), or a node's 'value', 'criteria' or
   * 'met' alone at the start of its line ('value' typed and the line left): said where the line
   * ends, not at the next line's first word.
   */
  private static boolean endsAStatementTooEarly(TokenStream tokens, Token before) {
    if (OPENS_MORE.contains(before.getType())) {
      return true;
    }
    if (before.getType() != CriteriaLexer.VALUE
        && before.getType() != CriteriaLexer.CRITERIA
        && before.getType() != CriteriaLexer.MET) {
      return false;
    }
    Token earlier = previous(tokens, before);
    return earlier == null || earlier.getLine() < before.getLine();
  }

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
