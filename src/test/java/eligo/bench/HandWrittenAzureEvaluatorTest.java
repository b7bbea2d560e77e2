package eligo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.codegen.Evaluators;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.io.DataGenerator;
import eligo.io.DatasetLoader;
import eligo.ir.Ir;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmarks' hand-written Azure evaluator is a fair yardstick only if it computes what the
 * criteria say: here it must give the generated evaluator's results, node by node, for every
 * customer of sample-1 and of a generated dataset, at several as-of months. (Correctness only;
 * speed is for bin/bench.)
 */
@Needs(Requirement.SHARED)
class HandWrittenAzureEvaluatorTest {
  @TempDir Path tmp;

  @Test
  void sameResultsAsTheGeneratedEvaluatorOnSample1() throws Exception {
    Ir.Program program = Frontend.compileFolder(Path.of("criteria")).program();
    Dataset data =
        DatasetLoader.load(
                SharedFiles.shared().resolve("conformance/sample-1/data"),
                program.associationTypes())
            .dataset();
    assertSame(program, data, 120);
  }

  @Test
  void sameResultsAsTheGeneratedEvaluatorOnGeneratedData() throws Exception {
    Ir.Program program = Frontend.compileFolder(Path.of("criteria")).program();
    DataGenerator.generate(tmp, 500, 3, program.associationTypes());
    Dataset data = DatasetLoader.load(tmp, program.associationTypes()).dataset();
    assertSame(program, data, 500);
  }

  private static void assertSame(Ir.Program program, Dataset data, int customers) {
    assertThat(data.customerCount()).isEqualTo(customers);
    Ir.Area azure = program.area("azure");
    AreaEvaluator generated =
        Evaluators.compile(program, "eligo.generated.bench").get("azure").apply(data);
    AreaEvaluator hand = new HandWrittenAzureEvaluator(data);
    NodeResults a = new NodeResults(azure.resultNodes().size(), azure.partnerNodes().size());
    NodeResults b = new NodeResults(azure.resultNodes().size(), azure.partnerNodes().size());
    int latest = data.latestUsageMonth();
    int met = 0;
    for (int asOf : new int[] {latest, latest - 5, latest - 17}) {
      for (int c = 0; c < data.customerCount(); c++) {
        a.clear();
        b.clear();
        generated.evaluate(c, asOf, a);
        hand.evaluate(c, asOf, b);
        String where = "customer " + data.customerId(c) + " as of " + asOf;
        assertThat(b.status).as(where).isEqualTo(a.status);
        assertThat(b.value).as(where).isEqualTo(a.value);
        assertThat(b.current).as(where).isEqualTo(a.current);
        assertThat(b.baseline).as(where).isEqualTo(a.baseline);
        assertThat(b.partnerContribution).as(where).isEqualTo(a.partnerContribution);
        assertThat(b.partnerEvaluated).as(where).isEqualTo(a.partnerEvaluated);
        met += b.status[4] == NodeResults.MET ? 1 : 0;
      }
    }
    assertThat(met)
        .as("customers whose Azure usage grew: the data reaches the last node")
        .isPositive();
    assertThat(azure.partnerNodes()).isEmpty();
  }
}
