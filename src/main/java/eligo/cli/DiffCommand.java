package eligo.cli;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.data.Month;
import eligo.diff.GitCriteria;
import eligo.diff.Impact;
import eligo.diff.ImpactReport;
import eligo.lang.Diagnostics;
import eligo.io.DataException;
import eligo.io.DatasetLoader;
import eligo.engine.Engine;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
        "Shows which customers a change of the criteria moves.",
        "Compiles both versions, evaluates both on the same data and lists, per",
        "area and node, how many customers changed status or value, the",
        "partner-level rows that changed, and every customer that moved."
    })
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--old", required = true, paramLabel = "DIR|REV", description = "The criteria before the change: a folder, or a git revision (HEAD~1, a tag) of the --new folder.")
  String old;

  @Option(names = "--new", required = true, paramLabel = "DIR", description = "The criteria after the change: a folder.")
  Path newCriteria;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Dataset folder both versions are evaluated on.")
  Path data;

  @Option(names = "--as-of", paramLabel = "YYYY-MM", converter = Inputs.MonthConverter.class, description = "The as-of month M (default: the latest month in usage.csv).")
  Integer asOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or html. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of to standard output.")
  Path out;

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "generated", description = "generated or interpret. Default: ${DEFAULT-VALUE}.")
  Engine engine;

  enum Format {
    text,
    json,
    html
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Frontend.Compilation after = CriteriaLoading.compile(newCriteria, spec);
    if (after == null) {
      return ExitCodes.CRITERIA;
    }
    Frontend.Compilation before;
    if (Files.isDirectory(Path.of(old))) {
      before = CriteriaLoading.compile(Path.of(old), spec);
      if (before == null) {
        return ExitCodes.CRITERIA;
      }
    } else {
      try {
        before = GitCriteria.compile(old, newCriteria);
      } catch (GitCriteria.GitException e) {
        err.println("eligo: --old '" + old + "' is neither a folder nor a git revision of " + newCriteria + " (git: " + e.getMessage() + ")");
        return ExitCodes.USAGE;
      }
    }
    if (!before.ok() || !after.ok()) {
      err.print(Diagnostics.render(before.diagnostics()));
      err.print(Diagnostics.render(after.diagnostics()));
      return ExitCodes.CRITERIA;
    }
    if (!Inputs.isDataFolder(data, spec)) {
      return ExitCodes.DATA;
    }
    Outcome x;
    Outcome y;
    try {
      // Each version loads the data with its own association types, as its own 'eligo run' would.
      Dataset oldData = DatasetLoader.load(data, before.program().associationTypes()).dataset();
      Dataset newData = DatasetLoader.load(data, after.program().associationTypes()).dataset();
      int m = Inputs.asOf(asOf, newData, spec);
      if (m == Month.NONE) {
        return ExitCodes.DATA;
      }
      int threads = Runtime.getRuntime().availableProcessors();
      x = Evaluation.run(before.program(), engine.compile(before).factories(), oldData, m, threads, Evaluation.Progress.NONE);
      y = Evaluation.run(after.program(), engine.compile(after).factories(), newData, m, threads, Evaluation.Progress.NONE);
    } catch (DataException e) {
      err.println(e.getMessage());
      return ExitCodes.DATA;
    } catch (Evaluation.EvaluationException e) {
      err.println("eligo: " + e.getMessage());
      return ExitCodes.FAILURE;
    }
    Impact impact = Impact.compare(old, newCriteria.toString(), data.toString(), x, y);
    String report = switch (format) {
      case text -> ImpactReport.text(impact);
      case json -> ImpactReport.json(impact);
      case html -> ImpactReport.html(impact);
    };
    if (out == null) {
      spec.commandLine().getOut().print(report);
    } else {
      Path dir = out.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Files.writeString(out, report, StandardCharsets.UTF_8);
      spec.commandLine().getOut().println(ImpactReport.headline(impact) + " Report written to " + out);
    }
    return ExitCodes.OK;
  }
}
