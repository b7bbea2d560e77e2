package eligo.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The templates of one resource file, by name. A file holds sections {@code {{#name}}...{{/name}}};
 * between them only blank space and comments {@code {{! ... }}}. Read once (keep the result in a
 * constant); a file, section or place that is wrong fails when it is read, a section asked for that
 * the file does not have fails when asked.
 */
public final class Templates {
  /** How the line breaks of a section are read. */
  public enum Lines {
    /**
     * As written, but for a line break right after {@code {{#name}}}: a section on lines of its own
     * is the lines between its tags, each with its line break.
     */
    KEPT,
    /**
     * Each line break is dropped with the spaces around it (the indentation of the next line): a
     * page of one line can be written over many. A space that matters stays inside a line.
     */
    JOINED,
    /**
     * For a script of our own: each line without its indentation, and the blank lines and lines
     * that are only a {@code //} comment dropped (every partner's site carries a copy). Line breaks
     * stay, so no statement runs into the next.
     */
    SCRIPT
  }

  private static final Pattern OPEN = Pattern.compile("\\{\\{#([A-Za-z][A-Za-z0-9]*)}}");
  private static final Pattern BREAK = Pattern.compile("[ \\t]*\\R[ \\t]*");

  private final String origin;
  private final Map<String, Template> sections = new LinkedHashMap<>();

  private Templates(String origin) {
    this.origin = origin;
  }

  /** The sections of resource {@code resource} beside the class {@code owner}. */
  public static Templates load(Class<?> owner, String resource, Lines lines) {
    return parse(
        owner.getPackageName().replace('.', '/') + "/" + resource, read(owner, resource), lines);
  }

  /**
   * A style sheet or script beside the class {@code owner}, for a page (our own code, inserted as
   * it is).
   */
  public static Html asset(Class<?> owner, String resource, Lines lines) {
    String text = read(owner, resource);
    return Html.raw(
        switch (lines) {
          case JOINED -> BREAK.matcher(text).replaceAll("");
          case SCRIPT -> compactScript(text);
          case KEPT -> text;
        });
  }

  private static String compactScript(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (String line : text.split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("//")) {
        out.append(t).append('\n');
      }
    }
    return out.toString();
  }

  /** The sections of {@code source}; {@code origin} names it in messages. */
  public static Templates parse(String origin, String source, Lines lines) {
    Templates t = new Templates(origin);
    int at = 0;
    while (true) {
      while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
        at++;
      }
      if (at == source.length()) {
        return t;
      }
      if (source.startsWith("{{!", at)) {
        int end = source.indexOf("}}", at);
        if (end < 0) {
          throw new IllegalArgumentException(origin + ": a comment {{! is not closed");
        }
        at = end + 2;
        continue;
      }
      Matcher m = OPEN.matcher(source).region(at, source.length());
      if (!m.lookingAt()) {
        throw new IllegalArgumentException(
            origin
                + ": text outside a section at offset "
                + at
                + ": "
                + source.substring(at, Math.min(source.length(), at + 30)));
      }
      String name = m.group(1);
      String close = "{{/" + name + "}}";
      int end = source.indexOf(close, m.end());
      if (end < 0) {
        throw new IllegalArgumentException(
            origin + ": section " + name + " is not closed with " + close);
      }
      String body = source.substring(m.end(), end);
      body =
          lines == Lines.JOINED
              ? BREAK.matcher(body).replaceAll("")
              : body.replaceFirst("^\\R", "");
      if (t.sections.put(name, Template.parse(origin + "#" + name, body)) != null) {
        throw new IllegalArgumentException(origin + ": two sections named " + name);
      }
      at = end + close.length();
    }
  }

  /** The section {@code name}. */
  public Template get(String name) {
    Template t = sections.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          origin + ": no section " + name + " (sections: " + sections.keySet() + ")");
    }
    return t;
  }

  private static String read(Class<?> owner, String resource) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource " + resource + " beside " + owner.getName() + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "resource " + resource + " beside " + owner.getName() + " cannot be read", e);
    }
  }
}
