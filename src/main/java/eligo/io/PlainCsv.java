package eligo.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Reads a CSV file on every core when it is <em>plain</em>: one record per line (LF or CRLF),
 * fields unquoted or quoted without quotes or line breaks inside, every row as wide as the header,
 * the fields that are not read ASCII, and every row accepted by its {@link Rows} handler. The file
 * is cut at line breaks into chunks ({@link ChunkPlan}), several per thread, which the threads take
 * in turn: a thread that the machine slowed down, or that shares its core with other work, takes
 * fewer, so that none reads on alone at the end (with one chunk per thread, the other core was idle
 * for the last 1.5 s of reading a 4.3 GB usage.csv).
 *
 * <p>At the first row that is not plain, every thread stops and {@link #read} says so: the loader
 * then reads the file with FastCSV and the row checks that word each error. So this reader never
 * reports anything; it only makes good files fast. Package-private: a loading aid.
 */
final class PlainCsv {
  /** Bytes read at a time by each thread. */
  private static final int BUFFER = 1 << 20;

  /** Eight bytes of a byte array at once, for {@link #nextSpecial}. */
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private PlainCsv() {}

  /** Takes the rows of one chunk, on that chunk's thread. */
  interface Rows {
    /**
     * Takes row {@code index} (counted over the whole file, from 0), whose field {@code f} is
     * {@code b[start[f]..end[f]-1]}; false when it is not a good row.
     */
    boolean row(byte[] b, int[] start, int[] end, int index);
  }

  /** {@link FastRows#line}: this line is for {@link Rows#row} (its fields found first). */
  static final int NOT_FAST = -1;

  /** {@link FastRows#line}: the line is a row that is not good (the reading is not plain). */
  static final int REJECTED = -2;

  /**
   * Rows that can also be taken straight from a line's bytes, in one pass that reads each byte
   * once: the fields are parsed where they are found, not found first and parsed after.
   */
  interface FastRows extends Rows {
    /**
     * Takes the line at {@code b[p]} as row {@code index} when it is of the usual shape (which the
     * implementation decides: whatever else it leaves to {@link #row}, having changed nothing);
     * returns where the next line starts, or {@link #NOT_FAST}, or {@link #REJECTED} when the line
     * is a row {@link #row} would not accept. The line ends with a '\n'; the array goes on at least
     * 8 bytes after it.
     */
    int line(byte[] b, int p, int index);
  }

  /**
   * What {@link #read} found.
   *
   * @param rows each chunk's rows, from its {@link ChunkPlan#base}; null when a row was not plain
   *     or not accepted (or, in an exact plan, a chunk's rows were not those counted)
   * @param rest for each chunk of an estimated plan that had more rows than room, where in the file
   *     the first row it had no room for starts (it read the rows before); -1 for the others
   */
  record Outcome(int[] rows, long[] rest) {
    boolean plain() {
      return rows != null;
    }

    /** A chunk had more rows than room. */
    boolean overrun() {
      for (long r : rest) {
        if (r >= 0) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Reads the chunks of {@code plan} on its threads, the calling one included, each taking the next
   * chunk not yet taken, and passes each row to the chunk's {@code rows.apply(k)}, which reads one
   * chunk at a time, as row {@code plan.base(k)} and on. Plain when every row was plain and
   * accepted, and, when the plan is exact, each chunk had the rows counted. A chunk of an estimated
   * plan that has more rows than room stops at the first it has no room for ({@link Outcome#rest}).
   *
   * @param width the header's number of fields
   * @param read the fields the handlers read (the others only have to be ASCII)
   */
  static Outcome read(Path path, ChunkPlan plan, int width, int[] read, IntFunction<Rows> rows) {
    Reading reading = new Reading(path, plan, width, read);
    int chunks = plan.chunks();
    List<Reading.Chunk> parts = new ArrayList<>();
    for (int k = 0; k < chunks; k++) {
      parts.add(reading.new Chunk(k, rows.apply(k)));
    }
    AtomicInteger taken = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int k; !reading.givenUp && (k = taken.getAndIncrement()) < chunks; ) {
            parts.get(k).run();
          }
        };
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i < Math.min(plan.threads(), chunks); i++) {
      Thread t = new Thread(worker, "eligo-read-" + path.getFileName() + "-" + i);
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    worker.run();
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reading.givenUp = true;
      }
    }
    if (reading.error != null) {
      throw reading.error;
    }
    return new Outcome(reading.givenUp ? null : reading.filled, reading.rest);
  }

  /**
   * The index (0 to 7, from the least significant) of the lowest byte whose high bit is set in
   * {@code highBits}, which has no other bit set: {@code Long.numberOfTrailingZeros(highBits) >>>
   * 3} without branches. Under C1, which does not make that method one instruction, it was a tenth
   * of the CPU time of a 100,000-customer run. The lowest bit, moved to the bottom of its byte, is
   * 2 to the power 8k; times a constant whose byte j is 7 - j, it brings byte 7 - k of the
   * constant, which is k, to the top.
   */
  static int lowestByte(long highBits) {
    return (int) ((((highBits & -highBits) >>> 7) * 0x0001020304050607L) >>> 56);
  }

  /**
   * How many bytes have their high bit set in {@code highBits}, which has no other bit set: {@code
   * Long.bitCount} without its call under C1. Each byte, moved to the bottom, is 0 or 1; times a
   * constant with a 1 in every byte, their sum is in the top byte.
   */
  static int highBitCount(long highBits) {
    return (int) (((highBits >>> 7) * 0x0101010101010101L) >>> 56);
  }

  /** One reading of a file by several threads. */
  private static final class Reading {
    private final Path path;
    private final ChunkPlan plan;
    private final int width;

    /** The fields that are not read (extra columns): they only have to be ASCII to be plain. */
    private final int[] ignored;

    private volatile boolean givenUp;

    /** Each chunk's rows, set by the thread that read it. */
    private final int[] filled;

    /** Where each chunk stopped for want of room ({@link Outcome#rest}), set by its thread. */
    private final long[] rest;

    /** An error (out of memory) that ended a part on another thread: thrown by {@link #read}. */
    private volatile Error error;

    Reading(Path path, ChunkPlan plan, int width, int[] read) {
      this.path = path;
      this.plan = plan;
      this.width = width;
      this.filled = new int[plan.chunks()];
      this.rest = new long[plan.chunks()];
      java.util.Arrays.fill(rest, -1);
      Set<Integer> fields = new HashSet<>();
      for (int f : read) {
        fields.add(f);
      }
      this.ignored = IntStream.range(0, width).filter(f -> !fields.contains(f)).toArray();
    }

    /** One chunk's reading, on the thread that took it. */
    final class Chunk implements Runnable {
      private final int k;
      private final Rows rows;
      private final FastRows fast;
      private final int[] fieldStart = new int[width];
      private final int[] fieldEnd = new int[width];
      private int next;
      private int end;

      /** Where in the file the first row with no room starts; -1 while there is room. */
      private long stoppedAt = -1;

      /** Where in the buffer that row starts, found by {@link #lines}. */
      private int stoppedInBuffer = -1;

      Chunk(int k, Rows rows) {
        this.k = k;
        this.rows = rows;
        this.fast = rows instanceof FastRows f ? f : null;
      }

      @Override
      public void run() {
        int base = plan.base(k);
        next = base;
        end = base + plan.rows()[k];
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
          boolean read = readLines(ch, plan.from()[k], plan.to()[k]);
          if (read ? plan.exact() && next != end : stoppedAt < 0 || plan.exact()) {
            givenUp = true;
          }
          filled[k] = next - base;
          rest[k] = read ? -1 : stoppedAt;
        } catch (IOException | RuntimeException e) {
          givenUp = true; // the general reader reports it
        } catch (Error e) {
          // out of memory, say: given to the reading thread, never a part silently missing
          error = e;
          givenUp = true;
        }
      }

      /**
       * Reads the lines of {@code [from, to)}, a buffer at a time; false at the first that is not
       * plain.
       */
      private boolean readLines(FileChannel ch, long from, long to) throws IOException {
        // room for a line break after a last line without one, and for reading 8 bytes at a time
        byte[] buf = new byte[BUFFER + 16];
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
          if (!lines(buf, limit)) {
            if (stoppedInBuffer >= 0) {
              stoppedAt = pos - len + stoppedInBuffer; // the buffer holds the bytes before pos
            }
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
       * Reads the lines of {@code b[0..limit-1]}, which ends with '\n'; false at the first that is
       * not a plain row. Fields are found in one pass that skips, eight at a time, the bytes above
       * ',' (digits, letters, '-', '.', and any byte that is not ASCII): they are a field's
       * content. The other bytes are looked at one by one.
       */
      private boolean lines(byte[] b, int limit) {
        int p = 0;
        while (p < limit) {
          if (fast != null && next < end) {
            int q = fast.line(b, p, next);
            if (q >= 0) {
              next++;
              p = q;
              continue;
            }
            if (q == REJECTED) {
              return false;
            }
          }
          int f = 0;
          int lineStart = p;
          fieldStart[0] = p;
          while (true) {
            p = nextSpecial(b, p);
            byte x = b[p];
            if (x == ',') {
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
          if (f != width || !ascii(b)) {
            return false;
          }
          if (next == end) {
            stoppedInBuffer = lineStart; // more rows than estimated (or counted: the file grew)
            return false;
          }
          if (!rows.row(b, fieldStart, fieldEnd, next)) {
            return false;
          }
          next++;
        }
        return true;
      }

      /**
       * The first position at or after {@code p} of a byte at most ',' (0x2C) as an unsigned
       * number; there is one (the line break ending the buffer's last line), and 8 bytes from each
       * position looked at are inside the array.
       */
      private static int nextSpecial(byte[] b, int p) {
        while (true) {
          long w = (long) LONGS.get(b, p);
          // per byte: the high bit of (low 7 bits + 0x53) is clear when they are below 0x2D;
          // a byte with its own high bit set is above ','
          long below =
              ~(((w & 0x7F7F7F7F7F7F7F7FL) + 0x5353535353535353L) | w) & 0x8080808080808080L;
          if (below != 0) {
            return p + lowestByte(below);
          }
          p += 8;
        }
      }

      private boolean ascii(byte[] b) {
        for (int x : ignored) {
          for (int j = fieldStart[x]; j < fieldEnd[x]; j++) {
            if (b[j] < 0) {
              return false; // the general reader checks that it is UTF-8
            }
          }
        }
        return true;
      }
    }
  }
}
