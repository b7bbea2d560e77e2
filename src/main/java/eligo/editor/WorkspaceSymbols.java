package eligo.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Go to symbol in workspace: every area, template, branch, node, leaf and declaration of the
 * criteria files in the folders of the open documents (open texts as they are, the rest as on disk)
 * whose name or title holds the letters of the query in order, case aside ({@code usgrowth} finds
 * {@code usage-growth}); in file order, at most {@link #LIMIT}.
 */
final class WorkspaceSymbols {
  private WorkspaceSymbols() {}

  /** The most symbols one answer holds. */
  static final int LIMIT = 1_000;

  static List<LanguageService.FoundSymbol> of(Workspace workspace, String query) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    List<LanguageService.FoundSymbol> out = new ArrayList<>();
    for (Path folder : workspace.openFolders()) {
      for (String name : workspace.criteriaTexts(folder).keySet()) {
        Path file = Path.of(name);
        for (EditorSymbol s : Outline.ofCriteria(workspace.source(file))) {
          add(s, file, null, q, out);
        }
      }
    }
    return out.size() > LIMIT ? List.copyOf(out.subList(0, LIMIT)) : out;
  }

  private static void add(
      EditorSymbol s,
      Path file,
      String container,
      String q,
      List<LanguageService.FoundSymbol> out) {
    if (s.kind() != EditorSymbol.Kind.IMPORT
        && (matches(s.name(), q) || (s.detail() != null && matches(s.detail(), q)))) {
      out.add(new LanguageService.FoundSymbol(s, file, container));
    }
    for (EditorSymbol c : s.children()) {
      add(c, file, s.name(), q, out);
    }
  }

  /** Whether the letters of {@code q} (lower case) are in {@code text}, in order. */
  static boolean matches(String text, String q) {
    String t = text.toLowerCase(Locale.ROOT);
    int at = 0;
    for (int i = 0; i < q.length(); i++) {
      at = t.indexOf(q.charAt(i), at);
      if (at < 0) {
        return false;
      }
      at++;
    }
    return true;
  }
}
