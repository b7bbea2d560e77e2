package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The loader's map from id to index gives what a {@code HashMap} of the same puts gives. */
class IdMapTest {

  @Test
  void agreesWithAHashMapThroughGrowthAndReplacing() {
    Random random = new Random(11);
    IdMap ids = new IdMap();
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      String id = "T" + random.nextInt(8_000); // about half are put again: replaced
      ids.put(id, i);
      expected.put(id, i);
    }
    assertThat(ids.size()).isEqualTo(expected.size());
    expected.forEach((id, index) -> assertThat(ids.get(id)).as(id).isEqualTo(index));
    assertThat(ids.get("T8000")).isEqualTo(IdMap.ABSENT);
    assertThat(ids.containsKey("T8000")).isFalse();
    assertThat(ids.get("")).isEqualTo(IdMap.ABSENT);
    Map<String, Integer> all = new HashMap<>();
    ids.forEach(all::put);
    assertThat(all).isEqualTo(expected);
  }

  /**
   * A put right after a get of the same id takes the slot the get found: also when the get found
   * none, when ids went in between, when the put grows the map, and when ids of one hash made it go
   * over to the seeded hash in between.
   */
  @Test
  void putsAfterLookupsAgreeWithAHashMap() {
    Random random = new Random(12);
    IdMap ids = new IdMap();
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < 20_000; i++) {
      String id = "T" + random.nextInt(8_000);
      assertThat(ids.get(id)).isEqualTo(expected.getOrDefault(id, IdMap.ABSENT));
      if (random.nextInt(4) == 0) {
        String other = i % 1000 == 0 ? "Aa".repeat(10) + "BB".repeat(i % 7) : "U" + i;
        ids.put(other, i);
        expected.put(other, i);
      }
      if (random.nextBoolean()) {
        ids.put(id, i);
        expected.put(id, i);
      }
    }
    assertThat(ids.size()).isEqualTo(expected.size());
    expected.forEach((id, index) -> assertThat(ids.get(id)).as(id).isEqualTo(index));
  }

  @Test
  void idsMadeToShareAHashAreSpreadAll() {
    // "Aa" and "BB" have the same String.hashCode, and so have all 2^14 ids made of 14 of them
    IdMap ids = new IdMap();
    int n = 1 << 14;
    for (int i = 0; i < n; i++) {
      StringBuilder id = new StringBuilder();
      for (int bit = 0; bit < 14; bit++) {
        id.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      assertThat(id.toString().hashCode()).isEqualTo("Aa".repeat(14).hashCode());
      ids.put(id.toString(), i);
    }
    assertThat(ids.size()).isEqualTo(n);
    assertThat(ids.get("BB".repeat(14))).isEqualTo(n - 1);
    // with String.hashCode, every id would sit in one run of 16,384 slots
    assertThat(ids.longestProbe()).isLessThan(200);
  }

  @Test
  void renumbersEveryIndex() {
    IdMap ids = new IdMap();
    ids.put("a", 0);
    ids.put("b", 1);
    ids.put("c", 2);
    ids.renumber(new int[] {2, 0, 1});
    assertThat(ids.get("a")).isEqualTo(2);
    assertThat(ids.get("b")).isEqualTo(0);
    assertThat(ids.get("c")).isEqualTo(1);
  }

  @Test
  void keepsIndexesUpToTheLargestInt() {
    // a slot holds an id's hash and its index plus one in one long: the largest index still fits
    IdMap ids = new IdMap();
    for (int i = 0; i < 1000; i++) {
      ids.put("C" + i, Integer.MAX_VALUE - i);
    }
    ids.put("C0", Integer.MAX_VALUE);
    ids.put("zero", 0);
    for (int i = 0; i < 1000; i++) {
      assertThat(ids.get("C" + i)).isEqualTo(Integer.MAX_VALUE - i);
    }
    assertThat(ids.get("zero")).isZero();
  }

  @Test
  void refusesANegativeIndex() {
    assertThatThrownBy(() -> new IdMap().put("a", -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
