package eligo.report;

import eligo.report.html.Filling;
import eligo.report.html.PageBytes;
import eligo.report.html.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A node's chart in its box of the summary's tree diagram: one bar whose parts add up to the
 * customers counted (met, not met, not evaluated; for a net value growth, decline and no change
 * among those evaluated, then not evaluated), with the counts of every group under it. Inline SVG.
 */
final class SiteCharts {
  private SiteCharts() {}

  private static final Template BOX = SitePages.SITE.get("dBox");
  private static final Template PART = SitePages.SITE.get("part");
  private static final Template FIRST_PART = SitePages.SITE.get("firstPart");

  /** A bar's width: also in {@code site.css} ({@code .bar}). */
  static final int WIDTH = 560;

  /** The groups of {@code n} that split its customers: each customer in exactly one. */
  static List<SummaryView.Group> partition(SummaryView.Node n) {
    List<SummaryView.Group> parts = new ArrayList<>();
    for (SummaryView.Group g : n.groups()) {
      boolean netPart =
          g.key().equals("growth") || g.key().equals("decline") || g.key().equals("no_change");
      boolean statusPart = g.key().equals("met") || g.key().equals("not_met");
      if (n.net() ? !statusPart : !netPart) {
        parts.add(g);
      }
    }
    return parts;
  }

  /**
   * A node's box contents in the diagram at ({@code x}, {@code barY}): its bar, then at {@code
   * countsY} the line of its customers per group ({@code counts}, which writes it) or, with Tenants
   * chosen, of their tenants ({@code tenants}); written into {@code out}.
   */
  static void barAt(
      PageBytes out,
      SummaryView.Node n,
      int customers,
      int x,
      int barY,
      int countsY,
      Consumer<PageBytes> counts,
      String tenants) {
    Filling box = BOX.fill(out).number("x", x).number("barY", barY).open("parts");
    int at = 0;
    int done = 0;
    for (SummaryView.Group g : partition(n)) {
      done += g.count();
      // cumulative rounding: the parts end exactly at the bar's end
      int end = customers == 0 ? 0 : (int) Math.round((double) WIDTH * done / customers);
      if (end > at) {
        // a part of the group's class, which site.css fills with its colour; the first at x 0
        Filling part = (at == 0 ? FIRST_PART : PART).fill(out);
        if (at > 0) {
          part.number("x", at);
        }
        part.number("width", end - at).text("cls", OutcomeClass.of(g.key())).end();
      }
      at = end;
    }
    box.number("x", x).number("countsY", countsY).open("counts");
    counts.accept(out);
    box.number("x", x).number("countsY", countsY).text("tenants", tenants).end();
  }
}
