package eligo.report;

import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.report.html.Html;
import eligo.report.html.Template;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's section of its book ({@code cN-K.html#NAME}, {@link CustomerBooks}): per area its
 * verdict, the partner-level goals the customer counts toward and per node its outcome, value,
 * details and why. Compact, since there is one per customer: the criteria text is under each area's
 * tree on the summary (a why says what was needed), a partner's own site does not name the partner
 * on each customer, and closing tags a browser adds itself are left out.
 */
final class CustomerPage {
  private CustomerPage() {}

  private static final Template LINK = SitePages.SITE.get("link");
  private static final Template BOOK = SitePages.SITE.get("book");
  private static final Template CUSTOMER = SitePages.SITE.get("customer");
  private static final Template CUSTOMER_AREA = SitePages.SITE.get("customerArea");
  private static final Template CUSTOMER_STOPPED = SitePages.SITE.get("customerStopped");
  private static final Template CUSTOMER_STOP = SitePages.SITE.get("customerStop");
  private static final Template CUSTOMER_PARTNER = SitePages.SITE.get("customerPartner");
  private static final Template CUSTOMER_GOALS = SitePages.SITE.get("customerGoals");
  private static final Template CUSTOMER_NODE = SitePages.SITE.get("customerNode");
  private static final Template CUSTOMER_BRANCH = SitePages.SITE.get("customerBranch");
  private static final Template DETAILS = SitePages.SITE.get("details");
  private static final Template DETAIL = SitePages.SITE.get("detail");
  private static final Template SAME_ASSOCIATIONS = SitePages.SITE.get("sameAssociations");
  private static final Template TH = SitePages.SITE.get("thShort");
  private static final Template TD = SitePages.SITE.get("tdShort");

  /**
   * A node not evaluated says which gate stopped it; the gate's own row, on the same page, says
   * why, so its reason is not repeated.
   */
  static String shorter(String why) {
    String start = "not evaluated: gate '";
    int end = why.indexOf("' was not met (");
    return why.startsWith(start) && end > 0
        ? why.substring(0, end + "' was not met".length())
        : why;
  }

  /**
   * The why of nodes a gate stopped, in their shared row whose outcome already says "Not
   * evaluated": {@code gate 'Azure services' was not met}, the gate's own row giving its reason.
   */
  static String stoppedBy(String why) {
    String start = "not evaluated: ";
    String s = shorter(why);
    return s.startsWith(start) ? s.substring(start.length()) : s;
  }

  /**
   * Whether no node of the area was met and every node not met is a gate: the first gate of each
   * branch stopped it, so the customer is not in this area at all, and the page says so in a line
   * per branch instead of a table of nodes not evaluated.
   */
  static boolean stoppedAtFirstGates(CustomerView.Area a) {
    boolean any = false;
    for (CustomerView.Node n : a.nodes()) {
      switch (n.status()) {
        case "met" -> {
          return false;
        }
        case "not_met" -> {
          if (!n.kind().equals("gate")) {
            return false;
          }
          any = true;
        }
        default -> {}
      }
    }
    return any;
  }

  /** Whys shorter than this are given again rather than referred to. */
  private static final int LONG_WHY = 60;

  /**
   * A why, or where on the page the same long why was given first, in another area ({@code as under
   * Business Applications (Enterprise)}): the Enterprise and SMB areas often say the same.
   */
  static String elsewhere(java.util.Map<String, String> whys, String why, String area) {
    if (why.length() < LONG_WHY) {
      return why;
    }
    String first = whys.putIfAbsent(why, area);
    return first == null || first.equals(area) ? why : "as under " + first;
  }

  /**
   * The rows of an area its first gates stopped: per gate, why it was not met ({@code as above}
   * when the row above says the same).
   */
  private static Html stopped(
      CustomerView.Area a, SiteModel.AreaInfo info, String own, String[] last) {
    List<Html> rows = new ArrayList<>();

    for (int ni = 0; ni < a.nodes().size(); ni++) {
      CustomerView.Node n = a.nodes().get(ni);
      if (n.status().equals("not_met")) {
        // the first row holds the customer's anchor; the others, kept, are often another's too
        boolean first = rows.isEmpty();
        Object[] values = {
          "anchor",
          first ? Html.attribute("id", own + "." + info.anchor()) : Html.EMPTY,
          "area",
          a.title(),
          "gate",
          info.labels().get(ni),
          "why",
          n.why() == null ? "" : n.why().equals(last[0]) ? "as above" : n.why()
        };
        rows.add(first ? CUSTOMER_STOP.render(values) : CUSTOMER_STOP.renderKept(values));
        last[0] = n.why();
      }
    }
    return Html.join(rows);
  }

  /** The partner-level goals customer {@code c} counts toward in an area, with its part. */
  private static Html goals(Outcome.AreaOutcome ao, int c) {
    List<String> goals = new ArrayList<>();
    for (int j = 0; j < ao.partnerNodes.size(); j++) {
      Long contribution = ao.contribution(c, j);
      if (contribution != null) {
        Ir.Node pn = ao.partnerNodes.get(j);
        Ir.PartnerRule rule = pn.partner();
        goals.add(
            rule.criteria()
                + " (this customer: "
                + Formats.value(rule.valueKind(), rule.unit(), contribution, rule.scale())
                + ")");
      }
    }
    return goals.isEmpty() ? Html.EMPTY : CUSTOMER_GOALS.render("goals", String.join("; ", goals));
  }

  /**
   * A node's row: kept ({@link Template#renderKept}) when {@code keep}, for rows many customers
   * share (a node met, with no why), else made anew (a why names the customer's own rows and
   * values: a row kept would seldom come again).
   */
  private static Html node(boolean keep, Object... namesAndValues) {
    return keep ? CUSTOMER_NODE.renderKept(namesAndValues) : CUSTOMER_NODE.render(namesAndValues);
  }

  /**
   * Customer {@code c}'s section of its book: its anchor is its page name ({@link SiteModel#page}),
   * and every anchor in it starts with that name and a dot (which no page name holds).
   */
  static Html section(SitePages pages, int c, Explainer explainer) {
    SiteModel model = pages.model;
    String own = model.page[c];
    Outcome o = model.outcome;
    CustomerView v = explainer.explainNotMet(c);
    List<Html> areas = new ArrayList<>();
    List<Html> stoppedRows = new ArrayList<>();
    // the associations listed on the page, with the title of the area that lists them first: an
    // area listing the same ones again (the Enterprise and SMB areas often do) names that area
    java.util.Map<String, String> associationsListed = new java.util.HashMap<>();
    // the long whys given on the page, with the title of the area that gives each first
    java.util.Map<String, String> whys = new java.util.HashMap<>();
    String[] lastStopped = {null}; // the why of the last row of the stopped areas' table
    for (int ai = 0; ai < v.areas().size(); ai++) {
      CustomerView.Area a = v.areas().get(ai);
      SiteModel.AreaInfo info = model.areas.get(ai);
      Outcome.AreaOutcome ao = info.outcome();
      Html goalsHtml = goals(ao, c);
      if (stoppedAtFirstGates(a) && goalsHtml.length() == 0) {
        stoppedRows.add(stopped(a, info, own, lastStopped));
        continue;
      }
      List<Html> nodes = new ArrayList<>();
      String lastWhy = null;
      String lastBranch = "";
      int[] tally = new int[3];
      for (int ni = 0; ni < a.nodes().size(); ni++) {
        CustomerView.Node n = a.nodes().get(ni);
        Ir.Node node = ao.nodes.get(ni);
        tally[n.status().equals("met") ? 0 : n.status().equals("not_met") ? 1 : 2]++;
        String branch = info.branches().get(ni);
        if (!branch.isEmpty() && !branch.equals(lastBranch)) {
          nodes.add(CUSTOMER_BRANCH.renderKept("title", branch));
        }
        lastBranch = branch;
        if (n.status().equals("not_evaluated")) {
          // the nodes one gate stopped share one row: their titles, and the gate that stopped them
          List<String> titles = new ArrayList<>();
          titles.add(info.inBranch().get(ni));
          while (ni + 1 < a.nodes().size()
              && a.nodes().get(ni + 1).status().equals("not_evaluated")
              && a.nodes().get(ni + 1).why().equals(n.why())
              && info.branches().get(ni + 1).equals(branch)) {
            ni++;
            tally[2]++;
            titles.add(info.inBranch().get(ni));
          }
          nodes.add(
              CUSTOMER_NODE.renderKept(
                  "status",
                  OutcomeClass.of(n.status()),
                  "leaf",
                  titles.size() == 1 && node.kind() == Ir.NodeKind.LEAF ? " leaf" : "",
                  "title",
                  String.join(", ", titles),
                  "statusText",
                  Words.outcome(n.status()),
                  "current",
                  "",
                  "details",
                  Html.EMPTY,
                  "why",
                  stoppedBy(n.why())));
          lastWhy = n.why();
          continue;
        }
        Html details = Html.EMPTY;
        // the tenant or workload rows behind an outcome not met, and the associations that count
        // toward a met one (other rows are kept out of met ones: one page per customer stays small)
        boolean associations = !n.details().isEmpty() && n.details().get(0).association() != null;
        if (!n.details().isEmpty() && (n.status().equals("not_met") || associations)) {
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
          if (n.detailsLeftOut() > 0) {
            rows.add(
                DETAIL.render(
                    "key",
                    "",
                    "now",
                    Words.more(n),
                    "yearEarlier",
                    net ? TD.render("text", "") : Html.EMPTY));
          }
          details =
              DETAILS.render(
                  "by",
                  n.detailsBy(),
                  "now",
                  associations ? "association" : "now",
                  "yearEarlier",
                  net ? TH.renderKept("text", "a year earlier") : Html.EMPTY,
                  "rows",
                  Html.join(rows));
          if (associations) {
            String first = associationsListed.putIfAbsent(details.markup(), a.title());
            if (first != null && !first.equals(a.title())) {
              details = SAME_ASSOCIATIONS.renderKept("area", first);
            }
          }
        }
        String why =
            n.why() == null
                ? ""
                : n.why().equals(lastWhy)
                    ? "as above"
                    : elsewhere(whys, shorter(n.why()), a.title());
        nodes.add(
            node(
                why.isEmpty() && details.whole(),
                "status",
                OutcomeClass.of(n.status()),
                "leaf",
                node.kind() == Ir.NodeKind.LEAF ? " leaf" : "",
                "title",
                info.inBranch().get(ni),
                "statusText",
                Words.outcome(n.status()),
                "current",
                n.current(),
                "details",
                details,
                "why",
                why));
        lastWhy = n.why();
      }
      List<String> parts = new ArrayList<>();
      String[] words = {" met", " not met", " not evaluated"};
      for (int k = 0; k < 3; k++) {
        if (tally[k] > 0) {
          parts.add(tally[k] + words[k]);
        }
      }
      String verdict = tally[1] == 0 && tally[2] == 0 ? "every node met" : String.join(", ", parts);
      areas.add(
          CUSTOMER_AREA.render(
              "anchor",
              own + "." + info.anchor(),
              "title",
              a.title(),
              "verdictClass",
              OutcomeClass.of(tally[1] == 0 && tally[2] == 0 ? "met" : "not_met"),
              "verdict",
              verdict,
              "goals",
              goalsHtml,
              "nodes",
              Html.join(nodes)));
    }
    boolean program = model.face == SiteModel.Face.PROGRAM;
    return CUSTOMER.render(
        "anchor",
        own,
        "partner",
        // a partner's site is all of one partner's: its customers do not say whose they are
        program
            ? CUSTOMER_PARTNER.render(
                "partner",
                LINK.render(
                    "href", "p/" + SiteNames.of(v.partnerId()) + ".html", "label", v.partnerId()))
            : Html.EMPTY,
        "name",
        v.customerName(),
        "customer",
        v.customerId(),
        "asOf",
        v.asOf(),
        "areas",
        Html.join(areas),
        "stopped",
        stoppedRows.isEmpty()
            ? Html.EMPTY
            : CUSTOMER_STOPPED.render(
                "anchor",
                own + ".stopped",
                "count",
                stoppedRows.size() + (stoppedRows.size() == 1 ? " area" : " areas"),
                "rows",
                Html.join(stoppedRows)));
  }

  /**
   * The page of a book ({@link CustomerBooks}): the sections of its customers ({@code customers},
   * dataset indexes in report order), each explained by {@code explainer}.
   */
  static Html book(SitePages pages, int[] customers, Explainer explainer) {
    SiteModel model = pages.model;
    List<Html> sections = new ArrayList<>(customers.length);
    for (int c : customers) {
      sections.add(section(pages, c, explainer));
    }
    String first = model.outcome.data.customerId(customers[0]);
    String last = model.outcome.data.customerId(customers[customers.length - 1]);
    return SitePages.page(
        model.title(
            customers.length == 1 ? "Customer " + first : "Customers " + first + " to " + last),
        "",
        BOOK.render("summaryLabel", "Summary", "sections", Html.join(sections)));
  }
}
