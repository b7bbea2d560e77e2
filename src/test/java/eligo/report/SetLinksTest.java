package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Outcome;
import eligo.ir.Ir;
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

    // every named set of a node leads to its anchor on the summary, numbered as the summary
    // numbers them: in the order of the areas, nodes and leaves, each set once
    java.util.Map<java.util.List<String>, String> anchors = new java.util.HashMap<>();
    int linked = 0;
    for (SiteModel.AreaInfo info : p003.areas) {
      for (Ir.Node n : TreeSections.nodesInOrder(info.outcome().area)) {
        for (java.util.List<String> names : TreeSections.namedSets(n)) {
          String anchor =
              anchors.computeIfAbsent(names, k -> TreeSections.setAnchor(anchors.size() + 1));
          String words = Words.namedWorkloads(names.size());
          SetLinks.Link link = p003.setLinks.in(n, "no workloads qualified (" + words + ")");
          if (link != null) {
            assertThat(link.anchor()).isEqualTo(anchor);
            assertThat(link.words()).isEqualTo(words);
            linked++;
          }
        }
      }
    }
    assertThat(linked).isPositive();
  }
}
