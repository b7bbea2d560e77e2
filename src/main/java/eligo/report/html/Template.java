package eligo.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One piece of a page with named places: {@code {{name}}} takes text (a string or a number) and
 * escapes it, {@code {{{name}}}} takes {@link Html} and inserts it as it is. Nothing else is
 * accepted: text given for a raw place, markup for a text place, a place given no value, a name the
 * template does not have, each fails with the template's name.
 *
 * <p>Ours rather than a library's: the pages need named places, escaping and nothing more (loops
 * and conditions stay in the Java that picks the pieces), and no template library is a dependency.
 * Templates come from resource files ({@link Templates}), parsed once.
 */
public final class Template {
  private static final Pattern TAG = Pattern.compile("\\{\\{(\\{)?([A-Za-z][A-Za-z0-9]*)(}?)}}");

  private final String name;

  /** Literal text, then a place, then literal text, ...: always one literal more than places. */
  private final String[] literals;

  private final String[] places;
  private final boolean[] raw;

  /** Each place name once, in order of first use. */
  private final List<String> names = new ArrayList<>();

  /** Parses {@code source}; {@code name} says where it came from in messages. */
  public static Template parse(String name, String source) {
    return new Template(name, source);
  }

  private Template(String name, String source) {
    this.name = name;
    List<String> lits = new ArrayList<>();
    List<String> plcs = new ArrayList<>();
    List<Boolean> raws = new ArrayList<>();
    int at = 0;
    while (true) {
      int open = source.indexOf("{{", at);
      if (open < 0) {
        lits.add(source.substring(at));
        break;
      }
      Matcher m = TAG.matcher(source).region(open, source.length());
      if (!m.lookingAt() || (m.group(1) == null) != m.group(3).isEmpty()) {
        throw new IllegalArgumentException(
            "template "
                + name
                + ": not a place at offset "
                + open
                + ": "
                + source.substring(open, Math.min(source.length(), open + 30)));
      }
      lits.add(source.substring(at, open));
      plcs.add(m.group(2));
      raws.add(m.group(1) != null);
      if (!names.contains(m.group(2))) {
        names.add(m.group(2));
      }
      at = m.end();
    }
    literals = lits.toArray(new String[0]);
    places = plcs.toArray(new String[0]);
    raw = new boolean[raws.size()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = raws.get(i);
    }
  }

  /**
   * The template with its places filled: {@code namesAndValues} is name, value, name, value, ...;
   * every place needs a value and every value a place.
   */
  public Html render(Object... namesAndValues) {
    if (namesAndValues.length != 2 * names.size()) {
      throw new IllegalArgumentException(
          "template "
              + name
              + ": "
              + namesAndValues.length / 2
              + " values given for the places "
              + names);
    }
    Object[] parts = new Object[2 * places.length + 1];
    for (int i = 0; i < places.length; i++) {
      parts[2 * i] = literals[i];
      Object v = value(namesAndValues, places[i]);
      if (raw[i]) {
        if (!(v instanceof Html h)) {
          throw new IllegalArgumentException(
              "template " + name + ": {{{" + places[i] + "}}} takes Html, not " + type(v));
        }
        parts[2 * i + 1] = h;
      } else if (v instanceof String || v instanceof Number) {
        parts[2 * i + 1] = Html.escape(v.toString());
      } else {
        throw new IllegalArgumentException(
            "template " + name + ": {{" + places[i] + "}} takes text, not " + type(v));
      }
    }
    parts[2 * places.length] = literals[places.length];
    return Html.of(parts);
  }

  private Object value(Object[] namesAndValues, String place) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (place.equals(namesAndValues[i])) {
        return namesAndValues[i + 1];
      }
    }
    throw new IllegalArgumentException(
        "template " + name + ": no value for {{" + place + "}} (places: " + names + ")");
  }

  private static String type(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName();
  }
}
