package eligo.report;

import eligo.ir.Ir;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The summary's counts and partner totals, computed independently from a conformance set's
 * expected.csv.
 */
final class ExpectedCounts {
  private ExpectedCounts() {}

  /** {@code area|node|group} to count, for every group of every node (zero counts included). */
  static Map<String, Integer> groups(String set) {
    return groups(set, null);
  }

  /** The same for one partner's customers (all when {@code partner} is null). */
  static Map<String, Integer> groups(String set, String partner) {
    Ir.Program program = Runs.program();
    Map<String, Integer> counts = new TreeMap<>();
    for (Ir.Area a : program.areas()) {
      for (Ir.Node n : a.resultNodes()) {
        boolean gate = n.kind() == Ir.NodeKind.GATE;
        List<String> groups =
            n.isNet()
                ? List.of("growth", "decline", "no_change", "met", "not_met", "not_evaluated")
                : gate
                    ? List.of("met", "not_met", "not_evaluated")
                    : List.of("met", "not_met", "not_evaluated");
        for (String g : groups) {
          counts.put(a.id() + "|" + n.id() + "|" + g, 0);
        }
      }
    }
    for (String[] row : Runs.expected(set)) {
      if (row[1].isEmpty() || (partner != null && !row[0].equals(partner))) {
        continue;
      }
      Ir.Node n = node(program, row[2], row[3]);
      boolean gate = n.kind() == Ir.NodeKind.GATE;
      String key = row[2] + "|" + row[3] + "|";
      String status = row[4];
      String group = status;
      counts.merge(key + group, 1, Integer::sum);
      if (n.isNet() && !status.equals("not_evaluated")) {
        int sign = new BigDecimal(row[5]).signum();
        counts.merge(
            key + (sign > 0 ? "growth" : sign < 0 ? "decline" : "no_change"), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** {@code area|node|partner} to {@code status value} of the partner rows. */
  static Map<String, String> partnerTotals(String set) {
    Map<String, String> totals = new TreeMap<>();
    for (String[] row : Runs.expected(set)) {
      if (row[1].isEmpty()) {
        totals.put(row[2] + "|" + row[3] + "|" + row[0], row[4] + " " + row[5]);
      }
    }
    return totals;
  }

  private static Ir.Node node(Ir.Program program, String area, String id) {
    for (Ir.Node n : program.area(area).resultNodes()) {
      if (n.id().equals(id)) {
        return n;
      }
    }
    throw new IllegalArgumentException("expected.csv names an unknown node " + area + " " + id);
  }
}
