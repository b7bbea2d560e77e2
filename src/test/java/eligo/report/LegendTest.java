package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary's legend explains every group its diagrams count (a partner's site of the sample,
 * whose areas have net metrics), each beside a swatch of the colour its bars draw it in: of its
 * class, which the style sheet fills with that colour ({@code SiteStyleTest}).
 */
class LegendTest {
  @TempDir static Path tmp;
  static String summary;

  @BeforeAll
  static void writeSite() throws IOException {
    summary = Runs.sampleSummary(tmp.resolve("site"), "P003");
  }

  /** Per legend item, its words before the colon, and its swatches' colours in order. */
  private static Map<String, List<String>> legend() {
    int start = summary.indexOf("<details class=\"legend\" id=\"legend\"");
    assertThat(start).as("the legend").isNotNegative();
    String legend = summary.substring(start, summary.indexOf("</details>", start));
    Map<String, List<String>> items = new LinkedHashMap<>();
    Matcher li = Pattern.compile("<li>(.*?)</li>").matcher(legend);
    while (li.find()) {
      String item = li.group(1);
      List<String> colours = new ArrayList<>();
      Matcher fill = Pattern.compile("<rect [^>]*class=\"([a-z]+)\"").matcher(item);
      while (fill.find()) {
        colours.add(fill.group(1));
      }
      String words = item.replaceAll("<svg.*?</svg>", "").trim();
      items.put(words.substring(0, words.indexOf(':')), colours);
    }
    return items;
  }

  @Test
  void everyGroupTheDiagramsCountIsInTheLegendBesideItsBarsColour() {
    // the groups each count of the diagrams links to (lists.html#GROUP:AREA:NODE), by their words
    Map<String, String> counted = new LinkedHashMap<>();
    Matcher count =
        Pattern.compile("<a href=\"lists\\.html#([a-z_]+):[^\"]+\">([A-Za-z ]+) [0-9]+</a>")
            .matcher(summary);
    while (count.find()) {
      counted.put(count.group(2), count.group(1));
    }
    assertThat(counted.keySet())
        .as("the sample's partner has net metrics")
        .contains("With growth", "In decline", "No change", "Met", "Not met", "Not evaluated");
    Map<String, List<String>> legend = legend();
    List<String> named = new ArrayList<>();
    List<String> swatches = new ArrayList<>();
    for (Map.Entry<String, List<String>> item : legend.entrySet()) {
      List<String> words = List.of(item.getKey().split(", "));
      assertThat(item.getValue()).as("the swatches of %s", item.getKey()).hasSameSizeAs(words);
      named.addAll(words);
      swatches.addAll(item.getValue());
    }
    assertThat(named).containsAll(counted.keySet());
    for (int k = 0; k < named.size(); k++) {
      String group = counted.get(named.get(k));
      if (group != null) {
        assertThat(swatches.get(k))
            .as("the swatch of %s", named.get(k))
            .isEqualTo(OutcomeClass.of(group));
      }
    }
  }
}
