package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.cli.Main;
import eligo.report.html.Html;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's customer pages leave what qualifies for a count out of the why ({@code (qualifying:
 * ...)} in {@code eligo explain}), as it is the same for every customer: the summary says it once,
 * under the node's tree, so that "no tenants qualified" is never left without what qualifies.
 */
class TreeQualifyingTest {
  @TempDir Path tmp;

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
    return out.toString();
  }

  @Test
  void whatQualifiesForACountIsSaidUnderTheTreeAsTheExplanationSaysIt() throws Exception {
    Path site = tmp.resolve("site");
    run(
        "report",
        "--criteria",
        "criteria",
        "--data",
        "examples/sample-data",
        "--partner",
        "P003",
        "--out",
        site.toString());
    String index = Files.readString(site.resolve("index.html"), StandardCharsets.UTF_8);
    String pages = Files.readString(site.resolve("c1-0.html"), StandardCharsets.UTF_8);
    assertThat(pages).doesNotContain("qualifying:");
    assertThat(index).doesNotContain("null");

    Pattern areaHead =
        Pattern.compile("\"id\" : \"([a-z0-9-]+)\",\\s*\"title\" : \"[^\"]*\",\\s*\"nodes\"");
    Pattern why =
        Pattern.compile(
            "\"id\" : \"([^\"]+)\",[^{}]*?\"why\" : \"(?!not evaluated)[^\"]*?\\(qualifying: (.*?)\\)[;\"]");
    int seen = 0;
    for (String customer : List.of("C0000012", "C0000090", "C0000006", "C0000103")) {
      String json =
          run(
              "explain",
              "--criteria",
              "criteria",
              "--data",
              "examples/sample-data",
              "--format",
              "json",
              customer);
      Matcher head = areaHead.matcher(json);
      List<int[]> starts = new java.util.ArrayList<>();
      List<String> areas = new java.util.ArrayList<>();
      while (head.find()) {
        starts.add(new int[] {head.end()});
        areas.add(head.group(1));
      }
      for (int k = 0; k < areas.size(); k++) {
        String part =
            json.substring(
                starts.get(k)[0], k + 1 < areas.size() ? starts.get(k + 1)[0] : json.length());
        Matcher m = why.matcher(part);
        while (m.find()) {
          seen++;
          String node = m.group(1);
          String qualifying = m.group(2).replace("\\u0026", "&");
          Matcher section =
              Pattern.compile(
                      "<section id=\"?a-"
                          + Pattern.quote(SiteNames.ofCriteria(areas.get(k)))
                          + "\\.n-"
                          + Pattern.quote(SiteNames.ofCriteria(node))
                          + "\"? class=[^>]*>(.*?)</section>")
                  .matcher(index);
          assertThat(section.find()).as(areas.get(k) + " " + node).isTrue();
          assertThat(section.group(1))
              .as("%s: what qualifies for %s %s under the tree", customer, areas.get(k), node)
              .contains(Html.escape(qualifying));
        }
      }
    }
    assertThat(seen).isGreaterThan(3);
  }
}
