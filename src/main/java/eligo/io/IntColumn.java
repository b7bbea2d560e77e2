package eligo.io;

/**
 * A growable column of ints, held in fixed-size chunks so that growing never copies and never needs
 * twice the memory. Package-private: a loading aid.
 */
final class IntColumn {
  private static final int SHIFT = 16;
  private static final int CHUNK = 1 << SHIFT;
  private static final int MASK = CHUNK - 1;

  private int[][] chunks = new int[4][];
  private int size;

  void add(int v) {
    int c = size >>> SHIFT;
    if (c == chunks.length) {
      chunks = java.util.Arrays.copyOf(chunks, c * 2);
    }
    int[] chunk = chunks[c];
    if (chunk == null) {
      chunk = new int[CHUNK];
      chunks[c] = chunk;
    }
    chunk[size & MASK] = v;
    size++;
  }

  int get(int i) {
    return chunks[i >>> SHIFT][i & MASK];
  }

  void set(int i, int v) {
    chunks[i >>> SHIFT][i & MASK] = v;
  }

  int size() {
    return size;
  }

  /**
   * Makes the column {@code n} zeros long (dropping what it held), so that {@link #set} can fill
   * it, from several threads when they set different indexes.
   */
  void zeros(int n) {
    chunks = new int[Math.max(4, (n + CHUNK - 1) >>> SHIFT)][];
    for (int c = 0, off = 0; off < n; c++, off += CHUNK) {
      chunks[c] = new int[CHUNK];
    }
    size = n;
  }

  /** An exact-size copy. */
  int[] toArray() {
    int[] out = new int[size];
    for (int c = 0, off = 0; off < size; c++, off += CHUNK) {
      System.arraycopy(chunks[c], 0, out, off, Math.min(CHUNK, size - off));
    }
    return out;
  }

  /** The values at {@code order[0..]}, in that order. */
  int[] gather(int[] order, int count) {
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = get(order[i]);
    }
    return out;
  }

  /** Drops the contents (frees the memory). */
  void clear() {
    chunks = new int[4][];
    size = 0;
  }
}
