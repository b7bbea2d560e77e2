package eligo.report;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.report.html.Filling;
import eligo.report.html.Html;
import eligo.report.html.PageBytes;
import eligo.report.html.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Every list of a partner's site on one page ({@code lists.html}), a section per area: a row per
 * customer past the area's first gates with a column per node (its outcome and value), and the
 * customers the first gates stopped, once. A count's link ({@code #GROUP:AREA:NODE}) shows its area
 * and its customers only ({@code site.js}); without script the page shows every customer. One page,
 * not one per node: a customer is written once per area, not once per node, and a site is few
 * files.
 */
final class AreaListPage {
  private AreaListPage() {}

  private static final Template PAGE = SitePages.SITE.get("lists");
  private static final Template AREA = SitePages.SITE.get("areaList");
  private static final Template STOPPED = SitePages.SITE.get("areaStopped");
  private static final Template HEAD = SitePages.SITE.get("areaHead");
  private static final Template UNIT = SitePages.SITE.get("unitTag");
  private static final Template ROW = SitePages.SITE.get("areaRow");
  private static final Template CELL_NOT_EVALUATED = SitePages.SITE.get("areaCellNotEvaluated");
  private static final Template LINK = SitePages.SITE.get("link");

  /** The marks of the outcomes in a cell, in the legend of the page. */
  static String mark(byte status) {
    return status == NodeResults.MET ? "✓" : status == NodeResults.NOT_MET ? "✗" : "–";
  }

  /** The fragment ({@code GROUP:AREA:NODE}) of a count's link to its customers. */
  static String fragment(String group, String areaId, String nodeId) {
    return group + ":" + SiteNames.ofCriteria(areaId) + ":" + SiteNames.ofCriteria(nodeId);
  }

  /**
   * The link to a count's customers on this page, {@code lists.html#} and its {@link #fragment}:
   * the same string for the same ids on every partner's site this thread writes, kept by the
   * identity of the three (strings of the criteria and the group keys, the same objects on every
   * site), so the summaries do not make them anew and the text's escaped bytes are kept too.
   */
  static String href(String group, String areaId, String nodeId) {
    return HREFS.get().href(group, areaId, nodeId);
  }

  private static final ThreadLocal<Hrefs> HREFS = ThreadLocal.withInitial(Hrefs::new);

  /**
   * A thread's links of {@link #href}, by the identity of their ids (a string never changes): a
   * slot's three ids and link side by side, so a look-up reads one place of memory.
   */
  private static final class Hrefs {
    private static final int SLOTS = 1 << 13; // a site has about 200 links: few share a slot
    private final Object[] slots = new Object[4 * SLOTS];

    String href(String g, String a, String n) {
      int h =
          (System.identityHashCode(g) * 31 + System.identityHashCode(a)) * 31
              + System.identityHashCode(n);
      int at = 4 * ((h ^ (h >>> 13)) & (SLOTS - 1));
      Object[] s = slots;
      if (s[at] != g || s[at + 1] != a || s[at + 2] != n) {
        s[at] = g;
        s[at + 1] = a;
        s[at + 2] = n;
        s[at + 3] = "lists.html#" + fragment(g, a, n);
      }
      return (String) s[at + 3];
    }
  }

  /**
   * Per result node: whether it is the first node of its branch and a gate. When every branch of
   * the area starts with a gate, a customer not meeting any of them is "stopped": not met at those,
   * not evaluated everywhere else.
   */
  static boolean[] firstGates(Ir.Area area) {
    int size = 0;
    for (Ir.Branch b : area.branches()) {
      for (Ir.Node n : b.nodes()) {
        size += n.leaves().isEmpty() ? 1 : n.leaves().size();
      }
    }
    boolean[] first = new boolean[size];
    int i = 0;
    for (Ir.Branch b : area.branches()) {
      boolean start = true;
      for (Ir.Node n : b.nodes()) {
        int width = n.leaves().isEmpty() ? 1 : n.leaves().size();
        if (start && n.kind() == Ir.NodeKind.GATE && width == 1) {
          first[i] = true;
        }
        start = false;
        i += width;
      }
    }
    return first;
  }

  /** {@code lists.html}: the lists of every area of the site. */
  static Html render(SiteModel model) {
    PageBytes out = PageBytes.unshared();
    write(out, model);
    return Html.raw(out.text());
  }

  /**
   * {@code lists.html}, written into {@code out} as it is made ({@link Filling}): a partner's site
   * of 500 customers has tens of thousands of cells.
   */
  static void write(PageBytes out, SiteModel model) {
    Filling page = SitePages.pageOpen(out, model.title("Customers by outcome"), "");
    Filling lists = PAGE.fill(out).text("csv", "results.csv").open("areaLinks");
    for (SiteModel.AreaInfo info : model.areas) {
      LINK.fill(out)
          .text("href", "#" + info.anchor())
          .text("label", info.outcome().area.title())
          .end();
    }
    lists.open("areas");
    for (int ai = 0; ai < model.areas.size(); ai++) {
      area(out, model, ai);
    }
    lists.end();
    SitePages.pageEnd(out, page);
  }

  private static void area(PageBytes out, SiteModel model, int ai) {
    SiteModel.AreaInfo info = model.areas.get(ai);
    Outcome.AreaOutcome ao = info.outcome();
    SummaryView.Area a = model.all.areas().get(ai);
    Dataset data = model.outcome.data;
    int nodes = a.nodes().size();
    boolean[] first = firstGates(ao.area);
    boolean everyBranchGated = ao.area.branches().stream().allMatch(b -> gatedFirst(b));
    // per node, per customer: the groups it is in (a net node's growth and outcome), a bit per
    // group; their classes made once per node and set of groups (the same string for each cell)
    int[][] groups = new int[nodes][data.customerCount()];
    String[][] classesOf = new String[nodes][];
    for (int ni = 0; ni < nodes; ni++) {
      List<SummaryView.Group> gs = a.nodes().get(ni).groups();
      if (gs.size() > 30) {
        throw new IllegalStateException("a node of more than 30 groups");
      }
      classesOf[ni] = new String[1 << gs.size()];
      int[] row = groups[ni];
      for (int gi = 0; gi < gs.size(); gi++) {
        for (int c : gs.get(gi).members()) {
          row[c] |= 1 << gi;
        }
      }
    }
    List<String> gateIds = new ArrayList<>();
    for (int ni = 0; ni < nodes; ni++) {
      if (first[ni]) {
        gateIds.add(SiteNames.ofCriteria(a.nodes().get(ni).id()));
      }
    }
    // the customers the first gates stopped, listed before the table
    boolean[] stopped = new boolean[model.order.length];
    int stoppedCount = 0;
    for (int k = 0; k < model.order.length; k++) {
      stopped[k] = everyBranchGated && stopped(ao, model.order[k], first);
      stoppedCount += stopped[k] ? 1 : 0;
    }
    int shown = model.order.length - stoppedCount;
    Filling area =
        AREA.fill(out)
            .text("anchor", info.anchor())
            .text("title", a.title())
            .text("summary", info.anchor())
            .text(
                "counts",
                "Of "
                    + model.order.length
                    + Words.plural(" customer", model.order.length)
                    + ", "
                    + shown
                    + " went past the area's first "
                    + (gateIds.size() == 1 ? "gate" : "gates")
                    + " and are in the table; "
                    + stoppedCount
                    + " did not.")
            .open("stopped");
    if (stoppedCount > 0) {
      Filling links =
          STOPPED
              .fill(out)
              .text("gates", String.join(" ", gateIds))
              .text("customers", stoppedCount + Words.plural(" customer", stoppedCount))
              .open("links");
      boolean later = false;
      for (int k = 0; k < model.order.length; k++) {
        if (stopped[k]) {
          if (later) {
            out.add(COMMA);
          }
          later = true;
          int c = model.order[k];
          LINK.fill(out).text("href", model.href(c)).text("label", data.customerId(c)).end();
        }
      }
      links.end();
    }
    area.open("heads");
    for (int ni = 0; ni < nodes; ni++) {
      Ir.Node node = ao.nodes.get(ni);
      String unit = node.unit() == null ? "" : node.unit().replace('_', ' ');
      Filling head =
          HEAD.fill(out)
              .text("node", SiteNames.ofCriteria(a.nodes().get(ni).id()))
              .text("label", info.labels().get(ni))
              .open("unit");
      if (unitApart(node) && !unit.isEmpty()) {
        UNIT.fill(out).text("text", " (" + unit + ")").end();
      }
      head.end();
    }
    area.open("rows");
    // each cell made once, its bytes too: most cells of a table are alike (not evaluated, not met
    // 0), and a row is its cells one after the other, copied into the page
    Html notEvaluated = CELL_NOT_EVALUATED.render("text", mark(NodeResults.NOT_EVALUATED)).fixed();
    ListCells cells = ListCells.get();
    // per node: what its cells are made of
    int[] kinds = new int[nodes];
    int[] scales = new int[nodes];
    boolean[] apart = new boolean[nodes];
    for (int ni = 0; ni < nodes; ni++) {
      Ir.Node node = ao.nodes.get(ni);
      kinds[ni] = node.valueKind().ordinal();
      scales[ni] = node.scale();
      apart[ni] = unitApart(node);
    }
    for (int k = 0; k < model.order.length; k++) {
      if (stopped[k]) {
        continue;
      }
      int c = model.order[k];
      Filling row =
          ROW.fill(out)
              .text("href", model.href(c))
              .text("customer", data.customerId(c))
              .text("name", data.customerName(c))
              .open("cells");
      for (int ni = 0; ni < nodes; ni++) {
        byte status = ao.status(c, ni);
        // a cell of no class is not evaluated (site.js reads it so): the commonest cell, kept
        // short
        if (status == NodeResults.NOT_EVALUATED) {
          out.add(notEvaluated);
          continue;
        }
        String classes = cells.classes(a.nodes().get(ni).groups(), classesOf[ni], groups[ni][c]);
        // no text made for a cell made before, on this page or another of this thread's
        Html cell =
            cells.cell(
                ao.nodes.get(ni),
                kinds[ni],
                scales[ni],
                apart[ni],
                classes,
                status,
                ao.value(c, ni));
        out.add(cell);
      }
      row.end();
    }
    area.end();
  }

  /** Between the links of the stopped customers: the separator Html.join escaped. */
  private static final byte[] COMMA = {',', ' '};

  /** Whether a node's values are written as numbers, its unit in the column's head. */
  private static boolean unitApart(Ir.Node node) {
    return node.valueKind() == Ir.ValueKind.COUNT || node.valueKind() == Ir.ValueKind.QUANTITY;
  }

  private static boolean gatedFirst(Ir.Branch b) {
    return !b.nodes().isEmpty()
        && b.nodes().get(0).kind() == Ir.NodeKind.GATE
        && b.nodes().get(0).leaves().isEmpty();
  }

  /**
   * Whether the first gates stopped customer {@code c}: not met at each, nothing else evaluated.
   */
  private static boolean stopped(Outcome.AreaOutcome ao, int c, boolean[] first) {
    for (int ni = 0; ni < first.length; ni++) {
      byte expected = first[ni] ? NodeResults.NOT_MET : NodeResults.NOT_EVALUATED;
      if (ao.status(c, ni) != expected) {
        return false;
      }
    }
    return true;
  }
}
