package eligo.check;

import eligo.lang.Ast;
import eligo.lang.AstSearch;
import eligo.lang.Diagnostic;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers a criteria file writes, each checked where it stands: money is exact to the cent (the
 * data refuse finer amounts, so {@code $1000.005} could never be met as written), and every number
 * must fit the exact 64-bit arithmetic the evaluators use.
 */
final class Literals {
  private Literals() {}

  /** The most significant digits a literal may have: 64-bit integers hold every 18-digit one. */
  static final int MAX_DIGITS = 18;

  /** The errors of the literals of {@code file}, in the order written. */
  static List<Diagnostic> check(Ast.CriteriaFile file) {
    List<Ast.Literal> literals = new ArrayList<>();
    AstSearch.each(
        file,
        node -> {
          if (node instanceof Ast.Literal l) {
            literals.add(l);
          }
        });
    List<Diagnostic> out = new ArrayList<>();
    for (Ast.Literal l : literals) {
      if (runsOn(l)) {
        continue; // '$1.000.000', '$10.000,50': the syntax error after it says what to write
      }
      BigDecimal v = l.value().stripTrailingZeros();
      int written = decimalsWritten(l.text());
      if (l.kind() == Ast.LiteralKind.MONEY && v.scale() <= 2 && written > 2) {
        out.add(moneyDecimals(l, v, written));
      } else if (l.kind() == Ast.LiteralKind.MONEY && v.scale() > 2) {
        out.add(
            Diagnostic.error(
                l.span(),
                "money is exact to the cent: "
                    + l.text()
                    + " has "
                    + v.scale()
                    + " decimal places, and the data refuse amounts finer than a cent"));
      } else if (l.kind() == Ast.LiteralKind.MONEY && !fitsInCents(v)) {
        out.add(
            Diagnostic.error(
                l.span(),
                "the amount "
                    + l.text()
                    + " is too large to compute exactly in cents: write at most "
                    + (MAX_DIGITS - 2)
                    + " digits before the decimal point"));
      } else if (!fits(v)) {
        out.add(
            Diagnostic.error(
                l.span(),
                "the number "
                    + l.text()
                    + " is too large to compute exactly: write at most "
                    + MAX_DIGITS
                    + " digits"));
      }
    }
    return out;
  }

  /**
   * Whether the number goes on past {@code l} at once, with a '.' ({@code $1.000.000}) or a ','
   * before a digit ({@code $10.000,50}).
   */
  private static boolean runsOn(Ast.Literal l) {
    String line = l.span().file().line(l.span().line());
    int after =
        line.offsetByCodePoints(
            0,
            Math.min(
                line.codePointCount(0, line.length()), l.span().column() - 1 + l.span().length()));
    return after < line.length()
        && (line.charAt(after) == '.'
            || line.charAt(after) == ','
                && after + 1 < line.length()
                && Character.isDigit(line.charAt(after + 1)));
  }

  /** The digits written after the decimal point of {@code text} ({@code $2.500}: 3). */
  static int decimalsWritten(String text) {
    int point = text.indexOf('.');
    if (point < 0) {
      return 0;
    }
    int n = 0;
    while (point + 1 + n < text.length() && Character.isDigit(text.charAt(point + 1 + n))) {
      n++;
    }
    return n;
  }

  /**
   * Money written with more than two decimals, all of them zeros past the cent: {@code $2.500} is
   * most likely two thousand five hundred in the notation of a country that separates thousands
   * with a point, and would be read as two dollars fifty, a quietly wrong threshold; so it is
   * refused, naming both readings when three decimals make it look like a thousands group.
   */
  private static Diagnostic moneyDecimals(Ast.Literal l, BigDecimal v, int written) {
    String cents = "$" + v.setScale(v.scale() <= 0 ? 0 : 2).toPlainString();
    String whole = l.text().substring(1, l.text().indexOf('.'));
    if (written == 3 && whole.length() <= 3 && v.signum() != 0) {
      String thousands =
          "$"
              + new BigDecimal(whole + l.text().substring(l.text().indexOf('.') + 1))
                  .toPlainString();
      return Diagnostic.error(
          l.span(),
          "money takes at most two decimals, and '.' is the decimal point here, so "
              + l.text()
              + " would be "
              + cents
              + ": write "
              + thousands
              + " if the '.' separates thousands, or "
              + cents);
    }
    return Diagnostic.error(
            l.span(), "money takes at most two decimals: write " + cents + " for " + l.text())
        .replacing(cents);
  }

  /**
   * Whether the amount {@code v} (to the cent at most) fits a long as cents, the unit every amount
   * of the data is computed in: at most 16 digits before the point.
   */
  static boolean fitsInCents(BigDecimal v) {
    return v.movePointRight(2)
            .setScale(0, java.math.RoundingMode.DOWN)
            .unscaledValue()
            .abs()
            .compareTo(BigInteger.TEN.pow(MAX_DIGITS))
        < 0;
  }

  /** Whether {@code v}'s digits fit a long, as the IR's constants hold them. */
  static boolean fits(BigDecimal v) {
    BigInteger unscaled = v.scale() < 0 ? v.setScale(0).unscaledValue() : v.unscaledValue();
    return unscaled.abs().compareTo(BigInteger.TEN.pow(MAX_DIGITS)) < 0 && v.scale() <= MAX_DIGITS;
  }
}
