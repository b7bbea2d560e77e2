package eligo.editor;

/**
 * Text of the criteria put into Markdown as code, whatever backticks it holds: a code span or a
 * fenced block whose fence is longer than any run of backticks inside, so the text can neither end
 * it early nor become a link, emphasis or HTML.
 */
final class Markdown {
  private Markdown() {}

  /** An inline code span of {@code text}. */
  static String code(String text) {
    String fence = "`".repeat(longestRun(text) + 1);
    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
    return fence + pad + text + pad + fence;
  }

  /** A fenced code block of {@code text}, in language {@code language}. */
  static String block(String language, String text) {
    String fence = "`".repeat(Math.max(3, longestRun(text) + 1));
    return fence + language + "\n" + text + "\n" + fence;
  }

  private static int longestRun(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
