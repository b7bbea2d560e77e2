package eligo.report;

import eligo.data.Dataset;
import eligo.engine.Outcome;
import eligo.report.html.Filling;
import eligo.report.html.Html;
import eligo.report.html.PageBytes;
import eligo.report.html.Template;
import eligo.report.html.Templates;
import java.util.List;

/**
 * The pages of a report site, one at a time, each as the text of its file: the summary, a partner's
 * summary (program site), a group's customer list page ({@link ListPages}), a customer's page, the
 * customer index pages and the books of customers. {@link SiteWriter} writes them all into a
 * folder; a server can render the one page asked for. Page names come from ids ({@link SiteNames}),
 * so a page's name and links do not depend on the rest of the run.
 *
 * <p>Built for the program's site ({@link #program}: every partner) or one partner's ({@link
 * #partner}: an outcome of that partner's customers only, so nothing of another partner can reach a
 * page). The markup is in {@code site.html}; every text given a template is escaped.
 */
public final class SitePages {
  /** Customers per list and index page. */
  public static final int PAGE_SIZE = 500;

  static final Templates SITE =
      Templates.load(SitePages.class, "site.html", Templates.Lines.JOINED);

  private static final Template PAGE = SITE.get("page");
  private static final Template LINK = SITE.get("link");
  private static final Template TH = SITE.get("th");

  final SiteModel model;

  /** The groups' customer list pages. */
  final ListPages lists;

  private SitePages(SiteModel model) {
    this.model = model;
    this.lists = new ListPages(model);
  }

  /** The pages of the program's site: every partner of {@code outcome}. */
  public static SitePages program(Outcome outcome) {
    return new SitePages(new SiteModel(outcome, SiteModel.Face.PROGRAM));
  }

  /**
   * The pages of one partner's site, from an outcome of that partner's customers only ({@link
   * PartnerSite#outcome}).
   *
   * @throws IllegalArgumentException when {@code outcome} holds more than one partner
   */
  public static SitePages partner(Outcome outcome) {
    return new SitePages(new SiteModel(outcome, SiteModel.Face.PARTNER));
  }

  // ================================================================ summary, partners

  /** {@code index.html}: the summary of every customer of the site. */
  public String summary() {
    return summaryPage().markup();
  }

  Html summaryPage() {
    return new SummaryPage(this).summary();
  }

  /** {@link #summaryPage}, written into {@code out}. */
  void writeSummaryPage(PageBytes out) {
    new SummaryPage(this).writeSummary(out);
  }

  /**
   * {@code p/NAME.html} of the program's site: one partner's summary, whose counts lead to its
   * block of the lists of all partners.
   */
  public String partnerSummary(String partner) {
    return new SummaryPage(this).partnerSummary(partner).markup();
  }

  /** {@code partners.html} of the program's site: each partner and its partner-level goals. */
  public String partners() {
    return new SummaryPage(this).partners().markup();
  }

  /** A link to a neighbouring page, or nothing when there is none. */
  static Html pageLink(boolean exists, String href, String label) {
    return exists ? LINK.render("href", href, "label", label) : Html.EMPTY;
  }

  // ================================================================ customer index

  private static final Template CUSTOMERS = SITE.get("customers");
  private static final Template CUSTOMERS_ROW = SITE.get("customersRow");
  private static final Template CUSTOMERS_ROW_PARTNER = SITE.get("customersRowPartner");

  int customerIndexPages() {
    return Math.max(1, (model.order.length + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  static String customerIndexName(int p) {
    return p == 1 ? "customers.html" : "customers." + p + ".html";
  }

  /** {@code customers.html} and its next pages: every customer, with the search. */
  Html customerIndexPage(int p) {
    PageBytes out = PageBytes.unshared();
    writeCustomerIndexPage(out, p);
    return Html.raw(out.text());
  }

  /** {@link #customerIndexPage}, written into {@code out} as it is made. */
  void writeCustomerIndexPage(PageBytes out, int p) {
    Dataset data = model.outcome.data;
    boolean program = model.face == SiteModel.Face.PROGRAM;
    int pages = customerIndexPages();
    Filling page = pageOpen(out, model.title("Customers"), "");
    Filling body =
        CUSTOMERS
            .fill(out)
            .html("previous", pageLink(p > 1, customerIndexName(p - 1), "Previous page"))
            .html("next", pageLink(p < pages, customerIndexName(p + 1), "Next page"))
            .number("page", p)
            .number("pages", pages)
            .html("partnerHead", program ? TH.render("text", "Partner") : Html.EMPTY)
            .open("rows");
    for (int k = (p - 1) * PAGE_SIZE; k < Math.min(model.order.length, p * PAGE_SIZE); k++) {
      int c = model.order[k];
      Filling row =
          program
              ? CUSTOMERS_ROW_PARTNER.fill(out).text("partner", data.partnerId(c))
              : CUSTOMERS_ROW.fill(out);
      row.text("href", model.href(c))
          .text("customer", data.customerId(c))
          .text("name", data.customerName(c))
          .end();
    }
    body.open("searchIndex");
    if (searchIndexInline()) {
      // the index's strings are JavaScript escapes of every markup character: no text of the
      // data can end the script element or open another
      out.add("<script>");
      out.add(searchIndex());
      out.add("</script>");
    } else {
      out.add(SEARCH_INDEX_FILE);
    }
    body.end();
    pageEnd(out, page);
  }

  private static final Html SEARCH_INDEX_FILE = Html.raw("<script src=search-index.js></script>");

  /**
   * Whether the search index is in {@code customers.html} rather than a file of its own: when that
   * is the site's only page of customers (a site of at most {@value #PAGE_SIZE} customers, as
   * nearly every partner's is), which saves a file per site, and creating a file costs more than
   * its bytes (3,000 partners' sites: 3,000 files fewer).
   */
  boolean searchIndexInline() {
    return customerIndexPages() == 1;
  }

  /**
   * {@code search-index.js}: id, name, partner and page name of every customer, as a script ({@code
   * var ELIGO_CUSTOMERS=[...];}); in {@code customers.html} when {@link #searchIndexInline}. On a
   * partner's site the partner is left out (id, name, page name): every customer is its own, and a
   * result saying so each time is noise (site.js reads either form).
   */
  String searchIndex() {
    Dataset data = model.outcome.data;
    boolean ownPartner = model.partner() != null;
    StringBuilder js = new StringBuilder("var ELIGO_CUSTOMERS=[");
    for (int k = 0; k < model.order.length; k++) {
      int c = model.order[k];
      js.append(k == 0 ? "" : ",")
          .append('[')
          .append(jsString(data.customerId(c)))
          .append(',')
          .append(jsString(data.customerName(c)))
          .append(',');
      if (!ownPartner) {
        js.append(jsString(data.partnerId(c))).append(',');
      }
      js.append(jsString(model.href(c))).append(']');
    }
    return js.append("];\n").toString();
  }

  // ================================================================ customers' books

  /** {@code cN-K.html}: the page of the book {@code book} ({@link CustomerBooks}). */
  String book(String book, Explainer explainer) {
    PageBytes out = PageBytes.unshared();
    CustomerPage.book(out, this, model.books.get(book), explainer);
    return out.text();
  }

  /**
   * The page of the book of a customer id ({@code cN-K.html}, its other customers' sections
   * included); null when the site has no such customer.
   */
  public String customer(String customerId) {
    Dataset data = model.outcome.data;
    for (int c = 0; c < data.customerCount(); c++) {
      if (data.customerId(c).equals(customerId)) {
        return book(model.book[c], Explainer.forSite(model.outcome));
      }
    }
    return null;
  }

  // ================================================================ text

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** A whole page: the title, the shared style sheet and the body; a line break after it. */
  static Html page(String title, String root, Html body) {
    return Html.join(
        List.of(PAGE.render("title", title, "root", root, "body", body), Html.raw("\n")));
  }

  /**
   * A whole page written into {@code out} as {@link #page} makes it: the title, the shared style
   * sheet and the body, which the caller writes next and then ends with {@link #pageEnd}.
   */
  static Filling pageOpen(PageBytes out, String title, String root) {
    return PAGE.fill(out).text("title", title).text("root", root).open("body");
  }

  /** Ends a page opened with {@link #pageOpen}, after its body. */
  static void pageEnd(PageBytes out, Filling page) {
    page.end();
    out.add(NEWLINE);
  }

  private static final byte[] NEWLINE = {'\n'};

  /**
   * A JavaScript string literal safe anywhere in a script: quotes, backslashes, controls, markup
   * characters and line separators as escapes.
   */
  static String jsString(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '"'
          || ch == '\\'
          || ch == '<'
          || ch == '>'
          || ch == '&'
          || ch < 0x20
          || ch == '\u2028'
          || ch == '\u2029') {
        // a backslash, u and four lower-case hex digits, as String.format wrote them before,
        // without parsing a format for each (customer names with an & are common)
        out.append('\\').append('u');
        for (int shift = 12; shift >= 0; shift -= 4) {
          out.append(HEX[(ch >> shift) & 0xf]);
        }
      } else {
        out.append(ch);
      }
    }
    return out.append('"').toString();
  }
}
