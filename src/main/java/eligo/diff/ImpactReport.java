package eligo.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eligo.diff.Impact.CustomerChange;
import eligo.diff.Impact.CustomerOutcome;
import eligo.diff.Impact.NodeChange;
import eligo.diff.Impact.NodeOutcome;
import eligo.diff.Impact.PartnerChange;
import eligo.diff.Impact.Row;
import eligo.diff.Impact.RowChange;
import eligo.diff.Impact.Transition;
import eligo.lang.SyntaxErrors;
import eligo.report.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An {@link Impact} as text, JSON or a self-contained HTML page. */
public final class ImpactReport {
  private ImpactReport() {}

  static final String NONE = "(no such node)";

  /** A partner-level row's missing side when both runs read the same criteria. */
  static final String NO_PARTNER = "(no such partner)";

  /** The headings of the customers only one run holds. */
  static final String ADDED = "Customers only in the new data (added)";

  static final String REMOVED = "Customers only in the old data (removed)";

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
              SyntaxErrors.printable(p.partner()),
              p.area(),
              p.node(),
              partnerSide(impact, p.before()) + " -> " + partnerSide(impact, p.after())
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
    oneSided(sb, ADDED, impact.added());
    oneSided(sb, REMOVED, impact.removed());
    return sb.toString();
  }

  /** Customers only one run holds, each with its rows and the report's words for each. */
  private static void oneSided(StringBuilder sb, String heading, List<CustomerOutcome> customers) {
    if (customers.isEmpty()) {
      return;
    }
    sb.append('\n').append(heading).append('\n');
    for (CustomerOutcome c : customers) {
      sb.append("  ")
          .append(SyntaxErrors.printable(c.partner()))
          .append(' ')
          .append(SyntaxErrors.printable(c.customer()))
          .append("  ")
          .append(SyntaxErrors.printable(c.name()))
          .append('\n');
      List<String[]> rows = new ArrayList<>();
      for (NodeOutcome r : c.rows()) {
        rows.add(
            new String[] {
              r.area(),
              r.node(),
              side(r.row()),
              r.explained() == null ? "" : SyntaxErrors.printable(r.explained())
            });
      }
      StringBuilder t = new StringBuilder();
      table(t, null, rows);
      t.toString().lines().forEach(line -> sb.append("  ").append(line).append('\n'));
    }
  }

  /**
   * "7 of 120 customers changed (9 rows); 2 partner-level rows changed." or "No customer changed
   * ..."; when the two runs' data hold other customers, those in both and how many were added and
   * removed: "1 of 118 customers in both changed (2 rows); 2 customers added, 1 removed; ...".
   */
  public static String headline(Impact impact) {
    boolean others = !impact.added().isEmpty() || !impact.removed().isEmpty();
    String customers =
        impact.customers().isEmpty()
            ? others
                ? "No customer in both changed"
                : "No customer changed: every customer has the same status and value at every node"
            : impact.customers().size()
                + " of "
                + impact.customerCount()
                + (others ? " customers in both changed (" : " customers changed (")
                + impact.rowsChanged()
                + (impact.rowsChanged() == 1 ? " row)" : " rows)");
    if (others) {
      int added = impact.added().size();
      customers +=
          "; "
              + added
              + (added == 1 ? " customer" : " customers")
              + " added, "
              + impact.removed().size()
              + " removed";
    }
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

  /** A partner-level row's side: a missing one is a partner's when the criteria are the same. */
  private static String partnerSide(Impact impact, Row r) {
    return r == null && impact.sameCriteria() ? NO_PARTNER : side(r);
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

  /** One self-contained page (no scripts, no external files): {@link ImpactHtml}. */
  public static String html(Impact impact) {
    return ImpactHtml.page(impact);
  }
}
