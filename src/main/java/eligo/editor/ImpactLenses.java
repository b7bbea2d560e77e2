package eligo.editor;

import eligo.check.Frontend;
import eligo.data.NodeResults;
import eligo.engine.CriteriaFailure;
import eligo.engine.DataFailure;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.Evaluation;
import eligo.engine.EvaluationFailure;
import eligo.engine.Outcome;
import eligo.io.DataFingerprint;
import eligo.io.LoadResult;
import eligo.io.Mode;
import eligo.ir.Ir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the criteria of a file do to the dataset the editor was given ({@code eligo lsp --data
 * DIR}): above each area, how many customers were evaluated as of which month, and above each node,
 * how many customers meet it, do not, or are not evaluated (a gate before it was not met); above a
 * node with a partner-level goal, how many partners meet the goal. An editor shows them as code
 * lenses, so a program manager sees the impact of an edit where they make it.
 *
 * <p>The criteria are evaluated as they are in the editor (open documents included) by the
 * reference interpreter, which needs no compiler. The dataset is loaded once and kept while its
 * content is the same (its files' sizes, modification times and bytes; {@link DataFingerprint}),
 * and only when it is small enough to evaluate on every edit: at most {@value #MAX_BYTES} bytes of
 * CSV and {@value #MAX_CUSTOMERS} customers. Otherwise, or when the data or an evaluation fails,
 * one lens above each area says why there are no counts; criteria with errors have no lenses (the
 * errors are the diagnostics').
 */
public final class ImpactLenses {
  /** The most customers evaluated on every edit. */
  static final int MAX_CUSTOMERS = 5_000;

  /** The most bytes of CSV loaded for lenses. */
  static final long MAX_BYTES = 64L << 20;

  /** A lens: its 1-based line and its words. */
  public record Lens(int line, String title) {}

  /** The dataset last loaded, with the fingerprint it was loaded for, or a failure to load it. */
  private record Loaded(String fingerprint, LoadResult result, String failure) {}

  private Loaded loaded;

  /**
   * The lenses of the criteria file {@code file} of {@code workspace} on the dataset folder {@code
   * data} (none when {@code data} is null, the file is not a criteria file, or its folder's
   * criteria have errors), in line order.
   */
  public synchronized List<Lens> of(Workspace workspace, Path file, Path data) {
    if (data == null || !Workspace.isCriteria(file)) {
      return List.of();
    }
    Path folder = Workspace.normal(file).getParent();
    Frontend.Compilation c = Frontend.compile(workspace.criteriaTexts(folder));
    if (!c.ok() || c.diagnostics().stream().anyMatch(d -> d.isError())) {
      return List.of();
    }
    String name = file.getFileName().toString(); // as the IR names where a node was written
    List<Ir.Area> areas =
        c.program().areas().stream().filter(a -> a.origin().file().equals(name)).toList();
    if (areas.isEmpty()) {
      return List.of();
    }
    Loaded dataset = load(c, data);
    String why = dataset.failure();
    Evaluated evaluated = null;
    if (why == null) {
      try {
        evaluated = evaluate(c, dataset);
      } catch (DataFailure | CriteriaFailure | EvaluationFailure e) {
        why = oneLine(e.getMessage());
      }
    }
    String on = "Impact on " + data.getFileName() + ": ";
    List<Item> items = new ArrayList<>();
    for (Ir.Area a : areas) {
      Outcome.AreaOutcome ao = evaluated == null ? null : evaluated.outcome().area(a.id());
      if (ao == null || ao.area.origin().line() != a.origin().line()) {
        // not evaluated, or another version of the area is in force at the data's month
        String because =
            why != null
                ? why
                : "another version of this area is in force as of "
                    + eligo.data.Month.format(evaluated.asOf());
        items.add(new Item(a.origin().line(), null, null, on + because));
        continue;
      }
      Outcome outcome = evaluated.outcome();
      items.add(
          new Item(
              a.origin().line(),
              null,
              null,
              on
                  + count(outcome.data.customerCount(), "customer")
                  + " as of "
                  + eligo.data.Month.format(evaluated.asOf())));
      int[][] counts = ao.statusCounts();
      for (int i = 0; i < ao.nodes.size(); i++) {
        Ir.Node n = ao.nodes.get(i);
        if (n.origin().file().equals(name)) {
          items.add(new Item(n.origin().line(), a.id(), n.id(), statuses(counts[i])));
        }
      }
      for (int r = 0; r < ao.partnerNodes.size(); r++) {
        Ir.Node n = ao.partnerNodes.get(r);
        int met = 0;
        for (int p = 0; p < outcome.partners.size(); p++) {
          met += ao.partnerMet(p, r) ? 1 : 0;
        }
        if (n.origin().file().equals(name)) {
          items.add(
              new Item(
                  n.origin().line(),
                  a.id(),
                  n.id(),
                  "partner-level goal met by "
                      + met
                      + " of "
                      + count(outcome.partners.size(), "partner")));
        }
      }
    }
    return lenses(items);
  }

  /** A lens before it is named: of node {@code node} of area {@code area}, or of an area (null). */
  private record Item(int line, String area, String node, String title) {}

  /**
   * The lenses of {@code items} in line order. Where one line has the lenses of several nodes (a
   * template's node in each area that uses it, a node and its leaves written on one line), each
   * says which: the area's id where areas differ, the node's id where nodes do.
   */
  private static List<Lens> lenses(List<Item> items) {
    Map<Integer, List<Item>> byLine = new TreeMap<>();
    for (Item i : items) {
      byLine.computeIfAbsent(i.line(), k -> new ArrayList<>()).add(i);
    }
    List<Lens> out = new ArrayList<>();
    byLine.forEach(
        (line, here) -> {
          long areas = here.stream().map(Item::area).distinct().count();
          long nodes = here.stream().map(Item::node).distinct().count();
          for (Item i : here) {
            String who =
                i.node() == null
                    ? ""
                    : (areas > 1 ? i.area() + " " : "") + (nodes > 1 ? i.node() : "");
            out.add(new Lens(line, who.isBlank() ? i.title() : who.strip() + ": " + i.title()));
          }
        });
    return List.copyOf(out);
  }

  /** The outcome of criteria on a dataset, and its as-of month. */
  private record Evaluated(String key, int asOf, Outcome outcome) {}

  private Evaluated last;

  /**
   * The outcome of {@code c} on the loaded dataset, evaluated again only when the criteria's
   * content or the data changed (a lens request that follows no edit costs nothing).
   */
  private Evaluated evaluate(Frontend.Compilation c, Loaded data)
      throws DataFailure, CriteriaFailure, EvaluationFailure {
    String key = c.contentHash() + "\n" + data.fingerprint();
    if (last != null && last.key().equals(key)) {
      return last;
    }
    int asOf = Eligo.asOf(null, data.result().dataset());
    Outcome outcome =
        Eligo.evaluate(
            c, Engine.interpret, data.result().dataset(), asOf, 1, Evaluation.Progress.NONE);
    last = new Evaluated(key, asOf, outcome);
    return last;
  }

  /**
   * A message on one line (a lens is one line): its lines trimmed and joined, at most 300 chars.
   */
  static String oneLine(String message) {
    if (message == null) {
      return "failed";
    }
    StringBuilder out = new StringBuilder();
    for (String line : message.split("\\R")) {
      String t = line.strip();
      if (!t.isEmpty()) {
        out.append(out.length() == 0 ? "" : " ").append(t);
      }
    }
    return out.length() <= 300 ? out.toString() : out.substring(0, 299) + "…";
  }

  /** "3 met · 1 not met · 2 not evaluated", without the statuses no customer has. */
  static String statuses(int[] counts) {
    List<String> parts = new ArrayList<>();
    parts.add(counts[NodeResults.MET] + " met");
    parts.add(counts[NodeResults.NOT_MET] + " not met");
    if (counts[NodeResults.NOT_EVALUATED] > 0) {
      parts.add(counts[NodeResults.NOT_EVALUATED] + " not evaluated");
    }
    return String.join(" · ", parts);
  }

  private static String count(long n, String noun) {
    return String.format(Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
  }

  /** The dataset of {@code dir} for {@code c}, loaded again only when its content changed. */
  private Loaded load(Frontend.Compilation c, Path dir) {
    long bytes;
    String fingerprint;
    try (Stream<Path> files = Files.list(dir)) {
      bytes = 0;
      for (Path f : files.toList()) {
        bytes += Files.isRegularFile(f) ? Files.size(f) : 0;
      }
      if (bytes > MAX_BYTES) {
        return new Loaded(
            null,
            null,
            "not shown: its files are "
                + (bytes >> 20)
                + " MB, more than the editor evaluates on every edit ("
                + (MAX_BYTES >> 20)
                + " MB); eligo serve shows the impact on it");
      }
      fingerprint =
          DataFingerprint.of(
              DataFingerprint.ofFiles(dir),
              c.program().associationTypes(),
              c.program().attributes(),
              Mode.STRICT);
    } catch (IOException | RuntimeException e) {
      return new Loaded(null, null, "not shown: the data folder cannot be read");
    }
    if (loaded != null && fingerprint.equals(loaded.fingerprint())) {
      return loaded;
    }
    Loaded now;
    try {
      LoadResult r = Eligo.loadFor(c, dir, Mode.STRICT).loaded();
      int customers = r.dataset().customerCount();
      now =
          customers > MAX_CUSTOMERS
              ? new Loaded(
                  fingerprint,
                  null,
                  "not shown: "
                      + count(customers, "customer")
                      + ", more than the editor evaluates on every edit ("
                      + String.format(Locale.ROOT, "%,d", MAX_CUSTOMERS)
                      + "); eligo serve shows the impact on them")
              : new Loaded(fingerprint, r, null);
    } catch (DataFailure | CriteriaFailure e) {
      now = new Loaded(fingerprint, null, "not shown: " + oneLine(e.getMessage()));
    }
    loaded = now;
    return now;
  }
}
