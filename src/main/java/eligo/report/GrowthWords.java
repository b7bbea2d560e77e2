package eligo.report;

import eligo.ir.Ir;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relative growths of a node's condition as evaluated, in words, for the why of {@link
 * Explainer}: each growth's two sides and their ratio, or what the criteria say for a baseline of
 * 0. Keeps each condition's growths, the same for every customer. Not thread-safe.
 */
final class GrowthWords {
  /** Per condition, its relative growths. */
  private final Map<Ir.Expr, List<Ir.Growth>> growths = new IdentityHashMap<>();

  /**
   * Each relative growth of the node's condition as evaluated, in words: {@code growth: $1,180.00
   * against a baseline of $1,000.00, ratio 1.18 (18% more)}, or what the criteria state for a
   * baseline of 0; null when the condition has none (or it was not evaluated).
   */
  String of(Ir.Node n, LastValues values) {
    List<String> parts = new ArrayList<>();
    List<Ir.Growth> found = growthsOf(n);
    for (Ir.Growth g : found) {
      Long current = values.value(g.current());
      Long baseline = values.value(g.baseline());
      if (current == null || baseline == null) {
        continue;
      }
      Ir.ValueKind kind = g.current() instanceof Ir.NodeValue ? n.valueKind() : Ir.ValueKind.NUMBER;
      String sides =
          "growth: "
              + Formats.value(kind, n.unit(), current, g.current().scale())
              + " against a baseline of "
              + Formats.value(kind, n.unit(), baseline, g.baseline().scale());
      if (baseline <= 0) {
        parts.add(
            sides
                + ", no ratio: for a baseline of 0 or less the criteria say "
                + (g.whenZero() ? "met" : "not met"));
        continue;
      }
      int scale = g.sidesScale();
      BigDecimal ratio =
          BigDecimal.valueOf(current, g.current().scale())
              .setScale(scale)
              .divide(
                  BigDecimal.valueOf(baseline, g.baseline().scale()).setScale(scale),
                  4,
                  RoundingMode.HALF_EVEN);
      BigDecimal percent = ratio.subtract(BigDecimal.ONE).movePointRight(2).stripTrailingZeros();
      parts.add(
          sides
              + ", ratio "
              + ratio.stripTrailingZeros().toPlainString()
              + " ("
              + (percent.signum() >= 0
                  ? percent.toPlainString() + "% more"
                  : percent.negate().toPlainString() + "% less")
              + ")");
    }
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  /** Whether the condition of {@code n} has a relative growth. */
  boolean any(Ir.Node n) {
    return !growthsOf(n).isEmpty();
  }

  private List<Ir.Growth> growthsOf(Ir.Node n) {
    return growths.computeIfAbsent(
        n.met(),
        met -> {
          List<Ir.Growth> all = new ArrayList<>();
          collect(met, all);
          return List.copyOf(all);
        });
  }

  private static void collect(Ir.Expr e, List<Ir.Growth> out) {
    if (e == null) {
      return;
    }
    if (e instanceof Ir.Growth g) {
      out.add(g);
    }
    for (Ir.Expr child : e.children()) {
      collect(child, out);
    }
  }
}
