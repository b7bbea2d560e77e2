package eligo.report;

import eligo.ir.Ir;
import java.util.Arrays;

/**
 * The last value the interpreter told of each expression (a number, or whether a condition held),
 * by the expression itself (identity): an open-addressing table of primitive values, as the
 * explainer's listener is told one per number and condition computed, by the million.
 *
 * <p>Forgetting every value ({@link #clear}, once per area of each customer explained) keeps the
 * expressions and only makes their values stale: a value counts when its stamp is the current
 * generation. The expressions are those of the criteria, so the table stops growing.
 */
final class LastValues {
  private Ir.Expr[] keys = new Ir.Expr[256];
  private long[] values = new long[256];

  /** Per slot, the generation its value was noted in. */
  private int[] stamps = new int[256];

  private int generation = 1;
  private int size;

  /** Forgets every value. */
  void clear() {
    if (++generation == 0) { // wrapped: no stamp may look current
      Arrays.fill(stamps, 0);
      generation = 1;
    }
  }

  /** Notes {@code value} as the last value of {@code e}. */
  void put(Ir.Expr e, long value) {
    int mask = keys.length - 1;
    for (int i = slot(e, mask); ; i = (i + 1) & mask) {
      Ir.Expr k = keys[i];
      if (k == e) {
        values[i] = value;
        stamps[i] = generation;
        return;
      }
      if (k == null) {
        keys[i] = e;
        values[i] = value;
        stamps[i] = generation;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
    }
  }

  /** Notes whether condition {@code e} held, last. */
  void put(Ir.Expr e, boolean held) {
    put(e, held ? 1L : 0L);
  }

  /** The last value of number {@code e}; null when none was told. */
  Long value(Ir.Expr e) {
    int i = find(e);
    return i < 0 ? null : values[i];
  }

  /** Whether condition {@code e} held, last; null when it was not evaluated. */
  Boolean held(Ir.Expr e) {
    int i = find(e);
    return i < 0 ? null : values[i] != 0;
  }

  /** The last value of number {@code e}, or {@code otherwise} when none was told. */
  long valueOr(Ir.Expr e, long otherwise) {
    int i = find(e);
    return i < 0 ? otherwise : values[i];
  }

  private int find(Ir.Expr e) {
    int mask = keys.length - 1;
    for (int i = slot(e, mask); ; i = (i + 1) & mask) {
      Ir.Expr k = keys[i];
      if (k == e) {
        return stamps[i] == generation ? i : -1;
      }
      if (k == null) {
        return -1;
      }
    }
  }

  private static int slot(Ir.Expr e, int mask) {
    int h = System.identityHashCode(e);
    return (h ^ (h >>> 16)) * 0x9E3779B1 >>> 8 & mask;
  }

  private void grow() {
    Ir.Expr[] oldKeys = keys;
    long[] oldValues = values;
    int[] oldStamps = stamps;
    keys = new Ir.Expr[2 * oldKeys.length];
    values = new long[2 * oldKeys.length];
    stamps = new int[2 * oldKeys.length];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int i = slot(oldKeys[j], mask);
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        stamps[i] = oldStamps[j];
      }
    }
  }
}
