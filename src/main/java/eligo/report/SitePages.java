package eligo.report;

import eligo.data.Dataset;
import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.report.html.Html;
import eligo.report.html.Template;
import eligo.report.html.Templates;
import java.util.ArrayList;
import java.util.List;

/**
 * The pages of a report site, one at a time, each as the text of its file: the summary, a partner's
 * summary (program site), a group's customer list page, a customer's page, the customer index pages
 * and the books of customers. {@link SiteWriter} writes them all into a folder; a server can render
 * the one page asked for. Page names come from ids ({@link SiteNames}), so a page's name and links
 * do not depend on the rest of the run.
 *
 * <p>Built for the program's site ({@link #program}: every partner) or one partner's ({@link
 * #partner}: an outcome of that partner's customers only, so nothing of another partner can reach a
 * page). The markup is in {@code site.html}; every text given a template is escaped.
 */
public final class SitePages {
  /** Customers per list and index page. */
  public static final int PAGE_SIZE = 500;

  static final Templates SITE =
      Templates.load(SitePages.class, "site.html", Templates.Lines.JOINED);

  private static final Template PAGE = SITE.get("page");
  private static final Template LINK = SITE.get("link");
  private static final Template TH = SITE.get("th");

  final SiteModel model;

  private SitePages(SiteModel model) {
    this.model = model;
  }

  /** The pages of the program's site: every partner of {@code outcome}. */
  public static SitePages program(Outcome outcome) {
    return new SitePages(new SiteModel(outcome, SiteModel.Face.PROGRAM));
  }

  /**
   * The pages of one partner's site, from an outcome of that partner's customers only ({@link
   * PartnerSite#outcome}).
   *
   * @throws IllegalArgumentException when {@code outcome} holds more than one partner
   */
  public static SitePages partner(Outcome outcome) {
    return new SitePages(new SiteModel(outcome, SiteModel.Face.PARTNER));
  }

  // ================================================================ summary, partners

  /** {@code index.html}: the summary of every customer of the site. */
  public String summary() {
    return summaryPage().markup();
  }

  Html summaryPage() {
    return new SummaryPage(this).summary();
  }

  /**
   * {@code p/NAME.html} of the program's site: one partner's summary, whose counts lead to its
   * block of the lists of all partners.
   */
  public String partnerSummary(String partner) {
    return new SummaryPage(this).partnerSummary(partner).markup();
  }

  /** {@code partners.html} of the program's site: each partner and its partner-level goals. */
  public String partners() {
    return new SummaryPage(this).partners().markup();
  }

  // ================================================================ group lists

  private static final Template LIST = SITE.get("list");
  private static final Template LIST_SECTION = SITE.get("listSection");
  private static final Template LIST_ROW = SITE.get("listRow");
  private static final Template LIST_ROW_PARTNER = SITE.get("listRowPartner");
  private static final Template PARTNER_ANCHOR = SITE.get("partnerAnchor");

  /**
   * Whether the lists are one page per node with a section per group (a site of at most {@value
   * #PAGE_SIZE} customers, as a partner's usually is: few, small files), or pages of one group.
   */
  boolean listsPerNode() {
    return model.order.length <= PAGE_SIZE;
  }

  /**
   * How many pages the list of group {@code group} of node {@code node} of area {@code area} has.
   */
  int listPages(int area, int node, int group) {
    int count = model.all.areas().get(area).nodes().get(node).groups().get(group).count();
    return (count + PAGE_SIZE - 1) / PAGE_SIZE;
  }

  /**
   * Whether the lists are one page of all areas ({@link AreaListPage}): a partner's site of at most
   * {@value #PAGE_SIZE} customers.
   */
  boolean listsPerArea() {
    return model.face == SiteModel.Face.PARTNER && listsPerNode();
  }

  /** {@code lists.html}: every list on one page ({@link #listsPerArea}). */
  Html listsPage() {
    return AreaListPage.render(this);
  }

  /** The file (in {@code lists/}) of a node's list page. */
  String listFile(int ai, int ni, int gi, int page) {
    SummaryView.Area a = model.all.areas().get(ai);
    SummaryView.Node n = a.nodes().get(ni);
    return listsPerNode()
        ? SiteNames.of(a.id()) + "." + SiteNames.of(n.id()) + ".html"
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
      return "lists.html#" + AreaListPage.fragment(key, model.all.areas().get(ai).id(), node.id());
    }
    String file = "lists/" + listFile(ai, ni, gi, index / PAGE_SIZE + 1);
    if (partner != null) {
      return file + "#" + key + "-p-" + SiteNames.of(partner);
    }
    return listsPerNode() ? file + "#" + key : file;
  }

  /**
   * The file (in {@code lists/}) of an area's CSV: every customer with its outcome and value at
   * each node of the area (every list of the area, a pair of columns each).
   */
  static String listCsv(SummaryView.Area a) {
    return SiteNames.of(a.id()) + ".csv";
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
                ? stoppedSection(ai, ni, g)
                : section(ai, ni, gi, 0, g.count()));
      }
    }
    return listPage(ai, ni, -1, 1, 1, Html.join(sections));
  }

  private static final Template STOPPED_SECTION = SITE.get("stoppedSection");
  private static final Template STOPPED_GATE = SITE.get("stoppedGate");

  /**
   * The customers a node was not evaluated for, on a node's page of all its groups: those that did
   * not meet a gate before it in its branch, so the gates' Not met lists, linked, are theirs (no
   * customer is listed twice on the site's list pages).
   */
  private Html stoppedSection(int ai, int ni, SummaryView.Group group) {
    SiteModel.AreaInfo info = model.areas.get(ai);
    Outcome.AreaOutcome ao = info.outcome();
    List<Html> gates = new ArrayList<>();
    int i = 0;
    for (Ir.Branch b : ao.area.branches()) {
      List<Integer> before = new ArrayList<>();
      boolean found = false;
      for (Ir.Node n : b.nodes()) {
        int size = n.leaves().isEmpty() ? 1 : n.leaves().size();
        if (ni >= i && ni < i + size) {
          found = true;
          break;
        }
        if (n.kind() == Ir.NodeKind.GATE) {
          before.add(i);
        }
        i += size;
      }
      if (found) {
        SummaryView.Area a = model.all.areas().get(ai);
        for (int g : before) {
          SummaryView.Node gate = a.nodes().get(g);
          for (int gi = 0; gi < gate.groups().size(); gi++) {
            SummaryView.Group x = gate.groups().get(gi);
            if (x.key().equals("not_met") && x.count() > 0) {
              gates.add(
                  STOPPED_GATE.render(
                      "href",
                      listHref(ai, g, gi, 0, null).substring("lists/".length()),
                      "gate",
                      info.labels().get(g),
                      "customers",
                      x.count() + Words.plural(" customer", x.count())));
            }
          }
        }
        break;
      }
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
        section(ai, ni, gi, (p - 1) * PAGE_SIZE, Math.min(g.count(), p * PAGE_SIZE)));
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
            pageLink(gi >= 0 && p > 1, gi < 0 ? "" : listFile(ai, ni, gi, p - 1), "Previous page"),
            "next",
            pageLink(gi >= 0 && p < pages, gi < 0 ? "" : listFile(ai, ni, gi, p + 1), "Next page"),
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
    return page(title, "../", body);
  }

  /** The rows {@code from} to {@code to} of a group, under its heading. */
  private Html section(int ai, int ni, int gi, int from, int to) {
    SummaryView.Node n = model.all.areas().get(ai).nodes().get(ni);
    SummaryView.Group g = n.groups().get(gi);
    Outcome.AreaOutcome ao = model.areas.get(ai).outcome();
    Ir.Node node = ao.nodes.get(ni);
    Dataset data = model.outcome.data;
    boolean program = model.face == SiteModel.Face.PROGRAM;
    boolean evaluated = !g.key().equals("not_evaluated");
    boolean unitApart =
        node.valueKind() == Ir.ValueKind.COUNT || node.valueKind() == Ir.ValueKind.QUANTITY;
    StringBuilder rows = new StringBuilder();
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
        rows.append(
            LIST_ROW_PARTNER
                .render(
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
                    value)
                .markup());
        lastPartner = partner;
      } else {
        rows.append(
            LIST_ROW
                .render(
                    "href",
                    model.href(c),
                    "customer",
                    data.customerId(c),
                    "name",
                    data.customerName(c),
                    "value",
                    value)
                .markup());
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
        "partnerHead",
        program ? TH.render("text", "Partner") : Html.EMPTY,
        "valueHead",
        unitApart && !unit.isEmpty() ? "Value (" + unit + ")" : "Value",
        "rows",
        Html.raw(rows.toString()));
  }

  /** A link to a neighbouring page, or nothing when there is none. */
  static Html pageLink(boolean exists, String href, String label) {
    return exists ? LINK.render("href", href, "label", label) : Html.EMPTY;
  }

  // ================================================================ customer index

  private static final Template CUSTOMERS = SITE.get("customers");
  private static final Template CUSTOMERS_ROW = SITE.get("customersRow");
  private static final Template CUSTOMERS_ROW_PARTNER = SITE.get("customersRowPartner");

  int customerIndexPages() {
    return Math.max(1, (model.order.length + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  static String customerIndexName(int p) {
    return p == 1 ? "customers.html" : "customers." + p + ".html";
  }

  /** {@code customers.html} and its next pages: every customer, with the search. */
  Html customerIndexPage(int p) {
    Dataset data = model.outcome.data;
    boolean program = model.face == SiteModel.Face.PROGRAM;
    int pages = customerIndexPages();
    StringBuilder rows = new StringBuilder();
    for (int k = (p - 1) * PAGE_SIZE; k < Math.min(model.order.length, p * PAGE_SIZE); k++) {
      int c = model.order[k];
      rows.append(
          (program
                  ? CUSTOMERS_ROW_PARTNER.render(
                      "partner",
                      data.partnerId(c),
                      "href",
                      model.href(c),
                      "customer",
                      data.customerId(c),
                      "name",
                      data.customerName(c))
                  : CUSTOMERS_ROW.render(
                      "href",
                      model.href(c),
                      "customer",
                      data.customerId(c),
                      "name",
                      data.customerName(c)))
              .markup());
    }
    Html body =
        CUSTOMERS.render(
            "previous",
            pageLink(p > 1, customerIndexName(p - 1), "Previous page"),
            "next",
            pageLink(p < pages, customerIndexName(p + 1), "Next page"),
            "page",
            p,
            "pages",
            pages,
            "partnerHead",
            program ? TH.render("text", "Partner") : Html.EMPTY,
            "rows",
            Html.raw(rows.toString()));
    return page("Customers", "", body);
  }

  /** {@code search-index.js}: id, name, partner and page name of every customer. */
  String searchIndex() {
    Dataset data = model.outcome.data;
    StringBuilder js = new StringBuilder("var ELIGO_CUSTOMERS=[");
    for (int k = 0; k < model.order.length; k++) {
      int c = model.order[k];
      js.append(k == 0 ? "" : ",")
          .append('[')
          .append(jsString(data.customerId(c)))
          .append(',')
          .append(jsString(data.customerName(c)))
          .append(',')
          .append(jsString(data.partnerId(c)))
          .append(',')
          .append(jsString(model.href(c)))
          .append(']');
    }
    return js.append("];\n").toString();
  }

  // ================================================================ customers' books

  /** {@code cN-K.html}: the page of the book {@code book} ({@link CustomerBooks}). */
  Html book(String book, Explainer explainer) {
    return CustomerPage.book(this, model.books.get(book), explainer);
  }

  /**
   * The page of the book of a customer id ({@code cN-K.html}, its other customers' sections
   * included); null when the site has no such customer.
   */
  public String customer(String customerId) {
    Dataset data = model.outcome.data;
    for (int c = 0; c < data.customerCount(); c++) {
      if (data.customerId(c).equals(customerId)) {
        return book(model.book[c], Explainer.forSite(model.outcome)).markup();
      }
    }
    return null;
  }

  // ================================================================ text

  /** A whole page: the title, the shared style sheet and the body; a line break after it. */
  static Html page(String title, String root, Html body) {
    return Html.join(
        List.of(PAGE.render("title", title, "root", root, "body", body), Html.raw("\n")));
  }

  /**
   * A JavaScript string literal safe anywhere in a script: quotes, backslashes, controls, markup
   * characters and line separators as escapes.
   */
  static String jsString(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"'
          || ch == '\\'
          || ch == '<'
          || ch == '>'
          || ch == '&'
          || ch < 0x20
          || ch == '\u2028'
          || ch == '\u2029') {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }
}
