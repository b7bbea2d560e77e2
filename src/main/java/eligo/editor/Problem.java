package eligo.editor;

import eligo.lang.Diagnostic;
import java.util.Locale;

/**
 * A diagnostic as editors and tools take it: the file (as named to the compiler), its range,
 * severity, message and a code that says which kind of finding it is ({@link Problems#code}); and
 * the text its message says to write and where, or null ({@link Diagnostic#replacement}).
 */
public record Problem(
    String file,
    TextRange range,
    Severity severity,
    String message,
    String code,
    Replacement replacement) {
  /** Write {@code text} over {@code range}. */
  public record Replacement(TextRange range, String text) {}

  public Problem(String file, TextRange range, Severity severity, String message, String code) {
    this(file, range, severity, message, code, null);
  }

  public enum Severity {
    ERROR,
    WARNING;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The problem of diagnostic {@code d}, with its code ({@code syntax}, {@code data}, ...). */
  public static Problem of(Diagnostic d, String code) {
    Severity severity = d.isError() ? Severity.ERROR : Severity.WARNING;
    Diagnostic.Replacement r = d.replacement();
    return new Problem(
        d.span().file().name(),
        TextRange.of(d.span()),
        severity,
        d.message(),
        code,
        r == null ? null : new Replacement(TextRange.of(r.span()), r.text()));
  }
}
