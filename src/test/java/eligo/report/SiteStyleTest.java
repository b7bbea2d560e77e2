package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.report.html.Templates;
import org.junit.jupiter.api.Test;

/**
 * The sizes of the tree diagram that the style sheet gives and the layout counts on ({@link
 * TreeDiagram}, {@link SiteCharts}) are the same.
 */
class SiteStyleTest {
  private static final String STYLE =
      Templates.asset(SitePages.class, "site.css", Templates.Lines.KEPT).markup();

  @Test
  void theDiagramsBoxesAndBarsHaveTheSizesTheLayoutCountsOn() {
    assertThat(STYLE)
        .contains(
            ".dnode>rect{stroke:#777;width:"
                + TreeDiagram.BOX_WIDTH
                + "px;height:"
                + TreeDiagram.BOX_HEIGHT
                + "px;")
        .contains(".bar{width:" + SiteCharts.WIDTH + "px;height:10px}");
  }
}
