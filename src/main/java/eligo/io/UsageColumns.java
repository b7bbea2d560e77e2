package eligo.io;

import eligo.data.Measure;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The usage rows of one load in primitive columns, one array per column. They are sized up front
 * from an estimate of the file's lines, with room to spare ({@link ChunkPlan#estimate}): in the
 * usual case they become the {@link eligo.data.Dataset}'s arrays as they are (each run's rows where
 * the file had them), so the big arrays exist only once. Package-private: a loading aid.
 */
final class UsageColumns {
  static final Measure[] MEASURES = Measure.values();

  /** Usage rows are addressed by int. */
  static final int MAX_ROWS = Integer.MAX_VALUE - 16;

  /** The rows held (those whose keys resolve). */
  int count;

  int[] tenant = new int[0];
  int[] workload = new int[0];
  int[] month = new int[0];

  /** The file line of each row, negated when the row has another error. */
  int[] line = new int[0];

  long[][] measures = new long[MEASURES.length][0];

  /**
   * The measures as ints, when read by {@link PlainUsageReader}: a measure is held either here or
   * in {@link #measures} (the other's entry is null).
   */
  int[][] narrow = new int[MEASURES.length][];

  /**
   * The capacity of the columns made ahead by {@link #prepareNarrow} and not yet taken by {@link
   * #allocateNarrow}; -1 when none.
   */
  private int prepared = -1;

  int minMonth = Integer.MAX_VALUE;
  int maxMonth = Integer.MIN_VALUE;

  /**
   * Sizes the months and measures (as ints) for {@code capacity} rows, for {@link
   * PlainUsageReader}; on every core when {@code everyCore}, else on this thread (made ahead of the
   * reading, {@link #prepareNarrow}). Columns of that size made ahead and not yet used are kept.
   */
  void allocateNarrow(int capacity, boolean everyCore) {
    if (prepared == capacity && month.length == capacity) {
      prepared = -1;
      return;
    }
    // The arrays are made on every core: the first touch of fresh memory is where a large load
    // spent its time here (the kernel zeroes each page on a virtual machine's dear faults). On one
    // thread, a million customers' six columns of 1.4 GB took 3 s with one core idle.
    int[][] made = new int[MEASURES.length + 1][];
    IntStream range = IntStream.range(0, made.length);
    (everyCore ? range.parallel() : range).forEach(k -> made[k] = new int[capacity]);
    month = made[MEASURES.length];
    for (int k = 0; k < MEASURES.length; k++) {
      narrow[k] = made[k];
      measures[k] = null;
    }
  }

  /**
   * Makes the columns of {@link #allocateNarrow} for {@code capacity} rows ahead of the reading, on
   * this thread: the loader does it on a core that would otherwise wait while customers.csv and
   * tenants.csv are read on the other, so that the first touch of their memory (above) is not on
   * the reading's path. The loader's thread takes them after this thread is done (a happens-before
   * edge, such as joining its task).
   */
  void prepareNarrow(int capacity) {
    allocateNarrow(capacity, false);
    prepared = capacity;
  }

  /**
   * Sizes the columns the general reader fills for {@code capacity} rows (they grow if more come):
   * months, measures as longs, tenants, workloads and lines.
   */
  void allocateGeneral(int capacity) {
    // columns made ahead for a plain reading (the file turned out not to be plain) are let go of
    // first, so that the collector can take them back for these
    letGoOfNarrow();
    month = new int[capacity];
    for (int k = 0; k < MEASURES.length; k++) {
      measures[k] = new long[capacity];
    }
    tenant = new int[capacity];
    workload = new int[capacity];
    line = new int[capacity];
  }

  /**
   * Lets go of the columns {@link PlainUsageReader} filled before the general reader reads the file
   * again. A full collection now lets the general reader's columns take the same memory instead of
   * adding to the peak.
   */
  void drop() {
    letGoOfNarrow();
    Arrays.fill(measures, null);
    System.gc();
  }

  /** Lets go of the months and the measures as ints, made ahead or filled. */
  private void letGoOfNarrow() {
    prepared = -1;
    month = new int[0];
    Arrays.fill(narrow, null);
  }

  /**
   * Adds a row of the general reader: its keys, its file line ({@code good} false: the row has
   * another error) and its measures. False when the rows reached {@link #MAX_ROWS}.
   */
  boolean add(int t, int w, int m, int fileLine, boolean good, long[] values) {
    if (count == tenant.length && !grow()) {
      return false;
    }
    int i = count++;
    tenant[i] = t;
    workload[i] = w;
    month[i] = m;
    line[i] = good ? fileLine : -fileLine;
    for (int k = 0; k < MEASURES.length; k++) {
      measures[k][i] = values[k];
    }
    if (m < minMonth) {
      minMonth = m;
    }
    if (m > maxMonth) {
      maxMonth = m;
    }
    return true;
  }

  /** Makes room for more rows than estimated; false when the limit is reached. */
  private boolean grow() {
    int capacity = tenant.length;
    if (capacity >= MAX_ROWS) {
      return false;
    }
    int more = (int) Math.min(MAX_ROWS, Math.max(16L, capacity + (capacity >> 1)));
    tenant = Arrays.copyOf(tenant, more);
    workload = Arrays.copyOf(workload, more);
    month = Arrays.copyOf(month, more);
    line = Arrays.copyOf(line, more);
    for (int k = 0; k < MEASURES.length; k++) {
      measures[k] = Arrays.copyOf(measures[k], more);
    }
    return true;
  }
}
