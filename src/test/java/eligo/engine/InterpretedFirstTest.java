package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.io.Mode;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that does not wait for javac: the interpreter evaluates the customers until the compiled
 * evaluators are loaded, then they take over, and the results are those of either engine alone.
 */
class InterpretedFirstTest {
  static final Path CRITERIA = Path.of("criteria");

  @TempDir Path tmp;

  @Test
  void theCompiledEvaluatorsTakeOverMidRunWithTheSameResults() throws Exception {
    Frontend.Compilation c = Eligo.compileCriteria(CRITERIA);
    // customers for a few chunks of the evaluation
    eligo.bench.GenerateData.main(new String[] {tmp.toString(), "1600"});
    Dataset data = Eligo.loadData(tmp, c.program().associationTypes(), Mode.STRICT).dataset();
    int asOf = Eligo.asOf(null, data);
    byte[] interpreted =
        results(Eligo.evaluate(c, Engine.interpret, data, asOf, 1, Evaluation.Progress.NONE));

    // compiled evaluators that count the customers they evaluate
    AtomicInteger byCompiled = new AtomicInteger();
    Map<String, Function<Dataset, AreaEvaluator>> counting = new LinkedHashMap<>();
    Engine.generated
        .compile(c)
        .factories()
        .forEach(
            (key, f) ->
                counting.put(
                    key,
                    d -> {
                      AreaEvaluator e = f.apply(d);
                      return new AreaEvaluator() {
                        @Override
                        public String areaId() {
                          return e.areaId();
                        }

                        @Override
                        public void evaluate(int customer, int month, NodeResults out) {
                          byCompiled.incrementAndGet();
                          e.evaluate(customer, month, out);
                        }

                        @Override
                        public boolean partnerMet(int rule, long total) {
                          return e.partnerMet(rule, total);
                        }
                      };
                    }));
    CompletableFuture<Engine.Compiled> compiling = new CompletableFuture<>();
    Engine.Compiled early = InterpretedFirst.of(c.program(), compiling, "interpreted first");
    int customers = data.customerCount();
    int areas = c.program().areas().size();
    // the compilation ends once the first chunk of customers is done, by the interpreter
    Evaluation.Progress progress =
        (done, total) -> compiling.complete(new Engine.Compiled(counting, "compiled"));
    Outcome switched = Eligo.evaluate(c.program(), early, data, asOf, 1, progress);
    assertThat(results(switched)).isEqualTo(interpreted);
    assertThat(byCompiled.get())
        .as("the compiled evaluators took over after the first chunk")
        .isPositive()
        .isLessThan(customers * areas);

    // a compilation that fails leaves the interpreter to the end
    CompletableFuture<Engine.Compiled> failing = new CompletableFuture<>();
    failing.completeExceptionally(new IllegalStateException("javac failed"));
    Outcome alone =
        Eligo.evaluate(
            c.program(),
            InterpretedFirst.of(c.program(), failing, "x"),
            data,
            asOf,
            2,
            Evaluation.Progress.NONE);
    assertThat(results(alone)).isEqualTo(interpreted);
  }

  private static byte[] results(Outcome outcome) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultsFile.write(outcome, out);
    return out.toByteArray();
  }
}
