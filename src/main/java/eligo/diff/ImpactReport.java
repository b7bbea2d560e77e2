package eligo.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eligo.diff.Impact.CustomerChange;
import eligo.diff.Impact.NodeChange;
import eligo.diff.Impact.PartnerChange;
import eligo.diff.Impact.Row;
import eligo.diff.Impact.RowChange;
import eligo.diff.Impact.Transition;
import eligo.lang.SyntaxErrors;
import eligo.report.Words;
import eligo.report.html.Html;
import eligo.report.html.Template;
import eligo.report.html.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An {@link Impact} as text, JSON or a self-contained HTML page. */
public final class ImpactReport {
  private ImpactReport() {}

  private static final String NONE = "(no such node)";

  // ---------------------------------------------------------------- text

  public static String text(Impact impact) {
    StringBuilder sb = new StringBuilder();
    sb.append("Criteria ").append(impact.oldLabel());
    if (!impact.newLabel().equals(impact.oldLabel())) {
      sb.append(" -> ").append(impact.newLabel()); // else one criteria on two data folders
    }
    sb.append(" on ").append(impact.data()).append(", as of ").append(impact.asOf()).append('\n');
    sb.append(headline(impact)).append('\n');
    if (!impact.nodes().isEmpty()) {
      sb.append("\nNodes (customers changed)\n");
      List<String[]> rows = new ArrayList<>();
      for (NodeChange n : impact.nodes()) {
        rows.add(new String[] {n.area(), n.node(), String.valueOf(n.customersChanged()), how(n)});
      }
      table(sb, new String[] {"area", "node", "customers", "how"}, rows);
    }
    if (!impact.partners().isEmpty()) {
      sb.append("\nPartner-level nodes\n");
      List<String[]> rows = new ArrayList<>();
      for (PartnerChange p : impact.partners()) {
        rows.add(
            new String[] {
              p.partner(), p.area(), p.node(), side(p.before()) + " -> " + side(p.after())
            });
      }
      table(sb, new String[] {"partner", "area", "node", "before -> after"}, rows);
    }
    if (!impact.customers().isEmpty()) {
      sb.append("\nCustomers\n");
      for (CustomerChange c : impact.customers()) {
        sb.append("  ")
            .append(SyntaxErrors.printable(c.partner()))
            .append(' ')
            .append(SyntaxErrors.printable(c.customer()))
            .append("  ")
            .append(SyntaxErrors.printable(c.name()))
            .append('\n');
        List<String[]> rows = new ArrayList<>();
        for (RowChange r : c.changes()) {
          rows.add(new String[] {r.area(), r.node(), side(r.before()) + " -> " + side(r.after())});
        }
        StringBuilder t = new StringBuilder();
        table(t, null, rows);
        t.toString().lines().forEach(line -> sb.append("  ").append(line).append('\n'));
        for (RowChange r : c.changes()) {
          sb.append("    ").append(r.area()).append(' ').append(r.node()).append('\n');
          sb.append("      before: ")
              .append(
                  r.explainedBefore() == null ? NONE : SyntaxErrors.printable(r.explainedBefore()))
              .append('\n');
          sb.append("      after:  ")
              .append(
                  r.explainedAfter() == null ? NONE : SyntaxErrors.printable(r.explainedAfter()))
              .append('\n');
        }
      }
    }
    return sb.toString();
  }

  /**
   * "7 of 120 customers changed (9 rows); 2 partner-level rows changed." or "No customer changed
   * ...".
   */
  public static String headline(Impact impact) {
    String customers =
        impact.customers().isEmpty()
            ? "No customer changed: every customer has the same status and value at every node"
            : impact.customers().size()
                + " of "
                + impact.customerCount()
                + " customers changed ("
                + impact.rowsChanged()
                + (impact.rowsChanged() == 1 ? " row)" : " rows)");
    String partners =
        impact.partners().isEmpty()
            ? "no partner-level row changed"
            : impact.partners().size()
                + (impact.partners().size() == 1
                    ? " partner-level row changed"
                    : " partner-level rows changed");
    return customers + "; " + partners + ".";
  }

  private static String how(NodeChange n) {
    List<String> parts = new ArrayList<>();
    for (Transition t : n.transitions()) {
      parts.add(status(t.from()) + " -> " + status(t.to()) + " " + t.customers());
    }
    if (n.valueOnly() > 0) {
      parts.add("value only " + n.valueOnly());
    }
    return String.join("; ", parts);
  }

  /** An outcome in the report's words ("Not met"), as every view says it. */
  private static String status(String s) {
    return s == null ? NONE : Words.outcome(s);
  }

  /** A row's outcome in words and its value as the results file writes it. */
  private static String side(Row r) {
    return r == null ? NONE : status(r.status()) + (r.value().isEmpty() ? "" : " " + r.value());
  }

  private static void table(StringBuilder sb, String[] header, List<String[]> rows) {
    int columns = rows.isEmpty() ? header.length : rows.get(0).length;
    int[] width = new int[columns];
    List<String[]> all = new ArrayList<>();
    if (header != null) {
      all.add(header);
    }
    all.addAll(rows);
    for (String[] r : all) {
      for (int i = 0; i < columns; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : all) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < columns; i++) {
        line.append(
            i == columns - 1 ? r[i] : String.format(Locale.ROOT, "%-" + width[i] + "s  ", r[i]));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  // ---------------------------------------------------------------- JSON

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The impact as JSON: the record's fields, in their order; a missing side is null. */
  public static String json(Impact impact) {
    try {
      return JSON.writeValueAsString(impact) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the impact of a change cannot be written as JSON", e);
    }
  }

  // ---------------------------------------------------------------- HTML

  private static final Templates PAGE =
      Templates.load(ImpactReport.class, "impact.html", Templates.Lines.KEPT);
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

  /**
   * One self-contained page (no scripts, no external files): the markup is {@code impact.html}
   * beside this class, whose templates escape every text from the data and the criteria.
   */
  public static String html(Impact impact) {
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
                cell(p.before(), null),
                "after",
                cell(p.after(), null)));
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
            headline(impact),
            "nodes",
            nodes,
            "partners",
            partners,
            "customers",
            customers)
        .markup();
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
    return status == null ? NONE : Words.outcome(status);
  }

  /**
   * A status cell: the outcome in words and the value as the results file writes it, with the
   * report's words for it (value for people, why) under them when given.
   */
  private static Html cell(Row r, String explained) {
    if (r == null) {
      return MISSING.render("text", NONE);
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
