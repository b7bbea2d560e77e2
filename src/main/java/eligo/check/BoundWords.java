package eligo.check;

import eligo.lang.Ast;
import java.util.List;
import java.util.Locale;

/**
 * The words a criteria text puts around {@code {met}} against the comparison its 'met when' makes:
 * "at least {met}" over {@code met when value > $1000} shows "at least $1,000" while exactly $1,000
 * is not met, so a reader's arithmetic and the run disagree at the threshold.
 */
final class BoundWords {
  private BoundWords() {}

  private record Words(String words, Ast.CmpOp op, boolean after) {}

  /** Longest first where one ends another ("no more than" before "more than"). */
  private static final List<Words> WORDS =
      List.of(
          new Words("no more than", Ast.CmpOp.LE, false),
          new Words("not more than", Ast.CmpOp.LE, false),
          new Words("no less than", Ast.CmpOp.GE, false),
          new Words("not less than", Ast.CmpOp.GE, false),
          new Words("no fewer than", Ast.CmpOp.GE, false),
          new Words("at least", Ast.CmpOp.GE, false),
          new Words("a minimum of", Ast.CmpOp.GE, false),
          new Words("more than", Ast.CmpOp.GT, false),
          new Words("greater than", Ast.CmpOp.GT, false),
          new Words("above", Ast.CmpOp.GT, false),
          new Words("over", Ast.CmpOp.GT, false),
          new Words("exceeding", Ast.CmpOp.GT, false),
          new Words("at most", Ast.CmpOp.LE, false),
          new Words("up to", Ast.CmpOp.LE, false),
          new Words("a maximum of", Ast.CmpOp.LE, false),
          new Words("less than", Ast.CmpOp.LT, false),
          new Words("fewer than", Ast.CmpOp.LT, false),
          new Words("under", Ast.CmpOp.LT, false),
          new Words("below", Ast.CmpOp.LT, false),
          new Words("or more", Ast.CmpOp.GE, true),
          new Words("or above", Ast.CmpOp.GE, true),
          new Words("or less", Ast.CmpOp.LE, true),
          new Words("or fewer", Ast.CmpOp.LE, true));

  /**
   * Why the words around {@code {met}} (the text before it and after it) say another comparison
   * than {@code met}'s, or null when they agree or say none; {@code shown} is what {@code {met}}
   * shows.
   */
  static String disagree(String before, String after, Ast.Compare met, String shown) {
    String b = before.toLowerCase(Locale.ROOT).stripTrailing();
    String a = after.toLowerCase(Locale.ROOT).stripLeading();
    for (Words w : WORDS) {
      boolean says =
          w.after()
              ? a.startsWith(w.words()) && !a.substring(w.words().length()).matches("^[a-z].*")
              : b.endsWith(w.words())
                  && !b.substring(0, b.length() - w.words().length()).matches(".*[a-z]$");
      if (!says) {
        continue;
      }
      if (w.op() == met.op()) {
        return null;
      }
      String quoted = w.after() ? "{met} " + w.words() : w.words() + " {met}";
      return "this text says '"
          + quoted
          + "' ("
          + shown
          + "), but 'met when' is 'value "
          + met.op().symbol
          + " "
          + shown
          + "'"
          + (holdsAt(met.op()) == holdsAt(w.op())
              ? ""
              : ": at exactly "
                  + shown
                  + " the text reads "
                  + (holdsAt(w.op()) ? "met" : "not met")
                  + " and the run says "
                  + (holdsAt(met.op()) ? "met" : "not met"))
          + "; write "
          + phrase(met.op())
          + " in the text, or 'met when value "
          + w.op().symbol
          + " ...' for the text's words";
    }
    return null;
  }

  private static boolean holdsAt(Ast.CmpOp op) {
    return op == Ast.CmpOp.GE || op == Ast.CmpOp.LE || op == Ast.CmpOp.EQ;
  }

  private static String phrase(Ast.CmpOp op) {
    switch (op) {
      case GE:
        return "'at least {met}'";
      case GT:
        return "'more than {met}'";
      case LE:
        return "'at most {met}'";
      case LT:
        return "'less than {met}'";
      case EQ:
        return "'exactly {met}'";
      default:
        return "'other than {met}'";
    }
  }
}
