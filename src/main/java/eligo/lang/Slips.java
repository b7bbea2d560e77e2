package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * Common slips of people who write other languages, recognised at the token where the parser stops
 * and named with the fix: a thousands separator ({@code $1,000}), {@code =} or {@code =>} where a
 * comparison was meant, an aggregate the language lacks ({@code avg(...)}), a relative growth
 * without its {@code when zero: ...}.
 */
public final class Slips {
  private Slips() {}

  /** The aggregates of the language, as a hint names them. */
  public static final List<String> AGGREGATES =
      List.of("sum", "average", "minimum", "maximum", "count", "any", "all");

  /** Words that start an expression, for a misspelt one that the parser read as a name. */
  private static final List<String> EXPRESSION_WORDS =
      List.of("net", "sum", "average", "minimum", "maximum", "count", "points", "associated");

  /** Aggregates of other languages that people reach for. */
  private static final Set<String> FOREIGN_AGGREGATES =
      Set.of("avg", "mean", "min", "max", "median", "total");

  /**
   * The hint for a name used as an aggregate the language lacks ({@code avg}), or null when {@code
   * name} is not one.
   */
  public static String missingAggregate(String name) {
    if (!FOREIGN_AGGREGATES.contains(name.toLowerCase(Locale.ROOT))) {
      return null;
    }
    return "the language has no aggregate '"
        + name
        + "': its aggregates are "
        + String.join(", ", AGGREGATES)
        + " (and 'net' for the change over a year)";
  }

  /** A slip: the token to point at, and the message. */
  /**
   * The error at token {@code at}; {@code replacement} the text to write over the tokens from
   * {@code at} to {@code through} when the message says what to write, else null.
   */
  record Slip(Token at, String message, Token through, String replacement) {
    Slip(Token at, String message) {
      this(at, message, null, null);
    }
  }

  /** Said of an amount that the fix of its separators leaves finer than a cent. */
  private static final String CENTS =
      ", and round it to the cent: money is exact to the cent, and the data refuse amounts finer"
          + " than a cent";

  /** Whether {@code amount} is money ({@code $...}) with more than two decimal places. */
  private static boolean finerThanACent(String amount) {
    return amount.matches("\\$[0-9]*\\.[0-9]{3,}");
  }

  /**
   * Whether {@code t} is a ',' with a number or an amount just before it and a number just after,
   * nothing between: a separator of a number as a spreadsheet or a European writes it.
   */
  private static boolean commaInANumber(Token before, Token t, Token after) {
    return t.getType() == CriteriaLexer.COMMA
        && before != null
        && after != null
        && (before.getType() == CriteriaLexer.MONEY || before.getType() == CriteriaLexer.NUMBER)
        && Tokens.touching(before, t)
        && Tokens.touching(t, after)
        && after.getType() == CriteriaLexer.NUMBER;
  }

  /** The slip that a syntax error at {@code t} is, or null. */
  static Slip at(TokenStream tokens, Token t) {
    Token before = visible(tokens, t, -1);
    Token after = visible(tokens, t, +1);
    if (commaInANumber(before, t, after)
        && (after.getText().matches("[0-9]{1,2}")
                && before.getText().matches("\\$?[0-9]{1,3}(\\.[0-9]{3})*")
            || after.getText().matches("[0-9]+")
                && before.getText().matches("\\$?[0-9]{1,3}(\\.[0-9]{3})+"))) {
      // '$10.000,50', '$10,50': a comma for the decimal point, as much of Europe writes amounts;
      // after a '.' between thousands, whatever the digits after the comma ('1.000,005')
      String written = before.getText() + "," + after.getText();
      String meant = before.getText().replace(".", "") + "." + after.getText();
      String message =
          "'"
              + written
              + "' is written with ',' as the decimal point"
              + (before.getText().contains(".") ? " and '.' between thousands" : "")
              + ": here '.' is the decimal point, and no separator goes between thousands: write "
              + meant;
      return finerThanACent(meant)
          ? new Slip(before, message + CENTS, after, null)
          : new Slip(before, message, after, meant);
    }
    if (commaInANumber(before, t, after) && after.getText().matches("[0-9]{3}(\\.[0-9]+)?")) {
      String written = before.getText() + "," + after.getText();
      String meant = written.replace(",", "");
      return new Slip(
          t,
          "'"
              + written
              + "' has a thousands separator, which numbers here do not take: write "
              + meant
              + (finerThanACent(meant) ? CENTS : ""));
    }
    List<Token> title = unquotedTitle(tokens, t);
    if (title != null) {
      StringBuilder words = new StringBuilder();
      for (Token w : title) {
        words.append(words.length() == 0 ? "" : " ").append(w.getText());
      }
      Token kind = visible(tokens, before, -1);
      return new Slip(
          t,
          "the title of "
              + kind.getText()
              + " '"
              + before.getText()
              + "' is written in quotes: "
              + kind.getText()
              + " "
              + before.getText()
              + " \""
              + words
              + "\"");
    }
    if (t.getType() == CriteriaLexer.NUMBER
        && before != null
        && (before.getType() == CriteriaLexer.MONEY || before.getType() == CriteriaLexer.NUMBER)
        && before.getLine() == t.getLine()
        && t.getStartIndex() == before.getStopIndex() + 2
        && t.getText().matches("[0-9]{3}(\\.[0-9]+)?")) {
      String written = before.getText() + " " + t.getText();
      return new Slip(
          t,
          "'"
              + written
              + "' has a space as a thousands separator, which numbers here do not take: write "
              + before.getText()
              + t.getText());
    }
    if (t.getType() == CriteriaLexer.ID
        && t.getText().equalsIgnoreCase("k")
        && before != null
        && (before.getType() == CriteriaLexer.MONEY || before.getType() == CriteriaLexer.NUMBER)
        && Tokens.touching(before, t)
        && before.getText().matches("\\$?[0-9]+")) {
      return new Slip(
          t,
          "'"
              + before.getText()
              + t.getText()
              + "' is not a number here: write the amount in full, "
              + before.getText()
              + "000");
    }
    if (t.getType() == CriteriaLexer.SLASH
        && after != null
        && after.getType() == CriteriaLexer.SLASH
        && Tokens.touching(t, after)) {
      return new Slip(t, "'//' does not start a comment here: comments start with '#'");
    }
    if (t.getType() == CriteriaLexer.STRING
        && before != null
        && before.getType() == CriteriaLexer.STRING
        && inList(tokens, before)) {
      return new Slip(
          t, "expected ',' between " + before.getText() + " and " + t.getText() + " in this list");
    }
    if (before != null
        && before.getType() == CriteriaLexer.ID
        && before.getText().equalsIgnoreCase("TTM")
        && t.getType() != CriteriaLexer.LPAREN
        && before.getLine() == t.getLine()) {
      return new Slip(
          t,
          "'TTM' takes its month in parentheses: write TTM("
              + (t.getType() == CriteriaLexer.ID ? t.getText() : "M")
              + ")");
    }
    if (t.getType() == CriteriaLexer.EQ && after != null && Tokens.touching(t, after)) {
      if (after.getType() == CriteriaLexer.GT) {
        return new Slip(t, "'=>' is not an operator: write '>=' for 'at least'", after, ">=");
      }
      if (after.getType() == CriteriaLexer.LT) {
        return new Slip(t, "'=<' is not an operator: write '<=' for 'at most'", after, "<=");
      }
    }
    if ((t.getType() == CriteriaLexer.MINUS || t.getType() == CriteriaLexer.DOTDOT)
        && before != null
        && before.getType() == CriteriaLexer.NUMBER
        && after != null
        && after.getType() == CriteriaLexer.NUMBER
        && visible(tokens, before, -1) != null
        && visible(tokens, before, -1).getType() == CriteriaLexer.EQ) {
      return new Slip(
          t,
          "a range of numbers is written as a band: '>= "
              + before.getText()
              + " and <= "
              + after.getText()
              + "' (or with '>' and '<' where an end is not included)");
    }
    if (t.getType() == CriteriaLexer.EQ
        && before != null
        && (before.getType() == CriteriaLexer.GT || before.getType() == CriteriaLexer.LT)
        && before.getLine() == t.getLine()
        && !Tokens.touching(before, t)) {
      return new Slip(
          before,
          "'" + before.getText() + " =' has a space inside: write '" + before.getText() + "='");
    }
    if (t.getType() == CriteriaLexer.EQ && inExpression(tokens, t)) {
      return new Slip(
          t, "'=' names a definition; to compare, write '==' (or '>=', '<=', '!=')", t, "==");
    }
    if (t.getType() == CriteriaLexer.OF && before != null && before.getLine() == t.getLine()) {
      Slip share = shareWithoutPercent(tokens, before, t);
      if (share != null) {
        return share;
      }
    }
    if (t.getType() == CriteriaLexer.WHEN
        && (before == null || before.getLine() < t.getLine())
        && after != null
        && after.getType() == CriteriaLexer.MET
        && after.getLine() == t.getLine()) {
      return new Slip(
          t, "a node's condition is written 'met when ...': write 'met when'", after, "met when");
    }
    if (t.getType() != CriteriaLexer.WHEN && afterGrowthBaseline(tokens, t)) {
      return new Slip(
          t,
          "a relative growth ('... more than BASELINE') says what holds when the baseline is zero:"
              + " add 'when zero: met' or 'when zero: not met' after the baseline");
    }
    Slip worded = WordedComparisons.at(tokens, t);
    if (worded == null) {
      worded = WordedTexts.at(tokens, t);
    }
    if (worded != null) {
      return worded;
    }
    Token tenantIn = tenantInASet(tokens, t);
    if (tenantIn != null) {
      return new Slip(
          visible(tokens, tenantIn, -1),
          tenantWithoutASet(visible(tokens, tenantIn, +1).getText()),
          tenantIn,
          "tenant, workload in");
    }
    if (before != null && before.getType() == CriteriaLexer.ID) {
      String aggregate = missingAggregate(before.getText());
      if (aggregate != null) {
        return new Slip(before, aggregate);
      }
      // 'nett count tenant': the misspelt word is read as a name, the parser stops after it
      String word = Diagnostics.closest(before.getText(), EXPRESSION_WORDS);
      if (word != null && before.getLine() == t.getLine() && !before.getText().equals(word)) {
        return new Slip(
            before,
            "unexpected name '" + before.getText() + "'; did you mean '" + word + "'?",
            before,
            word);
      }
    }
    return null;
  }

  /** What {@code tenant in SET} among an aggregate's binders is told (the checker says it too). */
  public static String tenantWithoutASet(String set) {
    return "'tenant' is bound without a set: it takes each tenant of the customer; to take the"
        + " workloads of a set, bind them too: 'tenant, workload in "
        + set
        + "'";
  }

  /**
   * The 'in' of a binder {@code tenant in SET} ({@code count tenant in W where ...}, {@code sum acr
   * for tenant in W, month in ...}) when the error at {@code t} comes soon after it on its line, or
   * null: 'tenant' takes no set, so the parser ended the binders at 'in'.
   */
  private static Token tenantInASet(TokenStream tokens, Token t) {
    Token x = t;
    for (int back = 0; back < 4 && x != null; back++) {
      Token prev = visible(tokens, x, -1);
      if (prev == null || prev.getLine() != t.getLine()) {
        return null;
      }
      if (x.getType() == CriteriaLexer.IN && prev.getType() == CriteriaLexer.TENANT) {
        Token head = visible(tokens, prev, -1);
        Token set = visible(tokens, x, +1);
        boolean binds =
            head != null
                && (head.getType() == CriteriaLexer.FOR
                    || head.getType() == CriteriaLexer.COUNT
                    || head.getType() == CriteriaLexer.COMMA);
        return binds && set != null && set.getType() == CriteriaLexer.ID && set != t ? x : null;
      }
      x = prev;
    }
    return null;
  }

  /**
   * The slip of an 'of' after a number or a name that is not a percentage ({@code 40 of
   * paid_units}, {@code 0.4 of paid_units}, {@code share of paid_units}), or null: 'of' takes a
   * percentage written with '%'. 'at least K of' is no such slip.
   */
  private static Slip shareWithoutPercent(TokenStream tokens, Token before, Token of) {
    Token beforeThat = visible(tokens, before, -1);
    if (beforeThat != null && beforeThat.getType() == CriteriaLexer.LEAST) {
      return null;
    }
    if (before.getType() == CriteriaLexer.NUMBER) {
      java.math.BigDecimal n = new java.math.BigDecimal(before.getText());
      if (n.compareTo(java.math.BigDecimal.ONE) == 0) {
        return new Slip(
            before,
            "a share of an amount is written as a percentage: write '100% of' for all of it, or"
                + " '1% of'");
      }
      String percent =
          (n.compareTo(java.math.BigDecimal.ONE) < 0
                  ? n.movePointRight(2).stripTrailingZeros().toPlainString()
                  : before.getText())
              + "%";
      return new Slip(
          before,
          "a share of an amount is written as a percentage: write '" + percent + " of'",
          before,
          percent);
    }
    if (before.getType() == CriteriaLexer.ID) {
      return new Slip(
          of,
          "'of' follows a percentage written out ('40% of paid_units'); to take the share '"
              + before.getText()
              + "' of an amount, multiply: 'AMOUNT * "
              + before.getText()
              + "'");
    }
    return null;
  }

  /**
   * The words from {@code t} to the '{' of its line, when they stand where the title of an area, a
   * branch, a gate, a metric or a leaf belongs ({@code area azure Azure {}}); else null.
   */
  static List<Token> unquotedTitle(TokenStream tokens, Token t) {
    Token id = visible(tokens, t, -1);
    Token kind = id == null ? null : visible(tokens, id, -1);
    if (kind == null
        || kind.getLine() != t.getLine()
        || !Set.of(
                CriteriaLexer.AREA,
                CriteriaLexer.BRANCH,
                CriteriaLexer.GATE,
                CriteriaLexer.METRIC,
                CriteriaLexer.LEAF)
            .contains(kind.getType())
        || !id.getText().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
      return null;
    }
    List<Token> words = new java.util.ArrayList<>();
    for (Token w = t; w != null && w.getLine() == t.getLine(); w = visible(tokens, w, +1)) {
      if (w.getType() == CriteriaLexer.LBRACE) {
        return words.isEmpty() ? null : words;
      }
      if (!w.getText().matches("[A-Za-z0-9&()'.,-]+") || w.getType() == CriteriaLexer.STRING) {
        return null;
      }
      words.add(w);
    }
    return null;
  }

  /**
   * Whether {@code t} stands in an expression: the nearest word before it that starts a part is
   * 'when', 'where', 'value' or the '=' of a definition, not a brace, a ':' or a line of a table, a
   * set or a node.
   */
  private static boolean inExpression(TokenStream tokens, Token t) {
    for (Token p = visible(tokens, t, -1); p != null; p = visible(tokens, p, -1)) {
      switch (p.getType()) {
        case CriteriaLexer.WHEN:
        case CriteriaLexer.WHERE:
        case CriteriaLexer.VALUE:
        case CriteriaLexer.EQ:
          return true;
        case CriteriaLexer.LBRACE:
        case CriteriaLexer.RBRACE:
        case CriteriaLexer.COLON:
        case CriteriaLexer.CRITERIA:
        case CriteriaLexer.DETAILS:
        case CriteriaLexer.TABLE:
        case CriteriaLexer.TYPES:
        case CriteriaLexer.WORKLOADS:
        case CriteriaLexer.ASSOCIATION:
        case CriteriaLexer.BAND:
        case CriteriaLexer.PARAMETER:
          return false;
        default:
          break;
      }
    }
    return false;
  }

  /**
   * Whether {@code t} comes after the baseline of a relative growth ({@code more than B}) with no
   * 'when' since: where its 'when zero: ...' belongs.
   */
  private static boolean afterGrowthBaseline(TokenStream tokens, Token t) {
    int steps = 0;
    for (Token p = visible(tokens, t, -1); p != null && steps < 200; p = visible(tokens, p, -1)) {
      steps++;
      switch (p.getType()) {
        case CriteriaLexer.THAN -> {
          Token more = visible(tokens, p, -1);
          return more != null && more.getType() == CriteriaLexer.MORE_KW;
        }
        case CriteriaLexer.WHEN,
            CriteriaLexer.LBRACE,
            CriteriaLexer.RBRACE,
            CriteriaLexer.COLON,
            CriteriaLexer.EQ -> {
          return false;
        }
        default -> {}
      }
    }
    return false;
  }

  /** Whether the text {@code t} follows a ',' or the '=' of a declaration: it stands in a list. */
  private static boolean inList(TokenStream tokens, Token t) {
    Token p = visible(tokens, t, -1);
    return p != null && (p.getType() == CriteriaLexer.COMMA || p.getType() == CriteriaLexer.EQ);
  }

  /** The visible token {@code step} places from {@code t} (-1 before, +1 after), or null. */
  static Token visible(TokenStream tokens, Token t, int step) {
    for (int i = t.getTokenIndex() + step; i >= 0 && i < tokens.size(); i += step) {
      Token p = tokens.get(i);
      if (p.getType() == Token.EOF) {
        return null;
      }
      if (p.getChannel() == Token.DEFAULT_CHANNEL) {
        return p;
      }
    }
    return null;
  }
}
