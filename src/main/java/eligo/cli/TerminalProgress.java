package eligo.cli;

import eligo.engine.Evaluation;
import java.io.PrintWriter;

/**
 * Progress of a long step on one terminal line ({@code \r} updates); silent when not on a terminal.
 */
final class TerminalProgress implements Evaluation.Progress {
  private final String what;
  private final PrintWriter err;
  private int shown = -1;

  private TerminalProgress(String what, PrintWriter err) {
    this.what = what;
    this.err = err;
  }

  /** Progress on {@code err} when the program runs on a terminal, else none. */
  static Evaluation.Progress of(String what, PrintWriter err) {
    return System.console() == null ? Evaluation.Progress.NONE : new TerminalProgress(what, err);
  }

  @Override
  public synchronized void update(int done, int total) {
    int percent = total == 0 ? 100 : (int) (done * 100L / total);
    if (percent == shown) {
      return;
    }
    shown = percent;
    err.print("\r" + what + ": " + done + " of " + total + " (" + percent + "%)");
    if (done >= total) {
      err.print("\r" + " ".repeat(what.length() + 40) + "\r");
    }
    err.flush();
  }
}
