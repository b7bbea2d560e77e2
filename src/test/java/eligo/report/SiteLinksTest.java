package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every link of every page of the sample's sites leads somewhere: its file exists in the site, and
 * its fragment is an {@code id} of that file, or on a partner's lists page a list its script shows
 * (the program site, one partner's, each partner's).
 */
class SiteLinksTest {
  @TempDir Path tmp;

  private static final Pattern HREF =
      Pattern.compile("\\shref=(?:\"([^\"]*)\"|'([^']*)'|([^\\s>\"']+))");
  private static final Pattern ROUTE =
      Pattern.compile("(met|not_met|not_evaluated|growth|decline|no_change):([^:]+):([^:]+)");
  private static final Pattern ID = Pattern.compile("\\sid=(?:\"([^\"]*)\"|([^\\s>\"']+))");

  private Path report(String name, String... more) {
    return Runs.sampleReport(tmp.resolve(name), more);
  }

  /** A list's column of a node without a unit had an empty {@code <small></small>} after it. */
  @Test
  void noPageHoldsAnEmptySmallPrint() throws Exception {
    boolean units = false;
    for (Path site : List.of(report("program-small"), report("each-small", "--per-partner"))) {
      List<Path> pages;
      try (Stream<Path> walk = Files.walk(site)) {
        pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
      }
      assertThat(pages).isNotEmpty();
      for (Path page : pages) {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(text).as(site.relativize(page).toString()).doesNotContain("<small></small>");
        units |= text.contains("<small> (tenants)</small>"); // a partner's lists
      }
    }
    assertThat(units).as("a unit is still shown where there is one").isTrue();
  }

  @Test
  void everyLinkOfEverySiteLeadsToAFileAndAnAnchorThatExist() throws Exception {
    for (Path site :
        List.of(
            report("program"),
            report("one", "--partner", "P011"),
            report("each", "--per-partner"))) {
      List<Path> pages;
      try (Stream<Path> walk = Files.walk(site)) {
        pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
      }
      assertThat(pages).isNotEmpty();
      Map<Path, Set<String>> ids = new HashMap<>();
      int links = 0;
      List<String> dead = new ArrayList<>();
      for (Path page : pages) {
        Matcher m = HREF.matcher(Files.readString(page, StandardCharsets.UTF_8));
        while (m.find()) {
          String href =
              m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
          href = href.replace("&amp;", "&");
          if (href.startsWith("http:") || href.startsWith("https:") || href.startsWith("mailto:")) {
            continue;
          }
          links++;
          int hash = href.indexOf('#');
          String file = hash < 0 ? href : href.substring(0, hash);
          Path target =
              file.isEmpty()
                  ? page
                  : page.resolveSibling(URLDecoder.decode(file, StandardCharsets.UTF_8))
                      .normalize();
          if (!target.startsWith(site) || !Files.isRegularFile(target)) {
            dead.add(site.relativize(page) + ": " + href);
            continue;
          }
          if (hash >= 0 && target.toString().endsWith(".html")) {
            String fragment = URLDecoder.decode(href.substring(hash + 1), StandardCharsets.UTF_8);
            Set<String> there = ids.computeIfAbsent(target, SiteLinksTest::idsOf);
            Matcher route = ROUTE.matcher(fragment);
            if (target.getFileName().toString().equals("lists.html") && route.matches()) {
              // a partner's lists: the script shows the customers of GROUP at AREA's NODE
              String html = Files.readString(target, StandardCharsets.UTF_8);
              if (!there.contains("a-" + route.group(2))
                  || !html.contains(" data-node=" + route.group(3) + ">")) {
                dead.add(site.relativize(page) + ": " + href);
              }
            } else if (!fragment.isEmpty() && !there.contains(fragment)) {
              dead.add(site.relativize(page) + ": " + href);
            }
          }
        }
      }
      assertThat(links).as(site.toString()).isGreaterThan(100);
      assertThat(dead).as("links that lead nowhere in " + site.getFileName()).isEmpty();
    }
  }

  private static Set<String> idsOf(Path page) {
    Set<String> out = new HashSet<>();
    try {
      Matcher m = ID.matcher(Files.readString(page, StandardCharsets.UTF_8));
      while (m.find()) {
        out.add((m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&"));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
