package eligo.engine;

import eligo.io.DataFingerprint;
import eligo.io.LoadResult;
import eligo.io.Mode;
import eligo.io.SnapshotFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * How a run used its snapshot file ({@code --snapshot FILE}): read back, or (re)written after the
 * CSV was loaded, and why.
 *
 * @param file the snapshot file
 * @param read true when the data came from it
 * @param why when not read: why it could not be used ("there is none yet", "the data changed since
 *     it was written", "it is damaged (checksum)")
 * @param writeFailure when it was to be written and could not be; the run goes on from the CSV
 */
public record Snapshot(Path file, boolean read, String why, String writeFailure) {

  /** One line for the user, e.g. {@code data read from snapshot s.bin}. */
  public String describe() {
    if (read) {
      return "data read from snapshot " + file;
    }
    if (writeFailure != null) {
      return "snapshot "
          + file
          + " could not be written ("
          + writeFailure
          + "); data read from CSV";
    }
    return "snapshot " + file + " written (" + why + ")";
  }

  /** A loader of the CSV folder once the association types are known. */
  interface CsvLoad {
    LoadResult load(List<String> types) throws CriteriaFailure, DataFailure;
  }

  /** What a load with a snapshot gives: the data, and how the snapshot was used. */
  record Loaded(LoadResult loaded, Snapshot snapshot) {}

  /**
   * The data of {@code dir} for a load in {@code mode} with {@code types}: from {@code file} when
   * it holds a load of the same content, else from the CSV by {@code csv}, then written to {@code
   * file} for the next run.
   *
   * <p>The snapshot is read while {@code files} are hashed, when the files' sizes and modification
   * times ({@code stats}) are those it was written from; it is kept only if the hashes match too.
   *
   * @param stats the sizes and modification times of the folder's files ({@link
   *     DataFingerprint#statsOf})
   * @param files the fingerprint of the folder's files ({@link DataFingerprint#ofFiles}), when the
   *     hashing ends
   * @param inMemory the usage rows read onto the heap (a server's, which keeps them for hours), not
   *     read in place
   */
  static Loaded load(
      Path file,
      String stats,
      Supplier<String> files,
      Supplier<List<String>> types,
      Supplier<List<eligo.ir.Ir.Attribute>> attributes,
      Mode mode,
      CsvLoad csv,
      Stages stages,
      boolean inMemory)
      throws CriteriaFailure, DataFailure {
    Supplier<String> quick =
        () ->
            DataFingerprint.withoutHashes(
                DataFingerprint.of(stats, types.get(), attributes.get(), mode));
    String[] whole = new String[1]; // the files are hashed once, however often it is asked
    Supplier<String> key =
        () ->
            whole[0] != null
                ? whole[0]
                : (whole[0] = DataFingerprint.of(files.get(), types.get(), attributes.get(), mode));
    SnapshotFile.Read read =
        stages.timed("snapshot read", () -> SnapshotFile.read(file, stats, quick, key, inMemory));
    if (read.usable()) {
      return new Loaded(read.loaded(), new Snapshot(file, true, null, null));
    }
    LoadResult loaded = csv.load(types.get());
    String failure =
        stages.timed(
            "snapshot written",
            () -> {
              try {
                SnapshotFile.write(file, key.get(), loaded);
                return null;
              } catch (IOException | RuntimeException e) {
                return eligo.io.OutputFile.reason(e);
              }
            });
    return new Loaded(loaded, new Snapshot(file, false, read.problem(), failure));
  }

  /**
   * The files' fingerprint of {@code dir}. A file that cannot be read gives a fingerprint no
   * snapshot has (one is written only after a load that read every file), and the CSV load that
   * follows says what is wrong with it.
   */
  static String files(Path dir) {
    try {
      return DataFingerprint.ofFiles(dir);
    } catch (IOException | RuntimeException e) {
      return "unreadable";
    }
  }
}
