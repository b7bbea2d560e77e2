package eligo.engine;

import eligo.check.Frontend;
import eligo.io.DataException;
import eligo.io.DataFingerprint;
import eligo.io.DatasetLoader;
import eligo.io.LoadResult;
import eligo.io.Mode;
import eligo.ir.Ir;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Eligo#start}: the criteria checked while the data start loading, the evaluators compiled
 * while the rest loads.
 */
final class Startup {
  private Startup() {}

  /** The outcome of checking the criteria on another thread: a compilation or a failure. */
  private record Checked(Frontend.Compilation compilation, CriteriaFailure failure) {
    Frontend.Compilation orThrow() throws CriteriaFailure {
      if (failure != null) {
        throw failure;
      }
      return compilation;
    }
  }

  /** Ends loading when the criteria have errors. */
  private static final class CriteriaFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CriteriaFailed() {
      super(null, null, false, false);
    }
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
  static Started start(
      Path criteria, Path data, Mode mode, Engine engine, Stages stages, Path snapshot)
      throws CriteriaFailure, DataFailure {
    engine.prepare(criteria);
    CompletableFuture<Checked> checking =
        CompletableFuture.supplyAsync(
            () ->
                stages.timed(
                    "criteria checked meanwhile",
                    () -> {
                      try {
                        return new Checked(Eligo.compileCriteria(criteria), null);
                      } catch (CriteriaFailure f) {
                        return new Checked(null, f);
                      }
                    }));
    // Java generation and compilation of the evaluators (one core) runs while the rest loads
    java.util.concurrent.atomic.AtomicReference<Engine.Compiled> early =
        new java.util.concurrent.atomic.AtomicReference<>();
    CompletableFuture<String> javacStarted = new CompletableFuture<>();
    CompletableFuture<Engine.Compiled> compiling =
        checking.thenApplyAsync(
            c -> {
              if (c.failure() != null) {
                return null;
              }
              Engine.Compiled compiled =
                  stages.timed(
                      "evaluators compiled meanwhile",
                      () -> engine.compile(c.compilation(), javacStarted::complete));
              synchronized (early) {
                stages.note(
                    (early.get() == null ? "evaluators ready " : "compiled evaluators loaded ")
                        + ManagementFactory.getRuntimeMXBean().getUptime()
                        + " ms after JVM start");
              }
              return compiled;
            });
    if (!Files.isDirectory(data)) {
      checking.join().orThrow();
      throw DataFailure.notAFolder(data);
    }
    if (snapshot != null) {
      CompletableFuture<String> files = CompletableFuture.supplyAsync(() -> Snapshot.files(data));
      // the snapshot is read while the criteria are checked; their association types and
      // attributes, part of its key, are compared once it is read
      Snapshot.Loaded got;
      try {
        got =
            Snapshot.load(
                snapshot,
                DataFingerprint.statsOf(data),
                files::join,
                () -> checkedTypes(checking),
                () -> checkedAttributes(checking),
                mode,
                types -> csv(data, () -> types, mode, checking),
                stages,
                false);
      } catch (CriteriaFailed e) {
        throw checking.join().failure();
      }
      Frontend.Compilation checked = checking.join().orThrow();
      return new Started(
          checked,
          got.loaded(),
          Eligo.bindToData(checked, got.loaded()),
          compiling,
          got.snapshot(),
          engine,
          stages,
          early,
          javacStarted);
    }
    LoadResult loaded = csv(data, () -> checkedTypes(checking), mode, checking);
    Frontend.Compilation checked = checking.join().orThrow();
    return new Started(
        checked,
        loaded,
        Eligo.bindToData(checked, loaded),
        compiling,
        null,
        engine,
        stages,
        early,
        javacStarted);
  }

  /** The association types of the criteria, once checked; ends the load when they have errors. */
  private static List<String> checkedTypes(CompletableFuture<Checked> checking) {
    Checked checked = checking.join();
    if (checked.failure() != null) {
      throw new CriteriaFailed();
    }
    return checked.compilation().program().associationTypes();
  }

  /**
   * The attributes the criteria declare, once checked (asked for only when customers.csv or
   * tenants.csv has extra columns); ends the load when the criteria have errors.
   */
  private static List<Ir.Attribute> checkedAttributes(CompletableFuture<Checked> checking) {
    Checked checked = checking.join();
    if (checked.failure() != null) {
      throw new CriteriaFailed();
    }
    return checked.compilation().program().attributes();
  }

  /** Loads the CSV files of {@code data}, with the failures of {@link #start}. */
  private static LoadResult csv(
      Path data,
      java.util.function.Supplier<List<String>> types,
      Mode mode,
      CompletableFuture<Checked> checking)
      throws CriteriaFailure, DataFailure {
    try {
      return DatasetLoader.load(data, types, () -> checkedAttributes(checking), mode);
    } catch (CriteriaFailed e) {
      throw checking.join().failure();
    } catch (DataException e) {
      Frontend.Compilation checked = checking.join().orThrow();
      // a type the criteria misspelt shows in the data as rows of a type nobody declares
      CriteriaAgainstData.bind(checked, null, e.typesInData());
      throw DataFailure.badData(data, e);
    }
  }
}
