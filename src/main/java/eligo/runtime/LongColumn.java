package eligo.runtime;

/** A growable column of longs in fixed-size chunks (see {@link IntColumn}). */
final class LongColumn {
  private static final int SHIFT = 16;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  private long[][] chunks = new long[4][];
  private int size;

  void add(long v) {
    int c = size >>> SHIFT;
    if (c == chunks.length) {
      chunks = java.util.Arrays.copyOf(chunks, c * 2);
    }
    long[] chunk = chunks[c];
    if (chunk == null) {
      chunk = new long[CHUNK];
      chunks[c] = chunk;
    }
    chunk[size & MASK] = v;
    size++;
  }

  long get(int i) {
    return chunks[i >>> SHIFT][i & MASK];
  }

  int size() {
    return size;
  }

  /** The values at {@code order[0..count-1]}, in that order. */
  long[] gather(int[] order, int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = get(order[i]);
    }
    return out;
  }

  void clear() {
    chunks = new long[4][];
    size = 0;
  }
}
