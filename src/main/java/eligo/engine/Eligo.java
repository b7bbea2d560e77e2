package eligo.engine;

import eligo.check.DataBinding;
import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.data.Month;
import eligo.io.DataException;
import eligo.io.DataFingerprint;
import eligo.io.DatasetLoader;
import eligo.io.LoadResult;
import eligo.io.Mode;
import eligo.io.WorkloadCatalog;
import eligo.ir.Ir;
import eligo.lang.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The engine in a few calls, for every front door (the command line, the Maven goal, the case
 * runner, and any later one): compile the criteria, load the data, choose the as-of month,
 * evaluate. Each step gives its result or throws a typed {@link EngineFailure} that says where the
 * problem is; nothing here prints or exits.
 *
 * <p>{@link #start} does the first two at once, as {@code eligo run} wants them: the criteria are
 * checked while the data start loading, and the evaluators are compiled while the rest loads.
 */
public final class Eligo {
  private Eligo() {}

  // ---------------------------------------------------------------- criteria

  /**
   * Why {@code dir} is no {@code what} folder: it does not exist, or it is a file (then its folder
   * is the one to give: a folder's files are read together).
   */
  static String notAFolder(String what, Path dir) {
    if (Files.isRegularFile(dir)) {
      Path holder = dir.getParent() != null ? dir.getParent() : Path.of(".");
      return what
          + " folder '"
          + dir
          + "' is a file: give the folder that holds it ('"
          + holder
          + "'), whose files are read together";
    }
    return what + " folder '" + dir + "' does not exist or is not a folder";
  }

  /**
   * Compiles every {@code *.criteria} file of {@code dir}. The compilation may have errors (see
   * {@link Frontend.Compilation#ok()}): a caller that shows warnings too reads them there.
   *
   * @throws CriteriaFailure when {@code dir} is not a folder, cannot be read, or has no {@code
   *     *.criteria} files (with no diagnostics)
   */
  public static Frontend.Compilation readCriteria(Path dir) throws CriteriaFailure {
    if (!Files.isDirectory(dir)) {
      throw CriteriaFailure.folder(dir, notAFolder("criteria", dir), null);
    }
    Frontend.Compilation c;
    try {
      c = Frontend.compileFolder(dir);
    } catch (IOException e) {
      throw CriteriaFailure.folder(
          dir, "cannot read criteria folder '" + dir + "': " + e.getMessage(), e);
    }
    if (c.sources().isEmpty() && c.diagnostics().isEmpty()) { // (a file that is not text is)
      throw CriteriaFailure.folder(
          dir, "criteria folder '" + dir + "' has no *.criteria files", null);
    }
    return c;
  }

  /**
   * Compiles every {@code *.criteria} file of {@code dir}: a compilation without errors (warnings
   * are in its diagnostics).
   *
   * @throws CriteriaFailure as {@link #readCriteria}, and when the criteria have errors (with every
   *     diagnostic, located)
   */
  public static Frontend.Compilation compileCriteria(Path dir) throws CriteriaFailure {
    Frontend.Compilation c = readCriteria(dir);
    requireNoErrors(c);
    return c;
  }

  /**
   * Returns when none of {@code compilations} has errors; else throws a failure with the
   * diagnostics of all of them, in the order given (versions compared with each other fail
   * together).
   */
  public static void requireNoErrors(Frontend.Compilation... compilations) throws CriteriaFailure {
    if (!Arrays.stream(compilations).allMatch(Frontend.Compilation::ok)) {
      throw CriteriaFailure.errors(List.of(compilations));
    }
  }

  // ---------------------------------------------------------------- data

  /**
   * Loads the dataset folder {@code dir} with the association types of the criteria.
   *
   * @throws DataFailure when {@code dir} is not a folder, or the files have errors (in {@link
   *     Mode#LENIENT} mode: only errors that stop the load, bad rows are rejects)
   */
  public static LoadResult loadData(Path dir, List<String> associationTypes, Mode mode)
      throws DataFailure {
    return loadData(dir, associationTypes, List.of(), mode);
  }

  /**
   * {@link #loadData(Path, List, Mode)}, reading the extra columns of customers.csv and tenants.csv
   * that {@code attributes} declare.
   */
  public static LoadResult loadData(
      Path dir, List<String> associationTypes, List<Ir.Attribute> attributes, Mode mode)
      throws DataFailure {
    if (!Files.isDirectory(dir)) {
      throw DataFailure.notAFolder(dir);
    }
    try {
      return DatasetLoader.load(dir, () -> associationTypes, () -> attributes, mode);
    } catch (DataException e) {
      throw DataFailure.badData(dir, e);
    }
  }

  /** The partner ids of a dataset, in code point order (the order of the results file). */
  public static List<String> partners(Dataset data) {
    return Evaluation.partners(data);
  }

  /**
   * The as-of month: {@code given} when not null, else the latest month of the dataset's usage.
   *
   * @throws DataFailure when none was given and usage.csv has no rows
   */
  public static int asOf(Integer given, Dataset data) throws DataFailure {
    int m = given != null ? given : data.latestUsageMonth();
    if (m == Month.NONE) {
      throw DataFailure.noAsOfMonth();
    }
    return m;
  }

  /**
   * Why the as-of month is likely a slip, or null. Given by hand ({@code given} not null): it lies
   * after the latest month of usage.csv or before its earliest, so the data hold no usage for month
   * M and every measure of M counts nothing (a run then says 'not met' of customers that meet the
   * criteria in the data). Taken from the data: the latest month is more than twelve months after
   * the month before it with usage, as when one row's year is mistyped (2062-09 for 2026-09).
   */
  public static String asOfWarning(Integer given, int asOf, Dataset data) {
    return AsOfWarnings.asOfWarning(given, asOf, data);
  }

  /**
   * {@link #asOfWarning(Integer, int, Dataset)} from the months of usage alone, for a runner that
   * holds no {@link Dataset} (Spark): the {@code earliest} and {@code latest} months with usage,
   * {@code afterEarliest}, the earliest after {@code earliest}, and {@code beforeLatest}, the
   * latest before {@code latest} ({@link Month#NONE} when there is none; {@code latest} NONE: usage
   * has no rows, said when the as-of month was given).
   */
  public static String asOfWarning(
      Integer given, int asOf, int earliest, int afterEarliest, int beforeLatest, int latest) {
    return AsOfWarnings.asOfWarning(given, asOf, earliest, afterEarliest, beforeLatest, latest);
  }

  /**
   * {@link #asOfWarning(Integer, int, Dataset)}, or else, for an as-of month given by hand, why the
   * criteria likely read months the data do not hold ({@link #lookBackWarning}), or null.
   */
  public static String asOfWarning(Integer given, int asOf, Dataset data, Ir.Program program) {
    return AsOfWarnings.asOfWarning(given, asOf, data, program);
  }

  /**
   * {@link #asOfWarning(Integer, int, int, int, int, int)}, or else, for an as-of month given by
   * hand, {@link #lookBackWarning}, or null.
   */
  public static String asOfWarning(
      Integer given,
      int asOf,
      int earliest,
      int afterEarliest,
      int beforeLatest,
      int latest,
      Ir.Program program) {
    return AsOfWarnings.asOfWarning(
        given, asOf, earliest, afterEarliest, beforeLatest, latest, program);
  }

  /**
   * Why the nodes of {@code program} (the versions in force at {@code asOf}) that read usage of
   * months before {@code earliest}, the earliest month in usage.csv, likely give quietly wrong
   * outcomes, or null when none does ({@link AsOfWarnings#lookBackWarning}).
   */
  public static String lookBackWarning(Ir.Program program, int asOf, int earliest) {
    return AsOfWarnings.lookBackWarning(program, asOf, earliest);
  }

  // ---------------------------------------------------------------- criteria against the data

  /**
   * Holds the names the criteria take from the data (workloads, families, association type texts)
   * against the loaded data ({@link DataBinding}): a likely slip is an error at its criteria line,
   * and so is an association type of the data that no criteria declares.
   *
   * @return the warnings: names far from every name of the data, which rules count nothing for
   * @throws CriteriaFailure with the errors (and warnings), when there is an error
   */
  public static List<Diagnostic> bindToData(Frontend.Compilation criteria, LoadResult loaded)
      throws CriteriaFailure {
    return CriteriaAgainstData.bindToData(criteria, loaded);
  }

  /**
   * Holds the workload and family names of {@code criteria} against a workload catalog alone (a
   * {@code workloads.csv}, {@link WorkloadCatalog}), as {@link #bindToData} holds them against a
   * whole dataset: for the Maven goal, which has no dataset.
   *
   * @return the warnings (names the catalog lacks)
   * @throws CriteriaFailure with the errors (and warnings), when there is an error
   * @throws DataFailure when the catalog cannot be read or has bad rows
   */
  public static List<Diagnostic> bindToCatalog(Frontend.Compilation criteria, Path workloadsCsv)
      throws CriteriaFailure, DataFailure {
    return CriteriaAgainstData.bindToCatalog(criteria, workloadsCsv);
  }

  /**
   * {@link #bindToCatalog}, against the workloads already read ({@code families}: each workload's
   * family, in file order): for a runner that reads {@code workloads.csv} itself (Spark).
   *
   * @return the warnings (names the workloads lack)
   * @throws CriteriaFailure with the errors (and warnings), when there is an error
   */
  public static List<Diagnostic> bindToWorkloads(
      Frontend.Compilation criteria, Map<String, String> families) throws CriteriaFailure {
    return CriteriaAgainstData.bind(criteria, families, Map.of());
  }

  /**
   * The warnings of criteria held against data, in words: how many of the criteria's workload and
   * family names the dataset lacks ({@code n}, at least 1), and what follows from it.
   */
  public static String namesNotInData(int n) {
    return (n == 1 ? "1 workload or family name" : n + " workload and family names")
        + " of the criteria "
        + (n == 1 ? "is" : "are")
        + " not in this dataset's workloads.csv, so rules count nothing for "
        + (n == 1 ? "it" : "them")
        + " here";
  }

  /**
   * Refuses criteria that declare attributes of customers or tenants, for a runner that cannot read
   * them ({@code runner}, e.g. "the Spark runner"): one error at each declaration, never a run that
   * silently reads no attribute.
   *
   * @throws CriteriaFailure when the criteria declare an attribute
   */
  public static void requireNoAttributes(Frontend.Compilation criteria, String runner)
      throws CriteriaFailure {
    CriteriaAgainstData.requireNoAttributes(criteria, runner);
  }

  /** A dataset loaded for criteria, and the warnings of holding the criteria against it. */
  public record Bound(LoadResult loaded, List<Diagnostic> warnings, Snapshot snapshot) {}

  /**
   * Loads the dataset folder {@code dir} for {@code criteria} (with their association types) and
   * holds the criteria against it ({@link #bindToData}).
   *
   * @throws CriteriaFailure when the criteria do not bind to the data; this wins over errors in the
   *     data that the criteria explain (rows of a type the criteria misspelt)
   * @throws DataFailure as {@link #loadData}
   */
  public static Bound loadFor(Frontend.Compilation criteria, Path dir, Mode mode)
      throws CriteriaFailure, DataFailure {
    return loadFor(criteria, dir, mode, null);
  }

  /**
   * {@link #loadFor(Frontend.Compilation, Path, Mode)}, through the snapshot file {@code snapshot}
   * as {@link #start(Path, Path, Mode, Engine, Stages, Path)} does (null: none).
   */
  public static Bound loadFor(Frontend.Compilation criteria, Path dir, Mode mode, Path snapshot)
      throws CriteriaFailure, DataFailure {
    return loadFor(criteria, dir, mode, snapshot, false);
  }

  /**
   * {@link #loadFor(Frontend.Compilation, Path, Mode, Path)}, with the snapshot's usage rows read
   * onto the heap when {@code inMemory} (for a server, which keeps the data for hours), instead of
   * read in place from the file.
   */
  public static Bound loadFor(
      Frontend.Compilation criteria, Path dir, Mode mode, Path snapshot, boolean inMemory)
      throws CriteriaFailure, DataFailure {
    List<String> types = criteria.program().associationTypes();
    List<Ir.Attribute> attributes = criteria.program().attributes();
    Snapshot used = null;
    LoadResult loaded;
    try {
      if (snapshot != null && Files.isDirectory(dir)) {
        Snapshot.Loaded got =
            Snapshot.load(
                snapshot,
                DataFingerprint.statsOf(dir),
                CompletableFuture.supplyAsync(() -> Snapshot.files(dir))::join,
                () -> types,
                () -> attributes,
                mode,
                t -> loadData(dir, t, attributes, mode),
                Stages.NONE,
                inMemory);
        loaded = got.loaded();
        used = got.snapshot();
      } else {
        loaded = loadData(dir, types, attributes, mode);
      }
    } catch (DataFailure f) {
      if (f.getCause() instanceof DataException e) {
        // a misspelt type text explains the rows
        CriteriaAgainstData.bind(criteria, null, e.typesInData());
      }
      throw f;
    } catch (CriteriaFailure f) {
      throw new IllegalStateException("a load of CSV files does not fail on criteria", f);
    }
    return new Bound(loaded, bindToData(criteria, loaded), used);
  }

  // ---------------------------------------------------------------- evaluation

  /**
   * Evaluates every customer of {@code data} at month {@code asOf} with {@code evaluators} (made by
   * {@link Engine#compile} from {@code program}'s compilation), on up to {@code threads} threads.
   *
   * @throws EvaluationFailure naming the customer and area whose evaluation failed
   */
  public static Outcome evaluate(
      Ir.Program program,
      Engine.Compiled evaluators,
      Dataset data,
      int asOf,
      int threads,
      Evaluation.Progress progress)
      throws EvaluationFailure, CriteriaFailure {
    return evaluate(program, evaluators, data, asOf, threads, progress, Mode.STRICT);
  }

  /**
   * {@link #evaluate(Ir.Program, Engine.Compiled, Dataset, int, int, Evaluation.Progress)}; in
   * {@link Mode#LENIENT} mode a customer whose arithmetic overflows is left out and named in {@link
   * Outcome#rejected} (the outcome is of the other customers), as a bad row is left out of a
   * lenient load.
   *
   * @throws EvaluationFailure naming the customer and area whose evaluation failed (in lenient
   *     mode: only a partner total that overflows)
   */
  public static Outcome evaluate(
      Ir.Program program,
      Engine.Compiled evaluators,
      Dataset data,
      int asOf,
      int threads,
      Evaluation.Progress progress,
      Mode mode)
      throws EvaluationFailure, CriteriaFailure {
    Ir.Program chosen = inForce(program, asOf);
    try {
      return Evaluation.run(
          chosen, evaluators.factories(), data, asOf, threads, progress, mode == Mode.LENIENT);
    } catch (Evaluation.EvaluationException e) {
      throw new EvaluationFailure(e);
    }
  }

  /**
   * {@link #evaluate(Ir.Program, Engine.Compiled, Dataset, int, int, Evaluation.Progress)} writing
   * the results file {@code results} at once: its blocks are written while later customers are
   * still being evaluated (the evaluation goes in the file's order). A failure leaves the previous
   * file whole. Strict mode only: a lenient run knows which customers to leave out only at its end.
   * The outcome has the statuses and partner totals but no values: each is held only until it is
   * written (a million customers' values would be 0.4 GB), and reading one is an {@link
   * IllegalStateException}.
   *
   * @throws EvaluationFailure naming the customer and area whose evaluation failed
   * @throws IOException when the results file cannot be written
   */
  public static Outcome evaluateWriting(
      Ir.Program program,
      Engine.Compiled evaluators,
      Dataset data,
      int asOf,
      int threads,
      Evaluation.Progress progress,
      Path results)
      throws EvaluationFailure, CriteriaFailure, IOException {
    Ir.Program chosen = inForce(program, asOf);
    try {
      return Evaluation.runWriting(
          chosen,
          evaluators.factories(),
          data,
          asOf,
          threads,
          progress,
          results,
          CompactLongs.SEGMENT);
    } catch (Evaluation.EvaluationException e) {
      throw new EvaluationFailure(e);
    }
  }

  /**
   * {@link #evaluate(Ir.Program, Engine.Compiled, Dataset, int, int, Evaluation.Progress)} with the
   * evaluators {@code engine} makes of {@code criteria}.
   */
  public static Outcome evaluate(
      Frontend.Compilation criteria,
      Engine engine,
      Dataset data,
      int asOf,
      int threads,
      Evaluation.Progress progress)
      throws EvaluationFailure, CriteriaFailure {
    return evaluate(criteria.program(), engine.compile(criteria), data, asOf, threads, progress);
  }

  /**
   * {@link #evaluate(Frontend.Compilation, Engine, Dataset, int, int, Evaluation.Progress)} with,
   * for each area of {@code versions} (area id to version label), that version instead of the one
   * in force at {@code asOf}: what {@code eligo diff --version} compares on the same data.
   *
   * @throws CriteriaFailure when an area of {@code versions} has no version so labelled, or another
   *     area has no version in force at {@code asOf}
   */
  public static Outcome evaluate(
      Frontend.Compilation criteria,
      Engine engine,
      Dataset data,
      int asOf,
      int threads,
      Evaluation.Progress progress,
      Map<String, String> versions)
      throws EvaluationFailure, CriteriaFailure {
    Ir.Program chosen = inForce(criteria.program(), asOf, versions);
    try {
      return Evaluation.run(
          chosen, engine.compile(criteria).factories(), data, asOf, threads, progress, false);
    } catch (Evaluation.EvaluationException e) {
      throw new EvaluationFailure(e);
    }
  }

  // ---------------------------------------------------------------- versions

  /**
   * The program as it runs at month {@code asOf}: of each area the version in force then ({@link
   * Ir.Program#inForce}).
   *
   * @throws CriteriaFailure when an area has versions but none in force at {@code asOf} (the month
   *     is before its first version's): naming the area, the month and where its first version is
   *     written
   */
  public static Ir.Program inForce(Ir.Program program, int asOf) throws CriteriaFailure {
    return inForce(program, asOf, Map.of());
  }

  /**
   * {@link #inForce(Ir.Program, int)}, with for each area of {@code labels} (area id to version
   * label) the version so labelled, whatever its month.
   *
   * @throws CriteriaFailure as {@link #inForce(Ir.Program, int)}, and when an area of {@code
   *     labels} has no version so labelled
   */
  public static Ir.Program inForce(Ir.Program program, int asOf, Map<String, String> labels)
      throws CriteriaFailure {
    String missing = VersionsInForce.refusal(program, asOf, labels);
    if (missing != null) {
      throw CriteriaFailure.versions(missing);
    }
    return program.inForce(asOf, labels);
  }

  /**
   * Evaluates {@code program} on {@code base}'s data at {@code base}'s month, after an edit of the
   * criteria {@code base} was evaluated with: only the areas the edit changed are evaluated, the
   * others are {@code base}'s ({@link Evaluation#rerun}).
   *
   * @throws EvaluationFailure naming the customer and area whose evaluation failed
   */
  public static Outcome reevaluate(
      Outcome base, Ir.Program program, Engine.Compiled evaluators, int threads)
      throws EvaluationFailure, CriteriaFailure {
    Ir.Program chosen = inForce(program, base.asOf);
    try {
      return Evaluation.rerun(
          base, chosen, evaluators.factories(), threads, Evaluation.Progress.NONE);
    } catch (Evaluation.EvaluationException e) {
      throw new EvaluationFailure(e);
    }
  }

  // ---------------------------------------------------------------- compile and load at once

  /**
   * Compiles the criteria in {@code criteria} and loads the data in {@code data} at once: the
   * criteria are checked on another thread while the data start loading (the loader asks for their
   * association types only when it comes to associations.csv), then {@code engine}'s evaluators are
   * compiled on another thread while the rest loads. Errors in the criteria win: when the criteria
   * have errors, that is the failure, whatever the data hold.
   *
   * @param stages hears of the stages that run beside the load ("criteria checked meanwhile",
   *     "evaluators compiled meanwhile") and when the evaluators were ready
   * @throws CriteriaFailure as {@link #compileCriteria}, and when the criteria do not bind to the
   *     data ({@link #bindToData})
   * @throws DataFailure as {@link #loadData}, when the criteria have no errors
   */
  public static Started start(Path criteria, Path data, Mode mode, Engine engine, Stages stages)
      throws CriteriaFailure, DataFailure {
    return start(criteria, data, mode, engine, stages, null);
  }

  /**
   * {@link #start(Path, Path, Mode, Engine, Stages)}, with the data read from the snapshot file
   * {@code snapshot} when it holds a load of the same content (same files' sizes, modification
   * times and bytes, same association types and mode), else loaded from the CSV and written to
   * {@code snapshot} for the next run ({@link Started#snapshot()} says which). A stale, truncated
   * or damaged snapshot is never used: it is written again.
   *
   * @param snapshot the snapshot file, or null for none
   */
  public static Started start(
      Path criteria, Path data, Mode mode, Engine engine, Stages stages, Path snapshot)
      throws CriteriaFailure, DataFailure {
    return Startup.start(criteria, data, mode, engine, stages, snapshot);
  }
}
