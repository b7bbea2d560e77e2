package eligo.data;

import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * Assembles a {@link Dataset} from its columns ({@link Dataset#builder()}), one call per part (all
 * are required). Arrays are taken as they are, not copied: the caller hands them over and must not
 * change them afterwards, so the big usage columns of a load exist only once. {@link #build()}
 * checks that the parts fit together (lengths and index bounds of the start arrays), not the order
 * of rows.
 */
public final class DatasetBuilder {
  String[] partnerIds;
  TextColumn customerIds;
  TextColumn customerNames;
  int[] customerTenantStart;
  TextColumn tenantIds;
  TextColumn tenantNames;
  int[] tenantPairStart;
  String[] workloadNames;
  String[] workloadFamilies;
  String[] typeNames;
  int[] pairWorkload;
  int[] pairRowStart;
  int[] pairRowEnd;
  int[] pairAssocStart;
  IntBuffer rowMonth;
  UsageMonths usageMonths; // null: found by a scan of rowMonth
  LongBuffer[] rowMeasures;
  IntBuffer[] rowNarrow;
  Dataset.Backing backing = Dataset.Backing.NONE;
  int[] assocType;
  int[] assocStartMonth;
  int[] assocEndMonth;
  String[] customerColumns = new String[0];
  String[] customerAttrNames = new String[0];
  String[][] customerAttrValues = new String[0][];
  String[] tenantColumns = new String[0];
  String[] tenantAttrNames = new String[0];
  String[][] tenantAttrValues = new String[0][];

  DatasetBuilder() {}

  /**
   * The extra columns of customers.csv ({@code columns}: every one its header has beyond the
   * required ones) and the values of those held ({@code names}, {@code values[k][customer]}, as
   * written; an empty cell is ""). Optional: none by default.
   */
  public DatasetBuilder customerAttributes(String[] columns, String[] names, String[][] values) {
    this.customerColumns = columns;
    this.customerAttrNames = names;
    this.customerAttrValues = values;
    return this;
  }

  /** The same for tenants.csv ({@code values[k][tenant]}, tenants in dataset order). */
  public DatasetBuilder tenantAttributes(String[] columns, String[] names, String[][] values) {
    this.tenantColumns = columns;
    this.tenantAttrNames = names;
    this.tenantAttrValues = values;
    return this;
  }

  /**
   * Customers {@code c}, in order, with their tenants {@code tenantStart[c] .. tenantStart[c + 1] -
   * 1} ({@code tenantStart} has one entry more than there are customers).
   */
  public DatasetBuilder customers(
      String[] partnerIds, String[] customerIds, String[] customerNames, int[] tenantStart) {
    return customers(partnerIds, customerIds, TextColumn.of(customerNames), tenantStart);
  }

  /** {@link #customers(String[], String[], String[], int[])} with the names as a column. */
  public DatasetBuilder customers(
      String[] partnerIds, String[] customerIds, TextColumn customerNames, int[] tenantStart) {
    return customers(partnerIds, TextColumn.of(customerIds), customerNames, tenantStart);
  }

  /**
   * {@link #customers(String[], String[], String[], int[])} with the ids and names as columns (a
   * snapshot's, read as their bytes: no string is made until one is asked for).
   */
  public DatasetBuilder customers(
      String[] partnerIds, TextColumn customerIds, TextColumn customerNames, int[] tenantStart) {
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
  public DatasetBuilder tenants(String[] tenantIds, String[] tenantNames, int[] pairStart) {
    return tenants(TextColumn.of(tenantIds), TextColumn.of(tenantNames), pairStart);
  }

  /** {@link #tenants(String[], String[], int[])} with the ids and names as columns. */
  public DatasetBuilder tenants(TextColumn tenantIds, TextColumn tenantNames, int[] pairStart) {
    this.tenantIds = tenantIds;
    this.tenantNames = tenantNames;
    this.tenantPairStart = pairStart;
    return this;
  }

  /** Workloads {@code w}, in order, and the family of each. */
  public DatasetBuilder workloads(String[] names, String[] families) {
    this.workloadNames = names;
    this.workloadFamilies = families;
    return this;
  }

  /** The association types, in order (the vocabulary given to the loader). */
  public DatasetBuilder types(String[] names) {
    this.typeNames = names;
    return this;
  }

  /**
   * The (tenant, workload) pairs, by tenant then rising workload: pair {@code p}'s usage rows are
   * {@code [rowStart[p], rowEnd[p])} in rising months (the pairs' rows need not follow each other),
   * its associations {@code assocStart[p] .. assocStart[p + 1] - 1}.
   */
  public DatasetBuilder pairs(int[] workload, int[] rowStart, int[] rowEnd, int[] assocStart) {
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
  public DatasetBuilder rows(int[] month, long[][] measures, int[][] narrowMeasures) {
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
   * {@link #rows(int[], long[][], int[][])} held in buffers, e.g. mapped from a file: read by index
   * from 0 to the limit, never changed.
   */
  public DatasetBuilder rows(IntBuffer month, LongBuffer[] measures, IntBuffer[] narrowMeasures) {
    this.rowMonth = month;
    this.rowMeasures = measures;
    this.rowNarrow = narrowMeasures;
    return this;
  }

  /**
   * The months at the ends of the rows, as a scan of them found before (a snapshot keeps them):
   * {@link #build()} then does not scan the rows' months again.
   */
  public DatasetBuilder usageMonths(UsageMonths months) {
    this.usageMonths = months;
    return this;
  }

  /** The file the row buffers are read from in place, checked before outputs made of them. */
  public DatasetBuilder backing(Dataset.Backing backing) {
    this.backing = backing;
    return this;
  }

  /** The associations: type index, start month, end month ({@link Month#OPEN} when open). */
  public DatasetBuilder associations(int[] type, int[] startMonth, int[] endMonth) {
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
    int customers = customerIds.size();
    require(
        partnerIds.length == customers && customerNames.size() == customers,
        "one partner and name per customer");
    int tenants = tenantIds.size();
    require(tenantNames.size() == tenants, "one name per tenant");
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
      if (start[i] > start[i + 1]) { // the message is made only when it is needed
        require(false, what + ": starts rise");
      }
    }
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("dataset parts do not fit: " + what);
    }
  }
}
