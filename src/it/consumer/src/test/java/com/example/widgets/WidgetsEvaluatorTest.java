package com.example.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.Month;
import eligo.data.NodeResults;
import eligo.io.DatasetLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calls the evaluator that eligo:generate made from src/main/criteria/widgets.criteria. */
class WidgetsEvaluatorTest {
  static final byte MET = NodeResults.MET;
  static final byte NOT_MET = NodeResults.NOT_MET;
  static final byte NOT_EVALUATED = NodeResults.NOT_EVALUATED;

  @Test
  void evaluatesEveryCustomer() throws Exception {
    Dataset data = DatasetLoader.load(Path.of("src/test/resources/data"), List.of("Reseller", "Advisor")).dataset();
    AreaEvaluator widgets = new WidgetsEvaluator(data);
    assertEquals("widgets", widgets.areaId());
    assertEquals(List.of("C1", "C2", "C3"), List.of(data.customerId(0), data.customerId(1), data.customerId(2)));
    int asOf = Month.of(2026, 5);

    // C1: $600 of gadget revenue, attributed through a reseller association
    NodeResults c1 = evaluate(widgets, 0, asOf);
    assertArrayEquals(new byte[] {MET, MET}, c1.status);
    assertArrayEquals(new long[] {60000, 60000}, c1.value);

    // C2: $100 of gadget revenue, no association: the gate holds, the metric does not
    NodeResults c2 = evaluate(widgets, 1, asOf);
    assertArrayEquals(new byte[] {MET, NOT_MET}, c2.status);
    assertArrayEquals(new long[] {10000, 0}, c2.value);

    // C3: revenue on a tool, not a gadget: the gate fails and ends the branch
    NodeResults c3 = evaluate(widgets, 2, asOf);
    assertArrayEquals(new byte[] {NOT_MET, NOT_EVALUATED}, c3.status);
  }

  private static NodeResults evaluate(AreaEvaluator evaluator, int customer, int asOf) {
    NodeResults out = new NodeResults(2, 0);
    out.clear();
    evaluator.evaluate(customer, asOf, out);
    return out;
  }
}
