package eligo.editor;

import eligo.cases.CaseFile;
import eligo.cases.CaseParsing;
import eligo.lang.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Definition and hover: what the word under the cursor names. In a criteria file, through {@link
 * Scopes} (imports, sets, types, tables, measures, bands, definitions, templates and their
 * parameters) and the outline (areas, branches, nodes, leaves); in a case file, an expectation's
 * area and node in the criteria files of its folder.
 */
final class Navigation {
  private static final int EXCERPT_LINES = 20;

  /** A named thing: where it is declared and what a hover says of it. */
  record Target(SourceLocation location, String markdown, TextRange word) {}

  private Navigation() {}

  static Target inCriteria(Workspace workspace, Path file, int line, int column) {
    Scopes scopes = Scopes.of(workspace, file);
    for (Scopes.ImportRef i : scopes.imports()) {
      if (i.range().contains(line, column)) {
        String text = workspace.text(i.target());
        String md =
            "**import** "
                + Markdown.code(i.target().getFileName().toString())
                + (text == null ? ": no such file" : "");
        return new Target(new SourceLocation(i.target(), new TextRange(1, 1, 1, 1)), md, i.range());
      }
    }
    Token t = scopes.tokens().at(line, column);
    TextRange word;
    String name;
    TextRange placeholder = t == null ? null : placeholderAt(t, column);
    if (placeholder != null) {
      // '{qualifying_acr}' in a criteria text: the name it shows, as where it is used in a rule
      word = placeholder;
      name =
          t.getText()
              .substring(
                  placeholder.startColumn() - t.getCharPositionInLine() - 1,
                  placeholder.endColumn() - t.getCharPositionInLine() - 1);
    } else if (t == null || !SourceTokens.isWord(t)) {
      return null;
    } else {
      word = SourceTokens.range(t);
      name = t.getText();
    }
    Scopes.Entry e = scopes.resolve(name, line, column);
    if (e != null) {
      String where =
          e.file() == scopes.tokens()
              ? ""
              : " (" + e.path().getFileName() + ":" + e.span().line() + ")";
      String md =
          "**"
              + e.what()
              + "** "
              + Markdown.code(e.name())
              + where
              + "\n\n"
              + code(e.file().excerpt(e.extent(), EXCERPT_LINES));
      return new Target(new SourceLocation(e.path(), TextRange.of(e.span())), md, word);
    }
    if (placeholder != null) {
      return null; // {met} and the like: what the text shows is said by the node's hover
    }
    String builtin = Builtins.describe(t.getText());
    if (builtin != null) {
      return new Target(null, builtin, word);
    }
    EditorSymbol s = declaredAt(Outline.ofCriteria(scopes.tokens().source()), line, column);
    if (s != null) {
      String md =
          "**"
              + label(s.kind())
              + "** "
              + Markdown.code(s.name())
              + "\n\n"
              + code(scopes.tokens().excerpt(s.range(), EXCERPT_LINES));
      return new Target(new SourceLocation(Workspace.normal(file), s.selection()), md, word);
    }
    String keyword = KeywordHelp.describe(t.getText());
    if (keyword != null) {
      return new Target(null, keyword, word);
    }
    return null;
  }

  /**
   * The name of a {@code {name}} in text {@code t} (a quoted text on one line) at {@code column},
   * without its braces, or null when the column is not on one.
   */
  static TextRange placeholderAt(Token t, int column) {
    String x = t.getText();
    if (!x.startsWith("\"") || x.indexOf('\n') >= 0) {
      return null;
    }
    int at = column - t.getCharPositionInLine() - 1; // the offset in the token
    if (at <= 0 || at >= x.length()) {
      return null;
    }
    int open = x.lastIndexOf('{', at);
    int close = x.indexOf('}', at == open ? at : at - 1);
    if (open < 0 || close < 0 || close - open < 2) {
      return null;
    }
    for (int i = open + 1; i < close; i++) {
      char ch = x.charAt(i);
      if (!(Character.isLetterOrDigit(ch) || ch == '_' || ch == '-')) {
        return null;
      }
    }
    int first = t.getCharPositionInLine() + 1;
    return new TextRange(t.getLine(), first + open + 1, t.getLine(), first + close);
  }

  /** The symbol whose name is at a place, searched through the tree. */
  private static EditorSymbol declaredAt(List<EditorSymbol> symbols, int line, int column) {
    for (EditorSymbol s : symbols) {
      if (s.selection().contains(line, column)) {
        return s;
      }
      EditorSymbol inner = declaredAt(s.children(), line, column);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  static Target inCases(Workspace workspace, Path file, int line, int column) {
    SourceFile source = workspace.source(file);
    CaseFile cases = CaseParsing.parse(source).file();
    if (cases == null) {
      return null;
    }
    for (CaseFile.Case c : cases.cases()) {
      for (CaseFile.Expectation e : c.expectations()) {
        if (e.area() != null && TextRange.of(e.area().span()).contains(line, column)) {
          return area(workspace, file, e.area().text(), TextRange.of(e.area().span()));
        }
        if (e.area() != null
            && e.node() != null
            && TextRange.of(e.node().span()).contains(line, column)) {
          return node(
              workspace, file, e.area().text(), e.node().text(), TextRange.of(e.node().span()));
        }
      }
    }
    return null;
  }

  /** The ids of the areas of the criteria files beside a case file. */
  static List<String> areaIds(Workspace workspace, Path casesFile) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> f :
        workspace.criteriaTexts(Workspace.normal(casesFile).getParent()).entrySet()) {
      for (EditorSymbol s : Outline.ofCriteria(new SourceFile(f.getKey(), f.getValue()))) {
        if (s.kind() == EditorSymbol.Kind.AREA) {
          out.add(s.name());
        }
      }
    }
    return out;
  }

  private static Target area(Workspace workspace, Path casesFile, String id, TextRange word) {
    for (Map.Entry<String, String> f :
        workspace.criteriaTexts(Workspace.normal(casesFile).getParent()).entrySet()) {
      SourceFile src = new SourceFile(f.getKey(), f.getValue());
      for (EditorSymbol s : Outline.ofCriteria(src)) {
        if (s.kind() == EditorSymbol.Kind.AREA && s.name().equals(id)) {
          return target(src, s, word);
        }
      }
    }
    return null;
  }

  /**
   * A node of an area: {@code deployments}, a leaf {@code usage-growth.cpor}, or a node of a branch
   * {@code azure.usage-growth}; in an area made from a template, the template's node.
   */
  private static Target node(
      Workspace workspace, Path casesFile, String areaId, String nodeId, TextRange word) {
    Map<String, String> texts = workspace.criteriaTexts(Workspace.normal(casesFile).getParent());
    List<SourceFile> sources = new ArrayList<>();
    texts.forEach((name, text) -> sources.add(new SourceFile(name, text)));
    String[] path = nodeId.split("\\.");
    for (SourceFile src : sources) {
      for (EditorSymbol s : Outline.ofCriteria(src)) {
        if (s.kind() == EditorSymbol.Kind.AREA && s.name().equals(areaId)) {
          EditorSymbol found = find(s.children(), path, 0);
          if (found != null) {
            return target(src, found, word);
          }
          String template =
              s.detail().contains("(from ")
                  ? s.detail()
                      .substring(s.detail().lastIndexOf("(from ") + 6, s.detail().length() - 1)
                  : null;
          for (SourceFile other : sources) {
            for (EditorSymbol t : Outline.ofCriteria(other)) {
              if (t.kind() == EditorSymbol.Kind.TEMPLATE && t.name().equals(template)) {
                EditorSymbol inTemplate = find(t.children(), path, 0);
                if (inTemplate != null) {
                  return target(other, inTemplate, word);
                }
              }
            }
          }
        }
      }
    }
    return null;
  }

  /** The symbol at the end of {@code path}, each part a child (at any depth) of the one before. */
  private static EditorSymbol find(List<EditorSymbol> symbols, String[] path, int at) {
    for (EditorSymbol s : symbols) {
      if (s.name().equals(path[at]) && s.kind() != EditorSymbol.Kind.PARAMETER) {
        if (at == path.length - 1) {
          return s;
        }
        EditorSymbol deeper = find(s.children(), path, at + 1);
        if (deeper != null) {
          return deeper;
        }
      }
      EditorSymbol inner = find(s.children(), path, at);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  private static Target target(SourceFile src, EditorSymbol s, TextRange word) {
    SourceTokens tokens = new SourceTokens(src);
    String md =
        "**"
            + label(s.kind())
            + "** "
            + Markdown.code(s.name())
            + " ("
            + Path.of(src.name()).getFileName()
            + ":"
            + s.selection().startLine()
            + ")\n\n"
            + code(tokens.excerpt(s.range(), EXCERPT_LINES));
    return new Target(new SourceLocation(Path.of(src.name()), s.selection()), md, word);
  }

  private static String label(EditorSymbol.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private static String code(String text) {
    return Markdown.block("eligo", text.stripTrailing());
  }
}
