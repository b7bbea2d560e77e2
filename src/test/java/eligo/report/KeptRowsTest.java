package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.report.html.Html;
import eligo.report.html.PageBytes;
import eligo.report.html.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A customer's node row kept by its texts' identity ({@link KeptRows}) is the row those texts make,
 * escaped: given again, it writes the same bytes; other texts, even with the same characters or
 * differing only in one text, write their own.
 */
class KeptRowsTest {
  private static final Template NODE = SitePages.SITE.get("customerNode");

  private static final String HOSTILE = "<script>alert('x')</script> & \"q\" › 名前";

  private static String made(String... v) {
    return NODE.render(
            "status",
            v[0],
            "leaf",
            v[1],
            "title",
            v[2],
            "statusText",
            v[3],
            "current",
            v[4],
            "details",
            Html.EMPTY,
            "why",
            v[5],
            "set",
            Html.EMPTY,
            "whyAfter",
            "")
        .markup();
  }

  private static String kept(String... v) {
    PageBytes out = PageBytes.unshared();
    KeptRows.get().node(out, NODE, v[0], v[1], v[2], v[3], v[4], v[5], null);
    return out.text();
  }

  @Test
  void aRowsNamedSetLeadsToItsListAndAKeptRowKeepsItsLink() {
    SetLinks.Link link = new SetLinks.Link("one of 9 named workloads", "set-3");
    String why = "no <b> association on one of 9 named workloads in 2024-10..2026-09";
    for (int round = 0; round < 2; round++) {
      PageBytes out = PageBytes.unshared();
      KeptRows.get().node(out, NODE, "nm", "", "Partner association", "Not met", "", why, link);
      assertThat(out.text())
          .endsWith(
              "<td>no &lt;b&gt; association on <a href=index.html#set-3>one of 9 named"
                  + " workloads</a> in 2024-10..2026-09");
      // the same texts without the link: not the row kept with it
      assertThat(kept("nm", "", "Partner association", "Not met", "", why))
          .endsWith("<td>" + Html.escape(why));
    }
  }

  @Test
  void aKeptRowIsTheRowOfItsOwnTexts() {
    String[][] rows = {
      {"m", "", "Azure services", "Met", "2 workloads", ""},
      {"nm", " leaf", HOSTILE, "Not met", HOSTILE, HOSTILE},
      {"nm", " leaf", HOSTILE, "Not met", HOSTILE, new String(HOSTILE + "!")},
      {"m x\" onclick=\"y", "", "t", "Met", "", ""},
    };
    for (int round = 0; round < 3; round++) {
      for (String[] row : rows) {
        assertThat(kept(row)).isEqualTo(made(row));
      }
    }
    assertThat(kept(rows[1]))
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;q&quot; › 名前");
    // a row of other strings with the same characters: the same bytes, made again
    String[] copy = new String[6];
    for (int k = 0; k < 6; k++) {
      copy[k] = new String(rows[1][k]);
    }
    assertThat(kept(copy)).isEqualTo(made(rows[1]));
    // one text other: its own row, never the one kept
    String[] other = rows[1].clone();
    other[4] = "3 tenants";
    assertThat(kept(other)).isEqualTo(made(other)).isNotEqualTo(made(rows[1]));
  }

  @Test
  void theTitlesOfARunAndTheGateThatStoppedItAreTheSameStringsEachTime() {
    KeptRows rows = KeptRows.get();
    List<String> titles = List.of("A", "B <b>", "C");
    String joined = rows.titles(titles, 0, 2);
    assertThat(joined).isEqualTo("A, B <b>, C");
    assertThat(rows.titles(List.of("A", "B <b>", "C"), 0, 2)).isSameAs(joined);
    assertThat(rows.titles(titles, 1, 2)).isEqualTo("B <b>, C");
    String why = "not evaluated: gate 'Azure services' was not met (1 workload; needed: 2)";
    String by = rows.stoppedBy(why);
    assertThat(by).isEqualTo("gate 'Azure services' was not met");
    assertThat(rows.stoppedBy(new String(why))).isSameAs(by);
    assertThat(rows.stoppedBy("not evaluated: gate 'X' was not met (y)"))
        .isEqualTo("gate 'X' was not met");
  }

  @Test
  void anAreasVerdictIsItsNumbersOfNodesTheSameStringEachTime() {
    KeptRows rows = KeptRows.get();
    assertThat(rows.verdict(5, 0, 0)).isEqualTo("every node met");
    assertThat(rows.verdict(0, 0, 0)).isEqualTo("every node met");
    assertThat(rows.verdict(1, 1, 3)).isEqualTo("1 met, 1 not met, 3 not evaluated");
    assertThat(rows.verdict(0, 2, 0)).isEqualTo("2 not met");
    assertThat(rows.verdict(4, 0, 1)).isEqualTo("4 met, 1 not evaluated");
    assertThat(rows.verdict(1, 1, 3)).isSameAs(rows.verdict(1, 1, 3));
    // beyond the table: made each time, still right
    assertThat(rows.verdict(40, 1, 0)).isEqualTo("40 met, 1 not met");
  }

  @Test
  void aKeptRowOfTheStoppedAreasIsTheRowOfItsOwnTexts() {
    Template stop = SitePages.SITE.get("customerStop");
    String[][] rows = {
      {"Azure", "Azure services", "as above"},
      {HOSTILE, HOSTILE, HOSTILE},
      {HOSTILE, HOSTILE, new String(HOSTILE)},
      {"Security", "Security workloads", "no workload in 2026-09; needed: 1"},
    };
    for (int round = 0; round < 3; round++) {
      for (String[] row : rows) {
        PageBytes out = PageBytes.unshared();
        KeptRows.get().stop(out, stop, row[0], row[1], row[2]);
        String made =
            stop.render("anchor", Html.EMPTY, "area", row[0], "gate", row[1], "why", row[2])
                .markup();
        assertThat(out.text()).isEqualTo(made).doesNotContain("<script>");
      }
    }
  }
}
