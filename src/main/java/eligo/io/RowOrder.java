package eligo.io;

import static eligo.io.UsageColumns.MEASURES;

import eligo.data.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts usage rows in (tenant, workload, month) order and groups them into {@link Runs}, one per
 * tenant and workload: rows already grouped are left in place (falling runs turned round), others
 * are ordered by three stable counting sorts, which also find duplicate rows (rejected here).
 * Package-private: a loading aid.
 */
final class RowOrder {
  /**
   * The usage rows of each tenant and workload: {@code [start[i], end[i])} holds the rows of {@code
   * tenant[i]} and {@code workload[i]} in rising months; in (tenant, workload) order, each key
   * once.
   */
  record Runs(int[] tenant, int[] workload, int[] start, int[] end) {
    int size() {
      return tenant.length;
    }
  }

  private final UsageColumns usage;
  private final LoadTables tables;
  private final LoadLog log;
  private final CsvFileReader reader;

  /** Words where a message points at another row. */
  private final DataSource source;

  RowOrder(
      UsageColumns usage, LoadTables tables, LoadLog log, CsvFileReader reader, DataSource source) {
    this.usage = usage;
    this.tables = tables;
    this.log = log;
    this.reader = reader;
    this.source = source;
  }

  /** Stable counting sort of {@code src[0..n-1]} by {@code key - offset} in {@code [0, range)}. */
  static void countingSort(int[] src, int[] dst, int n, int[] key, int offset, int range) {
    int[] count = new int[range + 1];
    for (int i = 0; i < n; i++) {
      count[key[src[i]] - offset + 1]++;
    }
    for (int k = 0; k < range; k++) {
      count[k + 1] += count[k];
    }
    for (int i = 0; i < n; i++) {
      int r = src[i];
      dst[count[key[r] - offset]++] = r;
    }
  }

  /**
   * Tenants' runs longer than this are sorted by {@link Arrays#sort}, shorter ones by insertion.
   */
  private static final int INSERTION = 32;

  /** The rows from which {@link #reverseFalling} works on every core. */
  private static final int PARALLEL_ROWS = 1 << 20;

  /**
   * The runs {@code 0..n-1} in (tenant, workload) order when the file has each tenant's runs
   * together, as exports sorted or grouped by tenant do: then the tenants' groups are put in order
   * and only each tenant's few runs are sorted, by workload, instead of two counting sorts that
   * scatter all the runs (a million customers: 0.8 s on one core). Null when a tenant's runs are
   * not together.
   *
   * @param tenants the number of tenants (indexes {@code 0..tenants-1})
   */
  static int[] byWorkloadWithinTenants(int[] tenant, int[] workload, int n, int tenants) {
    int[] groupFrom = new int[tenants]; // per tenant, its first run + 1; 0: none
    int[] groupTo = new int[tenants];
    for (int from = 0, to; from < n; from = to) {
      int t = tenant[from];
      if (groupFrom[t] != 0) {
        return null; // the tenant's runs are in two places
      }
      to = from + 1;
      while (to < n && tenant[to] == t) {
        to++;
      }
      groupFrom[t] = from + 1;
      groupTo[t] = to;
    }
    int[] a = new int[n];
    int k = 0;
    for (int t = 0; t < tenants; t++) {
      if (groupFrom[t] == 0) {
        continue;
      }
      int from = groupFrom[t] - 1;
      int length = groupTo[t] - from;
      if (length > INSERTION) {
        long[] keyed = new long[length];
        for (int i = 0; i < length; i++) {
          keyed[i] = (long) workload[from + i] << 32 | (from + i); // stable: ties keep their order
        }
        Arrays.sort(keyed);
        for (int i = 0; i < length; i++) {
          a[k + i] = (int) keyed[i];
        }
      } else {
        for (int i = 0; i < length; i++) {
          int r = from + i;
          int j = k + i - 1;
          while (j >= k && workload[a[j]] > workload[r]) {
            a[j + 1] = a[j];
            j--;
          }
          a[j + 1] = r;
        }
      }
      k += length;
    }
    return a;
  }

  static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /**
   * The usage row indexes in (tenant, workload, month, file line) order, by three stable counting
   * sorts (for rows that {@link #runsInPlace()} cannot leave where they are).
   */
  int[] sortUsage() {
    int n = usage.count;
    int[] a = identity(n);
    if (n == 0) {
      return a;
    }
    int[] b = new int[n];
    countingSort(a, b, n, usage.month, usage.minMonth, usage.maxMonth - usage.minMonth + 1);
    countingSort(b, a, n, usage.workload, 0, tables.workloadCount());
    countingSort(a, b, n, usage.tenant, 0, tables.tenantCount());
    return b;
  }

  /**
   * Finds duplicate (tenant, workload, month) rows (a row repeating an earlier row's key is
   * rejected), then reorders {@code order} to hold the good rows first (still sorted), the others
   * after them; returns the number of good rows.
   */
  int dropBadAndDuplicateRows(int[] order) {
    int n = usage.count;
    int[] usageTenant = usage.tenant;
    int[] usageWorkload = usage.workload;
    int[] usageMonth = usage.month;
    List<long[]> duplicates = new ArrayList<>(); // {row, first row}
    int runStart = 0;
    for (int i = 1; i < n; i++) {
      int r = order[i];
      int q = order[runStart];
      if (usageTenant[r] == usageTenant[q]
          && usageWorkload[r] == usageWorkload[q]
          && usageMonth[r] == usageMonth[q]) {
        duplicates.add(new long[] {r, q});
      } else {
        runStart = i;
      }
    }
    if (!duplicates.isEmpty()) {
      reportDuplicates(duplicates);
    }
    int kept = 0;
    IntColumn dropped = new IntColumn();
    for (int i = 0; i < n; i++) {
      int r = order[i];
      if (usage.line[r] > 0) {
        order[kept++] = r;
      } else {
        dropped.add(r);
      }
    }
    for (int i = 0; i < dropped.size(); i++) {
      order[kept + i] = dropped.get(i);
    }
    return kept;
  }

  private void reportDuplicates(List<long[]> duplicates) {
    int[] usageLine = usage.line;
    Set<Long> lines = new HashSet<>();
    for (long[] d : duplicates) {
      lines.add((long) Math.abs(usageLine[(int) d[0]]));
    }
    Map<Long, String> raw = reader.rawRows(LoadLog.USAGE, lines);
    List<DataError> errors = log.errors;
    Map<Long, Integer> errorAt = null;
    for (long[] d : duplicates) {
      int r = (int) d[0];
      int q = (int) d[1];
      int line = usageLine[r];
      long absLine = Math.abs((long) line);
      String message =
          "tenant "
              + Cells.quote(tables.tenantIds[usage.tenant[r]])
              + ", workload "
              + Cells.quote(tables.workloadNames.get(usage.workload[r]))
              + ", month "
              + Month.format(usage.month[r])
              + " already has a row at "
              + source.line(DatasetLoader.USAGE, Math.abs(usageLine[q]));
      if (line > 0) {
        log.reject(LoadLog.USAGE, absLine, message, raw.getOrDefault(absLine, ""));
        usageLine[r] = -line;
      } else {
        // already rejected for another reason: add this one to its message
        if (errorAt == null) {
          errorAt = new HashMap<>();
          for (int i = 0; i < errors.size(); i++) {
            if (errors.get(i).file().equals(DatasetLoader.USAGE)) {
              errorAt.put(errors.get(i).line(), i);
            }
          }
        }
        Integer i = errorAt.get(absLine);
        if (i != null) {
          DataError e = errors.get(i);
          errors.set(i, new DataError(e.file(), e.line(), e.message() + "; " + message, e.row()));
        }
      }
    }
  }

  /**
   * The runs of the rows as they are, when every row is good and each tenant and workload's rows
   * are one run of rising or falling months; null otherwise (then the rows are sorted). Falling
   * runs are turned round in place.
   */
  Runs runsInPlace() {
    int n = usage.count;
    int[] usageTenant = usage.tenant;
    int[] usageWorkload = usage.workload;
    int[] usageMonth = usage.month;
    IntColumn tenant = new IntColumn();
    IntColumn workload = new IntColumn();
    IntColumn starts = new IntColumn();
    java.util.BitSet falling = new java.util.BitSet();
    for (int i = 0; i < n; i++) {
      if (usage.line[i] <= 0) {
        return null; // a bad row: sorting finds its duplicates and drops it
      }
      int run = starts.size() - 1;
      if (i > 0
          && usageTenant[i] == usageTenant[i - 1]
          && usageWorkload[i] == usageWorkload[i - 1]) {
        int step = Integer.compare(usageMonth[i], usageMonth[i - 1]);
        if (starts.get(run) == i - 1 && step < 0) {
          falling.set(run); // the second row of a run sets its direction
        } else if (step == 0 || (step < 0) != falling.get(run)) {
          return null;
        }
      } else {
        if (starts.size() > n / 2) {
          return null; // hardly grouped
        }
        tenant.add(usageTenant[i]);
        workload.add(usageWorkload[i]);
        starts.add(i);
      }
    }
    return sortRuns(tenant, workload, starts, falling, n);
  }

  /**
   * The runs in (tenant, workload) order, from runs in file order (see {@link
   * PlainUsageReader.Columns}) over {@code rows} rows; falling runs are turned round in place.
   * Null, with nothing changed, when a tenant and workload has two runs.
   */
  Runs sortRuns(
      IntColumn runTenant,
      IntColumn runWorkload,
      IntColumn runStart,
      java.util.BitSet falling,
      int rows) {
    int count = runStart.size();
    int[] tenant = runTenant.toArray();
    int[] workload = runWorkload.toArray();
    int[] a = byWorkloadWithinTenants(tenant, workload, count, tables.tenantCount());
    if (a == null) {
      a = identity(count);
      int[] b = new int[count];
      countingSort(a, b, count, workload, 0, tables.workloadCount());
      countingSort(b, a, count, tenant, 0, tables.tenantCount());
    }
    Runs runs = new Runs(new int[count], new int[count], new int[count], new int[count]);
    for (int j = 0; j < count; j++) {
      int r = a[j];
      if (j > 0 && tenant[r] == runs.tenant[j - 1] && workload[r] == runs.workload[j - 1]) {
        return null; // a tenant and workload in two runs
      }
      runs.tenant[j] = tenant[r];
      runs.workload[j] = workload[r];
      runs.start[j] = runStart.get(r);
      runs.end[j] = r + 1 < count ? runStart.get(r + 1) : rows;
    }
    reverseFalling(runStart, falling, count, rows);
    return runs;
  }

  /**
   * Reverses the rows of each run read with its months falling ({@code falling}), column by column,
   * the columns on every core: a million customers' runs took 0.3 s on the load's one thread when
   * every column was swapped row by row.
   */
  private void reverseFalling(IntColumn runStart, java.util.BitSet falling, int count, int rows) {
    if (falling.isEmpty()) {
      return;
    }
    int[] starts = new int[falling.cardinality()];
    int[] ends = new int[starts.length];
    for (int r = falling.nextSetBit(0), k = 0; r >= 0; r = falling.nextSetBit(r + 1), k++) {
      starts[k] = runStart.get(r);
      ends[k] = r + 1 < count ? runStart.get(r + 1) : rows;
    }
    List<Object> columns = new ArrayList<>();
    columns.add(usage.month);
    for (int k = 0; k < MEASURES.length; k++) {
      columns.add(usage.narrow[k] != null ? usage.narrow[k] : usage.measures[k]);
    }
    java.util.stream.Stream<Object> each =
        rows >= PARALLEL_ROWS ? columns.parallelStream() : columns.stream();
    each.forEach(
        column -> {
          for (int k = 0; k < starts.length; k++) {
            if (column instanceof int[] ints) {
              reverse(ints, starts[k], ends[k]);
            } else {
              reverse((long[]) column, starts[k], ends[k]);
            }
          }
        });
  }

  private static void reverse(int[] a, int from, int to) {
    for (int i = from, j = to - 1; i < j; i++, j--) {
      swap(a, i, j);
    }
  }

  private static void reverse(long[] a, int from, int to) {
    for (int i = from, j = to - 1; i < j; i++, j--) {
      long x = a[i];
      a[i] = a[j];
      a[j] = x;
    }
  }

  private static void swap(int[] a, int i, int j) {
    int x = a[i];
    a[i] = a[j];
    a[j] = x;
  }

  /**
   * Puts the first {@code rows} rows of {@code order} (the good ones, sorted) in that order in
   * place, and returns their runs. {@code order} is used up.
   */
  Runs sortRows(int[] order, int rows) {
    int[] usageTenant = usage.tenant;
    int[] usageWorkload = usage.workload;
    permute(
        order, usage.count, new int[][] {usageTenant, usageWorkload, usage.month}, usage.measures);
    IntColumn starts = new IntColumn();
    for (int i = 0; i < rows; i++) {
      if (i == 0
          || usageTenant[i] != usageTenant[i - 1]
          || usageWorkload[i] != usageWorkload[i - 1]) {
        starts.add(i);
      }
    }
    int count = starts.size();
    starts.add(rows);
    Runs runs = new Runs(new int[count], new int[count], new int[count], new int[count]);
    for (int j = 0; j < count; j++) {
      int i = starts.get(j);
      runs.tenant[j] = usageTenant[i];
      runs.workload[j] = usageWorkload[i];
      runs.start[j] = i;
      runs.end[j] = starts.get(j + 1);
    }
    return runs;
  }

  /**
   * Reorders the arrays in place so that position {@code i} holds what was at {@code order[i]}, for
   * the permutation {@code order[0..n-1]}; {@code order} is used up.
   */
  private static void permute(int[] order, int n, int[][] ints, long[][] longs) {
    int[] savedInts = new int[ints.length];
    long[] saved = new long[longs.length];
    for (int i = 0; i < n; i++) {
      if (order[i] < 0 || order[i] == i) {
        continue;
      }
      for (int k = 0; k < ints.length; k++) {
        savedInts[k] = ints[k][i];
      }
      for (int k = 0; k < longs.length; k++) {
        saved[k] = longs[k][i];
      }
      int j = i;
      while (true) {
        int from = order[j];
        order[j] = -1; // done
        if (from == i) {
          for (int k = 0; k < ints.length; k++) {
            ints[k][j] = savedInts[k];
          }
          for (int k = 0; k < longs.length; k++) {
            longs[k][j] = saved[k];
          }
          break;
        }
        for (int k = 0; k < ints.length; k++) {
          ints[k][j] = ints[k][from];
        }
        for (int k = 0; k < longs.length; k++) {
          longs[k][j] = longs[k][from];
        }
        j = from;
      }
    }
  }
}
