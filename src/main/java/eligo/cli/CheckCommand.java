package eligo.cli;

import eligo.check.Frontend;
import eligo.editor.Problems;
import eligo.engine.CriteriaFailure;
import eligo.engine.DataFailure;
import eligo.engine.Eligo;
import eligo.io.Mode;
import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Compiles the criteria files of a folder without running them and prints every error and warning.")
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--criteria",
      paramLabel = "DIR",
      description = "Folder of *.criteria files (default: the DIR given, else criteria).")
  Path criteria;

  @Parameters(
      paramLabel = "DIR",
      arity = "0..1",
      description =
          "The folder of *.criteria files, as --criteria gives it (as in opa check PATH).")
  Path folder;

  @Option(names = "--warnings-as-errors", description = "Exit non-zero on warnings too.")
  boolean warningsAsErrors;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Also hold the criteria's workload names, families and association types against this"
              + " dataset (its rows are read, nothing is evaluated).")
  Path data;

  enum Format {
    TEXT,
    JSON
  }

  @Option(
      names = "--format",
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "text (default), or json: every diagnostic on stdout with file, 1-based line and column, end, severity, message and code.")
  Format format;

  /** Says, on the error output, which rows of the data a run with these criteria refuses. */
  private void tellRefused(List<eligo.io.DataError> refused) {
    if (refused.isEmpty()) {
      return;
    }
    java.io.PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "eligo: %,d %s of the data would be refused by 'eligo run' with these criteria (it stops on"
            + " them; --on-bad-rows=skip leaves them out):%n",
        refused.size(),
        refused.size() == 1 ? "row" : "rows");
    refused.stream().limit(10).forEach(r -> err.println(r.format()));
    if (refused.size() > 10) {
      err.printf(Locale.ROOT, "... and %,d more%n", refused.size() - 10);
    }
    err.flush();
  }

  @Override
  public Integer call() throws Exception {
    if (criteria != null && folder != null && !criteria.equals(folder)) {
      spec.commandLine()
          .getErr()
          .println(
              "eligo: give the criteria folder once: --criteria "
                  + criteria
                  + " and "
                  + folder
                  + " differ");
      return ExitCodes.USAGE;
    }
    Path criteria =
        this.criteria != null ? this.criteria : folder != null ? folder : Path.of("criteria");
    Frontend.Compilation c;
    try {
      c = Eligo.readCriteria(criteria);
    } catch (CriteriaFailure f) {
      return Failures.report(f, spec);
    }
    List<Diagnostic> againstData = new ArrayList<>();
    List<eligo.io.DataError> refused = List.of();
    if (c.ok() && data != null) {
      try {
        Eligo.Bound bound = Eligo.loadFor(c, data, Mode.LENIENT);
        againstData.addAll(bound.warnings());
        refused = bound.loaded().rejects();
      } catch (CriteriaFailure f) {
        againstData.addAll(f.diagnostics());
      } catch (DataFailure f) {
        return Failures.report(f, spec);
      }
    }
    List<Diagnostic> all = new ArrayList<>(c.diagnostics());
    all.addAll(againstData);
    all.sort(Diagnostics.ORDER);
    boolean errors = all.stream().anyMatch(Diagnostic::isError);
    boolean warnings = all.stream().anyMatch(d -> !d.isError());
    int code = errors || (warningsAsErrors && warnings) ? ExitCodes.CRITERIA : ExitCodes.OK;
    if (code == ExitCodes.OK && !refused.isEmpty()) {
      // rows that a run with these criteria refuses (an association type's text the criteria no
      // longer declare, say): the run would stop on them, so the check does not say ok
      code = ExitCodes.DATA;
    }
    if (format == Format.JSON) {
      spec.commandLine().getOut().print(Problems.toJson(Problems.of(c, againstData)));
      spec.commandLine().getOut().flush();
      tellRefused(refused);
      return code;
    }
    spec.commandLine().getErr().print(Diagnostics.render(all));
    spec.commandLine().getErr().flush();
    tellRefused(refused);
    if (code != ExitCodes.OK) {
      return code;
    }
    int nodes = c.program().areas().stream().mapToInt(a -> a.resultNodes().size()).sum();
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "%s: %s, %s%s, %s: ok%n",
            criteria,
            counted(c.sources().size(), "file"),
            counted(c.program().areas().stream().map(a -> a.id()).distinct().count(), "area"),
            c.program().versioned()
                ? " ("
                    + counted(
                        c.program().areas().stream().filter(a -> a.version() != null).count(),
                        "version")
                    + ")"
                : "",
            counted(nodes, "node"));
    return ExitCodes.OK;
  }

  /** "1 file", "5 files". */
  private static String counted(long n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }
}
