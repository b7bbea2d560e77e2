package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.cli.Main;
import eligo.data.Dataset;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report --per-partner}: each partner's site is written by an explainer that kept what the
 * thread's earlier partners' explainers worked out from the criteria (the words, masks, shapes), so
 * every file of every partner's site is scanned for every other partner's id, customer ids and
 * customer names (the sample's hostile ones included), in each form they could take there.
 */
class PerPartnerSitesTest {
  @TempDir Path tmp;

  @Test
  void noPartnersSiteHoldsAnythingOfAnotherPartner() throws Exception {
    Path out = tmp.resolve("each");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "report",
              "--criteria",
              "criteria",
              "--data",
              "examples/sample-data",
              "--per-partner",
              "--out",
              out.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    Dataset data = Runs.run(Path.of("examples/sample-data")).data;
    Map<String, List<Integer>> customers = new TreeMap<>();
    for (int c = 0; c < data.customerCount(); c++) {
      customers.computeIfAbsent(data.partnerId(c), p -> new java.util.ArrayList<>()).add(c);
    }
    assertThat(customers).hasSize(12);
    for (String partner : customers.keySet()) {
      Path site = out.resolve(SiteNames.of(partner));
      ForeignText forbidden = new ForeignText();
      for (int c = 0; c < data.customerCount(); c++) {
        if (!data.partnerId(c).equals(partner)) {
          forbidden.add(data.customerId(c));
          forbidden.add(data.customerName(c));
        }
      }
      customers.keySet().stream().filter(p -> !p.equals(partner)).forEach(forbidden::add);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(site)) {
        files = walk.filter(Files::isRegularFile).toList();
      }
      assertThat(files).as(partner).hasSizeGreaterThanOrEqualTo(7);
      for (Path f : files) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertThat(forbidden.foundIn(text))
            .as("another partner's text in %s of %s", site.relativize(f), partner)
            .isNull();
        // each page's title names the partner: tabs of several partners' sites tell apart
        if (f.toString().endsWith(".html")) {
          java.util.regex.Matcher title =
              java.util.regex.Pattern.compile("<title>([^<]*)</title>").matcher(text);
          assertThat(title.find()).as("a title in %s", f).isTrue();
          assertThat(title.group(1))
              .as("%s of %s", site.relativize(f), partner)
              .endsWith(": partner " + partner);
        }
      }
      // and every customer of its own is in its results
      String results = Files.readString(site.resolve("results.csv"), StandardCharsets.UTF_8);
      for (int c : customers.get(partner)) {
        assertThat(results).as(partner).contains("," + data.customerId(c) + ",");
      }
    }
  }
}
