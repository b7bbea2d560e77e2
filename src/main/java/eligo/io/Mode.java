package eligo.io;

/** How the loader treats bad rows (DATA.md, "Bad input"). */
public enum Mode {
  /** Any bad row or file stops the load: {@link DataException} lists every error found. */
  STRICT,
  /**
   * Bad rows, and rows that depend on them, are left out and returned as rejects; the dataset is
   * built from the good rows. File-level errors (a missing file or column, broken CSV quoting, text
   * that is not UTF-8) still stop the load, since rows could not be accounted for.
   */
  LENIENT
}
