package eligo.check;

import eligo.ir.Ir;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The limits on an elaborated expression (a node's value, 'met when' or partner rule with its
 * definitions expanded): how many parts it has and how deep it nests once every shared definition
 * is counted where it is used. Worked out over the shared IR (each shared part once), so that
 * definitions that double at each level cost their text to measure, not their expansion.
 */
final class Sizes {
  private Sizes() {}

  /** The most parts an elaborated expression may have. */
  static final long MAX_PARTS = 5_000;

  /** The most levels an elaborated expression may nest. */
  static final int MAX_DEPTH = 1_000;

  /** Parts and depth of an expression, its definitions expanded. */
  record Size(long parts, int depth) {
    boolean tooLarge() {
      return parts > MAX_PARTS || depth > MAX_DEPTH;
    }

    String describe() {
      return parts > MAX_PARTS
          ? "too large once its definitions are expanded: "
              + (parts == Long.MAX_VALUE
                  ? "more than a quintillion"
                  : String.format(java.util.Locale.ROOT, "%,d", parts))
              + " parts, at most "
              + String.format(java.util.Locale.ROOT, "%,d", MAX_PARTS)
          : "nested too deeply once its definitions are expanded: "
              + depth
              + " levels, at most "
              + MAX_DEPTH;
    }
  }

  static Size of(Ir.Expr e) {
    return of(e, new IdentityHashMap<>());
  }

  private static Size of(Ir.Expr e, Map<Ir.Expr, Size> seen) {
    Size known = seen.get(e);
    if (known != null) {
      return known;
    }
    long parts = 1;
    int depth = 0;
    for (Ir.Expr child : e.children()) {
      Size s = of(child, seen);
      parts = parts > Long.MAX_VALUE - s.parts() ? Long.MAX_VALUE : parts + s.parts();
      depth = Math.max(depth, s.depth());
    }
    Size size = new Size(parts, depth + 1);
    seen.put(e, size);
    return size;
  }
}
