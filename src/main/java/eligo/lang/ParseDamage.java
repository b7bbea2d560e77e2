package eligo.lang;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Where a syntax error damaged a parse tree, and what a failure to build from the tree means. The
 * parser marks what its error recovery did: an error node for a token it skipped or made up, a
 * recognition exception on a rule it could not finish, a rule it left empty. Building a damaged
 * part may fail on a hole (a child missing, a token made up): that failure is the syntax error,
 * already reported, and the builders leave the part out. Building a part that no syntax error
 * touched never fails unless the builder has a bug: that failure propagates, as a {@link BuildBug},
 * so that a bug never silently drops a part of a valid file.
 */
public final class ParseDamage {
  private ParseDamage() {}

  /** No rule may be empty unless broken (true of the cases grammar). */
  public static final Predicate<ParserRuleContext> NO_EMPTY_RULES = ctx -> false;

  /**
   * Whether this node itself is broken: an error node (a token the parser skipped, or made up
   * during recovery), a rule that ended in a recognition error, or a rule that holds nothing at all
   * (the parser gave up before its first token) unless {@code mayBeEmpty} says the rule can match
   * nothing.
   */
  public static boolean broken(ParseTree node, Predicate<ParserRuleContext> mayBeEmpty) {
    return node instanceof ErrorNode
        || (node instanceof ParserRuleContext ctx
            && (ctx.exception != null || (ctx.getChildCount() == 0 && !mayBeEmpty.test(ctx))));
  }

  /** Whether a syntax error touched this part: it, or anything inside it, is {@link #broken}. */
  public static boolean damaged(ParseTree tree, Predicate<ParserRuleContext> mayBeEmpty) {
    if (broken(tree, mayBeEmpty)) {
      return true;
    }
    for (int i = 0; i < tree.getChildCount(); i++) {
      if (damaged(tree.getChild(i), mayBeEmpty)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a syntax error touched this part of a tree whose rules are never empty unless broken.
   */
  public static boolean damaged(ParseTree tree) {
    return damaged(tree, NO_EMPTY_RULES);
  }

  /**
   * Every damaged part of {@code tree} at once (by identity): each broken node and every part
   * around it, so that a part is in the set exactly when {@link #damaged} holds for it.
   */
  public static Set<ParseTree> damagedParts(
      ParseTree tree, Predicate<ParserRuleContext> mayBeEmpty) {
    Set<ParseTree> out = Collections.newSetFromMap(new IdentityHashMap<>());
    mark(tree, mayBeEmpty, out);
    return out;
  }

  private static void mark(
      ParseTree tree, Predicate<ParserRuleContext> mayBeEmpty, Set<ParseTree> out) {
    if (broken(tree, mayBeEmpty)) {
      for (ParseTree t = tree; t != null && out.add(t); t = t.getParent()) {
        // marked with every part around it
      }
    }
    for (int i = 0; i < tree.getChildCount(); i++) {
      mark(tree.getChild(i), mayBeEmpty, out);
    }
  }

  /**
   * Decides about a failure to build {@code part}: returns (the caller leaves the part out) when it
   * is a hole left by a syntax error, that is when {@code damaged} (a syntax error touched the
   * part) and the failure is not a bug passed up from a part inside it; otherwise throws it as a
   * bug.
   */
  public static void holeOrBug(RuntimeException failure, ParserRuleContext part, boolean damaged) {
    if (failure instanceof BuildBug bug) {
      throw bug;
    }
    if (!damaged) {
      throw new BuildBug(part, failure);
    }
  }

  /**
   * Building a part of the parse tree that no syntax error touched failed: a bug in the builder,
   * never a hole. Every enclosing part passes it on, damaged or not.
   */
  public static final class BuildBug extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    BuildBug(ParserRuleContext part, RuntimeException cause) {
      super(
          "internal error: building "
              + where(part)
              + ", which has no syntax error, failed: "
              + cause,
          cause);
    }

    private static String where(ParserRuleContext part) {
      Token start = part.getStart();
      if (start == null) {
        return "a part of the file";
      }
      String file = start.getInputStream() == null ? null : start.getInputStream().getSourceName();
      return "line "
          + start.getLine()
          + (file == null || file.isEmpty() || file.equals("<unknown>") ? "" : " of " + file);
    }
  }
}
