package eligo.report.html;

import java.util.List;

/**
 * Markup that may be inserted into a page as it is: what a {@link Template} rendered (its text
 * escaped), or what the code itself wrote and marks as safe with {@link #raw}. Text from the data
 * or the criteria never becomes an {@code Html} but through {@link #text} or a template, which
 * escape it.
 */
public final class Html {
  public static final Html EMPTY = new Html("");

  private final String markup;

  private Html(String markup) {
    this.markup = markup;
  }

  /** Markup the code wrote itself (never text from the data or the criteria). */
  public static Html raw(String markup) {
    return new Html(markup);
  }

  /**
   * Text as markup: every {@code & < > " '} escaped, so it is text in an element or a quoted
   * attribute.
   */
  public static Html text(String text) {
    return new Html(escape(text));
  }

  /** The pieces one after the other. */
  /** The pieces with {@code separator} (text, escaped) between them. */
  public static Html join(List<Html> pieces, String separator) {
    StringBuilder sb = new StringBuilder();
    String between = escape(separator);
    for (int k = 0; k < pieces.size(); k++) {
      sb.append(k == 0 ? "" : between).append(pieces.get(k).markup);
    }
    return new Html(sb.toString());
  }

  public static Html join(List<Html> pieces) {
    StringBuilder sb = new StringBuilder();
    for (Html h : pieces) {
      sb.append(h.markup);
    }
    return new Html(sb.toString());
  }

  public String markup() {
    return markup;
  }

  @Override
  public String toString() {
    return markup;
  }

  /**
   * HTML text and attribute escaping of {@code & < > " '}; the string itself when there is none.
   */
  public static String escape(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      String r =
          switch (ch) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (r != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (r != null) {
          out.append(r);
        } else {
          out.append(ch);
        }
      }
    }
    return out == null ? s : out.toString();
  }
}
