package eligo.engine;

import eligo.check.Frontend;
import eligo.io.LoadResult;
import eligo.lang.Diagnostic;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The criteria compiled without errors and the data loaded, with the evaluators on their way.
 * {@link #evaluators()} waits for them.
 */
public record Started(
    Frontend.Compilation criteria,
    LoadResult loaded,
    List<Diagnostic> warnings,
    CompletableFuture<Engine.Compiled> compiling,
    Snapshot snapshot,
    Engine engine,
    Stages stages,
    java.util.concurrent.atomic.AtomicReference<Engine.Compiled> early,
    CompletableFuture<String> javacStarted) {
  /**
   * Lets a compilation that the run did not wait for ({@link #evaluators()} handed out the
   * interpreter) finish, so that its classes are in the class cache for the next process; a failure
   * is the interpreter's to cover and is not thrown.
   */
  public void settle() {
    if (early.get() != null) {
      compiling.exceptionally(e -> null).join();
    }
  }

  /**
   * The evaluators. Generated ones still being compiled are not waited for: the reference
   * interpreter evaluates until they are loaded ({@link InterpretedFirst}). Otherwise the
   * evaluators once compiled; a failure to compile them is thrown as it is.
   */
  public Engine.Compiled evaluators() {
    if (engine == Engine.generated) {
      // classes built in, compiled by this process or cached come in moments: the interpreter
      // starts only when javac has to run
      CompletableFuture.anyOf(compiling, javacStarted).exceptionally(e -> null).join();
    }
    if (engine == Engine.generated && !compiling.isDone()) {
      synchronized (early) {
        if (early.get() == null) {
          stages.note(
              "evaluators ready "
                  + ManagementFactory.getRuntimeMXBean().getUptime()
                  + " ms after JVM start (the interpreter, until the compiled ones are loaded)");
          early.set(
              InterpretedFirst.of(
                  criteria.program(),
                  compiling,
                  javacStarted.getNow("generated engine") + ", the interpreter meanwhile"));
        }
        return early.get();
      }
    }
    try {
      return compiling.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }
}
