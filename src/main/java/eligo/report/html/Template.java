package eligo.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One piece of a page with named places: {@code {{name}}} takes text (a string or a number) and
 * escapes it, {@code {{{name}}}} takes {@link Html} and inserts it as it is. Nothing else is
 * accepted: text given for a raw place, markup for a text place, a place given no value, a name the
 * template does not have, each fails with the template's name.
 *
 * <p>An attribute's double-quoted value loses its quotes when the value, filled, is {@link
 * Html#bare}: nothing in it can end it early, and the pages are smaller (a partner's site of 10,000
 * customers, about 240 bytes a customer). The template is written with every quote; a value of
 * fixed text is decided when parsed, one with places when rendered. A quote stays before a {@code
 * /}, which would join an unquoted value, and around a value with markup ({@code {{{name}}}}).
 *
 * <p>Text is escaped ({@code & < > "}), and {@code '} too where it could end a value: in a tag but
 * not in a double-quoted value, or anywhere in a template that opens no tag before the place.
 *
 * <p>Ours rather than a library's: the pages need named places, escaping and nothing more (loops
 * and conditions stay in the Java that picks the pieces), and no template library is a dependency.
 * Templates come from resource files ({@link Templates}), parsed once.
 */
public final class Template {
  private static final Pattern TAG = Pattern.compile("\\{\\{(\\{)?([A-Za-z][A-Za-z0-9]*)(}?)}}");

  /** An attribute value's quote, and none: in every page, their bytes made once. */
  private static final Html.Literal QUOTE = new Html.Literal("\"");

  private static final Html.Literal NO_QUOTE = new Html.Literal("");

  final String name;

  /**
   * The template in order: literal markup ({@code String}), places ({@link Place}) and the quotes
   * of attribute values that may go ({@link Quote}).
   */
  final Object[] segments;

  /** Per attribute value with places: the indexes of its segments, quotes included. */
  private final int[][] values;

  /** The number of characters of the fixed text, the quotes decided when parsed included. */
  private final int fixedLength;

  /** Each place name once, in order of first use. */
  private final List<String> names = new ArrayList<>();

  /**
   * A place; {@code apostrophe}: its text needs {@code '} escaped (it may be in a single-quoted or
   * unquoted attribute value, or where the template began is not known to be outside a tag).
   */
  record Place(String name, boolean raw, boolean apostrophe) {}

  /** An opening or closing quote of the attribute value {@code value} (index into values). */
  record Quote(int value) {}

  /** Parses {@code source}; {@code name} says where it came from in messages. */
  public static Template parse(String name, String source) {
    return new Template(name, source);
  }

  private Template(String name, String source) {
    this.name = name;
    List<Object> segs = new ArrayList<>();
    List<int[]> vals = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    boolean inTag = false;
    boolean known = false; // a tag was opened: inTag is known
    int valueStart = -1; // segment index of the open value's opening quote, or -1
    boolean valueRaw = false;
    int at = 0;
    while (at < source.length()) {
      char ch = source.charAt(at);
      if (ch == '{' && source.startsWith("{{", at)) {
        Matcher m = TAG.matcher(source).region(at, source.length());
        if (!m.lookingAt() || (m.group(1) == null) != m.group(3).isEmpty()) {
          throw new IllegalArgumentException(
              "template "
                  + name
                  + ": not a place at offset "
                  + at
                  + ": "
                  + source.substring(at, Math.min(source.length(), at + 30)));
        }
        flush(literal, segs);
        boolean raw = m.group(1) != null;
        // interned: the names a caller gives are literals, so value() finds them by identity
        segs.add(new Place(m.group(2).intern(), raw, !known || (inTag && valueStart < 0)));
        valueRaw |= raw;
        if (!names.contains(m.group(2))) {
          names.add(m.group(2));
        }
        at = m.end();
        continue;
      }
      if (valueStart >= 0) {
        if (ch == '"') {
          valueStart = closeValue(source, at, segs, vals, literal, valueStart, valueRaw);
        } else {
          literal.append(ch);
        }
      } else if (inTag && ch == '"' && at > 0 && source.charAt(at - 1) == '=') {
        flush(literal, segs);
        valueStart = segs.size();
        valueRaw = false;
        segs.add(null); // the opening quote, decided when the value closes
      } else {
        if (ch == '<' && at + 1 < source.length() && Character.isLetter(source.charAt(at + 1))) {
          inTag = true;
          known = true;
        } else if (ch == '>') {
          inTag = false;
        }
        literal.append(ch);
      }
      at++;
    }
    if (valueStart >= 0) {
      throw new IllegalArgumentException("template " + name + ": an attribute value is not closed");
    }
    flush(literal, segs);
    segments = segs.toArray();
    for (int i = 0; i < segments.length; i++) {
      if (segments[i] instanceof String s) {
        segments[i] = s.isEmpty() ? NO_QUOTE : s.equals("\"") ? QUOTE : new Html.Literal(s);
      }
    }
    values = vals.toArray(new int[0][]);
    int fixed = 0;
    for (Object segment : segments) {
      if (segment instanceof Html.Literal l) {
        fixed += l.markup.length();
      }
    }
    fixedLength = fixed;
    runs = new byte[segments.length + 1][];
    runEnds = new int[segments.length + 1];
    runs[segments.length] = new byte[0];
    runEnds[segments.length] = segments.length;
    for (int i = segments.length - 1; i >= 0; i--) {
      if (segments[i] instanceof Html.Literal l) {
        byte[] after = runs[i + 1];
        byte[] run = java.util.Arrays.copyOf(l.utf8, l.utf8.length + after.length);
        System.arraycopy(after, 0, run, l.utf8.length, after.length);
        runs[i] = run;
        runEnds[i] = runEnds[i + 1];
      } else {
        runs[i] = new byte[0];
        runEnds[i] = i;
      }
    }
  }

  /**
   * Per segment index (and the end): the bytes of the fixed text from there up to the next place or
   * quote, the literals between joined, for a {@link Filling} to copy at once; and the index of
   * that place or quote ({@code segments.length} at the end).
   */
  final byte[][] runs;

  final int[] runEnds;

  /**
   * Closes the attribute value whose opening quote is segment {@code open}, at the quote at {@code
   * at}: a value of fixed text loses its quotes now when bare; one with text places gets two {@link
   * Quote}s decided when rendered; else the quotes stay. Returns -1 (no value open).
   */
  private static int closeValue(
      String source,
      int at,
      List<Object> segs,
      List<int[]> vals,
      StringBuilder literal,
      int open,
      boolean raw) {
    flush(literal, segs);
    boolean mayGo =
        !raw
            && at + 1 < source.length()
            && (source.charAt(at + 1) == '>' || Character.isWhitespace(source.charAt(at + 1)));
    boolean places = false;
    StringBuilder fixed = new StringBuilder();
    for (int k = open + 1; k < segs.size(); k++) {
      if (segs.get(k) instanceof Place) {
        places = true;
      } else {
        fixed.append((String) segs.get(k));
      }
    }
    if (mayGo && places) {
      int[] parts = new int[segs.size() + 1 - open];
      for (int k = 0; k < parts.length; k++) {
        parts[k] = open + k;
      }
      segs.set(open, new Quote(vals.size()));
      segs.add(new Quote(vals.size()));
      vals.add(parts);
    } else {
      String quote = mayGo && Html.bare(fixed.toString()) ? "" : "\"";
      segs.set(open, quote);
      segs.add(quote);
    }
    return -1;
  }

  private static void flush(StringBuilder literal, List<Object> segs) {
    if (literal.length() > 0) {
      segs.add(literal.toString());
      literal.setLength(0);
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
    Object[] parts = new Object[segments.length];
    int length = fixedLength;
    for (int i = 0; i < segments.length; i++) {
      Object s = segments[i];
      if (s instanceof Place p) {
        Object v = value(namesAndValues, p.name());
        if (p.raw()) {
          if (!(v instanceof Html h)) {
            throw new IllegalArgumentException(
                "template " + name + ": {{{" + p.name() + "}}} takes Html, not " + type(v));
          }
          parts[i] = h;
          length += h.length();
        } else if (v instanceof Integer || v instanceof Long) {
          String digits = v.toString(); // digits and a minus sign: nothing to escape
          parts[i] = digits;
          length += digits.length();
        } else if (v instanceof String || v instanceof Number) {
          Object piece = Html.piece(v.toString(), p.apostrophe());
          parts[i] = piece;
          length += piece instanceof Html.Literal l ? l.markup.length() : ((String) piece).length();
        } else {
          throw new IllegalArgumentException(
              "template " + name + ": {{" + p.name() + "}} takes text, not " + type(v));
        }
      } else if (!(s instanceof Quote)) {
        parts[i] = s;
      }
    }
    for (int[] value : values) {
      Html.Literal quote = NO_QUOTE;
      if (!bare(parts, value)) {
        quote = QUOTE;
        length += 2;
      }
      parts[value[0]] = quote;
      parts[value[value.length - 1]] = quote;
    }
    return Html.of(parts, length);
  }

  /**
   * This template, to be filled place by place straight into {@code out} ({@link Filling}): the
   * same bytes as {@link #render} makes of the same values, with no piece made on the way.
   */
  public Filling fill(PageBytes out) {
    return new Filling(this, out);
  }

  /** Pieces kept per thread and template ({@link #renderKept}), at most. */
  private static final int KEPT = 4096;

  /** This thread's pieces of {@link #renderKept}: by the values they were made of. */
  private final ThreadLocal<HashMap<Values, Html>> kept = ThreadLocal.withInitial(HashMap::new);

  /**
   * As {@link #render}, but a piece made of the same values before on this thread is given again,
   * made and encoded once ({@link Html#fixed}): for a piece many pages repeat, a customer's row of
   * a node not evaluated, or a node met with the same value. Values of markup count only when made
   * whole ({@link Html#whole}): a piece made of pieces is rendered as by {@link #render}.
   */
  public Html renderKept(Object... namesAndValues) {
    for (int i = 1; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i] instanceof Html h && !h.whole()) {
        return render(namesAndValues);
      }
    }
    Values key = new Values(namesAndValues);
    HashMap<Values, Html> pieces = kept.get();
    Html piece = pieces.get(key);
    if (piece == null) {
      piece = render(namesAndValues).fixed();
      if (pieces.size() >= KEPT) {
        pieces.clear(); // a new run of pages: what the last ones repeated need not come again
      }
      pieces.put(key, piece);
    }
    return piece;
  }

  /**
   * The names and values of a render, as a key: text by its characters, numbers by value, markup by
   * its markup (made whole), so equal keys render the same piece.
   */
  private static final class Values {
    private final Object[] namesAndValues;
    private final int hash;

    Values(Object[] namesAndValues) {
      this.namesAndValues = namesAndValues;
      int h = 1;
      for (Object v : namesAndValues) {
        h = 31 * h + (v instanceof Html m ? m.markup().hashCode() : v == null ? 0 : v.hashCode());
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Values other) || other.hash != hash) {
        return false;
      }
      Object[] a = namesAndValues;
      Object[] b = other.namesAndValues;
      if (a.length != b.length) {
        return false;
      }
      for (int i = 0; i < a.length; i++) {
        Object x = a[i];
        Object y = b[i];
        if (x == y) {
          continue;
        }
        if (x == null || y == null || x.getClass() != y.getClass()) {
          return false;
        }
        if (x instanceof Html hx ? !hx.markup().equals(((Html) y).markup()) : !x.equals(y)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Whether the value between the quotes {@code value} holds, filled in {@code parts}, is bare. */
  private boolean bare(Object[] parts, int[] value) {
    int length = 0;
    for (int k = 1; k < value.length - 1; k++) {
      Object part = parts[value[k]];
      if (part == segments[value[k]]) { // the template's own text, bare or not when parsed
        Html.Literal l = (Html.Literal) part;
        if (!l.bare && !l.markup.isEmpty()) {
          return false;
        }
        length += l.markup.length();
        continue;
      }
      String s = part instanceof Html.Literal l ? l.markup : (String) part;
      if (!s.isEmpty() && !Html.bare(s)) {
        return false;
      }
      length += s.length();
    }
    return length > 0;
  }

  private Object value(Object[] namesAndValues, String place) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i] == place) {
        return namesAndValues[i + 1];
      }
    }
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
