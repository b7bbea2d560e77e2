package eligo.lang;

import static eligo.lang.Tokens.unquote;
import static eligo.lang.WrittenText.text;
import static eligo.lang.WrittenText.written;

import eligo.lang.Ast.*;
import eligo.lang.antlr.CriteriaParser.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds templates and areas down to their tree: template parameters, an area's version clause, a
 * template instance's arguments and leaves, branches, and the nodes with their items (criteria,
 * details, value, met, partner rules, each-leaf bodies and leaves). A damaged line of a node is
 * left out; the rest of the node is still built.
 */
final class AreaBuilder {
  private final BuildContext site;
  private final LeafBuilder leafBuilder;
  private final DeclBuilder decls;
  private final ExprBuilder exprs;

  AreaBuilder(BuildContext site, LeafBuilder leafBuilder, DeclBuilder decls, ExprBuilder exprs) {
    this.site = site;
    this.leafBuilder = leafBuilder;
    this.decls = decls;
    this.exprs = exprs;
  }

  Template template(TemplateDeclContext ctx) {
    List<Param> params = new ArrayList<>();
    for (TemplateParamContext p : ctx.templateParam()) {
      if (!site.damaged(p)) {
        site.add(
            p,
            params,
            () ->
                new Param(
                    site.name(p.name()),
                    decls.paramType(p.paramType()),
                    p.LEAF() != null,
                    site.span(p)));
      }
    }
    return new Template(
        site.name(ctx.name()),
        params,
        decls.decls(ctx.decl()),
        areaBody(ctx.areaBody(), site.span(ctx)),
        site.span(ctx.name()));
  }

  Area area(AreaDeclContext ctx) {
    if (ctx instanceof PlainAreaContext c) {
      return new PlainArea(
          site.name(c.name()),
          unquote(c.STRING().getText()),
          decls.decls(c.decl()),
          areaBody(c.areaBody(), site.span(c)),
          site.span(c.name()),
          areaVersion(c.areaVersion()));
    }
    InstanceAreaContext c = (InstanceAreaContext) ctx;
    List<LeafArgs> leaves = new ArrayList<>();
    for (LeafArgsContext l : c.leafArgs()) {
      site.add(
          l,
          leaves,
          () ->
              new LeafArgs(
                  site.name(l.name()),
                  unquote(l.STRING().getText()),
                  arguments(l.argument()),
                  site.span(l.name())));
    }
    return new InstanceArea(
        site.name(c.name(0)),
        unquote(c.STRING().getText()),
        site.name(c.name(1)),
        arguments(c.argument()),
        leaves,
        site.span(c.name(0)),
        areaVersion(c.areaVersion()));
  }

  /** The version clause of an area, or null when it has none (or a syntax error took it). */
  private AreaVersion areaVersion(AreaVersionContext ctx) {
    if (ctx == null || ctx.STRING() == null || ctx.monthLiteral() == null || site.damaged(ctx)) {
      return null;
    }
    return new AreaVersion(
        unquote(ctx.STRING().getText()),
        site.span(ctx.STRING().getSymbol()),
        written(ctx.monthLiteral()),
        site.span(ctx.monthLiteral()));
  }

  private List<Argument> arguments(List<ArgumentContext> ctxs) {
    List<Argument> out = new ArrayList<>();
    for (ArgumentContext a : ctxs) {
      if (!site.damaged(a)) {
        site.add(a, out, () -> argument(a));
      }
    }
    return out;
  }

  private Argument argument(ArgumentContext ctx) {
    ArgValueContext v = ctx.argValue();
    ArgValue value;
    if (v.band() != null) {
      value = new BandArg(leafBuilder.band(v.band()), text(v));
    } else if (v.literal() != null) {
      value = new LiteralArg(leafBuilder.literal(v.literal()));
    } else {
      value = new TypeSetArg(leafBuilder.typeSet(v.typeSet()), text(v));
    }
    return new Argument(site.name(ctx.name()), value);
  }

  private List<Branch> areaBody(AreaBodyContext ctx, Span where) {
    List<Branch> branches = new ArrayList<>();
    if (ctx == null) {
      return branches;
    }
    if (!ctx.branch().isEmpty()) {
      for (BranchContext b : ctx.branch()) {
        site.add(
            b,
            branches,
            () ->
                new Branch(
                    site.name(b.name()),
                    unquote(b.STRING().getText()),
                    decls.decls(b.decl()),
                    nodes(b.node()),
                    site.span(b.name())));
      }
    } else {
      branches.add(new Branch(null, "", List.of(), nodes(ctx.node()), where));
    }
    return branches;
  }

  private List<Node> nodes(List<NodeContext> ctxs) {
    List<Node> out = new ArrayList<>();
    for (NodeContext n : ctxs) {
      NodeKind kind = n.GATE() != null ? NodeKind.GATE : NodeKind.METRIC;
      site.add(
          n,
          out,
          () ->
              new Node(
                  kind,
                  site.name(n.name()),
                  unquote(n.STRING().getText()),
                  body(n.nodeItem(), kind == NodeKind.GATE ? "gate" : "metric"),
                  site.span(n.name())));
    }
    return out;
  }

  /**
   * A node's items; a damaged line (criteria, details, value, met) is left out. An item written
   * twice is kept as written last and listed as a {@link Repeat} ({@code owner}: "metric", "leaf").
   */
  private NodeBody body(List<NodeItemContext> items, String owner) {
    List<Repeat> repeats = new ArrayList<>();
    Text criteria = null;
    Span criteriaSpan = null;
    List<DetailKind> details = new ArrayList<>();
    Expr value = null;
    Span valueSpan = null;
    Expr met = null;
    Span metSpan = null;
    NodeBody partner = null;
    Span partnerSpan = null;
    NodeBody eachLeaf = null;
    Span eachLeafSpan = null;
    List<Leaf> leaves = new ArrayList<>();
    for (NodeItemContext item : items) {
      boolean line =
          item instanceof CriteriaItemContext
              || item instanceof DetailsItemContext
              || item instanceof ValueItemContext
              || item instanceof MetItemContext;
      if (line && site.damaged(item)) {
        continue;
      }
      try {
        if (item instanceof CriteriaItemContext c) {
          Span at = site.span(c.CRITERIA().getSymbol());
          repeat(repeats, owner, "criteria", at, criteriaSpan);
          criteriaSpan = at;
          criteria = new Text(unquote(c.STRING().getText()), site.span(c.STRING().getSymbol()));
        } else if (item instanceof DetailsItemContext c) {
          for (DetailKindContext d : c.detailKind()) {
            details.add(d.TENANT() != null ? DetailKind.TENANT : DetailKind.WORKLOAD);
          }
        } else if (item instanceof ValueItemContext c) {
          Span at = site.span(c.VALUE().getSymbol());
          repeat(repeats, owner, "value", at, valueSpan);
          value = exprs.expr(c.expr());
          valueSpan = at;
        } else if (item instanceof MetItemContext c) {
          Span at = site.span(c.MET().getSymbol()).through(site.span(c.WHEN().getSymbol()));
          repeat(repeats, owner, "met when", at, metSpan);
          met = exprs.expr(c.expr());
          metSpan = site.span(c.MET().getSymbol());
        } else if (item instanceof PartnerItemContext c) {
          Span at = site.span(c.PARTNER().getSymbol());
          repeat(repeats, owner, "partner", at, partnerSpan);
          partner = body(c.nodeItem(), "partner rule");
          partnerSpan = at;
        } else if (item instanceof EachLeafItemContext c) {
          Span at = site.span(c.EACH().getSymbol()).through(site.span(c.LEAF().getSymbol()));
          repeat(repeats, owner, "each leaf", at, eachLeafSpan);
          eachLeaf = body(c.nodeItem(), "'each leaf'");
          eachLeafSpan = site.span(c.EACH().getSymbol());
        } else if (item instanceof LeafItemContext c) {
          leaves.add(
              new Leaf(
                  site.name(c.name()),
                  unquote(c.STRING().getText()),
                  body(c.nodeItem(), "leaf"),
                  site.span(c.name())));
        }
      } catch (RuntimeException failure) {
        ParseDamage.holeOrBug(
            failure, item, site.damaged(item)); // returns for a hole left by a syntax error
      }
    }
    return new NodeBody(
        criteria,
        details,
        value,
        valueSpan,
        met,
        metSpan,
        partner,
        partnerSpan,
        eachLeaf,
        eachLeafSpan,
        leaves,
        repeats);
  }

  private static void repeat(List<Repeat> repeats, String owner, String item, Span at, Span first) {
    if (first != null) {
      repeats.add(new Repeat(owner, item, at, first));
    }
  }
}
