package eligo.report;

import eligo.report.html.Filling;
import eligo.report.html.Html;
import eligo.report.html.PageBytes;
import eligo.report.html.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * What a thread keeps of the customers' pages it writes ({@link CustomerPage}): the node rows
 * without details, by the identity of their texts, and the texts those rows are made of that would
 * otherwise be made anew for each customer (the titles of the nodes a gate stopped, the gate that
 * stopped them, an area's verdict). Most rows of a page are those of another customer of the site:
 * a node met (no why), or not evaluated, with a value the explainer gives as the same string for
 * the same value.
 *
 * <p>A kept row is the bytes its template wrote for the same string objects, strings being
 * immutable: the same bytes it would write again, so nothing of one customer, partner or site is
 * written for another. Looked up by identity (a few reference comparisons, no hashing of text).
 */
final class KeptRows {
  /** Slots of each table (a power of two). */
  private static final int SLOTS = 1 << 11;

  private static final ThreadLocal<KeptRows> ROWS = ThreadLocal.withInitial(KeptRows::new);

  private final String[] status = new String[SLOTS];
  private final String[] leaf = new String[SLOTS];
  private final SetLinks.Link[] link = new SetLinks.Link[SLOTS];
  private final String[] title = new String[SLOTS];
  private final String[] statusText = new String[SLOTS];
  private final String[] current = new String[SLOTS];
  private final String[] why = new String[SLOTS];
  private final byte[][] bytes = new byte[SLOTS][];

  /** The rows of the stopped areas' table without the area's anchor, by their texts. */
  private final String[] stopArea = new String[SLOTS];

  private final String[] stopGate = new String[SLOTS];
  private final String[] stopWhy = new String[SLOTS];
  private final byte[][] stopBytes = new byte[SLOTS][];

  /**
   * Writes a row of the stopped areas' table that holds no anchor ({@code stop}: places {@code
   * anchor, area, gate, why}): the row kept for the same strings, or a new one, then kept.
   */
  void stop(PageBytes out, Template stop, String area, String gate, String why) {
    int h =
        (System.identityHashCode(area) * 31 + System.identityHashCode(gate)) * 31
            + System.identityHashCode(why);
    int slot = (h ^ (h >>> 11)) & (SLOTS - 1);
    if (stopArea[slot] == area && stopGate[slot] == gate && stopWhy[slot] == why) {
      out.add(stopBytes[slot]);
      return;
    }
    int from = out.size();
    stop.fill(out)
        .html("anchor", Html.EMPTY)
        .text("area", area)
        .text("gate", gate)
        .text("why", why)
        .end();
    stopArea[slot] = area;
    stopGate[slot] = gate;
    stopWhy[slot] = why;
    stopBytes[slot] = out.copy(from);
  }

  /** A stopped node's why and its words in the row ({@link CustomerPage#stoppedBy}). */
  private final String[] stoppedWhy = new String[SLOTS];

  private final String[] stoppedBy = new String[SLOTS];

  /** The titles of a run of nodes a gate stopped: by the site's list of titles and the run. */
  private final Object[] titlesOf = new Object[SLOTS];

  private final int[] titlesFrom = new int[SLOTS];
  private final int[] titlesTo = new int[SLOTS];
  private final String[] titles = new String[SLOTS];

  private KeptRows() {}

  /** This thread's rows. */
  static KeptRows get() {
    return ROWS.get();
  }

  /**
   * Writes the row of {@code node} (a template of places {@code status, leaf, title, statusText,
   * current, details, why}) with no details: the row kept for the same strings, or a new one, then
   * kept.
   */
  void node(
      PageBytes out,
      Template node,
      String status,
      String leaf,
      String title,
      String statusText,
      String current,
      String why,
      SetLinks.Link link) {
    int h =
        (System.identityHashCode(title) * 31 + System.identityHashCode(current)) * 31
            + System.identityHashCode(why);
    int slot = (h ^ (h >>> 11)) & (SLOTS - 1);
    if (this.title[slot] == title
        && this.current[slot] == current
        && this.why[slot] == why
        && this.status[slot] == status
        && this.statusText[slot] == statusText
        && this.leaf[slot] == leaf
        && this.link[slot] == link) {
      out.add(bytes[slot]);
      return;
    }
    int from = out.size();
    Filling row =
        node.fill(out)
            .text("status", status)
            .text("leaf", leaf)
            .text("title", title)
            .text("statusText", statusText)
            .text("current", current)
            .html("details", Html.EMPTY);
    CustomerPage.why(row, why, link).end();
    this.title[slot] = title;
    this.current[slot] = current;
    this.why[slot] = why;
    this.status[slot] = status;
    this.statusText[slot] = statusText;
    this.leaf[slot] = leaf;
    this.link[slot] = link;
    bytes[slot] = out.copy(from);
  }

  /** Texts of rows made anew for each customer, each the first string met of its characters. */
  private final HashMap<String, String> canonical = new HashMap<>();

  /**
   * The first string met with the characters of {@code text} (at most {@value #SLOTS} kept): a text
   * made anew for each customer then keeps the identity its rows are kept by.
   */
  private String canonical(String text) {
    String first = canonical.putIfAbsent(text, text);
    if (first != null) {
      return first;
    }
    if (canonical.size() > SLOTS) {
      canonical.clear();
    }
    return text;
  }

  /** An area's verdicts, by its numbers of nodes met, not met and not evaluated (each below 16). */
  private final String[] verdicts = new String[16 * 16 * 16];

  /**
   * An area's verdict on a customer's page: {@code every node met}, or its numbers of nodes met,
   * not met and not evaluated ({@code 1 met, 1 not met, 3 not evaluated}); the same string for the
   * same numbers.
   */
  String verdict(int met, int notMet, int notEvaluated) {
    boolean small = met < 16 && notMet < 16 && notEvaluated < 16;
    int k = small ? (met * 16 + notMet) * 16 + notEvaluated : 0;
    String v = small ? verdicts[k] : null;
    if (v == null) {
      if (notMet == 0 && notEvaluated == 0) {
        v = "every node met";
      } else {
        List<String> parts = new ArrayList<>(3);
        int[] tally = {met, notMet, notEvaluated};
        String[] words = {" met", " not met", " not evaluated"};
        for (int j = 0; j < 3; j++) {
          if (tally[j] > 0) {
            parts.add(tally[j] + words[j]);
          }
        }
        v = String.join(", ", parts);
      }
      if (small) {
        verdicts[k] = v;
      }
    }
    return v;
  }

  /** {@link CustomerPage#stoppedBy} of {@code why}, the same string for the same why. */
  String stoppedBy(String why) {
    int slot = System.identityHashCode(why) & (SLOTS - 1);
    if (stoppedWhy[slot] != why) {
      stoppedWhy[slot] = why;
      stoppedBy[slot] = canonical(CustomerPage.stoppedBy(why));
    }
    return stoppedBy[slot];
  }

  /**
   * The titles of nodes {@code from} to {@code to} of {@code inBranch} (a site's titles of an
   * area's nodes), joined with {@code ", "}: the same string for the same run.
   */
  String titles(List<String> inBranch, int from, int to) {
    int slot = ((System.identityHashCode(inBranch) * 31 + from) * 31 + to) & (SLOTS - 1);
    if (titlesOf[slot] != inBranch || titlesFrom[slot] != from || titlesTo[slot] != to) {
      titlesOf[slot] = inBranch;
      titlesFrom[slot] = from;
      titlesTo[slot] = to;
      titles[slot] = canonical(String.join(", ", inBranch.subList(from, to + 1)));
    }
    return titles[slot];
  }
}
