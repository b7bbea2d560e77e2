package eligo.check;

import eligo.lang.Ast;
import eligo.lang.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A 'where' condition that ends in a comparison with arithmetic on an aggregate after it, written
 * without parentheses: {@code count tenant where acr > $0 + sum acr for ...}. The condition takes
 * the {@code + sum ...} ({@code acr > ($0 + sum ...)}), where the writer more often meant the count
 * plus the sum: a warning, with both spellings in parentheses. Parentheses around the condition,
 * the comparison or its right side say which was meant, and silence it.
 */
final class WhereTail {
  private WhereTail() {}

  /** Warns when the 'where' of {@code a} (not 'any' or 'all': no number to add to) ends so. */
  static void check(Reporter reporter, Ast.Aggregate a) {
    if (a.where() == null || a.kind() == Ast.AggKind.ANY || a.kind() == Ast.AggKind.ALL) {
      return;
    }
    Ast.Compare compare = lastComparison(a.where());
    if (compare == null || !(compare.right() instanceof Ast.Binary sum) || sum.parens() != null) {
      return;
    }
    // the chain 'x + y - z' of the right side, unparenthesized: its first operand with an
    // aggregate after the first starts the tail
    List<Ast.Expr> operands = new ArrayList<>();
    List<Ast.Binary> operators = new ArrayList<>();
    Ast.Expr e = sum;
    while (e instanceof Ast.Binary b && b.parens() == null && isAddition(b.op())) {
      operands.add(0, b.right());
      operators.add(0, b);
      e = b.left();
    }
    operands.add(0, e);
    int tail = -1;
    for (int i = 1; i < operands.size() && tail < 0; i++) {
      if (hasAggregate(operands.get(i))) {
        tail = i;
      }
    }
    if (tail < 0) {
      return;
    }
    Ast.Binary op = operators.get(tail - 1);
    Ast.Expr first = operands.get(tail);
    Span at = through(op.span(), compare.form());
    if (!reporter.complete(at)) {
      return; // a syntax error may have cut the condition
    }
    String lead = lead(first);
    String word = lead == null ? "..." : lead + " ...";
    String tailText = op.op().symbol + " " + word;
    Ast.Expr where = a.where();
    String aggregate = text(a.span(), where.form(), word(a) + " ... where");
    String condition = text(where.form(), op.span(), "...");
    String left = text(compare.form(), compare.span(), "...");
    String right = text(after(compare.span()), op.span(), "...");
    reporter.warning(
        at,
        "the '"
            + tailText
            + "' is part of the 'where' condition, as '"
            + left
            + " "
            + compare.op().symbol
            + " ("
            + right
            + " "
            + tailText
            + ")', not added to what '"
            + word(a)
            + "' gives; write parentheses to say which you meant: '("
            + aggregate
            + " "
            + condition
            + ") "
            + tailText
            + "' or '"
            + aggregate
            + " ("
            + condition
            + " "
            + tailText
            + ")'");
  }

  /**
   * The comparison the condition ends with, through 'and', 'or' and 'not' written without
   * parentheses, or null.
   */
  private static Ast.Compare lastComparison(Ast.Expr e) {
    while (true) {
      if (e instanceof Ast.Binary b
          && b.parens() == null
          && (b.op() == Ast.BinOp.AND || b.op() == Ast.BinOp.OR)) {
        e = b.right();
      } else if (e instanceof Ast.Not n) {
        e = n.operand();
      } else {
        return e instanceof Ast.Compare c && c.parens() == null ? c : null;
      }
    }
  }

  private static boolean isAddition(Ast.BinOp op) {
    return op == Ast.BinOp.ADD || op == Ast.BinOp.SUB;
  }

  /** Whether {@code e} holds an aggregate (sum, count, average, ...) outside a nested one's. */
  private static boolean hasAggregate(Ast.Expr e) {
    if (e instanceof Ast.Aggregate) {
      return true;
    }
    if (e instanceof Ast.Binary b) {
      return hasAggregate(b.left()) || hasAggregate(b.right());
    }
    if (e instanceof Ast.Neg n) {
      return hasAggregate(n.operand());
    }
    if (e instanceof Ast.At at) {
      return hasAggregate(at.operand());
    }
    if (e instanceof Ast.Via v) {
      return hasAggregate(v.operand());
    }
    if (e instanceof Ast.Net n) {
      return hasAggregate(n.operand());
    }
    if (e instanceof Ast.PercentOf p) {
      return hasAggregate(p.of());
    }
    return false;
  }

  /**
   * The words {@code e} starts with when it starts with an aggregate ({@code sum}, {@code net sum}:
   * 'at' and 'via' stand after it), else null.
   */
  private static String lead(Ast.Expr e) {
    if (e instanceof Ast.Aggregate g) {
      return word(g);
    }
    if (e instanceof Ast.At at) {
      return lead(at.operand());
    }
    if (e instanceof Ast.Via v) {
      return lead(v.operand());
    }
    if (e instanceof Ast.Net n) {
      String inner = lead(n.operand());
      return inner == null ? null : "net " + inner;
    }
    return null;
  }

  private static String word(Ast.Aggregate a) {
    return a.kind().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** From the start of {@code from} to the end of {@code form} when on one line; else from. */
  private static Span through(Span from, Span form) {
    int end = form.column() + form.length();
    if (from.line() != form.line() || from.file() != form.file() || end <= from.column()) {
      return from;
    }
    return new Span(from.file(), from.line(), from.column(), end - from.column());
  }

  /** The place just after {@code s}. */
  private static Span after(Span s) {
    return new Span(s.file(), s.line(), s.column() + s.length(), 1);
  }

  /**
   * The text written from the start of {@code from} to the start of {@code to}, blanks trimmed,
   * when both are on one line and it is not empty; else {@code otherwise}.
   */
  private static String text(Span from, Span to, String otherwise) {
    if (from.line() != to.line() || from.file() != to.file() || to.column() <= from.column()) {
      return otherwise;
    }
    int[] line = from.file().line(from.line()).codePoints().toArray();
    int start = Math.min(from.column() - 1, line.length);
    int end = Math.min(to.column() - 1, line.length);
    String s = new String(line, start, end - start).strip();
    return s.isEmpty() ? otherwise : s;
  }
}
