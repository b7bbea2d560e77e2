package eligo.runtime;

import eligo.codegen.Evaluators;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.interpret.Interpreter;
import eligo.ir.Ir;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Which back end evaluates the criteria. */
public enum Engine {
  /** Java generated from the criteria and compiled in memory (or prebuilt, when up to date). */
  generated {
    @Override
    public Map<String, Function<Dataset, AreaEvaluator>> compile(Ir.Program program) {
      return Evaluators.compile(program, GENERATED_PACKAGE);
    }
  },
  /** The reference interpreter, evaluating the IR directly. */
  interpret {
    @Override
    public Map<String, Function<Dataset, AreaEvaluator>> compile(Ir.Program program) {
      Map<String, Function<Dataset, AreaEvaluator>> out = new LinkedHashMap<>();
      for (Ir.Area area : program.areas()) {
        out.put(area.id(), data -> new Interpreter(area, data));
      }
      return out;
    }
  };

  /** The package of generated evaluator classes. */
  public static final String GENERATED_PACKAGE = "eligo.generated";

  public abstract Map<String, Function<Dataset, AreaEvaluator>> compile(Ir.Program program);
}
