package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The outcome's longs held as ints ({@link CompactLongs}) give back every long set, those that fit
 * an int and those kept aside, set from several threads at once.
 */
class CompactLongsTest {
  @Test
  void everyLongSetIsGivenBack() {
    long[] edges = {
      0,
      1,
      -1,
      Integer.MAX_VALUE,
      Integer.MIN_VALUE,
      Integer.MIN_VALUE + 1L,
      Integer.MAX_VALUE + 1L,
      Integer.MIN_VALUE - 1L,
      Long.MAX_VALUE,
      Long.MIN_VALUE,
      2_147_483_648_00L
    };
    CompactLongs longs = new CompactLongs(edges.length);
    for (int i = 0; i < edges.length; i++) {
      longs.set(i, edges[i]);
    }
    for (int i = 0; i < edges.length; i++) {
      assertThat(longs.get(i)).as("index %d", i).isEqualTo(edges[i]);
    }
    // set again: a value that fits after one kept aside, and the other way round
    longs.set(0, Long.MAX_VALUE);
    longs.set(8, 7);
    assertThat(longs.get(0)).isEqualTo(Long.MAX_VALUE);
    assertThat(longs.get(8)).isEqualTo(7);
  }

  @Test
  void longsSetFromManyThreadsAreAllThere() {
    int n = 200_000;
    long[] expected = new long[n];
    Random random = new Random(19);
    for (int i = 0; i < n; i++) {
      expected[i] = i % 97 == 0 ? random.nextLong() : random.nextInt(1_000_000) - 500_000;
    }
    CompactLongs longs = new CompactLongs(n);
    IntStream.range(0, n).parallel().forEach(i -> longs.set(i, expected[i]));
    for (int i = 0; i < n; i++) {
      assertThat(longs.get(i)).isEqualTo(expected[i]);
    }
  }
}
