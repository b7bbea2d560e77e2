package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.report.html.Templates;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sizes of the tree diagram that the style sheet gives and the layout counts on ({@link
 * TreeDiagram}, {@link SiteCharts}) are the same, and so are the colours of the groups.
 */
class SiteStyleTest {
  private static final String STYLE =
      Templates.asset(SitePages.class, "site.css", Templates.Lines.KEPT).markup();

  @Test
  void theDiagramsBoxesAndBarsHaveTheSizesTheLayoutCountsOn() {
    assertThat(STYLE)
        .contains(
            ".dx>rect{stroke:#777;width:"
                + TreeDiagram.BOX_WIDTH
                + "px;height:"
                + TreeDiagram.BOX_HEIGHT
                + "px;")
        .contains(".bar{width:" + SiteCharts.WIDTH + "px;height:10px}");
  }

  /**
   * A bar's parts and the legend's swatches carry the class of their group, which the style sheet
   * fills with the group's colour (met and growth green, not met and decline red, no change amber,
   * not evaluated grey, as they always were); each class has one fill.
   */
  @Test
  void eachGroupsClassIsFilledWithItsColour() {
    Map<String, String> colours =
        Map.of(
            "met", "#2e7d43",
            "growth", "#2e7d43",
            "not_met", "#c0392b",
            "decline", "#c0392b",
            "no_change", "#b7791f",
            "not_evaluated", "#8a8a8a");
    for (Map.Entry<String, String> group : colours.entrySet()) {
      String cls = OutcomeClass.of(group.getKey());
      Matcher rule =
          Pattern.compile(
                  "(?m)^([^{}]*(?:^|,)rect\\." + cls + "(?:,[^{}]*)?)\\{fill:(#[0-9a-f]{6})\\}$")
              .matcher(STYLE);
      assertThat(rule.find()).as("a rule filling rect.%s", cls).isTrue();
      assertThat(rule.group(2)).as("the fill of rect.%s", cls).isEqualTo(group.getValue());
      assertThat(rule.find()).as("a second rule filling rect.%s", cls).isFalse();
    }
  }
}
