package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of sample-1 as a browser sees it: real headless Chromium (Debian's {@code
 * chromium}, which .ci/run installs) loads the pages from file:// and the test reads the DOM it
 * dumps after running the pages' scripts.
 */
@Needs({Requirement.SHARED, Requirement.CHROMIUM})
class HtmlReportChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir static Path tmp;
  static Path site;

  @BeforeAll
  static void writeSite() throws IOException {
    site = tmp.resolve("site");
    HtmlSite.write(Runs.conformance("sample-1"), site, Evaluation.Progress.NONE);
  }

  /** The DOM of a page after Chromium loaded it (scripts run). */
  private static String dom(Path page) throws IOException, InterruptedException {
    return dom(page.toUri().toString());
  }

  private static String dom(String url) throws IOException, InterruptedException {
    return dom(url, tmp);
  }

  /** The DOM of the page at {@code url} after Chromium loaded it; scratch files in {@code tmp}. */
  static String dom(String url, Path tmp) throws IOException, InterruptedException {
    assertThat(Files.isExecutable(CHROMIUM))
        .as(
            "headless Chromium is needed at %s: apt-get install -y chromium (.ci/run installs it)",
            CHROMIUM)
        .isTrue();
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    Path out = Files.createTempFile(tmp, "dom", ".html");
    Process p =
        new ProcessBuilder(eligo.testing.Browser.command(profile, "--dump-dom", url))
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    boolean finished = p.waitFor(90, TimeUnit.SECONDS);
    eligo.testing.ChromiumProfile.stop(p, profile);
    assertThat(finished).as("chromium finished").isTrue();
    assertThat(p.exitValue()).as("chromium exit status").isZero();
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(dom).as("DOM of %s", url).contains("</html>");
    return dom;
  }

  @Test
  void everyCountOnTheSummaryPagesEqualsTheResultsFile() throws Exception {
    String dom = dom(site.resolve("index.html"));
    assertThat(SummaryCounts.of(dom)).isEqualTo(ExpectedCounts.groups("sample-1"));
    Map<String, String> expectedTotals = ExpectedCounts.partnerTotals("sample-1");
    Map<String, Integer> partnersMet = new TreeMap<>();
    Matcher met =
        Pattern.compile(
                "class=\"partners-met\" data-area=\"([^\"]*)\" data-node=\"([^\"]*)\">([0-9]+)<")
            .matcher(dom);
    while (met.find()) {
      partnersMet.put(met.group(1) + "|" + met.group(2), Integer.parseInt(met.group(3)));
    }
    Map<String, Integer> expectedMet = new TreeMap<>();
    expectedTotals.forEach(
        (k, v) ->
            expectedMet.merge(
                k.substring(0, k.lastIndexOf('|')), v.startsWith("met ") ? 1 : 0, Integer::sum));
    assertThat(partnersMet).isEqualTo(expectedMet);
    // Each partner's own page shows its totals.
    Map<String, String> totals = new TreeMap<>();
    List<String> partners = Runs.conformance("sample-1").partners;
    for (int p = 0; p < partners.size(); p++) {
      String page = dom(site.resolve("p").resolve(SiteNames.of(partners.get(p)) + ".html"));
      assertThat(SummaryCounts.of(page))
          .as("counts of partner %s", partners.get(p))
          .isEqualTo(ExpectedCounts.groups("sample-1", partners.get(p)));
      Matcher t =
          Pattern.compile(
                  "class=\"partner-total\" data-area=\"([^\"]*)\" data-node=\"([^\"]*)\" data-partner=\"([^\"]*)\" data-status=\"([^\"]*)\" data-value=\"([^\"]*)\"")
              .matcher(page);
      while (t.find()) {
        totals.put(t.group(1) + "|" + t.group(2) + "|" + t.group(3), t.group(4) + " " + t.group(5));
      }
    }
    assertThat(totals).isEqualTo(expectedTotals);
    assertThat(dom).contains("120 customers of 3 partners, as of 2026-09");
    assertThat(Files.size(site.resolve("index.html")))
        .as("the summary page stays small")
        .isLessThan(200_000);
  }

  /** The customer links of the section of group {@code group} of a list page's DOM. */
  static List<String[]> section(String list, String group) {
    int start = list.indexOf("<h2 id=\"" + group + "\">");
    assertThat(start).as("the section of %s", group).isNotNegative();
    String part = list.substring(start, list.indexOf("</table>", start));
    Matcher rows =
        Pattern.compile("<a href=\"(\\.\\./c[0-9]+-[0-9]+\\.html#[^\"]+)\">([^<]+)</a>")
            .matcher(part);
    List<String[]> out = new ArrayList<>();
    while (rows.find()) {
      out.add(new String[] {rows.group(1), rows.group(2)});
    }
    return out;
  }

  @Test
  void aGroupLinkLeadsToItsCustomersAndOnToACustomerPage() throws Exception {
    String index = dom(site.resolve("index.html"));
    Matcher link =
        Pattern.compile("<a href=\"([^\"#]+)#not_met\">Not met ([0-9]+)<")
            .matcher(SummaryCounts.block(index, "azure", "usage-growth"));
    assertThat(link.find()).as("a link from the Not met group of azure usage-growth").isTrue();
    List<String[]> rows = section(dom(site.resolve(link.group(1))), "not_met");
    assertThat(rows).hasSize(Integer.parseInt(link.group(2)));
    Outcome o = Runs.conformance("sample-1");
    for (String[] row : rows) {
      assertThat(
              o.area("azure")
                  .status(Runs.customer(o, row[1]), o.area("azure").nodeIndex("usage-growth")))
          .isEqualTo(eligo.data.NodeResults.NOT_MET);
    }
    String[] href = rows.get(0)[0].split("#");
    String book = dom(site.resolve("lists").resolve(href[0]).normalize());
    int from = book.indexOf("<section id=\"" + href[1] + "\" class=\"customer\">");
    assertThat(from).as("the section of %s", rows.get(0)[1]).isNotNegative();
    String customer = book.substring(from, book.indexOf("</section>", from));
    assertThat(customer).contains("<b class=\"customer-id\">" + rows.get(0)[1] + "</b>");
    String azure = customer.substring(customer.indexOf("<h2 id=\"" + href[1] + ".a-azure\">"));
    int at = azure.indexOf("<tr class=\"nm\"><td>Usage growth</td><td>Not met</td>");
    assertThat(at).as("the usage-growth row of %s", rows.get(0)[1]).isNotNegative();
    int end = azure.indexOf("<tr class=", at + 1);
    String row = azure.substring(at, end < 0 ? azure.indexOf("</table>", at) : end);
    assertThat(row).contains("needed: growth of more than $0.00");
  }

  @Test
  void aPartnersGroupLinkLeadsToItsBlockOfTheList() throws Exception {
    String page = dom(site.resolve("p").resolve(SiteNames.of("P002") + ".html"));
    Matcher link =
        Pattern.compile("<a href=\"\\.\\./([^\"#]+)#(met-p-_p002)\">Met ([0-9]+)<")
            .matcher(SummaryCounts.block(page, "azure", "workloads"));
    assertThat(link.find()).as("a link from partner P002's Met group").isTrue();
    String list = dom(site.resolve(link.group(1)));
    Matcher block = Pattern.compile("<tr id=\"met-p-_p002\"><td>([^<]*)</td>").matcher(list);
    assertThat(block.find()).isTrue();
    assertThat(block.group(1)).isEqualTo("P002");
    String met =
        list.substring(
            list.indexOf("<h2 id=\"met\">"),
            list.indexOf("</table>", list.indexOf("<h2 id=\"met\">")));
    int rows = 0;
    Matcher partnerCells = Pattern.compile("<tr(?: id=\"[^\"]+\")?><td>P002</td>").matcher(met);
    while (partnerCells.find()) {
      rows++;
    }
    assertThat(rows).isEqualTo(Integer.parseInt(link.group(3)));
  }

  @Test
  void aNotEvaluatedCountBehindTwoGatesLeadsToExactlyItsCustomers() throws Exception {
    // azure deployments is behind two gates (workloads, association): either stops customers
    Outcome o = Runs.conformance("sample-1");
    Outcome.AreaOutcome azure = o.area("azure");
    int ni = azure.nodeIndex("deployments");
    for (String partner : o.partners) {
      String name = SiteNames.of(partner);
      String page = dom(site.resolve("p").resolve(name + ".html"));
      Matcher link =
          Pattern.compile(
                  "<a href=\"\\.\\./([^\"#]+)#(not_evaluated-p-"
                      + Pattern.quote(name)
                      + ")\">Not evaluated ([0-9]+)<")
              .matcher(SummaryCounts.block(page, "azure", "deployments"));
      assertThat(link.find()).as("a link from partner %s's Not evaluated group", partner).isTrue();
      String list = dom(site.resolve(link.group(1)));
      assertThat(list).contains("<tr id=\"" + link.group(2) + "\"><td>" + partner + "</td>");
      List<String> listed = new ArrayList<>();
      for (String[] row : section(list, "not_evaluated")) {
        int c = Runs.customer(o, row[1]);
        if (o.data.partnerId(c).equals(partner)) {
          listed.add(row[1]);
        }
      }
      List<String> expected = new ArrayList<>();
      for (int c = 0; c < o.data.customerCount(); c++) {
        if (o.data.partnerId(c).equals(partner)
            && azure.status(c, ni) == eligo.data.NodeResults.NOT_EVALUATED) {
          expected.add(o.data.customerId(c));
        }
      }
      assertThat(listed).as(partner).hasSize(Integer.parseInt(link.group(3)));
      assertThat(listed).as(partner).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void aHostileNameStaysText() throws Exception {
    String index = dom(site.resolve("customers.html"));
    Matcher link =
        Pattern.compile("<a href=\"(c[0-9]+-[0-9]+\\.html)#_c00057\">C00057</a>").matcher(index);
    assertThat(link.find()).isTrue();
    assertThat(index)
        .contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; 57</td>")
        .doesNotContain("<script>alert(1)");
    // a site of one page of customers has its search index in that page: the names in it are
    // JavaScript escapes, so its script elements are the index and the site's script, no other
    assertThat(index.split("<script", -1)).as("script elements on customers.html").hasSize(3);
    assertThat(index)
        .contains("<script>var ELIGO_CUSTOMERS=[")
        .contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e 57");
    assertThat(site.resolve("search-index.js")).doesNotExist();
    String page = dom(site.resolve(link.group(1)));
    assertThat(page)
        .contains("<h1 class=\"customer-name\">&lt;script&gt;alert(1)&lt;/script&gt; 57</h1>");
    // the one script element of a customer page is the site's own filter, never the name
    assertThat(page.split("<script", -1)).as("script elements on a customer page").hasSize(2);
    assertThat(page).contains("<script src=\"site.js\"></script>");
  }

  @Test
  void theSearchFindsCustomersByPartOfTheNameAndShowsNamesAsText() throws Exception {
    String dom = dom(site.resolve("customers.html").toUri() + "#q=SCRIPT");
    assertThat(dom).contains("<p id=\"hits\" aria-live=\"polite\">9 found</p>");
    assertThat(dom).containsPattern("<li><a href=\"c[0-9]+-[0-9]+\\.html#_c");
    assertThat(dom).contains(">C00057</a> &lt;script&gt;alert(1)&lt;/script&gt; 57 (P002)</li>");
    assertThat(dom).doesNotContain("<script>alert(1)");
  }
}
