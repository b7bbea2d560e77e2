package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The counts a summary page shows: a node's block names its area and node, a count its group. */
final class SummaryCounts {
  private SummaryCounts() {}

  private static final Pattern NODE =
      Pattern.compile(
          "<div class=\"node[^\"]*\" data-area=\"([^\"]*)\" data-node=\"([^\"]*)\">(.*?)</div>",
          Pattern.DOTALL);
  private static final Pattern COUNT =
      Pattern.compile("class=\"count\" data-group=\"([^\"]*)\"[^>]*>([0-9]+)<");

  /** {@code area|node|group} to the count a summary page (its markup or DOM) shows. */
  static Map<String, Integer> of(String page) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher node = NODE.matcher(page);
    while (node.find()) {
      Matcher count = COUNT.matcher(node.group(3));
      while (count.find()) {
        String key = node.group(1) + "|" + node.group(2) + "|" + count.group(1);
        assertThat(counts.put(key, Integer.parseInt(count.group(2))))
            .as("one count per group: %s", key)
            .isNull();
      }
    }
    return counts;
  }

  /** The block of node {@code node} of area {@code area} on a summary page. */
  static String block(String page, String area, String node) {
    Matcher m = NODE.matcher(page);
    while (m.find()) {
      if (m.group(1).equals(area) && m.group(2).equals(node)) {
        return m.group(3);
      }
    }
    throw new AssertionError("no block of " + area + " " + node + " on the page");
  }
}
