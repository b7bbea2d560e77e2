package eligo.lang;

import java.util.Comparator;
import java.util.List;

/** Ordering, counting and printing of diagnostics. */
public final class Diagnostics {
  private Diagnostics() {}

  /** By file, line, then column. */
  public static final Comparator<Span> SPAN_ORDER =
      Comparator.comparing((Span s) -> s.file().name())
          .thenComparingInt(Span::line)
          .thenComparingInt(Span::column);

  /** By file, line, column, then message: the order people read them in. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::span, SPAN_ORDER).thenComparing(Diagnostic::message);

  public static boolean hasErrors(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public static long errorCount(List<Diagnostic> diagnostics) {
    return diagnostics.stream().filter(Diagnostic::isError).count();
  }

  /** Every diagnostic rendered, then a javac-style count line ("2 errors, 1 warning"). */
  public static String render(List<Diagnostic> diagnostics) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      sb.append(d.render()).append('\n');
    }
    long errors = errorCount(diagnostics);
    long warnings = diagnostics.size() - errors;
    if (errors > 0) {
      sb.append(errors).append(errors == 1 ? " error" : " errors");
    }
    if (warnings > 0) {
      sb.append(errors > 0 ? ", " : "")
          .append(warnings)
          .append(warnings == 1 ? " warning" : " warnings");
    }
    if (!diagnostics.isEmpty()) {
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * Edit distance for "did you mean", ignoring case: insertions, deletions, substitutions and swaps
   * of two neighbours ({@code gaol} is one edit from {@code goal}).
   */
  public static int distance(String a, String b) {
    a = a.toLowerCase(java.util.Locale.ROOT);
    b = b.toLowerCase(java.util.Locale.ROOT);
    int[] before = new int[b.length() + 1]; // row i - 2, for swaps
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          cur[j] = Math.min(cur[j], before[j - 2] + 1);
        }
      }
      int[] t = before;
      before = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** The closest candidate within a distance that makes sense for the word's length, or null. */
  public static String closest(String word, Iterable<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    for (String c : candidates) {
      int d = distance(word, c);
      if (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    return bestDistance <= limit ? best : null;
  }
}
