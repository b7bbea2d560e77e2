package eligo.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.report.html.Templates.Lines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The template step: text is escaped wherever it goes, markup goes in only as {@link Html}, and
 * mistakes fail.
 */
class TemplateTest {
  private static final String HOSTILE =
      "<script>alert(\"x\")</script> & 'q' </td><img src=x onerror=alert(1)>";

  @Test
  void textInAnElementIsEscaped() {
    Html h = Template.parse("t", "<td>{{name}}</td>").render("name", HOSTILE);
    assertThat(h.markup())
        .isEqualTo(
            "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; 'q' &lt;/td&gt;&lt;img src=x onerror=alert(1)&gt;</td>");
  }

  @Test
  void textInAnAttributeCannotLeaveIt() {
    Template t = Template.parse("t", "<a href=\"c/{{id}}.html\" title='{{id}}'>{{id}}</a>");
    String h = t.render("id", "\" onmouseover=\"alert(1)' x='").markup();
    assertThat(h)
        .isEqualTo(
            "<a href=\"c/&quot; onmouseover=&quot;alert(1)' x='.html\" title='&quot; onmouseover=&quot;alert(1)&#39; x=&#39;'>"
                + "&quot; onmouseover=&quot;alert(1)' x='</a>");
    // ' is escaped where it could end the value: in a single-quoted value, and where the template
    // is not known to be outside a tag
    assertThat(h)
        .doesNotContain("\" onmouseover")
        .doesNotContain("title='\"")
        .contains("&#39; x=&#39;'>");
    assertThat(Template.parse("t", " title='{{id}}' id=\"{{id}}\"").render("id", "a'b").markup())
        .isEqualTo(" title='a&#39;b' id=\"a&#39;b\"");
  }

  @Test
  void numbersAreText() {
    assertThat(Template.parse("t", "<p>{{n}} of {{m}}</p>").render("n", 3, "m", 12L).markup())
        .isEqualTo("<p>3 of 12</p>");
  }

  @Test
  void markupGoesInOnlyAsHtmlAndOnlyInATriplePlace() {
    Template t = Template.parse("t", "<div>{{{body}}}</div>");
    assertThat(t.render("body", Html.raw("<b>bold</b>")).markup())
        .isEqualTo("<div><b>bold</b></div>");
    assertThat(t.render("body", Html.text(HOSTILE)).markup())
        .isEqualTo("<div>" + Html.escape(HOSTILE) + "</div>");
    assertThatThrownBy(() -> t.render("body", "<b>bold</b>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{{{body}}} takes Html");
    Template text = Template.parse("t", "<div>{{body}}</div>");
    assertThatThrownBy(() -> text.render("body", Html.raw("<b>bold</b>")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{{body}} takes text");
  }

  @Test
  void aMissingOrUnknownValueFails() {
    Template t = Template.parse("row", "<tr><td>{{a}}</td><td>{{b}}</td></tr>");
    assertThatThrownBy(() -> t.render("a", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("row");
    assertThatThrownBy(() -> t.render("a", "1", "c", "2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no value for {{b}}");
    assertThatThrownBy(() -> t.render("a", "1", "a", "2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no value for {{b}}");
    assertThatThrownBy(() -> t.render("a", "1", "b", "2", "c", "3"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.render("a", null, "b", "2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not null");
    assertThat(t.render("b", "2", "a", "1").markup()).isEqualTo("<tr><td>1</td><td>2</td></tr>");
  }

  @Test
  void aPlaceUsedTwiceTakesOneValue() {
    assertThat(Template.parse("t", "<td class=\"{{s}}\">{{s}}</td>").render("s", "met").markup())
        .isEqualTo("<td class=met>met</td>");
  }

  @Test
  void anAttributeValueLosesItsQuotesOnlyWhenNothingInItCanEndIt() {
    Template t =
        Template.parse(
            "t",
            "<a href=\"../index.html#{{a}}\" class=\"{{s}}{{l}}\" title='{{s}}'>{{s}}</a>"
                + "<rect width=\"{{w}}\" fill=\"#2e7d43\"/><p id=\"x\">a=\"b\" {{s}}</p>");
    assertThat(t.render("a", "a-azure.n-x~2e~y", "s", "met", "l", "", "w", 388).markup())
        .isEqualTo(
            "<a href=../index.html#a-azure.n-x~2e~y class=met title='met'>met</a>"
                + "<rect width=388 fill=\"#2e7d43\"/><p id=x>a=\"b\" met</p>");
    // a space, a quote, an equals sign, an angle bracket, a backquote or an ampersand: the quotes
    // stay, and the text is escaped as before
    for (String v : List.of("not met", "a\"b", "a=b", "a>b", "a`b", "a&b", "a'b")) {
      String h = t.render("a", v, "s", v, "l", "", "w", v).markup();
      assertThat(h)
          .as(v)
          .startsWith(
              "<a href=\"../index.html#" + Html.escapeText(v) + "\" class=\"" + Html.escapeText(v))
          .contains("<rect width=\"" + Html.escapeText(v) + "\" fill=");
    }
    assertThat(t.render("a", "x", "s", "met", "l", " leaf", "w", 1).markup())
        .contains("class=\"met leaf\"");
    // an empty value keeps its quotes; fixed text with it may stand alone
    assertThat(t.render("a", "", "s", "", "l", "", "w", "").markup())
        .startsWith("<a href=../index.html# class=\"\" title=''>")
        .contains("<rect width=\"\" fill=");
    // markup in a value keeps its quotes: what it holds is not known as text
    assertThat(Template.parse("t", "<tr class=\"{{{c}}}\">").render("c", Html.raw("met")).markup())
        .isEqualTo("<tr class=\"met\">");
    assertThatThrownBy(() -> Template.parse("t", "<a href=\"{{h}}>x</a>"))
        .hasMessageContaining("not closed");
  }

  @Test
  void aMalformedPlaceFails() {
    for (String bad :
        List.of(
            "<p>{{ name }}</p>",
            "<p>{{{name}}</p>",
            "<p>{{name}}}</p>",
            "<p>{{#name}}</p>",
            "<p>{{na-me}}</p>",
            "<p>{{</p>")) {
      assertThatThrownBy(() -> Template.parse("t", bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not a place");
    }
  }

  @Test
  void sectionsOfAFile() {
    Templates ts =
        Templates.parse(
            "f.html",
            "{{! a comment }}\n{{#a}}<i>{{x}}</i>{{/a}}\n\n{{#b}}\n<p>\n{{{y}}}</p>\n{{/b}}\n",
            Lines.KEPT);
    assertThat(ts.get("a").render("x", "<").markup()).isEqualTo("<i>&lt;</i>");
    assertThat(ts.get("b").render("y", Html.EMPTY).markup()).isEqualTo("<p>\n</p>\n");
    assertThatThrownBy(() -> ts.get("c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no section c");
  }

  @Test
  void joinedLinesDropTheBreaksAndIndentationButNotTheSpacesInALine() {
    Templates ts =
        Templates.parse(
            "f.html",
            "{{#a}}\n<p>\n  <b>{{x}}</b> and\n  <i>y</i>\n</p>\n{{/a}}{{#b}} id=\"{{x}}\"{{/b}}",
            Lines.JOINED);
    assertThat(ts.get("a").render("x", "1").markup()).isEqualTo("<p><b>1</b> and<i>y</i></p>");
    assertThat(ts.get("b").render("x", "1").markup()).isEqualTo(" id=\"1\"");
  }

  @Test
  void aBadFileFails() {
    assertThatThrownBy(() -> Templates.parse("f.html", "<p>loose</p>{{#a}}x{{/a}}", Lines.KEPT))
        .hasMessageContaining("text outside a section");
    assertThatThrownBy(() -> Templates.parse("f.html", "{{#a}}x", Lines.KEPT))
        .hasMessageContaining("section a is not closed");
    assertThatThrownBy(() -> Templates.parse("f.html", "{{#a}}x{{/a}}{{#a}}y{{/a}}", Lines.KEPT))
        .hasMessageContaining("two sections named a");
    assertThatThrownBy(() -> Templates.parse("f.html", "{{#a}}{{#b}}x{{/b}}{{/a}}", Lines.KEPT))
        .hasMessageContaining("not a place");
    assertThatThrownBy(() -> Templates.load(TemplateTest.class, "no-such.html", Lines.KEPT))
        .hasMessageContaining("no-such.html")
        .hasMessageContaining("missing");
  }

  @Test
  void escapeLeavesPlainTextAlone() {
    assertThat(Html.escape("Contoso Ltd 42")).isEqualTo("Contoso Ltd 42");
    assertThat(Html.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
  }

  @Test
  void escapeKeepsEveryCharacterBesideThoseBeyondLatin1AndOutsideTheBasicPlane() {
    // a character outside the basic plane is two chars but one '?' in Latin-1: the text after it
    // must be neither shifted nor cut, and a character beyond Latin-1 is never taken for one to
    // escape
    assertThat(Html.escape("😀<b>x")).isEqualTo("😀&lt;b&gt;x");
    assertThat(Html.escape("😀😀a<")).isEqualTo("😀😀a&lt;");
    assertThat(Html.escapeText("名前 › 'q' & ü")).isEqualTo("名前 › 'q' &amp; ü");
    assertThat(Html.escape("Ħ ü ?")).isEqualTo("Ħ ü ?");
    Template t = Template.parse("t", "<p title=\"{{a}}\">{{b}}</p>");
    String[] texts = {"plain ASCII 42", "😀 <i>", "ü & ä", "? and ?", "Ħ"};
    for (String a : texts) {
      for (String b : texts) {
        Html h = t.render("a", a, "b", b);
        String expected = "<p title=\"" + Html.escapeText(a) + "\">" + Html.escapeText(b) + "</p>";
        assertThat(h.markup()).isEqualTo(expected);
        assertThat(new String(h.utf8().array(), 0, h.utf8().limit(), StandardCharsets.UTF_8))
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void piecesInsidePiecesMakeTheSameMarkupWhicheverWayItIsRead() {
    Template cell = Template.parse("cell", "<td>{{v}}</td>");
    Template row = Template.parse("row", "<tr>{{{cells}}}</tr>");
    Html a = cell.render("v", "a&b");
    Html rows =
        Html.join(
            List.of(
                row.render("cells", Html.join(List.of(a, cell.render("v", 1)))),
                row.render("cells", Html.join(List.of(), "x")),
                row.render("cells", Html.join(List.of(a, a, Html.EMPTY), " · "))),
            "\n");
    String whole =
        "<tr><td>a&amp;b</td><td>1</td></tr>\n<tr></tr>\n"
            + "<tr><td>a&amp;b</td> · <td>a&amp;b</td> · </tr>";
    assertThat(rows.length()).isEqualTo(whole.length());
    StringBuilder sb = new StringBuilder("[");
    rows.appendTo(sb);
    assertThat(sb.append(']').toString()).isEqualTo("[" + whole + "]");
    assertThat(rows.markup()).isEqualTo(whole);
    assertThat(rows.markup()).isSameAs(rows.markup()); // made whole once
    assertThat(rows.toString()).isEqualTo(whole);
    StringBuilder again = new StringBuilder();
    rows.appendTo(again);
    assertThat(again.toString()).isEqualTo(whole);
    assertThat(a.markup()).isEqualTo("<td>a&amp;b</td>");
  }

  @Test
  void aKeptPieceIsTheRenderOfItsOwnValuesAndItsBytesAreTheMarkups() {
    Template t = Template.parse("t", "<tr class=\"{{c}}\"><td>{{v}}{{{x}}}<td>{{n}}");
    Html attr = Html.attribute("id", "a b");
    Object[][] calls = {
      {"c", "m", "v", HOSTILE, "x", Html.EMPTY, "n", 1},
      {"c", "m", "v", HOSTILE, "x", Html.EMPTY, "n", 1},
      {"c", "m", "v", HOSTILE, "x", Html.EMPTY, "n", 2},
      {"c", "m x", "v", HOSTILE, "x", Html.EMPTY, "n", 1},
      {"c", "m", "v", "名前 › 😀", "x", attr, "n", 1},
      {"c", "m", "v", "名前 › 😀", "x", Html.raw(" id=\"a b\""), "n", 1},
      {"c", "m", "v", "b", "x", Html.join(List.of(attr, attr)), "n", 1},
    };
    for (Object[] values : calls) {
      Html kept = t.renderKept(values.clone());
      Html made = t.render(values.clone());
      assertThat(kept.markup()).isEqualTo(made.markup());
      assertThat(kept.length()).isEqualTo(made.length());
      assertThat(new String(kept.utf8().array(), 0, kept.utf8().limit(), StandardCharsets.UTF_8))
          .isEqualTo(made.markup());
    }
    // the same values give the piece made before; other values, markup made whole included,
    // another
    assertThat(t.renderKept(calls[0].clone())).isSameAs(t.renderKept(calls[1].clone()));
    assertThat(t.renderKept(calls[4].clone())).isSameAs(t.renderKept(calls[5].clone()));
    assertThat(t.renderKept(calls[2].clone()).markup()).endsWith("<td>2");
    assertThat(t.renderKept(calls[3].clone()).markup()).startsWith("<tr class=\"m x\">");
    // mistakes fail as in render
    assertThatThrownBy(() -> t.renderKept("c", "m", "v", "x", "x", "not html", "n", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{{{x}}} takes Html");
  }
}
