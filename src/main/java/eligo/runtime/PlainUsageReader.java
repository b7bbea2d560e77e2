package eligo.runtime;

import eligo.data.Measure;
import eligo.data.Month;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of usage.csv on every core when the file is <em>plain</em>: one record per line,
 * fields unquoted or quoted without quotes or line breaks inside, every row good (known ids, a
 * month, valid numbers, the header's width), and each tenant and workload's rows one run of
 * rising or falling months (as files are usually written). Only months and measures are kept per
 * row; tenants and workloads are kept per run. The file is cut at line breaks into one chunk per
 * core; each chunk is decoded and parsed on its own thread straight into the loader's columns.
 *
 * <p>At the first row that is not plain, every thread stops and {@link #read} returns false: the
 * loader then reads the file again with FastCSV and the row checks that word each error. So this
 * reader never reports anything; it only makes good files fast. Package-private: a loading aid.
 */
final class PlainUsageReader {
  private static final Measure[] MEASURES = Measure.values();
  /** A line longer than this (in bytes) is not plain. */
  private static final int MAX_LINE = 1 << 16;
  /** Bytes read at a time by each thread. */
  private static final int BUFFER = 1 << 20;

  /**
   * How usage.csv is cut: chunk {@code k} is the bytes {@code [from[k], to[k])} and has {@code
   * rows[k]} lines that are not empty (its rows, when plain).
   *
   * @param header the first line, without its line break; null when it is not plain (then only
   *     {@link #capacity} is of use)
   */
  record Plan(String header, long[] from, long[] to, int[] rows) {
    /** The number of rows of all chunks: an upper bound of the file's records. */
    long capacity() {
      long n = 0;
      for (int r : rows) {
        n += r;
      }
      return n;
    }

    int base(int k) {
      int b = 0;
      for (int j = 0; j < k; j++) {
        b += rows[j];
      }
      return b;
    }
  }

  /**
   * Cuts {@code path} into {@code chunks} parts at line breaks after the header line, and counts
   * the lines of each part. Reads the whole file once.
   */
  static Plan plan(Path path, int chunks) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      long headerEnd = nextLineStart(ch, 0, size);
      String header = null;
      if (headerEnd > 0 && headerEnd <= MAX_LINE) {
        ByteBuffer hb = ByteBuffer.allocate((int) headerEnd);
        ch.read(hb, 0);
        header = plainHeader(hb.array());
      }
      long[] from = new long[chunks];
      long[] to = new long[chunks];
      int[] rows = new int[chunks];
      long start = headerEnd < 0 ? size : headerEnd;
      for (int k = 0; k < chunks; k++) {
        from[k] = start;
        long cut = k == chunks - 1 ? size : start + (size - start) / (chunks - k);
        long end = cut >= size ? size : nextLineStart(ch, cut, size);
        to[k] = end < 0 ? size : end;
        rows[k] = (int) Math.min(Integer.MAX_VALUE, countLines(ch, from[k], to[k]));
        start = to[k];
      }
      if (headerEnd < 0) {
        // one line or none: the header is all there is (and the general reader handles it)
        header = null;
        rows[0] = 0;
      }
      return new Plan(header, from, to, rows);
    }
  }

  /** The position after the first '\n' at or after {@code pos}; -1 when there is none. */
  private static long nextLineStart(FileChannel ch, long pos, long size) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    while (pos < size) {
      buf.clear();
      int n = ch.read(buf, pos);
      if (n <= 0) {
        break;
      }
      byte[] b = buf.array();
      for (int i = 0; i < n; i++) {
        if (b[i] == '\n') {
          return pos + i + 1;
        }
      }
      pos += n;
    }
    return -1;
  }

  /** The lines with content in {@code [from, to)}. */
  private static long countLines(FileChannel ch, long from, long to) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    byte[] b = buf.array();
    long lines = 0;
    boolean content = false;
    for (long pos = from; pos < to; ) {
      buf.clear();
      buf.limit((int) Math.min(b.length, to - pos));
      int n = ch.read(buf, pos);
      if (n <= 0) {
        break;
      }
      for (int i = 0; i < n; i++) {
        byte x = b[i];
        if (x == '\n') {
          if (content) {
            lines++;
            content = false;
          }
        } else if (x != '\r') {
          content = true;
        }
      }
      pos += n;
    }
    if (content) {
      lines++;
    }
    return lines;
  }

  /** The header line as text when it is plain (UTF-8, no quotes, not blank); null otherwise. */
  private static String plainHeader(byte[] line) {
    int n = line.length - 1; // without '\n'
    if (n > 0 && line[n - 1] == '\r') {
      n--;
    }
    for (int i = 0; i < n; i++) {
      if (line[i] == '"' || line[i] == '\r') {
        return null;
      }
    }
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(line, 0, n))
              .toString();
      return s.isBlank() ? null : s;
    } catch (IOException e) {
      return null;
    }
  }

  // =====================================================================================

  /** Where the rows go: the loader's columns, sized for {@link Plan#capacity()} rows at least. */
  static final class Columns {
    int[] month;
    /** Each measure as ints; a value that does not fit is 0 there and listed in {@link #wide}. */
    int[][] measures;
    /** {row, measure ordinal, value} of each value that does not fit an int. */
    final List<long[]> wide = new ArrayList<>();
    int minMonth = Integer.MAX_VALUE;
    int maxMonth = Integer.MIN_VALUE;
    /**
     * The runs of rows, in file order: rows {@code [runStart[i], runStart[i + 1])} (the last one
     * up to the number of rows) are of {@code runTenant[i]} and {@code runWorkload[i]}, months
     * rising, or falling when {@code falling} holds {@code i}. Runs of one row are rising.
     */
    final IntColumn runTenant = new IntColumn();
    final IntColumn runWorkload = new IntColumn();
    final IntColumn runStart = new IntColumn();
    final java.util.BitSet falling = new java.util.BitSet();
  }

  private final Path path;
  private final Plan plan;
  private final int width;
  private final int[] cols;
  /** The fields that are not read (extra columns): they only have to be ASCII to be plain. */
  private final int[] ignored;
  private final IdIndex tenants;
  private final IdIndex workloads;
  private volatile boolean givenUp;

  /**
   * @param width the header's number of fields
   * @param cols the field of tenant_id, workload, month and each measure (in {@link Measure} order)
   */
  PlainUsageReader(Path path, Plan plan, int width, int[] cols, IdIndex tenants, IdIndex workloads) {
    this.path = path;
    this.plan = plan;
    this.width = width;
    this.cols = cols;
    java.util.Set<Integer> read = new java.util.HashSet<>();
    for (int c : cols) {
      read.add(c);
    }
    this.ignored = java.util.stream.IntStream.range(0, width).filter(f -> !read.contains(f)).toArray();
    this.tenants = tenants;
    this.workloads = workloads;
  }

  /**
   * Reads every chunk, one per thread, into {@code out}. True when every row was plain (then
   * {@code out} holds {@link Plan#capacity()} rows in file order); false otherwise (then {@code out}
   * holds garbage).
   */
  boolean read(Columns out) {
    int chunks = plan.rows().length;
    List<Thread> threads = new ArrayList<>();
    Chunk[] parts = new Chunk[chunks];
    for (int k = 0; k < chunks; k++) {
      parts[k] = new Chunk(k, out);
      if (k > 0) {
        Thread t = new Thread(parts[k], "eligo-usage-" + k);
        t.setDaemon(true);
        t.start();
        threads.add(t);
      }
    }
    parts[0].run();
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        givenUp = true;
      }
    }
    if (givenUp) {
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
          boolean nextSingle = c.runStart.size() == 1 ? c.end - start == 1 : c.runStart.get(1) - start == 1;
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

  /** One chunk's reading, on its own thread. */
  private final class Chunk implements Runnable {
    private final int k;
    private final Columns out;
    private final IdIndex tenantIds = tenants.forAnotherThread();
    private final IdIndex workloadIds = workloads.forAnotherThread();
    private final int[] fieldStart = new int[width];
    private final int[] fieldEnd = new int[width];
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
    private int next;
    private int end;

    Chunk(int k, Columns out) {
      this.k = k;
      this.out = out;
    }

    @Override
    public void run() {
      next = plan.base(k);
      end = next + plan.rows()[k];
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
        if (!readLines(ch, plan.from()[k], plan.to()[k]) || next != end) {
          givenUp = true;
        }
      } catch (IOException | RuntimeException e) {
        givenUp = true; // the general reader reports it
      }
    }

    /** Reads the lines of {@code [from, to)}, a buffer at a time; false at the first that is not plain. */
    private boolean readLines(FileChannel ch, long from, long to) throws IOException {
      byte[] buf = new byte[BUFFER + 1]; // room for a line break after a last line without one
      ByteBuffer buffer = ByteBuffer.wrap(buf, 0, BUFFER);
      int len = 0;
      long pos = from;
      while (true) {
        buffer.clear().position(len).limit((int) Math.min(BUFFER, len + (to - pos)));
        int n = buffer.hasRemaining() ? ch.read(buffer, pos) : 0;
        if (n < 0 || (n == 0 && pos < to && len < BUFFER)) {
          return false; // the file got shorter
        }
        pos += n;
        len += n;
        boolean last = pos >= to;
        int limit;
        if (last) {
          if (len > 0 && buf[len - 1] != '\n') {
            buf[len++] = '\n';
          }
          limit = len;
        } else {
          limit = len;
          while (limit > 0 && buf[limit - 1] != '\n') {
            limit--;
          }
          if (limit == 0) {
            if (len == BUFFER) {
              return false; // a line longer than the buffer
            }
            continue;
          }
        }
        if (!rows(buf, limit)) {
          return false;
        }
        if (last) {
          return true;
        }
        if (givenUp) {
          return false; // another chunk gave up
        }
        System.arraycopy(buf, limit, buf, 0, len - limit);
        len -= limit;
      }
    }

    /**
     * Reads the lines of {@code b[0..limit-1]}, which ends with '\n'; false at the first that is not
     * a plain row. Fields are found in one pass: every byte above ',' (digits, letters, '-', '.')
     * is a field's content, the others are looked at.
     */
    private boolean rows(byte[] b, int limit) {
      int p = 0;
      while (p < limit) {
        int f = 0;
        fieldStart[0] = p;
        while (true) {
          byte x = b[p];
          if (x > ',') {
            p++;
          } else if (x == ',') {
            fieldEnd[f++] = p++;
            if (f == width) {
              return false;
            }
            fieldStart[f] = p;
          } else if (x == '\n') {
            fieldEnd[f++] = p++;
            break;
          } else if (x == '\r') {
            if (b[p + 1] != '\n') {
              return false; // a lone CR ends a record for the general reader
            }
            fieldEnd[f++] = p;
            p += 2;
            break;
          } else if (x == '"') {
            if (p != fieldStart[f]) {
              return false;
            }
            int q = p + 1;
            while (b[q] != '"') {
              if (b[q] == '\n' || b[q] == '\r') {
                return false; // (a record over several lines)
              }
              q++;
            }
            fieldStart[f] = p + 1;
            fieldEnd[f++] = q;
            p = q + 1;
            if (b[p] == ',') {
              p++;
              if (f == width) {
                return false;
              }
              fieldStart[f] = p;
            } else if (b[p] == '\n') {
              p++;
              break;
            } else if (b[p] == '\r' && b[p + 1] == '\n') {
              p += 2;
              break;
            } else {
              return false; // an escaped quote, or text after the closing quote
            }
          } else {
            p++; // another byte: content
          }
        }
        if (f == 1 && fieldStart[0] == fieldEnd[0]) {
          continue; // an empty line
        }
        if (f != width || !row(b)) {
          return false;
        }
      }
      return true;
    }

    /** Keeps the row whose fields were just found; false when it is not a good row. */
    private boolean row(byte[] b) {
      for (int x : ignored) {
        for (int j = fieldStart[x]; j < fieldEnd[x]; j++) {
          if (b[j] < 0) {
            return false; // not ASCII: the general reader checks that it is UTF-8
          }
        }
      }
      int t = tenantIds.get(b, fieldStart[cols[0]], fieldEnd[cols[0]]);
      int w = workloadIds.get(b, fieldStart[cols[1]], fieldEnd[cols[1]]);
      int m = Month.parse(b, fieldStart[cols[2]], fieldEnd[cols[2]]);
      if (t < 0 || w < 0 || m == Month.NONE || next == end) {
        return false; // (more rows than counted cannot happen when plain)
      }
      int i = next;
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
                  ? DatasetLoader.parseMoney(b, from, to)
                  : DatasetLoader.parseCount(b, from, to);
          if (v == DatasetLoader.BAD) {
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
      next++;
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
