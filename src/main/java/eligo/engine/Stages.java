package eligo.engine;

import java.util.function.Supplier;

/**
 * Hears about the stages the engine runs beside the caller's own (for a front door that shows
 * timings): {@link #timed} wraps a stage, on whatever thread it runs.
 */
public interface Stages {
  /** Runs the stages and notes nothing. */
  Stages NONE =
      new Stages() {
        @Override
        public <T> T timed(String name, Supplier<T> stage) {
          return stage.get();
        }

        @Override
        public void note(String remark) {}
      };

  /** Runs {@code stage} (on any thread), which is called {@code name}. */
  <T> T timed(String name, Supplier<T> stage);

  /** A remark about the stages, e.g. when the evaluators were ready. */
  void note(String remark);
}
