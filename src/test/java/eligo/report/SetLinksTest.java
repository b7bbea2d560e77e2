package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.report.html.Html;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where a why's "one of N named workloads" leads, made once for every site of the same areas. */
class SetLinksTest {
  @Test
  void sitesOfTheSameAreasShareTheLinksAndAWhyLeadsToTheSetOnTheSummary() {
    Outcome whole = Runs.run(Path.of("examples/sample-data"));
    SiteModel p003 = new SiteModel(Runs.partner(whole, "P003"), SiteModel.Face.PARTNER);
    SiteModel p005 = new SiteModel(Runs.partner(whole, "P005"), SiteModel.Face.PARTNER);
    SiteModel program = new SiteModel(whole, SiteModel.Face.PROGRAM);
    // the areas are the same instances: one set of links, made once
    assertThat(p005.setLinks).isSameAs(p003.setLinks);
    assertThat(program.setLinks).isSameAs(p003.setLinks);

    // every named set of a node leads to the paragraph of the summary page that lists it
    String summary = Markup.quoted(SitePages.partner(Runs.partner(whole, "P003")).summary());
    int linked = 0;
    for (SiteModel.AreaInfo info : p003.areas) {
      for (Ir.Node n : TreeSections.nodesInOrder(info.outcome().area)) {
        for (java.util.List<String> names : TreeSections.namedSets(n)) {
          String words = Words.namedWorkloads(names.size());
          SetLinks.Link link = p003.setLinks.in(n, "no workloads qualified (" + words + ")");
          if (link == null) {
            continue; // a node whose sets share their words links to none
          }
          assertThat(link.words()).isEqualTo(words);
          String start =
              "<p class=\"set\" id=\""
                  + link.anchor()
                  + "\">The "
                  + names.size()
                  + " named workloads: ";
          assertThat(summary).contains(start);
          int at = summary.indexOf(start);
          String listed = summary.substring(at, summary.indexOf("</p>", at));
          for (String name : names) {
            assertThat(listed).contains(Html.escape(name));
          }
          linked++;
        }
      }
    }
    assertThat(linked).isPositive();
  }
}
