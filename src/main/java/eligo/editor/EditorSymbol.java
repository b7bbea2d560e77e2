package eligo.editor;

import java.util.List;

/**
 * One entry of a file's outline: an area, template, branch, gate, metric, leaf, declaration,
 * parameter or (in a case file) a case. {@code range} covers the whole construct, {@code selection}
 * its name.
 */
public record EditorSymbol(
    String name,
    String detail,
    Kind kind,
    TextRange range,
    TextRange selection,
    List<EditorSymbol> children) {
  public EditorSymbol {
    children = List.copyOf(children);
  }

  public enum Kind {
    AREA,
    TEMPLATE,
    BRANCH,
    GATE,
    METRIC,
    LEAF,
    ASSOCIATION_TYPE,
    TYPE_SET,
    WORKLOAD_SET,
    TABLE,
    MEASURE,
    BAND,
    DEFINE,
    PARAMETER,
    IMPORT,
    CASE
  }
}
