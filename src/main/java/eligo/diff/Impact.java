package eligo.diff;

import eligo.data.Dataset;
import eligo.data.Month;
import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.io.Texts;
import eligo.ir.Ir;
import eligo.report.CustomerView;
import eligo.report.Explainer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a change of the criteria does to one dataset: two runs on the same data (the old criteria
 * and the new) compared row by row, as the canonical results file states them. A row is a
 * customer's (or a partner's) status and value at one node; it changes when either differs, or when
 * the node exists in one version only.
 *
 * @param nodes per area and node, how many customers changed and how (in area, node order)
 * @param partners the partner-level rows that changed
 * @param customers the customers with a changed row, each with its changed rows
 */
public record Impact(
    String oldLabel,
    String newLabel,
    String data,
    String asOf,
    int customerCount,
    List<NodeChange> nodes,
    List<PartnerChange> partners,
    List<CustomerChange> customers,
    Map<String, Titles> titles) {

  public Impact {
    nodes = List.copyOf(nodes);
    partners = List.copyOf(partners);
    customers = List.copyOf(customers);
    titles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(titles));
  }

  /** An area's title, and the labels of its nodes that the impact names, by node id. */
  public record Titles(String title, Map<String, String> nodes) {}

  /** The label of node {@code node} of area {@code area} for people; the id when it has none. */
  public String label(String area, String node) {
    Titles t = titles.get(area);
    String label = t == null ? null : t.nodes().get(node);
    return label == null ? node : label;
  }

  /** The title of area {@code area}; the id when it has none. */
  public String areaTitle(String area) {
    Titles t = titles.get(area);
    return t == null ? area : t.title();
  }

  /**
   * A row's status and value as the results file writes them; {@code value} is empty when not
   * evaluated.
   */
  public record Row(String status, String value) {
    @Override
    public String toString() {
      return value.isEmpty() ? status : status + " " + value;
    }
  }

  /** How many customers moved from one status to another at a node; a null status: no such row. */
  public record Transition(String from, String to, int customers) {}

  /**
   * One node: the customers whose row changed, by transition; {@code valueOnly}: same status, other
   * value.
   */
  public record NodeChange(
      String area, String node, int customersChanged, List<Transition> transitions, int valueOnly) {
    public NodeChange {
      transitions = List.copyOf(transitions);
    }
  }

  /** A partner-level row that changed; a null side: the node exists in one version only. */
  public record PartnerChange(String partner, String area, String node, Row before, Row after) {}

  /**
   * One changed row of a customer, with each side as the report explains it ({@code $1,000.00}, and
   * why when not met or not evaluated); a null side: the node exists in one version only.
   */
  public record RowChange(
      String area,
      String node,
      Row before,
      Row after,
      String explainedBefore,
      String explainedAfter) {}

  public record CustomerChange(
      String partner, String customer, String name, List<RowChange> changes) {
    public CustomerChange {
      changes = List.copyOf(changes);
    }
  }

  /** Whether no row at all changed. */
  public boolean nothingChanged() {
    return customers.isEmpty() && partners.isEmpty();
  }

  public int rowsChanged() {
    return customers.stream().mapToInt(c -> c.changes().size()).sum();
  }

  /** Compares two runs on the same dataset (customers in the same order). */
  public static Impact compare(
      String oldLabel, String newLabel, String data, Outcome before, Outcome after) {
    return compare(oldLabel, newLabel, data, before, after, Integer.MAX_VALUE).impact();
  }

  /**
   * An impact whose customer list holds only the first {@code atMost} changed customers (in the
   * list's order), and how many changed in all: a change that moves many customers is counted per
   * node and partner in full, and only the customers listed are explained.
   */
  public record Listed(Impact impact, int customersChanged) {}

  /**
   * {@link #compare(String, String, String, Outcome, Outcome)} listing (and explaining) at most
   * {@code atMost} of the customers that changed.
   */
  public static Listed compare(
      String oldLabel, String newLabel, String data, Outcome before, Outcome after, int atMost) {
    Dataset d = after.data;
    if (before.data.customerCount() != d.customerCount()) {
      throw new IllegalArgumentException("the two runs read different datasets");
    }
    Map<String, Map<String, NodePair>> areas = new TreeMap<>(Texts.CODE_POINT_ORDER);
    pair(areas, before, true);
    pair(areas, after, false);

    // Per node, the customers whose row changed, counted by move from the status bytes (no row
    // is formatted here: a million customers may change); which customers changed at all.
    List<NodeChange> nodes = new ArrayList<>();
    List<NodePair> changedPairs = new ArrayList<>();
    List<String[]> changedKeys = new ArrayList<>(); // area id, node id of each changed pair
    boolean[] changedAny = new boolean[d.customerCount()];
    for (Map.Entry<String, Map<String, NodePair>> a : areas.entrySet()) {
      for (Map.Entry<String, NodePair> n : a.getValue().entrySet()) {
        NodePair p = n.getValue();
        if (p.beforeArea == p.afterArea && p.before == p.after) {
          continue; // an area both runs share (Evaluation.rerun kept it): no row can differ
        }
        int[][] moves = new int[4][4]; // [from + 1][to + 1]: status byte, or -1 for no such row
        int changed = 0;
        int valueOnly = 0;
        for (int c = 0; c < d.customerCount(); c++) {
          if (p.same(c)) {
            continue; // also: neither version has the node (never both absent for a pair)
          }
          int from = p.status(c, true);
          int to = p.status(c, false);
          changed++;
          changedAny[c] = true;
          if (from >= 0 && from == to) {
            valueOnly++;
          } else {
            moves[from + 1][to + 1]++;
          }
        }
        if (changed > 0) {
          Map<Move, Integer> byMove = new TreeMap<>(Move.ORDER);
          for (int f = 0; f < 4; f++) {
            for (int t = 0; t < 4; t++) {
              if (moves[f][t] > 0) {
                byMove.put(new Move(statusName(f - 1), statusName(t - 1)), moves[f][t]);
              }
            }
          }
          List<Transition> transitions = new ArrayList<>();
          byMove.forEach((m, count) -> transitions.add(new Transition(m.from(), m.to(), count)));
          nodes.add(new NodeChange(a.getKey(), n.getKey(), changed, transitions, valueOnly));
          changedPairs.add(p);
          changedKeys.add(new String[] {a.getKey(), n.getKey()});
        }
      }
    }
    Comparator<Integer> order =
        Comparator.comparing((Integer c) -> d.partnerId(c), Texts.CODE_POINT_ORDER)
            .thenComparing(c -> d.customerId(c), Texts.CODE_POINT_ORDER);
    int changedCount = 0;
    for (boolean b : changedAny) {
      changedCount += b ? 1 : 0;
    }
    List<Integer> listedCustomers = firstChanged(changedAny, Math.min(atMost, changedCount), order);
    // the listed customers' changed rows, in area and node order
    Map<Integer, List<RowChange>> byCustomer = new HashMap<>();
    for (int c : listedCustomers) {
      List<RowChange> rows = new ArrayList<>();
      for (int k = 0; k < changedPairs.size(); k++) {
        NodePair p = changedPairs.get(k);
        if (!p.same(c)) {
          rows.add(
              new RowChange(
                  changedKeys.get(k)[0],
                  changedKeys.get(k)[1],
                  p.row(c, true),
                  p.row(c, false),
                  null,
                  null));
        }
      }
      byCustomer.put(c, rows);
    }
    List<CustomerChange> customers = explained(before, after, listedCustomers, byCustomer);
    List<PartnerChange> partners = partnerChanges(before, after);
    Impact impact =
        new Impact(
            oldLabel,
            newLabel,
            data,
            Month.format(after.asOf),
            d.customerCount(),
            nodes,
            partners,
            customers,
            ImpactTitles.of(nodes, partners, before, after));
    return new Listed(impact, changedCount);
  }

  /**
   * The node's value for people and, when not met or not evaluated, why; null when the version has
   * no such node.
   */
  /**
   * The customers {@code listed}, each change with both sides' words: each customer explained in
   * the areas where it changed only, the customers shared out among the processors (an explainer
   * per thread, as the report's site writer does; the list keeps its order).
   */
  private static List<CustomerChange> explained(
      Outcome before,
      Outcome after,
      List<Integer> listed,
      Map<Integer, List<RowChange>> byCustomer) {
    Dataset d = after.data;
    ThreadLocal<Explainer> explainBefore = ThreadLocal.withInitial(() -> new Explainer(before));
    ThreadLocal<Explainer> explainAfter = ThreadLocal.withInitial(() -> new Explainer(after));
    return listed.parallelStream()
        .map(
            c -> {
              java.util.Set<String> areas = new java.util.HashSet<>();
              byCustomer.get(c).forEach(r -> areas.add(r.area()));
              CustomerView viewBefore = explainBefore.get().explain(c, areas);
              CustomerView viewAfter = explainAfter.get().explain(c, areas);
              List<RowChange> explained = new ArrayList<>();
              for (RowChange r : byCustomer.get(c)) {
                explained.add(
                    new RowChange(
                        r.area(),
                        r.node(),
                        r.before(),
                        r.after(),
                        words(viewBefore, r),
                        words(viewAfter, r)));
              }
              return new CustomerChange(
                  d.partnerId(c), d.customerId(c), d.customerName(c), explained);
            })
        .toList();
  }

  /**
   * The first {@code k} customers marked in {@code changed} in {@code order}, in order: all of them
   * sorted when {@code k} is their number, else the {@code k} least kept in a bounded heap (a
   * million changed customers are not sorted to list fifty).
   */
  static List<Integer> firstChanged(boolean[] changed, int k, Comparator<Integer> order) {
    if (k <= 0) {
      return List.of();
    }
    java.util.PriorityQueue<Integer> worstFirst =
        new java.util.PriorityQueue<>(k, order.reversed());
    for (int c = 0; c < changed.length; c++) {
      if (!changed[c]) {
        continue;
      }
      if (worstFirst.size() < k) {
        worstFirst.add(c);
      } else if (order.compare(c, worstFirst.peek()) < 0) {
        worstFirst.poll();
        worstFirst.add(c);
      }
    }
    List<Integer> out = new ArrayList<>(worstFirst);
    out.sort(order);
    return out;
  }

  /** The results file's name of a status byte; null for -1, no such row. */
  private static String statusName(int status) {
    return status < 0 ? null : NodeResults.statusName((byte) status);
  }

  private static String words(CustomerView view, RowChange r) {
    for (CustomerView.Area a : view.areas()) {
      if (a.id().equals(r.area())) {
        for (CustomerView.Node n : a.nodes()) {
          if (n.id().equals(r.node())) {
            String shown =
                n.current() == null || n.current().isEmpty() ? "not evaluated" : n.current();
            return n.why() == null ? shown : shown + "; why: " + n.why();
          }
        }
      }
    }
    return null;
  }

  /** A change of status; null: no such row. */
  private record Move(String from, String to) {
    static final Comparator<String> STATUS = Comparator.nullsFirst(Texts.CODE_POINT_ORDER);
    static final Comparator<Move> ORDER =
        Comparator.comparing(Move::from, STATUS).thenComparing(Move::to, STATUS);
  }

  /** A partner-level row's place. */
  private record PartnerKey(String partner, String area, String node) {
    static final Comparator<PartnerKey> ORDER =
        Comparator.comparing(PartnerKey::partner, Texts.CODE_POINT_ORDER)
            .thenComparing(PartnerKey::area, Texts.CODE_POINT_ORDER)
            .thenComparing(PartnerKey::node, Texts.CODE_POINT_ORDER);
  }

  /**
   * A node in each version: its area's outcome and its index there (null and -1 where it is
   * missing).
   */
  private static final class NodePair {
    Outcome.AreaOutcome beforeArea;
    int before = -1;
    Outcome.AreaOutcome afterArea;
    int after = -1;

    /**
     * Whether customer {@code c}'s row is the same in both versions: the same status and, when
     * evaluated, the same number (whatever its scale), as the results file writes them.
     */
    boolean same(int c) {
      if (before < 0 || after < 0) {
        return false;
      }
      byte s = beforeArea.status(c, before);
      if (s != afterArea.status(c, after)) {
        return false;
      }
      if (s == NodeResults.NOT_EVALUATED) {
        return true;
      }
      long x = beforeArea.value(c, before);
      long y = afterArea.value(c, after);
      int sx = beforeArea.nodes.get(before).scale();
      int sy = afterArea.nodes.get(after).scale();
      // the same number at another scale is the same row: the results file writes both alike
      return sx == sy
          ? x == y
          : java.math.BigDecimal.valueOf(x, sx).compareTo(java.math.BigDecimal.valueOf(y, sy)) == 0;
    }

    /** Customer {@code c}'s status byte in one version; -1 when that version has no such node. */
    int status(int c, boolean old) {
      return old
          ? (before < 0 ? -1 : beforeArea.status(c, before))
          : (after < 0 ? -1 : afterArea.status(c, after));
    }

    Row row(int c, boolean old) {
      return old
          ? (before < 0 ? null : row(beforeArea, c, before))
          : (after < 0 ? null : row(afterArea, c, after));
    }

    private static Row row(Outcome.AreaOutcome a, int c, int i) {
      byte s = a.status(c, i);
      return new Row(
          NodeResults.statusName(s),
          s == NodeResults.NOT_EVALUATED ? "" : Texts.plain(a.value(c, i), a.nodes.get(i).scale()));
    }
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

  private static List<PartnerChange> partnerChanges(Outcome before, Outcome after) {
    // an area both runs share (Evaluation.rerun kept it) has the same partner rows in both
    java.util.Set<Outcome.AreaOutcome> shared =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Outcome.AreaOutcome a : before.areas) {
      if (after.area(a.area.id()) == a) {
        shared.add(a);
      }
    }
    Map<PartnerKey, Row> x = partnerRows(before, shared);
    Map<PartnerKey, Row> y = partnerRows(after, shared);
    List<PartnerKey> changed = new ArrayList<>();
    for (Map.Entry<PartnerKey, Row> e : x.entrySet()) {
      if (!e.getValue().equals(y.get(e.getKey()))) {
        changed.add(e.getKey());
      }
    }
    for (PartnerKey k : y.keySet()) {
      if (!x.containsKey(k)) {
        changed.add(k);
      }
    }
    changed.sort(PartnerKey.ORDER); // only the rows that changed are sorted
    List<PartnerChange> out = new ArrayList<>();
    for (PartnerKey k : changed) {
      out.add(new PartnerChange(k.partner(), k.area(), k.node(), x.get(k), y.get(k)));
    }
    return out;
  }

  private static Map<PartnerKey, Row> partnerRows(
      Outcome o, java.util.Set<Outcome.AreaOutcome> skip) {
    Map<PartnerKey, Row> out = new HashMap<>();
    for (int p = 0; p < o.partners.size(); p++) {
      for (Outcome.AreaOutcome a : o.areas) {
        if (skip.contains(a)) {
          continue;
        }
        for (int j = 0; j < a.partnerNodes.size(); j++) {
          Ir.Node n = a.partnerNodes.get(j);
          Row r =
              new Row(
                  NodeResults.statusName(
                      a.partnerMet(p, j) ? NodeResults.MET : NodeResults.NOT_MET),
                  Texts.plain(a.partnerTotal(p, j), n.partner().scale()));
          out.put(new PartnerKey(o.partners.get(p), a.area.id(), n.id()), r);
        }
      }
    }
    return out;
  }
}
