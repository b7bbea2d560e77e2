package eligo.engine;

import eligo.data.Dataset;
import eligo.data.Month;
import eligo.ir.Ir;
import eligo.ir.MonthsRead;

/**
 * Why the as-of month of a run likely gives quietly wrong outcomes, for {@link Eligo}: a month
 * outside usage.csv's months, a latest month far after the one before it (a mistyped year), or
 * criteria whose windows and baselines reach back before the data's first month.
 */
final class AsOfWarnings {
  private AsOfWarnings() {}

  /**
   * Why the as-of month is likely a slip, or null. Given by hand ({@code given} not null): it lies
   * after the latest month of usage.csv or before its earliest, so the data hold no usage for month
   * M and every measure of M counts nothing (a run then says 'not met' of customers that meet the
   * criteria in the data). Taken from the data: the latest month is more than twelve months after
   * the month before it with usage, as when one row's year is mistyped (2062-09 for 2026-09).
   */
  static String asOfWarning(Integer given, int asOf, Dataset data) {
    int latest = data.latestUsageMonth();
    return asOfWarning(
        given,
        asOf,
        data.earliestUsageMonth(),
        data.usageMonthAfterEarliest(),
        data.usageMonthBeforeLatest(),
        latest);
  }

  /**
   * {@link #asOfWarning(Integer, int, Dataset)} from the months of usage alone, for a runner that
   * holds no {@link Dataset} (Spark): the {@code earliest} and {@code latest} months with usage,
   * {@code afterEarliest}, the earliest after {@code earliest}, and {@code beforeLatest}, the
   * latest before {@code latest} ({@link Month#NONE} when there is none; {@code latest} NONE: usage
   * has no rows, said when the as-of month was given, the run going on). Also said, whatever the
   * as-of month: the earliest month is more than twelve months before the next, as when one row's
   * year is mistyped (0026-06 for 2026-06).
   */
  static String asOfWarning(
      Integer given, int asOf, int earliest, int afterEarliest, int beforeLatest, int latest) {
    String why = asOfOnly(given, asOf, earliest, beforeLatest, latest);
    if (why != null || afterEarliest == Month.NONE || afterEarliest - earliest <= 12) {
      return why;
    }
    // as at the latest month: a year and more before the rest of the data is rather a mistyped
    // year (0026-06 for 2026-06), whose usage then counts in the wrong month, quietly
    return "the earliest month in usage.csv, "
        + Month.format(earliest)
        + ", comes "
        + (afterEarliest - earliest)
        + " months before the next month with usage, "
        + Month.format(afterEarliest)
        + ": check usage.csv for a mistyped month, whose usage would count in the wrong month";
  }

  private static String asOfOnly(
      Integer given, int asOf, int earliest, int beforeLatest, int latest) {
    if (latest == Month.NONE) {
      // without --as-of the run stops and says so (DataFailure); with it, it would run on
      return given == null
          ? null
          : "usage.csv has no rows: every measure of usage counts nothing as of "
              + Month.format(asOf)
              + ", so no node that reads usage is met; check that the export holds the"
              + " month's usage";
    }
    if (given == null) {
      int before = beforeLatest;
      // sparse data may skip months; a year and more is rather a mistyped year
      if (before == Month.NONE || latest - before <= 12) {
        return null;
      }
      return "the as-of month "
          + Month.format(latest)
          + ", the latest in usage.csv, comes "
          + (latest - before)
          + " months after the month before it with usage, "
          + Month.format(before)
          + ": check usage.csv for a mistyped month, or give --as-of";
    }
    if (asOf > latest) {
      return "the as-of month "
          + Month.format(asOf)
          + " is after the latest month in usage.csv ("
          + Month.format(latest)
          + "): the data hold no usage for it";
    }
    if (asOf < earliest) {
      return "the as-of month "
          + Month.format(asOf)
          + " is before the earliest month in usage.csv ("
          + Month.format(earliest)
          + "): the data hold no usage up to it";
    }
    return null;
  }

  /**
   * {@link #asOfWarning(Integer, int, Dataset)}, or else, for an as-of month given by hand, why the
   * criteria likely read months the data do not hold ({@link #lookBackWarning}), or null.
   */
  static String asOfWarning(Integer given, int asOf, Dataset data, Ir.Program program) {
    String why = asOfWarning(given, asOf, data);
    return why != null || given == null
        ? why
        : lookBackWarning(program, asOf, data.earliestUsageMonth());
  }

  /**
   * {@link #asOfWarning(Integer, int, int, int, int, int)}, or else, for an as-of month given by
   * hand, {@link #lookBackWarning}, or null.
   */
  static String asOfWarning(
      Integer given,
      int asOf,
      int earliest,
      int afterEarliest,
      int beforeLatest,
      int latest,
      Ir.Program program) {
    String why = asOfWarning(given, asOf, earliest, afterEarliest, beforeLatest, latest);
    return why != null || given == null || latest == Month.NONE
        ? why
        : lookBackWarning(program, asOf, earliest);
  }

  /**
   * Why the nodes of {@code program} (the versions in force at {@code asOf}) that read usage of
   * months before {@code earliest}, the earliest month in usage.csv, likely give quietly wrong
   * outcomes, or null when none does: a month with no usage counts nothing, so a baseline or a
   * window that starts before the data is smaller than the customers' usage was (a net customer add
   * or a growth where there was none). Names how many nodes, and the one that reads furthest back
   * at its criteria line ({@link MonthsRead}).
   *
   * <p>Said of an as-of month given by hand only ({@link #asOfWarning(Integer, int, Dataset,
   * Ir.Program)}): at the data's latest month, a first month of usage after M - 23 may as well be
   * the customers' first usage (the hand-made conformance sets start so) as a short export, and the
   * run cannot tell which; an earlier month given by hand moves the look-back past the data.
   */
  static String lookBackWarning(Ir.Program program, int asOf, int earliest) {
    if (earliest == Month.NONE) {
      return null;
    }
    int nodes = 0;
    int least = MonthsRead.NONE;
    String where = null;
    for (Ir.Area a : program.inForce(asOf).areas()) {
      for (Ir.Branch b : a.branches()) {
        for (Ir.Node n : b.nodes()) {
          int offset = MonthsRead.earliest(n);
          if (offset == MonthsRead.NONE || asOf + offset >= earliest) {
            continue;
          }
          nodes++;
          if (offset < least) {
            least = offset;
            where = a.id() + " " + n.id() + " (" + n.origin() + ")";
          }
        }
      }
    }
    if (nodes == 0) {
      return null;
    }
    return (nodes == 1 ? "1 node reads" : nodes + " nodes read")
        + " usage of months before the earliest in usage.csv ("
        + Month.format(earliest)
        + "), which count nothing, so their windows and baselines are quietly short: "
        + (nodes == 1 ? "" : "furthest back, ")
        + where
        + " reads from "
        + Month.format(asOf + least)
        + " (M - "
        + (-least)
        + "): check that usage.csv reaches back that far";
  }
}
