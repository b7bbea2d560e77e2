package eligo.io;

import static eligo.io.UsageColumns.MEASURES;

import eligo.data.Dataset;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * Builds the {@link Dataset} of a load from its tables and its ordered usage rows: associations put
 * in (tenant, workload, file line) order, and the (tenant, workload) pairs made by merging each
 * tenant's usage runs with its associations. The usage columns are handed over, not copied, when
 * they have little spare room. Package-private: a loading aid.
 */
final class DatasetAssembly {
  private DatasetAssembly() {}

  /**
   * The associations in (tenant, workload, file line) order: each column is in that order, so that
   * the pairs are made by reading them front to back.
   */
  record Associations(int[] tenant, int[] workload, int[] type, int[] start, int[] end) {}

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
        inOrder(assocT, x),
        inOrder(assocW, x),
        tables.assocType.gather(x, a),
        tables.assocStart.gather(x, a),
        tables.assocEnd.gather(x, a));
  }

  /** The values of {@code column} at {@code order[0..]}, in that order. */
  private static int[] inOrder(int[] column, int[] order) {
    int[] out = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = column[order[i]];
    }
    return out;
  }

  /**
   * The first {@code rows} items of a usage column: the column itself when it has little more room
   * (as a column sized from an estimate of the rows has, {@link ChunkPlan#estimate}), so the big
   * arrays exist only once; else a copy of the rows, so that a column grown by half does not keep
   * its spare room for as long as the dataset lives.
   */
  private static IntBuffer rowsOf(int[] column, int rows) {
    return IntBuffer.wrap(
        little(column.length, rows) ? column : Arrays.copyOf(column, rows), 0, rows);
  }

  private static LongBuffer rowsOf(long[] column, int rows) {
    return LongBuffer.wrap(
        little(column.length, rows) ? column : Arrays.copyOf(column, rows), 0, rows);
  }

  /**
   * Room for {@code length} rows is little more than {@code rows}: an 8th and 65,536 rows (an
   * estimate's room to spare, {@link ChunkPlan#estimate}, is a 16th, and its error a few percent).
   */
  private static boolean little(int length, int rows) {
    return length - rows <= rows / 8 + 65536;
  }

  /**
   * The dataset of the first {@code rows} usage rows, whose runs are {@code runs}, and of the
   * ordered associations {@code assoc}. The usage columns are let go of ({@code usage} is not
   * usable afterwards).
   */
  static Dataset build(
      LoadTables tables, Associations assoc, UsageColumns usage, RowOrder.Runs runs, int rows) {
    int a = assoc.tenant().length;
    int[] assocT = assoc.tenant();
    int[] assocW = assoc.workload();

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
        int aw = ai < a && assocT[ai] == t ? assocW[ai] : Integer.MAX_VALUE;
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
        while (ai < a && assocT[ai] == t && assocW[ai] == w) {
          ai++;
        }
      }
    }
    tenantPairStart[tenants] = pairWorkload.size();
    pairAssocStart.add(a);

    usage.tenant = null;
    usage.workload = null;
    usage.line = null;
    IntBuffer rowMonth = rowsOf(usage.month, rows);
    usage.month = null;
    LongBuffer[] rowMeasures = new LongBuffer[MEASURES.length];
    IntBuffer[] rowNarrow = new IntBuffer[MEASURES.length];
    for (int k = 0; k < MEASURES.length; k++) {
      long[] m = usage.measures[k];
      int[] n = usage.narrow[k];
      usage.measures[k] = null;
      usage.narrow[k] = null;
      if (n != null) {
        rowNarrow[k] = rowsOf(n, rows);
      } else {
        rowMeasures[k] = rowsOf(m, rows);
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
