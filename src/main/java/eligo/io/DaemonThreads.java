package eligo.io;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pools of daemon threads for work a command waits for itself (hashing, formatting, removing): a
 * daemon never keeps the JVM alive after the command is done or has failed. The caller shuts the
 * pool down.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /**
   * The result of {@code work}, once done. Its failure is thrown as it was thrown on its thread (an
   * unchecked exception or an error, such as running out of memory); a checked one, which work
   * given here does not throw, as an {@link IllegalStateException}.
   *
   * @throws InterruptedException when this thread is interrupted while waiting
   */
  public static <T> T result(Future<T> work) throws InterruptedException {
    try {
      return work.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** A pool of {@code threads} daemon threads named {@code name}. */
  public static ExecutorService pool(int threads, String name) {
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }
}
