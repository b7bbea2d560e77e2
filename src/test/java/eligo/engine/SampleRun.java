package eligo.engine;

import eligo.data.Dataset;
import eligo.io.Mode;
import java.nio.file.Path;

/** The project's criteria and the bundled sample data, started and evaluated as a run does. */
record SampleRun(Started started, Dataset data, Outcome outcome) {
  static final Path CRITERIA = Path.of("criteria");
  static final Path DATA = Path.of("examples/sample-data");

  /** Started with the generated engine and evaluated on {@code threads} threads. */
  static SampleRun evaluate(int threads) throws Exception {
    Started s = Eligo.start(CRITERIA, DATA, Mode.STRICT, Engine.generated, Stages.NONE);
    return new SampleRun(s, s.loaded().dataset(), outcomeOf(s, threads));
  }

  /** The outcome of what {@code s} started, at its data's latest month, on {@code threads}. */
  static Outcome outcomeOf(Started s, int threads) throws Exception {
    Dataset data = s.loaded().dataset();
    return Eligo.evaluate(
        s.criteria().program(),
        s.evaluators(),
        data,
        Eligo.asOf(null, data),
        threads,
        Evaluation.Progress.NONE);
  }
}
