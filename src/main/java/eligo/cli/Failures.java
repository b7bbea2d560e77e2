package eligo.cli;

import eligo.data.Dataset;
import eligo.engine.CriteriaFailure;
import eligo.engine.DataFailure;
import eligo.engine.Eligo;
import eligo.engine.EngineFailure;
import eligo.lang.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one place where the command line turns an engine failure into words on standard error and an
 * exit status: criteria {@value ExitCodes#CRITERIA}, data {@value ExitCodes#DATA}, evaluation
 * {@value ExitCodes#FAILURE}.
 */
final class Failures {
  private Failures() {}

  /** Prints why {@code f} stopped the command and returns the exit status for it. */
  static int report(EngineFailure f, CommandSpec spec) {
    PrintWriter err = spec.commandLine().getErr();
    if (f instanceof CriteriaFailure c) {
      if (c.diagnostics().isEmpty()) {
        err.println("eligo: " + c.getMessage());
      } else {
        err.print(c.rendered());
      }
      return ExitCodes.CRITERIA;
    }
    if (f instanceof DataFailure d) {
      switch (d.reason()) {
        case BAD_DATA -> err.println(d.getMessage());
        case NO_AS_OF_MONTH ->
            err.println(
                "eligo: usage.csv has no rows, so there is no latest month: give --as-of YYYY-MM");
        case NOT_A_FOLDER -> err.println("eligo: " + d.getMessage());
      }
      return ExitCodes.DATA;
    }
    err.println("eligo: " + f.getMessage());
    return ExitCodes.FAILURE;
  }

  /**
   * Warns when the as-of month is likely a slip that would make customers quietly not met: given
   * with --as-of outside usage.csv's months, or the latest month far after the one before it; or
   * the criteria read usage of months before the data's first ({@link Eligo#lookBackWarning}).
   */
  static void warnAsOf(
      Integer given, int asOf, Dataset data, eligo.ir.Ir.Program program, PrintWriter err) {
    String why = Eligo.asOfWarning(given, asOf, data, program);
    if (why != null) {
      err.println("eligo: warning: " + why);
    }
  }

  /**
   * One line when the criteria compiled with warnings (a binder nothing reads, a condition that
   * always holds...), which a run does not print one by one: how many, and the command that shows
   * each at its line; null when there are none.
   */
  static String criteriaWarnings(eligo.check.Frontend.Compilation c, Path criteria) {
    long n = c.diagnostics().stream().filter(d -> !d.isError()).count();
    if (n == 0) {
      return null;
    }
    return "eligo: warning: the criteria have "
        + (n == 1 ? "1 warning" : n + " warnings")
        + "; each with its line: eligo check --criteria "
        + criteria;
  }

  /**
   * One line for the warnings of criteria held against data: how many names the dataset lacks, and
   * the command that shows each with its line.
   */
  static String namesNotInData(List<Diagnostic> warnings, Path criteria, Path data) {
    return "eligo: warning: "
        + Eligo.namesNotInData(warnings.size())
        + "; each with its line: eligo check --criteria "
        + criteria
        + " --data "
        + data;
  }
}
