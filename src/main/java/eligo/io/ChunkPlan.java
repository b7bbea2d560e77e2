package eligo.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How {@link PlainCsv} cuts a file for its threads: chunk {@code k} is the bytes {@code [from[k],
 * to[k])} and has room for {@code rows[k]} rows from row {@code start[k]}: exactly its lines that
 * are not empty when the plan is {@code exact}, or an estimate with room to spare ({@link
 * #estimate}), which a chunk may still overrun. Package-private: a loading aid.
 *
 * @param header the first line, without its line break; null when it is not plain
 * @param start each chunk's first row: after the rows of the chunks before it, unless placed
 *     otherwise ({@link #placedAt})
 * @param threads the threads that read the chunks
 */
record ChunkPlan(
    String header, long[] from, long[] to, int[] rows, int[] start, int threads, boolean exact) {
  /** A line longer than this (in bytes) is not plain. */
  private static final int MAX_LINE = 1 << 16;

  /** Chunks per reading thread. */
  static final int CHUNKS_PER_THREAD = 16;

  /** Samples per part of {@link #estimate}. */
  static final int SAMPLES = 64;

  /** Bytes per sample of {@link #estimate}. */
  static final int SAMPLE = 2 << 10;

  /**
   * Rows of room that every estimated part has beyond its estimate and a 16th (a part is estimated
   * only when longer than its samples: with {@link #SAMPLE}, 128 KB, some 3,000 usage rows).
   */
  static final int SPARE_ROWS = 64;

  /** Eight bytes of a byte array at once, for {@link #countLines}. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** A plan whose chunks' rows follow each other from row 0. */
  static ChunkPlan of(
      String header, long[] from, long[] to, int[] rows, int threads, boolean exact) {
    int[] start = new int[rows.length];
    for (int k = 1; k < rows.length; k++) {
      start[k] = start[k - 1] + rows[k - 1];
    }
    return new ChunkPlan(header, from, to, rows, start, threads, exact);
  }

  /** The rows all chunks have room for: an upper bound of the file's records when exact. */
  long capacity() {
    long n = 0;
    for (int r : rows) {
      n += r;
    }
    return n;
  }

  int chunks() {
    return rows.length;
  }

  /** The index of chunk {@code k}'s first row. */
  int base(int k) {
    return start[k];
  }

  /** This plan with chunk {@code k}'s rows from row {@code start[k]}. */
  ChunkPlan placedAt(int[] start) {
    return new ChunkPlan(header, from, to, rows, start.clone(), threads, exact);
  }

  /**
   * Cuts {@code path} at line breaks after the header line into parts for {@code threads} threads
   * ({@link #CHUNKS_PER_THREAD} each when more than one), and counts the lines of each part. Reads
   * the whole file once.
   */
  static ChunkPlan counted(Path path, int threads) throws IOException {
    return cut(path, threads, 0);
  }

  /**
   * Cuts {@code path} as {@link #counted} does, but reads only {@link #SAMPLES} samples of {@code
   * sample} bytes of each part, spread over it, and gives each part room for the rows that its
   * samples' line breaks per byte make, plus a 16th and {@link #SPARE_ROWS}; a part no longer than
   * its samples is counted. On the bench's usage.csv the estimates were from 3.4% below to 4.1%
   * above the rows. A part whose lines are shorter than its samples' may still have more rows than
   * room: {@link PlainCsv#read} stops it at the first row it has no room for, and what it left is
   * read afterwards ({@link #rest}). Counting every line of a 4.3 GB usage.csv took 2.7 s of a core
   * at the start of the load, where the small files are read.
   */
  static ChunkPlan estimate(Path path, int threads, int sample) throws IOException {
    return cut(path, threads, Math.max(1, Math.min(sample, 1 << 20)));
  }

  /** {@link #counted} when {@code sample} is 0, else {@link #estimate}. */
  private static ChunkPlan cut(Path path, int threads, int sample) throws IOException {
    int chunks = threads == 1 ? 1 : threads * CHUNKS_PER_THREAD;
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
      ByteBuffer buf = ByteBuffer.allocate(1 << 20);
      long start = headerEnd < 0 ? size : headerEnd;
      for (int k = 0; k < chunks; k++) {
        from[k] = start;
        long cut = k == chunks - 1 ? size : start + (size - start) / (chunks - k);
        long end = cut >= size ? size : nextLineStart(ch, cut, size);
        to[k] = end < 0 ? size : end;
        long n =
            sample == 0
                ? countLines(ch, from[k], to[k], buf)
                : roomFor(ch, from[k], to[k], sample, buf);
        rows[k] = (int) Math.min(Integer.MAX_VALUE, n);
        start = to[k];
      }
      if (headerEnd < 0) {
        header = null; // one line or none: the header is all there is
      }
      return of(header, from, to, rows, threads, sample == 0);
    }
  }

  /**
   * The plan of what {@code plan}'s chunks left for want of room: for each chunk {@code k} whose
   * {@code rest[k]} is not negative, the bytes from {@code rest[k]} to the chunk's end, in chunk
   * order, their lines counted (an exact plan, its rows from row 0 until {@link #placedAt}).
   */
  static ChunkPlan rest(Path path, ChunkPlan plan, long[] rest) throws IOException {
    int n = 0;
    for (long r : rest) {
      n += r >= 0 ? 1 : 0;
    }
    long[] from = new long[n];
    long[] to = new long[n];
    int[] rows = new int[n];
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(1 << 20);
      for (int k = 0, j = 0; k < rest.length; k++) {
        if (rest[k] >= 0) {
          from[j] = rest[k];
          to[j] = plan.to()[k];
          rows[j] = (int) Math.min(Integer.MAX_VALUE, countLines(ch, from[j], to[j], buf));
          j++;
        }
      }
    }
    return of(plan.header(), from, to, rows, Math.min(plan.threads(), Math.max(1, n)), true);
  }

  /**
   * The rows to make room for in {@code [from, to)}: its lines counted when it is no longer than
   * its samples, else estimated from {@link #SAMPLES} samples spread over it, with room to spare.
   */
  private static long roomFor(FileChannel ch, long from, long to, int sample, ByteBuffer buf)
      throws IOException {
    long size = to - from;
    if (size <= (long) SAMPLES * sample) {
      return countLines(ch, from, to, buf);
    }
    long lines = 0;
    for (int j = 0; j < SAMPLES; j++) {
      long at = from + (size - sample) * j / (SAMPLES - 1);
      lines += lineBreaks(ch, at, sample, buf);
    }
    long estimate = (long) Math.ceil((double) size * lines / ((double) SAMPLES * sample));
    // a line with content takes two bytes at least (the last one, one)
    return Math.min(estimate + estimate / 16 + SPARE_ROWS, size / 2 + 1);
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

  /**
   * The line breaks among the {@code n} bytes at {@code from} (at most the buffer's size): the
   * lines a sample holds, without the bias of counting the two it cuts.
   */
  private static long lineBreaks(FileChannel ch, long from, int n, ByteBuffer buf)
      throws IOException {
    buf.clear().limit(n);
    int read = ch.read(buf, from);
    byte[] b = buf.array();
    long breaks = 0;
    for (int i = 0; i < read; i++) {
      if (b[i] == '\n') {
        breaks++;
      }
    }
    return breaks;
  }

  /**
   * The lines with content (a byte other than CR and LF) in {@code [from, to)}. Eight bytes at a
   * time where they hold no CR: a line break counts when the byte before it is not one too.
   */
  private static long countLines(FileChannel ch, long from, long to, ByteBuffer buf)
      throws IOException {
    byte[] b = buf.array();
    LineCount count = new LineCount();
    for (long pos = from; pos < to; ) {
      buf.clear();
      buf.limit((int) Math.min(b.length, to - pos));
      int n = ch.read(buf, pos);
      if (n <= 0) {
        break;
      }
      int i = 0;
      for (; i + 8 <= n; i += 8) {
        long w = (long) LONGS.get(b, i);
        long lf = zeroBytes(w ^ 0x0A0A0A0A0A0A0A0AL);
        if (zeroBytes(w ^ 0x0D0D0D0D0D0D0D0DL) != 0) {
          count.bytes(b, i, i + 8);
        } else if (lf == 0) {
          count.content = true;
        } else {
          long afterLf = (lf << 8) | (count.content ? 0 : 0x80L);
          count.lines += PlainCsv.highBitCount(lf & ~afterLf);
          count.content = lf >>> 63 == 0;
        }
      }
      count.bytes(b, i, n);
      pos += n;
    }
    return count.lines + (count.content ? 1 : 0);
  }

  /** Lines with content counted so far, and whether the current line has content. */
  private static final class LineCount {
    long lines;
    boolean content;

    /** Counts {@code b[from..to-1]} one byte at a time. */
    void bytes(byte[] b, int from, int to) {
      for (int j = from; j < to; j++) {
        byte x = b[j];
        if (x == '\n') {
          if (content) {
            lines++;
            content = false;
          }
        } else if (x != '\r') {
          content = true;
        }
      }
    }
  }

  /** The high bit of each byte of {@code x} that is 0 (exactly: no false positives). */
  private static long zeroBytes(long x) {
    return ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x) & 0x8080808080808080L;
  }

  /**
   * The header line as text when it is plain (UTF-8, no carriage return inside, not blank); null
   * otherwise. A leading byte-order mark is left out; quoted names are kept quoted, for the
   * header's CSV reader.
   */
  private static String plainHeader(byte[] line) {
    int from = Bom.startsWith(line, line.length) ? Bom.LENGTH : 0;
    int n = line.length - 1; // without '\n'
    if (n > from && line[n - 1] == '\r') {
      n--;
    }
    for (int i = from; i < n; i++) {
      if (line[i] == '\r') {
        return null;
      }
    }
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(line, from, Math.max(0, n - from)))
              .toString();
      return s.isBlank() ? null : s;
    } catch (IOException e) {
      return null;
    }
  }
}
