package eligo.cases;

import eligo.cases.CaseFile.Case;
import eligo.cases.CaseFile.Usage;
import eligo.data.Month;
import eligo.ir.Ir;
import eligo.ir.MonthsRead;
import eligo.lang.Diagnostic;
import eligo.lang.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage rows of a case that no node reads: months after the case's as-of month, or before the
 * earliest month the criteria in force read ({@link MonthsRead}). A row written there usually means
 * a wrong month or a wrong 'as of', and the case then fails (or passes) for a reason its writer
 * cannot see: a warning at the row, the case still runs.
 */
final class CaseMonths {
  private CaseMonths() {}

  static List<Diagnostic> unread(Ir.Program program, Case c) {
    int asOf = c.asOf();
    if (asOf == Month.NONE || c.data().usage().isEmpty()) {
      return List.of();
    }
    int least = MonthsRead.NONE;
    String furthest = null;
    for (Ir.Area a : program.inForce(asOf).areas()) {
      for (Ir.Branch b : a.branches()) {
        for (Ir.Node n : b.nodes()) {
          int offset = MonthsRead.earliest(n);
          if (offset < least) {
            least = offset;
            furthest = a.id() + " " + n.id();
          }
        }
      }
    }
    int earliest = least == MonthsRead.NONE ? Month.NONE : asOf + least;
    // a row written as a range is one Usage per month, all with the row's span
    Map<Span, int[]> rows = new LinkedHashMap<>();
    for (Usage u : c.data().usage()) {
      int[] range = rows.computeIfAbsent(u.span(), s -> new int[] {u.month(), u.month()});
      range[0] = Math.min(range[0], u.month());
      range[1] = Math.max(range[1], u.month());
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Map.Entry<Span, int[]> row : rows.entrySet()) {
      int from = row.getValue()[0];
      int to = row.getValue()[1];
      // one month outside is how a case tests the edge (M + 1, M - 24): no warning
      if (to > asOf + 1) {
        out.add(
            Diagnostic.warning(
                row.getKey(),
                "usage in "
                    + months(Math.max(from, asOf + 1), to)
                    + " is after the case's as-of month ("
                    + Month.format(asOf)
                    + "): no node reads it; fix the month or the case's 'as of'"));
      } else if (earliest != Month.NONE && from < earliest - 1) {
        out.add(
            Diagnostic.warning(
                row.getKey(),
                "usage in "
                    + months(from, Math.min(to, earliest - 1))
                    + " is before "
                    + Month.format(earliest)
                    + ", the earliest month the criteria read as of "
                    + Month.format(asOf)
                    + " ("
                    + furthest
                    + "): no node reads it; fix the month or the case's 'as of'"));
      }
    }
    return out;
  }

  private static String months(int from, int to) {
    return from == to ? Month.format(from) : Month.format(from) + " .. " + Month.format(to);
  }
}
