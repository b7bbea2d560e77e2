package eligo.cases;

import eligo.lang.Diagnostic;
import eligo.lang.SourceFile;
import eligo.lang.Span;
import eligo.lang.Tokens;
import eligo.lang.antlr.CasesLexer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;

/**
 * Numbers and comments written as a user writes them elsewhere, in a case file: {@code acr 1,000},
 * {@code acr $1000}, {@code acr 1 000}, {@code acr 1k}, {@code acr 1000 USD}, a {@code //} or
 * {@code --} comment. Each is one error at the place, in the criteria checker's words, naming what
 * to write: amounts in case files are plain numbers of dollars, as the shipped cases write them
 * ({@code acr 1000}, {@code acr 999.99}), comments start with '#'.
 */
final class CaseSlips {
  private CaseSlips() {}

  /** How the shipped cases write an amount: said with every fix of one. */
  static final String MONEY_FORM = "amounts here are plain numbers of dollars, as in 'acr 999.99'";

  private static final Set<String> CURRENCIES = Set.of("usd", "eur", "gbp", "dollar", "dollars");

  /**
   * The slips of the file's tokens (all channels, in order), one per line at most. The rest of a
   * line after a '//' or '--' is put on the hidden channel, as a comment, before the parser reads
   * the tokens.
   */
  static List<Diagnostic> find(SourceFile source, List<Token> all) {
    List<Token> tokens = new ArrayList<>();
    for (Token t : all) {
      if (t.getType() != Token.EOF
          && (t.getChannel() == Token.DEFAULT_CHANNEL || isSpace(t, "\u00a0\u202f"))) {
        tokens.add(t);
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    int lastLine = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).getLine() == lastLine) {
        continue;
      }
      Diagnostic d = at(source, tokens, i);
      if (d != null) {
        out.add(d);
        lastLine = tokens.get(i).getLine();
      }
    }
    return out;
  }

  private static Diagnostic at(SourceFile source, List<Token> tokens, int i) {
    Token t = tokens.get(i);
    for (String mark : List.of("/", "-")) {
      if (isStray(t, mark) && isStray(next(tokens, i), mark) && adjacent(t, next(tokens, i))) {
        // read as the comment it was meant to be, so that the parser trips on nothing after it
        for (int j = i; j < tokens.size() && sameLine(t, tokens.get(j)); j++) {
          ((WritableToken) tokens.get(j)).setChannel(Token.HIDDEN_CHANNEL);
        }
        return error(
            source,
            t,
            next(tokens, i),
            "'" + mark + mark + "' does not start a comment here: " + COMMENT);
      }
    }
    boolean dollar = isStray(t, "$") && isNumber(next(tokens, i)) && sameLine(t, next(tokens, i));
    int first = dollar ? i + 1 : i;
    if (!isNumber(tokens.get(first)) || !(dollar || takesAmount(tokens, first))) {
      return null;
    }
    // the number as written: digits, then groups of three after ',' or a single space
    StringBuilder written = new StringBuilder(dollar ? "$" : "");
    StringBuilder meant = new StringBuilder(tokens.get(first).getText());
    written.append(meant);
    boolean comma = false;
    boolean space = false;
    int last = first;
    while (true) {
      Token number = tokens.get(last);
      Token sep = at(tokens, last + 1);
      Token group = at(tokens, last + 2);
      if (sep != null
          && sep.getType() == CasesLexer.NUMBER
          && isGroup(sep)
          && sameLine(number, sep)
          && sep.getStartIndex() == number.getStopIndex() + 2) {
        // '1 000' with a plain space: two numbers where the line takes one
        space = true;
        written.append(' ').append(sep.getText());
        meant.append(sep.getText());
        last++;
        continue;
      }
      if (sep == null || group == null || !isGroup(group)) {
        break;
      }
      boolean isComma = sep.getType() == CasesLexer.COMMA;
      if (!(isComma || isSpace(sep, "\u00a0\u202f"))
          || !adjacent(number, sep)
          || !adjacent(sep, group)) {
        break;
      }
      comma |= isComma;
      space |= !isComma;
      written.append(isComma ? "," : " ").append(group.getText());
      meant.append(group.getText());
      last += 2;
    }
    Token after = at(tokens, last + 1);
    Token end = tokens.get(last);
    if (after != null && after.getType() == CasesLexer.WORD && sameLine(end, after)) {
      String word = after.getText().toLowerCase(Locale.ROOT);
      if (word.equals("k") && adjacent(end, after) && !comma && !space) {
        String full = new BigDecimal(meant.toString()).movePointRight(3).toPlainString();
        return error(
            source,
            tokens.get(i),
            after,
            "'"
                + written
                + after.getText()
                + "' is not a number here: write the amount in full, "
                + full
                + " ("
                + MONEY_FORM
                + ")");
      }
      if (CURRENCIES.contains(word)) {
        return error(
            source,
            tokens.get(i),
            after,
            "'"
                + written
                + (adjacent(end, after) ? "" : " ")
                + after.getText()
                + "' names a currency, which numbers here do not take: write "
                + meant
                + " ("
                + MONEY_FORM
                + ")");
      }
    }
    List<String> what = new ArrayList<>();
    if (dollar) {
      what.add("a dollar sign");
    }
    if (comma) {
      what.add("a thousands separator");
    } else if (space) {
      what.add("a space as a thousands separator");
    }
    if (what.isEmpty()) {
      return null;
    }
    return error(
        source,
        tokens.get(i),
        end,
        "'"
            + written
            + "' has "
            + String.join(" and ", what)
            + ", which numbers here do not take: write "
            + meant
            + (dollar ? " (" + MONEY_FORM + ")" : ""));
  }

  private static final String COMMENT = "comments start with '#'";

  /**
   * Whether the number at {@code i} stands where a case file takes an amount: after a measure
   * ({@code acr}) or a status ({@code met}).
   */
  private static boolean takesAmount(List<Token> tokens, int i) {
    Token before = at(tokens, i - 1);
    return before != null
        && sameLine(before, tokens.get(i))
        && (before.getType() == CasesLexer.WORD
            || before.getType() == CasesLexer.MET
            || before.getType() == CasesLexer.NOT_MET);
  }

  private static Diagnostic error(SourceFile source, Token from, Token to, String message) {
    Span span = Tokens.span(source, from);
    if (from.getLine() == to.getLine()) {
      span = span.through(Tokens.span(source, to));
    }
    return Diagnostic.error(span, message);
  }

  private static Token at(List<Token> tokens, int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
  }

  private static Token next(List<Token> tokens, int i) {
    return at(tokens, i + 1);
  }

  private static boolean isStray(Token t, String text) {
    return t != null && t.getType() == CasesLexer.STRAY && t.getText().equals(text);
  }

  /** A group of three digits after a thousands separator (the last may have decimals). */
  private static boolean isGroup(Token t) {
    return t.getText().matches("[0-9]{3}(\\.[0-9]+)?");
  }

  private static boolean isNumber(Token t) {
    return t != null && t.getType() == CasesLexer.NUMBER;
  }

  /** A non-breaking or narrow space, alone: a stray character the lexer gives its own token. */
  private static boolean isSpace(Token t, String spaces) {
    return t != null
        && t.getType() == CasesLexer.STRAY
        && t.getText().length() == 1
        && spaces.contains(t.getText());
  }

  private static boolean sameLine(Token a, Token b) {
    return a.getLine() == b.getLine();
  }

  private static boolean adjacent(Token a, Token b) {
    return a.getStopIndex() + 1 == b.getStartIndex();
  }
}
