package eligo.report;

import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.report.html.Filling;
import eligo.report.html.Html;
import eligo.report.html.PageBytes;
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
    if (!why.startsWith(ReasonWords.STOPPED_BEFORE)) {
      return why; // most whys: looked for no further
    }
    int end = why.indexOf(ReasonWords.STOPPED_AFTER + " (");
    return end > 0 ? why.substring(0, end + ReasonWords.STOPPED_AFTER.length()) : why;
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

  private static final Template SET_LINK = SitePages.SITE.get("setLink");

  /**
   * A row's why ({@code why, set, whyAfter}): its words of a named set ({@code link}, or none)
   * leading to the summary's list of its members.
   */
  static Filling why(Filling row, String why, SetLinks.Link link) {
    int at = link == null ? -1 : why.indexOf(link.words());
    if (at < 0) {
      return row.text("why", why).html("set", Html.EMPTY).text("whyAfter", "");
    }
    return row.text("why", why.substring(0, at))
        .html("set", SET_LINK.renderKept("anchor", link.anchor(), "words", link.words()))
        .text("whyAfter", why.substring(at + link.words().length()));
  }

  /** The why of the nodes the gate of the row just above stopped. */
  static final String GATE_ABOVE = "the gate above was not met";

  /**
   * Whether the nodes from {@code first} on, not evaluated for {@code why}, follow the gate that
   * stopped them in the same table: the node just before, in their branch, is a gate not met (the
   * first not met before them, as nothing after it was evaluated) and the why names it.
   */
  static boolean gateAbove(
      List<CustomerView.Node> nodes,
      List<Ir.Node> ir,
      List<String> branches,
      int first,
      String why) {
    if (first == 0 || !branches.get(first - 1).equals(branches.get(first))) {
      return false;
    }
    CustomerView.Node gate = nodes.get(first - 1);
    return ir.get(first - 1).kind() == Ir.NodeKind.GATE
        && gate.status().equals("not_met")
        && ReasonWords.stoppedBy(why, ir.get(first - 1));
  }

  /** Whys shorter than this are given again rather than referred to. */
  private static final int LONG_WHY = 60;

  /**
   * A why, or where on the page the same long why was given first for a node of the same label
   * {@code node}, in another area ({@code as under Business Applications (Enterprise)}): the
   * Enterprise and SMB areas often say the same.
   */
  static String elsewhere(SectionFirsts given, String node, String why, String area) {
    if (why.length() < LONG_WHY) {
      return why;
    }
    String first = given.why(node, why, area);
    return first == null || first.equals(area) ? why : "as under " + first;
  }

  /**
   * The rows of an area its first gates stopped: per gate, why it was not met ({@code as above}
   * when the row above says the same); the first row holds the area's anchor.
   */
  private static void stopped(
      PageBytes out, CustomerView.Area a, SiteModel.AreaInfo info, String own, String[] last) {
    boolean first = true;
    KeptRows kept = KeptRows.get();
    for (int ni = 0; ni < a.nodes().size(); ni++) {
      CustomerView.Node n = a.nodes().get(ni);
      if (n.status().equals("not_met")) {
        String why = n.why() == null ? "" : n.why().equals(last[0]) ? "as above" : n.why();
        if (first) {
          CUSTOMER_STOP
              .fill(out)
              .html("anchor", Html.attribute("id", own + "." + info.anchor()))
              .text("area", a.title())
              .text("gate", info.labels().get(ni))
              .text("why", why)
              .end();
        } else {
          // often another customer's row too
          kept.stop(out, CUSTOMER_STOP, a.title(), info.labels().get(ni), why);
        }
        first = false;
        last[0] = n.why();
      }
    }
  }

  /**
   * The partner-level goals customer {@code c} counts toward in an area, with its part; null when
   * none.
   */
  private static String goals(Outcome.AreaOutcome ao, int c) {
    List<String> goals = null;
    for (int j = 0; j < ao.partnerNodes.size(); j++) {
      Long contribution = ao.contribution(c, j);
      if (contribution != null) {
        Ir.Node pn = ao.partnerNodes.get(j);
        Ir.PartnerRule rule = pn.partner();
        if (goals == null) {
          goals = new ArrayList<>();
        }
        goals.add(
            rule.criteria()
                + " (this customer: "
                + Formats.value(rule.valueKind(), rule.unit(), contribution, rule.scale())
                + ")");
      }
    }
    return goals == null ? null : String.join("; ", goals);
  }

  /** The head of the tenant or workload rows when they have a year earlier's column. */
  private static final Html YEAR_EARLIER = TH.render("text", "a year earlier").fixed();

  /**
   * Customer {@code c}'s section of its book, written into {@code out}: its anchor is its page name
   * ({@link SiteModel#page}), and every anchor in it starts with that name and a dot (which no page
   * name holds). Each row is written as it is made ({@link Filling}), with no piece of markup in
   * between: a site of 100,000 customers writes 400 MB of them.
   */
  static void section(PageBytes out, SitePages pages, int c, Explainer explainer) {
    SiteModel model = pages.model;
    String own = model.page[c];
    CustomerView v = explainer.explainNotMet(c);
    Filling customer =
        CUSTOMER
            .fill(out)
            .text("anchor", own)
            .text("name", v.customerName())
            .text("customer", v.customerId())
            .open("partner");
    // a partner's site is all of one partner's: its customers do not say whose they are
    if (model.face == SiteModel.Face.PROGRAM) {
      Filling partner = CUSTOMER_PARTNER.fill(out).open("partner");
      LINK.fill(out)
          .text("href", "p/" + SiteNames.of(v.partnerId()) + ".html")
          .text("label", v.partnerId())
          .end();
      partner.end();
    }
    customer.text("asOf", v.asOf()).open("areas");
    int areaCount = v.areas().size();
    String[] goals = new String[areaCount];
    boolean[] stopped = new boolean[areaCount];
    int stoppedCount = 0;
    for (int ai = 0; ai < areaCount; ai++) {
      goals[ai] = goals(model.areas.get(ai).outcome(), c);
      stopped[ai] = goals[ai] == null && stoppedAtFirstGates(v.areas().get(ai));
      stoppedCount += stopped[ai] ? 1 : 0;
    }
    // the associations listed on the page and the long whys given, with the title of the area
    // that gives each first: an area listing the same associations again (the Enterprise and SMB
    // areas often do) names that area
    SectionFirsts given = new SectionFirsts();
    for (int ai = 0; ai < areaCount; ai++) {
      if (!stopped[ai]) {
        area(out, v.areas().get(ai), model.areas.get(ai), own, goals[ai], given, model.setLinks);
      }
    }
    customer.open("stopped");
    if (stoppedCount > 0) {
      Filling table =
          CUSTOMER_STOPPED
              .fill(out)
              .text("customer", own)
              .text("count", stoppedCount + (stoppedCount == 1 ? " area" : " areas"))
              .open("rows");
      String[] lastStopped = {null}; // the why of the last row of the stopped areas' table
      for (int ai = 0; ai < areaCount; ai++) {
        if (stopped[ai]) {
          stopped(out, v.areas().get(ai), model.areas.get(ai), own, lastStopped);
        }
      }
      table.end();
    }
    customer.end();
  }

  /** An area of a customer's section, its first gates passed (or a partner-level goal counted). */
  private static void area(
      PageBytes out,
      CustomerView.Area a,
      SiteModel.AreaInfo info,
      String own,
      String goals,
      SectionFirsts given,
      SetLinks sets) {
    List<CustomerView.Node> areaNodes = a.nodes();
    KeptRows kept = KeptRows.get();
    int[] tally = new int[3];
    for (CustomerView.Node n : areaNodes) {
      tally[n.status().equals("met") ? 0 : n.status().equals("not_met") ? 1 : 2]++;
    }
    String verdict = kept.verdict(tally[0], tally[1], tally[2]);
    Filling area =
        CUSTOMER_AREA
            .fill(out)
            .text("customer", own)
            .text("area", info.anchor())
            .text("title", a.title())
            .text(
                "verdictClass", OutcomeClass.of(tally[1] == 0 && tally[2] == 0 ? "met" : "not_met"))
            .text("verdict", verdict)
            .open("goals");
    if (goals != null) {
      CUSTOMER_GOALS.fill(out).text("goals", goals).end();
    }
    area.open("nodes");
    Outcome.AreaOutcome ao = info.outcome();
    String lastWhy = null;
    String lastBranch = "";
    for (int ni = 0; ni < areaNodes.size(); ni++) {
      CustomerView.Node n = areaNodes.get(ni);
      Ir.Node node = ao.nodes.get(ni);
      String branch = info.branches().get(ni);
      if (!branch.isEmpty() && !branch.equals(lastBranch)) {
        CUSTOMER_BRANCH.fill(out).text("title", branch).end();
      }
      lastBranch = branch;
      if (n.status().equals("not_evaluated")) {
        // the nodes one gate stopped share one row: their titles, and the gate that stopped them
        int first = ni;
        while (ni + 1 < areaNodes.size()
            && areaNodes.get(ni + 1).status().equals("not_evaluated")
            && areaNodes.get(ni + 1).why().equals(n.why())
            && info.branches().get(ni + 1).equals(branch)) {
          ni++;
        }
        kept.node(
            out,
            CUSTOMER_NODE,
            OutcomeClass.of(n.status()),
            first == ni && node.kind() == Ir.NodeKind.LEAF ? " leaf" : "",
            first == ni ? info.inBranch().get(ni) : kept.titles(info.inBranch(), first, ni),
            Words.outcome(n.status()),
            "",
            gateAbove(areaNodes, ao.nodes, info.branches(), first, n.why())
                ? GATE_ABOVE
                : kept.stoppedBy(n.why()),
            null);
        lastWhy = n.why();
        continue;
      }
      String why =
          n.why() == null
              ? ""
              : n.why().equals(lastWhy)
                  ? "as above"
                  : elsewhere(given, info.labels().get(ni), shorter(n.why()), a.title());
      boolean associations = !n.details().isEmpty() && n.details().get(0).association() != null;
      // the tenant or workload rows behind an outcome not met, and the associations that count
      // toward a met one (other rows are kept out of met ones: one page per customer stays small)
      if (n.details().isEmpty() || !(n.status().equals("not_met") || associations)) {
        kept.node(
            out,
            CUSTOMER_NODE,
            OutcomeClass.of(n.status()),
            node.kind() == Ir.NodeKind.LEAF ? " leaf" : "",
            info.inBranch().get(ni),
            Words.outcome(n.status()),
            n.current(),
            why,
            sets.in(node, why));
        lastWhy = n.why();
        continue;
      }
      Filling row =
          CUSTOMER_NODE
              .fill(out)
              .text("status", OutcomeClass.of(n.status()))
              .text("leaf", node.kind() == Ir.NodeKind.LEAF ? " leaf" : "")
              .text("title", info.inBranch().get(ni))
              .text("statusText", Words.outcome(n.status()))
              .text("current", n.current())
              .open("details");
      int detailsAt = out.size();
      details(out, n, associations);
      if (associations) {
        String first = given.table(out, detailsAt, a.title());
        if (first != null && !first.equals(a.title())) {
          out.size(detailsAt);
          SAME_ASSOCIATIONS.fill(out).text("area", first).end();
        }
      }
      why(row, why, sets.in(node, why)).end();
      lastWhy = n.why();
    }
    area.end();
  }

  /** The tenant or workload rows of node {@code n}, or the associations that count toward it. */
  private static void details(PageBytes out, CustomerView.Node n, boolean associations) {
    boolean net = n.details().get(0).yearEarlier() != null;
    Filling table =
        DETAILS
            .fill(out)
            .text("by", n.detailsBy())
            .text("now", associations ? "association" : "now")
            .html("yearEarlier", net ? YEAR_EARLIER : Html.EMPTY)
            .open("rows");
    for (CustomerView.Detail d : n.details()) {
      detail(out, d.key(), d.now(), net ? d.yearEarlier() : null);
    }
    if (n.detailsLeftOut() > 0) {
      detail(out, "", Words.more(n), net ? "" : null);
    }
    table.end();
  }

  /** A row of a node's details; {@code yearEarlier} null when the table has no such column. */
  private static void detail(PageBytes out, String key, String now, String yearEarlier) {
    Filling row = DETAIL.fill(out).text("key", key).text("now", now).open("yearEarlier");
    if (yearEarlier != null) {
      TD.fill(out).text("text", yearEarlier).end();
    }
    row.end();
  }

  /**
   * The page of a book ({@link CustomerBooks}), written into {@code out}: the sections of its
   * customers ({@code customers}, dataset indexes in report order), each explained by {@code
   * explainer}.
   */
  static void book(PageBytes out, SitePages pages, int[] customers, Explainer explainer) {
    SiteModel model = pages.model;
    String first = model.outcome.data.customerId(customers[0]);
    String last = model.outcome.data.customerId(customers[customers.length - 1]);
    Filling page =
        SitePages.pageOpen(
            out,
            model.title(
                customers.length == 1 ? "Customer " + first : "Customers " + first + " to " + last),
            "");
    Filling book = BOOK.fill(out).text("summaryLabel", "Summary").open("sections");
    for (int c : customers) {
      section(out, pages, c, explainer);
    }
    book.end();
    SitePages.pageEnd(out, page);
  }
}
