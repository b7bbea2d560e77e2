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
import java.util.ArrayList;
import java.util.List;

/** An {@link Impact} as text, JSON or a self-contained HTML page. */
public final class ImpactReport {
  private ImpactReport() {}

  private static final String NONE = "(no such node)";

  // ---------------------------------------------------------------- text

  public static String text(Impact impact) {
    StringBuilder sb = new StringBuilder();
    sb.append("Criteria ").append(impact.oldLabel()).append(" -> ").append(impact.newLabel())
        .append(" on ").append(impact.data()).append(", as of ").append(impact.asOf()).append('\n');
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
        rows.add(new String[] {p.partner(), p.area(), p.node(), side(p.before()) + " -> " + side(p.after())});
      }
      table(sb, new String[] {"partner", "area", "node", "before -> after"}, rows);
    }
    if (!impact.customers().isEmpty()) {
      sb.append("\nCustomers\n");
      for (CustomerChange c : impact.customers()) {
        sb.append("  ").append(SyntaxErrors.printable(c.partner())).append(' ').append(SyntaxErrors.printable(c.customer()))
            .append("  ").append(SyntaxErrors.printable(c.name())).append('\n');
        List<String[]> rows = new ArrayList<>();
        for (RowChange r : c.changes()) {
          rows.add(new String[] {r.area(), r.node(), side(r.before()) + " -> " + side(r.after())});
        }
        StringBuilder t = new StringBuilder();
        table(t, null, rows);
        t.toString().lines().forEach(line -> sb.append("  ").append(line).append('\n'));
        for (RowChange r : c.changes()) {
          sb.append("    ").append(r.area()).append(' ').append(r.node()).append('\n');
          sb.append("      before: ").append(r.explainedBefore() == null ? NONE : SyntaxErrors.printable(r.explainedBefore())).append('\n');
          sb.append("      after:  ").append(r.explainedAfter() == null ? NONE : SyntaxErrors.printable(r.explainedAfter())).append('\n');
        }
      }
    }
    return sb.toString();
  }

  /** "7 of 120 customers changed (9 rows); 2 partner-level rows changed." or "No customer changed ...". */
  public static String headline(Impact impact) {
    String customers = impact.customers().isEmpty()
        ? "No customer changed: every customer has the same status and value at every node"
        : impact.customers().size() + " of " + impact.customerCount() + " customers changed (" + impact.rowsChanged() + (impact.rowsChanged() == 1 ? " row)" : " rows)");
    String partners = impact.partners().isEmpty() ? "no partner-level row changed"
        : impact.partners().size() + (impact.partners().size() == 1 ? " partner-level row changed" : " partner-level rows changed");
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

  private static String status(String s) {
    return s == null ? NONE : s;
  }

  private static String side(Row r) {
    return r == null ? NONE : r.toString();
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
        line.append(i == columns - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  // ---------------------------------------------------------------- JSON

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The impact as JSON: the record's fields, in their order; a missing side is null. */
  public static String json(Impact impact) {
    try {
      return JSON.writeValueAsString(impact) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the impact of a change cannot be written as JSON", e);
    }
  }

  // ---------------------------------------------------------------- HTML

  /** One self-contained page (no scripts, no external files); every text from the data is escaped. */
  public static String html(Impact impact) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Impact of a criteria change</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}\n")
        .append("table{border-collapse:collapse;margin:0.5rem 0 1.5rem}\n")
        .append("th,td{border:1px solid #ccc;padding:0.25rem 0.6rem;text-align:left;vertical-align:top}\n")
        .append("th{background:#f2f2f2}\n.met{color:#0a6b2d}\n.not_met{color:#a4262c}\n.not_evaluated{color:#6b6b6b}\n")
        .append("</style>\n</head>\n<body>\n");
    sb.append("<h1>Impact of a criteria change</h1>\n<p>Criteria <code>").append(escape(impact.oldLabel())).append("</code> &rarr; <code>")
        .append(escape(impact.newLabel())).append("</code> on <code>").append(escape(impact.data())).append("</code>, as of ")
        .append(escape(impact.asOf())).append(".</p>\n<p><strong>").append(escape(headline(impact))).append("</strong></p>\n");
    if (!impact.nodes().isEmpty()) {
      sb.append("<h2>Nodes</h2>\n<table>\n<tr><th>area</th><th>node</th><th>customers changed</th><th>how</th></tr>\n");
      for (NodeChange n : impact.nodes()) {
        sb.append("<tr><td>").append(escape(n.area())).append("</td><td>").append(escape(n.node())).append("</td><td>")
            .append(n.customersChanged()).append("</td><td>").append(escape(how(n))).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    if (!impact.partners().isEmpty()) {
      sb.append("<h2>Partner-level nodes</h2>\n<table>\n<tr><th>partner</th><th>area</th><th>node</th><th>before</th><th>after</th></tr>\n");
      for (PartnerChange p : impact.partners()) {
        sb.append("<tr><td>").append(escape(p.partner())).append("</td><td>").append(escape(p.area())).append("</td><td>")
            .append(escape(p.node())).append("</td>").append(cell(p.before())).append(cell(p.after())).append("</tr>\n");
      }
      sb.append("</table>\n");
    }
    if (!impact.customers().isEmpty()) {
      sb.append("<h2>Customers</h2>\n<table>\n<tr><th>partner</th><th>customer</th><th>name</th><th>area</th><th>node</th><th>before</th><th>after</th></tr>\n");
      for (CustomerChange c : impact.customers()) {
        for (RowChange r : c.changes()) {
          sb.append("<tr><td>").append(escape(c.partner())).append("</td><td>").append(escape(c.customer())).append("</td><td>")
              .append(escape(c.name())).append("</td><td>").append(escape(r.area())).append("</td><td>").append(escape(r.node()))
              .append("</td>").append(cell(r.before(), r.explainedBefore())).append(cell(r.after(), r.explainedAfter())).append("</tr>\n");
        }
      }
      sb.append("</table>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static String cell(Row r) {
    return cell(r, null);
  }

  /** A status cell; with the report's words for it (value for people, why) under the row when given. */
  private static String cell(Row r, String explained) {
    if (r == null) {
      return "<td>" + NONE + "</td>";
    }
    String words = explained == null ? "" : "<br><small>" + escape(explained) + "</small>";
    return "<td class=\"" + r.status() + "\">" + escape(r.toString()) + words + "</td>";
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
