package eligo.io;

import eligo.data.Measure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

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
   * Where the rows go: the loader's columns, sized for {@link ChunkPlan#capacity()} rows at least.
   */
  static final class Columns {
    int[] month;

    /** Each measure as ints; a value that does not fit is 0 there and listed in {@link #wide}. */
    int[][] measures;

    /** {row, measure ordinal, value} of each value that does not fit an int. */
    final List<long[]> wide = new ArrayList<>();

    int minMonth = Integer.MAX_VALUE;
    int maxMonth = Integer.MIN_VALUE;

    /** The rows read, when the reading was plain: the columns may have room for more. */
    int rows;

    /** The plan had room for fewer rows than the file has: plan again, counting its lines. */
    boolean tooLittleRoom;

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
  private final ChunkPlan plan;
  private final int width;
  private final int[] cols;
  private final IdIndex tenants;
  private final IdIndex workloads;

  /**
   * @param width the header's number of fields
   * @param cols the field of tenant_id, workload, month and each measure (in {@link Measure} order)
   */
  PlainUsageReader(
      Path path, ChunkPlan plan, int width, int[] cols, IdIndex tenants, IdIndex workloads) {
    this.path = path;
    this.plan = plan;
    this.width = width;
    this.cols = cols;
    this.tenants = tenants;
    this.workloads = workloads;
  }

  /**
   * Reads every chunk, on the plan's threads, into {@code out}. True when every row was plain (then
   * {@code out} holds {@link Columns#rows} rows in file order, from the first); false otherwise
   * (then {@code out} holds garbage, and says whether the plan had too little room in all).
   */
  boolean read(Columns out) {
    int chunks = plan.chunks();
    UsageChunk[] parts = new UsageChunk[chunks];
    PlainCsv.Outcome read = PlainCsv.read(path, plan, width, cols, k -> parts[k] = chunk(out));
    if (!read.plain()) {
      return false;
    }
    int[] filled = read.rows();
    // What chunks left for want of room is read after the others; its lines are counted first,
    // so that every chunk's rows, and then what it left, can be placed one after the other.
    ChunkPlan rest;
    try {
      rest = read.overrun() ? ChunkPlan.rest(path, plan, read.rest()) : null;
    } catch (java.io.IOException | RuntimeException e) {
      return false; // the general reader reports it
    }
    int[] left = new int[chunks];
    for (int k = 0, j = 0; k < chunks; k++) {
      left[k] = read.rest()[k] < 0 ? 0 : rest.rows()[j++];
    }
    int[] base = new int[chunks];
    int[] at = new int[chunks];
    int[] leftAt = new int[chunks];
    long rows = 0;
    for (int k = 0; k < chunks; k++) {
      base[k] = plan.base(k);
      at[k] = (int) Math.min(rows, Integer.MAX_VALUE);
      rows += filled[k];
      leftAt[k] = (int) Math.min(rows, Integer.MAX_VALUE);
      rows += left[k];
    }
    if (rows > out.month.length) {
      out.tooLittleRoom = true; // the loader counts the lines and reads again
      return false;
    }
    move(out, base, at, filled);
    UsageChunk[] leftParts = new UsageChunk[rest == null ? 0 : rest.chunks()];
    if (rest != null) {
      int[] start = new int[rest.chunks()];
      for (int k = 0, j = 0; k < chunks; k++) {
        if (read.rest()[k] >= 0) {
          start[j++] = leftAt[k];
        }
      }
      ChunkPlan placed = rest.placedAt(start);
      if (!PlainCsv.read(path, placed, width, cols, j -> leftParts[j] = chunk(out)).plain()) {
        return false;
      }
    }
    out.rows = (int) rows;
    for (int k = 0, j = 0; k < chunks; k++) {
      if (!take(out, parts[k], base[k] - at[k], at[k] + filled[k])) {
        return false;
      }
      if (read.rest()[k] >= 0 && !take(out, leftParts[j++], 0, leftAt[k] + left[k])) {
        return false;
      }
    }
    return true;
  }

  /** A chunk's reader of rows into {@code out}. */
  private UsageChunk chunk(Columns out) {
    return new UsageChunk(out, width, cols, tenants, workloads);
  }

  /**
   * Adds the runs of part {@code c}, which ends before row {@code end}, to {@code out}, its rows
   * {@code shift} rows down from where they were read; false when a run it continues does not go on
   * the same way.
   */
  private static boolean take(Columns out, UsageChunk c, int shift, int end) {
    out.minMonth = Math.min(out.minMonth, c.minMonth);
    out.maxMonth = Math.max(out.maxMonth, c.maxMonth);
    for (long[] v : c.wide) {
      out.wide.add(new long[] {v[0] - shift, v[1], v[2]});
    }
    for (int r = 0; r < c.runStart.size(); r++) {
      int last = out.runStart.size() - 1;
      int start = c.runStart.get(r) - shift;
      if (r == 0
          && last >= 0
          && out.runTenant.get(last) == c.runTenant.get(0)
          && out.runWorkload.get(last) == c.runWorkload.get(0)) {
        // a run cut by the part's border: one run when its months keep going the same way
        int step = Integer.compare(out.month[start], out.month[start - 1]);
        boolean single = start - out.runStart.get(last) == 1;
        boolean nextSingle =
            c.runStart.size() == 1 ? end - start == 1 : c.runStart.get(1) - shift - start == 1;
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
    return true;
  }

  /**
   * Moves each chunk's {@code filled[k]} rows from {@code base[k]} to {@code at[k]}, in every
   * column, a column per core at a time. Both are in chunk order, so no chunk's rows are written
   * over before they move: those that move down go first, from the first chunk on, then those that
   * move up (behind what a chunk before them left), from the last chunk back.
   */
  private static void move(Columns out, int[] base, int[] at, int[] filled) {
    boolean moves = false;
    for (int k = 0; k < base.length; k++) {
      moves |= base[k] != at[k] && filled[k] > 0;
    }
    if (!moves) {
      return;
    }
    int[][] columns = new int[MEASURES.length + 1][];
    System.arraycopy(out.measures, 0, columns, 0, MEASURES.length);
    columns[MEASURES.length] = out.month;
    IntStream.range(0, columns.length)
        .parallel()
        .forEach(
            c -> {
              for (int k = 0; k < base.length; k++) {
                if (at[k] < base[k]) {
                  System.arraycopy(columns[c], base[k], columns[c], at[k], filled[k]);
                }
              }
              for (int k = base.length - 1; k >= 0; k--) {
                if (at[k] > base[k]) {
                  System.arraycopy(columns[c], base[k], columns[c], at[k], filled[k]);
                }
              }
            });
  }
}
