package eligo.report;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.io.Texts;
import eligo.ir.Ir;
import eligo.lang.Diagnostics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The summary view (All customers): per area and node, how many customers are in each group, and
 * the partner totals of partner-level nodes; optionally for one partner, area or node.
 *
 * @param asOf the as-of month, {@code YYYY-MM}
 * @param partner the partner filter, or null for all partners
 * @param customers how many customers the view counts
 */
public record SummaryView(
    String asOf, String partner, int customers, int partners, List<Area> areas) {
  public SummaryView {
    areas = List.copyOf(areas);
  }

  public record Area(String id, String title, List<Node> nodes) {
    public Area {
      nodes = List.copyOf(nodes);
    }
  }

  /** A result node; {@code partner} is null when it has no partner-level rule. */
  public record Node(
      String id,
      String kind,
      String title,
      String criteria,
      boolean net,
      List<Group> groups,
      Partner partner) {
    public Node {
      groups = List.copyOf(groups);
    }
  }

  /**
   * A group of customers: {@code key} is one of {@code met}, {@code not_met}, {@code not_evaluated}
   * (every node, gates included: one vocabulary, {@link Words#MET}) and, for net values first,
   * {@code growth}, {@code decline}, {@code no_change}. {@code members} are dataset indexes in
   * partner id, then customer id order (as in the results file).
   */
  public record Group(String key, String label, int[] members) {
    public int count() {
      return members.length;
    }
  }

  /** A partner-level rule: its criteria, its threshold in words, and each partner's total. */
  public record Partner(String criteria, String needed, List<PartnerTotal> totals) {
    public Partner {
      totals = List.copyOf(totals);
    }
  }

  /** {@code value} is the plain decimal of the results file; {@code total} the same for people. */
  public record PartnerTotal(String partnerId, String value, String total, String status) {}

  /** A filter names something that does not exist. */
  public static final class UnknownName extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    UnknownName(String what, String name, List<String> known) {
      super(message(what, name, known));
    }

    private static String message(String what, String name, List<String> known) {
      String close = Diagnostics.closest(name, known);
      return "no "
          + what
          + " '"
          + name
          + "'"
          + (close != null
              ? ": did you mean '" + close + "'?"
              : "; known: "
                  + (known.size() <= 12
                      ? String.join(", ", known)
                      : String.join(", ", known.subList(0, 12))
                          + ", ... ("
                          + known.size()
                          + " in all)"));
    }
  }

  /**
   * The summary of a run; {@code partner}, {@code area} and {@code node} filter when not null.
   *
   * @throws UnknownName when a filter names no partner, area or node
   */
  public static SummaryView of(Outcome outcome, String partner, String area, String node) {
    return of(outcome, customersInOrder(outcome), partner, area, node);
  }

  /**
   * The same, given every customer in {@link #customersInOrder} (to build many views of one run
   * cheaply).
   */
  static SummaryView of(Outcome outcome, int[] everyone, String partner, String area, String node) {
    int partnerIndex = -1;
    if (partner != null) {
      partnerIndex = outcome.partners.indexOf(partner);
      if (partnerIndex < 0) {
        throw new UnknownName("partner", partner, outcome.partners);
      }
    }
    List<Outcome.AreaOutcome> areas = new ArrayList<>();
    for (Outcome.AreaOutcome a : outcome.areas) {
      if (area == null || a.area.id().equals(area)) {
        areas.add(a);
      }
    }
    if (areas.isEmpty()) {
      throw new UnknownName("area", area, outcome.areas.stream().map(a -> a.area.id()).toList());
    }
    int p = partnerIndex;
    int[] customers =
        partner == null
            ? everyone
            : Arrays.stream(everyone).filter(c -> outcome.partnerOf(c) == p).toArray();
    List<Area> out = new ArrayList<>();
    List<String> nodeIds = new ArrayList<>();
    for (Outcome.AreaOutcome a : areas) {
      List<Node> nodes = new ArrayList<>();
      for (int i = 0; i < a.nodes.size(); i++) {
        Ir.Node n = a.nodes.get(i);
        nodeIds.add(n.id());
        if (node == null || n.id().equals(node)) {
          nodes.add(
              new Node(
                  n.id(),
                  Explainer.kind(n),
                  n.title(),
                  n.criteria(),
                  n.isNet(),
                  groups(a, i, customers),
                  partner(outcome, a, n, partnerIndex)));
        }
      }
      if (!nodes.isEmpty()) {
        out.add(new Area(a.area.id(), a.area.heading(), nodes));
      }
    }
    if (out.isEmpty()) {
      throw new UnknownName("node", node, nodeIds.stream().distinct().toList());
    }
    return new SummaryView(
        Formats.month(outcome.asOf),
        partner,
        customers.length,
        partner == null ? outcome.partners.size() : 1,
        out);
  }

  /** Every customer in partner id, then customer id order. */
  static int[] customersInOrder(Outcome outcome) {
    Dataset data = outcome.data;
    if (inOrder(data)) {
      // a partner's slice of a dataset in customer id order (as generated) often is: no sort
      int[] order = new int[data.customerCount()];
      for (int c = 0; c < order.length; c++) {
        order[c] = c;
      }
      return order;
    }
    Integer[] all = new Integer[data.customerCount()];
    for (int c = 0; c < all.length; c++) {
      all[c] = c;
    }
    Arrays.sort(
        all,
        Comparator.comparing(data::partnerId, Texts.CODE_POINT_ORDER)
            .thenComparing(data::customerId, Texts.CODE_POINT_ORDER));
    return Arrays.stream(all).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Whether the dataset's customers are already in report order, each after the one before it by
   * partner id, then customer id: then the sort keeps them as they are.
   */
  private static boolean inOrder(Dataset data) {
    for (int c = 1; c < data.customerCount(); c++) {
      String p = data.partnerId(c - 1);
      String q = data.partnerId(c);
      int byPartner = p == q ? 0 : Texts.CODE_POINT_ORDER.compare(p, q);
      if (byPartner > 0
          || (byPartner == 0
              && Texts.CODE_POINT_ORDER.compare(data.customerId(c - 1), data.customerId(c)) > 0)) {
        return false;
      }
    }
    return true;
  }

  private static List<Group> groups(Outcome.AreaOutcome a, int i, int[] customers) {
    Ir.Node n = a.nodes.get(i);
    boolean net = n.isNet();
    // one pass over the customers for every group, each customer's status read once: a site per
    // partner makes some hundred thousand groups, and a pass per group through a lambda cost six
    // calls per customer (C1 only)
    int[][] members = new int[net ? 6 : 3][];
    for (int k = 0; k < members.length; k++) {
      members[k] = new int[customers.length];
    }
    int[] sizes = new int[6];
    for (int c : customers) {
      byte status = a.status(c, i);
      int k = status == NodeResults.MET ? MET : status == NodeResults.NOT_MET ? NOT_MET : NOT_EVAL;
      members[k][sizes[k]++] = c;
      if (net && status != NodeResults.NOT_EVALUATED) {
        long v = a.value(c, i);
        k = v > 0 ? GROWTH : v < 0 ? DECLINE : NO_CHANGE;
        members[k][sizes[k]++] = c;
      }
    }
    List<Group> groups = new ArrayList<>(6);
    if (net) {
      groups.add(new Group("growth", "With growth", Arrays.copyOf(members[GROWTH], sizes[GROWTH])));
      groups.add(
          new Group("decline", "In decline", Arrays.copyOf(members[DECLINE], sizes[DECLINE])));
      groups.add(
          new Group("no_change", "No change", Arrays.copyOf(members[NO_CHANGE], sizes[NO_CHANGE])));
    }
    groups.add(new Group("met", Words.MET, Arrays.copyOf(members[MET], sizes[MET])));
    groups.add(
        new Group("not_met", Words.NOT_MET, Arrays.copyOf(members[NOT_MET], sizes[NOT_MET])));
    groups.add(
        new Group(
            "not_evaluated",
            Words.NOT_EVALUATED,
            Arrays.copyOf(members[NOT_EVAL], sizes[NOT_EVAL])));
    return groups;
  }

  /** The groups' places in {@link #groups}' working arrays. */
  private static final int MET = 0;

  private static final int NOT_MET = 1;
  private static final int NOT_EVAL = 2;
  private static final int GROWTH = 3;
  private static final int DECLINE = 4;
  private static final int NO_CHANGE = 5;

  private static Partner partner(
      Outcome outcome, Outcome.AreaOutcome a, Ir.Node n, int partnerIndex) {
    Ir.PartnerRule rule = n.partner();
    if (rule == null) {
      return null;
    }
    // by identity: a node is a record, whose equals compares every part of it, nested ones too
    int j = 0;
    while (a.partnerNodes.get(j) != n) {
      j++;
    }
    List<PartnerTotal> totals = new ArrayList<>();
    for (int p = 0; p < outcome.partners.size(); p++) {
      if (partnerIndex < 0 || p == partnerIndex) {
        long total = a.partnerTotal(p, j);
        totals.add(
            new PartnerTotal(
                outcome.partners.get(p),
                Texts.plain(total, rule.scale()),
                Formats.value(rule.valueKind(), rule.unit(), total, rule.scale()),
                a.partnerMet(p, j) ? "met" : "not_met"));
      }
    }
    return new Partner(
        rule.criteria(), Words.needed(rule.met(), rule.valueKind(), rule.unit()), totals);
  }
}
