package eligo.cli;

/** The exit statuses of every command. */
public final class ExitCodes {
  private ExitCodes() {}

  public static final int OK = 0;

  /** {@code eligo test}: a case failed, or coverage is below {@code --min-coverage}. */
  public static final int TESTS_FAILED = 1;

  /** {@code eligo fmt --check}: some files are not formatted. */
  public static final int UNFORMATTED = 1;

  /** diff --exit-code: some customer's or partner's row changed. */
  public static final int CHANGED = 1;

  /** Bad command line (picocli's own code for usage errors). */
  public static final int USAGE = 2;

  /**
   * The criteria have errors (or warnings, with --warnings-as-errors), or case files have errors.
   */
  public static final int CRITERIA = 3;

  /** The data have errors. */
  public static final int DATA = 4;

  /**
   * Anything else: a file that cannot be read or written, an amount too large, an internal error.
   */
  public static final int FAILURE = 5;
}
