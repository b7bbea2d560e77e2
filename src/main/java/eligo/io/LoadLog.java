package eligo.io;

import static eligo.io.DatasetLoader.FILES;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The errors and row counts of one load, per file (indexed as {@link DatasetLoader#FILES}), and
 * which files cannot be trusted to hold every id. Package-private: a loading aid.
 */
final class LoadLog {
  static final int CUSTOMERS = 0;
  static final int TENANTS = 1;
  static final int WORKLOADS = 2;
  static final int ASSOCIATIONS = 3;
  static final int USAGE = 4;

  final List<DataError> errors = new ArrayList<>();

  /** Whether a file-level error was found: the load fails in either mode. */
  boolean fatal;

  /** Files whose reading stopped at a file-level error. */
  final boolean[] broken = new boolean[FILES.size()];

  /** Files whose ids are not all known (broken, or rows skipped for a broken reference). */
  final boolean[] unsure = new boolean[FILES.size()];

  final long[] read = new long[FILES.size()];
  final long[] rejected = new long[FILES.size()];

  /**
   * The association type texts of the rows of associations.csv that the row checks read: per text,
   * the rows that use it, the first of their lines and whether the criteria declare it. Complete
   * whenever a type is undeclared, since such a row sends the file to the row checks.
   */
  private final Map<String, long[]> typeRows = new HashMap<>();

  /**
   * Notes a row of associations.csv at {@code line} of type {@code text}: no allocation per row.
   */
  void typeUsed(String text, long line, boolean declared) {
    long[] use = typeRows.get(text);
    if (use == null) {
      use = new long[] {0, line, declared ? 1 : 0};
      typeRows.put(text, use);
    }
    use[0]++;
    use[1] = Math.min(use[1], line);
  }

  /** The type texts noted, with their rows, first lines and whether declared. */
  Map<String, LoadResult.TypeUse> typesInData() {
    Map<String, LoadResult.TypeUse> out = new TreeMap<>();
    typeRows.forEach((text, u) -> out.put(text, new LoadResult.TypeUse(u[0], u[1], u[2] == 1)));
    return out;
  }

  /** Records a file-level error; always returns false. */
  boolean fileError(int file, long line, String message) {
    errors.add(new DataError(FILES.get(file), line, message, ""));
    broken[file] = true;
    unsure[file] = true;
    fatal = true;
    return false;
  }

  /** Records a rejected row of {@code file}. */
  void reject(int file, long line, String message, String raw) {
    errors.add(new DataError(FILES.get(file), line, message, raw));
    rejected[file]++;
  }

  /** Puts the errors in file order, then line order. */
  void sort() {
    errors.sort(
        Comparator.comparingInt((DataError e) -> FILES.indexOf(e.file()))
            .thenComparingLong(DataError::line));
  }

  /** Rows read / used / rejected per file. */
  List<LoadResult.FileCounts> counts() {
    List<LoadResult.FileCounts> counts = new ArrayList<>();
    for (int f = 0; f < FILES.size(); f++) {
      counts.add(
          new LoadResult.FileCounts(FILES.get(f), read[f], read[f] - rejected[f], rejected[f]));
    }
    return counts;
  }
}
