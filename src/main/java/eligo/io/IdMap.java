package eligo.io;

/**
 * A growable map from an id to an index, for the loader's tables of customers, tenants and
 * workloads: open addressing over an array of ids and an array of each slot's hash and index, with
 * no entry object and no boxed index per id. A million customers and 1.6 million tenants in {@code
 * HashMap}s held 5.3 million such objects, each copied by the garbage collector while the files
 * were read. Ids are placed by {@link IdHash}: the plain hash, or the seeded one once a run of
 * slots is long. Not thread-safe. Package-private: a loading aid.
 */
final class IdMap {
  /** The index {@link #get} gives for an id that is not in the map. */
  static final int ABSENT = -1;

  private String[] keys = new String[16];

  /**
   * Per slot, the hash of its id (high half) and its index plus one (low half); 0: an empty slot. A
   * lookup compares hashes here before it reads an id: a slot of another id then costs no read of
   * that id's string, which is where the loader's lookups spent their time (a cache miss for the
   * string and another for its bytes, at a million customers).
   */
  private long[] slots = new long[16];

  private int size;

  /** Whether ids are placed by the seeded hash ({@link IdHash}). */
  private boolean seeded;

  /** The hash of the id {@link #slotOf} looked for last. */
  private int lastHash;

  /**
   * The id {@link #slotOf} looked for last, and its slot, until ids are placed again: a put right
   * after a get of the same id (a row's id checked, then kept) looks for it no more.
   */
  private String lastId;

  private int lastSlot;

  int size() {
    return size;
  }

  /** The index of {@code id}, or {@link #ABSENT}. */
  int get(String id) {
    long e = slots[slotOf(id)];
    return e == 0 ? ABSENT : (int) e - 1;
  }

  boolean containsKey(String id) {
    return slots[slotOf(id)] != 0;
  }

  /** Maps {@code id} to {@code index} (at least 0), replacing what it was mapped to. */
  void put(String id, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("an index is at least 0: " + index);
    }
    int slot = id == lastId ? lastSlot : slotOf(id);
    if (slots[slot] == 0) {
      if (2 * (size + 1) > keys.length) {
        grow();
        slot = slotOf(id);
      }
      keys[slot] = id;
      size++;
    }
    slots[slot] = entry(lastHash, index);
  }

  private static long entry(int hash, int index) {
    return ((long) hash << 32) | (index + 1L);
  }

  /** Replaces every index {@code i} by {@code renumbered[i]}. */
  void renumber(int[] renumbered) {
    for (int s = 0; s < slots.length; s++) {
      long e = slots[s];
      if (e != 0) {
        slots[s] = entry((int) (e >>> 32), renumbered[(int) e - 1]);
      }
    }
  }

  /** Takes each id with its index, in no particular order. */
  interface Entries {
    void take(String id, int index);
  }

  void forEach(Entries entries) {
    for (int s = 0; s < slots.length; s++) {
      if (slots[s] != 0) {
        entries.take(keys[s], (int) slots[s] - 1);
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

  /**
   * The slot of {@code id}, or the empty slot where it would go; its hash is left in {@link
   * #lastHash}. Goes over to the seeded hash when a run of slots is long.
   */
  private int slotOf(String id) {
    while (true) {
      int h = hash(id);
      int s = probe(id, h);
      if (s >= 0) {
        lastHash = h;
        lastId = id;
        lastSlot = s;
        return s;
      }
      seeded = true;
      place(keys.length);
    }
  }

  /**
   * The slot of {@code id}, whose hash is {@code h}, or the empty slot where it would go; -1 when
   * the plain hash found a long run of slots.
   */
  private int probe(String id, int h) {
    int mask = keys.length - 1;
    int probes = 0;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      long e = slots[s];
      if (e == 0 || ((int) (e >>> 32) == h && keys[s].equals(id))) {
        return s;
      }
      if (++probes > IdHash.LONG_RUN && !seeded) {
        return -1;
      }
    }
  }

  private void grow() {
    place(keys.length * 2);
  }

  /** Places every id again, in {@code capacity} slots, by the current hash. */
  private void place(int capacity) {
    lastId = null;
    String[] oldKeys = keys;
    long[] oldSlots = slots;
    while (!placed(oldKeys, oldSlots, capacity)) {
      seeded = true; // a long run of slots: again, by the seeded hash
    }
  }

  private boolean placed(String[] oldKeys, long[] oldSlots, int capacity) {
    keys = new String[capacity];
    slots = new long[capacity];
    for (int s = 0; s < oldKeys.length; s++) {
      long e = oldSlots[s];
      if (e != 0) {
        int h = seeded ? hash(oldKeys[s]) : (int) (e >>> 32);
        int slot = probe(oldKeys[s], h);
        if (slot < 0) {
          return false;
        }
        keys[slot] = oldKeys[s];
        slots[slot] = entry(h, (int) e - 1);
      }
    }
    return true;
  }
}
