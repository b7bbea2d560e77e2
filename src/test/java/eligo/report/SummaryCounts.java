package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counts a summary page shows: a node's box in its area's tree diagram links to its node's
 * criteria ({@code #a-AREA.n-NODE}, names by {@link SiteNames}), and its line of counts gives each
 * group's label and count (a count of customers links to them).
 */
final class SummaryCounts {
  private SummaryCounts() {}

  private static final Pattern NODE =
      Pattern.compile(
          "<g class=\"d[gmx]\">.*?<a href=\"#a-([^\".]*)\\.n-([^\"]*)\">(.*?)</g>", Pattern.DOTALL);
  private static final Pattern LINE = Pattern.compile("<text [^>]*class=\"by-c\">(.*?)</text>");
  private static final Pattern COUNT =
      Pattern.compile(
          "(?:<a href=\"[^\"]*\">)?(With growth|In decline|No change|Met|Not met|Not evaluated)"
              + " ([0-9]+)");
  private static final Map<String, String> GROUPS =
      Map.of(
          "With growth", "growth",
          "In decline", "decline",
          "No change", "no_change",
          "Met", "met",
          "Not met", "not_met",
          "Not evaluated", "not_evaluated");

  /** {@code area|node|group} to the count a summary page (its markup or DOM) shows. */
  static Map<String, Integer> of(String page) {
    Map<String, Integer> counts = new TreeMap<>();
    Matcher node = NODE.matcher(page);
    while (node.find()) {
      for (Map.Entry<String, Integer> group : line(node.group(3))) {
        String key = decode(node.group(1)) + "|" + decode(node.group(2)) + "|" + group.getKey();
        assertThat(counts.put(key, group.getValue())).as("one count per group: %s", key).isNull();
      }
    }
    return counts;
  }

  /** The blocks of a summary page's nodes, in the page's order ({@link #block}). */
  static List<String> blocks(String page) {
    List<String> out = new ArrayList<>();
    Matcher node = NODE.matcher(page);
    while (node.find()) {
      out.add(node.group(3));
    }
    return out;
  }

  /**
   * The groups ({@code growth}, {@code not_met}) and counts of a node's block, in the order its
   * line of counts shows them; none for a metric whose leaves have the counts.
   */
  static List<Map.Entry<String, Integer>> line(String block) {
    List<Map.Entry<String, Integer>> out = new ArrayList<>();
    Matcher line = LINE.matcher(block);
    if (line.find()) {
      Matcher count = COUNT.matcher(line.group(1));
      while (count.find()) {
        out.add(Map.entry(GROUPS.get(count.group(1)), Integer.parseInt(count.group(2))));
      }
    }
    return out;
  }

  /** The block of node {@code node} of area {@code area} on a summary page. */
  static String block(String page, String area, String node) {
    Matcher m = NODE.matcher(page);
    while (m.find()) {
      if (decode(m.group(1)).equals(area) && decode(m.group(2)).equals(node)) {
        return m.group(3);
      }
    }
    throw new AssertionError("no block of " + area + " " + node + " on the page");
  }

  /** The id that {@link SiteNames#of} gave {@code name} (not one cut short with a hash). */
  static String decode(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '_') {
        out.append(Character.toUpperCase(name.charAt(++i)));
      } else if (ch == '~') {
        int end = name.indexOf('~', i + 1);
        out.appendCodePoint(Integer.parseInt(name.substring(i + 1, end), 16));
        i = end;
      } else {
        out.append(ch);
      }
    }
    String id = out.toString();
    assertThat(SiteNames.of(id)).as("a name of SiteNames").isEqualTo(name);
    return id;
  }
}
