package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.NodeResults;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the program's site of one page of lists per node (the sample: 400 customers), each "Not
 * evaluated" count of the summary and of each partner's page leads to a list of exactly the
 * customers it counts, also for a node behind two gates, which either can stop: the Not met list of
 * the one gate before the node, or the node's own list of them (the partner's block of it).
 */
class NotEvaluatedListsTest {
  @TempDir static Path tmp;
  static Outcome whole;
  static Path site;

  private static final Pattern COUNT =
      Pattern.compile(
          "<a href=\"(?:\\.\\./)?lists/([^\"#]+)#([^\"]+)\">Not evaluated ([0-9]+)</a>");
  private static final Pattern ROW =
      Pattern.compile(
          "<tr(?: id=\"([^\"]+)\")?><td>([^<]*)<td><a href=\"\\.\\./c[0-9]+-[0-9]+\\.html#[^\"]+\">"
              + "([^<]+)</a>");

  @BeforeAll
  static void writeSite() throws java.io.IOException {
    whole = Runs.run(Path.of("examples/sample-data"));
    site = tmp.resolve("program");
    HtmlSite.write(whole, site, Evaluation.Progress.NONE);
  }

  /**
   * The customers of the list at {@code fragment} of a list page: a section ({@code GROUP}, its
   * rows) or a partner's block of one ({@code GROUP-p-NAME}, its rows of that partner).
   */
  static List<String> listAt(String page, String fragment) {
    int dash = fragment.indexOf("-p-");
    String group = dash < 0 ? fragment : fragment.substring(0, dash);
    int start = page.indexOf("<h2 id=\"" + group + "\">");
    assertThat(start).as("the section %s", group).isNotNegative();
    int end = page.indexOf("</table>", start);
    assertThat(end).as("the rows of the section %s", group).isPositive();
    String partner = null;
    List<String> out = new ArrayList<>();
    Matcher row = ROW.matcher(page.substring(start, end));
    while (row.find()) {
      if (dash >= 0 && fragment.equals(row.group(1))) {
        partner = row.group(2);
      }
      if (dash < 0 || (partner != null && partner.equals(row.group(2)))) {
        out.add(row.group(3));
      }
    }
    assertThat(dash < 0 || partner != null).as("the block %s", fragment).isTrue();
    return out;
  }

  /** The customers (of {@code partner}, or all when null) not evaluated at an area's node. */
  static List<String> notEvaluated(String area, String node, String partner) {
    Outcome.AreaOutcome a = whole.area(area);
    int ni = a.nodeIndex(node);
    List<String> out = new ArrayList<>();
    for (int c = 0; c < whole.data.customerCount(); c++) {
      if (a.status(c, ni) == NodeResults.NOT_EVALUATED
          && (partner == null || whole.data.partnerId(c).equals(partner))) {
        out.add(whole.data.customerId(c));
      }
    }
    return out;
  }

  @Test
  void everyNotEvaluatedCountLeadsToAListOfExactlyItsCustomers() throws Exception {
    List<Path> summaries = new ArrayList<>(List.of(site.resolve("index.html")));
    try (Stream<Path> partners = Files.list(site.resolve("p"))) {
      summaries.addAll(partners.sorted().toList());
    }
    Map<String, String> lists = new TreeMap<>();
    int checked = 0;
    int behindTwoGates = 0;
    for (Path summary : summaries) {
      String html = Markup.read(summary);
      String partner =
          summary.getParent().getFileName().toString().equals("p")
              ? html.replaceAll("(?s).*<h1>Customer eligibility: partner ([^<]*)</h1>.*", "$1")
              : null;
      for (Outcome.AreaOutcome area : whole.areas) {
        for (int ni = 0; ni < area.nodes.size(); ni++) {
          String node = area.nodes.get(ni).id();
          String block;
          try {
            block = SummaryCounts.block(html, area.area.id(), node);
          } catch (AssertionError e) {
            continue; // a metric whose leaves have the counts
          }
          Matcher m = COUNT.matcher(block);
          if (!m.find()) {
            continue;
          }
          String list =
              lists.computeIfAbsent(
                  m.group(1),
                  f -> {
                    try {
                      return Markup.read(site.resolve("lists").resolve(f));
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  });
          List<String> listed = listAt(list, m.group(2));
          List<String> expected = notEvaluated(area.area.id(), node, partner);
          String what = summary.getFileName() + " " + area.area.id() + " " + node + " " + m.group();
          assertThat(listed).as(what).hasSize(Integer.parseInt(m.group(3)));
          assertThat(listed).as(what).containsExactlyInAnyOrderElementsOf(expected);
          if (m.group(2).startsWith("not_evaluated")) {
            behindTwoGates++;
          }
          checked++;
        }
      }
    }
    assertThat(checked).as("Not evaluated counts checked").isGreaterThan(200);
    assertThat(behindTwoGates).as("counts of nodes behind two gates").isGreaterThan(50);
  }
}
