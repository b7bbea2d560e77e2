package eligo.spark;

import eligo.data.Month;
import eligo.engine.CriteriaFailure;
import eligo.engine.Eligo;
import eligo.engine.Evaluation;
import eligo.lang.Diagnostic;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code eligo-spark run}: the command line of the Spark runner. Exit status as {@code eligo}'s: 0
 * success, 2 usage, 3 criteria errors, 4 data errors, 5 other failures.
 */
@Command(
    name = "eligo-spark",
    mixinStandardHelpOptions = true,
    subcommands = {Main.Run.class},
    description = "Runs the generated evaluators on Apache Spark.")
public final class Main implements Callable<Integer> {
  static final int USAGE = 2;
  static final int CRITERIA = 3;
  static final int DATA = 4;
  static final int FAILURE = 5;

  /** The most shuffle partitions {@code --partitions} sets (as many as the runner ever chooses). */
  static final int MAX_PARTITIONS = 100_000;

  @Override
  public Integer call() {
    CommandLine.usage(this, System.err);
    return USAGE;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(args, out, err));
  }

  /** Runs the command line; returns the exit status. */
  static int execute(String[] args, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new java.io.PrintWriter(out, true));
    cl.setErr(new java.io.PrintWriter(err, true));
    cl.setExitCodeExceptionMapper(e -> FAILURE);
    cl.setParameterExceptionHandler(
        (e, a) -> {
          err.println("eligo-spark: " + e.getMessage());
          e.getCommandLine().usage(err);
          return USAGE;
        });
    try {
      return cl.execute(args);
    } catch (Error e) {
      err.println("eligo-spark: " + e);
      return FAILURE;
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Evaluate every customer of a dataset (CSV or Parquet tables) on Spark and write the"
              + " canonical results file.")
  static final class Run implements Callable<Integer> {
    @Option(names = "--criteria", required = true, description = "criteria folder")
    Path criteria;

    @Option(
        names = "--data",
        required = true,
        description = "dataset folder or URI (NAME.csv or NAME.parquet per table)")
    String data;

    @Option(names = "--results", required = true, description = "results file (or folder)")
    String results;

    @Option(names = "--as-of", description = "as-of month YYYY-MM (default: latest in usage)")
    String asOf;

    @Option(
        names = "--master",
        description = "Spark master URL (default: local[*], or what spark-submit sets)")
    String master;

    @Option(
        names = "--results-format",
        defaultValue = "csv",
        description = "csv (the canonical file) or parquet (a table of the same rows)")
    String format;

    @Option(
        names = "--partitions",
        description = "shuffle partitions, 1 to 100000 (default: about 128 MB of input each)")
    Integer partitions;

    @Option(
        names = "--timings",
        description = "print each Spark stage's time, input and shuffle bytes on standard error")
    boolean timings;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      java.io.PrintWriter err = spec.commandLine().getErr();
      java.io.PrintWriter out = spec.commandLine().getOut();
      Integer month = null;
      if (asOf != null) {
        month = Month.parse(asOf);
        if (month == Month.NONE) {
          err.println("eligo-spark: --as-of '" + asOf + "' is not a month (YYYY-MM)");
          return USAGE;
        }
      }
      if (!format.equals("csv") && !format.equals("parquet")) {
        err.println("eligo-spark: --results-format must be csv or parquet, not '" + format + "'");
        return USAGE;
      }
      if (partitions != null && (partitions < 1 || partitions > MAX_PARTITIONS)) {
        err.println(
            "eligo-spark: --partitions must be between 1 and "
                + MAX_PARTITIONS
                + ", not "
                + partitions);
        return USAGE;
      }
      SparkRunner.Options options =
          new SparkRunner.Options(
              criteria,
              data,
              results,
              month,
              format.equals("parquet"),
              partitions == null ? 0 : partitions);
      if (!options.parquetResults()) {
        try {
          ResultsTarget.checkFile(options); // before a session starts, as eligo run refuses it
        } catch (ResultsTarget.Refused r) {
          err.println("eligo-spark: " + r.getMessage());
          return USAGE;
        }
      }
      long started = System.nanoTime();
      SparkSession spark = session(master);
      StageLog stages = new StageLog();
      if (timings) {
        spark.sparkContext().addSparkListener(stages);
      }
      try {
        SparkRunner.Summary s = SparkRunner.run(spark, options);
        warn(s, criteria, data, err);
        out.println(
            String.format(
                Locale.ROOT,
                "%s areas (%s) on Spark %s, as of %s: %s, results in %s (%.1f s)",
                s.areas(),
                s.evaluators(),
                spark.sparkContext().master(),
                Month.format(s.asOf()),
                s.customers() < 0
                    ? "every customer"
                    : s.customers() + " customers of " + s.partners() + " partners",
                results,
                (System.nanoTime() - started) / 1e9));
        if (timings) {
          stages.print(err, s.customers());
        }
        return 0;
      } catch (ResultsTarget.Refused r) {
        err.println("eligo-spark: " + r.getMessage());
        return USAGE;
      } catch (CriteriaFailure f) {
        if (f.diagnostics().isEmpty()) {
          err.println("eligo-spark: " + f.getMessage());
        } else {
          err.print(f.rendered());
        }
        return CRITERIA;
      } catch (Exception e) {
        return report(e, err);
      } finally {
        spark.stop();
      }
    }
  }

  /**
   * What {@code eligo run} warns of, in its words: the criteria's names that the data's workloads
   * lack (each with its line, or {@code eligo check} for a local folder, as {@code eligo run}
   * points to it) and an as-of month that looks like a slip.
   */
  static void warn(SparkRunner.Summary s, Path criteria, String data, java.io.PrintWriter err) {
    List<Diagnostic> names = s.namesNotInData();
    if (!names.isEmpty()) {
      boolean local = localFolder(data);
      err.println(
          "eligo-spark: warning: "
              + Eligo.namesNotInData(names.size())
              + (local
                  ? "; each with its line: eligo check --criteria " + criteria + " --data " + data
                  : ":"));
      if (!local) {
        for (Diagnostic d : names) {
          err.println("  " + d.span().where() + ": " + d.message());
        }
      }
    }
    if (s.asOfWarning() != null) {
      err.println("eligo-spark: warning: " + s.asOfWarning());
    }
  }

  /** Whether {@code data} names a folder of this machine (not a URI such as s3a://). */
  private static boolean localFolder(String data) {
    try {
      return !data.contains("://") && java.nio.file.Files.isDirectory(Path.of(data));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /** A failure in words on standard error, with its exit status. */
  static int report(Throwable e, java.io.PrintWriter err) {
    DataProblem data = DataProblem.in(e);
    if (data != null) {
      err.println(data.getMessage());
      return DATA;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Evaluation.EvaluationException ev) {
        err.println("eligo-spark: " + ev.getMessage());
        return FAILURE;
      }
    }
    // one line: Spark's messages go on with stack traces (a task's, where a context was made)
    String line = e.toString().lines().findFirst().orElse("").strip();
    if (STOPPING.get()) {
      err.println("eligo-spark: stopped by a signal before the end: no results were written");
      return FAILURE;
    }
    err.println("eligo-spark: " + line);
    return FAILURE;
  }

  /**
   * Whether the JVM is stopping (Ctrl-C, a kill): Spark's own hook then stops the context under the
   * running job, whose failure is no error of the run's to report.
   */
  static final java.util.concurrent.atomic.AtomicBoolean STOPPING =
      new java.util.concurrent.atomic.AtomicBoolean();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> STOPPING.set(true), "eligo-stopping"));
  }

  /**
   * The session of a run: the master given, else the one spark-submit set, else local[*]; no UI;
   * CSV rows checked against the header's width (no column pruning in the CSV parser).
   */
  static SparkSession session(String master) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName("eligo");
    if (master != null) {
      b.master(master);
    } else if (!conf.contains("spark.master")) {
      b.master("local[*]");
    }
    if (!conf.contains("spark.ui.enabled")) {
      b.config("spark.ui.enabled", "false");
    }
    return configure(b).getOrCreate();
  }

  /** The settings every eligo session needs. */
  static SparkSession.Builder configure(SparkSession.Builder b) {
    return b.config("spark.sql.csv.parser.columnPruning.enabled", "false")
        .config("spark.sql.debug.maxToStringFields", "200"); // plans are logged whole, no warning
  }
}
