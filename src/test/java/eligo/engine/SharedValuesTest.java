package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.io.Mode;
import eligo.ir.Ir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose value an earlier area computed is given, not computed again, and the results are
 * those of the reference interpreter, which computes every value: also where one instance's gate
 * stops the node and the other's does not.
 */
class SharedValuesTest {
  /** Three instances of one template: the gate's threshold differs, the metric is the same. */
  static final String INSTANCES =
      """
      import "common.criteria"

      workloads AZURE = family "Azure"

      template services {
        parameter need: number

        gate workloads "Azure services" {
          criteria "Azure consumed revenue on at least {need} Azure services in the last 24 months"
          value count workload in AZURE where any tenant, month in window where acr > 0
          met when value >= need
        }

        metric usage-growth "Usage growth" {
          criteria "Attributed ACR of the last 12 months above that of the 12 months before"
          value net sum acr via CSP, DPOR, PAL for tenant, workload in AZURE, month in TTM(M)
          met when value > 0
        }
      }

      area a-two "Two services" from services { need = 2 }
      area b-one "One service" from services { need = 1 }
      area c-two "Two services again" from services { need = 2 }
      """;

  @TempDir Path tmp;

  @Test
  void theProjectsTemplateInstancesShareTheValuesTheirParametersLeaveAlone() throws Exception {
    Ir.Program program = Eligo.compileCriteria(Path.of("criteria")).program();
    List<Ir.Area> areas = program.areas();
    SharedValues shared = SharedValues.of(areas);
    int smb = indexOf(areas, "bizapps-smb");
    int enterprise = indexOf(areas, "bizapps-enterprise");
    int first = Math.max(smb, enterprise);
    // the workloads and association gates of both branches and the usage growth: the net
    // customer adds and deployments depend on the instance's thresholds
    assertThat(shared.sharedIn(first)).isEqualTo(5);
    assertThat(shared.sharedIn(Math.min(smb, enterprise))).isZero();
    assertThat(shared.sharedIn(indexOf(areas, "azure"))).isZero();
  }

  @Test
  void givenValuesGiveTheInterpretersResultsWhicheverInstanceAGateStops() throws Exception {
    Path criteria = Files.createDirectories(tmp.resolve("criteria"));
    Files.copy(Path.of("criteria/common.criteria"), criteria.resolve("common.criteria"));
    Files.writeString(criteria.resolve("services.criteria"), INSTANCES);
    Frontend.Compilation c = Eligo.compileCriteria(criteria);
    List<Ir.Area> areas = c.program().areas();
    assertThat(areas).extracting(Ir.Area::id).containsExactly("a-two", "b-one", "c-two");
    SharedValues shared = SharedValues.of(areas);
    assertThat(List.of(shared.sharedIn(0), shared.sharedIn(1), shared.sharedIn(2)))
        .containsExactly(0, 2, 2);

    Dataset data =
        Eligo.loadData(Path.of("examples/sample-data"), c.program().associationTypes(), Mode.STRICT)
            .dataset();
    int asOf = Eligo.asOf(null, data);
    Outcome generated =
        Eligo.evaluate(c, Engine.generated, data, asOf, 2, Evaluation.Progress.NONE);
    Outcome interpreted =
        Eligo.evaluate(c, Engine.interpret, data, asOf, 1, Evaluation.Progress.NONE);

    int givenStopped = 0; // evaluated in a-two, stopped by b-one's gate: never (need 1 < 2)
    int notGivenEvaluated = 0; // stopped in a-two, evaluated in b-one: computed there
    int givenEvaluated = 0; // evaluated in a-two and in c-two: given to c-two
    for (int k = 0; k < data.customerCount(); k++) {
      for (int a = 0; a < areas.size(); a++) {
        Outcome.AreaOutcome g = generated.areas.get(a);
        Outcome.AreaOutcome i = interpreted.areas.get(a);
        for (int n = 0; n < g.nodes.size(); n++) {
          assertThat(new long[] {g.status(k, n), g.value(k, n), g.current(k, n), g.baseline(k, n)})
              .as("customer %s, %s, %s", data.customerId(k), areas.get(a).id(), g.nodes.get(n).id())
              .containsExactly(i.status(k, n), i.value(k, n), i.current(k, n), i.baseline(k, n));
        }
      }
      byte two = generated.areas.get(0).status(k, 1);
      byte one = generated.areas.get(1).status(k, 1);
      byte again = generated.areas.get(2).status(k, 1);
      if (two == NodeResults.NOT_EVALUATED && one != NodeResults.NOT_EVALUATED) {
        notGivenEvaluated++;
      }
      if (two != NodeResults.NOT_EVALUATED && again != NodeResults.NOT_EVALUATED) {
        givenEvaluated++;
      }
      if (two != NodeResults.NOT_EVALUATED && one == NodeResults.NOT_EVALUATED) {
        givenStopped++;
      }
    }
    assertThat(notGivenEvaluated).as("customers with one Azure service").isPositive();
    assertThat(givenEvaluated).as("customers with two or more").isPositive();
    assertThat(givenStopped).isZero();
  }

  @Test
  void aGivenNodeThatItsOwnGateStopsHoldsNoValue() throws Exception {
    Path criteria = Files.createDirectories(tmp.resolve("criteria"));
    Files.copy(Path.of("criteria/common.criteria"), criteria.resolve("common.criteria"));
    // b-one first, then a-two: b-one's metric is evaluated where a-two's gate stops it
    Files.writeString(
        criteria.resolve("services.criteria"),
        INSTANCES.substring(0, INSTANCES.indexOf("area a-two"))
            + "area b-one \"One service\" from services { need = 1 }\n"
            + "area z-two \"Two services\" from services { need = 2 }\n");
    Frontend.Compilation c = Eligo.compileCriteria(criteria);
    List<Ir.Area> areas = c.program().areas();
    assertThat(areas).extracting(Ir.Area::id).containsExactly("b-one", "z-two");
    Dataset data =
        Eligo.loadData(Path.of("examples/sample-data"), c.program().associationTypes(), Mode.STRICT)
            .dataset();
    Outcome generated =
        Eligo.evaluate(
            c, Engine.generated, data, Eligo.asOf(null, data), 1, Evaluation.Progress.NONE);
    Outcome.AreaOutcome one = generated.areas.get(0);
    Outcome.AreaOutcome two = generated.areas.get(1);
    int stopped = 0;
    for (int k = 0; k < data.customerCount(); k++) {
      if (one.status(k, 1) != NodeResults.NOT_EVALUATED
          && two.status(k, 1) == NodeResults.NOT_EVALUATED) {
        stopped++;
        assertThat(new long[] {two.value(k, 1), two.current(k, 1), two.baseline(k, 1)})
            .as("customer %s", data.customerId(k))
            .containsOnly(0L);
      }
    }
    assertThat(stopped).as("customers with exactly one Azure service").isPositive();
  }

  private static int indexOf(List<Ir.Area> areas, String id) {
    for (int a = 0; a < areas.size(); a++) {
      if (areas.get(a).id().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no area " + id);
  }
}
