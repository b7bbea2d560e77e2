package eligo.codegen;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A compiled area and a way to run it for one customer. */
final class Run {
  final Ir.Area area;
  final Function<Dataset, AreaEvaluator> factory;

  Run(Ir.Area area) {
    this.area = area;
    Map<String, Function<Dataset, AreaEvaluator>> factories =
        Evaluators.compile(new Ir.Program(List.of(area), List.of()), "eligo.generated.test");
    this.factory = factories.get(area.id());
  }

  NodeResults evaluate(Dataset data, int customer, int asOf) {
    NodeResults out = new NodeResults(area.resultNodes().size(), area.partnerNodes().size());
    out.clear();
    factory.apply(data).evaluate(customer, asOf, out);
    return out;
  }

  int index(String nodeId) {
    List<Ir.Node> nodes = area.resultNodes();
    for (int i = 0; i < nodes.size(); i++) {
      if (nodes.get(i).id().equals(nodeId)) {
        return i;
      }
    }
    throw new IllegalArgumentException(nodeId);
  }
}
