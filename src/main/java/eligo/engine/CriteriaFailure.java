package eligo.engine;

import eligo.check.Frontend;
import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The criteria cannot be used: the folder cannot be read (no {@link #diagnostics()}), or the
 * criteria have errors, each located at its file, line and column.
 */
public final class CriteriaFailure extends EngineFailure {
  private static final long serialVersionUID = 1L;

  private final transient Path folder;

  /** The diagnostics of each compilation that failed (or was compared with one that did). */
  private final transient List<List<Diagnostic>> reports;

  /** Whether the criteria compile and it is the data that show them wrong. */
  private final boolean againstData;

  private CriteriaFailure(
      String message, Path folder, List<List<Diagnostic>> reports, Throwable cause) {
    this(message, folder, reports, cause, false);
  }

  private CriteriaFailure(
      String message,
      Path folder,
      List<List<Diagnostic>> reports,
      Throwable cause,
      boolean againstData) {
    super(message, cause);
    this.folder = folder;
    this.reports = List.copyOf(reports);
    this.againstData = againstData;
  }

  /** Whether the criteria compile and the data show them wrong ({@link #againstData(List)}). */
  public boolean isAgainstData() {
    return againstData;
  }

  /** The folder {@code folder} cannot be used as a criteria folder, for the reason given. */
  static CriteriaFailure folder(Path folder, String message, Throwable cause) {
    return new CriteriaFailure(message, folder, List.of(), cause);
  }

  /**
   * Criteria with errors: every diagnostic (errors and warnings) of each of {@code compilations},
   * rendered one compilation after the other.
   */
  static CriteriaFailure errors(List<Frontend.Compilation> compilations) {
    List<List<Diagnostic>> reports = new ArrayList<>();
    StringBuilder message = new StringBuilder();
    for (Frontend.Compilation c : compilations) {
      reports.add(List.copyOf(c.diagnostics()));
      message.append(Diagnostics.render(c.diagnostics()));
    }
    return new CriteriaFailure(message.toString(), null, reports, null);
  }

  /**
   * Criteria that cannot run at the month asked: an area with versions has none in force then, or
   * none with the label asked ({@code message} says which, each at its {@code file:line:col}).
   */
  static CriteriaFailure versions(String message) {
    return new CriteriaFailure(message, null, List.of(), null);
  }

  /** Criteria that the data show to be wrong: {@code diagnostics} (errors and warnings). */
  static CriteriaFailure againstData(List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostics.ORDER);
    return new CriteriaFailure(
        Diagnostics.render(sorted), null, List.of(List.copyOf(sorted)), null, true);
  }

  /** The criteria folder named, when the folder itself is the problem; else null. */
  public Path folder() {
    return folder;
  }

  /**
   * Every diagnostic, located at its file, line and column, in reading order per compilation; empty
   * when the folder could not be read at all.
   */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> all = new ArrayList<>();
    reports.forEach(all::addAll);
    return all;
  }

  /**
   * The diagnostics as a person reads them: each with its line and a caret, then a count line per
   * compilation; empty when the folder could not be read (then {@link #getMessage()} says why).
   */
  public String rendered() {
    StringBuilder sb = new StringBuilder();
    for (List<Diagnostic> r : reports) {
      sb.append(Diagnostics.render(r));
    }
    return sb.toString();
  }
}
