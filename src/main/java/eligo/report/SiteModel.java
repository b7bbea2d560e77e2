package eligo.report;

import eligo.data.Dataset;
import eligo.engine.Outcome;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every page of one site shares: the run's outcome, whose face the site has (the program's,
 * for program staff, or one partner's), the customers in report order, each customer's page name,
 * and each node's label and place.
 */
final class SiteModel {
  /** Program staff see every partner; a partner sees only its own customers. */
  enum Face {
    PROGRAM,
    PARTNER
  }

  final Outcome outcome;
  final Face face;

  /** Every customer in partner id, then customer id order. */
  final int[] order;

  /** Per customer (dataset index): its position in {@link #order}. */
  final int[] position;

  /**
   * Per customer (dataset index): its anchor on its book's page, from its id ({@link SiteNames}).
   */
  final String[] page;

  /**
   * Per customer (dataset index): its book, the page at the site's top it is on (without
   * extension).
   */
  final String[] book;

  /** The books, each with its customers in report order. */
  final Map<String, int[]> books;

  /** Per area (outcome order): its nodes' labels and places. */
  final List<AreaInfo> areas = new ArrayList<>();

  /** The summary of every customer of the outcome. */
  final SummaryView all;

  /** Where a why's named sets are listed on the summary. */
  final SetLinks setLinks;

  /**
   * One area: its anchor on the summary, per result node its label, branch and title in its branch
   * (the label without the branch's title, which heads the branch's rows on a customer's page), and
   * per node (parents of leaves included) its anchor in the area.
   */
  record AreaInfo(
      Outcome.AreaOutcome outcome,
      String anchor,
      List<String> labels,
      List<String> branches,
      List<String> inBranch,
      Map<Ir.Node, String> nodeAnchors) {
    /** Node {@code n}'s anchor on the summary, under the area's tree: {@code a-AREA.n-NODE}. */
    String nodeAnchor(Ir.Node n) {
      return anchor + "." + nodeAnchors.get(n);
    }
  }

  SiteModel(Outcome outcome, Face face) {
    this.outcome = outcome;
    this.face = face;
    if (face == Face.PARTNER && outcome.partners.size() > 1) {
      throw new IllegalArgumentException(
          "a partner's site is written from one partner's outcome, not of "
              + outcome.partners.size()
              + " partners");
    }
    Dataset data = outcome.data;
    this.order = SummaryView.customersInOrder(outcome);
    this.position = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      position[order[k]] = k;
    }
    this.page = new String[data.customerCount()];
    this.book = new String[data.customerCount()];
    this.hrefs = face == Face.PARTNER ? new String[data.customerCount()] : null;
    int bookCount = CustomerBooks.count(order.length);
    Map<String, List<Integer>> inBooks = new TreeMap<>();
    for (int c : order) {
      page[c] = SiteNames.of(data.customerId(c));
      book[c] = CustomerBooks.of(data.customerId(c), bookCount);
      inBooks.computeIfAbsent(book[c], k -> new ArrayList<>()).add(c);
    }
    this.books = new java.util.LinkedHashMap<>();
    inBooks.forEach((k, v) -> books.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    for (Outcome.AreaOutcome a : outcome.areas) {
      AreaParts p = parts(a.area);
      areas.add(new AreaInfo(a, p.anchor, p.labels, p.branches, p.inBranch, p.nodeAnchors));
    }
    this.all = SummaryView.of(outcome, order, null, null, null);
    this.setLinks = SetLinks.of(areas);
  }

  /** What {@link AreaInfo} holds of an area that its criteria alone decide. */
  private record AreaParts(
      Ir.Area area,
      String anchor,
      List<String> labels,
      List<String> branches,
      List<String> inBranch,
      Map<Ir.Node, String> nodeAnchors) {}

  /**
   * This thread's areas' parts, by the area's identity (an area never changes): the sites of a
   * run's partners share them rather than make each label, anchor and title again.
   */
  private static final ThreadLocal<AreaParts[]> AREA_PARTS =
      ThreadLocal.withInitial(() -> new AreaParts[64]);

  private static AreaParts parts(Ir.Area area) {
    AreaParts[] kept = AREA_PARTS.get();
    int slot = System.identityHashCode(area) & (kept.length - 1);
    AreaParts p = kept[slot];
    if (p == null || p.area != area) {
      p = partsOf(area);
      kept[slot] = p;
    }
    return p;
  }

  private static AreaParts partsOf(Ir.Area area) {
    String anchor = "a-" + SiteNames.ofCriteria(area.id());
    List<String> labels = new ArrayList<>();
    List<String> branches = new ArrayList<>();
    Map<Ir.Node, String> anchors = new IdentityHashMap<>();
    List<String> inBranch = new ArrayList<>();
    for (Ir.Node n : area.resultNodes()) {
      // interned, as the titles in a branch below: the same strings on every site, so the
      // layout of an area's diagram and its sections (TreeDiagram, TreeSections), made once,
      // are checked against them by identity, not character by character
      labels.add(label(area, n).intern());
      branches.add(branchOf(area, n));
      // interned: the same string on every site, so that a customer's row kept by the identity
      // of its texts (KeptRows) serves the customers of every partner's site
      inBranch.add(
          inBranch(labels.get(labels.size() - 1), branches.get(branches.size() - 1)).intern());
    }
    for (Ir.Branch b : area.branches()) {
      for (Ir.Node n : b.nodes()) {
        anchors.put(n, "n-" + SiteNames.ofCriteria(n.id()));
        for (Ir.Node leaf : n.leaves()) {
          anchors.put(leaf, "n-" + SiteNames.ofCriteria(leaf.id()));
        }
      }
    }
    return new AreaParts(
        area,
        anchor,
        Collections.unmodifiableList(labels),
        Collections.unmodifiableList(branches),
        Collections.unmodifiableList(inBranch),
        Collections.unmodifiableMap(anchors));
  }

  /** The link to customer {@code c}'s section of its book, from the site's top folder. */
  String href(int c) {
    if (hrefs == null) {
      return book[c] + ".html#" + page[c];
    }
    String h = hrefs[c]; // a string made by another thread is whole (its fields are final)
    if (h == null) {
      h = book[c] + ".html#" + page[c];
      hrefs[c] = h;
    }
    return h;
  }

  /**
   * On a partner's site, per customer: its {@link #href} once made, the same string for each of its
   * links (a row in each area's list, one in the search index), so its escaped bytes are kept too.
   * Not on the program's site, whose customers may be a million.
   */
  private final String[] hrefs;

  /** The partner whose site this is; null on the program's site. */
  String partner() {
    return face == Face.PARTNER && !outcome.partners.isEmpty() ? outcome.partners.get(0) : null;
  }

  /**
   * {@code title}, on a partner's site followed by the partner ({@code Customers: partner P001}),
   * so that tabs of several partners' sites tell apart.
   */
  String title(String title) {
    String p = partner();
    return p == null ? title : title + ": partner " + p;
  }

  /** A node's label for people ({@link NodeLabels#of}). */
  static String label(Ir.Area area, Ir.Node node) {
    return NodeLabels.of(area, node);
  }

  /** A label without its branch's title. */
  private static String inBranch(String label, String branch) {
    String prefix = branch + " · ";
    return !branch.isEmpty() && label.startsWith(prefix) ? label.substring(prefix.length()) : label;
  }

  private static String branchOf(Ir.Area area, Ir.Node node) {
    for (Ir.Branch b : area.branches()) {
      for (Ir.Node n : b.nodes()) {
        if (n == node) {
          return b.title();
        }
        // by identity: a record's equals compares whole expressions
        for (Ir.Node leaf : n.leaves()) {
          if (leaf == node) {
            return b.title();
          }
        }
      }
    }
    return "";
  }

  /** The file of a group's list page (1-based), in {@code lists/}. */
  static String listName(String areaId, String nodeId, String group, int page) {
    return SiteNames.fileName(
        SiteNames.ofCriteria(areaId)
            + "."
            + SiteNames.ofCriteria(nodeId)
            + "."
            + group
            + (page == 1 ? "" : "." + page),
        ".html");
  }
}
