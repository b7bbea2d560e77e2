package eligo.cli;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.EngineFailure;
import eligo.engine.Outcome;
import eligo.engine.Snapshot;
import eligo.engine.Stages;
import eligo.engine.Started;
import eligo.io.Mode;
import eligo.ir.Ir;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options the report commands share, and compiling, loading and evaluating with them. */
final class ReportInputs {
  @Option(
      names = "--criteria",
      required = true,
      paramLabel = "DIR",
      description = "Folder of *.criteria files.")
  Path criteria;

  @Option(
      names = "--data",
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

  @Mixin SnapshotOption snapshot;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "generated",
      description =
          "generated or interpret (the reference interpreter). Default: ${DEFAULT-VALUE}.")
  Engine engine;

  /** A command stops with this exit status, its reason already printed. */
  static final class Stop extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    Stop(int code) {
      super(null, null, false, false);
      this.code = code;
    }
  }

  /** The criteria compiled by {@link #program}, which {@link #evaluate} runs. */
  private Frontend.Compilation compilation;

  /** The compiled criteria, or a stop after printing the errors. */
  Ir.Program program(CommandSpec spec) throws Stop {
    try {
      compilation = Eligo.compileCriteria(criteria);
    } catch (EngineFailure f) {
      throw new Stop(Failures.report(f, spec));
    }
    warnCriteria(spec);
    return compilation.program();
  }

  /** Prints the warnings of the criteria compiled, if any. */
  private void warnCriteria(CommandSpec spec) {
    String warnings = Failures.criteriaWarnings(compilation, criteria);
    if (warnings != null) {
      spec.commandLine().getErr().println(warnings);
    }
  }

  /** The criteria compiled, the dataset loaded (strictly), its as-of month and the evaluators. */
  record Ready(Ir.Program program, Dataset dataset, int asOf, Engine.Compiled evaluators) {}

  /**
   * Compiles the criteria while the dataset loads, and the evaluators while the rest loads, as
   * {@code eligo run} does ({@link Eligo#start}): a command that loads the data then pays for the
   * slower of the two, not for both. Errors in the criteria are reported first (and the data's are
   * not); a stop after printing why.
   */
  Ready start(CommandSpec spec) throws Stop {
    if (data == null) {
      program(spec); // errors in the criteria first
    }
    given(spec);
    try {
      Started started =
          Eligo.start(criteria, data, Mode.STRICT, engine, Stages.NONE, snapshot.file);
      compilation = started.criteria();
      warnCriteria(spec);
      Engine.Compiled evaluators;
      try {
        // waited for: a view evaluates many times (a site per partner: once per partner)
        evaluators = started.compiling().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      return ready(spec, started.loaded().dataset(), started.snapshot(), evaluators);
    } catch (EngineFailure f) {
      throw new Stop(Failures.report(f, spec));
    }
  }

  /**
   * {@link #start}, then every customer evaluated; progress on a terminal. For a command that needs
   * nothing of the criteria before the data.
   */
  Outcome evaluate(CommandSpec spec) throws Stop {
    return evaluate(spec, start(spec));
  }

  /**
   * The dataset loaded (strictly) for the criteria {@link #program} compiled already, then every
   * customer evaluated; progress on a terminal. For a command that needs the criteria before the
   * data.
   */
  Outcome evaluateChecked(CommandSpec spec) throws Stop {
    given(spec);
    Ready ready;
    try {
      Eligo.Bound bound = Eligo.loadFor(compilation, data, Mode.STRICT, snapshot.file);
      ready = ready(spec, bound.loaded().dataset(), bound.snapshot(), engine.compile(compilation));
    } catch (EngineFailure f) {
      throw new Stop(Failures.report(f, spec));
    }
    return evaluate(spec, ready);
  }

  /** A stop after saying why when there is no {@code --data} or the snapshot may not be written. */
  private void given(CommandSpec spec) throws Stop {
    PrintWriter err = spec.commandLine().getErr();
    if (data == null) {
      err.println("eligo: give the dataset with --data DIR");
      throw new Stop(ExitCodes.USAGE);
    }
    Integer refused = snapshot.refused(List.of(criteria, data), List.of(), err);
    if (refused != null) {
      throw new Stop(refused);
    }
  }

  /**
   * The inputs once the dataset is loaded: the snapshot's line when it could not be written, the
   * as-of month and its warning.
   */
  private Ready ready(CommandSpec spec, Dataset dataset, Snapshot used, Engine.Compiled evaluators)
      throws EngineFailure {
    PrintWriter err = spec.commandLine().getErr();
    // errors stop the view; names the data lack are for run and check --data to say
    SnapshotOption.tellUnused(used, err);
    int m = Eligo.asOf(asOf, dataset);
    Failures.warnAsOf(asOf, m, dataset, compilation.program(), err);
    return new Ready(compilation.program(), dataset, m, evaluators);
  }

  private static Outcome evaluate(CommandSpec spec, Ready ready) throws Stop {
    try {
      return Eligo.evaluate(
          ready.program(),
          ready.evaluators(),
          ready.dataset(),
          ready.asOf(),
          Runtime.getRuntime().availableProcessors(),
          TerminalProgress.of("evaluating customers", spec.commandLine().getErr()));
    } catch (EngineFailure f) {
      throw new Stop(Failures.report(f, spec));
    }
  }
}
