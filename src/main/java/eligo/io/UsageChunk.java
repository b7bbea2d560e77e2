package eligo.io;

import eligo.data.Measure;
import eligo.data.Month;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One chunk's rows of usage.csv for {@link PlainUsageReader}, on the thread that took it: the usual
 * line taken in one pass ({@link #line}), any other by its fields ({@link #row}), each kept in the
 * loader's columns, and its runs of one tenant and workload, which {@link PlainUsageReader} puts
 * together. Package-private: a loading aid.
 */
final class UsageChunk implements PlainCsv.FastRows {
  private static final Measure[] MEASURES = Measure.values();

  /**
   * What each field of a line is, for {@link #line}: {@link #TENANT}, {@link #WORKLOAD}, {@link
   * #MONTH}, or a measure ({@link #MEASURE} plus its ordinal); null when a field is read by none of
   * them (an extra column, which only has to be ASCII: the general path checks it).
   */
  private static int[] roles(int width, int[] cols) {
    int[] roles = new int[width];
    java.util.Arrays.fill(roles, -1);
    for (int k = 0; k < cols.length; k++) {
      roles[cols[k]] = k;
    }
    for (int r : roles) {
      if (r < 0) {
        return null;
      }
    }
    return roles;
  }

  private static final int TENANT = 0;
  private static final int WORKLOAD = 1;
  private static final int MONTH = 2;
  private static final int MEASURE = 3;

  private final PlainUsageReader.Columns out;
  private final IdIndex tenantIds;
  private final IdIndex workloadIds;
  private final int[] cols;

  /** What each field is ({@link #roles}), or null: then every line goes to {@link #row}. */
  private final int[] roles;

  int minMonth = Integer.MAX_VALUE;
  int maxMonth = Integer.MIN_VALUE;

  /** This chunk's runs (see {@link PlainUsageReader.Columns}). */
  final IntColumn runTenant = new IntColumn();

  final IntColumn runWorkload = new IntColumn();
  final IntColumn runStart = new IntColumn();
  final java.util.BitSet falling = new java.util.BitSet();
  final List<long[]> wide = new ArrayList<>();
  private int lastTenant = -1;
  private int lastWorkload = -1;

  /**
   * Whether tenant_id and workload are the first two fields: then the bytes of a line up to the
   * comma after them are kept ({@link #keys}), and a line that starts with the same bytes (the next
   * months of the same tenant and workload, most lines) is of the same tenant and workload.
   */
  private final boolean keysFirst;

  /** The first bytes of the last line taken whose keys were looked up, to its second comma. */
  private final byte[] keys = new byte[128];

  /** How many bytes of {@link #keys} are kept; 0 when none. */
  private int keysLength;

  private int keysTenant;
  private int keysWorkload;

  /** The row's measures, in {@link Measure} order, as parsed. */
  private final long[] values = new long[MEASURES.length];

  /**
   * @param width the header's number of fields
   * @param cols the field of tenant_id, workload, month and each measure (in {@link Measure} order)
   */
  UsageChunk(
      PlainUsageReader.Columns out, int width, int[] cols, IdIndex tenants, IdIndex workloads) {
    this.out = out;
    this.cols = cols;
    this.roles = roles(width, cols);
    this.keysFirst =
        roles != null && roles.length > 2 && roles[0] <= WORKLOAD && roles[1] <= WORKLOAD;
    this.tenantIds = tenants.forAnotherThread();
    this.workloadIds = workloads.forAnotherThread();
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
    for (int k = 0; k < MEASURES.length; k++) {
      int from = fieldStart[cols[MEASURE + k]];
      int to = fieldEnd[cols[MEASURE + k]];
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
      values[k] = v;
    }
    return keep(t, w, m, i);
  }

  /**
   * The usual line, taken in one pass: no quotes, no carriage return, ids of ASCII letters, digits,
   * spaces and {@code - . / : _} and the like (bytes above ','), a month of seven bytes, money of
   * at most 16 digits and two decimals, counts of at most 18 digits. What it takes, it takes
   * exactly as {@link #row} would (money and counts as {@link Numbers#parseMoney} and {@link
   * Numbers#parseCount} read them, which {@code PlainCsvTest} checks at each edge); any other line
   * goes to {@link #row}.
   */
  @Override
  public int line(byte[] b, int p, int i) {
    int[] roles = this.roles;
    if (roles == null) {
      return PlainCsv.NOT_FAST;
    }
    int t = -1;
    int w = -1;
    int m = Month.NONE;
    int last = roles.length - 1;
    int f = 0;
    int lineStart = p;
    if (keysLength > 0 && sameKeys(b, p)) {
      t = keysTenant;
      w = keysWorkload;
      p += keysLength;
      f = 2;
    }
    for (; f <= last; f++) {
      byte end = f == last ? (byte) '\n' : (byte) ',';
      int role = roles[f];
      int q = p;
      byte x = b[q];
      if (role >= MEASURE) {
        long v;
        if (x == end) {
          v = 0;
        } else if (MEASURES[role - MEASURE].isMoney()) {
          boolean negative = x == '-';
          if (negative) {
            x = b[++q];
          }
          int from = q;
          long units = 0;
          while (x >= '0' && x <= '9') {
            units = units * 10 + (x - '0');
            x = b[++q];
          }
          int digits = q - from;
          if (digits == 0 || digits > 16) {
            return PlainCsv.NOT_FAST;
          }
          v = units * 100;
          if (x == '.') {
            x = b[++q];
            if (x < '0' || x > '9') {
              return PlainCsv.NOT_FAST;
            }
            int cents = (x - '0') * 10;
            x = b[++q];
            if (x >= '0' && x <= '9') {
              cents += x - '0';
              x = b[++q];
            }
            v += cents;
          }
          if (negative) {
            v = -v;
          }
        } else {
          v = 0;
          while (x >= '0' && x <= '9') {
            v = v * 10 + (x - '0');
            x = b[++q];
          }
          if (q == p || q - p > 18) {
            return PlainCsv.NOT_FAST;
          }
        }
        if (x != end) {
          return PlainCsv.NOT_FAST;
        }
        values[role - MEASURE] = v;
      } else if (role == MONTH) {
        q = p + 7;
        if (b[q] != end || (m = Month.parse(b, p, q)) == Month.NONE) {
          return PlainCsv.NOT_FAST;
        }
      } else {
        while (x > ',' || x == ' ') {
          x = b[++q];
        }
        if (x != end) {
          return PlainCsv.NOT_FAST;
        }
        if (role == TENANT) {
          t = tenantIds.get(b, p, q);
        } else {
          w = workloadIds.get(b, p, q);
        }
        if (f == 1 && keysFirst && t >= 0 && w >= 0 && q + 1 - lineStart <= keys.length) {
          keysLength = q + 1 - lineStart;
          System.arraycopy(b, lineStart, keys, 0, keysLength);
          keysTenant = t;
          keysWorkload = w;
        }
      }
      p = q + 1;
    }
    if (t < 0 || w < 0) {
      return PlainCsv.NOT_FAST;
    }
    return keep(t, w, m, i) ? p : PlainCsv.REJECTED;
  }

  /** Eight bytes of a byte array at once, for {@link #sameKeys}. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Whether the line at {@code b[p]} starts with the {@link #keysLength} bytes of {@link #keys}
   * (which end with the comma after the second field, and hold no line break: a shorter line
   * differs at its line break). Compared eight bytes at a time, within the array.
   */
  private boolean sameKeys(byte[] b, int p) {
    int n = keysLength;
    if (p + n + 8 > b.length) {
      return false;
    }
    int j = 0;
    for (; j + 8 <= n; j += 8) {
      if ((long) LONGS.get(keys, j) != (long) LONGS.get(b, p + j)) {
        return false;
      }
    }
    for (; j < n; j++) {
      if (keys[j] != b[p + j]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Keeps row {@code i} of tenant {@code t}, workload {@code w} and month {@code m}, its measures
   * in {@link #values}; false when it does not go on its tenant and workload's run.
   */
  private boolean keep(int t, int w, int m, int i) {
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
      long v = values[k];
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
