package eligo.engine;

import eligo.data.NodeResults;
import eligo.ir.IdentityMemo;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The result nodes whose value an earlier area of the same evaluation computes already: a node of
 * the same value expression (the IR's records compare by content), evaluated for the same customer
 * in the same month over the same data, has the same value. Template instances differ only in their
 * parameters, so most of an instance's nodes are another's (of Business Applications SMB's seven,
 * five are Enterprise's). Before an area is evaluated for a customer, {@link #give} sets the values
 * its earlier twin computed as {@link NodeResults#given}; the area's own {@code met when} still
 * decides each status, and a node its own gates stop stays not evaluated ({@link #settle}).
 */
final class SharedValues {
  /** A result node of an area whose value node {@code earlierNode} of area {@code area} gives. */
  private record Twin(int node, int area, int earlierNode) {}

  /** Per area, its nodes that may be given, in order (empty: none). */
  private final Twin[][] twins;

  private SharedValues(Twin[][] twins) {
    this.twins = twins;
  }

  /** The twins among {@code areas}, evaluated in that order. */
  static SharedValues of(List<Ir.Area> areas) {
    return KNOWN.get(areas, () -> find(areas));
  }

  /**
   * The twins of the last areas asked for: a run per partner (a site per partner) asks for the same
   * areas thousands of times, and finding twins compares whole expressions.
   */
  private static final IdentityMemo<SharedValues> KNOWN = new IdentityMemo<>();

  private static SharedValues find(List<Ir.Area> areas) {
    Twin[][] twins = new Twin[areas.size()][];
    Map<Ir.Expr, Twin> first = new HashMap<>(); // the first node of each value, as its own twin
    for (int a = 0; a < areas.size(); a++) {
      List<Ir.Node> nodes = areas.get(a).resultNodes();
      List<Twin> mine = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        Twin earlier = first.putIfAbsent(nodes.get(i).value(), new Twin(i, a, i));
        if (earlier != null && earlier.area() != a) {
          mine.add(new Twin(i, earlier.area(), earlier.node()));
        }
      }
      twins[a] = mine.toArray(new Twin[0]);
    }
    return new SharedValues(twins);
  }

  /** How many result nodes of area {@code a} may be given. */
  int sharedIn(int a) {
    return twins[a].length;
  }

  /**
   * Gives area {@code a}'s results {@code r} (cleared) the values the earlier areas' results (this
   * customer's, in {@code results}) hold for its twins that were evaluated.
   */
  void give(int a, NodeResults r, List<NodeResults> results) {
    for (Twin t : twins[a]) {
      NodeResults earlier = results.get(t.area());
      int j = t.earlierNode();
      if (earlier.status[j] != NodeResults.NOT_EVALUATED) {
        r.given[t.node()] = true;
        r.value[t.node()] = earlier.value[j];
        r.current[t.node()] = earlier.current[j];
        r.baseline[t.node()] = earlier.baseline[j];
      }
    }
  }

  /**
   * After area {@code a} is evaluated: a given node its gates stopped holds no value, as though it
   * had not been given.
   */
  void settle(int a, NodeResults r) {
    for (Twin t : twins[a]) {
      int i = t.node();
      if (r.given[i] && r.status[i] == NodeResults.NOT_EVALUATED) {
        r.value[i] = 0;
        r.current[i] = 0;
        r.baseline[i] = 0;
      }
    }
  }
}
