package eligo.cli;

import eligo.engine.Stages;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time per stage of a command, for {@code --timings}: laps run back to back on the command's
 * thread; {@link #timed} stages run beside them on another.
 */
final class Timings implements Stages {
  private final List<String> laps = new ArrayList<>();
  private final List<String> beside = java.util.Collections.synchronizedList(new ArrayList<>());
  private long last = System.nanoTime();

  /** Ends the current stage, named {@code stage}; the next one starts now. */
  void lap(String stage) {
    long now = System.nanoTime();
    laps.add(stage + " " + (now - last) / 1_000_000 + " ms");
    last = now;
  }

  /** Adds a remark printed beside the stages. */
  @Override
  public void note(String remark) {
    synchronized (beside) {
      beside.add(remark);
    }
  }

  /** Runs {@code stage} (on any thread) and notes its wall time as {@code name}. */
  @Override
  public <T> T timed(String name, java.util.function.Supplier<T> stage) {
    long start = System.nanoTime();
    T result = stage.get();
    beside.add(name + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
    return result;
  }

  /**
   * The stages, the time since the JVM started, and the process's peak resident memory (Linux only:
   * {@code VmHWM} of /proc/self/status).
   */
  String report() {
    StringBuilder b = new StringBuilder("timings: ").append(String.join(", ", laps));
    synchronized (beside) {
      if (!beside.isEmpty()) {
        b.append(" (").append(String.join(", ", beside)).append(")");
      }
    }
    b.append("; since JVM start ")
        .append(ManagementFactory.getRuntimeMXBean().getUptime())
        .append(" ms");
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
          b.append("; peak RSS ").append(kb / 1024).append(" MB");
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // no peak memory to show
    }
    return b.toString();
  }
}
