package eligo.check;

import eligo.lang.Ast;
import eligo.lang.Diagnostic;
import eligo.lang.SourceFile;
import eligo.lang.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checker's diagnostics: every error and warning, each reported once, in the order found; and
 * where the files are whole, so that what seems missing next to a syntax error (which may have left
 * a hole there) is not reported as missing.
 */
final class Reporter {
  private final Set<String> reported = new HashSet<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  /** The files, by source: where syntax errors left holes, what seems missing may be a hole. */
  private final Map<SourceFile, Ast.CriteriaFile> parsed = new HashMap<>();

  /** Notes a file being checked, for {@link #complete}. */
  void parsed(Ast.CriteriaFile f) {
    parsed.put(f.source(), f);
  }

  /** Every diagnostic so far, in the order found. */
  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /**
   * Whether no syntax error touched the part of its file that holds {@code span}, so nothing there
   * is a hole.
   */
  boolean complete(Span span) {
    Ast.CriteriaFile f = parsed.get(span.file());
    return f == null || f.completeAt(span.line());
  }

  void error(Span span, String message) {
    report(Diagnostic.error(span, message));
  }

  void warning(Span span, String message) {
    report(Diagnostic.warning(span, message));
  }

  /**
   * An error about the unknown name at {@code span}, offering {@code hint} in its place when the
   * message suggests it ({@link #didYouMean}; not when it says to import a file instead).
   */
  void unknown(Span span, String message, String hint) {
    Diagnostic d = Diagnostic.error(span, message);
    report(hint != null && message.endsWith(didYouMean(hint)) ? d.replacing(hint) : d);
  }

  /** A warning at {@code span} offering {@code replacement} in place of {@code at}. */
  void warning(Span span, String message, Span at, String replacement) {
    report(Diagnostic.warning(span, message).replacing(at, replacement));
  }

  /** An error offering {@code replacement} in place of all of {@code span}. */
  void error(Span span, String message, String replacement) {
    report(Diagnostic.error(span, message).replacing(replacement));
  }

  private void report(Diagnostic d) {
    if (reported.add(d.span().where() + "|" + d.severity() + "|" + d.message())) {
      diagnostics.add(d);
    }
  }

  static String didYouMean(String hint) {
    return hint == null ? "" : "; did you mean '" + hint + "'?";
  }
}
