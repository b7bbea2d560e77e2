package eligo.runtime;

import java.util.Map;

/**
 * A read-only copy of an id to index map that is looked up by the characters of a CSV field, so
 * that no String is made per lookup. Open addressing with linear probing. Not thread-safe (it
 * remembers the last id found). Package-private: a loading aid.
 */
final class IdIndex {
  private final String[] keys;
  private final int[] values;
  private final int mask;
  /** The slot of the id found last. */
  private int last;

  IdIndex(Map<String, Integer> map) {
    int capacity = Integer.highestOneBit(Math.max(4, map.size() * 2 - 1)) << 1;
    keys = new String[capacity];
    values = new int[capacity];
    mask = capacity - 1;
    for (Map.Entry<String, Integer> e : map.entrySet()) {
      String key = e.getKey();
      int slot = spread(key.hashCode()) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      values[slot] = e.getValue();
    }
  }

  /** The index of the id {@code c[from..to-1]}; -1 when it is not in the map. */
  int get(char[] c, int from, int to) {
    // Rows of one tenant and workload usually follow each other: the last id found comes first.
    if (keys[last] != null && matches(keys[last], c, from, to)) {
      return values[last];
    }
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + c[i]; // String.hashCode
    }
    for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key == null) {
        return -1;
      }
      if (matches(key, c, from, to)) {
        last = slot;
        return values[slot];
      }
    }
  }

  /** Spreads the bits of a String hash: the ids of a dataset often differ only in the last digits. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static boolean matches(String key, char[] c, int from, int to) {
    if (key.length() != to - from) {
      return false;
    }
    for (int j = 0; j < key.length(); j++) {
      if (key.charAt(j) != c[from + j]) {
        return false;
      }
    }
    return true;
  }
}
