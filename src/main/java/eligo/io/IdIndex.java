package eligo.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A read-only copy of an id to index map that is looked up by the bytes (UTF-8) or the characters
 * of a CSV field, so that no String is made per lookup. Open addressing with linear probing over
 * the ids' UTF-8 bytes, placed by {@link IdHash}: the plain hash, or the seeded one where the plain
 * one makes a run of slots too long. Not thread-safe (it remembers the last id found): see {@link
 * #forAnotherThread()}. Package-private: a loading aid.
 */
final class IdIndex {
  private final byte[][] keys;
  private final int[] values;
  private final int mask;

  /** Whether the ids are placed by the seeded hash, the plain one making a run too long. */
  private final boolean seeded;

  /** The slot of the id found last. */
  private int last;

  /** The chars of an id looked up by {@link #get(char[], int, int)}, as bytes. */
  private byte[] ascii = new byte[32];

  IdIndex(Map<String, Integer> map) {
    this(idMap(map));
  }

  private static IdMap idMap(Map<String, Integer> map) {
    IdMap ids = new IdMap();
    map.forEach(ids::put);
    return ids;
  }

  IdIndex(IdMap map) {
    int capacity = Integer.highestOneBit(Math.max(4, map.size() * 2 - 1)) << 1;
    mask = capacity - 1;
    byte[][] ids = new byte[map.size()][];
    int[] indexes = new int[map.size()];
    int[] n = {0};
    map.forEach(
        (id, index) -> {
          ids[n[0]] = id.getBytes(StandardCharsets.UTF_8);
          indexes[n[0]++] = index;
        });
    keys = new byte[capacity][];
    values = new int[capacity];
    boolean placed = place(ids, indexes, false);
    if (!placed) {
      java.util.Arrays.fill(keys, null);
      place(ids, indexes, true);
    }
    seeded = !placed;
  }

  /**
   * Places every id by the plain or the seeded hash ({@link IdHash}); false, part placed, when the
   * plain hash makes a run of slots too long.
   */
  private boolean place(byte[][] ids, int[] indexes, boolean bySeed) {
    for (int i = 0; i < ids.length; i++) {
      byte[] key = ids[i];
      int slot = hash(key, 0, key.length, bySeed) & mask;
      for (int probes = 0; keys[slot] != null; probes++) {
        if (probes > IdHash.LONG_RUN && !bySeed) {
          return false;
        }
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      values[slot] = indexes[i];
    }
    return true;
  }

  private static int hash(byte[] b, int from, int to, boolean bySeed) {
    return bySeed ? IdHash.seeded(b, from, to) : IdHash.plain(b, from, to);
  }

  private IdIndex(IdIndex shared) {
    keys = shared.keys;
    values = shared.values;
    mask = shared.mask;
    seeded = shared.seeded;
  }

  /** Whether the ids are placed by the seeded hash ({@link IdHash}). */
  boolean seeded() {
    return seeded;
  }

  /**
   * An index with the same ids, for another thread (the table is shared, the last id found is not).
   */
  IdIndex forAnotherThread() {
    return new IdIndex(this);
  }

  /**
   * The index of the id whose UTF-8 bytes are {@code b[from..to-1]}; -1 when it is not in the map.
   */
  int get(byte[] b, int from, int to) {
    // Rows of one tenant and workload usually follow each other: the last id found comes first.
    if (keys[last] != null && matches(keys[last], b, from, to)) {
      return values[last];
    }
    for (int slot = hash(b, from, to, seeded) & mask; ; slot = (slot + 1) & mask) {
      byte[] key = keys[slot];
      if (key == null) {
        return -1;
      }
      if (matches(key, b, from, to)) {
        last = slot;
        return values[slot];
      }
    }
  }

  /**
   * The index of the id {@code c[from..to-1]}; -1 when it is not in the map, and also when it is
   * not ASCII (the caller then looks it up by String).
   */
  int get(char[] c, int from, int to) {
    int n = to - from;
    if (ascii.length < n) {
      ascii = new byte[Math.max(n, 2 * ascii.length)];
    }
    for (int i = 0; i < n; i++) {
      char ch = c[from + i];
      if (ch >= 0x80) {
        return -1;
      }
      ascii[i] = (byte) ch;
    }
    return get(ascii, 0, n);
  }

  /**
   * Whether {@code key} is {@code b[from..to-1]}: eight bytes at a time where it is that long (the
   * last eight may overlap the ones before), which under C1 took a third of the time of comparing
   * byte by byte.
   */
  static boolean matches(byte[] key, byte[] b, int from, int to) {
    int n = key.length;
    if (n != to - from) {
      return false;
    }
    if (n >= 8) {
      for (int j = 0; j < n - 8; j += 8) {
        if ((long) LONGS.get(key, j) != (long) LONGS.get(b, from + j)) {
          return false;
        }
      }
      return (long) LONGS.get(key, n - 8) == (long) LONGS.get(b, to - 8);
    }
    for (int j = 0; j < n; j++) {
      if (key[j] != b[from + j]) {
        return false;
      }
    }
    return true;
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
}
