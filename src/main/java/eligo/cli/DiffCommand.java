package eligo.cli;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.diff.Impact;
import eligo.diff.ImpactReport;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.EngineFailure;
import eligo.engine.Evaluation;
import eligo.engine.GitCriteria;
import eligo.engine.Outcome;
import eligo.io.Mode;
import eligo.io.OutputFile;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "diff",
    description = {
      "Shows which customers a change of the criteria moves.",
      "Compiles both versions, evaluates both on the same data and lists, per",
      "area and node, how many customers changed status or value, the",
      "partner-level rows that changed, and every customer that moved.",
      "",
      "Two forms:",
      "  diff --old DIR|REV --new DIR --data DIR",
      "      two criteria folders (or a git revision of the --new folder);",
      "  diff --criteria DIR --version A --against B --data DIR [--area ID]",
      "      two versions of areas in one folder ('version \"A\" from YYYY-MM'):",
      "      each area with versions labelled A and B runs A, then B, at the",
      "      same as-of month whatever their months; the other areas run the",
      "      version in force at that month on both sides;",
      "  diff --criteria DIR --old-data DIR --new-data DIR",
      "      one criteria folder on two data folders (a corrected usage",
      "      export, or this month's against last month's): both at the same",
      "      as-of month; customers only in one are listed as added or removed."
    })
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  // not mixinStandardHelpOptions: its -V, --version would take the name of --version LABEL below,
  // and picocli then leaves the whole mixin out (diff --help was an error)
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help message and exit.")
  boolean help;

  @Option(
      names = "--old",
      paramLabel = "DIR|REV",
      description =
          "The criteria before the change: a folder, or a git revision (HEAD~1, a tag) of the --new folder.")
  String old;

  @Option(
      names = "--new",
      paramLabel = "DIR",
      description = "The criteria after the change: a folder.")
  Path newCriteria;

  @Option(
      names = "--criteria",
      paramLabel = "DIR",
      description =
          "With --version and --against: the one criteria folder whose versions to compare.")
  Path criteria;

  @Option(
      names = "--version",
      paramLabel = "LABEL",
      description = "With --criteria: the version before (as labelled: version \"2026\" from ...).")
  String version;

  @Option(
      names = "--against",
      paramLabel = "LABEL",
      description = "With --criteria: the version after.")
  String against;

  @Option(
      names = "--area",
      paramLabel = "ID",
      description =
          "With --version: compare the versions of this area only (default: every area that has both).")
  String area;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Dataset folder both versions are evaluated on.")
  Path data;

  @Option(
      names = "--old-data",
      paramLabel = "DIR",
      description = "With --criteria and --new-data: the data before the change.")
  Path oldData;

  @Option(
      names = "--new-data",
      paramLabel = "DIR",
      description = "With --criteria and --old-data: the data after the change.")
  Path newData;

  @Mixin SnapshotOption snapshot;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM",
      converter = Inputs.MonthConverter.class,
      description = "The as-of month M (default: the latest month in usage.csv).")
  Integer asOf;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text, json or html. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report here instead of to standard output.")
  Path out;

  @Option(
      names = "--exit-code",
      description =
          "Exit with status 1 when a customer's or partner's row changed (as git diff"
              + " --exit-code), 0 when none did.")
  boolean exitCode;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "generated",
      description = "generated or interpret. Default: ${DEFAULT-VALUE}.")
  Engine engine;

  enum Format {
    text,
    json,
    html
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    boolean dataPair = oldData != null || newData != null;
    if (dataPair) {
      if (criteria == null
          || oldData == null
          || newData == null
          || data != null
          || old != null
          || newCriteria != null
          || version != null
          || against != null
          || area != null) {
        err.println(
            "eligo: two data folders are compared with --criteria DIR --old-data DIR --new-data"
                + " DIR (and no --data, --old, --new, --version or --against)");
        return ExitCodes.USAGE;
      }
      return DataPair.diff(this, err);
    }
    if (data == null) {
      err.println(
          "eligo: give --data DIR, the data both versions are evaluated on (or, to compare two"
              + " data folders, --criteria DIR --old-data DIR --new-data DIR)");
      return ExitCodes.USAGE;
    }
    boolean versions = criteria != null || version != null || against != null || area != null;
    if (versions
        ? old != null
            || newCriteria != null
            || criteria == null
            || version == null
            || against == null
        : old == null || newCriteria == null) {
      err.println(
          "eligo: give either --old and --new (two criteria folders), or --criteria with"
              + " --version and --against (two versions in one folder)");
      return ExitCodes.USAGE;
    }
    if (versions) {
      old = criteria.toString();
      newCriteria = criteria;
    }
    // Neither output replaces an input (either version of the criteria, the data) or the other.
    List<Path> inputs = new java.util.ArrayList<>(List.of(newCriteria, data));
    if (Files.isDirectory(Path.of(old))) {
      inputs.add(Path.of(old));
    }
    if (out != null) {
      String refused =
          OutputFile.refuseInputs(
              "--out", out, inputs, snapshot.file == null ? List.of() : List.of(snapshot.file));
      if (refused != null) {
        err.println("eligo: " + refused);
        return ExitCodes.USAGE;
      }
    }
    Integer snapshotRefused = snapshot.refused(inputs, out == null ? List.of() : List.of(out), err);
    if (snapshotRefused != null) {
      return snapshotRefused;
    }
    Outcome x;
    Outcome y;
    try {
      Frontend.Compilation after = Eligo.readCriteria(newCriteria);
      Frontend.Compilation before;
      if (versions) {
        before = after;
      } else if (Files.isDirectory(Path.of(old))) {
        before = Eligo.readCriteria(Path.of(old));
      } else if (Files.exists(Path.of(old))) {
        err.println(
            "eligo: --old '"
                + old
                + "' is a file: give the folder of the earlier criteria, or a git revision");
        return ExitCodes.USAGE;
      } else {
        try {
          before = GitCriteria.compile(old, newCriteria);
        } catch (GitCriteria.GitException e) {
          err.println(
              "eligo: --old '"
                  + old
                  + "' is neither a folder nor a git revision of "
                  + newCriteria
                  + " (git: "
                  + e.getMessage()
                  + ")");
          return ExitCodes.USAGE;
        }
      }
      Eligo.requireNoErrors(before, after);
      // Each version loads the data with its own association types and attributes, as its own
      // 'eligo run' would. When both declare the same, that is one load. A snapshot holds one
      // load: the new version's (the one being edited); the old version's other load is from the
      // CSV, rather than each writing the snapshot over the other's on every diff.
      Eligo.Bound afterData = Eligo.loadFor(after, data, Mode.STRICT, snapshot.file);
      SnapshotOption.tellUnused(afterData.snapshot(), err);
      Dataset newData = afterData.loaded().dataset();
      Dataset oldData = newData;
      if (!before.program().associationTypes().equals(after.program().associationTypes())
          || !before.program().attributes().equals(after.program().attributes())) {
        Eligo.Bound beforeData = Eligo.loadFor(before, data, Mode.STRICT, null);
        oldData = beforeData.loaded().dataset();
      }
      int m = Eligo.asOf(asOf, newData);
      Failures.warnAsOf(asOf, m, newData, after.program(), err);
      int threads = Runtime.getRuntime().availableProcessors();
      Map<String, String> from = Map.of();
      Map<String, String> to = Map.of();
      if (versions) {
        String refused = VersionPair.refused(after.program(), area, version, against);
        if (refused != null) {
          err.println("eligo: " + refused);
          return ExitCodes.USAGE;
        }
        from = VersionPair.labels(after.program(), area, version, against, version);
        to = VersionPair.labels(after.program(), area, version, against, against);
      }
      x = Eligo.evaluate(before, engine, oldData, m, threads, Evaluation.Progress.NONE, from);
      y = Eligo.evaluate(after, engine, newData, m, threads, Evaluation.Progress.NONE, to);
    } catch (EngineFailure f) {
      return Failures.report(f, spec);
    }
    Impact impact =
        versions
            ? Impact.compare(
                criteria + " version " + version,
                criteria + " version " + against,
                data.toString(),
                x,
                y)
            : Impact.compare(old, newCriteria.toString(), data.toString(), x, y);
    return report(impact);
  }

  /** Prints or writes {@code impact} in the {@link #format} asked for; the exit status. */
  int report(Impact impact) throws java.io.IOException {
    String report =
        switch (format) {
          case text -> ImpactReport.text(impact);
          case json -> ImpactReport.json(impact);
          case html -> ImpactReport.html(impact);
        };
    if (out == null) {
      spec.commandLine().getOut().print(report);
    } else {
      OutputFile.write(out, o -> o.write(report.getBytes(StandardCharsets.UTF_8)));
      spec.commandLine()
          .getOut()
          .println(ImpactReport.headline(impact) + " Report written to " + out);
    }
    return exitCode && !impact.nothingChanged() ? ExitCodes.CHANGED : ExitCodes.OK;
  }
}
