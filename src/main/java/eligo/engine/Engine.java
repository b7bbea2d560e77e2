package eligo.engine;

import eligo.check.Frontend;
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
  /**
   * Java generated from the criteria: the evaluators built into this jar when the criteria have the
   * content they were built from ({@link Prebuilt}), else compiled in memory.
   */
  generated {
    @Override
    public void prepare(java.nio.file.Path criteria) {
      try {
        if (!Prebuilt.matches(Frontend.contentHash(criteria))) {
          eligo.codegen.InMemoryCompiler.warmUpInBackground();
        }
      } catch (java.io.IOException | RuntimeException e) {
        // the criteria folder is read again, and any problem reported, when it is checked
      }
    }

    @Override
    public Compiled compile(Frontend.Compilation c) {
      return compile(c, description -> {});
    }

    @Override
    public Compiled compile(
        Frontend.Compilation c, java.util.function.Consumer<String> beforeJavac) {
      Map<String, Function<Dataset, AreaEvaluator>> prebuilt = Prebuilt.evaluators(c);
      if (prebuilt != null) {
        return new Compiled(prebuilt, "generated engine, prebuilt");
      }
      // an area the edit left alone has the source of one built into the jar
      java.util.concurrent.atomic.AtomicInteger reused =
          new java.util.concurrent.atomic.AtomicInteger();
      Map<String, Function<Dataset, AreaEvaluator>> factories =
          Evaluators.compile(
              c.program(),
              GENERATED_PACKAGE,
              source -> {
                Class<?> known = Prebuilt.classFor(source);
                if (known != null) {
                  reused.incrementAndGet();
                }
                return known;
              },
              () -> beforeJavac.accept(describe(c.program().areas().size(), reused.get())));
      return new Compiled(factories, describe(factories.size(), reused.get()));
    }
  },
  /** The reference interpreter, evaluating the IR directly. */
  interpret {
    @Override
    public Compiled compile(Frontend.Compilation c) {
      return new Compiled(interpreters(c.program()), "interpret engine");
    }
  };

  /** How the generated evaluators of {@code areas} areas were made, {@code reused} prebuilt. */
  private static String describe(int areas, int reused) {
    int compiled = areas - reused;
    return compiled == areas
        ? "generated engine, compiled in memory"
        : compiled == 0
            ? "generated engine, prebuilt"
            : "generated engine, "
                + compiled
                + (compiled == 1 ? " area" : " areas")
                + " compiled in memory, "
                + reused
                + " prebuilt";
  }

  /** Reference interpreters for every area (every version of it) of a program, by its key. */
  public static Map<String, Function<Dataset, AreaEvaluator>> interpreters(Ir.Program program) {
    Map<String, Function<Dataset, AreaEvaluator>> out = new LinkedHashMap<>();
    for (Ir.Area area : program.areas()) {
      out.put(area.key(), data -> new Interpreter(area, data));
    }
    return out;
  }

  /** The package of generated evaluator classes compiled in memory. */
  public static final String GENERATED_PACKAGE = "eligo.generated";

  /**
   * Evaluator factories by area key ({@link Ir.Area#key()}: the id, and the month of a version),
   * and how they were made, for the run summary.
   */
  public record Compiled(
      Map<String, Function<Dataset, AreaEvaluator>> factories, String description) {}

  /** The evaluators of a compilation without errors. */
  public abstract Compiled compile(Frontend.Compilation c);

  /**
   * {@link #compile(Frontend.Compilation)}, calling {@code beforeJavac} with the description the
   * evaluators will have first if it is going to start the Java compiler (the slow part: a caller
   * may start with the interpreter meanwhile).
   */
  public Compiled compile(Frontend.Compilation c, java.util.function.Consumer<String> beforeJavac) {
    return compile(c);
  }

  /**
   * Gets ready, in the background, to compile the criteria in {@code criteria} soon: the generated
   * engine warms the Java compiler up unless the prebuilt evaluators will do.
   */
  public void prepare(java.nio.file.Path criteria) {}
}
