package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.io.Mode;
import eligo.testing.ShippedCriteria;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * After an edit of one area, {@link Eligo#reevaluate} keeps the saved run's other areas (the same
 * objects) and gives the same results file as a full run of the edited criteria.
 */
class EvaluationRerunTest {
  static Frontend.Compilation compile(Map<String, String> texts) throws CriteriaFailure {
    Frontend.Compilation c = Frontend.compile(texts);
    Eligo.requireNoErrors(c);
    return c;
  }

  static String results(Outcome o) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultsFile.write(o, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void anEditOfOneAreaEvaluatesThatAreaOnlyAndGivesTheFullRunsResults() throws Exception {
    Frontend.Compilation saved = compile(ShippedCriteria.texts());
    Dataset data =
        Eligo.loadFor(saved, Path.of("examples/sample-data"), Mode.STRICT).loaded().dataset();
    int m = Eligo.asOf(null, data);
    Outcome base = Eligo.evaluate(saved, Engine.interpret, data, m, 2, Evaluation.Progress.NONE);
    Frontend.Compilation edited =
        compile(
            ShippedCriteria.with("azure.criteria", "met when value >= 1", "met when value >= 3"));

    Outcome again = Eligo.reevaluate(base, edited.program(), Engine.interpret.compile(edited), 2);

    Outcome full = Eligo.evaluate(edited, Engine.interpret, data, m, 2, Evaluation.Progress.NONE);
    assertThat(results(again)).isEqualTo(results(full)).isNotEqualTo(results(base));
    for (Outcome.AreaOutcome a : again.areas) {
      if (a.area.id().equals("azure")) {
        assertThat(a).isNotSameAs(base.area("azure"));
      } else {
        assertThat(a).as(a.area.id()).isSameAs(base.area(a.area.id()));
      }
    }
    // no edit: every area kept
    Outcome same = Eligo.reevaluate(base, saved.program(), Engine.interpret.compile(saved), 2);
    for (Outcome.AreaOutcome a : same.areas) {
      assertThat(a).isSameAs(base.area(a.area.id()));
    }
  }
}
