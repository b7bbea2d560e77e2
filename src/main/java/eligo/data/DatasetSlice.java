package eligo.data;

import java.util.ArrayList;
import java.util.List;

/**
 * A dataset cut down to some of its customers: their tenants, pairs, usage rows and associations,
 * with the whole catalog (workloads, families, association types) kept as it is, so workload and
 * type indexes mean the same in the slice as in the whole.
 *
 * <p>A customer belongs to one partner (DATA.md), and every node of the criteria, partner-level
 * ones included, is computed from a partner's own customers only; so a slice of one partner's
 * customers evaluates to exactly that partner's part of the whole run, and a view rendered from it
 * cannot hold anything of another partner. One thing differs: the slice's {@link
 * Dataset#latestUsageMonth()} is the latest of its own rows, so a caller evaluating it must give
 * the whole dataset's as-of month explicitly.
 */
public final class DatasetSlice {
  private DatasetSlice() {}

  /** The customers of {@code partnerId}, in the dataset's order (empty when it has none). */
  public static int[] customersOf(Dataset data, String partnerId) {
    List<Integer> found = new ArrayList<>();
    for (int c = 0; c < data.customerCount(); c++) {
      if (data.partnerIds[c].equals(partnerId)) {
        found.add(c);
      }
    }
    return found.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The slice of one partner's customers. */
  public static Dataset ofPartner(Dataset data, String partnerId) {
    return of(data, customersOf(data, partnerId));
  }

  /**
   * The slice of {@code customers} (indexes into {@code data}, in the order given; each at most
   * once).
   */
  public static Dataset of(Dataset data, int[] customers) {
    int n = customers.length;
    String[] partnerIds = new String[n];
    String[] customerIds = new String[n];
    String[] customerNames = new String[n];
    int[] tenantStart = new int[n + 1];
    int tenants = 0;
    int pairs = 0;
    int rows = 0;
    int assocs = 0;
    for (int i = 0; i < n; i++) {
      int c = customers[i];
      partnerIds[i] = data.partnerIds[c];
      customerIds[i] = data.customerId(c);
      customerNames[i] = data.customerName(c);
      for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++) {
        for (int p = data.pairStart(t); p < data.pairEnd(t); p++) {
          rows += data.rowEnd(p) - data.rowStart(p);
          assocs += data.assocEnd(p) - data.assocStart(p);
          pairs++;
        }
        tenants++;
      }
      tenantStart[i + 1] = tenants;
    }
    String[] tenantIds = new String[tenants];
    String[] tenantNames = new String[tenants];
    int[] pairStart = new int[tenants + 1];
    int[] pairWorkload = new int[pairs];
    int[] rowStart = new int[pairs];
    int[] rowEnd = new int[pairs];
    int[] assocStart = new int[pairs + 1];
    int[] rowMonth = new int[rows];
    int measures = Measure.values().length;
    long[][] rowMeasures = new long[measures][];
    int[][] rowNarrow = new int[measures][];
    for (int k = 0; k < measures; k++) {
      if (data.rowNarrow[k] != null) {
        rowNarrow[k] = new int[rows];
      } else {
        rowMeasures[k] = new long[rows];
      }
    }
    int[] assocType = new int[assocs];
    int[] assocStartMonth = new int[assocs];
    int[] assocEndMonth = new int[assocs];
    int t2 = 0;
    int p2 = 0;
    int r2 = 0;
    int a2 = 0;
    // the rows of one pair are one run in every column, and the rows of a customer's pairs
    // usually follow one another: each run of rows that do is copied whole, in one call per
    // column (per pair, the calls cost more than the copying)
    int runFrom = 0; // where the run of rows not copied yet starts in the whole, and its length
    int runCount = 0;
    for (int c : customers) {
      for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++) {
        tenantIds[t2] = data.tenantId(t);
        tenantNames[t2] = data.tenantName(t);
        for (int p = data.pairStart(t); p < data.pairEnd(t); p++) {
          pairWorkload[p2] = data.pairWorkload[p];
          rowStart[p2] = r2;
          int from = data.rowStart(p);
          int count = data.rowEnd(p) - from;
          if (runFrom + runCount != from) {
            copyRows(data, runFrom, runCount, r2 - runCount, rowMonth, rowMeasures, rowNarrow);
            runFrom = from;
            runCount = 0;
          }
          runCount += count;
          r2 += count;
          rowEnd[p2] = r2;
          assocStart[p2] = a2;
          int af = data.assocStart(p);
          int an = data.assocEnd(p) - af;
          System.arraycopy(data.assocType, af, assocType, a2, an);
          System.arraycopy(data.assocStartMonth, af, assocStartMonth, a2, an);
          System.arraycopy(data.assocEndMonth, af, assocEndMonth, a2, an);
          a2 += an;
          p2++;
        }
        t2++;
        pairStart[t2] = p2;
      }
    }
    copyRows(data, runFrom, runCount, r2 - runCount, rowMonth, rowMeasures, rowNarrow);
    assocStart[pairs] = a2;
    String[][] customerAttrs = new String[data.customerAttrNames.length][n];
    for (int k = 0; k < customerAttrs.length; k++) {
      for (int i = 0; i < n; i++) {
        customerAttrs[k][i] = data.customerAttrValues[k][customers[i]];
      }
    }
    String[][] tenantAttrs = new String[data.tenantAttrNames.length][tenants];
    for (int k = 0; k < tenantAttrs.length; k++) {
      int t3 = 0;
      for (int c : customers) {
        for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++) {
          tenantAttrs[k][t3++] = data.tenantAttrValues[k][t];
        }
      }
    }
    return Dataset.builder()
        .backing(data.backing) // its rows were copied from the whole's, read in place
        .customers(partnerIds, customerIds, customerNames, tenantStart)
        .tenants(tenantIds, tenantNames, pairStart)
        .workloads(data.workloadNames, data.workloadFamilies)
        .types(data.typeNames)
        .pairs(pairWorkload, rowStart, rowEnd, assocStart)
        .rows(rowMonth, rowMeasures, rowNarrow)
        .associations(assocType, assocStartMonth, assocEndMonth)
        .customerAttributes(data.customerColumns, data.customerAttrNames, customerAttrs)
        .tenantAttributes(data.tenantColumns, data.tenantAttrNames, tenantAttrs)
        .build();
  }

  /** Copies {@code count} rows of every column from row {@code from} of the whole to {@code to}. */
  private static void copyRows(
      Dataset data,
      int from,
      int count,
      int to,
      int[] rowMonth,
      long[][] rowMeasures,
      int[][] rowNarrow) {
    if (count == 0) {
      return;
    }
    data.rowMonth.get(from, rowMonth, to, count);
    for (int k = 0; k < rowMeasures.length; k++) {
      if (rowNarrow[k] != null) {
        data.rowNarrow[k].get(from, rowNarrow[k], to, count);
      } else {
        data.rowMeasures[k].get(from, rowMeasures[k], to, count);
      }
    }
  }
}
