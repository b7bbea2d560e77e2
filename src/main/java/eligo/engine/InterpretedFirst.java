package eligo.engine;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.interpret.Interpreter;
import eligo.ir.Ir;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Evaluators that start at once with the reference interpreter while the generated ones are still
 * being compiled, and take the compiled ones for the next customer as soon as they are loaded: a
 * run need not wait for javac. Both engines give the same results (the differential test holds them
 * to it), so which one evaluated a customer never shows in the results. When the compilation fails
 * the interpreter goes on to the end.
 */
final class InterpretedFirst implements AreaEvaluator {
  private final AreaEvaluator interpreter;
  private final CompletableFuture<Engine.Compiled> compiling;
  private final String key;
  private final Dataset data;
  private AreaEvaluator compiled; // one evaluator is used by one thread only

  private InterpretedFirst(
      Ir.Area area, CompletableFuture<Engine.Compiled> compiling, Dataset data) {
    this.interpreter = new Interpreter(area, data);
    this.compiling = compiling;
    this.key = area.key();
    this.data = data;
  }

  /**
   * The evaluators of {@code program}, by area key, interpreted until {@code compiling} is done.
   */
  static Engine.Compiled of(
      Ir.Program program, CompletableFuture<Engine.Compiled> compiling, String description) {
    Map<String, Function<Dataset, AreaEvaluator>> factories = new LinkedHashMap<>();
    for (Ir.Area area : program.areas()) {
      factories.put(area.key(), data -> new InterpretedFirst(area, compiling, data));
    }
    return new Engine.Compiled(factories, description);
  }

  @Override
  public String areaId() {
    return interpreter.areaId();
  }

  @Override
  public void evaluate(int customer, int asOf, NodeResults out) {
    if (compiled == null
        && compiling.isDone()
        && !compiling.isCompletedExceptionally()
        && compiling.join() != null) {
      compiled = compiling.join().factories().get(key).apply(data);
    }
    (compiled != null ? compiled : interpreter).evaluate(customer, asOf, out);
  }

  @Override
  public boolean partnerMet(int rule, long total) {
    return interpreter.partnerMet(rule, total);
  }
}
