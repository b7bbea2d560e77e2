package eligo.serve;

import eligo.editor.Completion;
import eligo.editor.HoverText;
import eligo.editor.LanguageService;
import eligo.editor.TextRange;
import eligo.editor.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The workbench editor's help, from the language server's {@link LanguageService}: hover (what the
 * word at a place is) and completion (names in scope, measures, keywords, the loaded data's
 * workload names) on the texts as edited, unsaved. File names are looked up among the folder's
 * files, never made into paths of their own.
 */
final class Assist {
  /** Completion proposals sent at most (a catalog may hold a million workload names). */
  static final int MAX_ITEMS = 100;

  private final Served served;

  Assist(Served served) {
    this.served = served;
  }

  /**
   * {@code {"markdown", "range"}} for the word at {@code line}:{@code column} (1-based) of {@code
   * file} with {@code edits}; {@code {"markdown": null}} when there is nothing to say.
   */
  Map<String, Object> hover(Map<String, String> edits, String file, int line, int column) {
    Optional<HoverText> h = service(edits).hover(path(file), line, column);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("markdown", h.map(HoverText::markdown).orElse(null));
    out.put("range", h.map(t -> range(t.range())).orElse(null));
    return out;
  }

  /**
   * {@code {"items": [{"label", "kind", "detail"}], "more"}}: the proposals at {@code line}:{@code
   * column} whose label starts with {@code prefix} (case ignored), at most {@link #MAX_ITEMS} in
   * label order; {@code more} counts those left out.
   */
  Map<String, Object> complete(
      Map<String, String> edits, String file, int line, int column, String prefix) {
    String p = prefix.toLowerCase(Locale.ROOT);
    List<Completion> all = new ArrayList<>();
    for (Completion c : service(edits).completion(path(file), line, column)) {
      if (c.label().toLowerCase(Locale.ROOT).startsWith(p)) {
        all.add(c);
      }
    }
    all.sort(
        java.util.Comparator.comparing(Completion::label, eligo.io.Texts.CODE_POINT_ORDER)
            .thenComparing(c -> c.kind().name()));
    List<Map<String, Object>> items = new ArrayList<>();
    for (Completion c : all.subList(0, Math.min(MAX_ITEMS, all.size()))) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("label", c.label());
      item.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
      item.put("detail", c.detail());
      items.add(item);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("items", items);
    out.put("more", Math.max(0, all.size() - MAX_ITEMS));
    return out;
  }

  /** A language service over the folder's files as edited (the edits win over the saved texts). */
  private LanguageService service(Map<String, String> edits) {
    Workspace ws = new Workspace();
    for (Map.Entry<String, String> e : served.withEdits(edits).entrySet()) {
      ws.open(served.folder.dir.resolve(e.getKey()), e.getValue());
    }
    return new LanguageService(ws, served.data);
  }

  /** The path of {@code file}, one of the folder's files (else 404). */
  private Path path(String file) {
    if (!served.current().files.containsKey(file)) {
      throw HttpError.notFound();
    }
    return served.folder.dir.resolve(file);
  }

  private static Map<String, Object> range(TextRange r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("startLine", r.startLine());
    m.put("startColumn", r.startColumn());
    m.put("endLine", r.endLine());
    m.put("endColumn", r.endColumn());
    return m;
  }
}
