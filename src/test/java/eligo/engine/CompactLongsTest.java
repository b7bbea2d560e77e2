package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The outcome's longs held as ints ({@link CompactLongs}) give back every long set, those that fit
 * an int and those kept aside, set from several threads at once; windowed, a segment released is
 * never read again and its memory serves a later segment.
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

  @Test
  void windowedLongsAreHeldUntilReleasedAndTheirSegmentsReused() {
    int n = 1_000;
    CompactLongs longs = CompactLongs.windowed(n, 64);
    Random random = new Random(23);
    long[] expected = new long[n];
    for (int i = 0; i < n; i++) {
      expected[i] = i % 31 == 0 ? random.nextLong() : random.nextInt(2_000) - 1_000;
    }
    // set from several threads, as the evaluation does, each index once
    IntStream.range(0, n).parallel().forEach(i -> longs.set(i, expected[i]));
    for (int written = 0; written < n; written += 100) {
      for (int i = written; i < n; i++) {
        assertThat(longs.get(i)).as("index %d, written to %d", i, written).isEqualTo(expected[i]);
      }
      longs.releaseBelow(written + 100);
    }
    // released: segments 0 .. 14 (indexes below 960); 960 .. 999 still held
    assertThat(longs.get(999)).isEqualTo(expected[999]);
    assertThatThrownBy(() -> longs.get(959))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("released");
    assertThatThrownBy(() -> longs.set(0, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("released");
  }

  @Test
  void aReleasedSegmentServesALaterOneFromZero() {
    CompactLongs longs = CompactLongs.windowed(256, 64);
    for (int i = 0; i < 64; i++) {
      longs.set(i, 1_000 + i);
    }
    longs.releaseBelow(64);
    // segment 1 (64 .. 127) is made from segment 0's ints: what it was not set to reads 0
    longs.set(64, 5);
    assertThat(longs.get(64)).isEqualTo(5);
    assertThat(longs.get(65)).isZero();
    assertThat(longs.get(127)).isZero();
    // releasing below a segment's end keeps it
    longs.releaseBelow(127);
    assertThat(longs.get(64)).isEqualTo(5);
  }

  @Test
  void aSegmentMustBeAPowerOfTwo() {
    assertThatThrownBy(() -> CompactLongs.windowed(10, 48))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompactLongs.windowed(10, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
