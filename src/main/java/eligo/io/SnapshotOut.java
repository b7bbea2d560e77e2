package eligo.io;

import eligo.data.DatasetColumns;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/** Little-endian writing through one buffer, with the CRC-32C of everything written. */
final class SnapshotOut {
  private final OutputStream os;
  private final ByteBuffer buf =
      ByteBuffer.allocate(SnapshotFile.BUFFER).order(ByteOrder.LITTLE_ENDIAN);
  private final CRC32C crc = new CRC32C();
  private long written;

  SnapshotOut(OutputStream os) {
    this.os = os;
  }

  private void room(int n) throws IOException {
    if (buf.remaining() < n) {
      flush();
    }
  }

  private void flush() throws IOException {
    crc.update(buf.array(), 0, buf.position());
    os.write(buf.array(), 0, buf.position());
    written += buf.position();
    buf.clear();
  }

  void i32(int v) throws IOException {
    room(4);
    buf.putInt(v);
  }

  void i64(long v) throws IOException {
    room(8);
    buf.putLong(v);
  }

  void bytes(byte[] b) throws IOException {
    for (int at = 0; at < b.length; ) {
      room(1);
      int n = Math.min(buf.remaining(), b.length - at);
      buf.put(b, at, n);
      at += n;
    }
  }

  void string(String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    i32(b.length);
    bytes(b);
  }

  /**
   * A column of strings: their count, their UTF-8 lengths as one int column, then all their bytes
   * one after the other, so that reading them back is two copies, not one read per string.
   */
  void strings(String[] a) throws IOException {
    byte[][] utf8 = new byte[a.length][];
    int[] lengths = new int[a.length];
    for (int i = 0; i < a.length; i++) {
      utf8[i] = a[i].getBytes(StandardCharsets.UTF_8);
      lengths[i] = utf8[i].length;
    }
    ints(lengths);
    for (byte[] b : utf8) {
      bytes(b);
    }
  }

  /**
   * A column of strings where many follow an equal one (the customers' partner ids, in partner
   * order): each run of equal strings once ({@link #strings}), then the runs' lengths.
   */
  void repeats(String[] a) throws IOException {
    String[] runs = new String[a.length];
    int[] lengths = new int[a.length];
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (n > 0 && a[i].equals(runs[n - 1])) {
        lengths[n - 1]++;
      } else {
        runs[n] = a[i];
        lengths[n++] = 1;
      }
    }
    strings(Arrays.copyOf(runs, n));
    ints(Arrays.copyOf(lengths, n));
  }

  /** A column of texts as {@link #strings}: read back as strings or as a column. */
  void texts(eligo.data.TextColumn a) throws IOException {
    strings(a.toArray());
  }

  void ints(int[] a) throws IOException {
    i32(a.length);
    items(0, a.length, 4, (into, r, n) -> into.asIntBuffer().put(a, r, n));
  }

  void ints(IntBuffer a) throws IOException {
    if (a.hasArray() && a.arrayOffset() == 0 && a.limit() == a.array().length) {
      ints(a.array());
      return;
    }
    i32(a.limit());
    items(0, a.limit(), 4, intCopy(a));
  }

  /** An int column of the rows, in the order of {@code rows}. */
  void ints(IntBuffer a, Rows rows) throws IOException {
    if (!rows.moved()) {
      ints(a);
      return;
    }
    rowColumn(a.limit(), 4, rows, intCopy(a));
  }

  /** A long column of the rows, in the order of {@code rows}. */
  void longs(LongBuffer a, Rows rows) throws IOException {
    if (!rows.moved()) {
      longs(a);
      return;
    }
    rowColumn(a.limit(), 8, rows, longCopy(a));
  }

  /** Copies {@code n} items of a column from item {@code r} to where {@code into} stands. */
  private interface Copy {
    void copy(ByteBuffer into, int r, int n);
  }

  private static Copy intCopy(IntBuffer a) {
    return (into, r, n) -> into.asIntBuffer().put(a.duplicate().position(r).limit(r + n));
  }

  private static Copy longCopy(LongBuffer a) {
    return (into, r, n) -> into.asLongBuffer().put(a.duplicate().position(r).limit(r + n));
  }

  /**
   * Items {@code from} to {@code to} (exclusive) of a column of {@code width} bytes each, as many
   * at a time as the buffer has room for, copied by {@code copy}.
   */
  private void items(int from, int to, int width, Copy copy) throws IOException {
    for (int r = from; r < to; ) {
      room(width);
      int n = Math.min(buf.remaining() / width, to - r);
      copy.copy(buf, r, n);
      buf.position(buf.position() + width * n);
      r += n;
    }
  }

  /**
   * A column of {@code length} rows of {@code width} bytes, each pair's rows after the pair
   * before's ({@code rows}), copied by {@code copy}.
   */
  private void rowColumn(int length, int width, Rows rows, Copy copy) throws IOException {
    i32(length);
    for (int p = 0; p < rows.from().length; p++) {
      items(rows.from()[p], rows.to()[p], width, copy);
    }
  }

  void longs(LongBuffer a) throws IOException {
    if (a.hasArray() && a.arrayOffset() == 0 && a.limit() == a.array().length) {
      longs(a.array());
      return;
    }
    i32(a.limit());
    items(0, a.limit(), 8, longCopy(a));
  }

  void longs(long[] a) throws IOException {
    i32(a.length);
    items(0, a.length, 8, (into, r, n) -> into.asLongBuffer().put(a, r, n));
  }

  /** Writes the trailer: the body's length, its checksum, the end mark. */
  void finish() throws IOException {
    flush();
    long body = written;
    long sum = crc.getValue();
    ByteBuffer t = ByteBuffer.allocate(SnapshotFile.TRAILER).order(ByteOrder.LITTLE_ENDIAN);
    t.putLong(body).putLong(sum).putLong(SnapshotFile.END);
    os.write(t.array());
  }

  /**
   * Where the rows of each pair go in the snapshot: {@code start} and {@code end} per pair, and
   * {@code from} and {@code to}, where they are now; {@code moved} is false when they are where
   * they go (pair after pair already, or some row belongs to no pair: then nothing moves).
   */
  record Rows(int[] start, int[] end, int[] from, int[] to, boolean moved) {
    static Rows of(DatasetColumns c) {
      int[] from = c.pairRowStart();
      int[] to = c.pairRowEnd();
      int pairs = from.length;
      int[] start = new int[pairs];
      int[] end = new int[pairs];
      long at = 0;
      boolean inOrder = true;
      for (int p = 0; p < pairs; p++) {
        inOrder &= from[p] == at;
        start[p] = (int) at;
        at += to[p] - from[p];
        end[p] = (int) at;
      }
      boolean moved = !inOrder && at == c.rowMonth().limit();
      return moved ? new Rows(start, end, from, to, true) : new Rows(from, to, from, to, false);
    }
  }
}
