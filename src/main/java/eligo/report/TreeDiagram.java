package eligo.report;

import eligo.ir.Ir;
import eligo.report.html.Filling;
import eligo.report.html.Html;
import eligo.report.html.PageBytes;
import eligo.report.html.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * An area's part of a summary page ({@link SummaryPage}): the condition sequence tree as a diagram
 * laid out here, as inline SVG (no script, no library): per branch its gates in order, then its
 * metrics, each leaf under its metric, joined by the line of the sequence; each evaluated node's
 * box holds its bar and its counts, each linking to the customer list of that group. Under the
 * diagram, each node's title as a heading with its id and criteria text (what the diagram cuts
 * short).
 */
final class TreeDiagram {
  private TreeDiagram() {}

  /**
   * The classes of a node's box in the diagram, whose fills {@code site.css} gives (text on them
   * meets WCAG AA contrast: {@code ContrastTest}): a gate's, a metric's or leaf's, and a node
   * without counts.
   */
  static final List<String> NODE_CLASSES = List.of("dg", "dm", "dx");

  private static final Template DIAGRAM = SitePages.SITE.get("diagram");
  private static final Template BRANCH = SitePages.SITE.get("dBranch");
  private static final Template LINE = SitePages.SITE.get("dLine");
  private static final Template NODE = SitePages.SITE.get("dNode");
  private static final Template FULL = SitePages.SITE.get("dFull");

  /** A box's size: also in {@code site.css} ({@code .dg>rect}). */
  static final int BOX_WIDTH = 720;

  static final int BOX_HEIGHT = 62;
  static final int GAP = 14;
  static final int INDENT = 28;
  static final int MAX_TITLE = 80;

  /**
   * What a result node's box shows under its title: its bar ({@link SiteCharts#barAt}), its
   * customers per group (each count a link to its list) and their tenants, at the given place.
   */
  interface Box {
    void write(PageBytes out, int x, int barY, int countsY);
  }

  /**
   * Area {@code ai}'s condition sequence tree: per branch its gates in order, then its metrics,
   * each leaf under its metric, joined by the line of the sequence; result node {@code ni}'s box
   * holds {@code boxes.get(ni)}. Written into {@code out}: the runs between the boxes as their
   * bytes, made once per area, and each box as it is made.
   */
  static void diagram(PageBytes out, SiteModel model, int ai, List<Box> boxes) {
    SiteModel.AreaInfo info = model.areas.get(ai);
    Ir.Area area = info.outcome().area;
    Layout layout = layoutOf(info);
    Filling diagram =
        DIAGRAM
            .fill(out)
            .number("width", BOX_WIDTH + 4 * INDENT + 8)
            .number("height", layout.height)
            .text(
                "label",
                area.title() + ": condition sequence tree, with the customers of each outcome")
            .open("items");
    for (int k = 0; k < layout.boxes.length; k++) {
      out.add(layout.runs[k]);
      int[] box = layout.boxes[k];
      boxes.get(box[0]).write(out, box[1], box[2], box[3]);
    }
    out.add(layout.runs[layout.boxes.length]);
    diagram.end();
  }

  /**
   * An area's diagram but for what its boxes show of the customers: the runs of markup between the
   * boxes, each made whole once ({@link Html#fixed}), and per box its result node's index and place
   * ({@code ni, x, barY, countsY}): {@code runs[k]}, box {@code k}, ..., the last run. Made of the
   * area and its labels alone, so the same on every site of the same criteria: every partner's
   * summary draws the same tree with its own counts.
   */
  private record Layout(Html[] runs, int[][] boxes, int height, List<String> labels) {}

  /**
   * The layout of each area, by identity, made once (3,000 partners' summaries draw the same
   * trees); emptied past 4,096 areas (a server's criteria change). A layout is used only for the
   * labels it was made with.
   */
  private static final java.util.Map<Ir.Area, Layout> LAYOUTS = new java.util.IdentityHashMap<>();

  private static Layout layoutOf(SiteModel.AreaInfo info) {
    Ir.Area area = info.outcome().area;
    synchronized (LAYOUTS) {
      Layout known = LAYOUTS.get(area);
      if (known != null && known.labels.equals(info.labels())) {
        return known;
      }
    }
    Layout made = layout(info);
    synchronized (LAYOUTS) {
      if (LAYOUTS.size() >= 4096) {
        LAYOUTS.clear();
      }
      LAYOUTS.put(area, made);
    }
    return made;
  }

  private static Layout layout(SiteModel.AreaInfo info) {
    Ir.Area area = info.outcome().area;
    List<Html> run = new ArrayList<>();
    List<Html> runs = new ArrayList<>();
    List<int[]> boxes = new ArrayList<>();
    int y = 4;
    for (Ir.Branch b : area.branches()) {
      int x0 = 4;
      if (!b.id().isEmpty()) {
        run.add(BRANCH.render("x", x0, "y", y + 16, "text", "Branch: " + b.title()));
        y += 26;
        x0 += INDENT;
      }
      int lineTop = -1;
      int lineX = x0 + 12;
      for (Ir.Node n : b.nodes()) {
        int x = n.kind() == Ir.NodeKind.GATE ? x0 : x0 + INDENT;
        if (lineTop >= 0) {
          run.add(line(lineX, lineTop, y + BOX_HEIGHT / 2, x));
        }
        lineTop = y + BOX_HEIGHT;
        y = node(info, n, x, y, run, runs, boxes);
        int leafTop = y - GAP;
        for (Ir.Node leaf : n.leaves()) {
          int lx = x + INDENT;
          run.add(line(x + 12, leafTop, y + BOX_HEIGHT / 2, lx));
          leafTop = y + BOX_HEIGHT / 2;
          y = node(info, leaf, lx, y, run, runs, boxes);
        }
      }
      y += 8;
    }
    runs.add(Html.join(run).fixed());
    return new Layout(
        runs.toArray(new Html[0]), boxes.toArray(new int[0][]), y + 4, List.copyOf(info.labels()));
  }

  /** The line from ({@code x}, {@code top}) down to {@code y}, then across to {@code toX}. */
  private static Html line(int x, int top, int y, int toX) {
    return LINE.render("d", "M" + x + " " + top + "V" + y + "H" + toX);
  }

  /**
   * The index of {@code n} in {@code nodes} by identity, or -1: a record's {@code equals} compares
   * whole expressions, and a summary page asks for every node of every area.
   */
  static int indexOf(List<Ir.Node> nodes, Ir.Node n) {
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i) == n) {
        return i;
      }
    }
    return -1;
  }

  private static final Html NODE_END = Html.raw("</g>");

  /**
   * Draws node {@code n} at ({@code x}, {@code y}) into {@code run}; a result node's box ends the
   * run ({@code runs}) and is placed in {@code boxes}. Returns the next free y.
   */
  private static int node(
      SiteModel.AreaInfo info,
      Ir.Node n,
      int x,
      int y,
      List<Html> run,
      List<Html> runs,
      List<int[]> boxes) {
    int ni = indexOf(info.outcome().nodes, n);
    String title = ni >= 0 ? info.labels().get(ni) : n.title();
    String shown = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
    String cls = NODE_CLASSES.get(ni < 0 ? 2 : n.kind() == Ir.NodeKind.GATE ? 0 : 1);
    run.add(
        NODE.render(
            "x",
            x,
            "y",
            y,
            "cls",
            cls,
            "full",
            shown.equals(title) ? Html.EMPTY : FULL.render("text", title),
            "textX",
            x + 10,
            "titleY",
            y + 18,
            "href",
            "#" + info.nodeAnchor(n),
            "kind",
            Explainer.kind(n),
            "title",
            shown));
    if (ni >= 0) {
      runs.add(Html.join(run).fixed());
      run.clear();
      boxes.add(new int[] {ni, x + 10, y + 26, y + 53});
    }
    run.add(NODE_END);
    return y + BOX_HEIGHT + GAP;
  }
}
