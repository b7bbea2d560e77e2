package eligo.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32C;

/**
 * The CRC-32C of a span of a file worked out in parts on a pool of threads, the parts' checksums
 * then combined into the one {@link CRC32C} gives for the whole span (the combination of zlib's
 * {@code crc32_combine}: the first part's checksum moved past the second's length, in the field of
 * the polynomial, added to the second's). So a snapshot keeps the one checksum of its body while
 * the body is checked on every core as it is read, instead of on the reading thread alone.
 */
final class Crc32cParts {
  /** The bytes of one part, read by one task. */
  static final int PART = 64 << 20;

  private static final int READ = 1 << 20;

  /** The CRC-32C polynomial, bits reversed, as {@link CRC32C} works with it. */
  private static final int POLY = 0x82f63b78;

  /** {@code X2N[k]} is x to the power 2^k modulo the polynomial. */
  private static final int[] X2N = new int[32];

  static {
    int p = 1 << 30; // x^1
    X2N[0] = p;
    for (int k = 1; k < X2N.length; k++) {
      X2N[k] = p = multiply(p, p);
    }
  }

  private final List<Future<Integer>> parts = new ArrayList<>();
  private final List<Long> lengths = new ArrayList<>();

  private Crc32cParts() {}

  /**
   * Starts working out the CRC-32C of the {@code length} bytes of {@code ch} from {@code from} on
   * {@code pool}, one task per {@link #PART} bytes, each reading at its own positions (the
   * channel's position is not used).
   */
  static Crc32cParts start(FileChannel ch, long from, long length, ExecutorService pool) {
    return start(ch, from, length, pool, PART);
  }

  /** {@link #start(FileChannel, long, long, ExecutorService)} in parts of {@code part} bytes. */
  static Crc32cParts start(
      FileChannel ch, long from, long length, ExecutorService pool, long part) {
    if (part <= 0) {
      throw new IllegalArgumentException("parts of " + part + " bytes");
    }
    Crc32cParts c = new Crc32cParts();
    for (long at = from, end = from + length; at < end; at += part) {
      long start = at;
      long n = Math.min(part, end - at);
      c.parts.add(pool.submit(() -> part(ch, start, n)));
      c.lengths.add(n);
    }
    return c;
  }

  /**
   * The CRC-32C of the whole span, once every part is done.
   *
   * @throws IOException when a part could not be read (the file shorter than it was)
   */
  long value() throws IOException, InterruptedException {
    int crc = 0; // of no bytes
    for (int i = 0; i < parts.size(); i++) {
      int part;
      try {
        part = DaemonThreads.result(parts.get(i));
      } catch (IllegalStateException e) { // a part's checked failure
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw e;
      }
      crc = combine(crc, part, lengths.get(i));
    }
    return Integer.toUnsignedLong(crc);
  }

  /** Stops the parts not started yet (a read given up). */
  void cancel() {
    for (Future<Integer> f : parts) {
      f.cancel(false);
    }
  }

  private static int part(FileChannel ch, long from, long length) throws IOException {
    long crc = crc(ch, from, length);
    if (crc == SHORT) {
      throw new IOException("the file is shorter than " + (from + length) + " bytes");
    }
    return (int) crc;
  }

  /**
   * One read buffer per thread, kept for its next span: a new direct buffer per span of 64 MB made
   * hashing a million customers' 4.4 GB of CSV take 0.86 to 2.1 s instead of 0.64 to 0.68 s (two
   * threads; most of the difference system time).
   */
  private static final ThreadLocal<ByteBuffer> BUFFERS =
      ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(READ));

  /** What {@link #crc(FileChannel, long, long)} gives for a span past the end. */
  static final long SHORT = -1;

  /**
   * The CRC-32C of {@code length} bytes of {@code ch} from {@code from} (0 to 2^32 - 1), read at
   * their positions through this thread's buffer rather than mapped (where page-table updates are
   * dear, on virtual machines, mapping 4.4 GB and touching it took 2.6 s, reading it 0.6 s); {@link
   * #SHORT} when the file ends before them.
   */
  static long crc(FileChannel ch, long from, long length) throws IOException {
    ByteBuffer buffer = BUFFERS.get();
    CRC32C crc = new CRC32C();
    for (long at = from, end = from + length; at < end; ) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), end - at));
      int n = ch.read(buffer, at);
      if (n < 0) {
        return SHORT;
      }
      at += n;
      crc.update(buffer.flip());
    }
    return crc.getValue();
  }

  /**
   * The CRC-32C of bytes A then B, from that of A ({@code crc1}), that of B ({@code crc2}) and B's
   * length.
   */
  static int combine(int crc1, int crc2, long length2) {
    return multiply(powerOfX(length2, 3), crc1) ^ crc2;
  }

  /** a(x) times b(x) modulo the polynomial, both with their bits reversed. */
  private static int multiply(int a, int b) {
    int m = 1 << 31;
    int p = 0;
    for (; ; ) {
      if ((a & m) != 0) {
        p ^= b;
        if ((a & (m - 1)) == 0) {
          return p;
        }
      }
      m >>>= 1;
      b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
    }
  }

  /** x to the power n times 2^k, modulo the polynomial. */
  private static int powerOfX(long n, int k) {
    int p = 1 << 31; // x^0
    while (n != 0) {
      if ((n & 1) != 0) {
        p = multiply(X2N[k & 31], p);
      }
      n >>>= 1;
      k++;
    }
    return p;
  }
}
