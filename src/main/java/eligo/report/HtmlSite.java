package eligo.report;

import eligo.data.Dataset;
import eligo.ir.Ir;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The Customer eligibility report as a static site that opens from {@code file://} with no
 * network: every style, chart and script is inline. Pages:
 *
 * <ul>
 *   <li>{@code index.html}: the summary of all partners, a bar chart per node (inline SVG), each
 *       group's count linking to its customer list; {@code partner-K.html} the same per partner;
 *   <li>{@code lists/A-N-G-P.html}: the customers of group G of node N of area A, {@value
 *       #PAGE_SIZE} a page, by partner then customer id (a partner's summary links to its block);
 *   <li>{@code c/K.html}: one by-customer page per customer (K: position in partner, customer id
 *       order), with status filters that work without script (CSS);
 *   <li>{@code customers-P.html}: every customer, paged, with a search box (script over {@code
 *       search-index.js}; without script the pages still list everyone);
 *   <li>{@code tree-A.html}: area A's condition sequence tree with pass / fail / not evaluated counts.
 * </ul>
 *
 * Every text from the data or the criteria is HTML-escaped; the search script writes text nodes only.
 */
public final class HtmlSite {
  private HtmlSite() {}

  static final int PAGE_SIZE = 500;

  private static final String STYLE = "<style>"
      + "body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;max-width:1200px}"
      + "h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.5em;border-bottom:1px solid #ccc}"
      + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}"
      + "th{background:#f4f4f4}.node{margin:1em 0;padding:.5em;border:1px solid #e4e4e4;border-radius:4px}"
      + ".crit{color:#555}td.met,label.met{color:#176f2c}td.not_met,label.not_met{color:#a4262c}td.not_evaluated,label.not_evaluated{color:#777}"
      + ".why{color:#5a3a00}.det td{font-size:12px;border:none;padding:1px 6px}nav a{margin-right:1em}"
      + "#f-met:not(:checked)~table tr.met,#f-not_met:not(:checked)~table tr.not_met,"
      + "#f-not_evaluated:not(:checked)~table tr.not_evaluated{display:none}"
      + "</style>";

  /** Writes the site into {@code dir} (created when missing); {@code progress} counts customer pages. */
  public static void write(Outcome outcome, Path dir, Evaluation.Progress progress) throws IOException {
    Files.createDirectories(dir.resolve("lists"));
    Files.createDirectories(dir.resolve("c"));
    Dataset data = outcome.data;
    int[] order = SummaryView.customersInOrder(outcome);
    int[] position = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      position[order[k]] = k;
    }
    SummaryView all = SummaryView.of(outcome, order, null, null, null);
    writeFile(dir.resolve("index.html"), summaryPage(all, outcome, null, position));
    writePartners(dir, outcome);
    for (int p = 0; p < outcome.partners.size(); p++) {
      SummaryView one = SummaryView.of(outcome, order, outcome.partners.get(p), null, null);
      writeFile(dir.resolve("partner-" + p + ".html"), summaryPage(one, outcome, all, position));
    }
    writeLists(dir, all, data, outcome, position);
    for (int a = 0; a < outcome.areas.size(); a++) {
      writeFile(dir.resolve("tree-" + a + ".html"), treePage(outcome.areas.get(a).area, outcome));
    }
    writeCustomerIndex(dir, order, data);
    ThreadLocal<Explainer> explainers = ThreadLocal.withInitial(() -> new Explainer(outcome));
    AtomicInteger done = new AtomicInteger();
    try {
      IntStream.range(0, order.length).parallel().forEach(k -> {
        CustomerView v = explainers.get().explain(order[k]);
        try {
          writeFile(dir.resolve("c").resolve(k + ".html"), customerPage(v, k / PAGE_SIZE + 1));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        int n = done.incrementAndGet();
        if (n % 1000 == 0 || n == order.length) {
          progress.update(n, order.length);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  // ================================================================ summary

  /** Every partner, with a link to its summary page (the summary page itself stays small however many there are). */
  private static void writePartners(Path dir, Outcome outcome) throws IOException {
    StringBuilder h = head("Partners");
    h.append("<nav><a href=\"index.html\">Summary</a></nav><h1>Partners</h1><ul>");
    for (int p = 0; p < outcome.partners.size(); p++) {
      h.append("<li><a href=\"partner-").append(p).append(".html\">").append(esc(outcome.partners.get(p))).append("</a></li>");
    }
    writeFile(dir.resolve("partners.html"), h.append("</ul></body></html>\n").toString());
  }

  /**
   * A summary page: of all partners ({@code all} null), where partner-level nodes show how many
   * partners meet them, or of one partner, where they show the partner's total.
   */
  private static String summaryPage(SummaryView v, Outcome outcome, SummaryView all, int[] position) {
    StringBuilder h = head(v.partner() == null ? "Customer eligibility" : "Customer eligibility: partner " + v.partner());
    h.append("<h1>Customer eligibility").append(v.partner() == null ? "" : ": partner " + esc(v.partner())).append("</h1>");
    h.append("<p>").append(v.customers()).append(Words.plural(" customer", v.customers()));
    if (v.partner() == null) {
      h.append(" of ").append(v.partners()).append(Words.plural(" partner", v.partners()));
    }
    h.append(", as of ").append(esc(v.asOf())).append(".</p><nav>");
    h.append(v.partner() == null ? "<a href=\"partners.html\">Partners</a>" : "<a href=\"index.html\">All partners</a>").append("<a href=\"customers-1.html\">Find a customer</a>");
    for (int a = 0; a < outcome.areas.size(); a++) {
      h.append("<a href=\"tree-").append(a).append(".html\">Tree: ").append(esc(outcome.areas.get(a).area.title())).append("</a>");
    }
    h.append("</nav>");
    int partner = v.partner() == null ? -1 : outcome.partners.indexOf(v.partner());
    for (int ai = 0; ai < v.areas().size(); ai++) {
      SummaryView.Area a = v.areas().get(ai);
      h.append("<h2 id=\"").append(esc(a.id())).append("\">").append(esc(a.title())).append("</h2>");
      for (int ni = 0; ni < a.nodes().size(); ni++) {
        SummaryView.Node n = a.nodes().get(ni);
        h.append("<div class=\"node\"><b>").append(esc(n.title())).append("</b> <small>(").append(esc(n.kind())).append(' ').append(esc(n.id())).append(")</small>");
        h.append("<div class=\"crit\">").append(esc(n.criteria())).append("</div>");
        h.append(chart(n, v.customers()));
        h.append("<table><tr>");
        for (SummaryView.Group g : n.groups()) {
          h.append("<th>").append(esc(g.label())).append("</th>");
        }
        h.append("</tr><tr>");
        for (int gi = 0; gi < n.groups().size(); gi++) {
          SummaryView.Group g = n.groups().get(gi);
          String attrs = " class=\"count\" data-area=\"" + esc(a.id()) + "\" data-node=\"" + esc(n.id()) + "\" data-group=\"" + g.key() + "\"";
          h.append("<td>");
          if (g.count() == 0) {
            h.append("<span").append(attrs).append(">0</span>");
          } else {
            // The list of all partners holds this partner's block: link to the page and anchor where it starts.
            int start = partner < 0 ? 0 : indexInAll(all.areas().get(ai).nodes().get(ni).groups().get(gi).members(), g.members()[0], position);
            h.append("<a").append(attrs).append(" href=\"lists/").append(listName(ai, ni, gi, start / PAGE_SIZE + 1)).append(partner < 0 ? "" : "#p" + partner).append("\">").append(g.count()).append("</a>");
          }
          h.append("</td>");
        }
        h.append("</tr></table>");
        if (n.partner() != null && partner < 0) {
          long met = n.partner().totals().stream().filter(t -> t.status().equals("met")).count();
          h.append("<p>Partner level: ").append(esc(n.partner().criteria())).append(" — <span class=\"partners-met\" data-area=\"").append(esc(a.id())).append("\" data-node=\"")
              .append(esc(n.id())).append("\">").append(met).append("</span> of ").append(n.partner().totals().size()).append(Words.plural(" partner", n.partner().totals().size()))
              .append(" meet it (each partner's total is on its page).</p>");
        } else if (n.partner() != null) {
          SummaryView.PartnerTotal t = n.partner().totals().get(0);
          h.append("<p>Partner level: ").append(esc(n.partner().criteria())).append("</p><table><tr><th>Partner</th><th>Total</th><th>Status</th><th>Needed</th></tr>");
          h.append("<tr><td>").append(esc(t.partnerId())).append("</td><td class=\"partner-total\" data-area=\"").append(esc(a.id())).append("\" data-node=\"").append(esc(n.id()))
              .append("\" data-partner=\"").append(esc(t.partnerId())).append("\" data-status=\"").append(t.status()).append("\" data-value=\"").append(esc(t.value())).append("\">")
              .append(esc(t.total())).append("</td><td class=\"").append(t.status()).append("\">").append(TextReport.status(t.status())).append("</td><td>")
              .append(esc(n.partner().needed() == null ? "" : n.partner().needed())).append("</td></tr></table>");
        }
        h.append("</div>");
      }
    }
    return h.append("</body></html>\n").toString();
  }

  /** Where customer {@code first} stands in {@code members}, which are in report order ({@code position}). */
  private static int indexInAll(int[] members, int first, int[] position) {
    int lo = 0;
    int hi = members.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = Integer.compare(position[members[mid]], position[first]);
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

  /** Horizontal bars, one per group, scaled to the customers counted. */
  private static String chart(SummaryView.Node n, int customers) {
    int rowHeight = 18;
    int width = 420;
    int labelWidth = 110;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(rowHeight * n.groups().size() + 4)
        .append("\" role=\"img\" aria-label=\"customers per group\">");
    for (int g = 0; g < n.groups().size(); g++) {
      SummaryView.Group group = n.groups().get(g);
      int y = g * rowHeight + 2;
      long bar = customers == 0 ? 0 : Math.round((width - labelWidth - 60) * (double) group.count() / customers);
      String color = switch (group.key()) {
        case "met", "qualified", "growth" -> "#3c9d5d";
        case "not_met", "unqualified", "decline" -> "#d05a5a";
        case "no_change" -> "#d9a441";
        default -> "#9a9a9a";
      };
      s.append("<text x=\"0\" y=\"").append(y + 12).append("\" font-size=\"12\">").append(esc(group.label())).append("</text>");
      s.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y).append("\" width=\"").append(bar).append("\" height=\"").append(rowHeight - 4).append("\" fill=\"").append(color).append("\"/>");
      s.append("<text x=\"").append(labelWidth + bar + 4).append("\" y=\"").append(y + 12).append("\" font-size=\"12\">").append(group.count()).append("</text>");
    }
    return s.append("</svg>").toString();
  }

  private static String listName(int area, int node, int group, int page) {
    return area + "-" + node + "-" + group + "-" + page + ".html";
  }

  // ================================================================ group lists

  private static void writeLists(Path dir, SummaryView all, Dataset data, Outcome outcome, int[] position) throws IOException {
    for (int ai = 0; ai < all.areas().size(); ai++) {
      SummaryView.Area a = all.areas().get(ai);
      for (int ni = 0; ni < a.nodes().size(); ni++) {
        SummaryView.Node n = a.nodes().get(ni);
        Outcome.AreaOutcome ao = outcome.area(a.id());
        int index = ao.nodeIndex(n.id());
        Ir.Node node = ao.nodes.get(index);
        for (int gi = 0; gi < n.groups().size(); gi++) {
          SummaryView.Group g = n.groups().get(gi);
          int pages = (g.count() + PAGE_SIZE - 1) / PAGE_SIZE;
          for (int p = 1; p <= pages; p++) {
            String title = a.title() + " · " + n.title() + ": " + g.label();
            StringBuilder h = head(title);
            h.append("<nav><a href=\"../index.html#").append(esc(a.id())).append("\">Summary</a>");
            h.append(p > 1 ? "<a href=\"" + listName(ai, ni, gi, p - 1) + "\">Previous page</a>" : "");
            h.append(p < pages ? "<a href=\"" + listName(ai, ni, gi, p + 1) + "\">Next page</a>" : "").append("</nav>");
            h.append("<h1>").append(esc(title)).append("</h1><p>").append(g.count()).append(Words.plural(" customer", g.count())).append(", page ").append(p).append(" of ").append(pages).append(".</p>");
            h.append("<table><tr><th>Partner</th><th>Customer</th><th>Name</th><th>Current status</th></tr>");
            String lastPartner = null;
            for (int k = (p - 1) * PAGE_SIZE; k < Math.min(g.count(), p * PAGE_SIZE); k++) {
              int c = g.members()[k];
              String partner = data.partnerId(c);
              h.append("<tr").append(partner.equals(lastPartner) ? "" : " id=\"p" + outcome.partnerOf(c) + "\"").append("><td>").append(esc(partner)).append("</td><td><a href=\"../c/")
                  .append(position[c]).append(".html\">").append(esc(data.customerId(c))).append("</a></td><td>").append(esc(data.customerName(c))).append("</td><td>")
                  .append(g.key().equals("not_evaluated") ? "" : esc(Formats.value(node.valueKind(), node.unit(), ao.value(c, index), node.scale()))).append("</td></tr>");
              lastPartner = partner;
            }
            h.append("</table></body></html>\n");
            writeFile(dir.resolve("lists").resolve(listName(ai, ni, gi, p)), h.toString());
          }
        }
      }
    }
  }

  // ================================================================ customers: index, search, pages

  private static void writeCustomerIndex(Path dir, int[] order, Dataset data) throws IOException {
    StringBuilder js = new StringBuilder("var ELIGO_CUSTOMERS=[");
    for (int k = 0; k < order.length; k++) {
      int c = order[k];
      js.append(k == 0 ? "" : ",").append('[').append(jsString(data.customerId(c))).append(',').append(jsString(data.customerName(c))).append(',').append(jsString(data.partnerId(c))).append(']');
    }
    writeFile(dir.resolve("search-index.js"), js.append("];\n").toString());
    int pages = Math.max(1, (order.length + PAGE_SIZE - 1) / PAGE_SIZE);
    for (int p = 1; p <= pages; p++) {
      StringBuilder h = head("Customers");
      h.append("<nav><a href=\"index.html\">Summary</a>");
      h.append(p > 1 ? "<a href=\"customers-" + (p - 1) + ".html\">Previous page</a>" : "");
      h.append(p < pages ? "<a href=\"customers-" + (p + 1) + ".html\">Next page</a>" : "").append("</nav>");
      h.append("<h1>Customers</h1><p>Search by id or name: <input id=\"q\" type=\"search\" placeholder=\"id or part of the name\"> <span id=\"hits\"></span></p><ul id=\"results\"></ul>");
      h.append("<p>Page ").append(p).append(" of ").append(pages).append(".</p><table><tr><th>Partner</th><th>Customer</th><th>Name</th></tr>");
      for (int k = (p - 1) * PAGE_SIZE; k < Math.min(order.length, p * PAGE_SIZE); k++) {
        int c = order[k];
        h.append("<tr><td>").append(esc(data.partnerId(c))).append("</td><td><a href=\"c/").append(k).append(".html\">").append(esc(data.customerId(c))).append("</a></td><td>").append(esc(data.customerName(c))).append("</td></tr>");
      }
      h.append("</table><script src=\"search-index.js\"></script><script>").append(SEARCH_SCRIPT).append("</script></body></html>\n");
      writeFile(dir.resolve("customers-" + p + ".html"), h.toString());
    }
  }

  /**
   * Filters the index by a case-insensitive part of the id or name; builds results with text nodes
   * only. A link may carry the search: {@code customers-1.html#q=contoso}.
   */
  private static final String SEARCH_SCRIPT = "(function(){var q=document.getElementById('q'),ul=document.getElementById('results'),hits=document.getElementById('hits');"
      + "function run(){var s=q.value.toLowerCase();while(ul.firstChild)ul.removeChild(ul.firstChild);hits.textContent='';if(!s)return;var n=0;"
      + "for(var k=0;k<ELIGO_CUSTOMERS.length;k++){var r=ELIGO_CUSTOMERS[k];if(r[0].toLowerCase().indexOf(s)<0&&r[1].toLowerCase().indexOf(s)<0)continue;n++;if(n>100)continue;"
      + "var li=document.createElement('li'),a=document.createElement('a');a.href='c/'+k+'.html';a.textContent=r[0];li.appendChild(a);"
      + "li.appendChild(document.createTextNode(' '+r[1]+' ('+r[2]+')'));ul.appendChild(li);}hits.textContent=n+' found'+(n>100?', first 100 shown':'');}"
      + "q.addEventListener('input',run);if(location.hash.indexOf('#q=')===0){q.value=decodeURIComponent(location.hash.substring(3));run();}})();";

  private static String customerPage(CustomerView v, int indexPage) {
    StringBuilder h = head("Customer " + v.customerId());
    h.append("<nav><a href=\"../index.html\">Summary</a><a href=\"../customers-").append(indexPage).append(".html\">Customers</a></nav>");
    h.append("<h1 id=\"customer-name\">").append(esc(v.customerName())).append("</h1>");
    h.append("<p>Customer <b id=\"customer-id\">").append(esc(v.customerId())).append("</b> of partner ").append(esc(v.partnerId())).append(", as of ").append(esc(v.asOf())).append(".</p>");
    // The filters work without script: CSS hides the rows of an unchecked status in every table after them.
    h.append("Show: ");
    for (String s : List.of("met", "not_met", "not_evaluated")) {
      h.append("<input type=\"checkbox\" id=\"f-").append(s).append("\" checked><label for=\"f-").append(s).append("\" class=\"").append(s).append("\">").append(TextReport.status(s)).append("</label> ");
    }
    for (CustomerView.Area a : v.areas()) {
      h.append("<h2>").append(esc(a.title())).append("</h2>");
      h.append("<table><tr><th>Node</th><th>Status</th><th>Criteria</th><th>Current status</th><th>Why</th></tr>");
      String lastWhy = null;
      for (CustomerView.Node n : a.nodes()) {
        h.append("<tr class=\"").append(n.status()).append("\" data-node=\"").append(esc(n.id())).append("\"><td>").append(esc(n.title())).append("<br><small>").append(esc(n.id())).append("</small></td>");
        h.append("<td class=\"").append(n.status()).append("\">").append(TextReport.status(n.status())).append("</td><td class=\"crit\">").append(esc(n.criteria())).append("</td>");
        h.append("<td>").append(esc(n.current()));
        if (!n.details().isEmpty()) {
          boolean net = n.details().get(0).yearEarlier() != null;
          h.append("<table class=\"det\"><tr><th>").append(esc(n.detailsBy())).append("</th><th>now</th>").append(net ? "<th>a year earlier</th>" : "").append("</tr>");
          for (CustomerView.Detail d : n.details()) {
            h.append("<tr><td>").append(esc(d.key())).append("</td><td>").append(esc(d.now())).append("</td>").append(net ? "<td>" + esc(d.yearEarlier()) + "</td>" : "").append("</tr>");
          }
          h.append("</table>");
        }
        h.append("</td><td class=\"why\">").append(n.why() == null ? "" : n.why().equals(lastWhy) ? "as above" : esc(n.why())).append("</td></tr>");
        lastWhy = n.why();
      }
      h.append("</table>");
    }
    return h.append("</body></html>\n").toString();
  }

  // ================================================================ tree

  private static String treePage(Ir.Area area, Outcome outcome) {
    StringBuilder h = head("Tree: " + area.title());
    h.append("<nav><a href=\"index.html\">Summary</a></nav><h1>").append(esc(area.title())).append(": condition sequence tree</h1>");
    h.append("<p>Gates run first, in order; the first gate not met stops its branch (the nodes after it are not evaluated).</p><ul>");
    for (Ir.Branch b : area.branches()) {
      if (!b.id().isEmpty()) {
        h.append("<li>branch <b>").append(esc(b.title())).append("</b><ul>");
      }
      for (Ir.Node n : b.nodes()) {
        treeItem(h, area, n, outcome);
        if (!n.leaves().isEmpty()) {
          h.append("<ul>");
          for (Ir.Node leaf : n.leaves()) {
            treeItem(h, area, leaf, outcome);
            h.append("</li>");
          }
          h.append("</ul>");
        }
        h.append("</li>");
      }
      if (!b.id().isEmpty()) {
        h.append("</ul></li>");
      }
    }
    return h.append("</ul></body></html>\n").toString();
  }

  private static void treeItem(StringBuilder h, Ir.Area area, Ir.Node n, Outcome outcome) {
    h.append("<li>").append(Explainer.kind(n)).append(" <b>").append(esc(n.title())).append("</b> <small>").append(esc(n.id())).append("</small>");
    if (!n.criteria().isEmpty()) {
      h.append(": <span class=\"crit\">").append(esc(n.criteria())).append("</span>");
    }
    if (n.leaves().isEmpty()) {
      h.append(" <i>").append(TreeReport.countText(TreeReport.counts(outcome, area, n))).append("</i>");
    }
    if (n.partner() != null) {
      h.append("<br>partner level: ").append(esc(n.partner().criteria()));
    }
  }

  // ================================================================ text

  private static StringBuilder head(String title) {
    return new StringBuilder(4096).append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>").append(STYLE).append("</head><body>");
  }

  /** HTML text and attribute escaping. */
  public static String esc(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      String r = switch (ch) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (r != null && out == null) {
        out = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (out != null) {
        if (r != null) {
          out.append(r);
        } else {
          out.append(ch);
        }
      }
    }
    return out == null ? s : out.toString();
  }

  /** A JavaScript string literal safe anywhere in a script: quotes, backslashes, controls, markup characters and line separators as escapes. */
  static String jsString(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"' || ch == '\\' || ch == '<' || ch == '>' || ch == '&' || ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
        out.append(String.format("\\u%04x", (int) ch));
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }

  private static void writeFile(Path file, String text) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(text);
    }
  }
}
