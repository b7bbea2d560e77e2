package eligo.report;

import eligo.report.html.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Texts of other partners (ids, customer ids, names) that no file of a partner's site may hold, in
 * every form they could take there: as they are, escaped for HTML, for JavaScript, as a page name,
 * with a CSV's doubled quotes.
 */
final class ForeignText {
  private final List<String> forms = new ArrayList<>();

  /** Adds {@code s} in each of its forms. */
  void add(String s) {
    Set<String> texts = new TreeSet<>();
    texts.add(s);
    texts.add(Html.escape(s));
    String js = SitePages.jsString(s);
    texts.add(js.substring(1, js.length() - 1));
    texts.add(SiteNames.of(s));
    texts.add(s.replace("\"", "\"\""));
    forms.addAll(texts);
  }

  /**
   * The first form found in {@code text} as a whole word: not after a letter, digit or {@code _},
   * not before a digit (so "Bank 1" is not found in "Bank 12"); null when none is.
   */
  String foundIn(String text) {
    for (String f : forms) {
      for (int at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) {
        int end = at + f.length();
        boolean startsWord = at == 0 || !isWordChar(text.charAt(at - 1));
        boolean endsWord = end == text.length() || !Character.isDigit(text.charAt(end));
        if (startsWord && endsWord) {
          return f;
        }
      }
    }
    return null;
  }

  private static boolean isWordChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  }
}
