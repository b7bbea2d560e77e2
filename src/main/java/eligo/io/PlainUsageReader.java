package eligo.io;

import eligo.data.Measure;
import eligo.data.Month;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads usage.csv on every core ({@link PlainCsv}) when it is plain, every row is good (known ids,
 * a month, valid numbers) and each tenant and workload's rows are one run of rising or falling
 * months (as files are usually written). Only months and measures are kept per row, straight in the
 * loader's columns; tenants and workloads are kept per run. When it returns false, the loader reads
 * the file with the general reader, which words each error. Package-private: a loading aid.
 */
final class PlainUsageReader {
  private static final Measure[] MEASURES = Measure.values();

  /**
   * Where the rows go: the loader's columns, sized for {@link PlainCsv.Plan#capacity()} rows at
   * least.
   */
  static final class Columns {
    int[] month;

    /** Each measure as ints; a value that does not fit is 0 there and listed in {@link #wide}. */
    int[][] measures;

    /** {row, measure ordinal, value} of each value that does not fit an int. */
    final List<long[]> wide = new ArrayList<>();

    int minMonth = Integer.MAX_VALUE;
    int maxMonth = Integer.MIN_VALUE;

    /**
     * The runs of rows, in file order: rows {@code [runStart[i], runStart[i + 1])} (the last one up
     * to the number of rows) are of {@code runTenant[i]} and {@code runWorkload[i]}, months rising,
     * or falling when {@code falling} holds {@code i}. Runs of one row are rising.
     */
    final IntColumn runTenant = new IntColumn();

    final IntColumn runWorkload = new IntColumn();
    final IntColumn runStart = new IntColumn();
    final java.util.BitSet falling = new java.util.BitSet();
  }

  private final Path path;
  private final PlainCsv.Plan plan;
  private final int width;
  private final int[] cols;
  private final IdIndex tenants;
  private final IdIndex workloads;

  /**
   * @param width the header's number of fields
   * @param cols the field of tenant_id, workload, month and each measure (in {@link Measure} order)
   */
  PlainUsageReader(
      Path path, PlainCsv.Plan plan, int width, int[] cols, IdIndex tenants, IdIndex workloads) {
    this.path = path;
    this.plan = plan;
    this.width = width;
    this.cols = cols;
    this.tenants = tenants;
    this.workloads = workloads;
  }

  /**
   * Reads every chunk, on the plan's threads, into {@code out}. True when every row was plain (then
   * {@code out} holds {@link PlainCsv.Plan#capacity()} rows in file order); false otherwise (then
   * {@code out} holds garbage).
   */
  boolean read(Columns out) {
    Chunk[] parts = new Chunk[plan.chunks()];
    if (!PlainCsv.read(path, plan, width, cols, k -> parts[k] = new Chunk(k, out))) {
      return false;
    }
    for (Chunk c : parts) {
      out.minMonth = Math.min(out.minMonth, c.minMonth);
      out.wide.addAll(c.wide);
      out.maxMonth = Math.max(out.maxMonth, c.maxMonth);
      for (int r = 0; r < c.runStart.size(); r++) {
        int last = out.runStart.size() - 1;
        int start = c.runStart.get(r);
        if (r == 0
            && last >= 0
            && out.runTenant.get(last) == c.runTenant.get(0)
            && out.runWorkload.get(last) == c.runWorkload.get(0)) {
          // a run cut by the chunk border: one run when its months keep going the same way
          int step = Integer.compare(out.month[start], out.month[start - 1]);
          boolean single = start - out.runStart.get(last) == 1;
          boolean nextSingle =
              c.runStart.size() == 1 ? c.end - start == 1 : c.runStart.get(1) - start == 1;
          if (step == 0
              || (!single && (step < 0) != out.falling.get(last))
              || (!nextSingle && (step < 0) != c.falling.get(0))) {
            return false;
          }
          out.falling.set(last, step < 0);
          continue;
        }
        out.falling.set(out.runStart.size(), c.falling.get(r));
        out.runTenant.add(c.runTenant.get(r));
        out.runWorkload.add(c.runWorkload.get(r));
        out.runStart.add(start);
      }
    }
    return true;
  }

  /** One chunk's rows, on the thread that took it. */
  private final class Chunk implements PlainCsv.Rows {
    private final Columns out;
    private final IdIndex tenantIds = tenants.forAnotherThread();
    private final IdIndex workloadIds = workloads.forAnotherThread();
    private final int end;
    private int minMonth = Integer.MAX_VALUE;
    private int maxMonth = Integer.MIN_VALUE;

    /** This chunk's runs (see {@link Columns}). */
    private final IntColumn runTenant = new IntColumn();

    private final IntColumn runWorkload = new IntColumn();
    private final IntColumn runStart = new IntColumn();
    private final java.util.BitSet falling = new java.util.BitSet();
    private final List<long[]> wide = new ArrayList<>();
    private int lastTenant = -1;
    private int lastWorkload = -1;

    Chunk(int k, Columns out) {
      this.out = out;
      this.end = plan.base(k) + plan.rows()[k];
    }

    /** Keeps the row whose fields were just found; false when it is not a good row. */
    @Override
    public boolean row(byte[] b, int[] fieldStart, int[] fieldEnd, int i) {
      int t = tenantIds.get(b, fieldStart[cols[0]], fieldEnd[cols[0]]);
      int w = workloadIds.get(b, fieldStart[cols[1]], fieldEnd[cols[1]]);
      int m = Month.parse(b, fieldStart[cols[2]], fieldEnd[cols[2]]);
      if (t < 0 || w < 0 || m == Month.NONE) {
        return false;
      }
      if (t == lastTenant && w == lastWorkload) {
        // the run goes on: months must keep rising, or falling
        int run = runStart.size() - 1;
        int step = Integer.compare(m, out.month[i - 1]);
        if (step == 0) {
          return false; // a duplicate
        }
        if (runStart.get(run) == i - 1) {
          falling.set(run, step < 0);
        } else if ((step < 0) != falling.get(run)) {
          return false; // not one run: the general reader sorts the rows
        }
      } else {
        runTenant.add(t);
        runWorkload.add(w);
        runStart.add(i);
        lastTenant = t;
        lastWorkload = w;
      }
      for (int k = 0; k < MEASURES.length; k++) {
        int from = fieldStart[cols[3 + k]];
        int to = fieldEnd[cols[3 + k]];
        long v;
        if (from == to) {
          v = 0;
        } else {
          v =
              MEASURES[k].isMoney()
                  ? Numbers.parseMoney(b, from, to)
                  : Numbers.parseCount(b, from, to);
          if (v == Numbers.BAD) {
            return false;
          }
        }
        if (v == (int) v) {
          out.measures[k][i] = (int) v;
        } else {
          out.measures[k][i] = 0;
          wide.add(new long[] {i, k, v});
        }
      }
      out.month[i] = m;
      if (m < minMonth) {
        minMonth = m;
      }
      if (m > maxMonth) {
        maxMonth = m;
      }
      return true;
    }
  }
}
