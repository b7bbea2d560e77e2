package eligo.io;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Pools of daemon threads for work a command waits for itself (hashing, formatting, removing): a
 * daemon never keeps the JVM alive after the command is done or has failed. The caller shuts the
 * pool down.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

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
