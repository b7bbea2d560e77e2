package eligo.report;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.engine.Outcome;
import eligo.io.Texts;
import eligo.ir.Ir;
import eligo.report.html.PageBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

  /** A status's cell between its commas, in ASCII: by {@link NodeResults} status. */
  private static final byte[][] STATUS = new byte[3][];

  static {
    for (byte s : new byte[] {NodeResults.MET, NodeResults.NOT_MET, NodeResults.NOT_EVALUATED}) {
      STATUS[s] = ("," + NodeResults.statusName(s) + ",").getBytes(StandardCharsets.US_ASCII);
    }
  }

  /**
   * Every customer of the site with every node's status and value: partner_id, customer_id,
   * customer_name, then {@code AREA/NODE} (met, not_met or not_evaluated) and {@code AREA/NODE
   * value} (the plain value of the results file; empty when not evaluated) per node; for the nodes
   * of area {@code area} alone (its index; -1: every area), the CSV of every list of the area, each
   * list a pair of columns.
   *
   * <p>In UTF-8, made in this thread's buffer ({@link PageBytes}), so written before this thread
   * makes its next page. Each cell goes straight into the bytes: a string builder would hold every
   * character in two bytes from the first customer name beyond Latin-1 on, to be made a string and
   * encoded again.
   */
  static ByteBuffer results(SiteModel model, int area) {
    Outcome o = model.outcome;
    Dataset data = o.data;
    PageBytes out = PageBytes.start();
    StringBuilder head = new StringBuilder();
    java.util.List<String> names = new java.util.ArrayList<>();
    names.add("partner_id");
    names.add("customer_id");
    names.add("customer_name");
    java.util.List<Outcome.AreaOutcome> areas =
        area < 0 ? o.areas : java.util.List.of(o.areas.get(area));
    for (Outcome.AreaOutcome a : areas) {
      for (Ir.Node n : a.nodes) {
        names.add(a.area.id() + "/" + n.id());
        names.add(a.area.id() + "/" + n.id() + " value");
      }
    }
    row(head, names.toArray(new String[0]));
    out.add(head.toString());
    // per area, its nodes' scales and the room a row's values may take
    int[][] scales = new int[areas.size()][];
    int room = 1;
    for (int k = 0; k < areas.size(); k++) {
      Outcome.AreaOutcome a = areas.get(k);
      scales[k] = new int[a.nodes.size()];
      for (int i = 0; i < scales[k].length; i++) {
        scales[k][i] = a.nodes.get(i).scale();
        room += STATUS[NodeResults.NOT_EVALUATED].length + Texts.plainLength(scales[k][i]);
      }
    }
    byte[][] status = STATUS;
    for (int c : model.order) {
      out.add(cell(data.partnerId(c)));
      out.add(COMMA);
      out.add(cell(data.customerId(c)));
      out.add(COMMA);
      out.add(cell(data.customerName(c)));
      byte[] b = out.room(room);
      int at = out.size();
      for (int k = 0; k < scales.length; k++) {
        Outcome.AreaOutcome a = areas.get(k);
        int[] sc = scales[k];
        for (int i = 0; i < sc.length; i++) {
          byte s = a.status(c, i);
          byte[] word = status[s];
          System.arraycopy(word, 0, b, at, word.length);
          at += word.length;
          if (s != NodeResults.NOT_EVALUATED) {
            at = Texts.plain(a.value(c, i), sc[i], b, at);
          }
        }
      }
      b[at++] = '\n';
      out.size(at);
    }
    return out.done();
  }

  private static final byte[] COMMA = {','};
}
