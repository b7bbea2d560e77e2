package eligo.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Chromium's helper processes (renderer, network and storage services, the crash handler) can
 * outlive the browser process by a moment and still write into its profile folder, so that a test's
 * temporary folder fails to be removed ("Failed to close extension context": a file appeared while
 * JUnit deleted the folder). {@link #awaitGone} ends every process that names the profile.
 */
public final class ChromiumProfile {
  private ChromiumProfile() {}

  /**
   * Waits up to ten seconds for every process whose command line names {@code profile} to end,
   * asking each to stop, then stops those left forcibly.
   */
  public static void awaitGone(Path profile) {
    String name = profile.toAbsolutePath().toString();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      List<ProcessHandle> left =
          ProcessHandle.allProcesses()
              .filter(h -> h.info().commandLine().map(c -> c.contains(name)).orElse(false))
              .toList();
      if (left.isEmpty()) {
        return;
      }
      boolean late = System.nanoTime() > deadline;
      for (ProcessHandle h : left) {
        if (late) {
          h.destroyForcibly();
        } else {
          h.destroy();
        }
      }
      if (late) {
        for (ProcessHandle h : left) {
          try {
            h.onExit().get(2, TimeUnit.SECONDS);
          } catch (Exception e) {
            // nothing more to do: the folder's removal says what is left
          }
        }
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
