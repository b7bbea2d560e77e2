package eligo.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The site's markup with every attribute value in double quotes, as the pages wrote it before
 * values lost their quotes where nothing in them can end them ({@code eligo.report.html.Template}):
 * tests that read pages as text match one spelling. Real browsers read the pages in the Chromium
 * tests.
 */
public final class Markup {
  private Markup() {}

  /** The page at {@code file}, quoted. */
  public static String read(Path file) throws IOException {
    return quoted(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** {@code html} with each unquoted attribute value of a tag in double quotes. */
  public static String quoted(String html) {
    StringBuilder out = new StringBuilder(html.length() + html.length() / 8);
    int at = 0;
    while (at < html.length()) {
      char ch = html.charAt(at);
      if (ch != '<' || at + 1 >= html.length() || !Character.isLetter(html.charAt(at + 1))) {
        out.append(ch);
        at++;
        continue;
      }
      // a tag: copy it, quoting a value that follows '=' without a quote
      while (at < html.length() && html.charAt(at) != '>') {
        char c = html.charAt(at);
        if (c == '"' || c == '\'') {
          int end = html.indexOf(c, at + 1);
          out.append(html, at, end + 1);
          at = end + 1;
        } else if (c == '='
            && at + 1 < html.length()
            && html.charAt(at + 1) != '"'
            && html.charAt(at + 1) != '\'') {
          int end = at + 1;
          while (end < html.length()
              && !Character.isWhitespace(html.charAt(end))
              && html.charAt(end) != '>') {
            end++;
          }
          out.append("=\"").append(html, at + 1, end).append('"');
          at = end;
        } else {
          out.append(c);
          at++;
        }
      }
    }
    return out.toString();
  }
}
