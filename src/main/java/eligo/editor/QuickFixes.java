package eligo.editor;

import eligo.lang.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quick fixes: a problem whose message names the one text to write in place of what it underlines,
 * as an edit an editor applies with one click. Only where that is certain: a name or keyword with
 * "did you mean 'X'?" (a workload name with {@code did you mean "X"?}), a moved month after 'at'
 * that needs its parentheses ({@code at M - 12}), and '=', '=>' or '=<' where a comparison was
 * meant.
 *
 * <p>The checker and the parser give those problems their replacement ({@link
 * Problem#replacement}), and the fix is that edit, whatever the message's words. A problem without
 * one (a case file's 'did you mean', a data name's) is read from its message, and then the text
 * under the problem must be what the message speaks of, so a stale problem (the text changed since)
 * offers nothing.
 */
public final class QuickFixes {
  private QuickFixes() {}

  /** An edit: write {@code text} over {@code range}; {@code title} says so. */
  public record Fix(String title, TextRange range, String text) {}

  private static final Pattern NAME = Pattern.compile("did you mean '([^'\\s]+)'\\?");
  private static final Pattern QUOTED = Pattern.compile("did you mean (\"[^\"]+\")\\?");
  private static final Pattern AT =
      Pattern.compile("^'at' takes one month.*write 'at (\\([^']+\\))'");
  private static final Pattern AT_MONTH = Pattern.compile("(at\\s+)(.+)");
  private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  /** The fixes of {@code problems} of {@code source} on the lines of {@code range}. */
  static List<Fix> of(SourceFile source, List<Problem> problems, TextRange range) {
    List<Fix> out = new ArrayList<>();
    for (Problem p : problems) {
      if (meets(p.range(), range)) {
        of(source, p).ifPresent(out::add);
      }
    }
    return out;
  }

  static Optional<Fix> of(SourceFile source, Problem p) {
    if (p.replacement() != null) {
      return replace(source, p.replacement());
    }
    TextRange r = p.range();
    String under = under(source, r);
    if (under == null) {
      return Optional.empty();
    }
    String line = source.line(r.startLine());
    int from = r.startColumn() - 1;
    String message = p.message();
    Matcher m = NAME.matcher(message);
    if (m.find() && WORD.matcher(under).matches() && !under.equals(m.group(1))) {
      return fix("Change '" + under + "' to '" + m.group(1) + "'", r, m.group(1));
    }
    m = QUOTED.matcher(message);
    if (m.find() && under.startsWith("\"") && under.endsWith("\"") && under.length() > 1) {
      return fix("Change " + under + " to " + m.group(1), r, m.group(1));
    }
    m = AT.matcher(message);
    if (m.find()) {
      // 'at M - 12' is underlined whole: the month moved is what follows 'at' and its blanks
      Matcher month = AT_MONTH.matcher(under);
      if (month.matches() && ("(" + month.group(2) + ")").equals(m.group(1))) {
        int start = r.startColumn() + month.group(1).length();
        return fix(
            "Write 'at " + m.group(1) + "'",
            new TextRange(r.startLine(), start, r.endLine(), r.endColumn()),
            m.group(1));
      }
    }
    // '=>' and '=<' are underlined at their first character
    String rest = line.substring(from);
    if (rest.startsWith("=>") && message.contains("write '>='")) {
      return fix(
          "Write '>='", new TextRange(r.startLine(), from + 1, r.startLine(), from + 3), ">=");
    }
    if (rest.startsWith("=<") && message.contains("write '<='")) {
      return fix(
          "Write '<='", new TextRange(r.startLine(), from + 1, r.startLine(), from + 3), "<=");
    }
    if (under.equals("=") && !rest.startsWith("==") && message.contains("write '=='")) {
      return fix("Write '=='", r, "==");
    }
    return Optional.empty();
  }

  /**
   * The edit {@code x}, titled by what it changes: a name or a quoted name ("Change 'metrc' to
   * 'metric'"), else what it writes ("Write '>='"); none when the text there is already that, or
   * the range is not within one line of {@code source}.
   */
  private static Optional<Fix> replace(SourceFile source, Problem.Replacement x) {
    TextRange r = x.range();
    String under = under(source, r);
    if (under == null || under.equals(x.text())) {
      return Optional.empty();
    }
    if (WORD.matcher(under).matches() && WORD.matcher(x.text()).matches()) {
      return fix("Change '" + under + "' to '" + x.text() + "'", r, x.text());
    }
    if (under.startsWith("\"") && x.text().startsWith("\"")) {
      return fix("Change " + under + " to " + x.text(), r, x.text());
    }
    return fix("Write '" + x.text() + "'", r, x.text());
  }

  /** The text {@code r} covers in {@code source}; null unless it is a non-empty part of a line. */
  private static String under(SourceFile source, TextRange r) {
    if (r.startLine() != r.endLine()) {
      return null;
    }
    String line = source.line(r.startLine());
    int from = r.startColumn() - 1;
    int to = r.endColumn() - 1;
    return from < 0 || to > line.length() || from >= to ? null : line.substring(from, to);
  }

  private static Optional<Fix> fix(String title, TextRange r, String text) {
    return Optional.of(new Fix(title, r, text));
  }

  /**
   * Whether two ranges share a line: an editor asks for the fixes at the cursor, anywhere on the
   * line of a problem.
   */
  private static boolean meets(TextRange a, TextRange b) {
    return a.startLine() <= b.endLine() && b.startLine() <= a.endLine();
  }
}
