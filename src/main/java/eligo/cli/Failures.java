package eligo.cli;

import eligo.engine.CriteriaFailure;
import eligo.engine.DataFailure;
import eligo.engine.EngineFailure;
import eligo.lang.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The one place where the command line turns an engine failure into words on standard error and
 * an exit status: criteria {@value ExitCodes#CRITERIA}, data {@value ExitCodes#DATA}, evaluation
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
        case NO_AS_OF_MONTH -> err.println("eligo: usage.csv has no rows, so there is no latest month: give --as-of YYYY-MM");
        case NOT_A_FOLDER -> err.println("eligo: " + d.getMessage());
      }
      return ExitCodes.DATA;
    }
    err.println("eligo: " + f.getMessage());
    return ExitCodes.FAILURE;
  }

  /**
   * One paragraph for the warnings of criteria held against data: names the dataset lacks, each
   * with its place, and the command that shows each with its line.
   */
  static String namesNotInData(List<Diagnostic> warnings, Path criteria, Path data) {
    StringBuilder sb = new StringBuilder("eligo: warning: ");
    sb.append(warnings.size() == 1 ? "1 name" : warnings.size() + " names")
        .append(" in the criteria ")
        .append(warnings.size() == 1 ? "is" : "are")
        .append(" not in this dataset's workloads.csv, so rules that name ")
        .append(warnings.size() == 1 ? "it" : "them")
        .append(" count nothing here:");
    String sep = " ";
    for (Diagnostic w : warnings) {
      String msg = w.message();
      int open = msg.indexOf('"');
      int close = msg.indexOf('"', open + 1);
      sb.append(sep).append(open >= 0 && close > open ? msg.substring(open, close + 1) : msg);
      sb.append(" (").append(w.span().where());
      int mean = msg.indexOf("did you mean ");
      if (mean >= 0) {
        sb.append(", ").append(msg, mean, msg.indexOf('?', mean) + 1);
      }
      sb.append(')');
      sep = ", ";
    }
    sb.append(".\n  Each with its line: eligo check --criteria ")
        .append(criteria)
        .append(" --data ")
        .append(data);
    return sb.toString();
  }
}
