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

  /**
   * The thing last found or kept and its numbers, looked at before the table: the next customer
   * mostly has the same values (a count of 0), and these fields are read without touching the
   * table's arrays (a table per node and kind of words, too many to stay in the caches).
   */
  private long lastA;

  private long lastB;
  private long lastC;
  private long lastD;
  private T last;

  /** The thing kept for these numbers, or null. */
  @SuppressWarnings("unchecked")
  T get(long a, long b, long c, long d) {
    T l = last;
    if (l != null && lastA == a && lastB == b && lastC == c && lastD == d) {
      return l;
    }
    int s = slot(a, b, c, d);
    int k = 4 * s;
    Object thing = things[s];
    if (thing != null && keys[k] == a && keys[k + 1] == b && keys[k + 2] == c && keys[k + 3] == d) {
      remember(a, b, c, d, (T) thing);
      return (T) thing;
    }
    return null;
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
    remember(a, b, c, d, thing);
  }

  private void remember(long a, long b, long c, long d, T thing) {
    lastA = a;
    lastB = b;
    lastC = c;
    lastD = d;
    last = thing;
  }

  private static int slot(long a, long b, long c, long d) {
    long h = ((a * 31 + b) * 31 + c) * 31 + d;
    int x = (int) (h ^ (h >>> 32)) * 0x9E3779B1;
    return x >>> 26; // the top 6 bits: SLOTS = 64
  }
}
