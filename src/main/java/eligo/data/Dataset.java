package eligo.data;

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
  final int[] rowMonth;
  // [Measure.ordinal()][row]: a measure whose values all fit an int may be held as ints, in
  // rowNarrow (then its rowMeasures entry is null); otherwise in rowMeasures (rowNarrow's is null)
  final long[][] rowMeasures;
  final int[][] rowNarrow;
  // associations
  final int[] assocType;
  final int[] assocStartMonth;
  final int[] assocEndMonth; // Month.OPEN when open
  final int latestUsageMonth; // Month.NONE when usage.csv has no rows

  /**
   * Arrays are taken as they are (not copied): the builder hands them over. The rows of pair
   * {@code p} are {@code [pairRowStart[p], pairRowEnd[p])}, in rising months; the pairs' rows need
   * not follow each other. Each measure's values are in either {@code rowMeasures} or, when they
   * all fit an int, {@code rowNarrowMeasures} (the other's entry is null).
   */
  public Dataset(
      String[] partnerIds,
      String[] customerIds,
      String[] customerNames,
      int[] customerTenantStart,
      String[] tenantIds,
      String[] tenantNames,
      int[] tenantPairStart,
      String[] workloadNames,
      String[] workloadFamilies,
      String[] typeNames,
      int[] pairWorkload,
      int[] pairRowStart,
      int[] pairRowEnd,
      int[] pairAssocStart,
      int[] rowMonth,
      long[][] rowMeasures,
      int[][] rowNarrowMeasures,
      int[] assocType,
      int[] assocStartMonth,
      int[] assocEndMonth,
      int latestUsageMonth) {
    this.partnerIds = partnerIds;
    this.customerIds = customerIds;
    this.customerNames = customerNames;
    this.customerTenantStart = customerTenantStart;
    this.tenantIds = tenantIds;
    this.tenantNames = tenantNames;
    this.tenantPairStart = tenantPairStart;
    this.workloadNames = workloadNames;
    this.workloadFamilies = workloadFamilies;
    this.typeNames = typeNames;
    this.pairWorkload = pairWorkload;
    this.pairRowStart = pairRowStart;
    this.pairRowEnd = pairRowEnd;
    this.pairAssocStart = pairAssocStart;
    this.rowMonth = rowMonth;
    this.rowMeasures = rowMeasures;
    this.rowNarrow = rowNarrowMeasures;
    for (int k = 0; k < rowMeasures.length; k++) {
      if ((rowMeasures[k] == null) == (rowNarrowMeasures[k] == null)) {
        throw new IllegalArgumentException("measure " + k + " must be held once, as longs or as ints");
      }
    }
    this.assocType = assocType;
    this.assocStartMonth = assocStartMonth;
    this.assocEndMonth = assocEndMonth;
    this.latestUsageMonth = latestUsageMonth;
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
    return rowMonth.length;
  }

  public int rowMonth(int r) {
    return rowMonth[r];
  }

  public long rowValue(int r, Measure m) {
    int k = m.ordinal();
    int[] narrow = rowNarrow[k];
    return narrow != null ? narrow[r] : rowMeasures[k][r];
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
      int v = rowMonth[mid];
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
   * rowEnd(p)} when there is none. With {@code rowEnd} it walks a pair's rows of a month range
   * in month order without a lookup per month.
   */
  public int firstRow(int p, int month) {
    int lo = pairRowStart[p];
    int hi = pairRowEnd[p];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (rowMonth[mid] < month) {
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
   * of {@code from .. to}: the same as {@link #active} for some month of the range, without a
   * look per month. False when {@code p} is -1 or the range is empty.
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
   * The earliest start month of pair {@code p}'s associations whose type is in {@code types},
   * ended ones included; {@link Month#NONE} when there is none.
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
    return "Dataset[customers=" + customerIds.length + ", tenants=" + tenantIds.length
        + ", workloads=" + workloadNames.length + ", pairs="
        + pairWorkload.length + ", rows=" + rowMonth.length + ", associations="
        + assocType.length + "]";
  }
}
