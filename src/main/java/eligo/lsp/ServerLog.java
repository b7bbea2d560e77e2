package eligo.lsp;

import java.io.PrintStream;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log of LSP4J and of this package (java.util.logging) as one line per record on standard
 * error: what went wrong with a message the server could not take, never a stack trace or the JSON
 * of the message over many lines.
 */
final class ServerLog extends Handler {
  /** Held so the configuration outlives garbage collection (loggers are weakly referenced). */
  private static final List<Logger> LOGGERS =
      List.of(Logger.getLogger("org.eclipse.lsp4j"), Logger.getLogger("eligo.lsp"));

  private static final int LONGEST = 500;
  private final PrintStream err;

  private ServerLog(PrintStream err) {
    this.err = err;
  }

  /** Routes both logs to {@code err}, one line a record. */
  static void install(PrintStream err) {
    for (Logger logger : LOGGERS) {
      for (Handler h : logger.getHandlers()) {
        if (h instanceof ServerLog) {
          logger.removeHandler(h);
        }
      }
      logger.setUseParentHandlers(false);
      logger.addHandler(new ServerLog(err));
    }
  }

  /** Logs a message the server had to ignore. */
  static void ignored(String what) {
    LOGGERS.get(1).warning(what);
  }

  /** The line of a record: its message, and the message of what was thrown, on one line. */
  static String line(LogRecord r) {
    StringBuilder s = new StringBuilder(r.getMessage() == null ? "" : r.getMessage());
    Throwable t = r.getThrown();
    if (t != null) {
      while (t.getCause() != null && t.getCause() != t) {
        t = t.getCause();
      }
      String thrown = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (!s.toString().equals(thrown)) {
        s.append(": ").append(thrown);
      }
    }
    String line =
        s.toString()
            .replaceAll("\\s*See https://github.com/google/gson/\\S*", "")
            .replaceAll("\\s+", " ")
            .strip();
    return "eligo lsp: " + (line.length() > LONGEST ? line.substring(0, LONGEST) + "..." : line);
  }

  @Override
  public void publish(LogRecord r) {
    if (isLoggable(r)) {
      err.println(line(r));
      err.flush();
    }
  }

  @Override
  public void flush() {
    err.flush();
  }

  @Override
  public void close() {}
}
