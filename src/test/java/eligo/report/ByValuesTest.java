package eligo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ByValuesTest {
  @Test
  void keepsWhatWasPutByItsNumbers() {
    ByValues<String> kept = new ByValues<>();
    assertNull(kept.get(0, 0, 0, 202601));
    kept.put(0, 0, 0, 202601, "none");
    kept.put(1, 0, 0, 202601, "one");
    assertEquals("none", kept.get(0, 0, 0, 202601));
    assertEquals("one", kept.get(1, 0, 0, 202601));
    assertEquals("none", kept.get(0, 0, 0, 202601));
    assertNull(kept.get(0, 0, 0, 202602));
    assertNull(kept.get(1, 1, 0, 202601));
  }

  @Test
  void aThingReplacedInItsSlotIsNotFoundAgain() {
    ByValues<String> kept = new ByValues<>();
    kept.put(5, 0, 0, 1, "five");
    assertEquals("five", kept.get(5, 0, 0, 1));
    // numbers that fall in the same slot replace it: look for some, then check both answers
    long other = -1;
    for (long v = 6; v < 100_000 && other < 0; v++) {
      ByValues<String> probe = new ByValues<>();
      probe.put(5, 0, 0, 1, "five");
      probe.put(v, 0, 0, 1, "other");
      if (probe.get(5, 0, 0, 1) == null) {
        other = v;
      }
    }
    kept.put(other, 0, 0, 1, "other");
    assertNull(kept.get(5, 0, 0, 1));
    assertEquals("other", kept.get(other, 0, 0, 1));
  }
}
