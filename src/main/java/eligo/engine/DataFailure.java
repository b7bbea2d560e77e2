package eligo.engine;

import eligo.io.DataError;
import eligo.io.DataException;
import java.nio.file.Path;
import java.util.List;

/**
 * The data cannot be used: the folder is missing, rows or files have errors (each located at its
 * file and line, {@link #errors()}), or there is no month to evaluate at.
 */
public final class DataFailure extends EngineFailure {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the data. */
  public enum Reason {
    /** The data folder does not exist or is not a folder. */
    NOT_A_FOLDER,
    /** Files or rows have errors: {@link #errors()}. */
    BAD_DATA,
    /** No as-of month was given and usage.csv has no rows to take the latest month from. */
    NO_AS_OF_MONTH
  }

  private final Reason reason;
  private final transient Path folder;
  private final transient List<DataError> errors;

  private DataFailure(
      Reason reason, Path folder, String message, List<DataError> errors, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.folder = folder;
    this.errors = List.copyOf(errors);
  }

  /** {@code folder} does not exist or is not a folder. */
  static DataFailure notAFolder(Path folder) {
    return new DataFailure(
        Reason.NOT_A_FOLDER, folder, Eligo.notAFolder("data", folder), List.of(), null);
  }

  /** Every error the loader found; the message lists them as {@link DataException} does. */
  static DataFailure badData(Path folder, DataException e) {
    return new DataFailure(Reason.BAD_DATA, folder, e.getMessage(), e.errors(), e);
  }

  /** No as-of month given, and none to take from usage.csv. */
  static DataFailure noAsOfMonth() {
    return new DataFailure(
        Reason.NO_AS_OF_MONTH,
        null,
        "usage.csv has no rows, so there is no latest month: give the as-of month",
        List.of(),
        null);
  }

  /** What is wrong. */
  public Reason reason() {
    return reason;
  }

  /** The data folder, when known. */
  public Path folder() {
    return folder;
  }

  /** For {@link Reason#BAD_DATA}: every error found (not capped), in file then line order. */
  public List<DataError> errors() {
    return errors;
  }
}
