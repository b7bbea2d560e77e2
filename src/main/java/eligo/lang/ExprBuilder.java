package eligo.lang;

import static eligo.lang.BuildContext.join;
import static eligo.lang.LeafBuilder.cmpOp;
import static eligo.lang.Tokens.unquote;
import static eligo.lang.WrittenText.label;

import eligo.lang.Ast.*;
import eligo.lang.antlr.CriteriaLexer;
import eligo.lang.antlr.CriteriaParser;
import eligo.lang.antlr.CriteriaParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds expressions, one method per level of the grammar's precedence: or, and, not, comparisons
 * (growth, within, in), ranges, sums, products, negation, postfix 'via' and 'at', and the primaries
 * (literals, texts, 'net', aggregates with their binders, 'at least', points, names and calls).
 * Conditions joined by and/or, and the parts of 'at least' and points, keep their text as written
 * for explanations.
 */
final class ExprBuilder {
  private final BuildContext site;
  private final LeafBuilder leaves;

  ExprBuilder(BuildContext site, LeafBuilder leaves) {
    this.site = site;
    this.leaves = leaves;
  }

  Expr expr(ExprContext ctx) {
    return or(ctx.orExpr());
  }

  private Expr or(OrExprContext ctx) {
    Expr e = and(ctx.andExpr(0));
    for (int i = 1; i < ctx.andExpr().size(); i++) {
      Expr r = and(ctx.andExpr(i));
      e =
          new Binary(
              BinOp.OR,
              e,
              r,
              join(site.span(ctx.getStart()), site.span(ctx.andExpr(i).getStop())),
              i == 1 ? label(ctx.andExpr(0)) : null,
              label(ctx.andExpr(i)),
              site.form(ctx, ctx.getStart(), ctx.andExpr(i).getStop()),
              null);
    }
    return e;
  }

  private Expr and(AndExprContext ctx) {
    Expr e = not(ctx.notExpr(0));
    for (int i = 1; i < ctx.notExpr().size(); i++) {
      Expr r = not(ctx.notExpr(i));
      e =
          new Binary(
              BinOp.AND,
              e,
              r,
              join(site.span(ctx.getStart()), site.span(ctx.notExpr(i).getStop())),
              i == 1 ? label(ctx.notExpr(0)) : null,
              label(ctx.notExpr(i)),
              site.form(ctx, ctx.getStart(), ctx.notExpr(i).getStop()),
              null);
    }
    return e;
  }

  private Expr not(NotExprContext ctx) {
    if (ctx.NOT() != null) {
      return new Not(not(ctx.notExpr()), site.span(ctx), label(ctx.notExpr()));
    }
    return cmp(ctx.cmpExpr());
  }

  private Expr cmp(CmpExprContext ctx) {
    Expr left = range(ctx.rangeExpr(0));
    if (ctx.MORE_KW() != null && ctx.rangeExpr().size() == 3 && ctx.zeroOutcome() != null) {
      return new Growth(
          cmpOp(ctx.cmpOp()),
          left,
          range(ctx.rangeExpr(1)),
          range(ctx.rangeExpr(2)),
          ctx.zeroOutcome() != null && ctx.zeroOutcome().NOT() == null,
          site.span(ctx.cmpOp()));
    }
    if (ctx.cmpOp() != null) {
      return new Compare(
          cmpOp(ctx.cmpOp()),
          left,
          range(ctx.rangeExpr(1)),
          site.span(ctx.cmpOp()),
          site.form(ctx),
          null);
    }
    if (ctx.WITHIN() != null) {
      Span at = site.span(ctx.WITHIN().getSymbol());
      return ctx.band() != null
          ? new Within(left, leaves.band(ctx.band()), null, at)
          : new Within(left, null, site.name(ctx.name()), at);
    }
    if (ctx.IN() != null) {
      return new InSet(
          left, range(ctx.rangeExpr(1)), site.span(ctx.IN().getSymbol()), site.form(ctx));
    }
    return left;
  }

  private Expr range(RangeExprContext ctx) {
    Expr from = add(ctx.addExpr(0));
    if (ctx.DOTDOT() == null) {
      return from;
    }
    Expr to = add(ctx.addExpr(1));
    return new Range(from, to, site.span(ctx), site.form(ctx));
  }

  private Expr add(AddExprContext ctx) {
    Expr e = mul(ctx.mulExpr(0));
    int operand = 1;
    for (int i = 0; i < ctx.getChildCount(); i++) {
      if (ctx.getChild(i) instanceof TerminalNode tn) {
        BinOp op = tn.getSymbol().getType() == CriteriaParser.PLUS ? BinOp.ADD : BinOp.SUB;
        MulExprContext right = ctx.mulExpr(operand++);
        Expr r = mul(right);
        e =
            new Binary(
                op,
                e,
                r,
                site.span(tn.getSymbol()),
                site.form(ctx, ctx.getStart(), right.getStop()));
      }
    }
    return e;
  }

  private Expr mul(MulExprContext ctx) {
    Expr e = unary(ctx.unaryExpr(0));
    int operand = 1;
    for (int i = 0; i < ctx.getChildCount(); i++) {
      if (ctx.getChild(i) instanceof TerminalNode tn) {
        BinOp op = tn.getSymbol().getType() == CriteriaParser.STAR ? BinOp.MUL : BinOp.DIV;
        UnaryExprContext right = ctx.unaryExpr(operand++);
        Expr r = unary(right);
        e =
            new Binary(
                op,
                e,
                r,
                site.span(tn.getSymbol()),
                site.form(ctx, ctx.getStart(), right.getStop()));
      }
    }
    return e;
  }

  private Expr unary(UnaryExprContext ctx) {
    if (ctx.MINUS() != null) {
      return new Neg(unary(ctx.unaryExpr()), site.span(ctx));
    }
    return postfix(ctx.postfixExpr());
  }

  private Expr postfix(PostfixExprContext ctx) {
    Expr e = primary(ctx.primary());
    for (PostfixOpContext op : ctx.postfixOp()) {
      if (op instanceof ViaOpContext v) {
        e =
            new Via(
                e,
                leaves.typeSet(v.typeSet()),
                site.span(v.VIA().getSymbol()),
                site.form(ctx, ctx.getStart(), v.getStop()));
      } else {
        AtOpContext a = (AtOpContext) op;
        e =
            new At(
                e,
                primary(a.primary()),
                site.span(a.AT().getSymbol()),
                site.form(ctx, ctx.getStart(), a.getStop()));
      }
    }
    return e;
  }

  private Expr primary(PrimaryContext ctx) {
    if (ctx instanceof LiteralExprContext c) {
      return new LiteralExpr(leaves.literal(c.literal()));
    }
    if (ctx instanceof PercentOfContext c) {
      return new PercentOf(
          leaves.literal(c.PERCENT().getSymbol()), postfix(c.postfixExpr()), site.span(c));
    }
    if (ctx instanceof ParensContext c) {
      Expr inner = expr(c.expr());
      // the tree keeps no parentheses; an operator's form keeps that it was written in them
      if (inner instanceof Binary b && b.parens() == null) {
        return b.parenthesized(site.span(c));
      }
      return inner instanceof Compare k && k.parens() == null
          ? k.parenthesized(site.span(c))
          : inner;
    }
    if (ctx instanceof TextExprContext c) {
      return new TextExpr(
          List.of(unquote(c.STRING().getText())), site.span(c.STRING().getSymbol()));
    }
    if (ctx instanceof TextListExprContext c) {
      List<String> values = new ArrayList<>();
      for (TerminalNode t : c.STRING()) {
        values.add(unquote(t.getText()));
      }
      return new TextExpr(values, site.span(c));
    }
    if (ctx instanceof NetExprContext c) {
      return new Net(primary(c.primary()), site.span(c.NET().getSymbol()), site.form(c));
    }
    if (ctx instanceof SumExprContext c) {
      return new Aggregate(
          AggKind.SUM,
          postfix(c.postfixExpr()),
          binders(c.binder()),
          c.expr() == null ? null : expr(c.expr()),
          site.span(c.SUM().getSymbol()));
    }
    if (ctx instanceof StatExprContext c) {
      Token word = c.getStart();
      return new Aggregate(
          word.getType() == CriteriaLexer.AVERAGE
              ? AggKind.AVERAGE
              : word.getType() == CriteriaLexer.MINIMUM ? AggKind.MINIMUM : AggKind.MAXIMUM,
          postfix(c.postfixExpr()),
          binders(c.binder()),
          c.expr() == null ? null : expr(c.expr()),
          site.span(word));
    }
    if (ctx instanceof CountExprContext c) {
      return new Aggregate(
          AggKind.COUNT,
          null,
          binders(c.binder()),
          c.expr() == null ? null : expr(c.expr()),
          site.span(c.COUNT().getSymbol()));
    }
    if (ctx instanceof AnyExprContext c) {
      return new Aggregate(
          AggKind.ANY, null, binders(c.binder()), expr(c.expr()), site.span(c.ANY().getSymbol()));
    }
    if (ctx instanceof AllExprContext c) {
      return new Aggregate(
          AggKind.ALL, null, binders(c.binder()), expr(c.expr()), site.span(c.ALL().getSymbol()));
    }
    if (ctx instanceof AtLeastExprContext c) {
      List<AtLeastPart> parts = new ArrayList<>();
      for (ExprContext part : c.expr()) {
        parts.add(new AtLeastPart(expr(part), label(part), site.span(part)));
      }
      return new AtLeast(
          c.NUMBER().getText(),
          site.span(c.NUMBER().getSymbol()),
          List.copyOf(parts),
          join(site.span(c.AT().getSymbol()), site.span(c.LEAST().getSymbol())));
    }
    if (ctx instanceof PointsExprContext c) {
      List<PointsPart> parts = new ArrayList<>();
      for (PointsPartContext part : c.pointsPart()) {
        parts.add(
            new PointsPart(
                expr(part.expr()),
                label(part.expr()),
                (part.MINUS() == null ? "" : "-") + part.NUMBER().getText(),
                part.MINUS() == null
                    ? site.span(part.NUMBER().getSymbol())
                    : join(
                        site.span(part.MINUS().getSymbol()), site.span(part.NUMBER().getSymbol())),
                site.span(part.expr())));
      }
      return new Points(List.copyOf(parts), site.span(c.POINTS().getSymbol()));
    }
    if (ctx instanceof AssociatedExprContext c) {
      return new Associated(
          c.typeSet() == null ? null : leaves.typeSet(c.typeSet()),
          site.span(c.ASSOCIATED().getSymbol()));
    }
    if (ctx instanceof EarliestStartExprContext c) {
      return new EarliestStart(leaves.typeSet(c.typeSet()), site.span(c.EARLIEST().getSymbol()));
    }
    if (ctx instanceof ValueRefContext c) {
      return new ValueRef(site.span(c.VALUE().getSymbol()));
    }
    if (ctx instanceof NameExprContext c) {
      if (c.LPAREN() == null) {
        return new NameRef(site.name(c.refName()));
      }
      List<Expr> args = new ArrayList<>();
      for (ExprContext a : c.expr()) {
        args.add(expr(a));
      }
      return new Call(site.name(c.refName()), args, site.span(c.refName()), site.form(c));
    }
    throw new IllegalStateException("incomplete expression");
  }

  private List<Binder> binders(List<BinderContext> ctxs) {
    List<Binder> out = new ArrayList<>();
    for (BinderContext b : ctxs) {
      if (b instanceof TenantBinderContext c) {
        out.add(
            new Binder(
                Dim.TENANT,
                site.optName(c.name()),
                null,
                null,
                null,
                site.span(c.TENANT().getSymbol())));
      } else if (b instanceof WorkloadBinderContext c) {
        out.add(
            new Binder(
                Dim.WORKLOAD,
                site.optName(c.name()),
                c.workloadSet() == null ? null : leaves.workloadSet(c.workloadSet()),
                null,
                null,
                site.span(c.WORKLOAD().getSymbol())));
      } else if (b instanceof MonthBinderContext c) {
        out.add(
            new Binder(
                Dim.MONTH,
                site.optName(c.name()),
                null,
                range(c.rangeExpr()),
                null,
                site.span(c.MONTH().getSymbol())));
      } else if (b instanceof TypeBinderContext c) {
        out.add(
            new Binder(
                Dim.TYPE,
                site.optName(c.name()),
                null,
                null,
                c.typeSet() == null ? null : leaves.typeSet(c.typeSet()),
                site.span(c.TYPE().getSymbol())));
      } else if (b instanceof CustomerBinderContext c) {
        out.add(
            new Binder(Dim.CUSTOMER, null, null, null, null, site.span(c.CUSTOMER().getSymbol())));
      }
    }
    return out;
  }
}
