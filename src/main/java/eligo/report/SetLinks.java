package eligo.report;

import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a why's {@code one of 9 named workloads} leads: the summary page lists each named set once,
 * at {@code index.html#set-3} ({@link TreeSections}), in the order of its areas, nodes and leaves.
 * Made once per site's areas ({@link #of}: kept for the next site of the same areas), read by every
 * customer page of it, only read once made.
 */
final class SetLinks {
  /** The words of a why that name a set by its size, and the set's anchor on the summary. */
  record Link(String words, String anchor) {}

  private static final Link[] NONE = {};

  /** Per node, the links of its sets; a node whose sets share their words has none. */
  private final Map<Ir.Node, Link[]> byNode = new IdentityHashMap<>();

  /** The areas it was made for, by identity. */
  private final Ir.Area[] made;

  /** The links of a site of these areas, anchored as its summary page anchors its sets. */
  private SetLinks(List<SiteModel.AreaInfo> areas, Ir.Area[] made) {
    this.made = made;
    Map<List<String>, String> anchors = new HashMap<>();
    for (SiteModel.AreaInfo info : areas) {
      for (Ir.Node n : TreeSections.nodesInOrder(info.outcome().area)) {
        add(n, anchors);
      }
    }
  }

  /** The last made, which every site of the same areas (3,000 partners' sites) shares. */
  private static SetLinks last;

  /**
   * The links of a site of these areas: the last made when it was made for the same areas (by
   * identity, in the same order), since they depend on the areas alone and are only read.
   */
  static SetLinks of(List<SiteModel.AreaInfo> areas) {
    Ir.Area[] these = new Ir.Area[areas.size()];
    for (int i = 0; i < these.length; i++) {
      these[i] = areas.get(i).outcome().area;
    }
    synchronized (SetLinks.class) {
      SetLinks known = last;
      if (known != null && sameAreas(known.made, these)) {
        return known;
      }
    }
    SetLinks made = new SetLinks(areas, these);
    synchronized (SetLinks.class) {
      last = made;
    }
    return made;
  }

  private static boolean sameAreas(Ir.Area[] a, Ir.Area[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    return true;
  }

  private void add(Ir.Node n, Map<List<String>, String> anchors) {
    List<Link> links = new ArrayList<>();
    for (List<String> names : TreeSections.namedSets(n)) {
      String anchor = anchors.get(names);
      if (anchor == null) {
        anchor = TreeSections.setAnchor(anchors.size() + 1);
        anchors.put(names, anchor);
      }
      String words = Words.namedWorkloads(names.size());
      for (Link l : links) {
        if (l.words().equals(words)) {
          byNode.put(n, NONE); // two sets of one size: the words do not say which
          return;
        }
      }
      links.add(new Link(words, anchor));
    }
    byNode.put(n, links.toArray(NONE));
  }

  /**
   * The link of the set that {@code why}, the why of node {@code n}, names by its size; or null.
   */
  Link in(Ir.Node n, String why) {
    for (Link l : byNode.getOrDefault(n, NONE)) {
      if (why.contains(l.words())) {
        return l;
      }
    }
    return null;
  }
}
