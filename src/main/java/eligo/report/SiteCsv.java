package eligo.report;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.io.Texts;
import eligo.ir.Ir;
import java.util.regex.Pattern;

/**
 * The site's CSV downloads: each group's whole list and the site's results (one row per customer, a
 * status and a value column per node). Safe to open in a spreadsheet: a cell that starts with
 * {@code = + - @}, a tab or a carriage return is prefixed with {@code '} (OWASP, CSV injection),
 * unless it is a plain decimal number; fields with a comma, quote or line break are quoted.
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
   * Every list of a node in one file: [partner_id,] customer_id, customer_name, outcome (met,
   * not_met, not_evaluated) and value (the plain value of the results file; empty when not
   * evaluated), in report order.
   */
  static String node(SiteModel model, int ai, int ni) {
    Outcome.AreaOutcome ao = model.areas.get(ai).outcome();
    Ir.Node node = ao.nodes.get(ni);
    Dataset data = model.outcome.data;
    boolean program = model.face == SiteModel.Face.PROGRAM;
    StringBuilder out = new StringBuilder(model.order.length * 48 + 64);
    if (program) {
      row(out, "partner_id", "customer_id", "customer_name", "outcome", "value");
    } else {
      row(out, "customer_id", "customer_name", "outcome", "value");
    }
    for (int c : model.order) {
      byte s = ao.status(c, ni);
      String value =
          s == NodeResults.NOT_EVALUATED ? "" : Texts.plain(ao.value(c, ni), node.scale());
      if (program) {
        out.append(cell(data.partnerId(c))).append(',');
      }
      out.append(cell(data.customerId(c)))
          .append(',')
          .append(cell(data.customerName(c)))
          .append(',')
          .append(NodeResults.statusName(s))
          .append(',')
          .append(value)
          .append('\n');
    }
    return out.toString();
  }

  /**
   * Every customer of the site with every node's status and value: partner_id, customer_id,
   * customer_name, then {@code AREA/NODE} (met, not_met or not_evaluated) and {@code AREA/NODE
   * value} (the plain value of the results file; empty when not evaluated) per node.
   */
  static String results(SiteModel model) {
    Outcome o = model.outcome;
    Dataset data = o.data;
    StringBuilder out = new StringBuilder(model.order.length * 400 + 1024);
    java.util.List<String> head = new java.util.ArrayList<>();
    head.add("partner_id");
    head.add("customer_id");
    head.add("customer_name");
    for (Outcome.AreaOutcome a : o.areas) {
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
      for (Outcome.AreaOutcome a : o.areas) {
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
