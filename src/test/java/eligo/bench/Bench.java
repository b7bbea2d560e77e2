package eligo.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of this package and prints the figures of the performance section: Azure
 * customers per second on one core for each evaluator and their ratios, and the warm recompile
 * time. Arguments: [customers] [dataset folder]; bin/bench runs it.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    String customers = args.length > 0 ? args[0] : "20000";
    String data = args.length > 1 ? args[1] : "";
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(EvaluatorBenchmark.class.getName())
                    .include(CompileBenchmark.class.getName())
                    .param("customers", customers)
                    .param("data", data)
                    .build())
            .run();
    Map<String, Double> score = new LinkedHashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      score.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
    }
    double hand = score.get("handWritten");
    double generated = score.get("generated");
    double interpreter = score.get("interpreter");
    System.out.println();
    System.out.printf(
        "Azure evaluation, customers per second on one core (%s):%n",
        data.isEmpty() ? customers + " generated customers" : data);
    System.out.printf("  hand-written  %,12.0f%n", hand);
    System.out.printf(
        "  generated     %,12.0f   generated takes %.2fx the time of hand-written (target: at most 1.25x)%n",
        generated, hand / generated);
    System.out.printf(
        "  interpreter   %,12.0f   generated is %.1fx faster than the interpreter (target: at least 5x)%n",
        interpreter, generated / interpreter);
    System.out.printf(
        "Warm recompile after editing one file (check all, generate, compile, load): %.0f ms (target: 200 ms)%n",
        score.get("editOneFile"));
  }
}
