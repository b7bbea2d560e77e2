package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.DataGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a site's search index is: in {@code customers.html} when that is the site's only page of
 * customers, else in {@code search-index.js}, which every page of customers loads.
 */
class SearchIndexTest {
  @TempDir Path tmp;

  @Test
  void aSiteOfSeveralPagesOfCustomersLoadsTheIndexFileAndOneOfOnePageHoldsIt() throws Exception {
    Path data = tmp.resolve("data");
    DataGenerator.generate(data, SitePages.PAGE_SIZE + 20, 7, Runs.program().associationTypes());
    Outcome whole = Runs.run(data);

    Path program = tmp.resolve("program");
    HtmlSite.write(whole, program, Evaluation.Progress.NONE);
    String index = Files.readString(program.resolve("search-index.js"), StandardCharsets.UTF_8);
    assertThat(index).startsWith("var ELIGO_CUSTOMERS=[");
    for (int c = 0; c < whole.data.customerCount(); c++) {
      assertThat(index).contains(SitePages.jsString(whole.data.customerId(c)));
    }
    for (String page : List.of("customers.html", "customers.2.html")) {
      String html = Files.readString(program.resolve(page), StandardCharsets.UTF_8);
      assertThat(html).as(page).contains("<script src=search-index.js></script>");
      assertThat(html).as(page).doesNotContain("ELIGO_CUSTOMERS");
    }

    String partner = whole.partners.get(0);
    Outcome own = Runs.partner(whole, partner);
    Path site = tmp.resolve("partner");
    PartnerSite.write(own, site, Evaluation.Progress.NONE);
    assertThat(site.resolve("search-index.js")).doesNotExist();
    assertThat(site.resolve("customers.2.html")).doesNotExist();
    String html = Files.readString(site.resolve("customers.html"), StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("search-index.js").contains("<script>var ELIGO_CUSTOMERS=[");
    for (int c = 0; c < own.data.customerCount(); c++) {
      assertThat(html).contains(SitePages.jsString(own.data.customerId(c)));
    }
  }
}
