package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * A comparison written in words after a value, as the criteria texts say it ({@code value at least
 * 1}, {@code value more than $1000}, {@code value is 0}): one error naming the operator meant, with
 * it as the fix. The parser stops inside such a phrase ('at' reads a month, so {@code at most 1}
 * fails at the number), so the phrase is looked for at the error and the two tokens before it.
 */
final class WordedComparisons {
  private WordedComparisons() {}

  /** Each phrase (lower case, words joined by one space) and the operator it means. */
  private static final Map<String, String> OPERATORS =
      Map.of(
          "at least", ">=",
          "at most", "<=",
          "more than", ">",
          "greater than", ">",
          "less than", "<",
          "fewer than", "<",
          "equals", "==",
          "is", "==");

  /** A number as written: the example of the fix shows it. */
  private static final Set<Integer> NUMBERS =
      Set.of(CriteriaLexer.NUMBER, CriteriaLexer.MONEY, CriteriaLexer.PERCENT);

  /** Tokens that end a value: a comparison may follow them. */
  private static final Set<Integer> VALUE_ENDS =
      Set.of(
          CriteriaLexer.ID,
          CriteriaLexer.NUMBER,
          CriteriaLexer.MONEY,
          CriteriaLexer.PERCENT,
          CriteriaLexer.RPAREN,
          CriteriaLexer.VALUE);

  /** The slip of a comparison in words at or just before the error at {@code t}, or null. */
  static Slips.Slip at(TokenStream tokens, Token t) {
    Token start = t;
    for (int back = 0; back < 3 && start != null; back++) {
      Token before = Slips.visible(tokens, start, -1);
      if (before == null || before.getLine() != t.getLine()) {
        return null;
      }
      if (VALUE_ENDS.contains(before.getType())) {
        Slips.Slip s = phrase(tokens, start, t);
        if (s != null) {
          return s;
        }
      }
      start = before;
    }
    return null;
  }

  /**
   * The phrase that starts at {@code start} ('is' then a phrase, or a phrase), when it reaches to
   * {@code error} or to the token before it; else null.
   */
  private static Slips.Slip phrase(TokenStream tokens, Token start, Token error) {
    List<Token> words = new ArrayList<>();
    for (Token w = start; w != null && w.getLine() == start.getLine() && words.size() < 3; ) {
      words.add(w);
      w = Slips.visible(tokens, w, +1);
    }
    // the longest phrase first: 'is at least', 'at least', 'is'
    for (int n = words.size(); n >= 1; n--) {
      List<Token> p = words.subList(0, n);
      String text = text(p);
      String op = OPERATORS.get(text.startsWith("is ") ? text.substring(3) : text);
      Token last = p.get(p.size() - 1);
      Token next = Slips.visible(tokens, last, +1);
      int through = next == null ? last.getTokenIndex() : next.getTokenIndex();
      if (op != null
          && error.getTokenIndex() >= start.getTokenIndex()
          && error.getTokenIndex() <= through) {
        Token value = Slips.visible(tokens, start, -1);
        boolean number =
            next != null && next.getLine() == last.getLine() && NUMBERS.contains(next.getType());
        return new Slips.Slip(
            start,
            "'"
                + text
                + "' is written '"
                + op
                + "' in a condition: write '"
                + (value.getType() == CriteriaLexer.RPAREN ? "..." : value.getText())
                + " "
                + op
                + " "
                + (number ? next.getText() : "...")
                + "'",
            last,
            op);
      }
    }
    return null;
  }

  private static String text(List<Token> words) {
    StringBuilder sb = new StringBuilder();
    for (Token w : words) {
      sb.append(sb.length() == 0 ? "" : " ").append(w.getText().toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }
}
