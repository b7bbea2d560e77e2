package eligo.cli;

import eligo.check.Frontend;
import eligo.engine.CriteriaFailure;
import eligo.engine.Eligo;
import eligo.engine.DataFailure;
import eligo.io.Mode;
import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Compiles the criteria files of a folder without running them and prints every error and warning.")
final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--criteria", required = true, paramLabel = "DIR", description = "Folder of *.criteria files.")
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

  @Override
  public Integer call() throws Exception {
    Frontend.Compilation c;
    try {
      c = Eligo.readCriteria(criteria);
    } catch (CriteriaFailure f) {
      return Failures.report(f, spec);
    }
    List<Diagnostic> all = new ArrayList<>(c.diagnostics());
    if (c.ok() && data != null) {
      try {
        all.addAll(Eligo.loadFor(c, data, Mode.LENIENT).warnings());
      } catch (CriteriaFailure f) {
        all.addAll(f.diagnostics());
      } catch (DataFailure f) {
        return Failures.report(f, spec);
      }
      all = new ArrayList<>(new java.util.LinkedHashSet<>(all));
      all.sort(Diagnostics.ORDER);
    }
    spec.commandLine().getErr().print(Diagnostics.render(all));
    spec.commandLine().getErr().flush();
    boolean errors = all.stream().anyMatch(Diagnostic::isError);
    boolean warnings = all.stream().anyMatch(d -> !d.isError());
    if (errors || (warningsAsErrors && warnings)) {
      return ExitCodes.CRITERIA;
    }
    int nodes = c.program().areas().stream().mapToInt(a -> a.resultNodes().size()).sum();
    spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d files, %d areas, %d nodes: ok%n", criteria, c.sources().size(), c.program().areas().size(), nodes);
    return ExitCodes.OK;
  }
}
