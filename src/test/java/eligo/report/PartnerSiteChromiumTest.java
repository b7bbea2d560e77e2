package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.OutputFolder;
import eligo.testing.Browser;
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
      return Markup.read(site.resolve(file));
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
    Matcher m =
        Pattern.compile("<a href=\"(c[0-9]+-[0-9]+)\\.html#([^\"]+)\">([^<]+)</a>").matcher(index);
    int books = CustomerBooks.count(expected.size());
    while (m.find()) {
      assertThat(m.group(1)).isEqualTo(CustomerBooks.of(m.group(3), books));
      assertThat(m.group(2)).isEqualTo(SiteNames.of(m.group(3)));
      shown.add(m.group(3));
    }
    assertThat(shown).isEqualTo(expected);
    try (Stream<Path> pages = Files.list(site)) {
      assertThat(
              pages
                  .map(p -> p.getFileName().toString())
                  .filter(p -> p.matches("c[0-9]+-[0-9]+\\.html"))
                  .toList())
          .containsExactlyInAnyOrderElementsOf(
              expected.stream()
                  .map(id -> CustomerBooks.of(id, books) + ".html")
                  .distinct()
                  .toList());
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
    Map<String, Integer> shownCounts = SummaryCounts.of(summary);
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
  void theSummarysTenantCountsAreTheTenantsOfEachGroupsCustomers() {
    Dataset data = whole.data;
    SummaryView own = SummaryView.of(whole, PARTNER, null, null);
    List<Long> expected = new ArrayList<>();
    for (SummaryView.Area a : own.areas()) {
      for (SummaryView.Node n : a.nodes()) {
        for (SummaryView.Group g : n.groups()) {
          long tenants = 0;
          for (int c : g.members()) {
            tenants += data.tenantEnd(c) - data.tenantStart(c);
          }
          expected.add(tenants);
        }
      }
    }
    String index = read("index.html");
    assertThat(index).contains("<input type=\"radio\" name=\"by\" id=\"by-t\">");
    List<Long> shown = new ArrayList<>();
    // each node's line of tenants, in the diagram's order (that of the result nodes)
    Matcher line = Pattern.compile("class=\"by-t\">Tenants: ([^<]*)</text>").matcher(index);
    while (line.find()) {
      Matcher m = Pattern.compile("[A-Za-z ]+ ([0-9]+)").matcher(line.group(1));
      while (m.find()) {
        shown.add(Long.parseLong(m.group(1)));
      }
    }
    assertThat(shown).isEqualTo(expected);
    assertThat(expected.stream().mapToLong(Long::longValue).sum()).isPositive();
  }

  @Test
  void noFileOfTheSiteHoldsAnythingOfAnotherPartner() throws Exception {
    Dataset data = whole.data;
    ForeignText forbidden = new ForeignText();
    Set<String> others = new TreeSet<>();
    for (int c = 0; c < data.customerCount(); c++) {
      if (!data.partnerId(c).equals(PARTNER)) {
        others.add(data.partnerId(c));
        forbidden.add(data.customerId(c));
        forbidden.add(data.customerName(c));
      }
    }
    others.forEach(forbidden::add);
    assertThat(others).hasSize(11);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(site)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files.stream().map(f -> site.relativize(f).toString().replace('\\', '/')))
        .as("the site's files")
        .containsExactlyInAnyOrder(
            ".eligo-output",
            "index.html",
            "lists.html",
            "customers.html",
            "c1-0.html",
            "results.csv",
            "site.css",
            "site.js");
    for (Path f : files) {
      assertThat(forbidden.foundIn(Files.readString(f, StandardCharsets.UTF_8)))
          .as("another partner's text in %s", site.relativize(f))
          .isNull();
    }
    // and the names of files
    for (Path f : files) {
      for (String p : others) {
        assertThat(site.relativize(f).toString()).doesNotContain(SiteNames.of(p));
      }
    }
  }

  /** The section of area {@code area} of the lists page (its markup or DOM). */
  static String areaSection(String page, String area) {
    int from = page.indexOf("<section id=\"a-" + SiteNames.of(area) + "\" class=\"area\"");
    assertThat(from).as("the section of %s", area).isNotNegative();
    return page.substring(from, page.indexOf("</section>", from));
  }

  /**
   * The customer ids the lists page shows for the fragment {@code GROUP:AREA:NODE}, as site.js
   * picks them: in the area's section, the table's rows whose cell at the node's column is in the
   * group, and the customers the first gates stopped when they are in it (not met at a first gate,
   * not evaluated elsewhere).
   */
  static List<String> listed(String lists, String group, String area, String node) {
    String page = areaSection(lists, area);
    int table = page.indexOf("<table class=\"rows\">");
    assertThat(table).isNotNegative();
    String body = page.substring(table, page.indexOf("</table>", table));
    String[] rows = body.split("<tr>", -1);
    List<String> columns = new ArrayList<>();
    Matcher th = Pattern.compile("<th(?: data-node=\"([^\"]*)\")?>").matcher(rows[1]);
    while (th.find()) {
      columns.add(th.group(1));
    }
    int col = columns.indexOf(node);
    assertThat(col).as("the column of %s", node).isGreaterThan(1);
    List<String> out = new ArrayList<>();
    Pattern customer = Pattern.compile("^<td><a href=\"c[0-9]+-[0-9]+\\.html#[^\"]+\">([^<]+)</a>");
    for (int r = 2; r < rows.length; r++) {
      Matcher id = customer.matcher(rows[r]);
      assertThat(id.find()).as("row %s", rows[r]).isTrue();
      String[] cells = rows[r].split("<td", -1);
      // cells[0] is empty, then the customer, its name and the nodes
      // a cell of no class is not evaluated
      Matcher cls = Pattern.compile("^ class=\"([^\"]*)\">").matcher(cells[col + 1]);
      boolean classed = cls.find();
      assertThat(classed || cells[col + 1].startsWith(">–"))
          .as("cell %s of %s", col, id.group(1))
          .isTrue();
      if (List.of(classed ? cls.group(1).split(" ") : new String[] {"ne"})
          .contains(OutcomeClass.of(group))) {
        out.add(id.group(1));
      }
    }
    int stopped = page.indexOf("<div class=\"stopped\" data-gates=\"");
    if (stopped >= 0) {
      int from = stopped + "<div class=\"stopped\" data-gates=\"".length();
      List<String> gates = List.of(page.substring(from, page.indexOf('"', from)).split(" "));
      boolean first = gates.contains(node);
      if (first ? group.equals("not_met") : group.equals("not_evaluated")) {
        Matcher a =
            Pattern.compile("<a href=\"c[0-9]+-[0-9]+\\.html#[^\"]+\">([^<]+)</a>")
                .matcher(page.substring(stopped, page.indexOf("</div>", stopped)));
        while (a.find()) {
          out.add(a.group(1));
        }
      }
    }
    return out;
  }

  @Test
  void theTreeDiagramsCountsLeadToTheirLists() throws Exception {
    int checked = 0;
    Map<String, String> lists = new TreeMap<>();
    String summary = dom(site.resolve("index.html"));
    assertThat(summary).contains("class=\"diagram\"");
    for (Outcome.AreaOutcome area : mine.areas) {
      Matcher node =
          Pattern.compile(
                  "<g class=\"d[gmx]\">.*?<a href=\"#a-"
                      + Pattern.quote(SiteNames.of(area.area.id()))
                      + "\\.n-([^\"]+)\">(.*?)</g>")
              .matcher(summary);
      while (node.find()) {
        String id = SummaryCounts.decode(node.group(1));
        Matcher count =
            Pattern.compile(
                    "<a href=\"([^\"#]+)#([a-z_]+):([^\":]+):([^\"]+)\">([^<0-9]*)([0-9]+)</a>")
                .matcher(node.group(2));
        while (count.find()) {
          String group = count.group(2);
          assertThat(count.group(5))
              .as("the words of the link to the %s list", group)
              .isEqualTo(
                  switch (group) {
                    case "met" -> "Met ";
                    case "not_met" -> "Not met ";
                    case "not_evaluated" -> "Not evaluated ";
                    case "growth" -> "With growth ";
                    case "decline" -> "In decline ";
                    default -> "No change ";
                  });
          assertThat(count.group(3)).isEqualTo(SiteNames.of(area.area.id()));
          assertThat(count.group(4)).isEqualTo(SiteNames.of(id));
          assertThat(count.group(1)).isEqualTo("lists.html");
          // the list page as written (read, not loaded: one browser per link is slow; site.js
          // itself is checked in a browser below)
          String list = lists.computeIfAbsent(count.group(1), PartnerSiteChromiumTest::read);
          List<String> rows = listed(list, group, area.area.id(), count.group(4));
          assertThat(rows)
              .as("%s %s %s", area.area.id(), id, group)
              .hasSize(Integer.parseInt(count.group(6)));
          for (String customer : rows) {
            int c = Runs.customer(whole, customer);
            int ni = whole.area(area.area.id()).nodeIndex(id);
            byte status = whole.area(area.area.id()).status(c, ni);
            switch (group) {
              case "met" -> assertThat(status).isEqualTo(NodeResults.MET);
              case "not_met" -> assertThat(status).isEqualTo(NodeResults.NOT_MET);
              case "not_evaluated" -> assertThat(status).isEqualTo(NodeResults.NOT_EVALUATED);
              default ->
                  assertThat(status)
                      .as("%s at %s", customer, id)
                      .isNotEqualTo(NodeResults.NOT_EVALUATED);
            }
          }
          checked++;
        }
      }
    }
    assertThat(checked).as("count links checked").isGreaterThan(50);
    // each node's title in the diagram leads to its criteria under it
    Matcher title =
        Pattern.compile("<tspan>[a-z]+</tspan> <a href=\"#([^\"]+)\">").matcher(summary);
    int titles = 0;
    while (title.find()) {
      assertThat(summary).contains("<section id=\"" + title.group(1) + "\" class=\"node");
      titles++;
    }
    assertThat(titles).isGreaterThan(30);
  }

  @Test
  void aWhysNamedSetLeadsToTheListOfItsMembersOnTheSummary() throws Exception {
    String summary = dom(site.resolve("index.html"));
    int links = 0;
    try (var pages = java.nio.file.Files.list(site)) {
      for (Path page :
          pages.filter(p -> p.getFileName().toString().matches("c[0-9].*\\.html")).toList()) {
        Matcher link =
            Pattern.compile(
                    "<a href=\"index\\.html#(set-[0-9]+)\">one of ([0-9]+) named workloads</a>")
                .matcher(dom(page));
        while (link.find()) {
          Matcher set =
              Pattern.compile(
                      "<p class=\"set\" id=\""
                          + link.group(1)
                          + "\">The "
                          + link.group(2)
                          + " named workloads: ([^<]+)\\.</p>")
                  .matcher(summary);
          assertThat(set.find()).as("%s on the summary", link.group(1)).isTrue();
          assertThat(set.group(1).split(", ")).hasSize(Integer.parseInt(link.group(2)));
          links++;
        }
      }
    }
    assertThat(links).isGreaterThan(20);
  }

  @Test
  void aCustomersLinkShowsOnlyItsSectionWithItsFilterAndAreaLinksAndAStoppedAreaSaysWhy()
      throws Exception {
    String index = read("customers.html");
    Matcher link = Pattern.compile("<a href=\"(c[0-9]+-[^\"]+)\">([^<]+)</a>").matcher(index);
    int stoppedSections = 0;
    int checked = 0;
    try (Browser b = new Browser(Files.createTempDirectory(tmp, "browser"))) {
      while (link.find() && checked < 6) {
        checked++;
        String id = link.group(2);
        String anchor = SiteNames.of(id);
        b.open(site.resolve(link.group(1).replace("#" + anchor, "")).toUri() + "#" + anchor);
        b.waitUntil("location.hash === '#" + anchor + "'");
        // the book shows the one customer of the link, and says so in its title
        assertThat(
                b.text(
                    "[...document.querySelectorAll('section.customer')]"
                        + ".filter(s => s.offsetParent !== null).map(s => s.id).join(' ')"))
            .isEqualTo(anchor);
        assertThat(b.text("document.title")).isEqualTo("Customer " + id);
        assertThat(b.text("document.getElementById('gone').hidden + ''")).isEqualTo("true");
        // the outcome filter and the area links are added by site.js
        String shown =
            b.text("document.getElementById('" + anchor + "').parentNode.parentNode.outerHTML");
        assertThat(shown).contains("id=\"f-m\"", "id=\"f-nm\"", "id=\"f-ne\"");
        String section = b.text("document.getElementById('" + anchor + "').outerHTML");
        Matcher area =
            Pattern.compile("<a href=\"#(" + anchor + "\\.a-[^\"]+)\">").matcher(section);
        int areas = 0;
        while (area.find()) {
          assertThat(section).contains("id=\"" + area.group(1) + "\"");
          areas++;
        }
        assertThat(areas).as("area links of %s", id).isEqualTo(mine.areas.size());
        int stopped = section.indexOf("<h2 id=\"" + anchor + ".stopped\">");
        if (stopped >= 0) {
          stoppedSections++;
          assertThat(section.substring(stopped)).contains("needed: ");
        }
      }
      // a link to a customer the book does not hold says so
      b.open(site.resolve(link.group(1).replaceAll("#.*", "")).toUri() + "#_nobody");
      b.waitUntil("location.hash === '#_nobody'");
      assertThat(b.text("document.getElementById('gone').hidden + ''")).isEqualTo("false");
    }
    assertThat(checked).isEqualTo(6);
    assertThat(stoppedSections).as("customers with an area stopped at its first gate").isPositive();
  }

  /**
   * The areas each customer's section shows, in JavaScript: the titles of its area headings shown
   * and of its rows shown among the areas stopped at their first gate, joined by '|', per section
   * joined by '/'.
   */
  private static final String AREAS_SHOWN =
      "[...document.querySelectorAll('section.customer')].map(s => [...s.querySelectorAll("
          + "'h2[id*=\".a-\"], h2[id$=\".stopped\"] + table tr:not(:first-child)')]"
          + ".filter(e => e.offsetParent !== null && !e.closest('[hidden]'))"
          + ".map(e => e.tagName === 'TR' ? e.cells[0].textContent"
          + " : e.firstChild.textContent.replace(/:\\s*$/, '')).join('|')).join('/')";

  /** Chooses {@code title} in a book's area filter ("" for every area), as a user's change does. */
  private static void chooseArea(Browser b, String title) throws Exception {
    b.text(
        "(() => { const f = document.getElementById('f-area'); f.value = "
            + com.fasterxml.jackson.databind.node.TextNode.valueOf(title)
            + "; f.dispatchEvent(new Event('change')); return ''; })()");
  }

  @Test
  void aBooksAreaFilterShowsEachCustomerInThatAreaOnly() throws Exception {
    String index = read("customers.html");
    Matcher link = Pattern.compile("<a href=\"(c[0-9]+-[0-9]+\\.html)#").matcher(index);
    assertThat(link.find()).isTrue();
    List<String> titles = mine.areas.stream().map(a -> a.area.title()).toList();
    try (Browser b = new Browser(Files.createTempDirectory(tmp, "browser"))) {
      b.open(site.resolve(link.group(1)).toUri().toString());
      b.waitUntil("document.getElementById('f-area') !== null");
      int sections =
          Integer.parseInt(b.text("document.querySelectorAll('section.customer').length + ''"));
      assertThat(sections).isGreaterThan(1);
      // every area once per customer, before any is chosen: the filter's choices are the areas
      String all = b.text(AREAS_SHOWN);
      for (String section : all.split("/", -1)) {
        // (an area its first gates stopped has a row per branch)
        assertThat(new java.util.HashSet<>(List.of(section.split("\\|"))))
            .containsExactlyInAnyOrderElementsOf(titles);
      }
      List<String> options =
          List.of(
              b.text(
                      "[...document.getElementById('f-area').options]"
                          + ".map(o => o.textContent).join('|')")
                  .split("\\|"));
      assertThat(options.get(0)).isEqualTo("All areas");
      assertThat(options.subList(1, options.size())).containsExactlyInAnyOrderElementsOf(titles);
      for (String title : titles) {
        chooseArea(b, title);
        String[] shown = b.text(AREAS_SHOWN).split("/", -1);
        assertThat(shown).hasSize(sections);
        for (String section : shown) {
          assertThat(section.split("\\|"))
              .as("a customer's areas shown with %s chosen", title)
              .containsOnly(title);
        }
      }
      chooseArea(b, "");
      assertThat(b.text(AREAS_SHOWN)).isEqualTo(all);
    }
  }

  @Test
  void aListPageShowsOnlyTheCustomersOfTheLinkItCameBy() throws Exception {
    Path page = site.resolve("lists.html");
    String raw = Markup.read(page);
    for (String[] link :
        List.of(
            new String[] {"not_met", "modern-work-smb", "workloads"},
            new String[] {"not_evaluated", "modern-work-smb", "pau"},
            new String[] {"met", "azure", "association"})) {
      String shown =
          HtmlReportChromiumTest.dom(
              page.toUri() + "#" + link[0] + ":" + SiteNames.of(link[1]) + ":" + link[2], tmp);
      // only the link's area shows
      Matcher section =
          Pattern.compile("<section id=\"a-([^\"]+)\" class=\"area\"( hidden=\"\")?>")
              .matcher(shown);
      int areas = 0;
      while (section.find()) {
        areas++;
        assertThat(section.group(2) == null)
            .as("the section of %s shown", section.group(1))
            .isEqualTo(section.group(1).equals(SiteNames.of(link[1])));
      }
      assertThat(areas).isEqualTo(mine.areas.size());
      String area = areaSection(shown, link[1]);
      List<String> visible = new ArrayList<>();
      Matcher row =
          Pattern.compile(
                  "<tr( hidden=\"\")?><td><a href=\"c[0-9]+-[0-9]+\\.html#[^\"]+\">([^<]+)</a>")
              .matcher(area);
      while (row.find()) {
        if (row.group(1) == null) {
          visible.add(row.group(2));
        }
      }
      int stopped = area.indexOf("<div class=\"stopped\"");
      if (stopped >= 0 && !area.substring(stopped, area.indexOf('>', stopped)).contains("hidden")) {
        Matcher a =
            Pattern.compile("<a href=\"c[0-9]+-[0-9]+\\.html#[^\"]+\">([^<]+)</a>")
                .matcher(area.substring(stopped, area.indexOf("</div>", stopped)));
        while (a.find()) {
          visible.add(a.group(1));
        }
      }
      List<String> expected = listed(raw, link[0], link[1], link[2]);
      assertThat(expected).as("%s at %s %s", link[0], link[1], link[2]).isNotEmpty();
      assertThat(visible)
          .as("%s at %s %s", link[0], link[1], link[2])
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(shown).contains(", " + expected.size() + " customer");
    }
  }

  /**
   * On a partner's site the search's results are the customer and its name, each linked to its
   * section, without the partner after every one (before: {@code C0000021 Fabrikam, Inc. 21 (P003)}
   * for each result of the partner's own site); the index holds no partner field.
   */
  @Test
  void theSearchOnAPartnersSiteListsCustomersWithoutRepeatingThePartner() throws Exception {
    String html = read("customers.html");
    assertThat(html).doesNotContain("\"" + PARTNER + "\",\"c");
    String dom = HtmlReportChromiumTest.dom(site.resolve("customers.html").toUri() + "#q=C", tmp);
    Matcher hits =
        Pattern.compile("<p id=\"hits\" aria-live=\"polite\">([0-9]+) found</p>").matcher(dom);
    assertThat(hits.find()).isTrue();
    int found = Integer.parseInt(hits.group(1));
    assertThat(found).isEqualTo(mine.data.customerCount());
    Matcher li =
        Pattern.compile("<li><a href=\"(c[0-9]+-[0-9]+\\.html#[^\"]+)\">([^<]+)</a>([^<]*)</li>")
            .matcher(dom);
    int shown = 0;
    while (li.find()) {
      shown++;
      assertThat(li.group(1)).endsWith("#" + SiteNames.of(li.group(2)));
      assertThat(li.group(3)).as(li.group(2)).doesNotEndWith("(" + PARTNER + ")");
    }
    assertThat(shown).isEqualTo(Math.min(found, 100));
  }

  /**
   * On a phone (390 px) and on a laptop (1280 px) no page scrolls sideways as a whole. On the
   * summary and the lists, an area's tree diagram (840 px) and its list (a column per node, 1,400
   * px for Security) scroll in their own section, so the headings, the navigation and the text stay
   * in view; no section gets a scroll bar of its own downwards. In the customers' list a long name
   * without spaces wraps. On a customer's page, a phone shows each node's row as a block (its
   * title, outcome, value and why one under the other), a laptop the table.
   */
  @Test
  void theSummaryAndTheListsFitTheScreenTheirWideTablesAndTreesScrollInTheirSection()
      throws Exception {
    try (Browser b = new Browser(Files.createTempDirectory(tmp, "browser"))) {
      for (int width : new int[] {390, 1280}) {
        b.call(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        for (String page : List.of("index.html", "lists.html", "customers.html", "c1-0.html")) {
          b.open(site.resolve(page).toUri().toString());
          String where = page + " at " + width + " px";
          assertThat(b.eval("document.documentElement.scrollWidth").asInt())
              .as(where)
              .isLessThanOrEqualTo(width);
          // the summary and the lists hold something wider than the screen at 390 px: it scrolls
          // in its section
          if (width == 390 && !page.startsWith("c")) {
            assertThat(
                    b.eval(
                            "[...document.querySelectorAll('section')]"
                                + ".filter(s => s.scrollWidth > s.clientWidth).length")
                        .asInt())
                .as(where)
                .isPositive();
          }
          assertThat(
                  b.text(
                      "[...document.querySelectorAll('section')]"
                          + ".filter(s => s.scrollHeight > s.clientHeight + 1)"
                          + ".map(s => s.id).join(' ')"))
              .as(where)
              .isEmpty();
          if (page.equals("c1-0.html")) {
            assertThat(
                    b.text(
                        "getComputedStyle(document.querySelector('section.customer>table'))"
                            + ".display"))
                .as(where)
                .isEqualTo(width == 390 ? "block" : "table");
          }
        }
      }
    }
  }

  @Test
  void aRerunReplacesTheSiteWholeAndAFolderNotOursIsRefused() throws Exception {
    Path again = tmp.resolve("again");
    PartnerSite.write(Runs.partner(whole, "P001"), again, Evaluation.Progress.NONE);
    Files.writeString(again.resolve("left-over.html"), "stale");
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
