package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.codegen.Evaluators;
import eligo.codegen.InMemoryCompiler;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.io.Mode;
import eligo.io.Texts;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The seams of runners that hold no whole {@link Outcome} (the Spark runner): {@link ResultsRows}
 * gives, block by block, the bytes {@link ResultsFile} writes, and evaluators compiled to class
 * files and loaded from them ({@link Evaluators#bytecode}, {@link InMemoryCompiler#define}) give
 * the results of those compiled in place.
 */
class ResultsRowsTest {
  private static final Path CRITERIA = Path.of("criteria");
  private static final Path DATA = Path.of("examples/sample-data");

  @Test
  void blocksInTheFilesOrderAreTheResultsFile() throws Exception {
    SampleRun run = SampleRun.evaluate(2);
    Started s = run.started();
    Dataset data = run.data();
    Outcome o = run.outcome();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ResultsFile.write(o, expected);

    ResultsRows rows = new ResultsRows(s.criteria().program());
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    actual.write(ResultsRows.HEADER);
    List<Integer> customers = new ArrayList<>();
    for (int c = 0; c < data.customerCount(); c++) {
      customers.add(c);
    }
    customers.sort(
        Comparator.comparing((Integer c) -> data.partnerId(c), Texts.CODE_POINT_ORDER)
            .thenComparing(c -> data.customerId(c), Texts.CODE_POINT_ORDER));
    int areas = o.areas.size();
    String partner = null;
    int partnersWithRules = 0;
    for (int c : customers) {
      if (!data.partnerId(c).equals(partner)) {
        partner = data.partnerId(c);
        int p = o.partners.indexOf(partner);
        long[][] total = new long[areas][];
        boolean[][] met = new boolean[areas][];
        for (int a = 0; a < areas; a++) {
          Outcome.AreaOutcome ao = o.areas.get(a);
          total[a] = new long[ao.partnerNodes.size()];
          met[a] = new boolean[ao.partnerNodes.size()];
          for (int j = 0; j < total[a].length; j++) {
            total[a][j] = ao.partnerTotal(p, j);
            met[a][j] = ao.partnerMet(p, j);
            partnersWithRules++;
          }
        }
        actual.write(rows.partner(partner, total, met));
      }
      byte[][] status = new byte[areas][];
      long[][] value = new long[areas][];
      for (int a = 0; a < areas; a++) {
        Outcome.AreaOutcome ao = o.areas.get(a);
        status[a] = new byte[ao.nodes.size()];
        value[a] = new long[ao.nodes.size()];
        for (int i = 0; i < status[a].length; i++) {
          status[a][i] = ao.status(c, i);
          value[a][i] = ao.value(c, i);
        }
      }
      actual.write(rows.customer(data.partnerId(c), data.customerId(c), status, value));
    }
    assertThat(partnersWithRules).isPositive();
    assertThat(actual.toString("UTF-8")).isEqualTo(expected.toString("UTF-8"));
  }

  @Test
  void evaluatorsLoadedFromTheirClassFilesGiveTheSameResults() throws Exception {
    Started s = Eligo.start(CRITERIA, DATA, Mode.STRICT, Engine.generated, Stages.NONE);
    Dataset data = s.loaded().dataset();
    Map<String, byte[]> bytecode =
        Evaluators.bytecode(s.criteria().program(), Engine.GENERATED_PACKAGE);
    assertThat(bytecode).isNotEmpty();
    ClassLoader loader = InMemoryCompiler.define(bytecode).classLoader();
    Map<String, Function<Dataset, AreaEvaluator>> shipped =
        Evaluators.factories(s.criteria().program(), Engine.GENERATED_PACKAGE, loader);
    Map<String, Function<Dataset, AreaEvaluator>> here = s.evaluators().factories();
    int asOf = Eligo.asOf(null, data);
    int compared = 0;
    for (String area : here.keySet()) {
      AreaEvaluator a = shipped.get(area).apply(data);
      AreaEvaluator b = here.get(area).apply(data);
      assertThat(a.getClass().getClassLoader()).isSameAs(loader);
      int nodes = s.criteria().program().area(area).resultNodes().size();
      int rules = s.criteria().program().area(area).partnerNodes().size();
      for (int c = 0; c < data.customerCount(); c++) {
        NodeResults x = new NodeResults(nodes, rules);
        NodeResults y = new NodeResults(nodes, rules);
        a.evaluate(c, asOf, x);
        b.evaluate(c, asOf, y);
        assertThat(x.status).isEqualTo(y.status);
        assertThat(x.value).isEqualTo(y.value);
        assertThat(x.partnerContribution).isEqualTo(y.partnerContribution);
        compared += Arrays.equals(x.status, y.status) ? 1 : 0;
      }
    }
    assertThat(compared).isEqualTo(here.size() * data.customerCount());
  }
}
