package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.DataGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the program's site of paged lists (past {@value SitePages#PAGE_SIZE} customers), a partner's
 * count links to where its block of a list starts; a block that goes on past the end of that page
 * says so there and links to the rest, so that the count and what its link leads to agree.
 */
class PagedListBlocksTest {
  @TempDir Path tmp;

  private static final Pattern COUNT =
      Pattern.compile(
          "<a href=\"?\\.\\./lists/([^\\s>\"#]+)#([a-z_]+-p-[^\\s>\"]+)\"?>[^<]* (\\d+)</a>");

  @Test
  void aPartnersBlockSplitByAPageBreakLinksToItsRestOnTheNextPage() throws Exception {
    Path data = tmp.resolve("data");
    DataGenerator.generate(data, 1500, 7, Runs.program().associationTypes());
    Outcome whole = Runs.run(data);
    Path site = tmp.resolve("program");
    HtmlSite.write(whole, site, Evaluation.Progress.NONE);

    int split = 0;
    int checked = 0;
    try (Stream<Path> partners = Files.list(site.resolve("p"))) {
      for (Path page : partners.toList()) {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        String partner =
            html.replaceAll("(?s).*<h1>Customer eligibility: partner ([^<]*)</h1>.*", "$1");
        Matcher m = COUNT.matcher(html);
        while (m.find()) {
          checked++;
          String list =
              Files.readString(site.resolve("lists").resolve(m.group(1)), StandardCharsets.UTF_8);
          String anchor = m.group(2);
          int count = Integer.parseInt(m.group(3));
          int start = list.indexOf("id=" + anchor);
          if (start < 0) {
            start = list.indexOf("id=\"" + anchor + "\"");
          }
          assertThat(start).as(page.getFileName() + " " + m.group()).isPositive();
          // the partner's rows from its anchor to the end of its block on that page
          String rest = list.substring(start);
          int shown = 0;
          Matcher row = Pattern.compile("<td>" + Pattern.quote(partner) + "<td>").matcher(rest);
          while (row.find()) {
            shown++;
          }
          if (shown < count) {
            split++;
            int more = count - shown;
            assertThat(rest)
                .as("%s: %s shows %d of %d customers", page.getFileName(), m.group(1), shown, count)
                .containsPattern(
                    "<a href=\"?[^\\s>\"]+#"
                        + Pattern.quote(anchor)
                        + "\"?>"
                        + Pattern.quote(partner)
                        + ": "
                        + more
                        + " more customers? on the next page</a>");
          } else {
            assertThat(shown).as(page.getFileName() + " " + m.group()).isEqualTo(count);
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(split).as("blocks split by a page break").isPositive();
  }
}
