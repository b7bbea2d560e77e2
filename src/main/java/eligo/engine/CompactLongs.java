package eligo.engine;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fixed number of longs held as ints, with the few that do not fit an int kept aside: node
 * values, counts and cents, are almost all small, and a million customers' outcome took 777 MB as
 * longs, all of it memory touched for the first time (which a virtual machine makes dear). Several
 * threads may set distinct indexes at once; read them after those threads are done.
 *
 * <p>{@linkplain #windowed Windowed}, the ints are held in segments ({@value #SEGMENT} ints) made
 * as they are first set and {@linkplain #releaseBelow released} once read for good, for later
 * segments to reuse: a results file written as the customers are evaluated holds only the values
 * between the writer and the evaluation, not a million customers' worth.
 */
final class CompactLongs {
  /** Marks an index whose value is kept aside. */
  private static final int ASIDE = Integer.MIN_VALUE;

  /** Ints per segment of a windowed array (1 MB), unless a test asks for fewer. */
  static final int SEGMENT = 1 << 18;

  /** log2 of the ints per segment (windowed). */
  private final int shift;

  /** The ints per segment less one: an index's place in its segment (windowed). */
  private final int mask;

  /** Every int; null when windowed. */
  private final int[] values;

  /** Windowed: each segment's ints, null before it is first set and after it is released. */
  private final int[][] segments;

  /** Segments released, for reuse; guarded by this. */
  private final ArrayDeque<int[]> spare = new ArrayDeque<>();

  /** Segments 0 .. released - 1 are released; guarded by this. */
  private int released;

  private final ConcurrentHashMap<Integer, Long> aside = new ConcurrentHashMap<>();

  private CompactLongs(int[] values, int[][] segments, int shift) {
    this.values = values;
    this.segments = segments;
    this.shift = shift;
    this.mask = (1 << shift) - 1;
  }

  CompactLongs(int size) {
    this(new int[size], null, 0);
  }

  /**
   * {@code size} longs held in segments of {@code segment} ints (a power of two) as they are set,
   * until released.
   */
  static CompactLongs windowed(int size, int segment) {
    if (segment <= 0 || Integer.bitCount(segment) != 1) {
      throw new IllegalArgumentException("a segment of " + segment + " ints");
    }
    int shift = Integer.numberOfTrailingZeros(segment);
    return new CompactLongs(null, new int[(int) ((size + (long) segment - 1) >>> shift)][], shift);
  }

  void set(int i, long v) {
    int x = (int) v;
    if (x != v || x == ASIDE) {
      aside.put(i, v);
      x = ASIDE;
    }
    if (values != null) {
      values[i] = x;
      return;
    }
    int[] s = segments[i >>> shift];
    (s != null ? s : segment(i >>> shift))[i & mask] = x;
  }

  /** Segment {@code k}, made (or a released one reused) when it has none. */
  private synchronized int[] segment(int k) {
    if (k < released) {
      throw new IllegalStateException("index " + ((long) k << shift) + " on was released");
    }
    int[] s = segments[k];
    if (s == null) {
      s = spare.poll();
      if (s == null) {
        s = new int[mask + 1];
      } else {
        Arrays.fill(s, 0);
      }
      segments[k] = s;
    }
    return s;
  }

  long get(int i) {
    int x;
    if (values != null) {
      x = values[i];
    } else {
      int[] s = segments[i >>> shift];
      if (s == null) {
        throw new IllegalStateException("index " + i + " was released or never set");
      }
      x = s[i & mask];
    }
    return x != ASIDE ? x : aside.get(i);
  }

  /**
   * Windowed: releases the segments all of whose indexes are below {@code end}, which are never
   * read or set again, for later segments to reuse. Nothing when not windowed.
   */
  synchronized void releaseBelow(int end) {
    if (values != null) {
      return;
    }
    for (int k = end >>> shift; released < k; released++) {
      int[] s = segments[released];
      if (s != null) {
        segments[released] = null;
        spare.add(s);
      }
    }
  }
}
