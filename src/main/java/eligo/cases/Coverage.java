package eligo.cases;

import eligo.ir.Ir;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which nodes and which outcomes the cases check, per area: an outcome of a node is covered when
 * some expectation on that node passed with that outcome. A failed expectation covers nothing (what
 * it found is pinned by no case); the table lists it apart, under "Not counted". Only possible
 * outcomes count: a node with no gate before it in its branch is always evaluated, and a
 * partner-level node is met or not met.
 */
public final class Coverage {
  /**
   * One node (customer-level, or partner-level), how many passed checks found each outcome and how
   * many checks of it failed (counted in no outcome).
   */
  public record Row(
      String area,
      String node,
      boolean partner,
      Set<Status> possible,
      Map<Status, Integer> counts,
      int failed) {
    public int count(Status s) {
      return counts.getOrDefault(s, 0);
    }

    public boolean covered() {
      return counts.values().stream().anyMatch(n -> n > 0);
    }

    public int outcomesCovered() {
      return (int) possible.stream().filter(s -> count(s) > 0).count();
    }

    public String label() {
      return partner ? node + " (partner)" : node;
    }
  }

  private final List<Row> rows;

  /** The failed checks, in the order of the results: covering nothing. */
  private final List<CaseRunner.Check> failed;

  private Coverage(List<Row> rows, List<CaseRunner.Check> failed) {
    this.rows = List.copyOf(rows);
    this.failed = List.copyOf(failed);
  }

  public static Coverage of(Ir.Program program, List<CaseRunner.Result> results) {
    List<Row> rows = new ArrayList<>();
    for (Ir.Area area : program.areas()) {
      // a version of an area is a row of its own ("cloud-commit FY27"), its checks those of its
      // own nodes
      String name = area.version() == null ? area.id() : area.id() + " " + area.version().label();
      boolean versioned = area.version() != null;
      for (Ir.Branch branch : area.branches()) {
        boolean gateBefore = false;
        for (Ir.Node n : branch.nodes()) {
          Set<Status> possible =
              gateBefore ? EnumSet.allOf(Status.class) : EnumSet.of(Status.MET, Status.NOT_MET);
          for (Ir.Node r : n.leaves().isEmpty() ? List.of(n) : n.leaves()) {
            rows.add(
                new Row(
                    name,
                    r.id(),
                    false,
                    possible,
                    tally(results, area.id(), versioned ? r : null, r.id(), false, true),
                    failures(results, area.id(), versioned ? r : null, r.id(), false)));
          }
          gateBefore |= n.kind() == Ir.NodeKind.GATE;
        }
      }
      for (Ir.Node n : area.partnerNodes()) {
        rows.add(
            new Row(
                name,
                n.id(),
                true,
                EnumSet.of(Status.MET, Status.NOT_MET),
                tally(results, area.id(), versioned ? n : null, n.id(), true, true),
                failures(results, area.id(), versioned ? n : null, n.id(), true)));
      }
    }
    List<CaseRunner.Check> failed = new ArrayList<>();
    for (CaseRunner.Result r : results) {
      r.checks().stream().filter(c -> !c.passed()).forEach(failed::add);
    }
    return new Coverage(rows, failed);
  }

  private static int failures(
      List<CaseRunner.Result> results, String area, Ir.Node exact, String node, boolean partner) {
    return tally(results, area, exact, node, partner, false).values().stream()
        .mapToInt(Integer::intValue)
        .sum();
  }

  /**
   * The passed (or failed) checks of {@code node} of {@code area} (of a version: of {@code exact},
   * when not null), per outcome found.
   */
  private static Map<Status, Integer> tally(
      List<CaseRunner.Result> results,
      String area,
      Ir.Node exact,
      String node,
      boolean partner,
      boolean passed) {
    Map<Status, Integer> counts = new EnumMap<>(Status.class);
    for (CaseRunner.Result r : results) {
      for (CaseRunner.Check c : r.checks()) {
        if (c.area().equals(area)
            && c.node().id().equals(node)
            && (exact == null || c.node().equals(exact))
            && c.expected().partner() == partner
            && c.passed() == passed) {
          counts.merge(c.status(), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  public List<Row> rows() {
    return rows;
  }

  public int nodes() {
    return rows.size();
  }

  public int nodesCovered() {
    return (int) rows.stream().filter(Row::covered).count();
  }

  public int outcomes() {
    return rows.stream().mapToInt(r -> r.possible().size()).sum();
  }

  public int outcomesCovered() {
    return rows.stream().mapToInt(Row::outcomesCovered).sum();
  }

  /** Whether the outcome coverage is at least {@code percent}. */
  public boolean atLeast(BigDecimal percent) {
    return BigDecimal.valueOf(outcomesCovered() * 100L)
            .compareTo(percent.multiply(BigDecimal.valueOf(outcomes())))
        >= 0;
  }

  /** The outcome coverage in percent, rounded down to a tenth ({@code 97.1%}, {@code 100%}). */
  public String percent() {
    return percent(outcomesCovered(), outcomes());
  }

  private static String percent(int covered, int of) {
    if (of == 0) {
      return "100%";
    }
    return BigDecimal.valueOf(covered * 100L)
            .divide(BigDecimal.valueOf(of), 1, RoundingMode.DOWN)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }

  /**
   * The table: per node the number of checks that found each outcome ('-' where the outcome is
   * impossible), then per area and overall the nodes and outcomes covered, then what is missing.
   */
  public String table() {
    int areaWidth = "area".length();
    int nodeWidth = "node".length();
    for (Row r : rows) {
      areaWidth = Math.max(areaWidth, r.area().length());
      nodeWidth = Math.max(nodeWidth, r.label().length());
    }
    StringBuilder sb = new StringBuilder();
    String fmt = "%-" + areaWidth + "s  %-" + nodeWidth + "s  %5s  %7s  %13s%n";
    sb.append(String.format(Locale.ROOT, fmt, "area", "node", "met", "not met", "not evaluated"));
    for (Row r : rows) {
      String line =
          String.format(
              Locale.ROOT,
              fmt,
              r.area(),
              r.label(),
              cell(r, Status.MET),
              cell(r, Status.NOT_MET),
              cell(r, Status.NOT_EVALUATED));
      if (r.failed() > 0) {
        line = line.stripTrailing() + "  (+" + r.failed() + " failed, not counted)\n";
      }
      sb.append(line);
    }
    sb.append('\n');
    String sum = "%-" + areaWidth + "s  %-16s  %s%n";
    sb.append(String.format(Locale.ROOT, sum, "area", "nodes", "outcomes"));
    List<String> areas = rows.stream().map(Row::area).distinct().toList();
    for (String area : areas) {
      List<Row> of = rows.stream().filter(r -> r.area().equals(area)).toList();
      sb.append(
          String.format(
              Locale.ROOT,
              sum,
              area,
              fraction((int) of.stream().filter(Row::covered).count(), of.size()),
              fraction(
                  of.stream().mapToInt(Row::outcomesCovered).sum(),
                  of.stream().mapToInt(r -> r.possible().size()).sum())));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            sum,
            "all",
            fraction(nodesCovered(), nodes()),
            fraction(outcomesCovered(), outcomes())));
    List<String> missing = new ArrayList<>();
    for (Row r : rows) {
      List<String> outcomes =
          r.possible().stream().filter(st -> r.count(st) == 0).map(Status::text).toList();
      if (!outcomes.isEmpty()) {
        missing.add(r.area() + " " + r.label() + ": " + String.join(", ", outcomes));
      }
    }
    if (!missing.isEmpty()) {
      sb.append("\nNot covered:\n");
      for (String m : missing) {
        sb.append("  ").append(m).append('\n');
      }
    }
    if (!failed.isEmpty()) {
      sb.append(
          "\nNot counted: "
              + (failed.size() == 1 ? "1 check" : failed.size() + " checks")
              + " failed, and a failed check covers nothing:\n");
      for (CaseRunner.Check c : failed) {
        sb.append("  ")
            .append(c.expected().span().where())
            .append(": ")
            .append(c.expected().text())
            .append('\n');
      }
    }
    return sb.toString();
  }

  private static String cell(Row r, Status s) {
    return r.possible().contains(s) ? String.valueOf(r.count(s)) : "-";
  }

  private static String fraction(int covered, int of) {
    return covered + " of " + of + " (" + percent(covered, of) + ")";
  }
}
