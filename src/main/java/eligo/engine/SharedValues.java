package eligo.engine;

import eligo.data.NodeResults;
import eligo.ir.Ir;
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
  /** Per area, per result node: the earlier area's index times 65,536 plus its node's, or -1. */
  private final int[][] from;

  /** Per area, its nodes that may be given, in order (null: none). */
  private final int[][] shared;

  private SharedValues(int[][] from) {
    this.from = from;
    this.shared = new int[from.length][];
    for (int a = 0; a < from.length; a++) {
      if (from[a] != null) {
        int[] f = from[a];
        shared[a] = java.util.stream.IntStream.range(0, f.length).filter(i -> f[i] >= 0).toArray();
      }
    }
  }

  /** The twins among {@code areas}, evaluated in that order. */
  static SharedValues of(List<Ir.Area> areas) {
    int[][] from = new int[areas.size()][];
    Map<Ir.Expr, Integer> first = new HashMap<>();
    for (int a = 0; a < areas.size(); a++) {
      List<Ir.Node> nodes = areas.get(a).resultNodes();
      if (nodes.size() > 0xFFFF || areas.size() > 0x7FFF) {
        return new SharedValues(new int[areas.size()][]);
      }
      int[] f = null;
      for (int i = 0; i < nodes.size(); i++) {
        Integer twin = first.putIfAbsent(nodes.get(i).value(), (a << 16) | i);
        if (twin != null && (twin >>> 16) != a) {
          if (f == null) {
            f = new int[nodes.size()];
            java.util.Arrays.fill(f, -1);
          }
          f[i] = twin;
        }
      }
      from[a] = f;
    }
    return new SharedValues(from);
  }

  /** How many result nodes of area {@code a} may be given. */
  int sharedIn(int a) {
    return shared[a] == null ? 0 : shared[a].length;
  }

  /**
   * Gives area {@code a}'s results {@code r} (cleared) the values the earlier areas' results (this
   * customer's, in {@code results}) hold for its twins that were evaluated.
   */
  void give(int a, NodeResults r, List<NodeResults> results) {
    int[] nodes = shared[a];
    if (nodes == null) {
      return;
    }
    int[] f = from[a];
    for (int i : nodes) {
      NodeResults earlier = results.get(f[i] >>> 16);
      int j = f[i] & 0xFFFF;
      if (earlier.status[j] != NodeResults.NOT_EVALUATED) {
        r.given[i] = true;
        r.value[i] = earlier.value[j];
        r.current[i] = earlier.current[j];
        r.baseline[i] = earlier.baseline[j];
      }
    }
  }

  /**
   * After area {@code a} is evaluated: a given node its gates stopped holds no value, as though it
   * had not been given.
   */
  void settle(int a, NodeResults r) {
    int[] nodes = shared[a];
    if (nodes == null) {
      return;
    }
    for (int i : nodes) {
      if (r.given[i] && r.status[i] == NodeResults.NOT_EVALUATED) {
        r.value[i] = 0;
        r.current[i] = 0;
        r.baseline[i] = 0;
      }
    }
  }
}
