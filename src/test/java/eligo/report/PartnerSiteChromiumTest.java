package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.OutputFolder;
import eligo.report.html.Html;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One partner's site of the sample data (400 customers, 12 partners) as a browser sees it: every
 * customer of the partner and nothing of any other partner, in the pages and in every file; the
 * tree diagram's counts lead to the right lists; a rerun leaves nothing of the previous site.
 */
@Needs(Requirement.CHROMIUM)
class PartnerSiteChromiumTest {
  static final String PARTNER = "P003";

  @TempDir static Path tmp;
  static Outcome whole;
  static Outcome mine;
  static Path site;

  @BeforeAll
  static void writeSite() throws IOException {
    whole = Runs.run(Path.of("examples/sample-data"));
    mine = Runs.partner(whole, PARTNER);
    site = tmp.resolve("site");
    PartnerSite.write(mine, site, Evaluation.Progress.NONE);
  }

  private static String read(String file) {
    try {
      return Files.readString(site.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String dom(Path page) throws Exception {
    return HtmlReportChromiumTest.dom(page.toUri().toString(), tmp);
  }

  @Test
  void theSiteShowsEveryCustomerOfThePartnerAndTheirOwnCounts() throws Exception {
    Dataset data = whole.data;
    Set<String> expected = new TreeSet<>();
    for (int c = 0; c < data.customerCount(); c++) {
      if (data.partnerId(c).equals(PARTNER)) {
        expected.add(data.customerId(c));
      }
    }
    assertThat(expected).hasSizeGreaterThan(20);
    String index = dom(site.resolve("customers.html"));
    Set<String> shown = new TreeSet<>();
    Matcher m = Pattern.compile("<a href=\"c/([^\"]+)\\.html\">([^<]+)</a>").matcher(index);
    while (m.find()) {
      assertThat(m.group(1)).isEqualTo(SiteNames.of(m.group(2)));
      shown.add(m.group(2));
    }
    assertThat(shown).isEqualTo(expected);
    try (Stream<Path> pages = Files.list(site.resolve("c"))) {
      assertThat(pages.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrderElementsOf(
              expected.stream().map(id -> SiteNames.of(id) + ".html").toList());
    }
    // The partner's summary counts are its counts of the whole run.
    String summary = dom(site.resolve("index.html"));
    SummaryView own = SummaryView.of(whole, PARTNER, null, null);
    Map<String, Integer> counts = new TreeMap<>();
    for (SummaryView.Area a : own.areas()) {
      for (SummaryView.Node n : a.nodes()) {
        for (SummaryView.Group g : n.groups()) {
          counts.put(a.id() + "|" + n.id() + "|" + g.key(), g.count());
        }
      }
    }
    Map<String, Integer> shownCounts = new TreeMap<>();
    Matcher c =
        Pattern.compile(
                "class=\"count\" data-area=\"([^\"]*)\" data-node=\"([^\"]*)\" data-group=\"([^\"]*)\"[^>]*>([0-9]+)<")
            .matcher(summary);
    while (c.find()) {
      shownCounts.put(
          c.group(1) + "|" + c.group(2) + "|" + c.group(3), Integer.parseInt(c.group(4)));
    }
    assertThat(shownCounts).isEqualTo(counts);
    assertThat(summary).contains(expected.size() + " customers, as of");
    Matcher totals = Pattern.compile("data-partner=\"([^\"]*)\"").matcher(summary);
    int partnerTotals = 0;
    while (totals.find()) {
      assertThat(totals.group(1)).isEqualTo(PARTNER);
      partnerTotals++;
    }
    assertThat(partnerTotals).as("the partner's own standing at partner-level goals").isPositive();
  }

  @Test
  void noFileOfTheSiteHoldsAnythingOfAnotherPartner() throws Exception {
    Dataset data = whole.data;
    List<Pattern> forbidden = new ArrayList<>();
    Set<String> others = new TreeSet<>();
    for (int c = 0; c < data.customerCount(); c++) {
      if (!data.partnerId(c).equals(PARTNER)) {
        others.add(data.partnerId(c));
        for (String s : List.of(data.customerId(c), data.customerName(c))) {
          forbidden.addAll(forms(s));
        }
      }
    }
    for (String p : others) {
      forbidden.addAll(forms(p));
    }
    assertThat(others).hasSize(11);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(site)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files.size()).isGreaterThan(40);
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      for (Pattern p : forbidden) {
        assertThat(p.matcher(text).find()).as("%s in %s", p, site.relativize(f)).isFalse();
      }
    }
    // and the names of files
    for (Path f : files) {
      for (String p : others) {
        assertThat(site.relativize(f).toString()).doesNotContain(SiteNames.of(p));
      }
    }
  }

  /**
   * A text as it may appear in a file: as it is, escaped for HTML, for JavaScript, as a page name.
   */
  private static List<Pattern> forms(String s) {
    Set<String> texts = new TreeSet<>();
    texts.add(s);
    texts.add(Html.escape(s));
    String js = SitePages.jsString(s);
    texts.add(js.substring(1, js.length() - 1));
    texts.add(SiteNames.of(s));
    texts.add(s.replace("\"", "\"\""));
    List<Pattern> out = new ArrayList<>();
    for (String t : texts) {
      out.add(Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(t) + "(?![0-9])"));
    }
    return out;
  }

  @Test
  void theTreeDiagramsCountsLeadToTheirLists() throws Exception {
    int checked = 0;
    Map<String, String> lists = new TreeMap<>();
    for (Outcome.AreaOutcome area : mine.areas) {
      String tree = dom(site.resolve("tree." + SiteNames.of(area.area.id()) + ".html"));
      assertThat(tree).contains("<svg").contains("class=\"diagram\"");
      Matcher node =
          Pattern.compile("<g class=\"dnode\" data-node=\"([^\"]+)\">(.*?)</g>").matcher(tree);
      while (node.find()) {
        String id = node.group(1);
        int i = area.nodeIndex(id);
        Matcher count =
            Pattern.compile(
                    "<a href=\"([^\"#]+)#([a-z_]+)\" class=\"dcount\" data-group=\"([a-z_]+)\"><text[^>]*>[^<0-9]*([0-9]+)</text></a>")
                .matcher(node.group(2));
        while (count.find()) {
          String group = count.group(3);
          assertThat(count.group(2)).isEqualTo(group);
          // the list file as written (read, not loaded: one browser per list is slow); the
          // customers a node was not evaluated for are those of the gates' Not met lists it links
          String list = lists.computeIfAbsent(count.group(1), PartnerSiteChromiumTest::read);
          List<String[]> rows = new ArrayList<>();
          if (group.equals("not_evaluated")) {
            int start = list.indexOf("<h2 id=\"not_evaluated\">");
            assertThat(start).isNotNegative();
            String part = list.substring(start, list.indexOf("</ul>", start));
            Matcher gate = Pattern.compile("<a href=\"([^\"#]+)#not_met\">").matcher(part);
            while (gate.find()) {
              Path file = site.resolve("lists").resolve(gate.group(1));
              rows.addAll(
                  HtmlReportChromiumTest.section(
                      lists.computeIfAbsent(
                          site.relativize(file).toString(), PartnerSiteChromiumTest::read),
                      "not_met"));
            }
          } else {
            rows.addAll(HtmlReportChromiumTest.section(list, group));
          }
          assertThat(rows)
              .as("%s %s %s", area.area.id(), id, group)
              .hasSize(Integer.parseInt(count.group(4)));
          byte status =
              group.equals("met")
                  ? NodeResults.MET
                  : group.equals("not_met") ? NodeResults.NOT_MET : NodeResults.NOT_EVALUATED;
          for (String[] row : rows) {
            int c = Runs.customer(whole, row[1]);
            assertThat(
                    whole.area(area.area.id()).status(c, whole.area(area.area.id()).nodeIndex(id)))
                .as("%s at %s %s", row[1], area.area.id(), id)
                .isEqualTo(status);
          }
          checked++;
        }
      }
    }
    assertThat(checked).as("count links checked").isGreaterThan(50);
  }

  @Test
  void aRerunReplacesTheSiteWholeAndAFolderNotOursIsRefused() throws Exception {
    Path again = tmp.resolve("again");
    PartnerSite.write(Runs.partner(whole, "P001"), again, Evaluation.Progress.NONE);
    Files.writeString(again.resolve("c").resolve("left-over.html"), "stale");
    PartnerSite.write(mine, again, Evaluation.Progress.NONE);
    try (Stream<Path> a = Files.walk(again);
        Stream<Path> b = Files.walk(site)) {
      assertThat(a.map(again::relativize).map(Path::toString).sorted().toList())
          .isEqualTo(b.map(site::relativize).map(Path::toString).sorted().toList());
    }
    String customers = dom(again.resolve("customers.html"));
    String first = null;
    for (int c = 0; c < whole.data.customerCount() && first == null; c++) {
      first = whole.data.partnerId(c).equals(PARTNER) ? whole.data.customerId(c) : null;
    }
    assertThat(customers).doesNotContain("P001").contains(">" + first + "</a>");
    try (Stream<Path> beside = Files.list(tmp)) {
      assertThat(beside.map(p -> p.getFileName().toString()))
          .as("no temporary folder left beside the site")
          .noneMatch(n -> n.contains(".eligo-"));
    }
    Path foreign = tmp.resolve("documents");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("letter.txt"), "mine");
    assertThatThrownBy(() -> PartnerSite.write(mine, foreign, Evaluation.Progress.NONE))
        .isInstanceOf(OutputFolder.NotOurs.class)
        .hasMessageContaining("did not write");
    assertThat(Files.readString(foreign.resolve("letter.txt"))).isEqualTo("mine");
  }
}
