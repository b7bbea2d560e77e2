package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Dataset;
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
    Runs.sampleReport(out, "--per-partner");
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

  @Test
  void theSitesShareOneStyleSheetAndScriptByHardLinksAndARerunKeepsThem() throws Exception {
    Path one = tmp.resolve("one");
    Runs.sampleReport(one, "--partner", "P003"); // a site alone writes its own
    Path out = tmp.resolve("each");
    for (int run = 1; run <= 2; run++) { // the second replaces the first whole
      Runs.sampleReport(out, "--per-partner");
      List<Path> sites;
      try (Stream<Path> list = Files.list(out)) {
        sites = list.filter(Files::isDirectory).sorted().toList();
      }
      assertThat(sites).hasSize(12);
      for (String asset : List.of("site.css", "site.js")) {
        Path first = sites.get(0).resolve(asset);
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(one.resolve(asset)));
        for (Path site : sites) {
          assertThat(Files.isSameFile(site.resolve(asset), first)).as("%s", site).isTrue();
        }
        assertThat(Files.getAttribute(first, "unix:nlink"))
            .as(asset)
            .isEqualTo(asset.equals("site.css") ? 13 : 12); // and the index's style sheet
      }
      assertThat(Files.isSameFile(out.resolve("site.css"), sites.get(0).resolve("site.css")))
          .isTrue();
      assertThat(out.resolve("site.js")).doesNotExist(); // the index has no script
    }
  }

  @Test
  void whereNoLinkCanBeMadeEachSiteWritesItsOwnCopy() throws Exception {
    Path shared = Files.createDirectories(tmp.resolve("a")); // holding neither file
    Path dir = Files.createDirectories(tmp.resolve("b"));
    SiteWriter.writeAssets(dir, shared);
    assertThat(Files.readAllBytes(dir.resolve("site.css"))).isEqualTo(SiteWriter.STYLE);
    assertThat(Files.readString(dir.resolve("site.js"), StandardCharsets.UTF_8))
        .contains("function");
    assertThat(Files.getAttribute(dir.resolve("site.css"), "unix:nlink")).isEqualTo(1);
  }
}
