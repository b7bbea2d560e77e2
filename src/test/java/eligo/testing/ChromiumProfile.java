package eligo.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Chromium's helper processes (renderer, network and storage services, the crash handler) can
 * outlive the browser process by a moment and still write into its profile folder, so that a test's
 * temporary folder fails to be removed ("Failed to close extension context": a file appeared while
 * JUnit deleted the folder). {@link #stop} ends the browser and every process it started or that
 * names the profile, then removes the profile folder.
 */
public final class ChromiumProfile {
  private ChromiumProfile() {}

  /**
   * Stops {@code browser} and every process it started (taken before it stops: a helper whose
   * parent is gone is found by nothing but its handle, and its command line may not name the
   * profile), waits for them and for those naming {@code profile} ({@link #awaitGone}), then
   * removes the profile folder itself, trying again while a late write puts a file back, so that a
   * test's temporary folder is left empty.
   */
  public static void stop(Process browser, Path profile) {
    List<ProcessHandle> family = browser.descendants().toList();
    browser.destroy();
    try {
      if (!browser.waitFor(10, TimeUnit.SECONDS)) {
        browser.destroyForcibly();
      }
    } catch (InterruptedException e) {
      browser.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle h : family) {
      h.destroy();
    }
    for (ProcessHandle h : family) {
      try {
        h.onExit().get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
    awaitGone(profile);
    remove(profile);
  }

  /** Removes {@code dir} and what it holds, trying again for up to five seconds. */
  static void remove(Path dir) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (java.nio.file.Files.exists(dir)) {
      try (java.util.stream.Stream<Path> all = java.nio.file.Files.walk(dir)) {
        for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
          java.nio.file.Files.deleteIfExists(p);
        }
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        if (System.nanoTime() > deadline) {
          return; // the test's temporary folder says what is left
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Waits up to ten seconds for every process whose command line names {@code profile} to end,
   * asking each to stop, then stops those left forcibly.
   */
  private static void awaitGone(Path profile) {
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
