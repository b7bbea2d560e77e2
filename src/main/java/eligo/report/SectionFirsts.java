package eligo.report;

import eligo.report.html.PageBytes;
import java.util.Arrays;

/**
 * What a customer's section ({@link CustomerPage#section}) has given already, each with the title
 * of the area that gave it first: its long whys, by their node's label and their characters, and
 * its tables of associations, by their bytes in the page. A section has a few dozen of them at
 * most, most of different lengths: they are looked over one by one, lengths first, rather than
 * hashed (a map of them hashed every why and every table's text anew, for each customer).
 */
final class SectionFirsts {
  private String[] whys = new String[8];
  private String[] whyNodes = new String[8];
  private String[] whyAreas = new String[8];
  private int whyCount;

  /** The tables given: bytes {@code tableFrom[k]} to {@code tableTo[k]} of the page. */
  private int[] tableFrom = new int[4];

  private int[] tableTo = new int[4];
  private String[] tableAreas = new String[4];
  private int tableCount;

  /**
   * The area that gave {@code why} first for a node of the label {@code node} (the same node of a
   * sibling area: the same words of another node would send the reader to a node of other
   * criteria); null when none did, and then {@code area} is noted as having given it.
   */
  String why(String node, String why, String area) {
    int n = why.length();
    for (int k = 0; k < whyCount; k++) {
      String w = whys[k];
      if (w.length() == n && w.equals(why) && whyNodes[k].equals(node)) {
        return whyAreas[k];
      }
    }
    if (whyCount == whys.length) {
      whys = Arrays.copyOf(whys, 2 * whyCount);
      whyNodes = Arrays.copyOf(whyNodes, 2 * whyCount);
      whyAreas = Arrays.copyOf(whyAreas, 2 * whyCount);
    }
    whys[whyCount] = why;
    whyNodes[whyCount] = node;
    whyAreas[whyCount++] = area;
    return null;
  }

  /**
   * The area that gave a table of the bytes {@code out} holds from {@code from} on first (an
   * earlier table of this section, still in {@code out}); null when none did, and then {@code area}
   * is noted as having given it there.
   */
  String table(PageBytes out, int from, String area) {
    int n = out.size() - from;
    for (int k = 0; k < tableCount; k++) {
      if (tableTo[k] - tableFrom[k] == n && out.sameBytes(tableFrom[k], from, n)) {
        return tableAreas[k];
      }
    }
    if (tableCount == tableFrom.length) {
      tableFrom = Arrays.copyOf(tableFrom, 2 * tableCount);
      tableTo = Arrays.copyOf(tableTo, 2 * tableCount);
      tableAreas = Arrays.copyOf(tableAreas, 2 * tableCount);
    }
    tableFrom[tableCount] = from;
    tableTo[tableCount] = out.size();
    tableAreas[tableCount++] = area;
    return null;
  }
}
