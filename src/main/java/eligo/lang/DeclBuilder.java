package eligo.lang;

import static eligo.lang.Tokens.unquote;

import eligo.lang.Ast.*;
import eligo.lang.antlr.CriteriaParser.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds declarations (types, type sets and maps, workload sets, tables, measures, bands,
 * definitions, attributes) and their parameter types. A damaged declaration becomes {@link
 * Unparsed} when its name can still be read, so that uses of the name are not reported as unknown.
 */
final class DeclBuilder {
  private final BuildContext site;
  private final LeafBuilder leaves;
  private final ExprBuilder exprs;

  DeclBuilder(BuildContext site, LeafBuilder leaves, ExprBuilder exprs) {
    this.site = site;
    this.leaves = leaves;
    this.exprs = exprs;
  }

  /** The declarations; a damaged one becomes {@link Unparsed} when its name can still be read. */
  List<Decl> decls(List<DeclContext> ctxs) {
    List<Decl> out = new ArrayList<>();
    for (DeclContext d : ctxs) {
      if (!site.damaged(d)) {
        site.add(d, out, () -> decl(d));
        continue;
      }
      NameContext name = d.getRuleContext(NameContext.class, 0);
      if (name != null && !site.damaged(name)) {
        site.add(name, out, () -> new Unparsed(site.name(name)));
      }
    }
    return out;
  }

  private Decl decl(DeclContext ctx) {
    if (ctx instanceof TypeDeclContext c) {
      return new TypeDecl(
          site.name(c.name()), unquote(c.STRING().getText()), site.span(c.STRING().getSymbol()));
    }
    if (ctx instanceof TypeSetDeclContext c) {
      return new TypeSetDecl(site.name(c.name()), leaves.typeSet(c.typeSet()));
    }
    if (ctx instanceof TypeMapDeclContext c) {
      List<TypeCase> cases = new ArrayList<>();
      for (TypeCaseContext tc : c.typeCase()) {
        cases.add(new TypeCase(leaves.workloadSet(tc.workloadSet()), leaves.typeSet(tc.typeSet())));
      }
      TypeSetExpr otherwise =
          c.typeDefault() == null ? null : leaves.typeSet(c.typeDefault().typeSet());
      return new TypeMapDecl(site.name(c.name()), cases, otherwise);
    }
    if (ctx instanceof WorkloadSetDeclContext c) {
      return new WorkloadSetDecl(site.name(c.name()), leaves.workloadSet(c.workloadSet()));
    }
    if (ctx instanceof TableDeclContext c) {
      List<TableCase> cases = new ArrayList<>();
      for (TableCaseContext tc : c.tableCase()) {
        cases.add(
            new TableCase(leaves.workloadSet(tc.workloadSet()), leaves.literal(tc.literal())));
      }
      Literal otherwise =
          c.tableDefault() == null ? null : leaves.literal(c.tableDefault().literal());
      return new TableDecl(site.name(c.name()), cases, otherwise);
    }
    if (ctx instanceof MeasureDeclContext c) {
      return new MeasureDecl(site.name(c.name()), exprs.expr(c.expr()));
    }
    if (ctx instanceof BandDeclContext c) {
      return new BandDecl(site.name(c.name()), leaves.band(c.band()));
    }
    if (ctx instanceof DefineDeclContext c) {
      List<Param> params = new ArrayList<>();
      for (ParamContext p : c.param()) {
        params.add(new Param(site.name(p.name()), paramType(p.paramType()), false, site.span(p)));
      }
      return new DefineDecl(site.name(c.name()), params, exprs.expr(c.expr()));
    }
    if (ctx instanceof AttributeDeclContext c) {
      return new AttributeDecl(site.name(c.name()), c.TENANT() != null, site.span(c));
    }
    throw new IllegalStateException("incomplete declaration");
  }

  ParamType paramType(ParamTypeContext ctx) {
    if (ctx.MONEY_KW() != null) {
      return ParamType.MONEY;
    }
    if (ctx.COUNT() != null) {
      return ParamType.COUNT;
    }
    if (ctx.NUMBER_KW() != null) {
      return ParamType.NUMBER;
    }
    if (ctx.BAND() != null) {
      return ParamType.BAND;
    }
    if (ctx.TYPES() != null) {
      return ParamType.TYPES;
    }
    if (ctx.WORKLOADS() != null) {
      return ParamType.WORKLOADS;
    }
    throw new IllegalStateException("incomplete parameter type");
  }
}
