package eligo.bench;

import eligo.check.Frontend;
import eligo.codegen.Evaluators;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recompiling after an edit in a warm process: criteria/ is read once; each invocation changes one
 * number in azure.criteria (a new value every time, so nothing can be reused by accident), then
 * checks every file and generates, compiles and loads the evaluators.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseParallelGC"})
public class CompileBenchmark {
  static final String EDITED = "azure.criteria";
  static final String NUMBER = "$1000";

  Map<String, String> texts = new LinkedHashMap<>();
  int edits;

  @Setup(Level.Trial)
  public void read() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("criteria"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".criteria")).sorted().toList()) {
        texts.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    if (!texts.get(EDITED).contains(NUMBER)) {
      throw new IllegalStateException(
          EDITED + " no longer holds " + NUMBER + ": pick another number to edit");
    }
  }

  @Benchmark
  public Object editOneFile() {
    Map<String, String> edited = new LinkedHashMap<>(texts);
    edited.put(EDITED, texts.get(EDITED).replace(NUMBER, "$" + (1000 + ++edits)));
    Frontend.Compilation c = Frontend.compile(edited);
    if (!c.ok()) {
      throw new IllegalStateException(c.diagnostics().toString());
    }
    return Evaluators.compile(c.program(), "eligo.generated");
  }
}
