package eligo.report;

import eligo.ir.Ir;
import java.util.Arrays;

/**
 * The last value the interpreter told of each expression (a number, or whether a condition held),
 * by the expression itself (identity): an open-addressing table of primitive values, as the
 * explainer's listener is told one per number and condition computed, by the million.
 */
final class LastValues {
  private Ir.Expr[] keys = new Ir.Expr[256];
  private long[] values = new long[256];
  private int size;

  /** Forgets every value. */
  void clear() {
    if (size > 0) {
      Arrays.fill(keys, null);
      size = 0;
    }
  }

  /** Notes {@code value} as the last value of {@code e}. */
  void put(Ir.Expr e, long value) {
    int mask = keys.length - 1;
    for (int i = slot(e, mask); ; i = (i + 1) & mask) {
      Ir.Expr k = keys[i];
      if (k == e) {
        values[i] = value;
        return;
      }
      if (k == null) {
        keys[i] = e;
        values[i] = value;
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
        return i;
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
    keys = new Ir.Expr[2 * oldKeys.length];
    values = new long[2 * oldKeys.length];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }
}
