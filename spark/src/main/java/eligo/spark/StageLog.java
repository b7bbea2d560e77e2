package eligo.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;

/**
 * {@code --timings}: each Spark stage of the run with its wall time, task time, input read and
 * shuffle bytes written and read, as Spark's listener bus reports them (the figures of README's
 * plan for a cluster).
 */
final class StageLog extends SparkListener {
  private record Stage(
      int id,
      String name,
      int tasks,
      long wallMs,
      long taskMs,
      long inputBytes,
      long shuffleWrite,
      long shuffleRead,
      long spilled) {}

  private final List<Stage> stages = new ArrayList<>();

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
    StageInfo s = event.stageInfo();
    TaskMetrics m = s.taskMetrics();
    long wall =
        s.completionTime().isDefined() && s.submissionTime().isDefined()
            ? (Long) s.completionTime().get() - (Long) s.submissionTime().get()
            : 0;
    stages.add(
        new Stage(
            s.stageId(),
            s.name(),
            s.numTasks(),
            wall,
            m == null ? 0 : m.executorRunTime(),
            m == null ? 0 : m.inputMetrics().bytesRead(),
            m == null ? 0 : m.shuffleWriteMetrics().bytesWritten(),
            m == null ? 0 : m.shuffleReadMetrics().totalBytesRead(),
            m == null ? 0 : m.diskBytesSpilled()));
  }

  synchronized void print(PrintWriter out, long customers) {
    long write = 0;
    out.println("stage  tasks   wall s   task s   input MB  shuffle write MB  read MB  spilled MB");
    for (Stage s : stages) {
      write += s.shuffleWrite;
      out.println(
          String.format(
              Locale.ROOT,
              "%5d %6d %8.1f %8.1f %10.1f %17.1f %8.1f %11.1f  %s",
              s.id,
              s.tasks,
              s.wallMs / 1e3,
              s.taskMs / 1e3,
              s.inputBytes / 1e6,
              s.shuffleWrite / 1e6,
              s.shuffleRead / 1e6,
              s.spilled / 1e6,
              s.name));
    }
    if (customers > 0) {
      out.println(
          String.format(
              Locale.ROOT,
              "shuffle written: %.1f MB in all, %.0f bytes per customer",
              write / 1e6,
              (double) write / customers));
    }
  }
}
