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
      required = true,
      paramLabel = "DIR",
      description = "Folder of *.criteria files.")
  Path criteria;

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

  @Override
  public Integer call() throws Exception {
    Frontend.Compilation c;
    try {
      c = Eligo.readCriteria(criteria);
    } catch (CriteriaFailure f) {
      return Failures.report(f, spec);
    }
    List<Diagnostic> againstData = new ArrayList<>();
    if (c.ok() && data != null) {
      try {
        againstData.addAll(Eligo.loadFor(c, data, Mode.LENIENT).warnings());
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
    if (format == Format.JSON) {
      spec.commandLine().getOut().print(Problems.toJson(Problems.of(c, againstData)));
      spec.commandLine().getOut().flush();
      return code;
    }
    spec.commandLine().getErr().print(Diagnostics.render(all));
    spec.commandLine().getErr().flush();
    if (code != ExitCodes.OK) {
      return code;
    }
    int nodes = c.program().areas().stream().mapToInt(a -> a.resultNodes().size()).sum();
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "%s: %d files, %d areas%s, %d nodes: ok%n",
            criteria,
            c.sources().size(),
            c.program().areas().stream().map(a -> a.id()).distinct().count(),
            c.program().versioned()
                ? " ("
                    + c.program().areas().stream().filter(a -> a.version() != null).count()
                    + " versions)"
                : "",
            nodes);
    return ExitCodes.OK;
  }
}
