package eligo.data;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;

/**
 * One loaded dataset in a compact, read-only, index-based form. Everything is addressed by int
 * indexes; nothing here knows any solution area.
 *
 * <ul>
 *   <li>customers {@code 0 .. customerCount()-1}, in the order they were given: the loader gives
 *       them in the order of the results file (partner, then customer id, in code point order), so
 *       that a run reads its data front to back;
 *   <li>tenants of customer {@code c}: {@code tenantStart(c) .. tenantEnd(c)-1}, in file order;
 *   <li>workloads {@code 0 .. workloadCount()-1}, in the order of workloads.csv;
 *   <li>association types {@code 0 .. typeCount()-1}: the vocabulary given to the loader;
 *   <li>pairs: the (tenant, workload) pairs that have usage rows or associations. Pairs of tenant
 *       {@code t} are {@code pairStart(t) .. pairEnd(t)-1}, sorted by workload index;
 *   <li>usage rows of pair {@code p}: {@code rowStart(p) .. rowEnd(p)-1}, sorted by month;
 *   <li>associations of pair {@code p}: {@code assocStart(p) .. assocEnd(p)-1}, in file order.
 * </ul>
 *
 * Months are {@link Month} ints. Money measures are cents; count measures are plain counts.
 */
public final class Dataset {
  // customers
  final String[] partnerIds;
  final TextColumn customerIds;
  final TextColumn customerNames;
  final int[] customerTenantStart; // length customers + 1
  // tenants
  final TextColumn tenantIds;
  final TextColumn tenantNames;
  final int[] tenantPairStart; // length tenants + 1
  // workloads
  final String[] workloadNames;
  final String[] workloadFamilies;
  // association types
  final String[] typeNames;
  // pairs
  final int[] pairWorkload;
  final int[] pairRowStart; // length pairs
  final int[] pairRowEnd; // length pairs: a pair's rows are [start, end), months rising
  final int[] pairAssocStart; // length pairs + 1
  // usage rows
  // the usage rows' columns are buffers: over arrays of a load, or mapped from a snapshot file
  final IntBuffer rowMonth;
  // [Measure.ordinal()][row]: a measure whose values all fit an int may be held as ints, in
  // rowNarrow (then its rowMeasures entry is null); otherwise in rowMeasures (rowNarrow's is null)
  final LongBuffer[] rowMeasures;
  final IntBuffer[] rowNarrow;
  // the same columns' arrays when the buffers are over arrays (after a CSV load; null when mapped):
  // the row accessors read these directly. With C1 a heap buffer's get is a call of its own (more
  // than one buffer class is loaded, so it is not inlined), and the accessors that hold it were too
  // large to be inlined into the evaluators' loops
  private final int[] monthArray;
  private final long[][] measureArrays;
  private final int[][] narrowArrays;
  // a thread's copy of some of the rows when they are read in place (forOneThread); null in a
  // dataset shared by threads
  private final RowWindow window;
  // associations
  final int[] assocType;
  final int[] assocStartMonth;
  final int[] assocEndMonth; // Month.OPEN when open
  final int latestUsageMonth; // Month.NONE when usage.csv has no rows
  final int earliestUsageMonth; // Month.NONE when usage.csv has no rows
  final int usageMonthBeforeLatest; // Month.NONE when usage.csv has fewer than two months
  final int usageMonthAfterEarliest; // Month.NONE when usage.csv has fewer than two months
  // attributes: extra columns of customers.csv and tenants.csv
  final String[] customerColumns; // every extra column of customers.csv's header, in order
  final String[] customerAttrNames; // the extra columns held (the ones the criteria declare)
  final String[][] customerAttrValues; // [attribute][customer], as written
  final String[] tenantColumns;
  final String[] tenantAttrNames;
  final String[][] tenantAttrValues; // [attribute][tenant]

  /**
   * The file the usage rows' columns are read from in place (a snapshot mapped), checked before an
   * output made from them is kept: a file written over in place while it was read would give other
   * rows than those checked when it was opened.
   */
  public interface Backing {
    Backing NONE = () -> {};

    /**
     * @throws java.io.IOException saying what changed, when the file is no longer what was read
     */
    void check() throws java.io.IOException;

    /**
     * Reads the bytes of items {@code from} to {@code from + n - 1} of {@code column}, one of the
     * usage rows' columns read in place from this file, into {@code into} (from its start; its
     * limit set to their end), by a read of the file at their offset rather than through the
     * mapping. False when it cannot (a column of no file, a read that failed): the caller reads the
     * buffer.
     */
    default boolean readRows(java.nio.Buffer column, int from, int n, java.nio.ByteBuffer into) {
      return false;
    }
  }

  final Backing backing;

  /** The file this dataset's rows are read from in place, or {@link Backing#NONE}. */
  public Backing backing() {
    return backing;
  }

  /**
   * Throws, saying so, when the file this dataset's rows are read from in place has changed since
   * it was opened; does nothing for a dataset on the heap.
   */
  public void checkBacking() throws java.io.IOException {
    backing.check();
  }

  Dataset(DatasetBuilder b) {
    this.backing = b.backing;
    this.window = null;
    this.partnerIds = b.partnerIds;
    this.customerIds = b.customerIds;
    this.customerNames = b.customerNames;
    this.customerTenantStart = b.customerTenantStart;
    this.tenantIds = b.tenantIds;
    this.tenantNames = b.tenantNames;
    this.tenantPairStart = b.tenantPairStart;
    this.workloadNames = b.workloadNames;
    this.workloadFamilies = b.workloadFamilies;
    this.typeNames = b.typeNames;
    this.pairWorkload = b.pairWorkload;
    this.pairRowStart = b.pairRowStart;
    this.pairRowEnd = b.pairRowEnd;
    this.pairAssocStart = b.pairAssocStart;
    this.rowMonth = b.rowMonth;
    this.rowMeasures = b.rowMeasures;
    this.rowNarrow = b.rowNarrow;
    this.monthArray = arrayOf(rowMonth);
    this.measureArrays = new long[rowMeasures.length][];
    this.narrowArrays = new int[rowNarrow.length][];
    for (int k = 0; k < rowMeasures.length; k++) {
      measureArrays[k] = arrayOf(rowMeasures[k]);
      narrowArrays[k] = arrayOf(rowNarrow[k]);
    }
    this.assocType = b.assocType;
    this.assocStartMonth = b.assocStartMonth;
    this.assocEndMonth = b.assocEndMonth;
    this.customerColumns = b.customerColumns;
    this.customerAttrNames = b.customerAttrNames;
    this.customerAttrValues = b.customerAttrValues;
    this.tenantColumns = b.tenantColumns;
    this.tenantAttrNames = b.tenantAttrNames;
    this.tenantAttrValues = b.tenantAttrValues;
    UsageMonths months = b.usageMonths != null ? b.usageMonths : UsageMonths.of(rowMonth);
    this.latestUsageMonth = months.latest();
    this.usageMonthBeforeLatest = months.beforeLatest();
    this.usageMonthAfterEarliest = months.afterEarliest();
    this.earliestUsageMonth = months.earliest();
  }

  /**
   * A dataset of {@code d}'s columns (the same arrays and buffers) reading through {@code window}.
   */
  private Dataset(Dataset d, RowWindow window) {
    this.window = window;
    this.backing = d.backing;
    this.partnerIds = d.partnerIds;
    this.customerIds = d.customerIds;
    this.customerNames = d.customerNames;
    this.customerTenantStart = d.customerTenantStart;
    this.tenantIds = d.tenantIds;
    this.tenantNames = d.tenantNames;
    this.tenantPairStart = d.tenantPairStart;
    this.workloadNames = d.workloadNames;
    this.workloadFamilies = d.workloadFamilies;
    this.typeNames = d.typeNames;
    this.pairWorkload = d.pairWorkload;
    this.pairRowStart = d.pairRowStart;
    this.pairRowEnd = d.pairRowEnd;
    this.pairAssocStart = d.pairAssocStart;
    this.rowMonth = d.rowMonth;
    this.rowMeasures = d.rowMeasures;
    this.rowNarrow = d.rowNarrow;
    this.monthArray = d.monthArray;
    this.measureArrays = d.measureArrays;
    this.narrowArrays = d.narrowArrays;
    this.assocType = d.assocType;
    this.assocStartMonth = d.assocStartMonth;
    this.assocEndMonth = d.assocEndMonth;
    this.customerColumns = d.customerColumns;
    this.customerAttrNames = d.customerAttrNames;
    this.customerAttrValues = d.customerAttrValues;
    this.tenantColumns = d.tenantColumns;
    this.tenantAttrNames = d.tenantAttrNames;
    this.tenantAttrValues = d.tenantAttrValues;
    this.latestUsageMonth = d.latestUsageMonth;
    this.usageMonthBeforeLatest = d.usageMonthBeforeLatest;
    this.usageMonthAfterEarliest = d.usageMonthAfterEarliest;
    this.earliestUsageMonth = d.earliestUsageMonth;
  }

  /**
   * This dataset for one thread's evaluation of chunks of customers, which calls {@link
   * #holdRowsOf} before each: where the usage rows are read in place (a snapshot mapped), a dataset
   * of the same content with a {@link RowWindow} of its own, to be used by that thread only; else
   * this one.
   */
  public Dataset forOneThread() {
    if (monthArray != null) {
      return this;
    }
    return new Dataset(this, new RowWindow(rowNarrow.length));
  }

  /**
   * Copies the usage rows of customers {@code order[from]} to {@code order[to - 1]} into this
   * thread's window, for the reads that follow ({@link RowWindow}); does nothing for a dataset
   * without one. Reads of other rows are read in place, as before.
   */
  public void holdRowsOf(int[] order, int from, int to) {
    if (window != null) {
      window.hold(this, order, from, to);
    }
  }

  private static int[] arrayOf(IntBuffer b) {
    return b != null && b.hasArray() && b.arrayOffset() == 0 ? b.array() : null;
  }

  private static long[] arrayOf(LongBuffer b) {
    return b != null && b.hasArray() && b.arrayOffset() == 0 ? b.array() : null;
  }

  /** A builder of a dataset from its columns; see {@link DatasetBuilder}. */
  public static DatasetBuilder builder() {
    return new DatasetBuilder();
  }

  // ---- customers

  public int customerCount() {
    return customerIds.size();
  }

  public String partnerId(int c) {
    return partnerIds[c];
  }

  public String customerId(int c) {
    return customerIds.get(c);
  }

  public String customerName(int c) {
    return customerNames.get(c);
  }

  public int tenantStart(int c) {
    return customerTenantStart[c];
  }

  public int tenantEnd(int c) {
    return customerTenantStart[c + 1];
  }

  // ---- tenants

  public int tenantCount() {
    return tenantIds.size();
  }

  public String tenantId(int t) {
    return tenantIds.get(t);
  }

  public String tenantName(int t) {
    return tenantNames.get(t);
  }

  public int pairStart(int t) {
    return tenantPairStart[t];
  }

  public int pairEnd(int t) {
    return tenantPairStart[t + 1];
  }

  /** The pair of tenant {@code t} and workload {@code w}, or -1 when it has no rows. */
  public int pair(int t, int w) {
    int lo = tenantPairStart[t];
    int hi = tenantPairStart[t + 1] - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int v = pairWorkload[mid];
      if (v < w) {
        lo = mid + 1;
      } else if (v > w) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  // ---- workloads

  /**
   * Whether {@code other} holds this dataset's very catalogs (workloads, their families,
   * association types: the same arrays, as a {@link DatasetSlice} of it does), so that what was
   * worked out from the catalogs of one holds for the other.
   */
  public boolean sharesCatalogs(Dataset other) {
    return workloadNames == other.workloadNames
        && workloadFamilies == other.workloadFamilies
        && typeNames == other.typeNames;
  }

  public int workloadCount() {
    return workloadNames.length;
  }

  public String workloadName(int w) {
    return workloadNames[w];
  }

  public String workloadFamily(int w) {
    return workloadFamilies[w];
  }

  /** Index of the workload with this exact name, or -1. */
  public int workloadIndex(String name) {
    for (int i = 0; i < workloadNames.length; i++) {
      if (workloadNames[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  // ---- association types

  public int typeCount() {
    return typeNames.length;
  }

  public String typeName(int k) {
    return typeNames[k];
  }

  /** Index of the association type with this exact name, or -1. */
  public int typeIndex(String name) {
    for (int i = 0; i < typeNames.length; i++) {
      if (typeNames[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  public List<String> typeNames() {
    return List.of(typeNames);
  }

  // ---- pairs

  public int pairCount() {
    return pairWorkload.length;
  }

  public int pairWorkload(int p) {
    return pairWorkload[p];
  }

  public int rowStart(int p) {
    return pairRowStart[p];
  }

  public int rowEnd(int p) {
    return pairRowEnd[p];
  }

  public int assocStart(int p) {
    return pairAssocStart[p];
  }

  public int assocEnd(int p) {
    return pairAssocStart[p + 1];
  }

  // ---- usage rows

  public int rowCount() {
    return rowMonth.limit();
  }

  public int rowMonth(int r) {
    int[] months = monthArray;
    return months != null ? months[r] : monthOf(r);
  }

  // rowValue is kept under C1's inlining size (35 bytes of bytecode): an int column over an array
  // is read in the caller, every other column through rowValueOf
  public long rowValue(int r, Measure m) {
    int k = m.ordinal();
    int[] narrow = narrowArrays[k];
    return narrow != null ? narrow[r] : rowValueOf(r, k);
  }

  private long rowValueOf(int r, int k) {
    long[] wide = measureArrays[k];
    if (wide != null) {
      return wide[r];
    }
    RowWindow w = window;
    if (w != null) {
      int i = r - w.start;
      if (i >= 0 && i < w.length) {
        int[] n = w.narrow[k];
        return n != null ? n[i] : w.wide[k][i];
      }
    }
    IntBuffer narrow = rowNarrow[k];
    return narrow != null ? narrow.get(r) : rowMeasures[k].get(r);
  }

  /** The month of row {@code r} read in place: from this thread's window when it holds the row. */
  private int monthOf(int r) {
    RowWindow w = window;
    if (w != null) {
      int i = r - w.start;
      if (i >= 0 && i < w.length) {
        return w.month[i];
      }
    }
    return rowMonth.get(r);
  }

  /**
   * The measure of pair {@code p} in month {@code month}: cents for money, a count otherwise; 0
   * when the pair has no row for that month, or when {@code p} is -1.
   */
  public long measure(int p, Measure m, int month) {
    if (p < 0) {
      return 0;
    }
    int r = row(p, month);
    return r < 0 ? 0 : rowValue(r, m);
  }

  /** The usage row of pair {@code p} for {@code month}, or -1. */
  public int row(int p, int month) {
    int lo = pairRowStart[p];
    int hi = pairRowEnd[p] - 1;
    int[] months = monthArray;
    if (months == null) {
      return rowMapped(lo, hi + 1, month);
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int v = months[mid];
      if (v < month) {
        lo = mid + 1;
      } else if (v > month) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }

  /** {@link #row} of rows {@code from} to {@code to - 1} read in place. */
  private int rowMapped(int from, int to, int month) {
    int r = firstRowMapped(from, to, month);
    return r < to && monthOf(r) == month ? r : -1;
  }

  /**
   * The first usage row of pair {@code p} in month {@code month} or later; {@link #rowEnd(int)
   * rowEnd(p)} when there is none. With {@code rowEnd} it walks a pair's rows of a month range in
   * month order without a lookup per month.
   */
  public int firstRow(int p, int month) {
    int lo = pairRowStart[p];
    int hi = pairRowEnd[p];
    int[] months = monthArray;
    if (months == null) {
      return firstRowMapped(lo, hi, month);
    }
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (months[mid] < month) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** {@link #firstRow} of rows {@code from} to {@code to - 1} read in place. */
  private int firstRowMapped(int from, int to, int month) {
    RowWindow w = window;
    if (w != null && w.holds(from, to)) {
      int[] months = w.month;
      int lo = from - w.start;
      int hi = to - w.start;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (months[mid] < month) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo + w.start;
    }
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (rowMonth.get(mid) < month) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ---- associations

  public int assocType(int a) {
    return assocType[a];
  }

  public int assocStartMonth(int a) {
    return assocStartMonth[a];
  }

  /** Last active month, or {@link Month#OPEN}. */
  public int assocEndMonth(int a) {
    return assocEndMonth[a];
  }

  /**
   * Whether pair {@code p} has an association whose type is in {@code types} (indexed by type)
   * active in {@code month}. False when {@code p} is -1.
   */
  public boolean active(int p, boolean[] types, int month) {
    if (p < 0) {
      return false;
    }
    for (int a = pairAssocStart[p], end = pairAssocStart[p + 1]; a < end; a++) {
      if (types[assocType[a]] && assocStartMonth[a] <= month && month <= assocEndMonth[a]) {
        return true;
      }
    }
    return false;
  }

  /** Whether pair {@code p} has an association of type {@code type} active in {@code month}. */
  public boolean activeType(int p, int type, int month) {
    if (p < 0) {
      return false;
    }
    for (int a = pairAssocStart[p], end = pairAssocStart[p + 1]; a < end; a++) {
      if (assocType[a] == type && assocStartMonth[a] <= month && month <= assocEndMonth[a]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether pair {@code p} has an association whose type is in {@code types} active in some month
   * of {@code from .. to}: the same as {@link #active} for some month of the range, without a look
   * per month. False when {@code p} is -1 or the range is empty.
   */
  public boolean activeDuring(int p, boolean[] types, int from, int to) {
    if (p < 0 || from > to) {
      return false;
    }
    for (int a = pairAssocStart[p], end = pairAssocStart[p + 1]; a < end; a++) {
      if (types[assocType[a]] && assocStartMonth[a] <= to && from <= assocEndMonth[a]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether pair {@code p} has an association of type {@code type} active in some month of {@code
   * from .. to}. False when {@code p} is -1 or the range is empty.
   */
  public boolean activeTypeDuring(int p, int type, int from, int to) {
    if (p < 0 || from > to) {
      return false;
    }
    for (int a = pairAssocStart[p], end = pairAssocStart[p + 1]; a < end; a++) {
      if (assocType[a] == type && assocStartMonth[a] <= to && from <= assocEndMonth[a]) {
        return true;
      }
    }
    return false;
  }

  /**
   * The earliest start month of pair {@code p}'s associations whose type is in {@code types}, ended
   * ones included; {@link Month#NONE} when there is none.
   */
  public int firstStart(int p, boolean[] types) {
    if (p < 0) {
      return Month.NONE;
    }
    int first = Month.NONE;
    for (int a = pairAssocStart[p], end = pairAssocStart[p + 1]; a < end; a++) {
      if (types[assocType[a]] && (first == Month.NONE || assocStartMonth[a] < first)) {
        first = assocStartMonth[a];
      }
    }
    return first;
  }

  // ---- attributes: extra columns of customers.csv and tenants.csv

  /** Every extra column of customers.csv's header (beyond the required ones), in order. */
  public List<String> customerColumns() {
    return List.of(customerColumns);
  }

  /** Every extra column of tenants.csv's header (beyond the required ones), in order. */
  public List<String> tenantColumns() {
    return List.of(tenantColumns);
  }

  /** The customer attributes held (the extra columns asked for), in order. */
  public List<String> customerAttributes() {
    return List.of(customerAttrNames);
  }

  /** The tenant attributes held, in order. */
  public List<String> tenantAttributes() {
    return List.of(tenantAttrNames);
  }

  /**
   * The value of customer attribute {@code name} for customer {@code c}, as written; null when not
   * held.
   */
  public String customerAttribute(String name, int c) {
    int k = indexOf(customerAttrNames, name);
    return k < 0 ? null : customerAttrValues[k][c];
  }

  /**
   * The value of tenant attribute {@code name} for tenant {@code t}, as written; null when not
   * held.
   */
  public String tenantAttribute(String name, int t) {
    int k = indexOf(tenantAttrNames, name);
    return k < 0 ? null : tenantAttrValues[k][t];
  }

  /**
   * For each customer, whether its attribute {@code name} is one of {@code values} (compared
   * exactly, as written).
   *
   * @throws IllegalArgumentException when the attribute is not held
   */
  public boolean[] customerAttributeMask(String name, List<String> values) {
    return attributeMask(customerAttrNames, customerAttrValues, name, values, "customer");
  }

  /** For each tenant, whether its attribute {@code name} is one of {@code values}. */
  public boolean[] tenantAttributeMask(String name, List<String> values) {
    return attributeMask(tenantAttrNames, tenantAttrValues, name, values, "tenant");
  }

  private static boolean[] attributeMask(
      String[] names, String[][] columns, String name, List<String> values, String whose) {
    int k = indexOf(names, name);
    if (k < 0) {
      throw new IllegalArgumentException("the data hold no " + whose + " attribute '" + name + "'");
    }
    String[] column = columns[k];
    boolean[] mask = new boolean[column.length];
    java.util.Set<String> set = new java.util.HashSet<>(values);
    for (int i = 0; i < mask.length; i++) {
      mask[i] = set.contains(column[i]);
    }
    return mask;
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The latest month present in usage.csv, or {@link Month#NONE} when it has no rows. */
  public int latestUsageMonth() {
    return latestUsageMonth;
  }

  /**
   * The latest month present in usage.csv before {@link #latestUsageMonth()}, or {@link Month#NONE}
   * when it has fewer than two months.
   */
  public int usageMonthBeforeLatest() {
    return usageMonthBeforeLatest;
  }

  /**
   * The earliest month present in usage.csv after {@link #earliestUsageMonth()}, or {@link
   * Month#NONE} when it has fewer than two months.
   */
  public int usageMonthAfterEarliest() {
    return usageMonthAfterEarliest;
  }

  /** The earliest month present in usage.csv, or {@link Month#NONE} when it has no rows. */
  public int earliestUsageMonth() {
    return earliestUsageMonth;
  }

  /** The months at the ends of usage.csv, as a snapshot keeps them. */
  public UsageMonths usageMonths() {
    return new UsageMonths(
        latestUsageMonth, usageMonthBeforeLatest, usageMonthAfterEarliest, earliestUsageMonth);
  }

  /** Membership of each workload in a set given by names and families (helper for evaluators). */
  public boolean[] workloadMask(List<String> names, List<String> families) {
    boolean[] mask = new boolean[workloadNames.length];
    for (int w = 0; w < mask.length; w++) {
      mask[w] = names.contains(workloadNames[w]) || families.contains(workloadFamilies[w]);
    }
    return mask;
  }

  /** Membership of each association type in a set of type names. */
  public boolean[] typeMask(List<String> names) {
    boolean[] mask = new boolean[typeNames.length];
    for (int k = 0; k < mask.length; k++) {
      mask[k] = names.contains(typeNames[k]);
    }
    return mask;
  }

  @Override
  public String toString() {
    return "Dataset[customers="
        + customerIds.size()
        + ", tenants="
        + tenantIds.size()
        + ", workloads="
        + workloadNames.length
        + ", pairs="
        + pairWorkload.length
        + ", rows="
        + rowMonth.limit()
        + ", associations="
        + assocType.length
        + "]";
  }
}
