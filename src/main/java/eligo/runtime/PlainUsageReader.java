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
 * fields unquoted or quoted without quotes or line breaks inside, and every row good (known ids, a
 * month, valid numbers, the header's width). The file is cut at line breaks into one chunk per
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
   * How usage.csv is cut: chunk {@code k} is the bytes {@code [from[k], to[k])}, starts at line
   * {@code firstLine[k]} and has {@code rows[k]} lines that are not empty (its rows, when plain).
   *
   * @param header the first line, without its line break; null when it is not plain (then only
   *     {@link #capacity} is of use)
   */
  record Plan(String header, long[] from, long[] to, long[] firstLine, int[] rows) {
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
      long[] firstLine = new long[chunks];
      int[] rows = new int[chunks];
      long start = headerEnd < 0 ? size : headerEnd;
      long line = 2;
      for (int k = 0; k < chunks; k++) {
        from[k] = start;
        long cut = k == chunks - 1 ? size : start + (size - start) / (chunks - k);
        long end = cut >= size ? size : nextLineStart(ch, cut, size);
        to[k] = end < 0 ? size : end;
        firstLine[k] = line;
        long[] counted = countLines(ch, from[k], to[k]);
        rows[k] = (int) Math.min(Integer.MAX_VALUE, counted[0]);
        line += counted[1];
        start = to[k];
      }
      if (headerEnd < 0) {
        // one line or none: the header is all there is (and the general reader handles it)
        header = null;
        rows[0] = 0;
      }
      return new Plan(header, from, to, firstLine, rows);
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

  /** {lines with content, line breaks ('\n')} in {@code [from, to)}. */
  private static long[] countLines(FileChannel ch, long from, long to) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    byte[] b = buf.array();
    long lines = 0;
    long breaks = 0;
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
          breaks++;
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
    return new long[] {lines, breaks};
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
    int[] tenant;
    int[] workload;
    int[] month;
    int[] line;
    long[][] measures;
    int minMonth = Integer.MAX_VALUE;
    int maxMonth = Integer.MIN_VALUE;
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
      out.maxMonth = Math.max(out.maxMonth, c.maxMonth);
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
    private int next;
    private int end;
    private long line;

    Chunk(int k, Columns out) {
      this.k = k;
      this.out = out;
    }

    @Override
    public void run() {
      next = plan.base(k);
      end = next + plan.rows()[k];
      line = plan.firstLine()[k];
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
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
      byte[] buf = buffer.array();
      int len = 0;
      long pos = from;
      while (pos < to) {
        buffer.clear().position(len).limit((int) Math.min(buf.length, len + (to - pos)));
        int n = ch.read(buffer, pos);
        if (n <= 0) {
          return false; // the file got shorter
        }
        pos += n;
        len += n;
        int lineStart = 0;
        for (int i = len - n; i < len; i++) {
          if (buf[i] == '\n') {
            if (!line(buf, lineStart, i)) {
              return false;
            }
            lineStart = i + 1;
          }
        }
        if (givenUp || (lineStart == 0 && len == buf.length)) {
          return false; // another chunk gave up, or a line longer than the buffer
        }
        System.arraycopy(buf, lineStart, buf, 0, len - lineStart);
        len -= lineStart;
      }
      return len == 0 || line(buf, 0, len);
    }

    /** Reads the line {@code b[s..e-1]} (without '\n'); false when it is not a plain row. */
    private boolean line(byte[] b, int s, int e) {
      long lineNumber = line++;
      if (e > s && b[e - 1] == '\r') {
        e--;
      }
      if (e == s) {
        return true; // an empty line
      }
      int f = 0;
      int p = s;
      while (true) {
        if (f == width) {
          return false;
        }
        if (p < e && b[p] == '"') {
          int q = p + 1;
          while (q < e && b[q] != '"') {
            q++;
          }
          if (q == e || (q + 1 < e && b[q + 1] != ',')) {
            return false;
          }
          fieldStart[f] = p + 1;
          fieldEnd[f] = q;
          p = q + 1;
        } else {
          fieldStart[f] = p;
          while (p < e && b[p] != ',') {
            if (b[p] == '"' || b[p] == '\r') {
              return false;
            }
            p++;
          }
          fieldEnd[f] = p;
        }
        f++;
        if (p == e) {
          break;
        }
        p++; // the comma
      }
      if (f != width) {
        return false;
      }
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
        out.measures[k][i] = v;
      }
      next++;
      out.tenant[i] = t;
      out.workload[i] = w;
      out.month[i] = m;
      out.line[i] = (int) Math.min(Integer.MAX_VALUE, lineNumber);
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
