package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each node's bar on the summary (a partner's site of the sample, whose areas have net metrics) is
 * one bar of its groups that adds up to its customers: its parts follow one another from 0 to the
 * bar's width, in the order of the counts under it, each of its group's class and of a width in
 * proportion to its count; a net node's bar shows growth, decline and no change, then not
 * evaluated, and not its met and not met, which count the same customers again.
 */
class SummaryBarsTest {
  @TempDir static Path tmp;
  static String summary;

  @BeforeAll
  static void writeSite() throws IOException {
    summary = Runs.sampleSummary(tmp.resolve("site"), "P003");
  }

  private static final Pattern BAR =
      Pattern.compile("<svg [^>]*class=\"bar\"[^>]*>(.*?)</svg>", Pattern.DOTALL);
  private static final Pattern PART = Pattern.compile("<rect([^>]*)/>");

  private static int attribute(String attributes, String name, int otherwise) {
    Matcher m = Pattern.compile("\\b" + name + "=\"([0-9]+)\"").matcher(attributes);
    return m.find() ? Integer.parseInt(m.group(1)) : otherwise;
  }

  @Test
  void eachBarsPartsAddUpToItsCustomersInTheOrderOfItsCounts() {
    int bars = 0;
    int netBars = 0;
    for (String block : SummaryCounts.blocks(summary)) {
      Matcher bar = BAR.matcher(block);
      List<Map.Entry<String, Integer>> line = SummaryCounts.line(block);
      if (!bar.find() || line.isEmpty()) {
        continue; // a metric whose leaves have the counts
      }
      boolean net = line.stream().anyMatch(g -> g.getKey().equals("growth"));
      List<String> groups = new ArrayList<>();
      List<Integer> counts = new ArrayList<>();
      int customers = 0;
      for (Map.Entry<String, Integer> g : line) {
        boolean drawn = !net || !g.getKey().equals("met") && !g.getKey().equals("not_met");
        if (drawn) {
          groups.add(g.getKey());
          counts.add(g.getValue());
          customers += g.getValue();
        }
      }
      String where = block.replaceAll("<[^>]+>", " ").trim();
      Matcher part = PART.matcher(bar.group(1));
      int at = 0;
      int done = 0;
      for (int k = 0; k < groups.size(); k++) {
        done += counts.get(k);
        if (counts.get(k) == 0) {
          continue;
        }
        assertThat(part.find()).as("the part of %s in %s", groups.get(k), where).isTrue();
        String attributes = part.group(1);
        assertThat(attribute(attributes, "x", 0))
            .as("where %s starts", groups.get(k))
            .isEqualTo(at);
        int width = attribute(attributes, "width", -1);
        assertThat(width)
            .as("the width of %s in %s", groups.get(k), where)
            .isCloseTo(
                SiteCharts.WIDTH * counts.get(k) / customers,
                org.assertj.core.data.Offset.offset(1));
        assertThat(attributes)
            .as("the class of %s", groups.get(k))
            .contains("class=\"" + OutcomeClass.of(groups.get(k)) + "\"");
        at += width;
        assertThat(at).isEqualTo((int) Math.round((double) SiteCharts.WIDTH * done / customers));
      }
      assertThat(part.find()).as("no other part in %s", where).isFalse();
      assertThat(at)
          .as("the end of the bar of %s", where)
          .isEqualTo(customers == 0 ? 0 : SiteCharts.WIDTH);
      bars++;
      netBars += net ? 1 : 0;
    }
    assertThat(bars).isGreaterThan(20);
    assertThat(netBars).isGreaterThan(5);
  }
}
