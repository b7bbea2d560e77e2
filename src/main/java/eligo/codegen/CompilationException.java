package eligo.codegen;

import java.util.List;

/**
 * Generated code did not compile: an internal error of the generator (generated code must always
 * compile). Carries javac's diagnostics.
 */
public final class CompilationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> diagnostics;

  public CompilationException(List<String> diagnostics) {
    super("generated code does not compile (internal error):\n" + String.join("\n", diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** javac's diagnostics, one per entry: kind, source name, line, column, message, source line. */
  public List<String> diagnostics() {
    return diagnostics;
  }
}
