package eligo.editor;

/** One completion proposal: the text to insert, what it is, and a short detail. */
public record Completion(String label, Kind kind, String detail) {
  public enum Kind {
    KEYWORD,
    NAME,
    MEASURE,
    BUILTIN,
    WORKLOAD,
    AREA,
    NODE
  }
}
