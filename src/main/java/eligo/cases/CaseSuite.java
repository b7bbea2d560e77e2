package eligo.cases;

import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Case files made ready to run against one compilation: every case of a file without errors of its
 * own prepared ({@link CaseRunner#prepare}), and the problems of the files and of preparing their
 * cases found once. {@code eligo test}, the workbench's Cases tab and the editor's diagnostics of a
 * case file all prepare cases here, so they say the same things, each once: a criteria name the
 * cases' rows lack is one problem, not one per case that holds those rows.
 */
public final class CaseSuite {
  private final CaseRunner runner;
  private final List<Diagnostic> problems;
  private final List<CaseRunner.Prepared> cases;
  private final int leftOut;

  private CaseSuite(
      CaseRunner runner, List<Diagnostic> problems, List<CaseRunner.Prepared> cases, int leftOut) {
    this.runner = runner;
    this.problems = problems;
    this.cases = cases;
    this.leftOut = leftOut;
  }

  /**
   * The cases of {@code files} whose name {@code selected} accepts, prepared by {@code runner};
   * {@code parsed} are the diagnostics of parsing the files. A file with a parse error of its own
   * has none of its cases prepared (its errors say what to mend first).
   */
  public static CaseSuite prepare(
      CaseRunner runner,
      List<CaseFile> files,
      List<Diagnostic> parsed,
      Predicate<String> selected) {
    List<Diagnostic> problems = new ArrayList<>(parsed);
    List<CaseRunner.Prepared> cases = new ArrayList<>();
    int leftOut = 0;
    for (CaseFile f : files) {
      if (parsed.stream().anyMatch(d -> d.isError() && d.span().file() == f.source())) {
        continue;
      }
      for (CaseFile.Case k : f.cases()) {
        if (!selected.test(k.name())) {
          leftOut++;
          continue;
        }
        CaseRunner.Prepared p = runner.prepare(k);
        problems.addAll(p.diagnostics());
        cases.add(p);
      }
    }
    List<Diagnostic> once = new ArrayList<>(new LinkedHashSet<>(problems));
    once.sort(Diagnostics.ORDER);
    return new CaseSuite(runner, List.copyOf(once), List.copyOf(cases), leftOut);
  }

  /** Every problem, each once, in reading order. */
  public List<Diagnostic> problems() {
    return problems;
  }

  /** Whether a problem is an error: then no case runs. */
  public boolean hasErrors() {
    return Diagnostics.hasErrors(problems);
  }

  /** The cases prepared, in file order. */
  public List<CaseRunner.Prepared> cases() {
    return cases;
  }

  /** How many cases the selection left out. */
  public int leftOut() {
    return leftOut;
  }

  /** What running every case gave. */
  public record Ran(List<CaseRunner.Result> results, int failed, Coverage coverage) {
    public int passed() {
      return results.size() - failed;
    }
  }

  /**
   * Runs every case in order, telling {@code each} of each result as it comes, and measures what
   * they cover. Only when there is no error ({@link #hasErrors}).
   */
  public Ran run(Consumer<CaseRunner.Result> each) {
    if (hasErrors()) {
      throw new IllegalStateException("the cases have errors and cannot run");
    }
    List<CaseRunner.Result> results = new ArrayList<>();
    int failed = 0;
    for (CaseRunner.Prepared p : cases) {
      CaseRunner.Result r = runner.run(p);
      results.add(r);
      failed += r.passed() ? 0 : 1;
      each.accept(r);
    }
    return new Ran(List.copyOf(results), failed, Coverage.of(runner.program(), results));
  }
}
