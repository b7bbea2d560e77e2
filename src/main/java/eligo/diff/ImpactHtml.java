package eligo.diff;

import eligo.diff.Impact.CustomerChange;
import eligo.diff.Impact.CustomerOutcome;
import eligo.diff.Impact.NodeChange;
import eligo.diff.Impact.NodeOutcome;
import eligo.diff.Impact.PartnerChange;
import eligo.diff.Impact.Row;
import eligo.diff.Impact.RowChange;
import eligo.diff.Impact.Transition;
import eligo.report.Words;
import eligo.report.html.Html;
import eligo.report.html.Template;
import eligo.report.html.Templates;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link Impact} as one self-contained HTML page for people ({@code eligo diff --format html}).
 */
final class ImpactHtml {
  private ImpactHtml() {}

  private static final Templates PAGE =
      Templates.load(ImpactHtml.class, "impact.html", Templates.Lines.KEPT);
  private static final Template NODES = PAGE.get("nodes");
  private static final Template NODE = PAGE.get("node");
  private static final Template PARTNERS = PAGE.get("partners");
  private static final Template PARTNER = PAGE.get("partner");
  private static final Template CUSTOMERS = PAGE.get("customers");
  private static final Template CUSTOMER = PAGE.get("customer");
  private static final Template CELL = PAGE.get("cell");
  private static final Template WORDS = PAGE.get("words");
  private static final Template MISSING = PAGE.get("missing");
  private static final Template LABEL = PAGE.get("label");
  private static final Template ONE_SIDED = PAGE.get("onesided");
  private static final Template ONE_SIDED_ROW = PAGE.get("onesidedrow");

  /**
   * One self-contained page (no scripts, no external files): the markup is {@code impact.html}
   * beside this class, whose templates escape every text from the data and the criteria.
   */
  static String page(Impact impact) {
    Html nodes = Html.EMPTY;
    if (!impact.nodes().isEmpty()) {
      List<Html> rows = new ArrayList<>();
      for (NodeChange n : impact.nodes()) {
        rows.add(
            NODE.render(
                "area",
                impact.areaTitle(n.area()),
                "node",
                label(impact, n.area(), n.node()),
                "customers",
                n.customersChanged(),
                "how",
                howInWords(n)));
      }
      nodes = NODES.render("rows", Html.join(rows));
    }
    Html partners = Html.EMPTY;
    if (!impact.partners().isEmpty()) {
      List<Html> rows = new ArrayList<>();
      for (PartnerChange p : impact.partners()) {
        rows.add(
            PARTNER.render(
                "partner",
                p.partner(),
                "area",
                impact.areaTitle(p.area()),
                "node",
                label(impact, p.area(), p.node()),
                "before",
                partnerCell(impact, p.before()),
                "after",
                partnerCell(impact, p.after())));
      }
      partners = PARTNERS.render("rows", Html.join(rows));
    }
    Html customers = Html.EMPTY;
    if (!impact.customers().isEmpty()) {
      List<Html> rows = new ArrayList<>();
      for (CustomerChange c : impact.customers()) {
        for (RowChange r : c.changes()) {
          rows.add(
              CUSTOMER.render(
                  "partner",
                  c.partner(),
                  "customer",
                  c.customer(),
                  "name",
                  c.name(),
                  "area",
                  impact.areaTitle(r.area()),
                  "node",
                  label(impact, r.area(), r.node()),
                  "before",
                  cell(r.before(), r.explainedBefore()),
                  "after",
                  cell(r.after(), r.explainedAfter())));
        }
      }
      customers = CUSTOMERS.render("rows", Html.join(rows));
    }
    return PAGE.get("page")
        .render(
            "change",
            impact.newLabel().equals(impact.oldLabel()) ? "data" : "criteria",
            "criteria",
            // one criteria folder on two data folders: it once
            Html.raw(
                "<code>"
                    + Html.escapeText(impact.oldLabel())
                    + "</code>"
                    + (impact.newLabel().equals(impact.oldLabel())
                        ? ""
                        : " &rarr; <code>" + Html.escapeText(impact.newLabel()) + "</code>")),
            "data",
            impact.data(),
            "asOf",
            impact.asOf(),
            "headline",
            ImpactReport.headline(impact),
            "nodes",
            nodes,
            "partners",
            partners,
            "customers",
            customers,
            "added",
            oneSided(impact, ImpactReport.ADDED, impact.added()),
            "removed",
            oneSided(impact, ImpactReport.REMOVED, impact.removed()))
        .markup();
  }

  /** A table of customers only one run holds: a row for each of their nodes. */
  private static Html oneSided(Impact impact, String heading, List<CustomerOutcome> customers) {
    if (customers.isEmpty()) {
      return Html.EMPTY;
    }
    List<Html> rows = new ArrayList<>();
    for (CustomerOutcome c : customers) {
      for (NodeOutcome r : c.rows()) {
        rows.add(
            ONE_SIDED_ROW.render(
                "partner",
                c.partner(),
                "customer",
                c.customer(),
                "name",
                c.name(),
                "area",
                impact.areaTitle(r.area()),
                "node",
                label(impact, r.area(), r.node()),
                "outcome",
                cell(r.row(), r.explained())));
      }
    }
    return ONE_SIDED.render("heading", heading, "rows", Html.join(rows));
  }

  private static Html partnerCell(Impact impact, Row r) {
    return r == null && impact.sameCriteria()
        ? MISSING.render("text", ImpactReport.NO_PARTNER)
        : cell(r, null);
  }

  /** A node's label and, under it, its id: the label says what it is, the id where. */
  private static Html label(Impact impact, String area, String node) {
    return LABEL.render("label", impact.label(area, node), "id", node);
  }

  /** {@link #how} in the report's words for outcomes: {@code Met → Not met 4; value only 2}. */
  private static String howInWords(NodeChange n) {
    List<String> parts = new ArrayList<>();
    for (Transition t : n.transitions()) {
      parts.add(word(t.from()) + " → " + word(t.to()) + " " + t.customers());
    }
    if (n.valueOnly() > 0) {
      parts.add("value only " + n.valueOnly());
    }
    return String.join("; ", parts);
  }

  private static String word(String status) {
    return status == null ? ImpactReport.NONE : Words.outcome(status);
  }

  /**
   * A status cell: the outcome in words and the value as the results file writes it, with the
   * report's words for it (value for people, why) under them when given.
   */
  private static Html cell(Row r, String explained) {
    if (r == null) {
      return MISSING.render("text", ImpactReport.NONE);
    }
    return CELL.render(
        "status",
        r.status(),
        "row",
        r.value().isEmpty() ? word(r.status()) : word(r.status()) + " " + r.value(),
        "words",
        explained == null ? Html.EMPTY : WORDS.render("words", explained));
  }
}
