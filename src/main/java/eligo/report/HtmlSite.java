package eligo.report;

import eligo.data.Dataset;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.report.html.Html;
import eligo.report.html.Template;
import eligo.report.html.Templates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The Customer eligibility report as a static site that opens from {@code file://} with no network:
 * every style, chart and script is inline. Pages:
 *
 * <ul>
 *   <li>{@code index.html}: the summary of all partners, a bar chart per node (inline SVG), each
 *       group's count linking to its customer list; {@code partner-K.html} the same per partner;
 *   <li>{@code lists/A-N-G-P.html}: the customers of group G of node N of area A, {@value
 *       #PAGE_SIZE} a page, by partner then customer id (a partner's summary links to its block);
 *   <li>{@code c/K.html}: one by-customer page per customer (K: position in partner, customer id
 *       order), with status filters that work without script (CSS);
 *   <li>{@code customers-P.html}: every customer, paged, with a search box (script over {@code
 *       search-index.js}; without script the pages still list everyone);
 *   <li>{@code tree-A.html}: area A's condition sequence tree with pass / fail / not evaluated
 *       counts.
 * </ul>
 *
 * <p>Over the house's 600 lines since the formatter broke its long lines: the markup is in {@code
 * site.html}, and what is left is one method per page kind filling its template. Splitting it into
 * a class per page is the next step (see the report issue).
 *
 * <p>The markup is in resources beside this class: the pages' pieces in {@code site.html}
 * (templates, which escape every text given them: ids, names, criteria text), the style sheet
 * {@code site.css} and the search script {@code search.js}; this class picks the pieces and fills
 * them. The search script writes text nodes only.
 */
public final class HtmlSite {
  private HtmlSite() {}

  static final int PAGE_SIZE = 500;

  /**
   * The pages' templates ({@code site.html}); the style sheet and search script are inserted as
   * they are.
   */
  private static final Templates SITE =
      Templates.load(HtmlSite.class, "site.html", Templates.Lines.JOINED);

  private static final Template PAGE = SITE.get("page");
  private static final Template LINK = SITE.get("link");
  private static final Template TH = SITE.get("th");
  private static final Template TD = SITE.get("td");
  private static final Html STYLE =
      Templates.asset(HtmlSite.class, "site.css", Templates.Lines.JOINED);

  /**
   * Filters the index by a case-insensitive part of the id or name; builds results with text nodes
   * only. A link may carry the search: {@code customers-1.html#q=contoso}. Its lines are joined
   * with nothing: every statement in {@code search.js} ends with a semicolon or a brace.
   */
  private static final Html SEARCH_SCRIPT =
      Templates.asset(HtmlSite.class, "search.js", Templates.Lines.JOINED);

  /**
   * Writes the site into {@code dir} (created when missing); {@code progress} counts customer
   * pages.
   */
  public static void write(Outcome outcome, Path dir, Evaluation.Progress progress)
      throws IOException {
    Files.createDirectories(dir.resolve("lists"));
    Files.createDirectories(dir.resolve("c"));
    Dataset data = outcome.data;
    int[] order = SummaryView.customersInOrder(outcome);
    int[] position = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      position[order[k]] = k;
    }
    SummaryView all = SummaryView.of(outcome, order, null, null, null);
    writeFile(dir.resolve("index.html"), summaryPage(all, outcome, null, position));
    writePartners(dir, outcome);
    for (int p = 0; p < outcome.partners.size(); p++) {
      SummaryView one = SummaryView.of(outcome, order, outcome.partners.get(p), null, null);
      writeFile(dir.resolve("partner-" + p + ".html"), summaryPage(one, outcome, all, position));
    }
    writeLists(dir, all, data, outcome, position);
    for (int a = 0; a < outcome.areas.size(); a++) {
      writeFile(dir.resolve("tree-" + a + ".html"), treePage(outcome.areas.get(a).area, outcome));
    }
    writeCustomerIndex(dir, order, data);
    ThreadLocal<Explainer> explainers = ThreadLocal.withInitial(() -> new Explainer(outcome));
    AtomicInteger done = new AtomicInteger();
    try {
      IntStream.range(0, order.length)
          .parallel()
          .forEach(
              k -> {
                CustomerView v = explainers.get().explain(order[k]);
                try {
                  writeFile(
                      dir.resolve("c").resolve(k + ".html"), customerPage(v, k / PAGE_SIZE + 1));
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                int n = done.incrementAndGet();
                if (n % 1000 == 0 || n == order.length) {
                  progress.update(n, order.length);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  // ================================================================ summary

  private static final Template PARTNERS = SITE.get("partners");
  private static final Template PARTNER = SITE.get("partner");

  /**
   * Every partner, with a link to its summary page (the summary page itself stays small however
   * many there are).
   */
  private static void writePartners(Path dir, Outcome outcome) throws IOException {
    List<Html> items = new ArrayList<>();
    for (int p = 0; p < outcome.partners.size(); p++) {
      items.add(PARTNER.render("index", p, "name", outcome.partners.get(p)));
    }
    writePage(dir.resolve("partners.html"), "Partners", PARTNERS.render("items", Html.join(items)));
  }

  private static final Template SUMMARY = SITE.get("summary");
  private static final Template SUMMARY_AREA = SITE.get("summaryArea");
  private static final Template SUMMARY_NODE = SITE.get("summaryNode");
  private static final Template ZERO_COUNT = SITE.get("zeroCount");
  private static final Template COUNT = SITE.get("count");
  private static final Template PARTNERS_MET = SITE.get("partnersMet");
  private static final Template PARTNER_TOTAL = SITE.get("partnerTotal");

  /**
   * A summary page: of all partners ({@code all} null), where partner-level nodes show how many
   * partners meet them, or of one partner, where they show the partner's total.
   */
  private static String summaryPage(
      SummaryView v, Outcome outcome, SummaryView all, int[] position) {
    List<Html> trees = new ArrayList<>();
    for (int a = 0; a < outcome.areas.size(); a++) {
      trees.add(
          LINK.render(
              "href",
              "tree-" + a + ".html",
              "label",
              "Tree: " + outcome.areas.get(a).area.title()));
    }
    int partner = v.partner() == null ? -1 : outcome.partners.indexOf(v.partner());
    List<Html> areas = new ArrayList<>();
    for (int ai = 0; ai < v.areas().size(); ai++) {
      SummaryView.Area a = v.areas().get(ai);
      List<Html> nodes = new ArrayList<>();
      for (int ni = 0; ni < a.nodes().size(); ni++) {
        SummaryView.Node n = a.nodes().get(ni);
        List<Html> labels = new ArrayList<>();
        List<Html> counts = new ArrayList<>();
        for (int gi = 0; gi < n.groups().size(); gi++) {
          SummaryView.Group g = n.groups().get(gi);
          labels.add(TH.render("text", g.label()));
          if (g.count() == 0) {
            counts.add(ZERO_COUNT.render("area", a.id(), "node", n.id(), "group", g.key()));
          } else {
            // The list of all partners holds this partner's block: link to the page and anchor
            // where it starts.
            int start =
                partner < 0
                    ? 0
                    : indexInAll(
                        all.areas().get(ai).nodes().get(ni).groups().get(gi).members(),
                        g.members()[0],
                        position);
            String list =
                listName(ai, ni, gi, start / PAGE_SIZE + 1) + (partner < 0 ? "" : "#p" + partner);
            counts.add(
                COUNT.render(
                    "area", a.id(), "node", n.id(), "group", g.key(), "list", list, "count",
                    g.count()));
          }
        }
        Html partnerLevel = Html.EMPTY;
        if (n.partner() != null && partner < 0) {
          long met = n.partner().totals().stream().filter(t -> t.status().equals("met")).count();
          int partners = n.partner().totals().size();
          partnerLevel =
              PARTNERS_MET.render(
                  "criteria",
                  n.partner().criteria(),
                  "area",
                  a.id(),
                  "node",
                  n.id(),
                  "met",
                  met,
                  "partners",
                  partners + Words.plural(" partner", partners));
        } else if (n.partner() != null) {
          SummaryView.PartnerTotal t = n.partner().totals().get(0);
          partnerLevel =
              PARTNER_TOTAL.render(
                  "criteria",
                  n.partner().criteria(),
                  "partner",
                  t.partnerId(),
                  "area",
                  a.id(),
                  "node",
                  n.id(),
                  "status",
                  t.status(),
                  "value",
                  t.value(),
                  "total",
                  t.total(),
                  "statusText",
                  TextReport.status(t.status()),
                  "needed",
                  n.partner().needed() == null ? "" : n.partner().needed());
        }
        nodes.add(
            SUMMARY_NODE.render(
                "title",
                n.title(),
                "kind",
                n.kind(),
                "id",
                n.id(),
                "criteria",
                n.criteria(),
                "chart",
                chart(n, v.customers()),
                "labels",
                Html.join(labels),
                "counts",
                Html.join(counts),
                "partnerLevel",
                partnerLevel));
      }
      areas.add(SUMMARY_AREA.render("id", a.id(), "title", a.title(), "nodes", Html.join(nodes)));
    }
    Html body =
        SUMMARY.render(
            "partner",
            v.partner() == null ? "" : ": partner " + v.partner(),
            "customers",
            v.customers() + Words.plural(" customer", v.customers()),
            "partners",
            v.partner() == null
                ? " of " + v.partners() + Words.plural(" partner", v.partners())
                : "",
            "asOf",
            v.asOf(),
            "back",
            v.partner() == null
                ? LINK.render("href", "partners.html", "label", "Partners")
                : LINK.render("href", "index.html", "label", "All partners"),
            "trees",
            Html.join(trees),
            "areas",
            Html.join(areas));
    return page(
        v.partner() == null
            ? "Customer eligibility"
            : "Customer eligibility: partner " + v.partner(),
        body);
  }

  /**
   * Where customer {@code first} stands in {@code members}, which are in report order ({@code
   * position}).
   */
  private static int indexInAll(int[] members, int first, int[] position) {
    int lo = 0;
    int hi = members.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = Integer.compare(position[members[mid]], position[first]);
      if (cmp == 0) {
        return mid;
      }
      if (cmp < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    throw new IllegalStateException("a partner's group member is not in the group of all partners");
  }

  private static final Template CHART = SITE.get("chart");
  private static final Template BAR = SITE.get("bar");

  /** Horizontal bars, one per group, scaled to the customers counted. */
  private static Html chart(SummaryView.Node n, int customers) {
    int rowHeight = 18;
    int width = 420;
    int labelWidth = 110;
    List<Html> bars = new ArrayList<>();
    for (int g = 0; g < n.groups().size(); g++) {
      SummaryView.Group group = n.groups().get(g);
      int y = g * rowHeight + 2;
      long bar =
          customers == 0
              ? 0
              : Math.round((width - labelWidth - 60) * (double) group.count() / customers);
      String color =
          switch (group.key()) {
            case "met", "qualified", "growth" -> "#3c9d5d";
            case "not_met", "unqualified", "decline" -> "#d05a5a";
            case "no_change" -> "#d9a441";
            default -> "#9a9a9a";
          };
      bars.add(
          BAR.render(
              "textY",
              y + 12,
              "label",
              group.label(),
              "x",
              labelWidth,
              "y",
              y,
              "width",
              bar,
              "height",
              rowHeight - 4,
              "color",
              color,
              "countX",
              labelWidth + bar + 4,
              "count",
              group.count()));
    }
    return CHART.render(
        "width", width, "height", rowHeight * n.groups().size() + 4, "bars", Html.join(bars));
  }

  private static String listName(int area, int node, int group, int page) {
    return area + "-" + node + "-" + group + "-" + page + ".html";
  }

  /** A link to a neighbouring page, or nothing when there is none. */
  private static Html pageLink(boolean exists, String href, String label) {
    return exists ? LINK.render("href", href, "label", label) : Html.EMPTY;
  }

  // ================================================================ group lists

  private static final Template LIST = SITE.get("list");
  private static final Template LIST_ROW = SITE.get("listRow");
  private static final Template PARTNER_ANCHOR = SITE.get("partnerAnchor");

  private static void writeLists(
      Path dir, SummaryView all, Dataset data, Outcome outcome, int[] position) throws IOException {
    for (int ai = 0; ai < all.areas().size(); ai++) {
      SummaryView.Area a = all.areas().get(ai);
      for (int ni = 0; ni < a.nodes().size(); ni++) {
        SummaryView.Node n = a.nodes().get(ni);
        Outcome.AreaOutcome ao = outcome.area(a.id());
        int index = ao.nodeIndex(n.id());
        Ir.Node node = ao.nodes.get(index);
        for (int gi = 0; gi < n.groups().size(); gi++) {
          SummaryView.Group g = n.groups().get(gi);
          int pages = (g.count() + PAGE_SIZE - 1) / PAGE_SIZE;
          for (int p = 1; p <= pages; p++) {
            String title = a.title() + " · " + n.title() + ": " + g.label();
            List<Html> rows = new ArrayList<>();
            String lastPartner = null;
            for (int k = (p - 1) * PAGE_SIZE; k < Math.min(g.count(), p * PAGE_SIZE); k++) {
              int c = g.members()[k];
              String partner = data.partnerId(c);
              rows.add(
                  LIST_ROW.render(
                      "anchor",
                      partner.equals(lastPartner)
                          ? Html.EMPTY
                          : PARTNER_ANCHOR.render("partner", outcome.partnerOf(c)),
                      "partner",
                      partner,
                      "page",
                      position[c],
                      "customer",
                      data.customerId(c),
                      "name",
                      data.customerName(c),
                      "value",
                      g.key().equals("not_evaluated")
                          ? ""
                          : Formats.value(
                              node.valueKind(), node.unit(), ao.value(c, index), node.scale())));
              lastPartner = partner;
            }
            Html body =
                LIST.render(
                    "area",
                    a.id(),
                    "previous",
                    pageLink(p > 1, listName(ai, ni, gi, p - 1), "Previous page"),
                    "next",
                    pageLink(p < pages, listName(ai, ni, gi, p + 1), "Next page"),
                    "title",
                    title,
                    "customers",
                    g.count() + Words.plural(" customer", g.count()),
                    "page",
                    p,
                    "pages",
                    pages,
                    "rows",
                    Html.join(rows));
            writeFile(dir.resolve("lists").resolve(listName(ai, ni, gi, p)), page(title, body));
          }
        }
      }
    }
  }

  // ================================================================ customers: index, search,
  // pages

  private static final Template CUSTOMERS = SITE.get("customers");
  private static final Template CUSTOMERS_ROW = SITE.get("customersRow");

  private static void writeCustomerIndex(Path dir, int[] order, Dataset data) throws IOException {
    StringBuilder js = new StringBuilder("var ELIGO_CUSTOMERS=[");
    for (int k = 0; k < order.length; k++) {
      int c = order[k];
      js.append(k == 0 ? "" : ",")
          .append('[')
          .append(jsString(data.customerId(c)))
          .append(',')
          .append(jsString(data.customerName(c)))
          .append(',')
          .append(jsString(data.partnerId(c)))
          .append(']');
    }
    writeFile(dir.resolve("search-index.js"), js.append("];\n").toString());
    int pages = Math.max(1, (order.length + PAGE_SIZE - 1) / PAGE_SIZE);
    for (int p = 1; p <= pages; p++) {
      List<Html> rows = new ArrayList<>();
      for (int k = (p - 1) * PAGE_SIZE; k < Math.min(order.length, p * PAGE_SIZE); k++) {
        int c = order[k];
        rows.add(
            CUSTOMERS_ROW.render(
                "partner",
                data.partnerId(c),
                "page",
                k,
                "customer",
                data.customerId(c),
                "name",
                data.customerName(c)));
      }
      Html body =
          CUSTOMERS.render(
              "previous",
              pageLink(p > 1, "customers-" + (p - 1) + ".html", "Previous page"),
              "next",
              pageLink(p < pages, "customers-" + (p + 1) + ".html", "Next page"),
              "page",
              p,
              "pages",
              pages,
              "rows",
              Html.join(rows),
              "script",
              SEARCH_SCRIPT);
      writeFile(dir.resolve("customers-" + p + ".html"), page("Customers", body));
    }
  }

  private static final Template CUSTOMER = SITE.get("customer");
  private static final Template FILTER = SITE.get("filter");
  private static final Template CUSTOMER_AREA = SITE.get("customerArea");
  private static final Template CUSTOMER_NODE = SITE.get("customerNode");
  private static final Template DETAILS = SITE.get("details");
  private static final Template DETAIL = SITE.get("detail");

  private static String customerPage(CustomerView v, int indexPage) {
    List<Html> filters = new ArrayList<>();
    for (String s : List.of("met", "not_met", "not_evaluated")) {
      filters.add(FILTER.render("status", s, "text", TextReport.status(s)));
    }
    List<Html> areas = new ArrayList<>();
    for (CustomerView.Area a : v.areas()) {
      List<Html> nodes = new ArrayList<>();
      String lastWhy = null;
      for (CustomerView.Node n : a.nodes()) {
        Html details = Html.EMPTY;
        if (!n.details().isEmpty()) {
          boolean net = n.details().get(0).yearEarlier() != null;
          List<Html> rows = new ArrayList<>();
          for (CustomerView.Detail d : n.details()) {
            rows.add(
                DETAIL.render(
                    "key",
                    d.key(),
                    "now",
                    d.now(),
                    "yearEarlier",
                    net ? TD.render("text", d.yearEarlier()) : Html.EMPTY));
          }
          details =
              DETAILS.render(
                  "by",
                  n.detailsBy(),
                  "yearEarlier",
                  net ? TH.render("text", "a year earlier") : Html.EMPTY,
                  "rows",
                  Html.join(rows));
        }
        nodes.add(
            CUSTOMER_NODE.render(
                "status",
                n.status(),
                "id",
                n.id(),
                "title",
                n.title(),
                "statusText",
                TextReport.status(n.status()),
                "criteria",
                n.criteria(),
                "current",
                n.current(),
                "details",
                details,
                "why",
                n.why() == null ? "" : n.why().equals(lastWhy) ? "as above" : n.why()));
        lastWhy = n.why();
      }
      areas.add(CUSTOMER_AREA.render("title", a.title(), "nodes", Html.join(nodes)));
    }
    Html body =
        CUSTOMER.render(
            "indexPage",
            indexPage,
            "name",
            v.customerName(),
            "customer",
            v.customerId(),
            "partner",
            v.partnerId(),
            "asOf",
            v.asOf(),
            "filters",
            Html.join(filters),
            "areas",
            Html.join(areas));
    return page("Customer " + v.customerId(), body);
  }

  // ================================================================ tree

  private static final Template TREE = SITE.get("tree");
  private static final Template TREE_BRANCH = SITE.get("treeBranch");
  private static final Template TREE_NODE = SITE.get("treeNode");
  private static final Template TREE_CRITERIA = SITE.get("treeCriteria");
  private static final Template TREE_COUNTS = SITE.get("treeCounts");
  private static final Template TREE_PARTNER = SITE.get("treePartner");
  private static final Template TREE_LEAVES = SITE.get("treeLeaves");

  private static String treePage(Ir.Area area, Outcome outcome) {
    List<Html> items = new ArrayList<>();
    for (Ir.Branch b : area.branches()) {
      List<Html> nodes = new ArrayList<>();
      for (Ir.Node n : b.nodes()) {
        List<Html> leaves = new ArrayList<>();
        for (Ir.Node leaf : n.leaves()) {
          leaves.add(treeItem(area, leaf, outcome, Html.EMPTY));
        }
        nodes.add(
            treeItem(
                area,
                n,
                outcome,
                leaves.isEmpty() ? Html.EMPTY : TREE_LEAVES.render("items", Html.join(leaves))));
      }
      items.add(
          b.id().isEmpty()
              ? Html.join(nodes)
              : TREE_BRANCH.render("title", b.title(), "items", Html.join(nodes)));
    }
    return page(
        "Tree: " + area.title(), TREE.render("title", area.title(), "items", Html.join(items)));
  }

  private static Html treeItem(Ir.Area area, Ir.Node n, Outcome outcome, Html leaves) {
    return TREE_NODE.render(
        "kind",
        Explainer.kind(n),
        "title",
        n.title(),
        "id",
        n.id(),
        "criteria",
        n.criteria().isEmpty() ? Html.EMPTY : TREE_CRITERIA.render("criteria", n.criteria()),
        "counts",
        n.leaves().isEmpty()
            ? TREE_COUNTS.render(
                "counts", TreeReport.countText(TreeReport.counts(outcome, area, n)))
            : Html.EMPTY,
        "partner",
        n.partner() == null ? Html.EMPTY : TREE_PARTNER.render("criteria", n.partner().criteria()),
        "leaves",
        leaves);
  }

  // ================================================================ text

  /** A whole page: the title, the style sheet and the body; a line break after it. */
  private static String page(String title, Html body) {
    return PAGE.render("title", title, "style", STYLE, "body", body).markup() + "\n";
  }

  private static void writePage(Path file, String title, Html body) throws IOException {
    writeFile(file, page(title, body));
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
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }

  private static void writeFile(Path file, String text) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }
}
