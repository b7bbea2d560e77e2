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
 * Made once per site's areas, read by every customer page of it.
 */
final class SetLinks {
  /** The words of a why that name a set by its size, and the set's anchor on the summary. */
  record Link(String words, String anchor) {}

  private static final Link[] NONE = {};

  /** Per node, the links of its sets; a node whose sets share their words has none. */
  private final Map<Ir.Node, Link[]> byNode = new IdentityHashMap<>();

  /** The links of a site of these areas, anchored as its summary page anchors its sets. */
  SetLinks(List<SiteModel.AreaInfo> areas) {
    Map<List<String>, String> anchors = new HashMap<>();
    for (SiteModel.AreaInfo info : areas) {
      for (Ir.Node n : TreeSections.nodesInOrder(info.outcome().area)) {
        add(n, anchors);
      }
    }
  }

  private void add(Ir.Node n, Map<List<String>, String> anchors) {
    List<Link> links = new ArrayList<>();
    for (List<String> names : TreeSections.namedSets(n)) {
      String anchor =
          anchors.computeIfAbsent(names, k -> TreeSections.setAnchor(anchors.size() + 1));
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
