package eligo.cli;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.data.Month;
import eligo.data.NodeResults;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.EngineFailure;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.engine.ResultsFile;
import eligo.engine.Started;
import eligo.io.DatasetLoader;
import eligo.io.LoadResult;
import eligo.io.Mode;
import eligo.io.OutputFile;
import eligo.ir.Ir;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates every customer of a dataset for every solution area.",
      "Compiles the criteria, loads the dataset, evaluates every customer and prints how many customers meet each node; with --results, writes the canonical results file."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--criteria",
      required = true,
      paramLabel = "DIR",
      description = "Folder of *.criteria files.")
  Path criteria;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description =
          "Dataset folder (customers.csv, tenants.csv, workloads.csv, associations.csv, usage.csv).")
  Path data;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM",
      converter = Inputs.MonthConverter.class,
      description = "The as-of month M (default: the latest month in usage.csv).")
  Integer asOf;

  @Option(
      names = "--results",
      paramLabel = "FILE",
      description = "Write the canonical results file here.")
  Path results;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "generated",
      description =
          "generated (Java generated from the criteria: built into this jar when the criteria are the ones it was built from, else compiled in memory) or interpret (the reference interpreter). Default: ${DEFAULT-VALUE}.")
  Engine engine;

  @Option(
      names = "--on-bad-rows",
      paramLabel = "MODE",
      defaultValue = "fail",
      description =
          "fail: any bad row stops the run (default); skip: leave bad rows out and list them in --rejects.")
  BadRows onBadRows;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description =
          "With --on-bad-rows=skip: where to write the rejected rows (default: rejects.csv beside --results, or in the current folder).")
  Path rejects;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Evaluation threads (default: the number of processors).")
  Integer threads;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  @Mixin SnapshotOption snapshot;

  @Option(
      names = "--timings",
      description =
          "Print the wall time of each stage (compile, load, evaluate, write) and the peak memory, even with --quiet.")
  boolean timings;

  enum BadRows {
    fail,
    skip
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Timings clock = new Timings();
    Mode mode = onBadRows == BadRows.skip ? Mode.LENIENT : Mode.STRICT;
    Path rejectsFile = mode == Mode.LENIENT ? rejectsFile() : null;
    // An output never replaces an input of the run, nor another output.
    String refused =
        results == null
            ? null
            : OutputFile.refuseInputs(
                "--results",
                results,
                List.of(criteria, data),
                rejectsFile == null ? List.of() : List.of(rejectsFile));
    if (refused == null && rejectsFile != null) {
      refused =
          OutputFile.refuseInputs("--rejects", rejectsFile, List.of(criteria, data), List.of());
    }
    if (refused == null
        && rejectsFile != null
        && rejects == null
        && !eligo.io.RejectsWriter.replaceable(rejectsFile)) {
      refused =
          "--rejects: the default rejects file "
              + rejectsFile
              + " exists and is not a rejects file of an earlier run; it is kept: name another"
              + " file with --rejects";
    }
    if (refused != null) {
      err.println("eligo: " + refused);
      return ExitCodes.USAGE;
    }
    List<Path> others = new java.util.ArrayList<>();
    if (results != null) {
      others.add(results);
    }
    if (rejectsFile != null) {
      others.add(rejectsFile);
    }
    Integer snapshotRefused = snapshot.refused(List.of(criteria, data), others, err);
    if (snapshotRefused != null) {
      return snapshotRefused;
    }
    // The criteria are checked while the data start loading, and the evaluators compiled while the
    // rest loads. Errors in the criteria are reported first (and the data's are not).
    Started started;
    try {
      started = Eligo.start(criteria, data, mode, engine, clock, snapshot.file);
    } catch (EngineFailure f) {
      return Failures.report(f, spec);
    }
    String criteriaWarnings = Failures.criteriaWarnings(started.criteria(), criteria);
    if (criteriaWarnings != null) {
      err.println(criteriaWarnings);
    }
    if (!started.warnings().isEmpty()) {
      err.println(Failures.namesNotInData(started.warnings(), criteria, data));
    }
    Frontend.Compilation c = started.criteria();
    Ir.Program program = c.program();
    LoadResult loaded = started.loaded();
    Dataset dataset = loaded.dataset();
    clock.lap("load");
    if (started.snapshot() != null) {
      clock.note(started.snapshot().describe());
      if (!quiet || started.snapshot().writeFailure() != null) {
        err.println(started.snapshot().describe());
      }
    }
    clock.note(
        started.snapshot() != null && started.snapshot().read()
            ? "no CSV read"
            : loaded.readInParallel().isEmpty()
                ? "no file read in parallel"
                : String.join(" and ", loaded.readInParallel()) + " read in parallel");
    int m;
    try {
      m = Eligo.asOf(asOf, dataset);
    } catch (EngineFailure f) {
      return Failures.report(f, spec);
    }
    Failures.warnAsOf(asOf, m, dataset, program, err);
    Engine.Compiled compiled = started.evaluators();
    clock.lap("waiting for the evaluators");
    int n = threads != null ? Math.max(1, threads) : Runtime.getRuntime().availableProcessors();
    Outcome outcome;
    Evaluation.Progress shown =
        quiet ? Evaluation.Progress.NONE : TerminalProgress.of("evaluating customers", err);
    // strict: the results file is written while the customers are evaluated, in its order
    boolean writing = results != null && mode != Mode.LENIENT;
    try {
      outcome =
          writing
              ? Eligo.evaluateWriting(program, compiled, dataset, m, n, shown, results)
              : Eligo.evaluate(program, compiled, dataset, m, n, shown, mode);
    } catch (EngineFailure f) {
      return Failures.report(f, spec);
    }
    clock.lap(writing ? "evaluate and write" : "evaluate");
    if (mode == Mode.LENIENT) {
      // customers whose arithmetic overflowed are rejected like bad rows
      Map<String, String> overflowed = new LinkedHashMap<>();
      for (Outcome.Rejected r : outcome.rejected) {
        overflowed.put(r.customerId(), r.message());
      }
      loaded = DatasetLoader.rejectCustomers(loaded, outcome.data, data, overflowed);
      eligo.io.RejectsWriter.write(rejectsFile, loaded.rejects());
      if (!quiet) {
        for (LoadResult.FileCounts fc : loaded.counts()) {
          out.printf(
              Locale.ROOT,
              "%-17s read %d, used %d, rejected %d%n",
              fc.file(),
              fc.read(),
              fc.used(),
              fc.rejected());
        }
        if (!overflowed.isEmpty()) {
          out.println(
              "Customers rejected because an amount is too large to compute exactly: "
                  + overflowed.size());
        }
        out.println(
            "Rejected rows written to " + rejectsFile + " (" + loaded.rejects().size() + ")");
      }
    }
    if (results != null && !writing) {
      ResultsFile.write(outcome, results);
      clock.lap("write");
    }
    if (!quiet) {
      printSummary(out, outcome, program, compiled.description());
      if (results != null) {
        out.println("Results written to " + results);
      }
    }
    // javac, when the interpreter did not wait for it, finishes for the next run's class cache
    started.settle();
    if (timings) {
      out.println(clock.report());
    }
    return ExitCodes.OK;
  }

  /** --rejects, else rejects.csv beside --results, else in the current folder. */
  private Path rejectsFile() {
    if (rejects != null) {
      return rejects;
    }
    Path parent = results == null ? null : results.toAbsolutePath().getParent();
    return parent != null ? parent.resolve("rejects.csv") : Path.of("rejects.csv");
  }

  private void printSummary(
      PrintWriter out, Outcome outcome, Ir.Program program, String engineDescription) {
    Dataset d = outcome.data;
    out.printf(
        Locale.ROOT,
        "%d customers of %d partners, as of %s, %d areas (%s)%n%n",
        d.customerCount(),
        outcome.partners.size(),
        Month.format(outcome.asOf),
        outcome.areas.size(),
        engineDescription);
    // which version of each area with versions ran
    for (Outcome.AreaOutcome a : outcome.areas) {
      if (a.area.version() != null) {
        out.printf(
            Locale.ROOT,
            "%s: %s, written at %s%n",
            a.area.id(),
            a.area.version().words(),
            a.area.version().where());
      }
    }
    if (outcome.areas.stream().anyMatch(a -> a.area.version() != null)) {
      out.println();
    }
    int areaWidth = "area".length();
    int nodeWidth = "node".length();
    for (Outcome.AreaOutcome a : outcome.areas) {
      areaWidth = Math.max(areaWidth, a.area.id().length());
      for (Ir.Node node : a.nodes) {
        nodeWidth = Math.max(nodeWidth, node.id().length());
      }
    }
    String fmt = "%-" + areaWidth + "s  %-" + nodeWidth + "s  %-6s  %7s  %7s  %13s%n";
    out.printf(Locale.ROOT, fmt, "area", "node", "kind", "met", "not met", "not evaluated");
    for (Outcome.AreaOutcome a : outcome.areas) {
      int[][] counts = a.statusCounts();
      for (int i = 0; i < a.nodes.size(); i++) {
        int met = counts[i][NodeResults.MET];
        int notMet = counts[i][NodeResults.NOT_MET];
        int notEvaluated = counts[i][NodeResults.NOT_EVALUATED];
        Ir.Node node = a.nodes.get(i);
        out.printf(
            Locale.ROOT,
            fmt,
            a.area.id(),
            node.id(),
            node.kind().name().toLowerCase(Locale.ROOT),
            met,
            notMet,
            notEvaluated);
      }
    }
    out.println();
  }
}
