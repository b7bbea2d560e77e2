package eligo.engine;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed number of longs held as ints, with the few that do not fit an int kept aside: node
 * values, counts and cents, are almost all small, and a million customers' outcome took 777 MB as
 * longs, all of it memory touched for the first time (which a virtual machine makes dear). Several
 * threads may set distinct indexes at once; read them after those threads are done.
 */
final class CompactLongs {
  /** Marks an index whose value is kept aside. */
  private static final int ASIDE = Integer.MIN_VALUE;

  private final int[] values;
  private final ConcurrentHashMap<Integer, Long> aside = new ConcurrentHashMap<>();

  CompactLongs(int size) {
    values = new int[size];
  }

  void set(int i, long v) {
    int x = (int) v;
    if (x == v && x != ASIDE) {
      values[i] = x;
    } else {
      aside.put(i, v);
      values[i] = ASIDE;
    }
  }

  long get(int i) {
    int x = values[i];
    return x != ASIDE ? x : aside.get(i);
  }
}
