package eligo.serve;

import eligo.check.Frontend;
import eligo.codegen.Evaluators;
import eligo.engine.CriteriaFailure;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.EngineFailure;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.LoadResult;
import eligo.io.Mode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the server serves: the criteria folder and the data, loaded once and kept in memory as a
 * {@link Snapshot} of the saved criteria, and the criteria as edited in the workbench evaluated
 * against the same data. An edit recompiles only the areas whose generated source changed (the
 * evaluator cache of {@link Evaluators}) and evaluates only the areas whose IR changed ({@link
 * Eligo#reevaluate}); when it changes the association types, the data are loaded again for it.
 */
final class Served {
  final CriteriaFolder folder;
  final Path data;
  private final int threads = Runtime.getRuntime().availableProcessors();
  private volatile Snapshot current;

  /** The last edited criteria evaluated, and their run. */
  private record Evaluated(Map<String, String> texts, Outcome outcome) {}

  private Evaluated lastEdit;

  /** The snapshot file of the data ({@code --snapshot}), or null. */
  private final Path snapshot;

  /** How the data were loaded through {@link #snapshot}, or null without one. */
  eligo.engine.Snapshot loadedFrom;

  /**
   * Why the as-of month (the data's latest) looks like a slip, or null ({@link Eligo#asOfWarning}).
   */
  String asOfWarning;

  private Served(CriteriaFolder folder, Path data, Path snapshot) {
    this.folder = folder;
    this.data = data;
    this.snapshot = snapshot;
  }

  /**
   * Reads the criteria, loads the data (strictly) and evaluates every customer at the latest month
   * of the data.
   */
  static Served load(Path criteria, Path data, Path snapshot) throws EngineFailure, IOException {
    Served s = new Served(new CriteriaFolder(criteria), data, snapshot);
    Map<String, String> files = s.folder.read();
    Eligo.compileCriteria(criteria); // errors at their place in the folder, as the CLI says them
    Frontend.Compilation c = Frontend.compile(Snapshot.criteriaOf(files));
    Eligo.requireNoErrors(c);
    Eligo.Bound bound = Eligo.loadFor(c, data, Mode.STRICT, snapshot, true);
    s.loadedFrom = bound.snapshot();
    int m = Eligo.asOf(null, bound.loaded().dataset());
    s.asOfWarning = Eligo.asOfWarning(null, m, bound.loaded().dataset(), c.program());
    Engine.Compiled evaluators = Engine.generated.compile(c);
    Outcome o =
        Eligo.evaluate(
            c.program(),
            evaluators,
            bound.loaded().dataset(),
            m,
            s.threads,
            Evaluation.Progress.NONE);
    s.current = new Snapshot(0, files, c, bound.loaded(), evaluators, o);
    s.warmUp(c);
    return s;
  }

  /**
   * Compiles the saved criteria in memory in the background, so that the first edit compiles only
   * the area it changed, with a warm compiler.
   */
  private void warmUp(Frontend.Compilation c) {
    Thread t =
        new Thread(
            () -> {
              try {
                Evaluators.compile(c.program(), Engine.GENERATED_PACKAGE);
              } catch (RuntimeException e) {
                // only a warm-up: an edit compiles what it needs and reports any problem
              }
            },
            "eligo-serve-warm-up");
    t.setDaemon(true);
    t.start();
  }

  Snapshot current() {
    return current;
  }

  /**
   * The folder's files with {@code edits} in place of the saved texts.
   *
   * @throws HttpError 400 when an edit names a file the folder does not have
   */
  Map<String, String> withEdits(Map<String, String> edits) {
    Map<String, String> files = new TreeMap<>(current.files);
    for (Map.Entry<String, String> e : edits.entrySet()) {
      if (!files.containsKey(e.getKey())) {
        throw HttpError.badRequest("no file named '" + e.getKey() + "' in the criteria folder");
      }
      files.put(e.getKey(), e.getValue());
    }
    return files;
  }

  /** The criteria of {@code files} compiled (with any errors). */
  static Frontend.Compilation compile(Map<String, String> files) {
    return Frontend.compile(Snapshot.criteriaOf(files));
  }

  /**
   * The run of criteria without errors, {@code compiled} from {@code files}, on the loaded data at
   * the saved run's month.
   *
   * @throws CriteriaFailure when the criteria do not bind to the data
   */
  Outcome evaluate(Map<String, String> files, Frontend.Compilation compiled) throws EngineFailure {
    Snapshot s = current;
    Map<String, String> texts = Snapshot.criteriaOf(files);
    synchronized (this) {
      if (lastEdit != null
          && lastEdit.texts().equals(texts)
          && lastEdit.outcome().data == s.outcome.data) {
        return lastEdit.outcome();
      }
    }
    Outcome o = evaluate(s, compiled);
    synchronized (this) {
      lastEdit = new Evaluated(texts, o);
    }
    return o;
  }

  private Outcome evaluate(Snapshot s, Frontend.Compilation c) throws EngineFailure {
    List<String> types = c.program().associationTypes();
    if (types.equals(s.compilation.program().associationTypes())
        && c.program().attributes().equals(s.compilation.program().attributes())) {
      Eligo.bindToData(c, s.loaded);
      return Eligo.reevaluate(s.outcome, c.program(), Engine.generated.compile(c), threads);
    }
    LoadResult loaded = Eligo.loadFor(c, data, Mode.STRICT).loaded();
    return Eligo.evaluate(
        c.program(),
        Engine.generated.compile(c),
        loaded.dataset(),
        s.outcome.asOf,
        threads,
        Evaluation.Progress.NONE);
  }

  /** A save refused: someone saved the file since it was opened. */
  static final class Conflict extends Exception {
    private static final long serialVersionUID = 1L;
    final String version;

    Conflict(String version) {
      super(null, null, false, false);
      this.version = version;
    }
  }

  /**
   * Saves one file when its saved version is still {@code openedVersion} and, for a criteria file,
   * the criteria with it compile and bind to the data; then the saved criteria are evaluated again
   * (only the areas that changed). One save at a time.
   *
   * @return the file's new version
   * @throws Conflict when the file was saved by someone else since {@code openedVersion}
   * @throws CriteriaFailure when the criteria with the new text have errors
   * @throws Workbench.Invalid when a case file's new text has errors (a case that fails is saved)
   */
  synchronized String save(String name, String text, String openedVersion)
      throws Conflict, EngineFailure, IOException, Workbench.Invalid {
    Snapshot s = current;
    String saved = s.files.get(name);
    if (saved == null) {
      throw HttpError.notFound();
    }
    String now = CriteriaFolder.version(saved);
    if (!now.equals(openedVersion)) {
      throw new Conflict(now);
    }
    Map<String, String> files = withEdits(Map.of(name, text));
    Snapshot next;
    if (CriteriaFolder.isCriteria(name)) {
      Frontend.Compilation c = compile(files);
      Eligo.requireNoErrors(c);
      LoadResult loaded = s.loaded;
      Outcome o;
      Engine.Compiled evaluators = Engine.generated.compile(c);
      if (c.program().associationTypes().equals(s.compilation.program().associationTypes())) {
        Eligo.bindToData(c, s.loaded);
        o = Eligo.reevaluate(s.outcome, c.program(), evaluators, threads);
      } else {
        loaded = Eligo.loadFor(c, data, Mode.STRICT, snapshot, true).loaded();
        o =
            Eligo.evaluate(
                c.program(),
                evaluators,
                loaded.dataset(),
                s.outcome.asOf,
                threads,
                Evaluation.Progress.NONE);
      }
      next = new Snapshot(s.generation + 1, files, c, loaded, evaluators, o);
    } else {
      List<eligo.editor.Problem> problems =
          eligo.editor.Problems.ofCases(new eligo.lang.SourceFile(name, text));
      if (problems.stream().anyMatch(p -> p.severity() == eligo.editor.Problem.Severity.ERROR)) {
        throw new Workbench.Invalid("the edited case file has errors", Workbench.json(problems));
      }
      next =
          new Snapshot(s.generation + 1, files, s.compilation, s.loaded, s.evaluators, s.outcome);
    }
    folder.write(name, text);
    current = next;
    return CriteriaFolder.version(text);
  }
}
