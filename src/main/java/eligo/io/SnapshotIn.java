package eligo.io;

import eligo.data.TextColumn;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Little-endian reading of the body through one buffer. Its checksum is worked out apart, on other
 * threads ({@link Crc32cParts}).
 */
final class SnapshotIn {
  private final FileChannel ch;
  private final ByteBuffer buf =
      ByteBuffer.allocateDirect(SnapshotFile.BUFFER).order(ByteOrder.LITTLE_ENDIAN);
  private final long body;
  private long unread; // bytes of the body not yet in the buffer
  private byte[] scratch = new byte[256];

  /** Whether the usage rows' columns are mapped ({@link #mappedInts}), or read onto the heap. */
  private final boolean mapping;

  /** The columns mapped, by identity, with the offset in the file of their first item. */
  private final java.util.IdentityHashMap<java.nio.Buffer, Long> mapped =
      new java.util.IdentityHashMap<>();

  SnapshotIn(FileChannel ch, long body) {
    this(ch, body, true);
  }

  SnapshotIn(FileChannel ch, long body, boolean mapping) {
    this.mapping = mapping;
    this.ch = ch;
    this.body = body;
    this.unread = body;
    buf.limit(0);
  }

  long remaining() {
    return unread + buf.remaining();
  }

  /** At least {@code n} (at most the buffer's size) bytes in the buffer. */
  private void need(int n) throws IOException {
    if (buf.remaining() >= n) {
      return;
    }
    if (remaining() < n) {
      throw new Damaged("ends early");
    }
    buf.compact();
    while (buf.position() < n) {
      int want = (int) Math.min(buf.remaining(), unread);
      ByteBuffer slice = buf.slice().limit(want);
      int got = ch.read(slice);
      if (got < 0) {
        throw new Damaged("ends early");
      }
      buf.position(buf.position() + got);
      unread -= got;
    }
    buf.flip();
  }

  int i32() throws IOException {
    need(4);
    return buf.getInt();
  }

  long i64() throws IOException {
    need(8);
    return buf.getLong();
  }

  /** A count of items of at least {@code bytesEach} bytes each, no more than the file holds. */
  int count(int bytesEach) throws IOException {
    int n = i32();
    if (n < 0 || (long) n * bytesEach > remaining()) {
      throw new Damaged("length " + n);
    }
    return n;
  }

  void bytes(byte[] b) throws IOException {
    bytes(b, b.length);
  }

  /** The next {@code length} bytes into {@code b[0..length-1]}. */
  private void bytes(byte[] b, int length) throws IOException {
    bytes(b, 0, length);
  }

  /** The next {@code length} bytes into {@code b[from..from+length-1]}. */
  private void bytes(byte[] b, int from, int length) throws IOException {
    for (int at = 0; at < length; ) {
      need(1);
      int n = Math.min(buf.remaining(), length - at);
      buf.get(b, from + at, n);
      at += n;
    }
  }

  String string() throws IOException {
    return stringOf(count(1));
  }

  /** The string of the next {@code n} bytes. */
  private String stringOf(int n) throws IOException {
    if (n <= SnapshotFile.BUFFER) {
      need(n);
      byte[] b = scratchOf(n);
      buf.get(b, 0, n);
      return new String(b, 0, n, StandardCharsets.UTF_8);
    }
    byte[] b = new byte[n];
    bytes(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /**
   * A column of strings ({@link SnapshotOut#strings}): their UTF-8 lengths, then their bytes one
   * after the other, read in two copies ({@link #texts()}).
   */
  String[] strings() throws IOException {
    return texts(Integer.MAX_VALUE - 16, false).toArray(); // every string made now: none mapped
  }

  /**
   * A column of strings written as runs of equal ones ({@link SnapshotOut#repeats}): each run is
   * one string, not a copy per item (the customers' partner ids, in partner order).
   */
  String[] stringsSharingRepeats() throws IOException {
    String[] runs = strings();
    int[] lengths = ints();
    if (lengths.length != runs.length) {
      throw new Damaged("runs " + lengths.length);
    }
    long total = total(lengths);
    if (total > remaining() / 4) {
      // each item has four bytes at least further on (its customer's id length)
      throw new Damaged("length " + total);
    }
    String[] a = new String[(int) total];
    int at = 0;
    for (int r = 0; r < runs.length; r++) {
      Arrays.fill(a, at, at + lengths[r], runs[r]);
      at += lengths[r];
    }
    return a;
  }

  /** The sum of {@code lengths}, each at least 0. */
  private static long total(int[] lengths) {
    long total = 0;
    for (int n : lengths) {
      if (n < 0) {
        throw new Damaged("length " + n);
      }
      total += n;
    }
    return total;
  }

  /**
   * {@link #strings()} as a column of their UTF-8 bytes ({@link TextColumn#utf8}): no string is
   * made until one is asked for. Strings, when the bytes would not fit one array.
   */
  TextColumn texts() throws IOException {
    return texts(Integer.MAX_VALUE - 16, true);
  }

  /** The bytes of texts from which they are mapped rather than read onto the heap. */
  private static final long MAP_TEXTS_FROM = 1 << 20;

  /**
   * {@link #texts()} with at most {@code maxBytes} bytes in one array, their bytes mapped (when the
   * snapshot's columns are, and there are many) only when {@code mayMap}.
   */
  TextColumn texts(int maxBytes, boolean mayMap) throws IOException {
    int[] lengths = ints();
    long total = total(lengths);
    if (total > remaining()) {
      throw new Damaged("length " + total);
    }
    if (total > maxBytes) {
      String[] texts = new String[lengths.length];
      for (int i = 0; i < texts.length; i++) {
        texts[i] = stringOf(lengths[i]);
      }
      return TextColumn.of(texts);
    }
    // many bytes (a million customers' names, their tenants' ids and names) are mapped, as the
    // usage rows' columns are, a few read
    ByteBuffer mapped = mayMap && total >= MAP_TEXTS_FROM ? map(total) : null;
    byte[] utf8 = null;
    if (mapped == null) {
      utf8 = new byte[(int) total];
      bytes(utf8);
    }
    int end = 0;
    for (int i = 0; i < lengths.length; i++) {
      end += lengths[i];
      lengths[i] = end; // the lengths become the ends
    }
    return mapped != null ? TextColumn.utf8(mapped, lengths) : TextColumn.utf8(utf8, lengths);
  }

  private byte[] scratchOf(int n) {
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, 2 * scratch.length)];
    }
    return scratch;
  }

  int[] ints() throws IOException {
    return ints(count(4));
  }

  private int[] ints(int length) throws IOException {
    int[] a = new int[length];
    items(length, 4, (from, r, n) -> from.asIntBuffer().get(a, r, n));
    return a;
  }

  /** Copies {@code n} items of a column to item {@code r} from where {@code from} stands. */
  private interface Copy {
    void copy(ByteBuffer from, int r, int n);
  }

  /**
   * The next {@code length} items of {@code width} bytes each, as many at a time as the buffer
   * holds, copied by {@code copy}.
   */
  private void items(int length, int width, Copy copy) throws IOException {
    for (int r = 0; r < length; ) {
      need(width);
      int n = Math.min(buf.remaining() / width, length - r);
      copy.copy(buf, r, n);
      buf.position(buf.position() + width * n);
      r += n;
    }
  }

  /** The offset in the file of the next byte to read. */
  private long position() {
    return body - unread - buf.remaining();
  }

  /**
   * An int column mapped from the file instead of read: its bytes are checked (the checksum) in
   * place, and stay in the page cache rather than on the heap. A column too long for one mapping is
   * read.
   */
  IntBuffer mappedInts() throws IOException {
    int n = count(4);
    long at = position();
    ByteBuffer bytes = map(4L * n);
    return bytes != null ? kept(bytes.asIntBuffer(), at) : IntBuffer.wrap(ints(n));
  }

  /** {@link #mappedInts} of a long column. */
  LongBuffer mappedLongs() throws IOException {
    int n = count(8);
    long at = position();
    ByteBuffer bytes = map(8L * n);
    return bytes != null ? kept(bytes.asLongBuffer(), at) : LongBuffer.wrap(longs(n));
  }

  /** {@code column}, mapped from offset {@code at}, added to {@link #mapped}. */
  private <B extends java.nio.Buffer> B kept(B column, long at) {
    mapped.put(column, at);
    return column;
  }

  /**
   * The columns mapped so far ({@link #mappedInts}, {@link #mappedLongs}), by identity, with the
   * offset in the file of their first item: the map itself, which later columns join.
   */
  java.util.IdentityHashMap<java.nio.Buffer, Long> mapped() {
    return mapped;
  }

  /**
   * The next {@code bytes} bytes of the file mapped (little-endian), and skipped: never read here
   * (their checksum is worked out apart). The evaluation reads them by offset a chunk at a time
   * ({@link SnapshotRows}); the mapping serves the reads of a row here and there (an explanation).
   * Null when they do not fit one mapping.
   */
  private ByteBuffer map(long bytes) throws IOException {
    if (!mapping || bytes > Integer.MAX_VALUE) {
      return null;
    }
    ByteBuffer mapped =
        ch.map(FileChannel.MapMode.READ_ONLY, position(), bytes).order(ByteOrder.LITTLE_ENDIAN);
    int buffered = (int) Math.min(buf.remaining(), bytes);
    buf.position(buf.position() + buffered);
    if (bytes > buffered) {
      ch.position(ch.position() + (bytes - buffered));
      unread -= bytes - buffered;
    }
    return mapped;
  }

  long[] longs() throws IOException {
    return longs(count(8));
  }

  private long[] longs(int length) throws IOException {
    long[] a = new long[length];
    items(length, 8, (from, r, n) -> from.asLongBuffer().get(a, r, n));
    return a;
  }

  /** A snapshot whose content contradicts itself. */
  static final class Damaged extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Damaged(String what) {
      super(what, null, false, false);
    }
  }
}
