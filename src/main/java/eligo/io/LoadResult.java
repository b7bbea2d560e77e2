package eligo.io;

import eligo.data.Dataset;
import java.util.List;
import java.util.Map;

/**
 * What {@link DatasetLoader#load} gives back.
 *
 * @param dataset the loaded data (in lenient mode: the good rows only)
 * @param rejects the rejected rows, in file order then line order (empty in strict mode)
 * @param counts rows read / used / rejected per file, in the order of {@link DatasetLoader#FILES}
 * @param readInParallel the files that were plain enough to be read on every core (the others were
 *     read on one, with the checks that word each error)
 * @param typesInData the association type texts of associations.csv when it was read with the row
 *     checks (always so when one is undeclared); empty when it was read in parallel
 */
public record LoadResult(
    Dataset dataset,
    List<DataError> rejects,
    List<FileCounts> counts,
    List<String> readInParallel,
    Map<String, TypeUse> typesInData) {

  public LoadResult {
    rejects = List.copyOf(rejects);
    counts = List.copyOf(counts);
    readInParallel = List.copyOf(readInParallel);
    typesInData = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(typesInData));
  }

  /**
   * An association type text of associations.csv: how many rows use it, the first of their lines,
   * and whether the criteria declare it.
   */
  public record TypeUse(long rows, long firstLine, boolean declared) {}

  /** Rows of one file: {@code read == used + rejected}. Header and blank lines are not rows. */
  public record FileCounts(String file, long read, long used, long rejected) {}

  /** The counts of one file, e.g. {@code counts("usage.csv")}. */
  public FileCounts counts(String file) {
    for (FileCounts c : counts) {
      if (c.file().equals(file)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no such dataset file: " + file);
  }

  /** Rejected rows over all files. */
  public long rejectedCount() {
    return rejects.size();
  }
}
