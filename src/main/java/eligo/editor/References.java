package eligo.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Find references: every place in the criteria files of a folder where the name under the cursor (a
 * definition, set, type, table, measure, band, template or parameter; at its declaration or at a
 * use) names the same declaration, the way the checker resolves it: a name of another scope that is
 * only spelled alike (a template's parameter, a definition of another file not imported) is not one
 * of them. In reading order: file by name, then line and column.
 */
final class References {
  private References() {}

  /** A declaration, as its file's display name and its name's place. */
  private record Key(String file, int line, int column) {
    static Key of(Scopes.Entry e) {
      return new Key(e.file().source().name(), e.span().line(), e.span().column());
    }
  }

  static List<SourceLocation> of(
      Workspace workspace, Path file, int line, int column, boolean includeDeclaration) {
    if (!Workspace.isCriteria(file)) {
      return List.of();
    }
    Path here = Workspace.normal(file);
    Scopes scopes = Scopes.of(workspace, here);
    Token t = scopes.tokens().at(line, column);
    if (t == null || !SourceTokens.isWord(t)) {
      return List.of();
    }
    Scopes.Entry target = scopes.resolve(t.getText(), t.getLine(), t.getCharPositionInLine() + 1);
    if (target == null) {
      return List.of();
    }
    Key key = Key.of(target);
    Set<Path> files = new LinkedHashSet<>();
    for (String name : workspace.criteriaTexts(here.getParent()).keySet()) {
      files.add(Workspace.normal(Path.of(name)));
    }
    files.add(here);
    List<SourceLocation> out = new ArrayList<>();
    String placeholder = "{" + target.name() + "}";
    for (Path f : files) {
      Scopes s = f.equals(here) ? scopes : Scopes.of(workspace, f);
      // '{name}' in a text (a node's criteria), where the name means the same declaration
      for (Token text : s.tokens().textsHolding(placeholder)) {
        int first = text.getCharPositionInLine() + 1;
        for (int i = text.getText().indexOf(placeholder);
            i >= 0;
            i = text.getText().indexOf(placeholder, i + 1)) {
          Scopes.Entry e = s.resolve(target.name(), text.getLine(), first + i);
          if (e != null && Key.of(e).equals(key)) {
            int start = first + i + 1;
            out.add(
                new SourceLocation(
                    f,
                    new TextRange(
                        text.getLine(), start, text.getLine(), start + target.name().length())));
          }
        }
      }
      for (Token use : s.tokens().words(target.name())) {
        Scopes.Entry e = s.resolve(use.getText(), use.getLine(), use.getCharPositionInLine() + 1);
        if (e == null || !Key.of(e).equals(key)) {
          continue;
        }
        boolean declaration =
            Workspace.display(f).equals(key.file())
                && use.getLine() == key.line()
                && use.getCharPositionInLine() + 1 == key.column();
        if (!declaration || includeDeclaration) {
          out.add(new SourceLocation(f, SourceTokens.range(use)));
        }
      }
    }
    out.sort(
        java.util.Comparator.comparing((SourceLocation l) -> l.file().toString())
            .thenComparingInt(l -> l.range().startLine())
            .thenComparingInt(l -> l.range().startColumn()));
    return out;
  }
}
