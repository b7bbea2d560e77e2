package eligo.spark;

import eligo.io.OutputFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Where the results go, checked before anything runs, and the Parquet results table written whole
 * or not at all.
 *
 * <ul>
 *   <li>A results file (CSV) is refused as {@code eligo run} refuses it ({@link
 *       OutputFile#refuseInputs}): a folder, an input of the run or a file inside the data or
 *       criteria folder.
 *   <li>A results table (Parquet, a folder) is refused when it is, holds or lies inside the data or
 *       criteria folder, when it is a file, and when it is a folder that holds anything but what a
 *       results table holds (part files, {@code _SUCCESS}, checksums): replacing it would delete
 *       what it holds.
 *   <li>The table is written into a hidden folder beside the target, which then takes the target's
 *       place: a run stopped before that leaves the previous table whole.
 * </ul>
 */
final class ResultsTarget {
  private ResultsTarget() {}

  /** A results target that is refused: the command line's usage error (exit 2). */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** What a results table of an earlier run holds. */
  private static final Pattern TABLE_ENTRY =
      Pattern.compile("part-.*\\.parquet|_SUCCESS|\\..*\\.crc");

  /**
   * Refuses {@code o}'s results target, before the run, when writing it would replace an input or
   * something that is not an earlier run's results.
   *
   * @throws Refused in words
   */
  static void check(SparkSession spark, SparkRunner.Options o) {
    if (o.results().isEmpty()) {
      throw new Refused("--results is empty: name a file");
    }
    if (!o.parquetResults()) {
      checkFile(o);
      return;
    }
    Path target = new Path(o.results());
    FileSystem fs = Tables.fileSystem(spark, target);
    String t = key(fs.makeQualified(target), fs);
    List<String[]> inputs = new ArrayList<>();
    if (!o.data().isEmpty()) { // no data folder: the run says so
      Path data = new Path(o.data());
      inputs.add(
          new String[] {o.data(), key(Tables.fileSystem(spark, data).makeQualified(data), fs)});
    }
    Path criteria = new Path(o.criteria().toAbsolutePath().toUri());
    inputs.add(new String[] {o.criteria().toString(), key(criteria, fs)});
    for (String[] in : inputs) {
      String i = in[1];
      if (t.equals(i)) {
        throw new Refused(
            "--results " + o.results() + " is an input of this run: choose another folder");
      }
      if (t.startsWith(i + "/")) {
        throw new Refused(
            "--results "
                + o.results()
                + " lies inside the input folder "
                + in[0]
                + ": choose another folder");
      }
      if (i.startsWith(t + "/")) {
        throw new Refused(
            "--results "
                + o.results()
                + " holds the input "
                + in[0]
                + ", which writing the results table would delete: choose another folder");
      }
    }
    try {
      if (!fs.exists(target)) {
        return;
      }
      FileStatus status = fs.getFileStatus(target);
      if (!status.isDirectory()) {
        throw new Refused(
            "--results "
                + o.results()
                + " is a file, and --results-format parquet writes a folder: it is kept; name"
                + " another folder");
      }
      for (FileStatus entry : fs.listStatus(target)) {
        String name = entry.getPath().getName();
        if (entry.isDirectory() || !TABLE_ENTRY.matcher(name).matches()) {
          throw new Refused(
              "--results "
                  + o.results()
                  + " exists and is not a results table of an earlier run (it holds '"
                  + name
                  + "'): it is kept; name another folder");
        }
      }
    } catch (IOException e) {
      throw new Refused("--results " + o.results() + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * Refuses a results file (CSV, written on the driver's file system) as {@code eligo run} refuses
   * it; needs no session, so the command line refuses it before one starts.
   *
   * @throws Refused in words
   */
  static void checkFile(SparkRunner.Options o) {
    if (o.results().isEmpty()) {
      throw new Refused("--results is empty: name a file");
    }
    java.nio.file.Path target = java.nio.file.Path.of(o.results());
    List<java.nio.file.Path> inputs = new ArrayList<>();
    inputs.add(o.criteria());
    java.nio.file.Path data = localPath(o.data());
    if (data != null) {
      inputs.add(data);
    }
    String refused = OutputFile.refuseInputs("--results", target, inputs, List.of());
    if (refused != null) {
      throw new Refused(refused);
    }
  }

  /** {@code path} as a path of this machine when it is one (a plain path or a file: URI). */
  private static java.nio.file.Path localPath(String path) {
    try {
      java.net.URI uri = new Path(path).toUri();
      if (uri.getScheme() == null) {
        return java.nio.file.Path.of(path);
      }
      return "file".equals(uri.getScheme()) ? java.nio.file.Path.of(uri) : null;
    } catch (IllegalArgumentException e) { // InvalidPathException among them
      return null;
    }
  }

  /**
   * A path compared as text, without a trailing slash; on this machine's file system with its links
   * resolved (the nearest existing folder's), so a link to the data folder is the data folder.
   */
  private static String key(Path qualified, FileSystem fs) {
    String s = qualified.toUri().toString();
    if ("file".equals(qualified.toUri().getScheme())) {
      java.nio.file.Path abs = java.nio.file.Path.of(qualified.toUri()).normalize();
      java.nio.file.Path rest = abs.getFileSystem().getPath("");
      for (java.nio.file.Path at = abs; at != null; at = at.getParent()) {
        try {
          s = "file:" + at.toRealPath().resolve(rest).normalize();
          break;
        } catch (IOException e) {
          rest = at.getFileName() == null ? rest : at.getFileName().resolve(rest);
        }
      }
    }
    return s.endsWith("/") && s.length() > 1 ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * What a write of {@code to} stopped by a kill (no shutdown hook ran) left beside it, as {@code
   * eligo run}'s next write treats its own leftovers: a temporary folder is removed, and a previous
   * table moved aside is put back when the target is missing (stopped between the two renames),
   * else removed. Only those of a process no longer running, and only on this machine's file
   * system: on a cluster's, a process id says nothing of the driver that wrote it, and they are
   * left.
   */
  static void recover(FileSystem fs, Path to) throws IOException {
    if (!"file".equals(fs.getUri().getScheme()) || to.getParent() == null) {
      return;
    }
    String prefix = "." + to.getName() + ".eligo-";
    FileStatus[] left = fs.listStatus(to.getParent(), p -> p.getName().startsWith(prefix));
    for (FileStatus st : left) {
      String name = st.getPath().getName();
      String rest = name.substring(prefix.length());
      int dash = rest.indexOf('-');
      boolean tmp = name.endsWith(".tmp");
      if (dash <= 0 || !(tmp || name.endsWith(".old"))) {
        continue;
      }
      long pid;
      try {
        pid = Long.parseLong(rest.substring(0, dash));
      } catch (NumberFormatException e) {
        continue;
      }
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        continue;
      }
      if (!tmp && !fs.exists(to)) {
        fs.rename(st.getPath(), to);
      } else {
        fs.delete(st.getPath(), true);
      }
    }
  }

  /** Writes a table: {@code write} fills the folder it is given, which then replaces the target. */
  interface Writer {
    void write(String folder);
  }

  /**
   * Writes the results table {@code target} whole: into a hidden folder beside it (removed when the
   * write fails or the process is stopped), which then takes its place; the previous table is
   * removed only after that.
   */
  static void writeTable(SparkSession spark, String target, Writer write) throws IOException {
    Path to = new Path(target);
    FileSystem fs = Tables.fileSystem(spark, to);
    to = fs.makeQualified(to);
    Path parent = to.getParent();
    recover(fs, to);
    String id = ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    Path temporary = new Path(parent, "." + to.getName() + ".eligo-" + id + ".tmp");
    Path previous = new Path(parent, "." + to.getName() + ".eligo-" + id + ".old");
    Path tmp = temporary;
    Runnable cleanUp =
        () -> {
          try {
            fs.delete(tmp, true);
          } catch (IOException | RuntimeException e) {
            // the process is ending; a hidden folder may be left
          }
        };
    org.apache.hadoop.util.ShutdownHookManager hooks =
        org.apache.hadoop.util.ShutdownHookManager.get();
    hooks.addShutdownHook(cleanUp, FileSystem.SHUTDOWN_HOOK_PRIORITY + 1);
    boolean done = false;
    try {
      write.write(temporary.toString());
      boolean replaced = fs.exists(to);
      if (replaced && !fs.rename(to, previous)) {
        throw new IOException("cannot move the previous results table " + to + " aside");
      }
      if (!fs.rename(temporary, to)) {
        if (replaced) {
          fs.rename(previous, to);
        }
        throw new IOException("cannot rename " + temporary + " to " + to);
      }
      done = true;
      if (replaced) {
        fs.delete(previous, true);
      }
    } finally {
      if (!done) {
        cleanUp.run();
      }
      try {
        hooks.removeShutdownHook(cleanUp);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs
      }
    }
  }
}
