package eligo.io;

/**
 * A growable map from an id to an index, for the loader's tables of customers, tenants and
 * workloads: open addressing over an array of ids and an array of indexes, with no entry object and
 * no boxed index per id. A million customers and 1.6 million tenants in {@code HashMap}s held 5.3
 * million such objects, each copied by the garbage collector while the files were read. Ids are
 * placed by {@link IdHash}: the plain hash, or the seeded one once a run of slots is long. Not
 * thread-safe. Package-private: a loading aid.
 */
final class IdMap {
  /** The index {@link #get} gives for an id that is not in the map. */
  static final int ABSENT = -1;

  private String[] keys = new String[16];
  private int[] values = new int[16];
  private int size;

  /** Whether ids are placed by the seeded hash ({@link IdHash}). */
  private boolean seeded;

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

  /** The most slots a lookup of an id in the map looks at (to see that ids are spread). */
  int longestProbe() {
    int longest = 0;
    for (int s = 0; s < keys.length; s++) {
      if (keys[s] != null) {
        int home = hash(keys[s]) & (keys.length - 1);
        longest = Math.max(longest, ((s - home) & (keys.length - 1)) + 1);
      }
    }
    return longest;
  }

  private int hash(String id) {
    return seeded ? IdHash.seeded(id) : IdHash.plain(id);
  }

  /** The slot of {@code id}, or the empty slot where it would go. */
  private int slotOf(String id) {
    int mask = keys.length - 1;
    int probes = 0;
    for (int s = hash(id) & mask; ; s = (s + 1) & mask) {
      String k = keys[s];
      if (k == null || k.equals(id)) {
        return s;
      }
      if (++probes > IdHash.LONG_RUN && !seeded) {
        seeded = true;
        place(keys.length);
        return slotOf(id);
      }
    }
  }

  private void grow() {
    place(keys.length * 2);
  }

  /** Places every id again, in {@code capacity} slots, by the current hash. */
  private void place(int capacity) {
    String[] oldKeys = keys;
    int[] oldValues = values;
    keys = new String[capacity];
    values = new int[capacity];
    for (int s = 0; s < oldKeys.length; s++) {
      if (oldKeys[s] != null) {
        int slot = slotOf(oldKeys[s]);
        keys[slot] = oldKeys[s];
        values[slot] = oldValues[s];
      }
    }
  }
}
