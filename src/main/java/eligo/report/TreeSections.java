package eligo.report;

import eligo.ir.Ir;
import eligo.report.html.Html;
import eligo.report.html.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * Under an area's tree diagram on a summary page ({@link SummaryPage}): each node's title as a
 * heading with its id and criteria text (what the diagram cuts short), the members of the named
 * sets it counts over, and its partner-level goal.
 */
final class TreeSections {
  private TreeSections() {}

  private static final Template TREE_NODE_HEAD = SitePages.SITE.get("treeNodeHead");
  private static final Html SECTION_END = Html.raw("</section>");
  private static final Template TREE_SET = SitePages.SITE.get("treeSet");
  private static final Template TREE_SET_AGAIN = SitePages.SITE.get("treeSetAgain");

  private static final Template SMALL = SitePages.SITE.get("small");

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
    List<Html> out = new ArrayList<>();
    for (NamedSet set : setsOf(n)) {
      List<String> names = set.names();
      String anchor = shown.get(names);
      if (anchor != null) {
        out.add(TREE_SET_AGAIN.renderKept("anchor", anchor, "count", names.size()));
      } else {
        anchor = setAnchor(shown.size() + 1);
        shown.put(names, anchor);
        out.add(
            TREE_SET.renderKept("anchor", anchor, "count", names.size(), "names", set.joined()));
      }
    }
    return Html.join(out);
  }

  /** The anchor of the {@code k}th named set listed on a summary page (from 1): {@code set-3}. */
  static String setAnchor(int k) {
    return "set-" + k;
  }

  /**
   * An area's nodes in the order of their sections: each branch's nodes, each before its leaves.
   */
  static List<Ir.Node> nodesInOrder(Ir.Area area) {
    List<Ir.Node> out = new ArrayList<>();
    for (Ir.Branch b : area.branches()) {
      for (Ir.Node n : b.nodes()) {
        out.add(n);
        out.addAll(n.leaves());
      }
    }
    return out;
  }

  /** The named workload sets node {@code n} counts over, in the order its section lists them. */
  static List<List<String>> namedSets(Ir.Node n) {
    List<List<String>> out = new ArrayList<>();
    for (NamedSet set : setsOf(n)) {
      out.add(set.names());
    }
    return out;
  }

  /** A named workload set's members, and them joined for the page. */
  private record NamedSet(List<String> names, String joined) {}

  /**
   * The named sets of each node, by identity, collected once: every partner's summary lists the
   * same, and collecting walks the node's expressions (3,000 partners' sites, 100,000 nodes). A
   * server's criteria change: the cache is emptied when it holds more nodes than a program has.
   */
  private static final java.util.Map<Ir.Node, List<NamedSet>> SETS =
      new java.util.IdentityHashMap<>();

  private static List<NamedSet> setsOf(Ir.Node n) {
    synchronized (SETS) {
      List<NamedSet> known = SETS.get(n);
      if (known != null) {
        return known;
      }
    }
    java.util.Set<List<String>> sets = new java.util.LinkedHashSet<>();
    collect(n.value(), sets);
    if (n.met() != null) {
      collect(n.met(), sets);
    }
    List<NamedSet> made = new ArrayList<>();
    for (List<String> names : sets) {
      made.add(new NamedSet(names, String.join(", ", names)));
    }
    made = List.copyOf(made);
    synchronized (SETS) {
      if (SETS.size() >= 4096) {
        SETS.clear();
      }
      SETS.put(n, made);
    }
    return made;
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

  /**
   * Under area {@code ai}'s diagram, each node's title as a heading with its id, criteria text, the
   * members of the named sets it counts over ({@code setsShown}: those listed above on the page)
   * and for result node {@code ni} {@code partnerLevel.get(ni)}, in the diagram's order.
   */
  static Html sections(
      SiteModel model,
      int ai,
      List<Html> partnerLevel,
      java.util.Map<List<String>, String> setsShown) {
    SiteModel.AreaInfo info = model.areas.get(ai);
    Ir.Area area = info.outcome().area;
    Sections known;
    synchronized (SECTIONS) {
      known = SECTIONS.get(area);
    }
    if (known == null
        || !known.labels.equals(info.labels())
        || !known.shownBefore.equals(setsShown)) {
      known = sections(info, setsShown);
      synchronized (SECTIONS) {
        if (SECTIONS.size() >= 4096) {
          SECTIONS.clear();
        }
        SECTIONS.put(area, known);
      }
    }
    setsShown.putAll(known.shownAfter);
    List<Html> out = new ArrayList<>(2 * known.slots.length + 1);
    for (int k = 0; k < known.slots.length; k++) {
      out.add(known.runs[k]);
      out.add(partnerLevel.get(known.slots[k]));
    }
    out.add(known.runs[known.slots.length]);
    return Html.join(out);
  }

  /**
   * An area's sections but for the partner-level goals: the runs of markup between them, each made
   * whole once, and per goal its result node's index: {@code runs[k]}, the goal of {@code
   * slots[k]}, ..., the last run. Made of the area, its labels and the sets listed above on the
   * page ({@code shownBefore}; {@code shownAfter} with the area's), never of a site's customers:
   * every partner's summary has the same, with its own goals.
   */
  private record Sections(
      Html[] runs,
      int[] slots,
      List<String> labels,
      java.util.Map<List<String>, String> shownBefore,
      java.util.Map<List<String>, String> shownAfter) {}

  /** The sections of each area, by identity, as the diagram keeps its layouts. */
  private static final java.util.Map<Ir.Area, Sections> SECTIONS =
      new java.util.IdentityHashMap<>();

  private static Sections sections(
      SiteModel.AreaInfo info, java.util.Map<List<String>, String> setsShown) {
    java.util.Map<List<String>, String> before = java.util.Map.copyOf(setsShown);
    java.util.Map<List<String>, String> shown = new java.util.HashMap<>(setsShown);
    List<Html> run = new ArrayList<>();
    List<Html> runs = new ArrayList<>();
    List<Integer> slots = new ArrayList<>();
    for (Ir.Node n : nodesInOrder(info.outcome().area)) {
      section(info, n, shown, run, runs, slots);
    }
    runs.add(Html.join(run).fixed());
    return new Sections(
        runs.toArray(new Html[0]),
        slots.stream().mapToInt(Integer::intValue).toArray(),
        List.copyOf(info.labels()),
        before,
        java.util.Map.copyOf(shown));
  }

  /**
   * Node {@code n}'s section into {@code run}; a result node's partner-level goal ends the run
   * ({@code runs}) and takes its place in {@code slots}.
   */
  private static void section(
      SiteModel.AreaInfo info,
      Ir.Node n,
      java.util.Map<List<String>, String> setsShown,
      List<Html> run,
      List<Html> runs,
      List<Integer> slots) {
    int ni = TreeDiagram.indexOf(info.outcome().nodes, n);
    run.add(head(info, n, ni));
    run.add(sets(n, setsShown));
    if (ni >= 0) {
      runs.add(Html.join(run).fixed());
      run.clear();
      slots.add(ni);
    }
    run.add(SECTION_END);
  }

  /** A node's section's head: its title, id and criteria. */
  private static Html head(SiteModel.AreaInfo info, Ir.Node n, int ni) {
    return TREE_NODE_HEAD.render(
        "leaf",
        n.kind() == Ir.NodeKind.LEAF ? " leaf" : "",
        "anchor",
        info.nodeAnchor(n),
        "title",
        ni >= 0 ? info.labels().get(ni) : n.title(),
        "id",
        SMALL.render("text", Explainer.kind(n) + " " + n.id()),
        "criteria",
        n.criteria());
  }
}
