package eligo.check;

import static eligo.check.ExprTyper.ERR;
import static eligo.check.ExprTyper.describe;
import static eligo.check.ExprTyper.shift;

import eligo.check.ExprTyper.T;
import eligo.check.ExprTyper.TBool;
import eligo.check.ExprTyper.TErr;
import eligo.check.ExprTyper.TMonth;
import eligo.check.ExprTyper.TNum;
import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.lang.Span;

/**
 * Types the binary operators: {@code and} and {@code or} on conditions, {@code +}, {@code -} and
 * {@code *} on numbers and amounts (their kinds joined, money times money refused), a month moved
 * by a whole number of months, and division refused so that every result stays exact.
 */
final class OperatorTyper {
  private final Reporter reporter;
  private final Lints lints;
  private final ExprTyper typer;

  OperatorTyper(Reporter reporter, Lints lints, ExprTyper typer) {
    this.reporter = reporter;
    this.lints = lints;
    this.typer = typer;
  }

  T binary(Ast.Binary b, Env env) {
    T l = typer.expr(b.left(), env);
    T r = typer.expr(b.right(), env);
    if (l instanceof TErr || r instanceof TErr) {
      return ERR;
    }
    if (movesAtsValue(b)) {
      Ast.At at = (Ast.At) b.left();
      Ast.Name month = ((Ast.NameRef) at.month()).name();
      Ast.Literal n = ((Ast.LiteralExpr) b.right()).literal();
      boolean add = b.op() == Ast.BinOp.ADD;
      String moved = month.text() + (add ? " + " : " - ") + n.text();
      Span span = at.span().through(n.span()); // 'at M - 12': the 'at' and all it was taken to move
      String message =
          "'at' takes one month, so this reads the value at "
              + month.text()
              + " and then "
              + (add ? "adds " + n.text() + " to it" : "subtracts " + n.text() + " from it")
              + ": write 'at ("
              + moved
              + ")' for that month, or '(... at "
              + month.text()
              + ")"
              + (add ? " + " : " - ")
              + n.text()
              + "' for the value";
      if (span.line() == n.span().line()) {
        reporter.error(span, message, "at (" + moved + ")");
      } else {
        reporter.error(span, message);
      }
      return ERR;
    }
    switch (b.op()) {
      case AND:
      case OR:
        {
          TBool x = (TBool) typer.expectBool(l, b.left().span(), "'" + b.op().symbol + "'");
          TBool y = (TBool) typer.expectBool(r, b.right().span(), "'" + b.op().symbol + "'");
          if (x == null || y == null) {
            return ERR;
          }
          String never = b.op() == Ast.BinOp.AND ? Contradictions.never(x.e(), y.e()) : null;
          if (never != null) {
            // an error: the run would go on with a condition that is never true (a node never
            // met, a count of 0) where a bound was mistyped
            reporter.error(
                b.span(),
                "these conditions can never hold together: "
                    + never
                    + ", so this 'and' is never true"
                    + lints.instance);
          }
          return new TBool(
              b.op() == Ast.BinOp.AND
                  ? new Ir.And(x.e(), y.e(), b.leftLabel(), b.rightLabel())
                  : new Ir.Or(x.e(), y.e(), b.leftLabel(), b.rightLabel()));
        }
      case DIV:
        reporter.error(
            b.span(),
            "division is not supported, so that every result stays exact: write a percentage ('40% of paid_units') or a rate table");
        return ERR;
      default:
        break;
    }
    if (l instanceof TMonth m && (b.op() == Ast.BinOp.ADD || b.op() == Ast.BinOp.SUB)) {
      if (r instanceof TNum n
          && n.e() instanceof Ir.Const k
          && k.scale() == 0
          && n.kind().category() == Ir.ValueKind.NUMBER) {
        if (!(m.m() instanceof Ir.AsOf) && !(m.m() instanceof Ir.MonthVar)) {
          reporter.error(b.form(), "only M and named months can be moved by a number of months");
          return ERR;
        }
        // a number of up to 18 digits, so neither sum below overflows
        long d = (b.op() == Ast.BinOp.ADD ? 1 : -1) * k.unscaled();
        long moved = ExprTyper.offset(m.m()) + d;
        if (Math.abs(d) > ExprTyper.MAX_MONTHS || Math.abs(moved) > ExprTyper.MAX_MONTHS) {
          reporter.error(
              b.form(),
              "a month can be moved by at most "
                  + ExprTyper.MAX_MONTHS
                  + " months (100 years) from M or a named month; this moves it by "
                  + Math.max(Math.abs(d), Math.abs(moved)));
          return ERR;
        }
        Ir.MonthExpr month = shift(m.m(), (int) d);
        Integer last = ExprTyper.last(month, env);
        if (d > 0 && last != null && last > 0) {
          reporter.error(b.form(), afterAsOf(month, last));
          return ERR;
        }
        return new TMonth(month);
      }
      reporter.error(
          b.right().form(),
          "a month can be moved by a whole number of months ('M - 12'); this is " + describe(r));
      return ERR;
    }
    TNum x = typer.expectNum(l, b.left().span(), "'" + b.op().symbol + "'");
    TNum y = typer.expectNum(r, b.right().span(), "'" + b.op().symbol + "'");
    if (x == null || y == null) {
      return ERR;
    }
    if (b.op() == Ast.BinOp.MUL) {
      if (x.kind().category() == Ir.ValueKind.MONEY && y.kind().category() == Ir.ValueKind.MONEY) {
        reporter.error(b.span(), "cannot multiply money by money");
        return ERR;
      }
      Kind k =
          x.kind().category() == Ir.ValueKind.MONEY || y.kind().category() == Ir.ValueKind.MONEY
              ? Kind.MONEY
              : x.kind().category() == Ir.ValueKind.NUMBER
                  ? y.kind()
                  : y.kind().category() == Ir.ValueKind.NUMBER ? x.kind() : Kind.NUMBER;
      return new TNum(new Ir.Arith(Ir.ArithOp.MUL, x.e(), y.e()), k);
    }
    if (!Kind.compatible(x.kind(), y.kind())) {
      reporter.error(
          b.span(),
          "cannot "
              + (b.op() == Ast.BinOp.ADD ? "add " : "subtract ")
              + y.kind().describe()
              + (b.op() == Ast.BinOp.ADD ? " to " : " from ")
              + x.kind().describe());
      return ERR;
    }
    return new TNum(
        new Ir.Arith(b.op() == Ast.BinOp.ADD ? Ir.ArithOp.ADD : Ir.ArithOp.SUB, x.e(), y.e()),
        Kind.join(x.kind(), y.kind()));
  }

  /**
   * Why a month moved past M is refused: a customer is judged as of M, on its data up to M, so a
   * month after it reads nothing at the latest month of the data and the future at an earlier one:
   * a quietly small value either way.
   */
  private static String afterAsOf(Ir.MonthExpr month, int last) {
    String when = last == 1 ? "1 month" : last + " months";
    String what =
        month instanceof Ir.AsOf
            ? "this month, "
                + ExprTyper.monthText(last)
                + ", is "
                + when
                + " after the as-of month M"
            : "this month is up to "
                + when
                + " after the as-of month M (its month variable runs up to "
                + ExprTyper.monthText(last - ((Ir.MonthVar) month).offset())
                + ")";
    return what
        + ": a customer is judged on its data up to M, so rules read M and earlier months"
        + " (after M is no usage at the data's latest month, and the future at an earlier --as-of)";
  }

  /**
   * Whether {@code b} is {@code ... at M - 12} as written, with no parentheses: 'at' takes one
   * primary, so this is the value at M less 12, where the month a year before was surely meant.
   */
  private static boolean movesAtsValue(Ast.Binary b) {
    if ((b.op() != Ast.BinOp.ADD && b.op() != Ast.BinOp.SUB)
        || !(b.left() instanceof Ast.At at)
        || !(at.month() instanceof Ast.NameRef month)
        || !(b.right() instanceof Ast.LiteralExpr)) {
      return false;
    }
    Span m = month.name().span();
    Span op = b.span();
    if (m.line() != op.line() || m.file() != op.file()) {
      return false;
    }
    // only blanks between the month and the operator: no ')' closing '(... at M)'
    int[] line = m.file().line(m.line()).codePoints().toArray();
    for (int i = m.column() - 1 + m.length(); i < op.column() - 1 && i < line.length; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
