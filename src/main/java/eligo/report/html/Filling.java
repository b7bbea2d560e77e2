package eligo.report.html;

/**
 * A {@link Template} filled straight into a page's bytes ({@link PageBytes}), place by place in the
 * order the template has them: its fixed text copied as the bytes made when it was parsed, each
 * text escaped as it is copied ({@link PageBytes#addText}), with no {@link Html} piece made on the
 * way. What it writes is byte for byte what {@link Template#render} makes of the same values: the
 * template stays the one source of the markup, and the same rules hold (text only in a text place,
 * escaped; markup only in a markup place; an attribute value without quotes only when nothing in it
 * can end it).
 *
 * <p>Each place is given its value in turn, a place the template uses twice twice; a name out of
 * turn, text for a markup place or markup for a text place, a place left without a value at {@link
 * #end}, each fails with the template's name. A markup place may also be {@link #open}ed: what the
 * caller writes into the page until its next call to this filling is that place's markup (the
 * caller's own markup, made by templates as well).
 *
 * <p>For the pages of a site, a customer each, where building pieces and then copying them cost
 * more than the bytes they hold.
 */
public final class Filling {
  private final Template template;
  private final PageBytes out;

  /** The next segment not written yet. */
  private int next;

  /** Where the value of the attribute open now starts in the page (after its quote), or -1. */
  private int valueAt = -1;

  Filling(Template template, PageBytes out) {
    this.template = template;
    this.out = out;
  }

  /** Fills the place {@code name}, the next one, with {@code text}, escaped. */
  public Filling text(String name, String text) {
    Template.Place p = place(name, false);
    if (text == null) {
      throw new IllegalArgumentException(
          "template " + template.name + ": {{" + name + "}} takes text, not null");
    }
    out.addText(text, p.apostrophe());
    return this;
  }

  /** Fills the place {@code name}, the next one, with the digits of {@code number}. */
  public Filling number(String name, long number) {
    place(name, false);
    out.addDigits(number);
    return this;
  }

  /** Fills the markup place {@code name}, the next one, with {@code markup}. */
  public Filling html(String name, Html markup) {
    place(name, true);
    if (markup == null) {
      throw new IllegalArgumentException(
          "template " + template.name + ": {{{" + name + "}}} takes Html, not null");
    }
    markup.appendTo(out);
    return this;
  }

  /**
   * Opens the markup place {@code name}, the next one: the caller then writes its markup into the
   * page, and the template goes on at this filling's next call.
   */
  public Filling open(String name) {
    place(name, true);
    return this;
  }

  /** Writes the rest of the template; every place must have had its value. */
  public void end() {
    Object[] segments = template.segments;
    if (advance() < segments.length) {
      throw new IllegalArgumentException(
          "template "
              + template.name
              + ": no value for {{"
              + ((Template.Place) segments[next]).name()
              + "}}");
    }
  }

  /**
   * Writes the fixed text up to the next place, checks that it is {@code name} and takes text or
   * markup as {@code raw} says, and moves past it.
   */
  private Template.Place place(String name, boolean raw) {
    int at = advance();
    Object[] segments = template.segments;
    if (at == segments.length) {
      throw new IllegalArgumentException(
          "template " + template.name + ": no place left for " + name);
    }
    Template.Place p = (Template.Place) segments[at];
    if (p.name() != name && !p.name().equals(name)) {
      throw new IllegalArgumentException(
          "template " + template.name + ": {{" + p.name() + "}} comes next, not " + name);
    }
    if (p.raw() != raw) {
      throw new IllegalArgumentException(
          "template "
              + template.name
              + (p.raw()
                  ? ": {{{" + name + "}}} takes Html, not text"
                  : ": {{" + name + "}} takes text, not Html"));
    }
    next = at + 1;
    return p;
  }

  /**
   * Writes the segments from {@link #next} up to the next place (or the end), whose index it
   * returns. An attribute value whose quotes are decided when filled gets them at its closing
   * quote, unless all its bytes are {@link Html#bare}: the opening one is put in before the value.
   */
  private int advance() {
    Object[] segments = template.segments;
    byte[][] runs = template.runs;
    int[] runEnds = template.runEnds;
    int i = next;
    while (true) {
      byte[] run = runs[i];
      if (run.length > 0) {
        out.add(run);
      }
      i = runEnds[i];
      if (i < segments.length && segments[i] instanceof Template.Quote) {
        if (valueAt < 0) {
          valueAt = out.size;
        } else {
          out.quoteUnlessBare(valueAt);
          valueAt = -1;
        }
        i++;
        continue;
      }
      break;
    }
    next = i;
    return i;
  }
}
