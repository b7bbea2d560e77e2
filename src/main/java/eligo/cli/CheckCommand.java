package eligo.cli;

import eligo.check.Frontend;
import eligo.editor.Problems;
import eligo.lang.Diagnostics;
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

  enum Format { TEXT, JSON }

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      description = "text (default), or json: every diagnostic on stdout with file, 1-based line and column, end, severity, message and code.")
  Format format;

  @Override
  public Integer call() throws Exception {
    Frontend.Compilation c = CriteriaLoading.compile(criteria, spec);
    if (c == null) {
      return ExitCodes.CRITERIA;
    }
    if (format == Format.JSON) {
      spec.commandLine().getOut().print(Problems.toJson(Problems.of(c)));
      spec.commandLine().getOut().flush();
      return !c.ok() || (warningsAsErrors && c.hasWarnings()) ? ExitCodes.CRITERIA : ExitCodes.OK;
    }
    spec.commandLine().getErr().print(Diagnostics.render(c.diagnostics()));
    spec.commandLine().getErr().flush();
    if (!c.ok() || (warningsAsErrors && c.hasWarnings())) {
      return ExitCodes.CRITERIA;
    }
    int nodes = c.program().areas().stream().mapToInt(a -> a.resultNodes().size()).sum();
    spec.commandLine().getOut().printf("%s: %d files, %d areas, %d nodes: ok%n", criteria, c.sources().size(), c.program().areas().size(), nodes);
    return ExitCodes.OK;
  }
}
