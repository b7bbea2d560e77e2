package eligo.serve;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.data.DatasetSlice;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.Evaluation;
import eligo.engine.EvaluationFailure;
import eligo.engine.Outcome;
import eligo.io.LoadResult;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The criteria as saved, evaluated on the loaded data: the whole run for staff, and each partner's
 * run, made from that partner's slice of the data only ({@link DatasetSlice}) and kept once made. A
 * partner's views are built from its own run, so they cannot hold another partner's customers.
 * Immutable but for that cache; a save makes a new snapshot.
 */
final class Snapshot {
  final long generation;

  /** Every criteria and case file of the folder, by name, in name order (the workbench's list). */
  final Map<String, String> files;

  final Frontend.Compilation compilation;
  final LoadResult loaded;
  final Engine.Compiled evaluators;
  final Outcome outcome;
  private final Set<String> partnerIds;
  private final Map<String, Outcome> partners = new ConcurrentHashMap<>();

  Snapshot(
      long generation,
      Map<String, String> files,
      Frontend.Compilation compilation,
      LoadResult loaded,
      Engine.Compiled evaluators,
      Outcome outcome) {
    this.generation = generation;
    this.files = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(files));
    this.compilation = compilation;
    this.loaded = loaded;
    this.evaluators = evaluators;
    this.outcome = outcome;
    this.partnerIds = new HashSet<>(outcome.partners);
  }

  Dataset data() {
    return outcome.data;
  }

  boolean hasPartner(String p) {
    return partnerIds.contains(p);
  }

  /** The criteria files' texts by name, what the compiler reads. */
  Map<String, String> criteriaTexts() {
    return criteriaOf(files);
  }

  static Map<String, String> criteriaOf(Map<String, String> files) {
    Map<String, String> out = new LinkedHashMap<>();
    files.entrySet().stream()
        .filter(e -> CriteriaFolder.isCriteria(e.getKey()))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /**
   * Partner {@code p}'s run: its slice of the data evaluated at the whole run's month (exactly its
   * rows of the whole run); null when the data have no customer of {@code p}.
   */
  Outcome partner(String p) {
    if (!hasPartner(p)) {
      return null;
    }
    return partners.computeIfAbsent(
        p,
        k -> {
          try {
            return Eligo.evaluate(
                compilation.program(),
                evaluators,
                DatasetSlice.ofPartner(outcome.data, k),
                outcome.asOf,
                1,
                Evaluation.Progress.NONE);
          } catch (EvaluationFailure | eligo.engine.CriteriaFailure f) {
            throw new IllegalStateException("the whole run evaluated this partner", f);
          }
        });
  }
}
