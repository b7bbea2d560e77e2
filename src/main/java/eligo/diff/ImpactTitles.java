package eligo.diff;

import eligo.engine.Outcome;
import eligo.io.Texts;
import eligo.ir.Ir;
import eligo.report.NodeLabels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The titles of what an {@link Impact} names, for people: each area's title and its changed nodes'
 * labels ({@link NodeLabels}), from the new criteria, else the old (a node one version lacks).
 */
final class ImpactTitles {
  private ImpactTitles() {}

  /**
   * Per area id: its title and, per node id of the changed {@code nodes} and {@code partners} rows
   * and of the rows of customers {@code added} and {@code removed}, its label; areas and nodes in
   * code point order.
   */
  static Map<String, Impact.Titles> of(
      List<Impact.NodeChange> nodes,
      List<Impact.PartnerChange> partners,
      List<Impact.CustomerOutcome> added,
      List<Impact.CustomerOutcome> removed,
      Outcome before,
      Outcome after) {
    Map<String, Impact.Titles> out = new TreeMap<>(Texts.CODE_POINT_ORDER);
    for (Impact.NodeChange n : nodes) {
      put(out, n.area(), n.node(), before, after);
    }
    for (Impact.PartnerChange p : partners) {
      put(out, p.area(), p.node(), before, after);
    }
    for (List<Impact.CustomerOutcome> side : List.of(added, removed)) {
      if (!side.isEmpty()) { // every customer has a row at every node of its run: one is enough
        for (Impact.NodeOutcome r : side.get(0).rows()) {
          put(out, r.area(), r.node(), before, after);
        }
      }
    }
    return out;
  }

  private static void put(
      Map<String, Impact.Titles> out, String area, String node, Outcome before, Outcome after) {
    for (Outcome o : new Outcome[] {after, before}) {
      Outcome.AreaOutcome a = o.area(area);
      Ir.Node n = a == null ? null : find(a, node);
      if (n != null) {
        Impact.Titles t =
            out.computeIfAbsent(
                area,
                k -> new Impact.Titles(a.area.title(), new TreeMap<>(Texts.CODE_POINT_ORDER)));
        t.nodes().putIfAbsent(node, NodeLabels.of(a.area, n));
        return;
      }
    }
  }

  private static Ir.Node find(Outcome.AreaOutcome a, String id) {
    for (Ir.Node n : a.nodes) {
      if (n.id().equals(id)) {
        return n;
      }
    }
    for (Ir.Node n : a.partnerNodes) {
      if (n.id().equals(id)) {
        return n;
      }
    }
    return null;
  }
}
