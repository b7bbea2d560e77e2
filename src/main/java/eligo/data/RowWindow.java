package eligo.data;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

/**
 * One thread's copy of a run of consecutive usage rows of a dataset whose rows are read in place (a
 * snapshot mapped), by column: rows {@link #start} to {@code start + length - 1}. A thread
 * evaluating a chunk of customers copies their rows here first ({@link Dataset#holdRowsOf}), by a
 * read of the file where the dataset's {@link Dataset.Backing} can ({@link
 * Dataset.Backing#readRows}), else from the mapping; its evaluators then read array elements.
 *
 * <p>Why: under C1 (the only compiler of a run from a snapshot, {@code bin/eligo}), reading a
 * mapped buffer is a chain of calls and checks (the buffer's get, its memory session, its bounds),
 * where an array element is one load. A million customers' evaluation from a snapshot, in one
 * process, five rounds: 2.34 to 2.41 s with the rows read in place, 2.12 to 2.18 s through a window
 * copied from the mapping, 1.96 to 2.06 s with every row on the heap (which a snapshot read in
 * place avoids: 2.5 GB). And on this project's virtual machines, mapping a page costs more than
 * copying it: the window's copies from a fresh mapping took 1.2 CPU-s of a million customers' run
 * (async-profiler), where 2 GB of the page cache is read at 8.5 to 9.2 GB/s.
 */
final class RowWindow {
  /** The most rows a window holds: a chunk's customers with more are read in place. */
  static final int MAX_ROWS = 1 << 20;

  int start;
  int length;
  int[] month = new int[0];

  /** By {@link Measure#ordinal()}: the rows of a measure held as ints, or null. */
  final int[][] narrow;

  /** By {@link Measure#ordinal()}: the rows of a measure held as longs, or null. */
  final long[][] wide;

  /** A direct buffer for reads of the file ({@link Dataset.Backing#readRows}), or null. */
  private ByteBuffer bytes;

  RowWindow(int measures) {
    narrow = new int[measures][];
    wide = new long[measures][];
  }

  /**
   * Holds the usage rows of customers {@code order[from]} to {@code order[to - 1]} of {@code d}, or
   * none when they are not close together in the file (more than twice their number of rows apart)
   * or too many ({@link #MAX_ROWS}).
   */
  void hold(Dataset d, int[] order, int from, int to) {
    length = 0;
    int lo = Integer.MAX_VALUE;
    int hi = 0;
    long rows = 0;
    for (int at = from; at < to; at++) {
      int c = order[at];
      int pairs = d.tenantPairStart[d.customerTenantStart[c + 1]];
      for (int p = d.tenantPairStart[d.customerTenantStart[c]]; p < pairs; p++) {
        int s = d.pairRowStart[p];
        int e = d.pairRowEnd[p];
        if (s < e) {
          lo = Math.min(lo, s);
          hi = Math.max(hi, e);
          rows += e - s;
        }
      }
    }
    if (lo >= hi || hi - lo > MAX_ROWS || hi - lo > 2 * rows) {
      return;
    }
    int n = hi - lo;
    if (month.length < n) {
      month = new int[grown(month.length, n)];
    }
    copy(d.backing, d.rowMonth, lo, n, month);
    for (int k = 0; k < narrow.length; k++) {
      if (d.rowNarrow[k] != null) {
        if (narrow[k] == null || narrow[k].length < n) {
          narrow[k] = new int[grown(narrow[k] == null ? 0 : narrow[k].length, n)];
        }
        copy(d.backing, d.rowNarrow[k], lo, n, narrow[k]);
      } else if (d.rowMeasures[k] != null) {
        if (wide[k] == null || wide[k].length < n) {
          wide[k] = new long[grown(wide[k] == null ? 0 : wide[k].length, n)];
        }
        copy(d.backing, d.rowMeasures[k], lo, n, wide[k]);
      }
    }
    start = lo;
    length = n;
  }

  /**
   * Items {@code from} to {@code from + n - 1} of {@code column} into {@code to}: read from the
   * file by the dataset's backing where it can, else from the buffer.
   */
  private void copy(Dataset.Backing backing, IntBuffer column, int from, int n, int[] to) {
    if (backing.readRows(column, from, n, bytes(4 * n))) {
      bytes.order(column.order()).asIntBuffer().get(to, 0, n);
    } else {
      column.get(from, to, 0, n);
    }
  }

  private void copy(Dataset.Backing backing, LongBuffer column, int from, int n, long[] to) {
    if (backing.readRows(column, from, n, bytes(8 * n))) {
      bytes.order(column.order()).asLongBuffer().get(to, 0, n);
    } else {
      column.get(from, to, 0, n);
    }
  }

  /** This window's buffer for reads of the file, of {@code size} bytes at least. */
  private ByteBuffer bytes(int size) {
    if (bytes == null || bytes.capacity() < size) {
      bytes = ByteBuffer.allocateDirect(grown(bytes == null ? 0 : bytes.capacity(), size));
    }
    return bytes;
  }

  /** Room for {@code need} items, at least twice what was held, so that it grows seldom. */
  private static int grown(int had, int need) {
    return Math.max(need, (int) Math.min(8L * MAX_ROWS, 2L * had));
  }

  /** Whether rows {@code from} to {@code to - 1} are all held. */
  boolean holds(int from, int to) {
    return from >= start && to <= start + length;
  }
}
