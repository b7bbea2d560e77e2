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
 * What a change of the criteria does to one dataset, or a change of the data to one criteria: two
 * runs (the old criteria and the new, or the old data and the new) compared row by row, as the
 * canonical results file states them. A row is a customer's (or a partner's) status and value at
 * one node; it changes when either differs, or when the node exists in one version only. Customers
 * are paired by partner and customer id ({@link Pairing}): a customer only one run's data holds is
 * listed apart, added or removed, with all its rows.
 *
 * @param customerCount the customers both runs hold
 * @param nodes per area and node, how many of the customers both runs hold changed and how (in
 *     area, node order)
 * @param partners the partner-level rows that changed (a null side: the node, or the partner, is
 *     not in that run)
 * @param customers the customers with a changed row, each with its changed rows
 * @param added the customers only the new run's data holds, each with all its rows, by customer id
 * @param removed the customers only the old run's data holds, each with all its rows, by customer
 *     id
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
    List<CustomerOutcome> added,
    List<CustomerOutcome> removed,
    Map<String, Titles> titles) {

  public Impact {
    nodes = List.copyOf(nodes);
    partners = List.copyOf(partners);
    customers = List.copyOf(customers);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
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

  /**
   * A customer only one run holds, with its row at every node (area, node order) as that run's
   * results file writes it.
   */
  public record CustomerOutcome(
      String partner, String customer, String name, List<NodeOutcome> rows) {
    public CustomerOutcome {
      rows = List.copyOf(rows);
    }
  }

  /** One row of a customer only one run holds, and the report's words for it (value, why). */
  public record NodeOutcome(String area, String node, Row row, String explained) {}

  /**
   * Whether no row at all changed: no customer or partner row differs, none was added or removed.
   */
  public boolean nothingChanged() {
    return customers.isEmpty() && partners.isEmpty() && added.isEmpty() && removed.isEmpty();
  }

  /** Whether both runs read the same criteria (a data change): then a missing side is a partner. */
  public boolean sameCriteria() {
    return oldLabel.equals(newLabel);
  }

  public int rowsChanged() {
    return customers.stream().mapToInt(c -> c.changes().size()).sum();
  }

  /**
   * Compares two runs: on the same dataset, or on two whose customers are paired by partner and
   * customer id.
   */
  public static Impact compare(
      String oldLabel, String newLabel, String data, Outcome before, Outcome after) {
    return compare(oldLabel, newLabel, data, before, after, Integer.MAX_VALUE).impact();
  }

  /**
   * An impact whose customer list holds only the first {@code atMost} changed customers (in the
   * list's order), and how many changed in all: a change that moves many customers is counted per
   * node and partner in full, and only the customers listed are explained. The customers only one
   * run holds (added, removed) are all listed.
   */
  public record Listed(Impact impact, int customersChanged) {}

  /**
   * {@link #compare(String, String, String, Outcome, Outcome)} listing (and explaining) at most
   * {@code atMost} of the customers that changed.
   */
  public static Listed compare(
      String oldLabel, String newLabel, String data, Outcome before, Outcome after, int atMost) {
    Dataset d = after.data;
    Pairing pairing = Pairing.of(before.data, d);
    Map<String, Map<String, NodePair>> areas = NodePair.of(before, after);

    // Per node, the customers whose row changed, counted by move from the status bytes (no row
    // is formatted here: a million customers may change); which customers changed at all.
    List<NodeChange> nodes = new ArrayList<>();
    List<NodePair> changedPairs = new ArrayList<>();
    List<String[]> changedKeys = new ArrayList<>(); // area id, node id of each changed pair
    boolean[] changedAny = new boolean[pairing.size()]; // by customer in both
    for (Map.Entry<String, Map<String, NodePair>> a : areas.entrySet()) {
      for (Map.Entry<String, NodePair> n : a.getValue().entrySet()) {
        NodePair p = n.getValue();
        if (p.beforeArea == p.afterArea && p.before == p.after) {
          continue; // an area both runs share (Evaluation.rerun kept it): no row can differ
        }
        int[][] moves = new int[4][4]; // [from + 1][to + 1]: status byte, or -1 for no such row
        int changed = 0;
        int valueOnly = 0;
        for (int k = 0; k < pairing.size(); k++) {
          if (p.same(pairing.before[k], pairing.after[k])) {
            continue; // also: neither version has the node (never both absent for a pair)
          }
          int from = p.status(pairing.before[k], true);
          int to = p.status(pairing.after[k], false);
          changed++;
          changedAny[k] = true;
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
    int[] y = pairing.after;
    Comparator<Integer> order =
        Comparator.comparing((Integer k) -> d.partnerId(y[k]), Texts.CODE_POINT_ORDER)
            .thenComparing(k -> d.customerId(y[k]), Texts.CODE_POINT_ORDER);
    int changedCount = 0;
    for (boolean b : changedAny) {
      changedCount += b ? 1 : 0;
    }
    List<Integer> listedCustomers = firstChanged(changedAny, Math.min(atMost, changedCount), order);
    // the listed customers' changed rows, in area and node order
    Map<Integer, List<RowChange>> byCustomer = new HashMap<>();
    for (int k : listedCustomers) {
      int cx = pairing.before[k];
      int cy = pairing.after[k];
      List<RowChange> rows = new ArrayList<>();
      for (int j = 0; j < changedPairs.size(); j++) {
        NodePair p = changedPairs.get(j);
        if (!p.same(cx, cy)) {
          rows.add(
              new RowChange(
                  changedKeys.get(j)[0],
                  changedKeys.get(j)[1],
                  p.row(cx, true),
                  p.row(cy, false),
                  null,
                  null));
        }
      }
      byCustomer.put(k, rows);
    }
    List<CustomerChange> customers = explained(before, after, pairing, listedCustomers, byCustomer);
    List<PartnerChange> partners = partnerChanges(before, after);
    List<CustomerOutcome> added = OneSided.of(after, pairing.added, areas, false);
    List<CustomerOutcome> removed = OneSided.of(before, pairing.removed, areas, true);
    Impact impact =
        new Impact(
            oldLabel,
            newLabel,
            data,
            Month.format(after.asOf),
            pairing.size(),
            nodes,
            partners,
            customers,
            added,
            removed,
            ImpactTitles.of(nodes, partners, added, removed, before, after));
    return new Listed(impact, changedCount);
  }

  /**
   * The customers {@code listed} (indexes into {@code pairing}), each change with both sides'
   * words: each customer explained in the areas where it changed only, the customers shared out
   * among the processors (an explainer per thread, as the report's site writer does; the list keeps
   * its order).
   */
  private static List<CustomerChange> explained(
      Outcome before,
      Outcome after,
      Pairing pairing,
      List<Integer> listed,
      Map<Integer, List<RowChange>> byCustomer) {
    Dataset d = after.data;
    ThreadLocal<Explainer> explainBefore = ThreadLocal.withInitial(() -> new Explainer(before));
    ThreadLocal<Explainer> explainAfter = ThreadLocal.withInitial(() -> new Explainer(after));
    return listed.parallelStream()
        .map(
            k -> {
              int c = pairing.after[k];
              java.util.Set<String> areas = new java.util.HashSet<>();
              byCustomer.get(k).forEach(r -> areas.add(r.area()));
              CustomerView viewBefore = explainBefore.get().explain(pairing.before[k], areas);
              CustomerView viewAfter = explainAfter.get().explain(c, areas);
              List<RowChange> explained = new ArrayList<>();
              for (RowChange r : byCustomer.get(k)) {
                explained.add(
                    new RowChange(
                        r.area(),
                        r.node(),
                        r.before(),
                        r.after(),
                        words(viewBefore, r.area(), r.node()),
                        words(viewAfter, r.area(), r.node())));
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

  /**
   * The node's value for people and, when not met or not evaluated, why; null when the view has no
   * such node.
   */
  static String words(CustomerView view, String area, String node) {
    for (CustomerView.Area a : view.areas()) {
      if (a.id().equals(area)) {
        for (CustomerView.Node n : a.nodes()) {
          if (n.id().equals(node)) {
            boolean none = n.current() == null || n.current().isEmpty();
            if (n.why() == null) {
              return none ? "not evaluated" : n.current();
            }
            // a node not evaluated has no value, and its why says so: said once
            String why = none ? n.why().replaceFirst("^not evaluated: ", "") : n.why();
            return none ? "why: " + why : n.current() + "; why: " + why;
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
