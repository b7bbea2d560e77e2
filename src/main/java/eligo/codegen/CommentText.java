package eligo.codegen;

import java.util.ArrayList;
import java.util.List;

/**
 * Text from criteria files made inert for comments: it cannot end a comment, start a Unicode escape
 * (javac decodes Unicode escapes such as backslash-u002a even inside comments) or break a line
 * comment.
 */
final class CommentText {
  private CommentText() {}

  /**
   * Escapes {@code *}{@code /} as {@code *&#47;}, backslashes as {@code &#92;}, {@code @} as {@code
   * &#64;} (no Javadoc tags), and turns line terminators (\r, \n, U+2028, U+2029, U+0085), other
   * control characters and lone surrogates into spaces.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\\') {
        b.append("&#92;");
      } else if (cp == '@') {
        b.append("&#64;");
      } else if (cp == 0x2028
          || cp == 0x2029
          || Character.isISOControl(cp)
          || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
        b.append(' ');
      } else {
        b.appendCodePoint(cp);
      }
    }
    return b.toString().replace("*/", "*&#47;");
  }

  /** {@link #escape} then {@link #wrap}. */
  static String wrapped(String text, int width) {
    return wrap(escape(text), width);
  }

  /** Word-wraps safe comment text at {@code width} columns, lines joined with '\n'. */
  static String wrap(String safe, int width) {
    String escaped = safe.strip();
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : escaped.split(" +")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return String.join("\n", lines);
  }
}
