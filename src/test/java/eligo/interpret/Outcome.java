package eligo.interpret;

import eligo.data.AreaEvaluator;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Runs an evaluator for one customer and renders its results like the canonical results file. */
public final class Outcome {
  private final Ir.Area area;
  public final NodeResults results;

  private Outcome(Ir.Area area, NodeResults results) {
    this.area = area;
    this.results = results;
  }

  public static Outcome of(Ir.Area area, AreaEvaluator evaluator, int customer, int asOf) {
    NodeResults out = new NodeResults(area.resultNodes().size(), area.partnerNodes().size());
    out.clear();
    evaluator.evaluate(customer, asOf, out);
    return new Outcome(area, out);
  }

  /** A plain decimal: no trailing zeros, no exponent ({@code -499.99}, {@code 1}, {@code 0}). */
  public static String plain(long unscaled, int scale) {
    return BigDecimal.valueOf(unscaled, scale).stripTrailingZeros().toPlainString();
  }

  /** Index of the result node with this id. */
  public int index(String nodeId) {
    List<Ir.Node> nodes = area.resultNodes();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).id().equals(nodeId)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no node " + nodeId);
  }

  /** {@code status,value} of a node as in results.csv (empty value when not evaluated). */
  public String cell(String nodeId) {
    int i = index(nodeId);
    byte s = results.status[i];
    String value =
        s == NodeResults.NOT_EVALUATED
            ? ""
            : plain(results.value[i], area.resultNodes().get(i).scale());
    return NodeResults.statusName(s) + "," + value;
  }

  /** {@code node,status,value} for every result node, in result order. */
  public List<String> rows() {
    List<String> rows = new ArrayList<>();
    for (Ir.Node n : area.resultNodes()) {
      rows.add(n.id() + "," + cell(n.id()));
    }
    return rows;
  }

  public long value(String nodeId) {
    return results.value[index(nodeId)];
  }

  public long current(String nodeId) {
    return results.current[index(nodeId)];
  }

  public long baseline(String nodeId) {
    return results.baseline[index(nodeId)];
  }

  public byte status(String nodeId) {
    return results.status[index(nodeId)];
  }
}
