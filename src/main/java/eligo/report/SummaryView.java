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

  private static List<Group> groups(Outcome.AreaOutcome a, int i, int[] customers) {
    Ir.Node n = a.nodes.get(i);
    boolean gate = n.kind() == Ir.NodeKind.GATE;
    List<Group> groups = new ArrayList<>();
    if (n.isNet()) {
      groups.add(
          group(
              "growth",
              "With growth",
              customers,
              c -> a.status(c, i) != NodeResults.NOT_EVALUATED && a.value(c, i) > 0));
      groups.add(
          group(
              "decline",
              "In decline",
              customers,
              c -> a.status(c, i) != NodeResults.NOT_EVALUATED && a.value(c, i) < 0));
      groups.add(
          group(
              "no_change",
              "No change",
              customers,
              c -> a.status(c, i) != NodeResults.NOT_EVALUATED && a.value(c, i) == 0));
    }
    groups.add(group("met", Words.MET, customers, c -> a.status(c, i) == NodeResults.MET));
    groups.add(
        group("not_met", Words.NOT_MET, customers, c -> a.status(c, i) == NodeResults.NOT_MET));
    groups.add(
        group(
            "not_evaluated",
            Words.NOT_EVALUATED,
            customers,
            c -> a.status(c, i) == NodeResults.NOT_EVALUATED));
    return groups;
  }

  private static Group group(
      String key, String label, int[] customers, java.util.function.IntPredicate in) {
    // a loop, not a stream: a site per partner makes some hundred thousand groups (C1 only)
    int[] members = new int[customers.length];
    int n = 0;
    for (int c : customers) {
      if (in.test(c)) {
        members[n++] = c;
      }
    }
    return new Group(key, label, Arrays.copyOf(members, n));
  }

  private static Partner partner(
      Outcome outcome, Outcome.AreaOutcome a, Ir.Node n, int partnerIndex) {
    Ir.PartnerRule rule = n.partner();
    if (rule == null) {
      return null;
    }
    int j = a.partnerNodes.indexOf(n);
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
