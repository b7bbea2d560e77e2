package eligo.report.html;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Markup that may be inserted into a page as it is: what a {@link Template} rendered (its text
 * escaped), or what the code itself wrote and marks as safe with {@link #raw}. Text from the data
 * or the criteria never becomes an {@code Html} but through {@link #text} or a template, which
 * escape it.
 */
public final class Html {
  public static final Html EMPTY = new Html("");

  /**
   * The markup once made whole; until then {@link #parts} holds it: strings (markup) and pieces,
   * one after the other. A page is made of thousands of pieces, each inside a few others: kept as
   * pieces, they are copied once, into the page, rather than once per level.
   */
  private String markup;

  private final Object[] parts;
  private final int length;

  /** The markup's UTF-8 bytes, when made once ({@link #fixed}); else null. */
  private final byte[] utf8;

  private Html(String markup) {
    this(markup, null);
  }

  private Html(String markup, byte[] utf8) {
    this.markup = markup;
    this.parts = null;
    this.length = markup.length();
    this.utf8 = utf8;
  }

  private Html(Object[] parts, int length) {
    this.parts = parts;
    this.length = length;
    this.utf8 = null;
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

  /**
   * Markup of {@code parts} one after the other, each a {@code String} of markup (never text: the
   * caller escaped it), a {@link Literal} or an {@code Html}.
   */
  static Html of(Object[] parts) {
    int length = 0;
    for (Object p : parts) {
      length +=
          p instanceof String s
              ? s.length()
              : p instanceof Literal l ? l.markup.length() : ((Html) p).length;
    }
    return new Html(parts, length);
  }

  /**
   * Markup that is the same in every page, a template's fixed text, with its UTF-8 bytes made once:
   * a page copies them rather than encoding the text again (a site of 100,000 customers is 800 MB,
   * most of it such text).
   */
  static final class Literal {
    final String markup;
    final byte[] utf8;

    /** Whether the markup is {@link #bare} (decided once for a template's fixed text). */
    final boolean bare;

    Literal(String markup) {
      this(markup, markup.getBytes(StandardCharsets.UTF_8), bare(markup));
    }

    private Literal(String markup, byte[] utf8, boolean bare) {
      this.markup = markup;
      this.utf8 = utf8;
      this.bare = bare;
    }
  }

  /** Markup of {@code parts} ({@link #of(Object[])}) whose characters the caller counted. */
  static Html of(Object[] parts, int length) {
    return new Html(parts, length);
  }

  /** The pieces with {@code separator} (text, escaped) between them. */
  public static Html join(List<Html> pieces, String separator) {
    if (pieces.isEmpty()) {
      return EMPTY;
    }
    String between = escape(separator);
    Object[] parts = new Object[2 * pieces.size() - 1];
    for (int k = 0; k < pieces.size(); k++) {
      if (k > 0) {
        parts[2 * k - 1] = between;
      }
      parts[2 * k] = pieces.get(k);
    }
    return of(parts);
  }

  /** The pieces one after the other. */
  public static Html join(List<Html> pieces) {
    return of(pieces.toArray());
  }

  /**
   * Whether the markup is one string rather than pieces (text, an attribute, {@link #raw} or {@link
   * #fixed} markup): then reading it costs no copy.
   */
  public boolean whole() {
    return parts == null;
  }

  /** The number of characters of the markup. */
  public int length() {
    return length;
  }

  /** The markup, made whole (once). */
  public String markup() {
    String m = markup;
    if (m == null) {
      StringBuilder sb = new StringBuilder(length);
      appendTo(sb);
      m = sb.toString();
      markup = m; // a String is immutable: another thread may make it too, never see it half made
    }
    return m;
  }

  /** Appends the markup to {@code sb}, piece by piece when it was not made whole. */
  public void appendTo(StringBuilder sb) {
    String m = markup;
    if (m != null) {
      sb.append(m);
      return;
    }
    for (Object p : parts) {
      if (p instanceof String s) {
        sb.append(s);
      } else if (p instanceof Literal l) {
        sb.append(l.markup);
      } else {
        ((Html) p).appendTo(sb);
      }
    }
  }

  /**
   * The markup in UTF-8, encoded piece by piece: for a page, never made one string first, which
   * would hold every character in two bytes from its first character outside Latin-1 on (a {@code
   * ›} or a customer's name in Japanese), to be encoded again as a whole. A buffer of its own; a
   * writer of many pages uses {@link PageBytes} instead.
   */
  public ByteBuffer utf8() {
    PageBytes out = new PageBytes(length + (length >> 3) + 64);
    appendTo(out);
    return ByteBuffer.wrap(out.bytes, 0, out.size);
  }

  /**
   * This markup made whole once, with its UTF-8 bytes: for a piece used many times (the same cell
   * on every row, the same style sheet on every site), which each use then copies rather than
   * encodes again.
   */
  public Html fixed() {
    if (utf8 != null) {
      return this;
    }
    String m = markup();
    return new Html(m, m.getBytes(StandardCharsets.UTF_8));
  }

  void appendTo(PageBytes out) {
    byte[] b = utf8;
    if (b != null) {
      out.add(b);
      return;
    }
    Object[] ps = parts;
    if (ps == null) {
      out.add(markup);
      return;
    }
    // piece by piece even when made whole since: the fixed text of the templates is bytes already
    for (Object p : ps) {
      if (p instanceof Html h) {
        h.appendTo(out);
      } else if (p instanceof Literal l) {
        out.add(l.utf8);
      } else {
        out.add((String) p);
      }
    }
  }

  @Override
  public String toString() {
    return markup();
  }

  /**
   * Whether {@code value} may stand as an attribute's value without quotes: one or more of {@code
   * A-Z a-z 0-9 - _ . : # / ~ +}, so no space, quote, {@code =}, {@code <}, {@code >}, backquote or
   * character reference can end it early or change it. Unquoted values are how the pages stay
   * small: a partner's site of 10,000 customers saves about 240 bytes a customer.
   */
  public static boolean bare(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!bareChar(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code ch} may stand in an unquoted attribute value ({@link #bare}): {@code A-Z a-z 0-9
   * - _ . : # / ~ +}; a byte or char beyond ASCII is none of them. The one rule for a value made as
   * a string and one written into a page's bytes ({@link PageBytes#quoteUnlessBare}).
   */
  static boolean bareChar(int ch) {
    return ch >= 0 && ch < 128 && BARE[ch];
  }

  /**
   * {@link #bareChar} of each ASCII character, looked up: a page's bytes are checked one by one.
   */
  private static final boolean[] BARE = new boolean[128];

  static {
    for (int ch = 0; ch < 128; ch++) {
      BARE[ch] = bareRule(ch);
    }
  }

  private static boolean bareRule(int ch) {
    return (ch >= 'a' && ch <= 'z')
        || (ch >= 'A' && ch <= 'Z')
        || (ch >= '0' && ch <= '9')
        || ch == '-'
        || ch == '_'
        || ch == '.'
        || ch == ':'
        || ch == '#'
        || ch == '/'
        || ch == '~'
        || ch == '+';
  }

  /**
   * The attribute {@code name} with {@code value} (text, escaped), a space before it: {@code
   * name=value} when the value is {@link #bare}, else {@code name="value"}.
   */
  public static Html attribute(String name, String value) {
    return new Html(
        bare(value) ? " " + name + "=" + value : " " + name + "=\"" + escape(value) + "\"");
  }

  /**
   * HTML text and attribute escaping of {@code & < > " '}; the string itself when there is none.
   */
  public static String escape(String s) {
    return markupOf(piece(s, true));
  }

  /**
   * {@link #escape} but for {@code '}: for text in an element or in a double-quoted attribute
   * value, where {@code '} ends nothing.
   */
  public static String escapeText(String s) {
    return markupOf(piece(s, false));
  }

  private static String markupOf(Object piece) {
    return piece instanceof Literal l ? l.markup : (String) piece;
  }

  /**
   * Text escaped ({@link #escape}, or {@link #escapeText} when not {@code apostrophe}) as a piece
   * of a page: a {@link Literal} when the text is ASCII with nothing to escape, its bytes those
   * found while looking for what to escape, which the page then copies instead of encoding the text
   * again; else the escaped string.
   */
  static Object piece(String s, boolean apostrophe) {
    int n = s.length();
    // looked for in the text's bytes in Latin-1, where a character beyond it is '?' and never one
    // to escape: a page escapes millions of characters, and a call per character is most of what
    // that costs where the code is not inlined (C1 only). A character outside the basic plane is
    // two chars but one byte there: such a text is read char by char.
    byte[] latin1 = s.getBytes(StandardCharsets.ISO_8859_1);
    int i = 0;
    if (latin1.length == n) {
      boolean ascii = true; // no byte beyond ASCII, and no '?' (which may stand for one)
      for (; i < n; i++) {
        byte b = latin1[i];
        if (b <= '?') {
          if (b < 0 || b == '?') {
            ascii = false;
          } else if (b == '&' || b == '<' || b == '>' || b == '"' || (b == '\'' && apostrophe)) {
            break;
          }
        }
      }
      if (i == n) {
        return ascii ? new Literal(s, latin1, false) : s; // bare: not asked of a text's piece
      }
    } else {
      while (i < n && !special(s.charAt(i), apostrophe)) {
        i++;
      }
      if (i == n) {
        return s;
      }
    }
    StringBuilder out = new StringBuilder(n + 16).append(s, 0, i);
    for (; i < n; i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append(apostrophe ? "&#39;" : "'");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private static boolean special(char ch, boolean apostrophe) {
    return ch == '&' || ch == '<' || ch == '>' || ch == '"' || (ch == '\'' && apostrophe);
  }
}
