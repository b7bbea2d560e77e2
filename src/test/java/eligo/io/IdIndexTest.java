package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdIndexTest {
  @Test
  void anIdMatchesOnlyItsOwnBytesWhateverItsLengthAndPlaceInTheLine() {
    for (int n = 1; n <= 20; n++) {
      byte[] key = new byte[n];
      for (int j = 0; j < n; j++) {
        key[j] = (byte) ('a' + j);
      }
      for (int at : new int[] {0, 3, 9}) {
        byte[] line = new byte[at + n + 5];
        System.arraycopy(key, 0, line, at, n);
        assertThat(IdIndex.matches(key, line, at, at + n)).as("length %d at %d", n, at).isTrue();
        assertThat(IdIndex.matches(key, line, at, at + n - 1)).isFalse();
        for (int j = 0; j < n; j++) {
          byte[] other = line.clone();
          other[at + j] ^= 1;
          assertThat(IdIndex.matches(key, other, at, at + n))
              .as("length %d at %d, byte %d differs", n, at, j)
              .isFalse();
        }
      }
    }
  }

  @Test
  void idsAreFoundByTheirBytesOrCharsAndOthersAreNot() {
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (int i = 0; i < 1000; i++) {
      ids.put("T" + String.format("%08d", i * 7), i);
    }
    ids.put("Ωmega", 1000);
    IdIndex index = new IdIndex(ids);
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      byte[] line = (",," + e.getKey() + ",").getBytes(StandardCharsets.UTF_8);
      assertThat(index.get(line, 2, line.length - 1)).isEqualTo(e.getValue());
    }
    byte[] missing = "T00000001".getBytes(StandardCharsets.UTF_8);
    assertThat(index.get(missing, 0, missing.length)).isEqualTo(-1);
    char[] chars = "xT00000014".toCharArray();
    assertThat(index.get(chars, 1, chars.length)).isEqualTo(2);
    assertThat(index.seeded()).isFalse();
  }

  @Test
  void idsMadeToShareAHashAreFoundThroughTheSeededHash() {
    // "Aa" and "BB" have the same plain hash, and so have all 4,096 ids made of 12 of them
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (int i = 0; i < 1 << 12; i++) {
      StringBuilder id = new StringBuilder();
      for (int bit = 0; bit < 12; bit++) {
        id.append((i >> bit & 1) == 0 ? "Aa" : "BB");
      }
      ids.put(id.toString(), i);
    }
    IdIndex index = new IdIndex(ids);
    assertThat(index.seeded()).isTrue();
    IdIndex other = index.forAnotherThread();
    for (Map.Entry<String, Integer> e : ids.entrySet()) {
      byte[] b = e.getKey().getBytes(StandardCharsets.UTF_8);
      assertThat(other.get(b, 0, b.length)).isEqualTo(e.getValue());
    }
    byte[] missing = "AaAa".getBytes(StandardCharsets.UTF_8);
    assertThat(other.get(missing, 0, missing.length)).isEqualTo(-1);
  }
}
