package eligo.spark;

/**
 * A row or file of the dataset that cannot be used, found by a task (or the driver): the file, what
 * is wrong, and the row's content. It ends the job; the runner reports it as a data error (exit 4).
 */
final class DataProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DataProblem(String file, String problem, String row) {
    super(file + ": " + problem + (row == null ? "" : " (row: " + row + ")"));
  }

  DataProblem(String message) {
    super(message);
  }

  /** The data problem among {@code e}'s causes (a task's, wrapped by Spark), or null. */
  static DataProblem in(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DataProblem p) {
        return p;
      }
      for (Throwable s : t.getSuppressed()) {
        DataProblem p = in(s);
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }
}
