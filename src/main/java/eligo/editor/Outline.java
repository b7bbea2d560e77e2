package eligo.editor;

import eligo.cases.CaseFile;
import eligo.cases.CaseParsing;
import eligo.editor.EditorSymbol.Kind;
import eligo.lang.Ast;
import eligo.lang.CriteriaParsing;
import eligo.lang.SourceFile;
import eligo.lang.antlr.CasesLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Document symbols: a criteria file's imports, declarations, templates (parameters, branches,
 * nodes) and areas (declarations, branches, gates, metrics, leaves); a case file's cases.
 */
final class Outline {
  private final SourceTokens tokens;

  private Outline(SourceTokens tokens) {
    this.tokens = tokens;
  }

  static List<EditorSymbol> ofCriteria(SourceFile source) {
    Ast.CriteriaFile f = CriteriaParsing.parse(source).file();
    Outline o = new Outline(new SourceTokens(source));
    List<EditorSymbol> out = new ArrayList<>();
    for (Ast.Import i : f.imports()) {
      TextRange r = TextRange.of(i.span());
      out.add(new EditorSymbol(i.path(), "import", Kind.IMPORT, r, r, List.of()));
    }
    out.addAll(o.decls(f.decls()));
    for (Ast.Template t : f.templates()) {
      List<EditorSymbol> children = new ArrayList<>();
      for (Ast.Param p : t.params()) {
        TextRange r = TextRange.of(p.span());
        children.add(
            new EditorSymbol(
                p.name().text(),
                (p.leaf() ? "leaf parameter: " : "parameter: ") + p.type().word,
                Kind.PARAMETER,
                r,
                TextRange.of(p.name().span()),
                List.of()));
      }
      children.addAll(o.decls(t.decls()));
      children.addAll(o.branches(t.branches()));
      out.add(o.symbol(t.name(), "template", Kind.TEMPLATE, children));
    }
    for (Ast.Area a : f.areas()) {
      List<EditorSymbol> children = new ArrayList<>();
      if (a instanceof Ast.PlainArea p) {
        children.addAll(o.decls(p.decls()));
        children.addAll(o.branches(p.branches()));
      } else if (a instanceof Ast.InstanceArea i) {
        for (Ast.LeafArgs l : i.leaves()) {
          children.add(o.symbol(l.id(), l.title(), Kind.LEAF, List.of()));
        }
      }
      String detail =
          a instanceof Ast.InstanceArea i
              ? a.title() + " (from " + i.template().text() + ")"
              : a.title();
      if (a.version() != null) {
        detail += ", version " + a.version().label() + " from " + a.version().month();
      }
      out.add(o.symbol(a.id(), detail, Kind.AREA, children));
    }
    return out;
  }

  static List<EditorSymbol> ofCases(SourceFile source) {
    CaseFile f = CaseParsing.parse(source).file();
    List<EditorSymbol> out = new ArrayList<>();
    if (f == null) {
      return out;
    }
    List<Token> tokens = new ArrayList<>();
    CasesLexer lexer = new CasesLexer(CharStreams.fromString(source.lexed(), source.name()));
    lexer.removeErrorListeners();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        tokens.add(t);
      }
    }
    for (CaseFile.Case c : f.cases()) {
      TextRange name = TextRange.of(c.span());
      TextRange whole = caseBlock(tokens, name);
      out.add(new EditorSymbol(c.name(), c.intent(), Kind.CASE, whole, name, List.of()));
    }
    return out;
  }

  /** From a case's name to its closing brace (or its name alone when the braces are broken). */
  private static TextRange caseBlock(List<Token> tokens, TextRange name) {
    int depth = 0;
    boolean started = false;
    for (Token t : tokens) {
      boolean before =
          t.getLine() < name.startLine()
              || (t.getLine() == name.startLine()
                  && t.getCharPositionInLine() + 1 < name.startColumn());
      if (before) {
        continue;
      }
      if (t.getType() == CasesLexer.LBRACE) {
        depth++;
        started = true;
      } else if (t.getType() == CasesLexer.RBRACE && started && --depth == 0) {
        TextRange close = SourceTokens.range(t);
        return new TextRange(
            name.startLine(), name.startColumn(), close.endLine(), close.endColumn());
      }
    }
    return name;
  }

  private EditorSymbol symbol(
      Ast.Name name, String detail, Kind kind, List<EditorSymbol> children) {
    TextRange whole = tokens.statement(name.span());
    return new EditorSymbol(name.text(), detail, kind, whole, TextRange.of(name.span()), children);
  }

  private List<EditorSymbol> decls(List<Ast.Decl> decls) {
    List<EditorSymbol> out = new ArrayList<>();
    for (Ast.Decl d : decls) {
      Kind kind =
          switch (d.what()) {
            case "association type" -> Kind.ASSOCIATION_TYPE;
            case "association type set" -> Kind.TYPE_SET;
            case "workload set" -> Kind.WORKLOAD_SET;
            case "table" -> Kind.TABLE;
            case "measure" -> Kind.MEASURE;
            case "band" -> Kind.BAND;
            default -> Kind.DEFINE;
          };
      out.add(symbol(d.name(), d.what(), kind, List.of()));
    }
    return out;
  }

  private List<EditorSymbol> branches(List<Ast.Branch> branches) {
    List<EditorSymbol> out = new ArrayList<>();
    for (Ast.Branch b : branches) {
      List<EditorSymbol> nodes = new ArrayList<>();
      nodes.addAll(decls(b.decls()));
      for (Ast.Node n : b.nodes()) {
        List<EditorSymbol> leaves = new ArrayList<>();
        if (n.body() != null) {
          for (Ast.Leaf l : n.body().leaves()) {
            leaves.add(symbol(l.id(), l.title(), Kind.LEAF, List.of()));
          }
        }
        nodes.add(
            symbol(
                n.id(),
                n.title(),
                n.kind() == Ast.NodeKind.GATE ? Kind.GATE : Kind.METRIC,
                leaves));
      }
      if (b.id() == null) {
        out.addAll(nodes); // the implicit single branch of an area written without branches
      } else {
        out.add(symbol(b.id(), b.title(), Kind.BRANCH, nodes));
      }
    }
    return out;
  }
}
