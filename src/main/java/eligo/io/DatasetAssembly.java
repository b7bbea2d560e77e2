package eligo.io;

import static eligo.io.UsageColumns.MEASURES;

import eligo.data.Dataset;
import java.util.Arrays;

/**
 * Builds the {@link Dataset} of a load from its tables and its ordered usage rows: associations put
 * in (tenant, workload, file line) order, and the (tenant, workload) pairs made by merging each
 * tenant's usage runs with its associations. The usage columns are handed over, not copied, when
 * they have the exact size. Package-private: a loading aid.
 */
final class DatasetAssembly {
  private DatasetAssembly() {}

  /**
   * The associations in (tenant, workload, file line) order: {@code order} holds their indexes in
   * that order, {@code tenant} and {@code workload} are by index; {@code type}, {@code start} and
   * {@code end} are already in that order.
   */
  record Associations(
      int[] order, int[] tenant, int[] workload, int[] type, int[] start, int[] end) {}

  /**
   * The associations of {@code tables}, ordered. They depend on nothing read after
   * associations.csv, so the loader orders them while it reads usage.csv.
   */
  static Associations orderAssociations(LoadTables tables) {
    int a = tables.assocTenant.size();
    int[] x = RowOrder.identity(a);
    int[] y = new int[a];
    int[] assocT = tables.assocTenant.toArray();
    int[] assocW = tables.assocWorkload.toArray();
    RowOrder.countingSort(x, y, a, assocW, 0, tables.workloadCount());
    RowOrder.countingSort(y, x, a, assocT, 0, tables.tenantCount());
    return new Associations(
        x,
        assocT,
        assocW,
        tables.assocType.gather(x, a),
        tables.assocStart.gather(x, a),
        tables.assocEnd.gather(x, a));
  }

  /**
   * The dataset of the first {@code rows} usage rows, whose runs are {@code runs}, and of the
   * ordered associations {@code assoc}. The usage columns are let go of ({@code usage} is not
   * usable afterwards).
   */
  static Dataset build(
      LoadTables tables, Associations assoc, UsageColumns usage, RowOrder.Runs runs, int rows) {
    int a = assoc.order().length;
    int[] assocT = assoc.tenant();
    int[] assocW = assoc.workload();
    int[] assocOrder = assoc.order();

    // pairs: merge the usage runs and the associations of each tenant
    int tenants = tables.tenantCount();
    int[] tenantPairStart = new int[tenants + 1];
    IntColumn pairWorkload = new IntColumn();
    IntColumn pairRowStart = new IntColumn();
    IntColumn pairRowEnd = new IntColumn();
    IntColumn pairAssocStart = new IntColumn();
    int ri = 0;
    int ai = 0;
    int runCount = runs.size();
    for (int t = 0; t < tenants; t++) {
      tenantPairStart[t] = pairWorkload.size();
      while (true) {
        int rw = ri < runCount && runs.tenant()[ri] == t ? runs.workload()[ri] : Integer.MAX_VALUE;
        int aw = ai < a && assocT[assocOrder[ai]] == t ? assocW[assocOrder[ai]] : Integer.MAX_VALUE;
        int w = Math.min(rw, aw);
        if (w == Integer.MAX_VALUE) {
          break;
        }
        pairWorkload.add(w);
        if (rw == w) {
          pairRowStart.add(runs.start()[ri]);
          pairRowEnd.add(runs.end()[ri]);
          ri++;
        } else {
          pairRowStart.add(0);
          pairRowEnd.add(0);
        }
        pairAssocStart.add(ai);
        while (ai < a && assocT[assocOrder[ai]] == t && assocW[assocOrder[ai]] == w) {
          ai++;
        }
      }
    }
    tenantPairStart[tenants] = pairWorkload.size();
    pairAssocStart.add(a);

    usage.tenant = null;
    usage.workload = null;
    usage.line = null;
    int[] rowMonth = usage.month.length == rows ? usage.month : Arrays.copyOf(usage.month, rows);
    usage.month = null;
    long[][] rowMeasures = new long[MEASURES.length][];
    int[][] rowNarrow = new int[MEASURES.length][];
    for (int k = 0; k < MEASURES.length; k++) {
      long[] m = usage.measures[k];
      int[] n = usage.narrow[k];
      usage.measures[k] = null;
      usage.narrow[k] = null;
      if (n != null) {
        rowNarrow[k] = n.length == rows ? n : Arrays.copyOf(n, rows);
      } else {
        rowMeasures[k] = m.length == rows ? m : Arrays.copyOf(m, rows);
      }
    }
    return Dataset.builder()
        .customers(
            tables.partnerIds.toArray(new String[0]),
            tables.customerIds.toArray(new String[0]),
            tables.customerNames.toArray(new String[0]),
            tables.customerTenantStart)
        .tenants(tables.tenantIds, tables.tenantNames, tenantPairStart)
        .workloads(
            tables.workloadNames.toArray(new String[0]),
            tables.workloadFamilies.toArray(new String[0]))
        .types(tables.typeNames.clone())
        .pairs(
            pairWorkload.toArray(),
            pairRowStart.toArray(),
            pairRowEnd.toArray(),
            pairAssocStart.toArray())
        .rows(rowMonth, rowMeasures, rowNarrow)
        .associations(assoc.type(), assoc.start(), assoc.end())
        .customerAttributes(
            tables.customerColumns,
            tables.customerAttrNames,
            tables.customerAttrValues.stream()
                .map(v -> v.toArray(new String[0]))
                .toArray(String[][]::new))
        .tenantAttributes(tables.tenantColumns, tables.tenantAttrNames, tables.tenantAttrs)
        .build();
  }
}
