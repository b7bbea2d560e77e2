package eligo.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.ir.Ir;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A process that compiles criteria again compiles only the areas whose generated source changed.
 */
class EvaluatorsReuseTest {
  static final String PACKAGE = "eligo.generated.reuse";

  @Test
  void unchangedAreasKeepTheirClassAndChangedOnesAreCompiledAgain() {
    Dataset data = new DatasetKit().build();
    Ir.Program first = new Ir.Program(List.of(Fixtures.azure(), Fixtures.misc()), List.of());
    Class<?> azure = classOf(Evaluators.compile(first, PACKAGE), "azure", data);
    Class<?> misc = classOf(Evaluators.compile(first, PACKAGE), "misc", data);
    assertThat(classOf(Evaluators.compile(first, PACKAGE), "azure", data)).isSameAs(azure);

    Ir.Area small = Fixtures.small();
    Ir.Program second = new Ir.Program(List.of(Fixtures.misc(), small), List.of());
    Map<String, Function<Dataset, AreaEvaluator>> again = Evaluators.compile(second, PACKAGE);
    assertThat(classOf(again, "misc", data)).isSameAs(misc);
    assertThat(classOf(again, small.id(), data)).isNotSameAs(azure);
    assertThat(again.get(small.id()).apply(data).areaId()).isEqualTo(small.id());
  }

  private static Class<?> classOf(
      Map<String, Function<Dataset, AreaEvaluator>> factories, String area, Dataset data) {
    return factories.get(area).apply(data).getClass();
  }
}
