package eligo.report;

import eligo.ir.Ir;
import java.util.Arrays;

/**
 * The last value the interpreter told of each expression (a number, or whether a condition held),
 * by the expression itself (identity): an open-addressing table of primitive values, as the
 * explainer's listener is told one per number and condition computed, by the million.
 *
 * <p>An evaluation tells the same expressions in the same order for each binding, so a put first
 * looks at the few expressions that followed the last one put, in the order they were first told:
 * most puts then find their expression without hashing it (an identity hash is a call into the
 * virtual machine where the code is not inlined, C1 only).
 */
final class LastValues {
  /** How many expressions after the last one put are looked at before hashing. */
  private static final int AHEAD = 4;

  private Ir.Expr[] keys = new Ir.Expr[256];
  private long[] values = new long[256];

  /** The slots in the order their expressions were first told; per slot, its place there. */
  private int[] order = new int[256];

  private int[] placeOf = new int[256];
  private int size;

  /** The place in {@link #order} after the last expression put. */
  private int cursor;

  /** Forgets every value. */
  void clear() {
    if (size > 0) {
      Arrays.fill(keys, null);
      size = 0;
      cursor = 0;
    }
  }

  /** Notes {@code value} as the last value of {@code e}. */
  void put(Ir.Expr e, long value) {
    for (int k = 0, at = cursor; k < AHEAD && k < size; k++) {
      int s = order[at];
      at = at + 1 == size ? 0 : at + 1;
      if (keys[s] == e) {
        values[s] = value;
        cursor = at;
        return;
      }
    }
    int mask = keys.length - 1;
    for (int i = slot(e, mask); ; i = (i + 1) & mask) {
      Ir.Expr k = keys[i];
      if (k == e) {
        values[i] = value;
        cursor = placeOf[i] + 1 == size ? 0 : placeOf[i] + 1;
        return;
      }
      if (k == null) {
        keys[i] = e;
        values[i] = value;
        order[size] = i;
        placeOf[i] = size;
        size++;
        cursor = 0;
        if (size * 2 > keys.length) {
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

  /** Doubles the table; the expressions keep their order, so the cursor keeps its place. */
  private void grow() {
    Ir.Expr[] oldKeys = keys;
    long[] oldValues = values;
    int[] oldOrder = order;
    int n = size;
    int capacity = 2 * oldKeys.length;
    keys = new Ir.Expr[capacity];
    values = new long[capacity];
    order = new int[capacity];
    placeOf = new int[capacity];
    int mask = capacity - 1;
    for (int p = 0; p < n; p++) {
      Ir.Expr e = oldKeys[oldOrder[p]];
      int i = slot(e, mask);
      while (keys[i] != null) {
        i = (i + 1) & mask;
      }
      keys[i] = e;
      values[i] = oldValues[oldOrder[p]];
      order[p] = i;
      placeOf[i] = p;
    }
  }
}
