package eligo.data;

/**
 * The columns of a {@link Dataset}, as they are held: for file formats that store a loaded dataset
 * whole (a snapshot) and read it back. The arrays are the dataset's own, not copies: read them,
 * never change them.
 */
public record DatasetColumns(
    String[] partnerIds,
    TextColumn customerIds,
    TextColumn customerNames,
    int[] customerTenantStart,
    TextColumn tenantIds,
    TextColumn tenantNames,
    int[] tenantPairStart,
    String[] workloadNames,
    String[] workloadFamilies,
    String[] typeNames,
    int[] pairWorkload,
    int[] pairRowStart,
    int[] pairRowEnd,
    int[] pairAssocStart,
    java.nio.IntBuffer rowMonth,
    java.nio.LongBuffer[] rowMeasures,
    java.nio.IntBuffer[] rowNarrow,
    int[] assocType,
    int[] assocStartMonth,
    int[] assocEndMonth,
    String[] customerColumns,
    String[] customerAttrNames,
    String[][] customerAttrValues,
    String[] tenantColumns,
    String[] tenantAttrNames,
    String[][] tenantAttrValues) {

  /** The columns of {@code d}. */
  public static DatasetColumns of(Dataset d) {
    return new DatasetColumns(
        d.partnerIds,
        d.customerIds,
        d.customerNames,
        d.customerTenantStart,
        d.tenantIds,
        d.tenantNames,
        d.tenantPairStart,
        d.workloadNames,
        d.workloadFamilies,
        d.typeNames,
        d.pairWorkload,
        d.pairRowStart,
        d.pairRowEnd,
        d.pairAssocStart,
        d.rowMonth,
        d.rowMeasures,
        d.rowNarrow,
        d.assocType,
        d.assocStartMonth,
        d.assocEndMonth,
        d.customerColumns,
        d.customerAttrNames,
        d.customerAttrValues,
        d.tenantColumns,
        d.tenantAttrNames,
        d.tenantAttrValues);
  }

  /**
   * The dataset of these columns, checked as {@link DatasetBuilder#build()} checks them.
   *
   * @throws IllegalArgumentException when the columns do not fit together
   */
  public Dataset toDataset() {
    return toDataset(Dataset.Backing.NONE);
  }

  /** {@link #toDataset()}, its rows read in place from the file {@code backing} checks. */
  public Dataset toDataset(Dataset.Backing backing) {
    return toDataset(backing, null);
  }

  /**
   * {@link #toDataset(Dataset.Backing)} with the months at the ends of the rows found before (null:
   * scanned again).
   */
  public Dataset toDataset(Dataset.Backing backing, UsageMonths months) {
    return Dataset.builder()
        .backing(backing)
        .usageMonths(months)
        .customers(partnerIds, customerIds, customerNames, customerTenantStart)
        .tenants(tenantIds, tenantNames, tenantPairStart)
        .workloads(workloadNames, workloadFamilies)
        .types(typeNames)
        .pairs(pairWorkload, pairRowStart, pairRowEnd, pairAssocStart)
        .rows(rowMonth, rowMeasures, rowNarrow)
        .associations(assocType, assocStartMonth, assocEndMonth)
        .customerAttributes(customerColumns, customerAttrNames, customerAttrValues)
        .tenantAttributes(tenantColumns, tenantAttrNames, tenantAttrValues)
        .build();
  }
}
