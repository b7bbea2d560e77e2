package eligo.io;

/**
 * A growable map from an id to an index, for the loader's tables of customers, tenants and
 * workloads: open addressing over an array of ids and an array of indexes, with no entry object and
 * no boxed index per id. A million customers and 1.6 million tenants in {@code HashMap}s held 5.3
 * million such objects, each copied by the garbage collector while the files were read. Not
 * thread-safe. Package-private: a loading aid.
 */
final class IdMap {
  /** The index {@link #get} gives for an id that is not in the map. */
  static final int ABSENT = -1;

  private String[] keys = new String[16];
  private int[] values = new int[16];
  private int size;

  int size() {
    return size;
  }

  /** The index of {@code id}, or {@link #ABSENT}. */
  int get(String id) {
    int slot = slotOf(id);
    return keys[slot] == null ? ABSENT : values[slot];
  }

  boolean containsKey(String id) {
    return keys[slotOf(id)] != null;
  }

  /** Maps {@code id} to {@code index} (at least 0), replacing what it was mapped to. */
  void put(String id, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("an index is at least 0: " + index);
    }
    int slot = slotOf(id);
    if (keys[slot] == null) {
      if (2 * (size + 1) > keys.length) {
        grow();
        slot = slotOf(id);
      }
      keys[slot] = id;
      size++;
    }
    values[slot] = index;
  }

  /** Replaces every index {@code i} by {@code renumbered[i]}. */
  void renumber(int[] renumbered) {
    for (int s = 0; s < keys.length; s++) {
      if (keys[s] != null) {
        values[s] = renumbered[values[s]];
      }
    }
  }

  /** Takes each id with its index, in no particular order. */
  interface Entries {
    void take(String id, int index);
  }

  void forEach(Entries entries) {
    for (int s = 0; s < keys.length; s++) {
      if (keys[s] != null) {
        entries.take(keys[s], values[s]);
      }
    }
  }

  /** The slot of {@code id}, or the empty slot where it would go. */
  private int slotOf(String id) {
    int mask = keys.length - 1;
    int h = id.hashCode() * 0x9E3779B9;
    for (int s = (h ^ (h >>> 16)) & mask; ; s = (s + 1) & mask) {
      String k = keys[s];
      if (k == null || k.equals(id)) {
        return s;
      }
    }
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldValues = values;
    keys = new String[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] != null) {
        int slot = slotOf(oldKeys[s]);
        keys[slot] = oldKeys[s];
        values[slot] = oldValues[s];
      }
    }
  }
}
