package eligo.report;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.io.Texts;
import eligo.ir.Ir;
import java.util.regex.Pattern;

/**
 * The site's CSV downloads: the site's results (one row per customer, a status and a value column
 * per node), whole and per area (every list of the area). Safe to open in a spreadsheet: a cell
 * that starts with {@code = + - @}, a tab or a carriage return is prefixed with {@code '} (OWASP,
 * CSV injection), unless it is a plain decimal number; fields with a comma, quote or line break are
 * quoted.
 */
final class SiteCsv {
  private SiteCsv() {}

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  /** One cell, safe against formula injection and quoted when needed. */
  static String cell(String s) {
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !DECIMAL.matcher(s).matches()) {
      s = "'" + s;
    }
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char ch = s.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\n' || ch == '\r';
    }
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  static void row(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      out.append(i == 0 ? "" : ",").append(cell(cells[i]));
    }
    out.append('\n');
  }

  /**
   * Every customer of the site with every node's status and value: partner_id, customer_id,
   * customer_name, then {@code AREA/NODE} (met, not_met or not_evaluated) and {@code AREA/NODE
   * value} (the plain value of the results file; empty when not evaluated) per node.
   */
  static String results(SiteModel model) {
    return results(model, -1);
  }

  /**
   * The same for the nodes of area {@code area} alone (its index; -1: every area): the CSV of every
   * list of the area, each list a pair of columns.
   */
  static String results(SiteModel model, int area) {
    Outcome o = model.outcome;
    Dataset data = o.data;
    StringBuilder out = new StringBuilder(model.order.length * 400 + 1024);
    java.util.List<String> head = new java.util.ArrayList<>();
    head.add("partner_id");
    head.add("customer_id");
    head.add("customer_name");
    java.util.List<Outcome.AreaOutcome> areas =
        area < 0 ? o.areas : java.util.List.of(o.areas.get(area));
    for (Outcome.AreaOutcome a : areas) {
      for (Ir.Node n : a.nodes) {
        head.add(a.area.id() + "/" + n.id());
        head.add(a.area.id() + "/" + n.id() + " value");
      }
    }
    row(out, head.toArray(new String[0]));
    for (int c : model.order) {
      out.append(cell(data.partnerId(c)))
          .append(',')
          .append(cell(data.customerId(c)))
          .append(',')
          .append(cell(data.customerName(c)));
      for (Outcome.AreaOutcome a : areas) {
        for (int i = 0; i < a.nodes.size(); i++) {
          byte s = a.status(c, i);
          out.append(',').append(NodeResults.statusName(s)).append(',');
          if (s != NodeResults.NOT_EVALUATED) {
            out.append(Texts.plain(a.value(c, i), a.nodes.get(i).scale()));
          }
        }
      }
      out.append('\n');
    }
    return out.toString();
  }
}
