package eligo.report;

import eligo.data.Dataset;
import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.report.html.Html;
import eligo.report.html.PageBytes;
import eligo.report.html.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer list pages of a report site, for {@link SitePages}: per node of an area, its groups
 * (met, not met, growth, decline, no change, not evaluated) with their customers, one page per node
 * for a small site, else pages of one group of {@link SitePages#PAGE_SIZE} customers each.
 */
final class ListPages {
  private static final Template LINK = SitePages.SITE.get("link");
  private static final Template TH = SitePages.SITE.get("th");

  private final SiteModel model;

  ListPages(SiteModel model) {
    this.model = model;
  }

  private static final Template LIST = SitePages.SITE.get("list");
  private static final Template LIST_SECTION = SitePages.SITE.get("listSection");
  private static final Template LIST_ROW = SitePages.SITE.get("listRow");
  private static final Template LIST_ROW_PARTNER = SitePages.SITE.get("listRowPartner");
  private static final Template PARTNER_ANCHOR = SitePages.SITE.get("partnerAnchor");
  private static final Template LIST_ROW_MORE = SitePages.SITE.get("listRowMore");

  /**
   * Whether the lists are one page per node with a section per group (a site of at most {@value
   * SitePages#PAGE_SIZE} customers, as a partner's usually is: few, small files), or pages of one
   * group.
   */
  boolean listsPerNode() {
    return model.order.length <= SitePages.PAGE_SIZE;
  }

  /**
   * How many pages the list of group {@code group} of node {@code node} of area {@code area} has.
   */
  int listPages(int area, int node, int group) {
    int count = model.all.areas().get(area).nodes().get(node).groups().get(group).count();
    return (count + SitePages.PAGE_SIZE - 1) / SitePages.PAGE_SIZE;
  }

  /**
   * Whether the lists are one page of all areas ({@link AreaListPage}): a partner's site of at most
   * {@value SitePages#PAGE_SIZE} customers.
   */
  boolean listsPerArea() {
    return model.face == SiteModel.Face.PARTNER && listsPerNode();
  }

  /** {@code lists.html}: every list on one page ({@link #listsPerArea}). */
  Html listsPage() {
    return AreaListPage.render(model);
  }

  /** {@link #listsPage}, written into {@code out}. */
  void writeListsPage(PageBytes out) {
    AreaListPage.write(out, model);
  }

  /** The file (in {@code lists/}) of a node's list page. */
  String listFile(int ai, int ni, int gi, int page) {
    SummaryView.Area a = model.all.areas().get(ai);
    SummaryView.Node n = a.nodes().get(ni);
    return listsPerNode()
        ? SiteNames.fileName(
            SiteNames.ofCriteria(a.id()) + "." + SiteNames.ofCriteria(n.id()), ".html")
        : SiteModel.listName(a.id(), n.id(), n.groups().get(gi).key(), page);
  }

  /**
   * The link (from the site's top folder) to the customer at {@code index} of a group's list, or to
   * the block of {@code partner} there when not null.
   */
  String listHref(int ai, int ni, int gi, int index, String partner) {
    SummaryView.Node node = model.all.areas().get(ai).nodes().get(ni);
    String key = node.groups().get(gi).key();
    if (listsPerArea()) {
      return AreaListPage.href(key, model.all.areas().get(ai).id(), node.id());
    }
    String file = "lists/" + listFile(ai, ni, gi, index / SitePages.PAGE_SIZE + 1);
    if (listsPerNode() && key.equals("not_evaluated")) {
      // a node's page lists those it did not evaluate itself when two gates or more could stop
      // them; behind one gate, they are exactly that gate's Not met list (its partner's block)
      List<Integer> gates = gatesBefore(ai, ni);
      int notMet = gates.size() == 1 ? groupIndex(ai, gates.get(0), "not_met") : -1;
      if (notMet >= 0) {
        return listHref(ai, gates.get(0), notMet, 0, partner);
      }
    }
    if (partner != null) {
      return file + "#" + key + "-p-" + SiteNames.of(partner);
    }
    return listsPerNode() ? file + "#" + key : file;
  }

  /** The index of the group {@code key} of a node, or -1. */
  private int groupIndex(int ai, int ni, String key) {
    List<SummaryView.Group> groups = model.all.areas().get(ai).nodes().get(ni).groups();
    for (int gi = 0; gi < groups.size(); gi++) {
      if (groups.get(gi).key().equals(key)) {
        return gi;
      }
    }
    return -1;
  }

  /** The gates before node {@code ni} in its branch, by node index: those that can stop it. */
  private List<Integer> gatesBefore(int ai, int ni) {
    int i = 0;
    for (Ir.Branch b : model.areas.get(ai).outcome().area.branches()) {
      List<Integer> before = new ArrayList<>();
      for (Ir.Node n : b.nodes()) {
        int size = n.leaves().isEmpty() ? 1 : n.leaves().size();
        if (ni >= i && ni < i + size) {
          return before;
        }
        if (n.kind() == Ir.NodeKind.GATE) {
          before.add(i);
        }
        i += size;
      }
    }
    return List.of();
  }

  /**
   * The file (in {@code lists/}) of an area's CSV: every customer with its outcome and value at
   * each node of the area (every list of the area, a pair of columns each).
   */
  static String listCsv(SummaryView.Area a) {
    return SiteNames.ofCriteria(a.id()) + ".csv";
  }

  /** A node's list page of all its groups ({@link #listsPerNode}). */
  Html nodeListPage(int ai, int ni) {
    SummaryView.Node n = model.all.areas().get(ai).nodes().get(ni);
    List<Html> sections = new ArrayList<>();
    for (int gi = 0; gi < n.groups().size(); gi++) {
      SummaryView.Group g = n.groups().get(gi);
      if (g.count() > 0) {
        sections.add(
            g.key().equals("not_evaluated")
                ? stoppedSection(ai, ni, gi)
                : section(ai, ni, gi, 0, g.count(), Html.EMPTY));
      }
    }
    return listPage(ai, ni, -1, 1, 1, Html.join(sections));
  }

  private static final Template STOPPED_SECTION = SitePages.SITE.get("stoppedSection");
  private static final Template STOPPED_GATES = SitePages.SITE.get("stoppedGates");
  private static final Template STOPPED_GATE = SitePages.SITE.get("stoppedGate");

  /**
   * The customers a node was not evaluated for, on a node's page of all its groups: those that did
   * not meet a gate before it in its branch. Behind one gate they are its Not met list, linked (no
   * customer is listed twice); behind two or more, which each stop some of them, they are listed
   * here too, under the links to the gates' Not met lists, so that the node's count (a partner's
   * block of it) leads to exactly its customers.
   */
  private Html stoppedSection(int ai, int ni, int gi) {
    SiteModel.AreaInfo info = model.areas.get(ai);
    List<Html> gates = new ArrayList<>();
    SummaryView.Area a = model.all.areas().get(ai);
    SummaryView.Group group = a.nodes().get(ni).groups().get(gi);
    List<Integer> before = gatesBefore(ai, ni);
    for (int g : before) {
      SummaryView.Node gate = a.nodes().get(g);
      for (int k = 0; k < gate.groups().size(); k++) {
        SummaryView.Group x = gate.groups().get(k);
        if (x.key().equals("not_met") && x.count() > 0) {
          gates.add(
              STOPPED_GATE.render(
                  "href",
                  listHref(ai, g, k, 0, null).substring("lists/".length()),
                  "gate",
                  info.labels().get(g),
                  "customers",
                  x.count() + Words.plural(" customer", x.count())));
        }
      }
    }
    if (before.size() != 1) {
      return section(ai, ni, gi, 0, group.count(), STOPPED_GATES.render("gates", Html.join(gates)));
    }
    return STOPPED_SECTION.render(
        "label",
        group.label(),
        "customers",
        group.count() + Words.plural(" customer", group.count()),
        "gates",
        Html.join(gates));
  }

  /** Page {@code p} (1-based) of a group's list. */
  Html listPage(int ai, int ni, int gi, int p) {
    SummaryView.Group g = model.all.areas().get(ai).nodes().get(ni).groups().get(gi);
    return listPage(
        ai,
        ni,
        gi,
        p,
        listPages(ai, ni, gi),
        section(
            ai,
            ni,
            gi,
            (p - 1) * SitePages.PAGE_SIZE,
            Math.min(g.count(), p * SitePages.PAGE_SIZE),
            Html.EMPTY));
  }

  private Html listPage(int ai, int ni, int gi, int p, int pages, Html sections) {
    SummaryView.Area a = model.all.areas().get(ai);
    SummaryView.Node n = a.nodes().get(ni);
    SiteModel.AreaInfo info = model.areas.get(ai);
    Ir.Node node = info.outcome().nodes.get(ni);
    String title =
        a.title()
            + " · "
            + info.labels().get(ni)
            + (gi < 0 ? ": customers by outcome" : ": " + n.groups().get(gi).label());
    StringBuilder counts = new StringBuilder("Of " + model.all.customers() + " customers: ");
    for (int k = 0; k < n.groups().size(); k++) {
      SummaryView.Group x = n.groups().get(k);
      counts.append(k == 0 ? "" : ", ").append(x.label()).append(' ').append(x.count());
    }
    counts.append('.');
    Html body =
        LIST.render(
            "anchor",
            info.anchor(),
            "back",
            LINK.render("href", "../index.html#" + info.nodeAnchor(node), "label", "Criteria"),
            "previous",
            SitePages.pageLink(
                gi >= 0 && p > 1, gi < 0 ? "" : listFile(ai, ni, gi, p - 1), "Previous page"),
            "next",
            SitePages.pageLink(
                gi >= 0 && p < pages, gi < 0 ? "" : listFile(ai, ni, gi, p + 1), "Next page"),
            "csv",
            listCsv(a),
            "title",
            title,
            "counts",
            counts.toString(),
            "pageText",
            pages > 1 ? " Page " + p + " of " + pages + "." : "",
            "sections",
            sections);
    return SitePages.page(model.title(title), "../", body);
  }

  /**
   * The rows {@code from} to {@code to} of a group, under its heading and {@code note} (markup
   * before the table, or empty).
   */
  private Html section(int ai, int ni, int gi, int from, int to, Html note) {
    SummaryView.Node n = model.all.areas().get(ai).nodes().get(ni);
    SummaryView.Group g = n.groups().get(gi);
    Outcome.AreaOutcome ao = model.areas.get(ai).outcome();
    Ir.Node node = ao.nodes.get(ni);
    Dataset data = model.outcome.data;
    boolean program = model.face == SiteModel.Face.PROGRAM;
    boolean evaluated = !g.key().equals("not_evaluated");
    boolean unitApart =
        node.valueKind() == Ir.ValueKind.COUNT || node.valueKind() == Ir.ValueKind.QUANTITY;
    List<Html> rows = new ArrayList<>(to - from + 1);
    String lastPartner = null;
    for (int k = from; k < to; k++) {
      int c = g.members()[k];
      String value =
          !evaluated
              ? ""
              : unitApart
                  ? Formats.number(ao.value(c, ni), node.scale())
                  : Formats.value(node.valueKind(), node.unit(), ao.value(c, ni), node.scale());
      if (program) {
        String partner = data.partnerId(c);
        rows.add(
            LIST_ROW_PARTNER.render(
                "anchor",
                partner.equals(lastPartner)
                    ? Html.EMPTY
                    : PARTNER_ANCHOR.render("group", g.key(), "partner", SiteNames.of(partner)),
                "partner",
                partner,
                "href",
                model.href(c),
                "customer",
                data.customerId(c),
                "name",
                data.customerName(c),
                "value",
                value));
        lastPartner = partner;
      } else {
        rows.add(
            LIST_ROW.render(
                "href",
                model.href(c),
                "customer",
                data.customerId(c),
                "name",
                data.customerName(c),
                "value",
                value));
      }
    }
    if (program && lastPartner != null && to < g.count()) {
      // the partner's block goes on on the next page: its count (a partner's page) links here
      int more = 0;
      while (to + more < g.count() && data.partnerId(g.members()[to + more]).equals(lastPartner)) {
        more++;
      }
      if (more > 0) {
        rows.add(
            LIST_ROW_MORE.render(
                "href",
                listFile(ai, ni, gi, to / SitePages.PAGE_SIZE + 1)
                    + "#"
                    + g.key()
                    + "-p-"
                    + SiteNames.of(lastPartner),
                "partner",
                lastPartner,
                "customers",
                more + Words.plural(" more customer", more)));
      }
    }
    String unit = node.unit() == null ? "" : node.unit().replace('_', ' ');
    return LIST_SECTION.render(
        "anchor",
        g.key(),
        "label",
        g.label(),
        "customers",
        g.count() + Words.plural(" customer", g.count()),
        "note",
        note,
        "partnerHead",
        program ? TH.render("text", "Partner") : Html.EMPTY,
        "valueHead",
        unitApart && !unit.isEmpty() ? "Value (" + unit + ")" : "Value",
        "rows",
        Html.join(rows));
  }
}
