package eligo.report;

import eligo.data.Dataset;
import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.report.html.Filling;
import eligo.report.html.Html;
import eligo.report.html.PageBytes;
import eligo.report.html.Template;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The summary pages of a site: {@code index.html} (per area its condition sequence tree, each
 * node's box with a bar of its groups, their customers linked to their lists and their tenants;
 * under the tree each node's criteria and partner-level goal), a partner's summary on the program's
 * site, and the program's {@code partners.html}. Part of {@link SitePages}.
 */
final class SummaryPage {
  private static final Template LINK = SitePages.SITE.get("link");
  private static final Template TH = SitePages.SITE.get("th");
  private static final Template LI = SitePages.SITE.get("li");
  private static final Template SMALL = SitePages.SITE.get("small");
  private static final Template LEGEND = SitePages.SITE.get("legend");

  private final SitePages pages;
  private final SiteModel model;

  SummaryPage(SitePages pages) {
    this.pages = pages;
    this.model = pages.model;
  }

  /** A swatch of a bar's colour, before the words of its group in the legend. */
  private static final Template SWATCH = SitePages.SITE.get("swatch");

  /** The legend of the outcome words, the same on every summary: made once. */
  private static final Html LEGEND_ITEMS = legend();

  private static Html legend() {
    List<Html> items = new ArrayList<>();
    for (Words.LegendItem item : Words.LEGEND) {
      List<Html> parts = new ArrayList<>();
      for (String key : item.keys()) {
        parts.add(SWATCH.render("cls", OutcomeClass.of(key)));
      }
      parts.add(Html.text(item.words()));
      items.add(LI.render("item", Html.join(parts)));
    }
    return LEGEND.render("items", Html.join(items)).fixed();
  }

  private static final Template SUMMARY = SitePages.SITE.get("summary");
  private static final Template SUMMARY_AREA = SitePages.SITE.get("summaryArea");
  private static final Template COUNT = SitePages.SITE.get("dCount");
  private static final Template PARTNERS_MET = SitePages.SITE.get("partnersMet");
  private static final Template PARTNER_TOTAL = SitePages.SITE.get("partnerTotal");

  /** {@code index.html}: the summary of every customer of the site. */
  Html summary() {
    PageBytes out = PageBytes.unshared();
    writeSummary(out);
    return Html.raw(out.text());
  }

  /** {@link #summary}, written into {@code out}. */
  void writeSummary(PageBytes out) {
    summaryPage(out, model.all, model.partner(), "");
  }

  /**
   * {@code p/NAME.html} of the program's site: one partner's summary, whose counts lead to its
   * block of the lists of all partners.
   */
  Html partnerSummary(String partner) {
    PageBytes out = PageBytes.unshared();
    writePartnerSummary(out, partner);
    return Html.raw(out.text());
  }

  /** {@link #partnerSummary}, written into {@code out}. */
  void writePartnerSummary(PageBytes out, String partner) {
    if (model.face != SiteModel.Face.PROGRAM) {
      throw new IllegalStateException("a partner's site has no partner pages");
    }
    SummaryView one = SummaryView.of(model.outcome, model.order, partner, null, null);
    summaryPage(out, one, partner, "../");
  }

  /**
   * A summary written into {@code out} as it is made ({@link Filling}); each area's diagram its
   * runs of markup made once per area ({@link TreeDiagram}) and its boxes.
   */
  private void summaryPage(PageBytes out, SummaryView v, String partner, String root) {
    boolean ownSite = model.face == SiteModel.Face.PARTNER;
    boolean partnerPage = partner != null && !ownSite;
    Filling page =
        SitePages.pageOpen(
            out,
            partner == null ? "Customer eligibility" : "Customer eligibility: partner " + partner,
            root);
    Html back =
        partnerPage
            ? LINK.render("href", "../index.html", "label", "All partners")
            : ownSite ? Html.EMPTY : LINK.render("href", "partners.html", "label", "Partners");
    Filling body =
        SUMMARY
            .fill(out)
            .html("back", back)
            .text("root", root)
            .text("root", root)
            .text("partner", partner == null ? "" : ": partner " + partner)
            .text("customers", v.customers() + Words.plural(" customer", v.customers()))
            .text(
                "partners",
                partner == null
                    ? " of " + v.partners() + Words.plural(" partner", v.partners())
                    : "")
            .text("asOf", v.asOf())
            .open("areaLinks");
    for (int ai = 0; ai < v.areas().size(); ai++) {
      LINK.fill(out)
          .text("href", "#" + model.areas.get(ai).anchor())
          .text("label", v.areas().get(ai).title())
          .end();
    }
    body.html("legend", LEGEND_ITEMS).open("areas");
    // the named sets listed on the page, with their anchors: each listed once, later nodes link
    java.util.Map<List<String>, String> setsShown = new java.util.HashMap<>();
    for (int ai = 0; ai < v.areas().size(); ai++) {
      SummaryView.Area a = v.areas().get(ai);
      SiteModel.AreaInfo info = model.areas.get(ai);
      List<TreeDiagram.Box> boxes = new ArrayList<>();
      List<Html> partnerLevels = new ArrayList<>();
      for (int ni = 0; ni < a.nodes().size(); ni++) {
        SummaryView.Node n = a.nodes().get(ni);
        int groups = n.groups().size();
        String[] hrefs = new String[groups]; // null: a group of no customer, not linked
        List<String> tenants = new ArrayList<>(groups);
        for (int gi = 0; gi < groups; gi++) {
          SummaryView.Group g = n.groups().get(gi);
          tenants.add(g.label() + " " + tenants(g));
          if (g.count() > 0) {
            int start =
                partnerPage
                    ? indexIn(model.all.areas().get(ai).nodes().get(ni).groups().get(gi), g)
                    : 0;
            String href = pages.lists.listHref(ai, ni, gi, start, partnerPage ? partner : null);
            // the same string for the same link when there is no root: its escaped bytes kept
            hrefs[gi] = root.isEmpty() ? href : root + href;
          }
        }
        String tenantsLine = String.join(" · ", tenants);
        boxes.add(
            (o, x, barY, countsY) ->
                SiteCharts.barAt(
                    o, n, v.customers(), x, barY, countsY, c -> counts(c, n, hrefs), tenantsLine));
        partnerLevels.add(partnerLevel(n, a, partner));
      }
      Filling area =
          SUMMARY_AREA
              .fill(out)
              .text("anchor", info.anchor())
              .text("title", a.title())
              .text("id", a.id())
              .open("diagram");
      TreeDiagram.diagram(out, model, ai, boxes);
      area.html("nodes", TreeSections.sections(model, ai, partnerLevels, setsShown)).end();
    }
    body.end();
    SitePages.pageEnd(out, page);
  }

  /** Between the counts of a node's groups: {@code " · "}, escaped (nothing to escape). */
  private static final byte[] BETWEEN_COUNTS = " · ".getBytes(StandardCharsets.UTF_8);

  /**
   * The customers of each group of {@code n}: a count links to its list ({@code hrefs}, null for a
   * group of none).
   */
  private static void counts(PageBytes out, SummaryView.Node n, String[] hrefs) {
    for (int gi = 0; gi < hrefs.length; gi++) {
      SummaryView.Group g = n.groups().get(gi);
      if (gi > 0) {
        out.add(BETWEEN_COUNTS);
      }
      if (hrefs[gi] == null) {
        out.addText(g.label() + " 0", true);
      } else {
        COUNT
            .fill(out)
            .text("href", hrefs[gi])
            .text("label", g.label())
            .number("count", g.count())
            .end();
      }
    }
  }

  /** The tenants of a group's customers. */
  private long tenants(SummaryView.Group g) {
    Dataset data = model.outcome.data;
    long n = 0;
    for (int c : g.members()) {
      n += data.tenantEnd(c) - data.tenantStart(c);
    }
    return n;
  }

  /** Where the first member of {@code part} stands in {@code whole} (both in report order). */
  private int indexIn(SummaryView.Group whole, SummaryView.Group part) {
    int[] position = model.position;
    int first = position[part.members()[0]];
    int[] m = whole.members();
    int lo = 0;
    int hi = m.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = Integer.compare(position[m[mid]], first);
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

  private Html partnerLevel(SummaryView.Node n, SummaryView.Area a, String partner) {
    if (n.partner() == null) {
      return Html.EMPTY;
    }
    if (partner == null) {
      List<String> met = new ArrayList<>();
      for (SummaryView.PartnerTotal t : n.partner().totals()) {
        if (t.status().equals("met")) {
          met.add(t.partnerId());
        }
      }
      int partners = n.partner().totals().size();
      String which = met.isEmpty() ? "" : met.size() <= 20 ? ": " + String.join(", ", met) : "";
      return PARTNERS_MET.render(
          "criteria",
          n.partner().criteria(),
          "area",
          a.id(),
          "node",
          n.id(),
          "met",
          met.size(),
          "partners",
          partners + Words.plural(" partner", partners),
          "which",
          which);
    }
    SummaryView.PartnerTotal t =
        n.partner().totals().stream()
            .filter(x -> x.partnerId().equals(partner))
            .findFirst()
            .orElseThrow();
    return PARTNER_TOTAL.render(
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
        "statusClass",
        OutcomeClass.of(t.status()),
        "value",
        t.value(),
        "total",
        t.total(),
        "statusText",
        Words.outcome(t.status()),
        "needed",
        n.partner().needed() == null ? "" : n.partner().needed());
  }

  private static final Template PARTNERS = SitePages.SITE.get("partners");
  private static final Template PARTNER_ROW = SitePages.SITE.get("partnerRow");
  private static final Template STATUS_CELL = SitePages.SITE.get("statusCell");

  /** {@code partners.html} of the program's site: each partner and its partner-level goals. */
  Html partners() {
    Outcome o = model.outcome;
    List<Html> heads = new ArrayList<>();
    List<int[]> rules = new ArrayList<>();
    for (int ai = 0; ai < o.areas.size(); ai++) {
      Outcome.AreaOutcome a = o.areas.get(ai);
      for (int j = 0; j < a.partnerNodes.size(); j++) {
        Ir.Node n = a.partnerNodes.get(j);
        heads.add(
            TH.render("text", a.area.title() + " · " + SiteModel.label(a.area, n) + " (partner)"));
        rules.add(new int[] {ai, j});
      }
    }
    List<Html> rows = new ArrayList<>();
    for (int p = 0; p < o.partners.size(); p++) {
      List<Html> cells = new ArrayList<>();
      for (int[] r : rules) {
        boolean met = o.areas.get(r[0]).partnerMet(p, r[1]);
        String s = met ? "met" : "not_met";
        cells.add(STATUS_CELL.render("status", OutcomeClass.of(s), "text", Words.outcome(s)));
      }
      rows.add(
          PARTNER_ROW.render(
              "page",
              SiteNames.of(o.partners.get(p)),
              "name",
              o.partners.get(p),
              "cells",
              Html.join(cells)));
    }
    int n = o.partners.size();
    return SitePages.page(
        "Partners",
        "",
        PARTNERS.render(
            "count",
            n + Words.plural(" partner", n),
            "heads",
            Html.join(heads),
            "rows",
            Html.join(rows)));
  }
}
