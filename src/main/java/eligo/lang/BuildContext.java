package eligo.lang;

import eligo.lang.Ast.Name;
import eligo.lang.antlr.CriteriaParser.NameContext;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * What every part of the {@link AstBuilder} shares: the source file its spans point into, and the
 * parts of the parse tree that a syntax error touched. Such a part is left out rather than guessed
 * (its syntax error was already reported); a failure in an untouched part is a bug, and propagates
 * ({@link ParseDamage}). Names are read here too, since a damaged name is the commonest hole.
 */
final class BuildContext {
  private final SourceFile source;
  private final Set<ParseTree> damaged;

  BuildContext(SourceFile source, Collection<? extends ParseTree> damaged) {
    this.source = source;
    Set<ParseTree> parts = Collections.newSetFromMap(new IdentityHashMap<>());
    parts.addAll(damaged);
    this.damaged = Collections.unmodifiableSet(parts);
  }

  /**
   * Adds what {@code build} makes of {@code part}, unless it meets a hole left by a syntax error in
   * the part (already reported); any other failure is a bug, and propagates.
   */
  <T> void add(ParserRuleContext part, List<T> out, Supplier<T> build) {
    try {
      out.add(build.get());
    } catch (RuntimeException failure) {
      ParseDamage.holeOrBug(
          failure, part, damaged(part)); // returns for a hole left by a syntax error
    }
  }

  /**
   * Whether a syntax error touched this part of the tree. Such parts are left out rather than
   * guessed, so that the checker does not report the parser's guesses.
   */
  boolean damaged(ParseTree tree) {
    return damaged.contains(tree);
  }

  Name optName(NameContext ctx) {
    return ctx == null ? null : name(ctx);
  }

  Name name(ParserRuleContext ctx) {
    if (ctx == null || damaged(ctx)) {
      throw new IllegalStateException("incomplete name");
    }
    return new Name(ctx.getText(), span(ctx.getStart()));
  }

  Span span(Token t) {
    return Tokens.span(source, t);
  }

  Span span(ParserRuleContext ctx) {
    return Tokens.span(source, ctx);
  }

  /**
   * The form written from token {@code start} to token {@code stop}, both in {@code within}: all of
   * it when it lies on one line, else from {@code start} to its last token on that line.
   */
  Span form(ParseTree within, Token start, Token stop) {
    Token last = start;
    if (stop != null && stop.getLine() == start.getLine()) {
      last = stop;
    } else if (stop != null) {
      last = lastOnLine(within, start, stop, start);
    }
    if (last.getStopIndex() < start.getStartIndex()) {
      return span(start);
    }
    return new Span(
        source,
        start.getLine(),
        start.getCharPositionInLine() + 1,
        last.getStopIndex() - start.getStartIndex() + 1);
  }

  /** The form of a whole rule, as {@link #form(ParseTree, Token, Token)}. */
  Span form(ParserRuleContext ctx) {
    return form(ctx, ctx.getStart(), ctx.getStop());
  }

  /** The last token of {@code tree} from {@code start} to {@code stop} on {@code start}'s line. */
  private static Token lastOnLine(ParseTree tree, Token start, Token stop, Token best) {
    if (tree instanceof TerminalNode t) {
      Token k = t.getSymbol();
      boolean inside =
          k.getTokenIndex() >= start.getTokenIndex() && k.getTokenIndex() <= stop.getTokenIndex();
      return inside && k.getLine() == start.getLine() && k.getStopIndex() > best.getStopIndex()
          ? k
          : best;
    }
    for (int i = 0; i < tree.getChildCount(); i++) {
      best = lastOnLine(tree.getChild(i), start, stop, best);
    }
    return best;
  }

  /**
   * From the start of {@code a} to the end of {@code b} when both lie on one line; else {@code a}.
   */
  static Span join(Span a, Span b) {
    return a.through(b);
  }
}
