package eligo.cli;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.data.Month;
import eligo.diff.Impact;
import eligo.engine.Eligo;
import eligo.engine.EngineFailure;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.Mode;
import eligo.io.OutputFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code eligo diff --criteria DIR --old-data DIR --new-data DIR}: one criteria folder evaluated on
 * two data folders (a corrected usage, tenants or associations export, or this month's export
 * against last month's), both at the same as-of month, compared row by row as two {@code eligo run}
 * results files would be: customers in both by their changed rows, those in one only as added or
 * removed.
 */
final class DataPair {
  private DataPair() {}

  static int diff(DiffCommand d, PrintWriter err) throws IOException {
    if (d.snapshot.file != null) {
      err.println("eligo: --snapshot holds one data folder: it is not taken with two");
      return ExitCodes.USAGE;
    }
    if (d.out != null) {
      String refused =
          OutputFile.refuseInputs(
              "--out", d.out, List.of(d.criteria, d.oldData, d.newData), List.of());
      if (refused != null) {
        err.println("eligo: " + refused);
        return ExitCodes.USAGE;
      }
    }
    Outcome x;
    Outcome y;
    try {
      Frontend.Compilation c = Eligo.readCriteria(d.criteria);
      Eligo.requireNoErrors(c, c);
      Dataset before = Eligo.loadFor(c, d.oldData, Mode.STRICT).loaded().dataset();
      Dataset after = Eligo.loadFor(c, d.newData, Mode.STRICT).loaded().dataset();
      // one as-of month for both sides, as --as-of gives it or the new data's latest
      int m = Eligo.asOf(d.asOf, after);
      int oldLatest = before.latestUsageMonth();
      if (d.asOf == null && oldLatest != m) {
        err.println(
            "eligo: both sides run as of "
                + Month.format(m)
                + ", the latest month in "
                + d.newData
                + "/usage.csv; the latest in "
                + d.oldData
                + "/usage.csv is "
                + (oldLatest == Month.NONE ? "none" : Month.format(oldLatest))
                + " (give --as-of to choose)");
      }
      Failures.warnAsOf(d.asOf, m, before, c.program(), err);
      Failures.warnAsOf(d.asOf, m, after, c.program(), err);
      int threads = Runtime.getRuntime().availableProcessors();
      x = Eligo.evaluate(c, d.engine, before, m, threads, Evaluation.Progress.NONE, Map.of());
      y = Eligo.evaluate(c, d.engine, after, m, threads, Evaluation.Progress.NONE, Map.of());
    } catch (EngineFailure f) {
      return Failures.report(f, d.spec);
    }
    String label = d.criteria.toString();
    return d.report(Impact.compare(label, label, d.oldData + " -> " + d.newData, x, y));
  }
}
