package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.NodeResults;
import eligo.ir.Ir;
import eligo.report.html.Html;
import eligo.report.html.Template;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A cell of lists.html kept by a thread ({@link ListCells}) is the render of its own values, given
 * again for the same values and made anew for any other; a cell's classes are those of its groups,
 * in their order, the same string on every page.
 */
class ListCellsTest {
  private static final Template CELL = SitePages.SITE.get("areaCell");

  /** Every result node of the shipped criteria. */
  private static List<Ir.Node> nodes() {
    List<Ir.Node> nodes = new ArrayList<>();
    for (Ir.Area a : Runs.program().areas()) {
      nodes.addAll(a.resultNodes());
    }
    return nodes;
  }

  private static String made(Ir.Node n, String groups, byte status, long v) {
    boolean apart = n.valueKind() == Ir.ValueKind.COUNT || n.valueKind() == Ir.ValueKind.QUANTITY;
    String value =
        apart ? Formats.number(v, n.scale()) : Formats.value(n.valueKind(), n.unit(), v, n.scale());
    String mark = status == NodeResults.MET ? "✓" : "✗";
    return CELL.render("groups", groups, "text", mark + " " + value).markup();
  }

  private static Html kept(ListCells cells, Ir.Node n, String groups, byte status, long v) {
    boolean apart = n.valueKind() == Ir.ValueKind.COUNT || n.valueKind() == Ir.ValueKind.QUANTITY;
    return cells.cell(n, n.valueKind().ordinal(), n.scale(), apart, groups, status, v);
  }

  @Test
  void aKeptCellIsTheRenderOfItsOwnValues() {
    ListCells cells = ListCells.get();
    String met = cells.canonical("m");
    String growth = cells.canonical("g m");
    String hostile = cells.canonical("m\" onclick=\"alert('x')");
    long[] values = {0, 1, 7, -3, 12_345_678, Long.MAX_VALUE / 1000};
    for (int round = 0; round < 3; round++) {
      for (Ir.Node n : nodes()) {
        for (long v : values) {
          for (String groups : List.of(met, growth, hostile)) {
            for (byte status : new byte[] {NodeResults.MET, NodeResults.NOT_MET}) {
              Html cell = kept(cells, n, groups, status, v);
              assertThat(cell.markup()).isEqualTo(made(n, groups, status, v));
              assertThat(kept(cells, n, groups, status, v)).isSameAs(cell);
            }
          }
        }
      }
    }
    assertThat(kept(cells, nodes().get(0), hostile, NodeResults.MET, 1).markup())
        .doesNotContain("\" onclick")
        .contains("&quot;");
  }

  @Test
  void classesAreTheGroupsInTheirOrderTheSameStringOnEveryPage() {
    ListCells cells = ListCells.get();
    List<SummaryView.Group> groups =
        List.of(
            new SummaryView.Group("growth", "With growth", new int[0]),
            new SummaryView.Group("decline", "In decline", new int[0]),
            new SummaryView.Group("met", "Met", new int[0]),
            new SummaryView.Group("not_met", "Not met", new int[0]));
    String[] page = new String[16];
    String[] other = new String[16];
    assertThat(cells.classes(groups, page, 0)).isEmpty();
    assertThat(cells.classes(groups, page, 0b0101)).isEqualTo("g m");
    assertThat(cells.classes(groups, page, 0b1010)).isEqualTo("d nm");
    assertThat(cells.classes(groups, page, 0b0100)).isEqualTo("m");
    assertThat(cells.classes(groups, other, 0b0101)).isSameAs(cells.classes(groups, page, 0b0101));
    assertThat(cells.canonical(new String("g m"))).isSameAs(cells.classes(groups, page, 0b0101));
  }
}
