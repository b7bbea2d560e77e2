package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import eligo.lang.antlr.CriteriaParser;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ErrorNodeImpl;
import org.antlr.v4.runtime.tree.ParseTreeListener;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The limit on nesting: parentheses, prefix operators ('not', '-', 'net', 'N% of'), aggregates
 * ('sum', 'count', 'any', 'all') and blocks of a node ('partner', 'each leaf', 'leaf') inside one
 * another. Counted by the parser as it enters each rule, so that a file nested deeper than {@link
 * #MAX_LEVELS} is refused at the token that goes one level too deep, before the parser or any walk
 * of the tree after it (the builder, the checker, the formatter, the editor's views) can run out of
 * stack.
 *
 * <p>The parser also looks ahead: to decide whether a 'where' belongs to the nearest 'count' it may
 * read to the end of the expression, and that look-ahead recurses as deep as the text it reads
 * nests. So before parsing, {@link #tooLong} counts, token by token, an upper bound of the nesting
 * (each '(' until its ')', and each word that may open a level until the end of its parentheses or
 * of its line of criteria) and refuses a file past {@link #MAX_OPENERS}.
 */
final class Nesting implements ParseTreeListener {
  /** The most levels a file may nest; real criteria nest a handful. */
  static final int MAX_LEVELS = 100;

  /**
   * The most operands one chain of a binary operator may join ('a + b + ...', 'x and y and ...')
   * and the most postfix operators after one operand: the tree built from a chain nests as deep as
   * it is long, and the walks over it (the builder, the checker, the generator) recurse that deep.
   */
  static final int MAX_CHAIN = 500;

  /**
   * Thrown from inside the parser at the token that nests one level too deep, or ({@code chain}) at
   * the operator that makes a chain longer than {@link #MAX_CHAIN}.
   */
  static final class TooDeep extends RuntimeException {
    private final transient Token at;
    private final boolean chain;

    TooDeep(Token at, boolean chain) {
      super(null, null, false, false);
      this.at = at;
      this.chain = chain;
    }

    Token at() {
      return at;
    }

    boolean chain() {
      return chain;
    }
  }

  /**
   * The most words that may open a level ('not', '-', 'net', 'of', 'sum', 'count', 'any', 'all') in
   * one pair of parentheses of one line of criteria, plus the parentheses around them: a bound,
   * above {@link #MAX_LEVELS}, on how deep the parser's look-ahead recurses.
   */
  static final int MAX_OPENERS = 400;

  /** Words that start a line of criteria: the nesting of an expression ends before them. */
  static final Set<Integer> LINE_STARTS =
      Set.of(
          CriteriaLexer.IMPORT,
          CriteriaLexer.ASSOCIATION,
          CriteriaLexer.TYPES,
          CriteriaLexer.WORKLOADS,
          CriteriaLexer.TABLE,
          CriteriaLexer.MEASURE,
          CriteriaLexer.BAND,
          CriteriaLexer.DEFINE,
          CriteriaLexer.TEMPLATE,
          CriteriaLexer.PARAMETER,
          CriteriaLexer.AREA,
          CriteriaLexer.BRANCH,
          CriteriaLexer.GATE,
          CriteriaLexer.METRIC,
          CriteriaLexer.CRITERIA,
          CriteriaLexer.DETAILS,
          CriteriaLexer.MET,
          CriteriaLexer.PARTNER,
          CriteriaLexer.EACH,
          CriteriaLexer.LEAF,
          CriteriaLexer.LBRACE,
          CriteriaLexer.RBRACE);

  /** Tokens that may end an operand or a line: a 'value' after one starts a new line. */
  private static final Set<Integer> ENDS_OPERAND =
      Set.of(
          CriteriaLexer.STRING,
          CriteriaLexer.NUMBER,
          CriteriaLexer.MONEY,
          CriteriaLexer.PERCENT,
          CriteriaLexer.ID,
          CriteriaLexer.RPAREN,
          CriteriaLexer.LBRACE,
          CriteriaLexer.RBRACE,
          CriteriaLexer.TENANT,
          CriteriaLexer.WORKLOAD);

  /**
   * Words that may open a level of an expression: every cycle of the expression grammar passes one
   * of them or a '(' ('-' only where it negates, not where it subtracts).
   */
  private static final Set<Integer> OPENERS =
      Set.of(
          CriteriaLexer.NOT,
          CriteriaLexer.MINUS,
          CriteriaLexer.NET,
          CriteriaLexer.OF,
          CriteriaLexer.SUM,
          CriteriaLexer.AVERAGE,
          CriteriaLexer.MINIMUM,
          CriteriaLexer.MAXIMUM,
          CriteriaLexer.COUNT,
          CriteriaLexer.ANY,
          CriteriaLexer.ALL);

  /** Tokens that end an operand: a '-' after one subtracts. */
  private static final Set<Integer> OPERAND_ENDS =
      Set.of(
          CriteriaLexer.NUMBER,
          CriteriaLexer.MONEY,
          CriteriaLexer.PERCENT,
          CriteriaLexer.ID,
          CriteriaLexer.RPAREN,
          CriteriaLexer.VALUE,
          CriteriaLexer.ASSOCIATED,
          CriteriaLexer.TYPE,
          CriteriaLexer.TENANT,
          CriteriaLexer.WORKLOAD,
          CriteriaLexer.MONTH,
          CriteriaLexer.CUSTOMER,
          CriteriaLexer.FAMILY,
          CriteriaLexer.START,
          CriteriaLexer.MONEY_KW,
          CriteriaLexer.NUMBER_KW,
          CriteriaLexer.PARAMETER,
          CriteriaLexer.PER,
          CriteriaLexer.WHEN);

  /**
   * The first token past {@link #MAX_OPENERS} by the count of the class comment, or null: a bound
   * (never less than the nesting the parser will meet), so that real criteria are far below it.
   */
  static Token tooLong(List<Token> tokens) {
    Deque<Integer> outer = new ArrayDeque<>(); // the count at each open '('
    int count = 0;
    int previous = Token.INVALID_TYPE;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      int type = t.getType();
      boolean valueLine =
          type == CriteriaLexer.VALUE && outer.isEmpty() && ENDS_OPERAND.contains(previous);
      int before = previous;
      previous = type;
      if (LINE_STARTS.contains(type) || valueLine) {
        // a new line of criteria: 'value' after a complete operand can continue no expression
        outer.clear();
        count = 0;
      } else if (type == CriteriaLexer.LPAREN) {
        outer.push(count);
        count++;
      } else if (type == CriteriaLexer.RPAREN) {
        count = outer.isEmpty() ? 0 : outer.pop();
      } else if (OPENERS.contains(type)
          && !(type == CriteriaLexer.MINUS && OPERAND_ENDS.contains(before))) {
        count++;
      }
      if (count > MAX_OPENERS) {
        return t;
      }
    }
    return null;
  }

  private final Parser parser;

  /** For each rule entered and not yet left: whether it counts as a level. */
  private final Deque<Boolean> counted = new ArrayDeque<>();

  private int levels;

  Nesting(Parser parser) {
    this.parser = parser;
  }

  @Override
  public void enterEveryRule(ParserRuleContext ctx) {
    boolean level = isLevel(ctx);
    counted.push(level);
    if (level && ++levels > MAX_LEVELS) {
      throw new TooDeep(ctx.getStart(), false);
    }
  }

  @Override
  public void exitEveryRule(ParserRuleContext ctx) {
    if (!counted.isEmpty() && counted.pop()) {
      levels--;
    }
    if (ctx instanceof CriteriaParser.OrExprContext
        || ctx instanceof CriteriaParser.AndExprContext
        || ctx instanceof CriteriaParser.AddExprContext
        || ctx instanceof CriteriaParser.MulExprContext) {
      // operand, operator, operand, ...: the operator after the first MAX_CHAIN operands
      if (ctx.getChildCount() > 2 * MAX_CHAIN - 1) {
        throw new TooDeep(((TerminalNode) ctx.getChild(2 * MAX_CHAIN - 1)).getSymbol(), true);
      }
    } else if (ctx instanceof CriteriaParser.PostfixExprContext
        && ctx.getChildCount() > MAX_CHAIN + 1) {
      // the operand, then its operators: the one after the first MAX_CHAIN
      throw new TooDeep(((ParserRuleContext) ctx.getChild(MAX_CHAIN + 1)).getStart(), true);
    }
  }

  @Override
  public void visitTerminal(TerminalNode node) {}

  @Override
  public void visitErrorNode(ErrorNode node) {}

  /** Whether entering this rule goes one level deeper: every cycle of the grammar passes one. */
  private boolean isLevel(ParserRuleContext ctx) {
    int first = ctx.getStart().getType();
    if (ctx instanceof CriteriaParser.ExprContext) {
      return true;
    }
    if (ctx instanceof CriteriaParser.NotExprContext) {
      return first == CriteriaLexer.NOT;
    }
    if (ctx instanceof CriteriaParser.UnaryExprContext) {
      return first == CriteriaLexer.MINUS;
    }
    if (ctx instanceof CriteriaParser.PrimaryContext) {
      return first == CriteriaLexer.NET
          || first == CriteriaLexer.SUM
          || first == CriteriaLexer.AVERAGE
          || first == CriteriaLexer.MINIMUM
          || first == CriteriaLexer.MAXIMUM
          || first == CriteriaLexer.COUNT
          || first == CriteriaLexer.ANY
          || first == CriteriaLexer.ALL
          || (first == CriteriaLexer.PERCENT && parser.getInputStream().LA(2) == CriteriaLexer.OF);
    }
    if (ctx instanceof CriteriaParser.NodeItemContext) {
      return first == CriteriaLexer.PARTNER
          || first == CriteriaLexer.EACH
          || first == CriteriaLexer.LEAF;
    }
    return false;
  }

  /** The error of {@link #tooLong}, at the token past the bound. */
  static Diagnostic tooLongDiagnostic(SourceFile source, Token at) {
    return Diagnostic.error(
        Tokens.span(source, at),
        "too deep to read: more than "
            + MAX_OPENERS
            + " parentheses and words that may nest ('not', '-', 'net', 'of', 'sum', 'count',"
            + " 'any', 'all') open at once in one statement (a 'define', a 'value', a 'met when';"
            + " the lines it runs over count together); split it into several 'define's."
            + " Eligo reads no further in this file");
  }

  /** The error, at the token that goes too deep or makes a chain too long. */
  static Diagnostic diagnostic(SourceFile source, TooDeep deep) {
    if (deep.chain()) {
      return Diagnostic.error(
          Tokens.span(source, deep.at()),
          "too long: more than "
              + MAX_CHAIN
              + " operands joined by one operator ('+', '-', '*', 'and', 'or') or operators after"
              + " one operand in one expression; split it into several 'define's. Eligo reads no"
              + " further in this file");
    }
    Token at = deep.at();
    return Diagnostic.error(
        Tokens.span(source, at),
        "nested too deeply: more than "
            + MAX_LEVELS
            + " levels of parentheses, operators ('not', '-', 'net', 'sum', 'count', 'any', 'all')"
            + " or blocks inside one another; Eligo reads no further in this file");
  }

  /**
   * What stands for the tree of a file refused for its nesting: a file with nothing in it but an
   * error node, so every later step takes the whole file as damaged by a syntax error.
   */
  static CriteriaParser.FileContext emptyTree(Token at) {
    CriteriaParser.FileContext file = new CriteriaParser.FileContext(null, 0);
    file.start = at;
    file.stop = at;
    file.addErrorNode(new ErrorNodeImpl(new CommonToken(at)));
    return file;
  }
}
