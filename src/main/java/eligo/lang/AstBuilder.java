package eligo.lang;

import static eligo.lang.Tokens.unquote;

import eligo.lang.Ast.*;
import eligo.lang.antlr.CriteriaParser.*;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Turns the ANTLR parse tree into the {@link Ast}. After syntax errors the tree may have holes: a
 * piece that a syntax error touched is left out (its syntax error was already reported), so the
 * checker still sees everything else and nothing the parser guessed. A piece that no syntax error
 * touched is always built: a failure there is a bug, and propagates ({@link ParseDamage}).
 *
 * <p>This class builds the file itself (its imports, top-level parts and damaged lines) and hands
 * each part to the builder of its concern: {@link DeclBuilder} (declarations), {@link AreaBuilder}
 * (templates, areas and their trees), {@link ExprBuilder} (expressions) and {@link LeafBuilder}
 * (literals, bands, type and workload sets), which share a {@link BuildContext}.
 */
final class AstBuilder {
  private final SourceFile source;

  AstBuilder(SourceFile source) {
    this.source = source;
  }

  CriteriaFile file(FileContext ctx) {
    BuildContext site =
        new BuildContext(source, ParseDamage.damagedParts(ctx, AstBuilder::mayBeEmpty));
    LeafBuilder leaves = new LeafBuilder(site);
    ExprBuilder exprs = new ExprBuilder(site, leaves);
    DeclBuilder declarations = new DeclBuilder(site, leaves, exprs);
    AreaBuilder areaBuilder = new AreaBuilder(site, leaves, declarations, exprs);
    List<Lines> damaged = new ArrayList<>();
    for (int i = 0; i < ctx.getChildCount(); i++) {
      ParseTree child = ctx.getChild(i);
      if (child instanceof ErrorNode) {
        // the parser skipped text between the top-level parts: anything may be lost
        damaged.add(new Lines(1, Integer.MAX_VALUE));
      } else if (child instanceof ParserRuleContext part && site.damaged(part)) {
        damaged.add(
            new Lines(
                part.getStart().getLine(),
                part.getStop() == null ? Integer.MAX_VALUE : part.getStop().getLine()));
      }
    }
    List<Import> imports = new ArrayList<>();
    for (ImportDeclContext i : ctx.importDecl()) {
      if (i.STRING() != null) {
        imports.add(new Import(unquote(i.STRING().getText()), site.span(i.STRING().getSymbol())));
      }
    }
    List<Decl> decls = new ArrayList<>();
    List<Template> templates = new ArrayList<>();
    List<Area> areas = new ArrayList<>();
    for (TopDeclContext t : ctx.topDecl()) {
      if (t.decl() != null) {
        decls.addAll(declarations.decls(List.of(t.decl())));
      } else if (t.templateDecl() != null) {
        site.add(t.templateDecl(), templates, () -> areaBuilder.template(t.templateDecl()));
      } else if (t.areaDecl() != null) {
        site.add(t.areaDecl(), areas, () -> areaBuilder.area(t.areaDecl()));
      }
    }
    return new CriteriaFile(source, damaged, imports, decls, templates, areas);
  }

  /**
   * The one rule that may hold nothing without a syntax error: an area's body (an area with no
   * nodes, reported by the checker). Any other empty part is one the parser gave up on.
   */
  static boolean mayBeEmpty(ParserRuleContext ctx) {
    return ctx instanceof AreaBodyContext;
  }
}
