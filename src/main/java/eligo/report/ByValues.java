package eligo.report;

/**
 * Words or views made of a few numbers (a node's status and values, the as-of month), kept by those
 * numbers for the customers after: a direct-mapped table of {@value #SLOTS} slots, where a thing
 * made of other numbers in the same slot replaces the one before. Customers share a few values (a
 * count of 0, 1 or 2), each of them often. Not thread-safe.
 */
final class ByValues<T> {
  private static final int SLOTS = 64;

  private final long[] keys = new long[4 * SLOTS];
  private final Object[] things = new Object[SLOTS];

  /** The thing kept for these numbers, or null. */
  @SuppressWarnings("unchecked")
  T get(long a, long b, long c, long d) {
    int s = slot(a, b, c, d);
    int k = 4 * s;
    Object thing = things[s];
    return thing != null && keys[k] == a && keys[k + 1] == b && keys[k + 2] == c && keys[k + 3] == d
        ? (T) thing
        : null;
  }

  /** Keeps {@code thing} (not null) for these numbers. */
  void put(long a, long b, long c, long d, T thing) {
    int s = slot(a, b, c, d);
    int k = 4 * s;
    keys[k] = a;
    keys[k + 1] = b;
    keys[k + 2] = c;
    keys[k + 3] = d;
    things[s] = thing;
  }

  private static int slot(long a, long b, long c, long d) {
    long h = ((a * 31 + b) * 31 + c) * 31 + d;
    int x = (int) (h ^ (h >>> 32)) * 0x9E3779B1;
    return x >>> 26; // the top 6 bits: SLOTS = 64
  }
}
