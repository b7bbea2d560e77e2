package eligo.report;

import eligo.ir.Ir;
import eligo.report.html.Html;
import eligo.report.html.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * An area's tree page ({@code tree.NAME.html}): the condition sequence tree as a diagram laid out
 * here, as inline SVG (no script, no library): per branch its gates in order, then its metrics,
 * each leaf under its metric, joined by the line of the sequence; each evaluated node shows its met
 * / not met / not evaluated counts, each linking to the customer list of that group. Under the
 * diagram, each node's title as a heading with its id and criteria text (what the diagram cuts
 * short).
 */
final class TreeDiagram {
  private TreeDiagram() {}

  /**
   * The fills behind a node's text in the diagram: a gate's, a metric's or leaf's, and a node
   * without counts (text on them meets WCAG AA contrast: {@code ContrastTest}).
   */
  static final List<String> NODE_FILLS = List.of("#eef3fa", "#f3f8ef", "#f7f7f7");

  private static final Template TREE = SitePages.SITE.get("tree");
  private static final Template TREE_NODE = SitePages.SITE.get("treeNode");
  private static final Template TREE_PARTNER = SitePages.SITE.get("treePartner");
  private static final Template TREE_SET = SitePages.SITE.get("treeSet");
  private static final Template TREE_SET_AGAIN = SitePages.SITE.get("treeSetAgain");

  /**
   * The members of the named workload sets a node counts over that the why only counts ({@code one
   * of 23 named workloads}): each set once, its names in order.
   */
  static Html sets(Ir.Node n) {
    return sets(n, new java.util.HashMap<>());
  }

  /**
   * The sets of {@link #sets(Ir.Node)} on a page where {@code shown} holds the sets listed above
   * with their anchors: a set is listed once a page, later nodes link to it.
   */
  static Html sets(Ir.Node n, java.util.Map<List<String>, String> shown) {
    java.util.Set<List<String>> sets = new java.util.LinkedHashSet<>();
    collect(n.value(), sets);
    if (n.met() != null) {
      collect(n.met(), sets);
    }
    List<Html> out = new ArrayList<>();
    for (List<String> names : sets) {
      String anchor = shown.get(names);
      if (anchor != null) {
        out.add(TREE_SET_AGAIN.render("anchor", anchor, "count", names.size()));
      } else {
        anchor = "set-" + (shown.size() + 1);
        shown.put(names, anchor);
        out.add(
            TREE_SET.render(
                "anchor", anchor, "count", names.size(), "names", String.join(", ", names)));
      }
    }
    return Html.join(out);
  }

  private static void collect(Ir.Expr e, java.util.Set<List<String>> sets) {
    if (e == null) {
      return;
    }
    for (Ir.Binder b : Words.bindersOf(e)) {
      if (b instanceof Ir.ForWorkload w) {
        collect(w.set(), sets);
      }
    }
    for (Ir.Expr child : e.children()) {
      collect(child, sets);
    }
  }

  private static void collect(Ir.WorkloadSet set, java.util.Set<List<String>> sets) {
    if (set instanceof Ir.Names names && names.names().size() > 3) {
      sets.add(names.names());
    } else if (set instanceof Ir.Union u) {
      for (Ir.WorkloadSet p : u.parts()) {
        collect(p, sets);
      }
    } else if (set instanceof Ir.Except x) {
      collect(x.base(), sets);
      collect(x.minus(), sets);
    }
  }

  private static final Template DIAGRAM = SitePages.SITE.get("diagram");
  private static final Template BRANCH = SitePages.SITE.get("dBranch");
  private static final Template LINE = SitePages.SITE.get("dLine");
  private static final Template NODE = SitePages.SITE.get("dNode");
  private static final Template COUNT = SitePages.SITE.get("dCount");
  private static final Template ZERO = SitePages.SITE.get("dZero");
  private static final Template FULL = SitePages.SITE.get("dFull");

  static final int BOX_WIDTH = 620;
  static final int BOX_HEIGHT = 46;
  static final int GAP = 14;
  static final int INDENT = 28;
  static final int MAX_TITLE = 72;

  static String page(SitePages pages, int ai) {
    SiteModel model = pages.model;
    SiteModel.AreaInfo info = model.areas.get(ai);
    Ir.Area area = info.outcome().area;
    SummaryView.Area summary = model.all.areas().get(ai);
    List<Html> items = new ArrayList<>();
    List<Html> sections = new ArrayList<>();
    java.util.Map<List<String>, String> shown = new java.util.HashMap<>();
    int y = 4;
    for (Ir.Branch b : area.branches()) {
      int x0 = 4;
      if (!b.id().isEmpty()) {
        items.add(BRANCH.render("x", x0, "y", y + 16, "text", "Branch: " + b.title()));
        y += 26;
        x0 += INDENT;
      }
      int lineTop = -1;
      int lineX = x0 + 12;
      for (Ir.Node n : b.nodes()) {
        int x = n.kind() == Ir.NodeKind.GATE ? x0 : x0 + INDENT;
        if (lineTop >= 0) {
          items.add(LINE.render("x1", lineX, "y1", lineTop, "x2", lineX, "y2", y + BOX_HEIGHT / 2));
          items.add(
              LINE.render(
                  "x1", lineX, "y1", y + BOX_HEIGHT / 2, "x2", x, "y2", y + BOX_HEIGHT / 2));
        }
        lineTop = y + BOX_HEIGHT;
        y = node(pages, ai, summary, n, x, y, items, sections, shown);
        int leafTop = y - GAP;
        for (Ir.Node leaf : n.leaves()) {
          int lx = x + INDENT;
          items.add(
              LINE.render("x1", x + 12, "y1", leafTop, "x2", x + 12, "y2", y + BOX_HEIGHT / 2));
          items.add(
              LINE.render(
                  "x1", x + 12, "y1", y + BOX_HEIGHT / 2, "x2", lx, "y2", y + BOX_HEIGHT / 2));
          leafTop = y + BOX_HEIGHT / 2;
          y = node(pages, ai, summary, leaf, lx, y, items, sections, shown);
        }
      }
      y += 8;
    }
    Html diagram =
        DIAGRAM.render(
            "width",
            BOX_WIDTH + 4 * INDENT + 8,
            "height",
            y + 4,
            "label",
            area.title() + ": condition sequence tree, with the customers of each outcome",
            "items",
            Html.join(items));
    Html body =
        TREE.render(
            "anchor",
            info.anchor(),
            "title",
            area.title(),
            "diagram",
            diagram,
            "nodes",
            Html.join(sections));
    return SitePages.page("Tree: " + area.title(), "", body);
  }

  /** Draws node {@code n} at ({@code x}, {@code y}); returns the next free y. */
  private static int node(
      SitePages pages,
      int ai,
      SummaryView.Area summary,
      Ir.Node n,
      int x,
      int y,
      List<Html> items,
      List<Html> sections,
      java.util.Map<List<String>, String> setsShown) {
    SiteModel.AreaInfo info = pages.model.areas.get(ai);
    int ni = info.outcome().nodes.indexOf(n);
    String title = ni >= 0 ? info.labels().get(ni) : n.title();
    String shown = title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
    List<Html> counts = new ArrayList<>();
    String fill = NODE_FILLS.get(2);
    if (ni >= 0) {
      SummaryView.Node sn = summary.nodes().get(ni);
      int cx = x + 10;
      for (int gi = 0; gi < sn.groups().size(); gi++) {
        SummaryView.Group g = sn.groups().get(gi);
        if (!(g.key().equals("met")
            || g.key().equals("not_met")
            || g.key().equals("not_evaluated"))) {
          continue;
        }
        String text = g.label() + " " + g.count();
        counts.add(
            g.count() == 0
                ? ZERO.render("x", cx, "y", y + 36, "text", text)
                : COUNT.render(
                    "href",
                    pages.listHref(ai, ni, gi, 0, null),
                    "x",
                    cx,
                    "y",
                    y + 36,
                    "text",
                    text));
        cx += 7 * text.length() + 24;
      }
      fill = NODE_FILLS.get(n.kind() == Ir.NodeKind.GATE ? 0 : 1);
    }
    items.add(
        NODE.render(
            "id",
            n.id(),
            "x",
            x,
            "y",
            y,
            "width",
            BOX_WIDTH,
            "height",
            BOX_HEIGHT,
            "fill",
            fill,
            "full",
            shown.equals(title) ? Html.EMPTY : FULL.render("text", title),
            "textX",
            x + 10,
            "titleY",
            y + 18,
            "kind",
            Explainer.kind(n),
            "title",
            shown,
            "counts",
            Html.join(counts)));
    sections.add(
        TREE_NODE.render(
            "anchor",
            info.nodeAnchors().get(n),
            "title",
            title,
            "kind",
            Explainer.kind(n),
            "id",
            n.id(),
            "criteria",
            n.criteria(),
            "sets",
            sets(n, setsShown),
            "partner",
            n.partner() == null
                ? Html.EMPTY
                : TREE_PARTNER.render("criteria", n.partner().criteria())));
    return y + BOX_HEIGHT + GAP;
  }
}
