package eligo.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A template filled straight into a page's bytes ({@link Filling}, {@link PageBytes#addText},
 * {@link EscapedTexts}): text escaped wherever it goes, the same bytes as {@link Template#render}
 * makes of the same values, and mistakes fail.
 */
class FillingTest {
  private static final String HOSTILE =
      "<script>alert(\"x\")</script> & 'q' </td><img src=x onerror=alert(1)>";

  /** Texts of every kind: hostile, beyond ASCII and Latin-1, outside the basic plane, broken. */
  private static final String[] TEXTS = {
    HOSTILE,
    "",
    "m",
    "a-azure.n-x~2e~y",
    "plain ASCII text of some length 42",
    "\" onmouseover=\"alert(1)' x='",
    "Deployments › CPOR",
    "名前 › 'q' & ü",
    "😀 <i>",
    "😀😀a<",
    "? and ?",
    "Ħ ü ?",
    "a lone \ud800 high and \udc00 low surrogate, long enough",
    "\ud800",
    "tail surrogate \ud83d",
    "ü & ä, and long enough to be looked for as Latin-1 bytes",
  };

  /** The bytes of the template filled; in UTF-8, as a page is written. */
  private static String filled(Template t, String a, String s, String w) {
    PageBytes out = PageBytes.unshared();
    // a place the template uses twice is filled twice, in turn
    t.fill(out).text("a", a).text("s", s).text("l", "").text("a", a).text("w", w).end();
    return new String(out.copy(0), StandardCharsets.ISO_8859_1);
  }

  /** The bytes of a page of {@code h} (a surrogate not in a pair as '?'), one char a byte. */
  private static String bytes(Html h) {
    return new String(h.markup().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  @Test
  void everyTextIsEscapedAsARenderEscapesIt() {
    Template t =
        Template.parse(
            "t", "<tr id=\"{{a}}\" class=\"{{s}}{{l}}\" title='{{a}}'><td>{{w}}<td class=\"x\">");
    for (String a : TEXTS) {
      for (String s : TEXTS) {
        // each three times: the third from the texts kept (EscapedTexts)
        for (int k = 0; k < 3; k++) {
          String made = bytes(t.render("a", a, "s", s, "l", "", "w", a + s));
          assertThat(filled(t, a, s, a + s)).as(a + " / " + s).isEqualTo(made);
        }
      }
    }
    assertThat(filled(t, HOSTILE, "nm", HOSTILE))
        .doesNotContain("<script>")
        .doesNotContain("\" onerror")
        .contains("&lt;script&gt;alert(&quot;x&quot;)");
  }

  @Test
  void aTextKeptIsEscapedForWhereItGoes() {
    // the same string, kept after its second use, in a place that escapes ' and one that does not
    Template t = Template.parse("t", "<p title='{{a}}'>{{b}}</p>");
    String text = "it's <b>bold</b> & long enough";
    for (int k = 0; k < 4; k++) {
      PageBytes out = PageBytes.unshared();
      for (int j = 0; j < 3; j++) {
        t.fill(out).text("a", text).text("b", text).end();
      }
      String once = t.render("a", text, "b", text).markup();
      assertThat(out.text()).isEqualTo(once + once + once);
      assertThat(once)
          .isEqualTo(
              "<p title='it&#39;s &lt;b&gt;bold&lt;/b&gt; &amp; long enough'>"
                  + "it's &lt;b&gt;bold&lt;/b&gt; &amp; long enough</p>");
    }
  }

  @Test
  void theBytesAreTheUtf8OfTheMarkup() {
    Template t = Template.parse("t", "<p title=\"{{a}}\">{{b}}</p>");
    for (String a : TEXTS) {
      PageBytes out = PageBytes.unshared();
      t.fill(out).text("a", a).text("b", a).end();
      java.nio.ByteBuffer made = t.render("a", a, "b", a).utf8();
      byte[] expected = new byte[made.remaining()];
      made.get(expected);
      assertThat(out.copy(0)).as(a).isEqualTo(expected);
      assertThat(expected)
          .isEqualTo(t.render("a", a, "b", a).markup().getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void anAttributeValueLosesItsQuotesOnlyWhenNothingInItCanEndIt() {
    Template t = Template.parse("t", "<a href=\"{{h}}\" class=\"{{c}}\">{{n}}</a>");
    String[][] values = {
      {"p/P001.html", "m", "x"},
      {"p/P 001.html", "m leaf", "x"},
      {"", "", ""},
      {"a=b", "a>b", "x"},
      {"ü", "a`b", "x"},
      {"#x", "-_.:#/~+", "x"},
    };
    for (String[] v : values) {
      PageBytes out = PageBytes.unshared();
      t.fill(out).text("h", v[0]).text("c", v[1]).text("n", v[2]).end();
      assertThat(out.text()).isEqualTo(t.render("h", v[0], "c", v[1], "n", v[2]).markup());
    }
    PageBytes out = PageBytes.unshared();
    t.fill(out).text("h", "p/P001.html").text("c", "x\" onclick=\"y").text("n", "n").end();
    assertThat(out.text()).isEqualTo("<a href=p/P001.html class=\"x&quot; onclick=&quot;y\">n</a>");
  }

  @Test
  void numbersAreDigits() {
    Template t = Template.parse("t", "<p id=\"n{{n}}\">{{m}}</p>");
    for (long n : new long[] {0, 7, -42, 1234567890123L, Long.MIN_VALUE, Long.MAX_VALUE}) {
      PageBytes out = PageBytes.unshared();
      t.fill(out).number("n", n).number("m", n).end();
      assertThat(out.text()).isEqualTo(t.render("n", n, "m", n).markup());
    }
  }

  @Test
  void aMarkupPlaceTakesHtmlOrWhatTheCallerWritesInItsTurn() {
    Template outer = Template.parse("outer", "<div class=\"{{c}}\">{{{body}}}</div>{{{tail}}}");
    Template inner = Template.parse("inner", "<b>{{x}}</b>");
    PageBytes out = PageBytes.unshared();
    Filling f = outer.fill(out).text("c", "box").open("body");
    inner.fill(out).text("x", HOSTILE).end();
    inner.fill(out).text("x", "2").end();
    f.html("tail", Html.text(HOSTILE)).end();
    assertThat(out.text())
        .isEqualTo(
            outer
                .render(
                    "c",
                    "box",
                    "body",
                    Html.join(
                        java.util.List.of(inner.render("x", HOSTILE), inner.render("x", "2"))),
                    "tail",
                    Html.text(HOSTILE))
                .markup());
  }

  @Test
  void mistakesFailWithTheTemplatesName() {
    Template t = Template.parse("row", "<tr><td>{{a}}<td>{{{b}}}");
    PageBytes out = PageBytes.unshared();
    assertThatThrownBy(() -> t.fill(out).text("b", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row")
        .hasMessageContaining("{{a}} comes next");
    assertThatThrownBy(() -> t.fill(out).html("a", Html.EMPTY))
        .hasMessageContaining("{{a}} takes text");
    assertThatThrownBy(() -> t.fill(out).text("a", "1").text("b", "<b>"))
        .hasMessageContaining("{{{b}}} takes Html");
    assertThatThrownBy(() -> t.fill(out).text("a", null)).hasMessageContaining("not null");
    assertThatThrownBy(() -> t.fill(out).text("a", "1").end())
        .hasMessageContaining("no value for {{b}}");
    assertThatThrownBy(() -> t.fill(out).text("a", "1").open("b").text("c", "x"))
        .hasMessageContaining("no place left for c");
  }
}
