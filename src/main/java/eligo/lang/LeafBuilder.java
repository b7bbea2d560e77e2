package eligo.lang;

import static eligo.lang.Tokens.unquote;

import eligo.lang.Ast.*;
import eligo.lang.antlr.CriteriaParser;
import eligo.lang.antlr.CriteriaParser.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * The leaves of the AST, the parts that hold no expression: literals (numbers, money, percentages),
 * comparison operators, bands, type sets and workload sets. Used by the declarations, the areas and
 * the expressions alike.
 */
final class LeafBuilder {
  private final BuildContext site;

  LeafBuilder(BuildContext site) {
    this.site = site;
  }

  Literal literal(LiteralContext ctx) {
    if (ctx.NUMBER() != null) {
      return literal(ctx.NUMBER().getSymbol());
    }
    if (ctx.MONEY() != null) {
      return literal(ctx.MONEY().getSymbol());
    }
    return literal(ctx.PERCENT().getSymbol());
  }

  Literal literal(Token t) {
    String text = t.getText();
    if (t.getType() == CriteriaParser.MONEY) {
      return new Literal(new BigDecimal(text.substring(1)), LiteralKind.MONEY, text, site.span(t));
    }
    if (t.getType() == CriteriaParser.PERCENT) {
      return new Literal(
          new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(2),
          LiteralKind.PERCENT,
          text,
          site.span(t));
    }
    return new Literal(new BigDecimal(text), LiteralKind.NUMBER, text, site.span(t));
  }

  static CmpOp cmpOp(CmpOpContext ctx) {
    switch (ctx.getStart().getType()) {
      case CriteriaParser.GE:
        return CmpOp.GE;
      case CriteriaParser.GT:
        return CmpOp.GT;
      case CriteriaParser.LE:
        return CmpOp.LE;
      case CriteriaParser.LT:
        return CmpOp.LT;
      case CriteriaParser.EQEQ:
        return CmpOp.EQ;
      default:
        return CmpOp.NE;
    }
  }

  BandExpr band(BandContext ctx) {
    List<BandBound> bounds = new ArrayList<>();
    for (BandBoundContext b : ctx.bandBound()) {
      bounds.add(new BandBound(cmpOp(b.cmpOp()), literal(b.literal())));
    }
    return new BandExpr(bounds, site.span(ctx));
  }

  TypeSetExpr typeSet(TypeSetContext ctx) {
    List<Name> items = new ArrayList<>();
    for (SetNameContext n : ctx.setName()) {
      items.add(site.name(n));
    }
    return new TypeSetExpr(items, site.span(ctx));
  }

  WorkloadSetExpr workloadSet(WorkloadSetContext ctx) {
    List<WorkloadTerm> include = new ArrayList<>();
    List<WorkloadTerm> exclude = new ArrayList<>();
    boolean excepting = false;
    for (int i = 0; i < ctx.getChildCount(); i++) {
      var child = ctx.getChild(i);
      if (child instanceof TerminalNode tn && tn.getSymbol().getType() == CriteriaParser.EXCEPT) {
        excepting = true;
      } else if (child instanceof WorkloadTermContext term) {
        (excepting ? exclude : include).add(workloadTerm(term));
      }
    }
    return new WorkloadSetExpr(include, exclude, site.span(ctx));
  }

  private WorkloadTerm workloadTerm(WorkloadTermContext ctx) {
    if (ctx instanceof WorkloadNameContext c) {
      return new WorkloadName(unquote(c.STRING().getText()), site.span(c.STRING().getSymbol()));
    }
    if (ctx instanceof WorkloadFamilyContext c) {
      return new WorkloadFamily(unquote(c.STRING().getText()), site.span(c));
    }
    if (ctx instanceof WorkloadRefContext c) {
      return new WorkloadRef(site.name(c.setName()));
    }
    throw new IllegalStateException("incomplete workload");
  }
}
