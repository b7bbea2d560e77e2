package eligo.report;

import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.ir.IdentityMemo;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The nodes not met whose explanation an earlier node of the same customer already gave: two nodes
 * of the same value, condition, value kind, unit and details (areas often share a gate or a metric:
 * the Enterprise and SMB areas of Business Applications and Modern Work) not met with the same
 * value have the same why, current value and details rows, whatever their ids and titles. The
 * explainer then copies the first one's view instead of evaluating and tracing the node again.
 *
 * <p>One customer at a time ({@link #start}); not for several threads.
 */
final class ExplainedTwins {
  private final List<Outcome.AreaOutcome> areas;

  /** Per area, the flat index of its first node. */
  private final int[] offset;

  /** Per flat index, the flat index of the first earlier node of the same words, or -1. */
  private final int[] twin;

  /** The customer's views and reasons of the nodes not met explained so far, by flat index. */
  private final CustomerView.Node[] views;

  private final String[] reasons;

  ExplainedTwins(List<Outcome.AreaOutcome> areas) {
    this.areas = areas;
    this.offset = new int[areas.size()];
    int count = 0;
    for (int ai = 0; ai < areas.size(); ai++) {
      offset[ai] = count;
      count += areas.get(ai).nodes.size();
    }
    twin = twinsOf(areas, count);
    views = new CustomerView.Node[count];
    reasons = new String[count];
  }

  /**
   * The twins of the last areas asked for: a site per partner makes an explainer per partner of the
   * same program, and comparing every pair of nodes' expressions is most of what making one costs.
   */
  private static final IdentityMemo<int[]> KNOWN = new IdentityMemo<>();

  private static int[] twinsOf(List<Outcome.AreaOutcome> areas, int count) {
    List<Ir.Area> ids = new ArrayList<>();
    for (Outcome.AreaOutcome a : areas) {
      ids.add(a.area);
    }
    return KNOWN.get(ids, () -> findTwins(areas, count));
  }

  private static int[] findTwins(List<Outcome.AreaOutcome> areas, int count) {
    Ir.Node[] nodes = new Ir.Node[count];
    int at = 0;
    for (Outcome.AreaOutcome a : areas) {
      for (Ir.Node n : a.nodes) {
        nodes[at++] = n;
      }
    }
    int[] twin = new int[count];
    Arrays.fill(twin, -1);
    for (int x = 0; x < count; x++) {
      for (int j = 0; j < x && twin[x] < 0; j++) {
        if (twin[j] < 0 && sameWords(nodes[j], nodes[x])) {
          twin[x] = j;
        }
      }
    }
    return twin;
  }

  /** Whether everything the explanation of a node reads of it, but its names, is the same. */
  private static boolean sameWords(Ir.Node a, Ir.Node b) {
    return a.valueKind() == b.valueKind()
        && Objects.equals(a.unit(), b.unit())
        && a.details().equals(b.details())
        && a.value() != null
        && a.value().equals(b.value())
        && Objects.equals(a.met(), b.met());
  }

  /** Forgets the views of the customer before. */
  void start() {
    Arrays.fill(views, null);
  }

  /**
   * The view already given of the twin of node {@code i} of area {@code ai}, not met for customer
   * {@code c} with the same value as it; null when there is none.
   */
  CustomerView.Node twinOf(int ai, int i, int c) {
    return twinOf(ai, i, c, NodeResults.NOT_MET);
  }

  /**
   * The view already given of the twin of node {@code i} of area {@code ai}, met for customer
   * {@code c} with the same values as it; null when there is none.
   */
  CustomerView.Node metTwinOf(int ai, int i, int c) {
    return twinOf(ai, i, c, NodeResults.MET);
  }

  private CustomerView.Node twinOf(int ai, int i, int c, byte status) {
    int t = twin[offset[ai] + i];
    if (t < 0 || views[t] == null) {
      return null;
    }
    int ta = areaOf(t);
    int ti = t - offset[ta];
    Outcome.AreaOutcome a = areas.get(ai);
    Outcome.AreaOutcome b = areas.get(ta);
    boolean same =
        b.status(c, ti) == status
            && a.status(c, i) == status
            && b.value(c, ti) == a.value(c, i)
            && b.current(c, ti) == a.current(c, i)
            && b.baseline(c, ti) == a.baseline(c, i);
    return same ? views[t] : null;
  }

  /** The reason (the why's first part) of the twin {@link #twinOf} gave. */
  String twinReason(int ai, int i) {
    return reasons[twin[offset[ai] + i]];
  }

  /**
   * Keeps the view and reason of node {@code i} of area {@code ai}, explained as not met, or met
   * with words that read nothing heard.
   */
  void explained(int ai, int i, CustomerView.Node view, String reason) {
    views[offset[ai] + i] = view;
    reasons[offset[ai] + i] = reason;
  }

  private int areaOf(int flat) {
    int ai = offset.length - 1;
    while (offset[ai] > flat) {
      ai--;
    }
    return ai;
  }
}
