package eligo.bench;

import eligo.check.Frontend;
import eligo.codegen.Evaluators;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.interpret.Interpreter;
import eligo.io.DataGenerator;
import eligo.io.DatasetLoader;
import eligo.ir.Ir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Evaluation throughput of the Azure area on one thread, in customers per second: the generated
 * evaluator, the reference interpreter and {@link HandWrittenAzureEvaluator}, over the same
 * customers of the same dataset (each invocation evaluates the next {@value #BATCH} customers,
 * round the dataset). Run by {@link Bench} (bin/bench) from the project folder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseParallelGC", "-Xmx6g"})
public class EvaluatorBenchmark {
  static final int BATCH = 1000;

  /** Customers of the generated dataset (when {@link #data} is empty). */
  @Param("20000")
  public int customers;

  /** A dataset folder to read instead of generating one. */
  @Param("")
  public String data;

  Dataset dataset;
  Ir.Area azure;
  Function<Dataset, AreaEvaluator> generated;
  int asOf;

  @Setup(Level.Trial)
  public void load() throws Exception {
    Ir.Program program = Frontend.compileFolder(Path.of("criteria")).program();
    Path dir;
    if (data.isEmpty()) {
      dir = Files.createTempDirectory("eligo-bench");
      DataGenerator.generate(dir, customers, 42, program.associationTypes());
    } else {
      dir = Path.of(data);
    }
    dataset = DatasetLoader.load(dir, program.associationTypes()).dataset();
    azure = program.area("azure");
    generated = Evaluators.compile(program, "eligo.generated").get("azure");
    asOf = dataset.latestUsageMonth();
  }

  /** One thread's evaluators and where it is in the dataset. */
  @State(Scope.Thread)
  public static class Cursor {
    AreaEvaluator generated;
    AreaEvaluator interpreter;
    AreaEvaluator handWritten;
    NodeResults out;
    int next;

    @Setup(Level.Trial)
    public void setUp(EvaluatorBenchmark b) {
      generated = b.generated.apply(b.dataset);
      interpreter = new Interpreter(b.azure, b.dataset);
      handWritten = new HandWrittenAzureEvaluator(b.dataset);
      out = new NodeResults(b.azure.resultNodes().size(), b.azure.partnerNodes().size());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void generated(Cursor cursor, Blackhole bh) {
    evaluate(cursor.generated, cursor, bh);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void interpreter(Cursor cursor, Blackhole bh) {
    evaluate(cursor.interpreter, cursor, bh);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void handWritten(Cursor cursor, Blackhole bh) {
    evaluate(cursor.handWritten, cursor, bh);
  }

  private void evaluate(AreaEvaluator evaluator, Cursor cursor, Blackhole bh) {
    int n = dataset.customerCount();
    for (int i = 0; i < BATCH; i++) {
      int c = cursor.next;
      cursor.next = c + 1 == n ? 0 : c + 1;
      cursor.out.clear();
      evaluator.evaluate(c, asOf, cursor.out);
      bh.consume(cursor.out.status[0]);
    }
  }
}
