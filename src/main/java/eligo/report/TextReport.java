package eligo.report;

import eligo.data.Dataset;
import java.util.ArrayList;
import java.util.List;

/** The two views as aligned plain text for the terminal. */
public final class TextReport {
  private TextReport() {}

  /**
   * Beyond this many partners, a partner-level node shows how many meet it rather than every total.
   */
  static final int MAX_PARTNER_LINES = 20;

  /** The summary; with {@code list}, each group's customer ids under it. */
  public static String summary(SummaryView v, Dataset data, boolean list) {
    StringBuilder out = new StringBuilder();
    out.append("Customer eligibility: ")
        .append(v.customers())
        .append(Words.plural(" customer", v.customers()));
    out.append(
        v.partner() == null
            ? " of " + v.partners() + Words.plural(" partner", v.partners())
            : " of partner " + v.partner());
    out.append(", as of ").append(v.asOf()).append('\n');
    int idWidth = 4;
    int slots = 0;
    for (SummaryView.Area a : v.areas()) {
      for (SummaryView.Node n : a.nodes()) {
        idWidth = Math.max(idWidth, n.id().length());
        slots = Math.max(slots, n.groups().size());
      }
    }
    int[] slotWidth = new int[slots];
    for (SummaryView.Area a : v.areas()) {
      for (SummaryView.Node n : a.nodes()) {
        for (int g = 0; g < n.groups().size(); g++) {
          slotWidth[g] = Math.max(slotWidth[g], cell(n.groups().get(g)).length());
        }
      }
    }
    for (SummaryView.Area a : v.areas()) {
      out.append('\n').append(a.title()).append(" (").append(a.id()).append(")\n");
      for (SummaryView.Node n : a.nodes()) {
        StringBuilder row =
            new StringBuilder("  ")
                .append(pad(n.id(), idWidth))
                .append("  ")
                .append(pad(n.kind(), 6));
        for (int g = 0; g < n.groups().size(); g++) {
          row.append("  ").append(pad(cell(n.groups().get(g)), slotWidth[g]));
        }
        out.append(row.toString().stripTrailing()).append('\n');
        if (list) {
          for (SummaryView.Group g : n.groups()) {
            if (g.count() > 0) {
              out.append(wrap("    " + g.label() + ": ", ids(g, data))).append('\n');
            }
          }
        }
        if (n.partner() != null) {
          out.append("    partner level: ").append(n.partner().criteria()).append('\n');
          List<SummaryView.PartnerTotal> totals = n.partner().totals();
          if (totals.size() > MAX_PARTNER_LINES) {
            long met = totals.stream().filter(t -> t.status().equals("met")).count();
            out.append("      ")
                .append(met)
                .append(" of ")
                .append(totals.size())
                .append(" partners meet it (--partner P shows one partner's total)\n");
            continue;
          }
          int pw = 0;
          int tw = 0;
          for (SummaryView.PartnerTotal t : totals) {
            pw = Math.max(pw, t.partnerId().length());
            tw = Math.max(tw, t.total().length());
          }
          for (SummaryView.PartnerTotal t : totals) {
            out.append("      ")
                .append(pad(t.partnerId(), pw))
                .append("  ")
                .append(padLeft(t.total(), tw))
                .append("  ")
                .append(status(t.status()));
            out.append(
                    n.partner().needed() == null ? "" : " (needed: " + n.partner().needed() + ")")
                .append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  private static String cell(SummaryView.Group g) {
    return g.label() + " " + g.count();
  }

  private static List<String> ids(SummaryView.Group g, Dataset data) {
    List<String> ids = new ArrayList<>();
    for (int c : g.members()) {
      ids.add(data.customerId(c));
    }
    return ids;
  }

  /**
   * {@code prefix} then the items separated by commas, wrapped at 100 columns under the first item.
   */
  private static String wrap(String prefix, List<String> items) {
    StringBuilder out = new StringBuilder(prefix);
    int lineStart = 0;
    String indent = " ".repeat(prefix.length());
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i) + (i + 1 < items.size() ? "," : "");
      if (out.length() - lineStart + item.length() + 1 > 100
          && out.length() - lineStart > prefix.length()) {
        out.append('\n');
        lineStart = out.length();
        out.append(indent);
      } else if (i > 0) {
        out.append(' ');
      }
      out.append(item);
    }
    return out.toString();
  }

  /**
   * One customer: per area a table of node, status and value, each with its criteria, why and
   * details below.
   */
  public static String customer(CustomerView v) {
    StringBuilder out = new StringBuilder();
    out.append("Customer ")
        .append(v.customerId())
        .append(": ")
        .append(v.customerName())
        .append(" (partner ")
        .append(v.partnerId())
        .append("), as of ")
        .append(v.asOf())
        .append('\n');
    for (CustomerView.Area a : v.areas()) {
      out.append('\n').append(a.title()).append(" (").append(a.id()).append(")\n");
      int idWidth = 4;
      int statusWidth = 0;
      for (CustomerView.Node n : a.nodes()) {
        idWidth = Math.max(idWidth, n.id().length());
        statusWidth = Math.max(statusWidth, status(n.status()).length());
      }
      for (CustomerView.Node n : a.nodes()) {
        out.append(
                ("  "
                        + pad(n.id(), idWidth)
                        + "  "
                        + pad(status(n.status()), statusWidth)
                        + "  "
                        + n.current())
                    .stripTrailing())
            .append('\n');
        String indent = " ".repeat(4);
        out.append(indent).append("criteria: ").append(n.criteria()).append('\n');
        if (n.why() != null) {
          out.append(indent).append("why: ").append(n.why()).append('\n');
        }
        if (!n.details().isEmpty()) {
          int kw = 0;
          for (CustomerView.Detail d : n.details()) {
            kw = Math.max(kw, d.key().length());
          }
          out.append(indent)
              .append("per ")
              .append(n.detailsBy())
              .append(n.details().get(0).yearEarlier() != null ? " (now | a year earlier):" : ":")
              .append('\n');
          for (CustomerView.Detail d : n.details()) {
            out.append(indent).append("  ").append(pad(d.key(), kw)).append("  ").append(d.now());
            if (d.yearEarlier() != null) {
              out.append(" | ").append(d.yearEarlier());
            }
            out.append('\n');
          }
          if (n.detailsLeftOut() > 0) {
            out.append(indent).append("  ").append(Words.more(n)).append('\n');
          }
        }
      }
    }
    return out.toString();
  }

  /** {@code met}, {@code not met}, {@code not evaluated}. */
  static String status(String status) {
    return status.replace('_', ' ');
  }

  private static String pad(String s, int width) {
    int n = s.codePointCount(0, s.length());
    return n >= width ? s : s + " ".repeat(width - n);
  }

  private static String padLeft(String s, int width) {
    int n = s.codePointCount(0, s.length());
    return n >= width ? s : " ".repeat(width - n) + s;
  }
}
