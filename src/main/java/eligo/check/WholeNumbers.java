package eligo.check;

import eligo.check.ExprTyper.TNum;
import eligo.ir.Ir;
import eligo.lang.Ast;

/**
 * A number written with decimals against a count or a quantity, which are whole: three decimals
 * after one to three digits ({@code value >= 1.000}) are an error naming both readings, as a
 * thousands group written with a point would be read as a quietly small threshold; other decimals
 * ({@code value > 1.5}) are a warning saying what the comparison reads as.
 */
final class WholeNumbers {
  private final Reporter reporter;
  private final Lints lints;

  WholeNumbers(Reporter reporter, Lints lints) {
    this.reporter = reporter;
    this.lints = lints;
  }

  /**
   * A number with decimals compared with {@code whole}, a count or a quantity that is always whole
   * ({@code value >= 1.000}, {@code paid_units > 2.5}), {@code other} being the number as written,
   * or through a define: three decimals after one to three digits are refused (true), as most
   * likely a thousands group of a country that separates thousands with a point, which would be
   * read as a quietly small threshold; other decimals are warned about, with what the comparison
   * reads as. {@code op} puts {@code whole} on the left.
   */
  boolean slip(Ast.Compare c, Ir.CmpOp op, TNum whole, Ast.Expr other, Env env) {
    Ir.ValueKind k = whole.kind().category();
    if ((k != Ir.ValueKind.COUNT && k != Ir.ValueKind.QUANTITY) || whole.e().scale() != 0) {
      return false;
    }
    Ast.Literal l = ConditionTyper.written(other, env);
    if (l == null || l.kind() != Ast.LiteralKind.NUMBER) {
      return false;
    }
    int decimals = Literals.decimalsWritten(l.text());
    java.math.BigDecimal v = l.value();
    if (decimals == 0) {
      return false;
    }
    String with =
        other instanceof Ast.NameRef n ? "'" + n.name().text() + "', " + l.text() : l.text();
    String compares = "this compares " + whole.kind().describe() + ", a whole number, with " + with;
    String point = l.text().substring(0, l.text().indexOf('.'));
    if (decimals == 3 && point.length() <= 3 && v.signum() != 0) {
      String plain = v.stripTrailingZeros().toPlainString();
      String thousands =
          new java.math.BigDecimal(point + l.text().substring(point.length() + 1)).toPlainString();
      reporter.error(
          other.form(),
          compares
              + "; '.' is the decimal point here, so "
              + l.text()
              + " would be "
              + plain
              + ": write "
              + thousands
              + " if the '.' separates thousands"
              + (v.stripTrailingZeros().scale() <= 0 ? ", or " + plain : ""));
      return true;
    }
    if (v.stripTrailingZeros().scale() <= 0) {
      return false; // 2.0: the whole number it says
    }
    java.math.BigDecimal up = v.setScale(0, java.math.RoundingMode.CEILING);
    java.math.BigDecimal down = v.setScale(0, java.math.RoundingMode.FLOOR);
    String reads =
        switch (op) {
          case GE, GT ->
              "holds from " + up.toPlainString() + " on ('>= " + up.toPlainString() + "')";
          case LE, LT ->
              "holds up to " + down.toPlainString() + " ('<= " + down.toPlainString() + "')";
          case EQ -> "never holds";
          case NE -> "always holds";
        };
    reporter.warning(c.span(), compares + ": it " + reads + lints.instance);
    return false;
  }
}
