package eligo.io;

import java.util.SplittableRandom;

/**
 * The hashes that place ids in the loader's tables ({@link IdMap}, {@link IdIndex}). A table starts
 * with the plain hash, which is fast and keeps ids that follow each other in a file near each other
 * in the table. But ids come from the data, and a file could be made of a million ids that all have
 * the same plain hash ({@code "Aa"} and {@code "BB"} do), so that every lookup walks all of them: a
 * table that finds a run of more than {@value #LONG_RUN} slots goes over to the seeded hash, from a
 * seed chosen at random in each process, which no file can aim at. Package-private: a loading aid.
 */
final class IdHash {
  private IdHash() {}

  /** The slots a lookup may look at before its table goes over to the seeded hash. */
  static final int LONG_RUN = 64;

  private static final long SEED = new SplittableRandom().nextLong();

  /** The plain hash of {@code id}: its {@code hashCode}, spread. */
  static int plain(String id) {
    return spread(id.hashCode());
  }

  /** The plain hash of the id whose bytes are {@code b[from..to-1]}. */
  static int plain(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return spread(h);
  }

  /** Spreads the bits of a hash: the ids of a dataset often differ only in the last digits. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The seeded hash of {@code id}. */
  static int seeded(String id) {
    long h = SEED;
    for (int i = 0; i < id.length(); i++) {
      h = mix(h, id.charAt(i));
    }
    return fold(h);
  }

  /** The seeded hash of the id whose bytes are {@code b[from..to-1]}. */
  static int seeded(byte[] b, int from, int to) {
    long h = SEED;
    for (int i = from; i < to; i++) {
      h = mix(h, b[i]);
    }
    return fold(h);
  }

  private static long mix(long h, int c) {
    h = (h ^ c) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  private static int fold(long h) {
    return (int) (h ^ (h >>> 32));
  }
}
