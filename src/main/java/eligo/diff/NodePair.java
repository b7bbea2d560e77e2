package eligo.diff;

import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.io.Texts;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node in each version: its area's outcome and its index there (null and -1 where it is missing).
 * A customer is given by its index in each side's dataset ({@link Pairing}).
 */
final class NodePair {
  Outcome.AreaOutcome beforeArea;
  int before = -1;
  Outcome.AreaOutcome afterArea;
  int after = -1;

  /**
   * Whether a customer's row is the same in both versions (customer {@code x} of the old run,
   * {@code y} of the new): the same status and, when evaluated, the same number (whatever its
   * scale), as the results file writes them.
   */
  boolean same(int x, int y) {
    if (before < 0 || after < 0) {
      return false;
    }
    byte s = beforeArea.status(x, before);
    if (s != afterArea.status(y, after)) {
      return false;
    }
    if (s == NodeResults.NOT_EVALUATED) {
      return true;
    }
    long vx = beforeArea.value(x, before);
    long vy = afterArea.value(y, after);
    int sx = beforeArea.nodes.get(before).scale();
    int sy = afterArea.nodes.get(after).scale();
    // the same number at another scale is the same row: the results file writes both alike
    return sx == sy
        ? vx == vy
        : java.math.BigDecimal.valueOf(vx, sx).compareTo(java.math.BigDecimal.valueOf(vy, sy)) == 0;
  }

  /** Customer {@code c}'s status byte in one version; -1 when that version has no such node. */
  int status(int c, boolean old) {
    return old
        ? (before < 0 ? -1 : beforeArea.status(c, before))
        : (after < 0 ? -1 : afterArea.status(c, after));
  }

  Impact.Row row(int c, boolean old) {
    return old
        ? (before < 0 ? null : row(beforeArea, c, before))
        : (after < 0 ? null : row(afterArea, c, after));
  }

  /**
   * Customer {@code c}'s row at node {@code i} of area {@code a}, as the results file writes it.
   */
  static Impact.Row row(Outcome.AreaOutcome a, int c, int i) {
    byte s = a.status(c, i);
    return new Impact.Row(
        NodeResults.statusName(s),
        s == NodeResults.NOT_EVALUATED ? "" : Texts.plain(a.value(c, i), a.nodes.get(i).scale()));
  }

  /** Every node of both runs, by area id and node id (code point order). */
  static Map<String, Map<String, NodePair>> of(Outcome before, Outcome after) {
    Map<String, Map<String, NodePair>> areas = new TreeMap<>(Texts.CODE_POINT_ORDER);
    pair(areas, before, true);
    pair(areas, after, false);
    return areas;
  }

  private static void pair(Map<String, Map<String, NodePair>> areas, Outcome o, boolean old) {
    for (Outcome.AreaOutcome a : o.areas) {
      Map<String, NodePair> nodes =
          areas.computeIfAbsent(a.area.id(), k -> new TreeMap<>(Texts.CODE_POINT_ORDER));
      for (int i = 0; i < a.nodes.size(); i++) {
        NodePair p = nodes.computeIfAbsent(a.nodes.get(i).id(), k -> new NodePair());
        if (old) {
          p.beforeArea = a;
          p.before = i;
        } else {
          p.afterArea = a;
          p.after = i;
        }
      }
    }
  }
}
