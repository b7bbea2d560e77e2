package eligo.data;

import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.List;

/**
 * One loaded dataset in a compact, read-only, index-based form. Everything is addressed by int
 * indexes; nothing here knows any solution area.
 *
 * <ul>
 *   <li>customers {@code 0 .. customerCount()-1}, in the order of customers.csv;
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
  final String[] customerIds;
  final String[] customerNames;
  final int[] customerTenantStart; // length customers + 1
  // tenants
  final String[] tenantIds;
  final String[] tenantNames;
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
  // associations
  final int[] assocType;
  final int[] assocStartMonth;
  final int[] assocEndMonth; // Month.OPEN when open
  final int latestUsageMonth; // Month.NONE when usage.csv has no rows
  // attributes: extra columns of customers.csv and tenants.csv
  final String[] customerColumns; // every extra column of customers.csv's header, in order
  final String[] customerAttrNames; // the extra columns held (the ones the criteria declare)
  final String[][] customerAttrValues; // [attribute][customer], as written
  final String[] tenantColumns;
  final String[] tenantAttrNames;
  final String[][] tenantAttrValues; // [attribute][tenant]

  private Dataset(Builder b) {
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
    this.assocType = b.assocType;
    this.assocStartMonth = b.assocStartMonth;
    this.assocEndMonth = b.assocEndMonth;
    this.customerColumns = b.customerColumns;
    this.customerAttrNames = b.customerAttrNames;
    this.customerAttrValues = b.customerAttrValues;
    this.tenantColumns = b.tenantColumns;
    this.tenantAttrNames = b.tenantAttrNames;
    this.tenantAttrValues = b.tenantAttrValues;
    int latest = Month.NONE;
    for (int r = 0, rows = rowMonth.limit(); r < rows; r++) {
      int m = rowMonth.get(r);
      if (m > latest) {
        latest = m;
      }
    }
    this.latestUsageMonth = latest;
  }

  /** A builder of a dataset from its columns; see {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Assembles a {@link Dataset} from its columns, one call per part (all are required). Arrays are
   * taken as they are, not copied: the caller hands them over and must not change them afterwards,
   * so the big usage columns of a load exist only once. {@link #build()} checks that the parts fit
   * together (lengths and index bounds of the start arrays), not the order of rows.
   */
  public static final class Builder {
    private String[] partnerIds;
    private String[] customerIds;
    private String[] customerNames;
    private int[] customerTenantStart;
    private String[] tenantIds;
    private String[] tenantNames;
    private int[] tenantPairStart;
    private String[] workloadNames;
    private String[] workloadFamilies;
    private String[] typeNames;
    private int[] pairWorkload;
    private int[] pairRowStart;
    private int[] pairRowEnd;
    private int[] pairAssocStart;
    private IntBuffer rowMonth;
    private LongBuffer[] rowMeasures;
    private IntBuffer[] rowNarrow;
    private int[] assocType;
    private int[] assocStartMonth;
    private int[] assocEndMonth;
    private String[] customerColumns = new String[0];
    private String[] customerAttrNames = new String[0];
    private String[][] customerAttrValues = new String[0][];
    private String[] tenantColumns = new String[0];
    private String[] tenantAttrNames = new String[0];
    private String[][] tenantAttrValues = new String[0][];

    private Builder() {}

    /**
     * The extra columns of customers.csv ({@code columns}: every one its header has beyond the
     * required ones) and the values of those held ({@code names}, {@code values[k][customer]}, as
     * written; an empty cell is ""). Optional: none by default.
     */
    public Builder customerAttributes(String[] columns, String[] names, String[][] values) {
      this.customerColumns = columns;
      this.customerAttrNames = names;
      this.customerAttrValues = values;
      return this;
    }

    /** The same for tenants.csv ({@code values[k][tenant]}, tenants in dataset order). */
    public Builder tenantAttributes(String[] columns, String[] names, String[][] values) {
      this.tenantColumns = columns;
      this.tenantAttrNames = names;
      this.tenantAttrValues = values;
      return this;
    }

    /**
     * Customers {@code c}, in order, with their tenants {@code tenantStart[c] .. tenantStart[c + 1]
     * - 1} ({@code tenantStart} has one entry more than there are customers).
     */
    public Builder customers(
        String[] partnerIds, String[] customerIds, String[] customerNames, int[] tenantStart) {
      this.partnerIds = partnerIds;
      this.customerIds = customerIds;
      this.customerNames = customerNames;
      this.customerTenantStart = tenantStart;
      return this;
    }

    /**
     * Tenants {@code t}, grouped by customer, with their pairs {@code pairStart[t] .. pairStart[t +
     * 1] - 1} ({@code pairStart} has one entry more than there are tenants).
     */
    public Builder tenants(String[] tenantIds, String[] tenantNames, int[] pairStart) {
      this.tenantIds = tenantIds;
      this.tenantNames = tenantNames;
      this.tenantPairStart = pairStart;
      return this;
    }

    /** Workloads {@code w}, in order, and the family of each. */
    public Builder workloads(String[] names, String[] families) {
      this.workloadNames = names;
      this.workloadFamilies = families;
      return this;
    }

    /** The association types, in order (the vocabulary given to the loader). */
    public Builder types(String[] names) {
      this.typeNames = names;
      return this;
    }

    /**
     * The (tenant, workload) pairs, by tenant then rising workload: pair {@code p}'s usage rows are
     * {@code [rowStart[p], rowEnd[p])} in rising months (the pairs' rows need not follow each
     * other), its associations {@code assocStart[p] .. assocStart[p + 1] - 1}.
     */
    public Builder pairs(int[] workload, int[] rowStart, int[] rowEnd, int[] assocStart) {
      this.pairWorkload = workload;
      this.pairRowStart = rowStart;
      this.pairRowEnd = rowEnd;
      this.pairAssocStart = assocStart;
      return this;
    }

    /**
     * The usage rows: month, and each measure ({@code [Measure.ordinal()][row]}) either as longs in
     * {@code measures} or, when all its values fit an int, as ints in {@code narrowMeasures} (the
     * other's entry null). {@code narrowMeasures} null: every measure is held as longs.
     */
    public Builder rows(int[] month, long[][] measures, int[][] narrowMeasures) {
      LongBuffer[] wide = new LongBuffer[measures.length];
      IntBuffer[] narrow = new IntBuffer[measures.length];
      for (int k = 0; k < measures.length; k++) {
        wide[k] = measures[k] == null ? null : LongBuffer.wrap(measures[k]);
        narrow[k] =
            narrowMeasures == null || narrowMeasures[k] == null
                ? null
                : IntBuffer.wrap(narrowMeasures[k]);
      }
      return rows(IntBuffer.wrap(month), wide, narrow);
    }

    /**
     * {@link #rows(int[], long[][], int[][])} held in buffers, e.g. mapped from a file: read by
     * index from 0 to the limit, never changed.
     */
    public Builder rows(IntBuffer month, LongBuffer[] measures, IntBuffer[] narrowMeasures) {
      this.rowMonth = month;
      this.rowMeasures = measures;
      this.rowNarrow = narrowMeasures;
      return this;
    }

    /** The associations: type index, start month, end month ({@link Month#OPEN} when open). */
    public Builder associations(int[] type, int[] startMonth, int[] endMonth) {
      this.assocType = type;
      this.assocStartMonth = startMonth;
      this.assocEndMonth = endMonth;
      return this;
    }

    /**
     * The dataset. Its latest usage month is the latest of the rows' months.
     *
     * @throws IllegalArgumentException when a part is missing or the parts do not fit together
     */
    public Dataset build() {
      require(
          partnerIds != null
              && tenantIds != null
              && workloadNames != null
              && typeNames != null
              && pairWorkload != null
              && rowMonth != null
              && assocType != null,
          "every part is given");
      int customers = customerIds.length;
      require(
          partnerIds.length == customers && customerNames.length == customers,
          "one partner and name per customer");
      int tenants = tenantIds.length;
      require(tenantNames.length == tenants, "one name per tenant");
      starts(customerTenantStart, customers, tenants, "customers' tenants");
      require(workloadFamilies.length == workloadNames.length, "one family per workload");
      int pairs = pairWorkload.length;
      starts(tenantPairStart, tenants, pairs, "tenants' pairs");
      require(pairRowStart.length == pairs && pairRowEnd.length == pairs, "a row range per pair");
      int associations = assocType.length;
      require(
          assocStartMonth.length == associations && assocEndMonth.length == associations,
          "a start and end month per association");
      starts(pairAssocStart, pairs, associations, "pairs' associations");
      require(
          customerAttrValues.length == customerAttrNames.length
              && tenantAttrValues.length == tenantAttrNames.length,
          "one column of values per attribute");
      for (String[] v : customerAttrValues) {
        require(v.length == customers, "an attribute value per customer");
      }
      for (String[] v : tenantAttrValues) {
        require(v.length == tenants, "an attribute value per tenant");
      }
      int rows = rowMonth.limit();
      int measures = Measure.values().length;
      require(rowMeasures.length == measures && rowNarrow.length == measures, "every measure");
      for (int k = 0; k < measures; k++) {
        if ((rowMeasures[k] == null) == (rowNarrow[k] == null)) {
          throw new IllegalArgumentException(
              "measure " + k + " must be held once, as longs or as ints");
        }
        int length = rowMeasures[k] != null ? rowMeasures[k].limit() : rowNarrow[k].limit();
        require(length == rows, "a value of each measure per row");
      }
      return new Dataset(this);
    }

    /** Checks a start array: {@code n + 1} entries, rising from 0 to {@code total}. */
    private static void starts(int[] start, int n, int total, String what) {
      require(
          start.length == n + 1 && start[0] == 0 && start[n] == total,
          what + ": " + (n + 1) + " starts from 0 to " + total);
      for (int i = 0; i < n; i++) {
        require(start[i] <= start[i + 1], what + ": starts rise");
      }
    }

    private static void require(boolean ok, String what) {
      if (!ok) {
        throw new IllegalArgumentException("dataset parts do not fit: " + what);
      }
    }
  }

  // ---- customers

  public int customerCount() {
    return customerIds.length;
  }

  public String partnerId(int c) {
    return partnerIds[c];
  }

  public String customerId(int c) {
    return customerIds[c];
  }

  public String customerName(int c) {
    return customerNames[c];
  }

  public int tenantStart(int c) {
    return customerTenantStart[c];
  }

  public int tenantEnd(int c) {
    return customerTenantStart[c + 1];
  }

  // ---- tenants

  public int tenantCount() {
    return tenantIds.length;
  }

  public String tenantId(int t) {
    return tenantIds[t];
  }

  public String tenantName(int t) {
    return tenantNames[t];
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
    return rowMonth.get(r);
  }

  public long rowValue(int r, Measure m) {
    int k = m.ordinal();
    IntBuffer narrow = rowNarrow[k];
    return narrow != null ? narrow.get(r) : rowMeasures[k].get(r);
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
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int v = rowMonth.get(mid);
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

  /**
   * The first usage row of pair {@code p} in month {@code month} or later; {@link #rowEnd(int)
   * rowEnd(p)} when there is none. With {@code rowEnd} it walks a pair's rows of a month range in
   * month order without a lookup per month.
   */
  public int firstRow(int p, int month) {
    int lo = pairRowStart[p];
    int hi = pairRowEnd[p];
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
        + customerIds.length
        + ", tenants="
        + tenantIds.length
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
