package eligo.cli;

import eligo.engine.Snapshot;
import eligo.io.OutputFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --snapshot FILE}, as every command that loads a dataset takes it: the option, the refusal
 * of a snapshot that is one of the inputs or another output, and the one line on a snapshot that
 * could not be written.
 */
final class SnapshotOption {
  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      description =
          "Keep the loaded data in this binary file: a later command on data of the same content"
              + " (files' sizes, modification times and bytes; same association types and bad-rows"
              + " mode) reads it instead of the CSV. A stale, truncated or damaged snapshot is never"
              + " used: it is written again.")
  Path file;

  /**
   * Null when the snapshot may be written, else the exit status after saying why not: it is one of
   * {@code inputs} (or inside one) or one of {@code others}.
   */
  Integer refused(List<Path> inputs, List<Path> others, PrintWriter err) {
    String refused =
        file == null ? null : OutputFile.refuseInputs("--snapshot", file, inputs, others);
    if (refused == null) {
      return null;
    }
    err.println("eligo: " + refused);
    return ExitCodes.USAGE;
  }

  /**
   * Says, on {@code err}, that the snapshot was not used and why (it was written again, or could
   * not be); nothing when the data came from it.
   */
  static void tellUnused(Snapshot used, PrintWriter err) {
    if (used != null && !used.read()) {
      err.println("eligo: " + used.describe());
    }
  }
}
