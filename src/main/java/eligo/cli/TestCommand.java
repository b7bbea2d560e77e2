package eligo.cli;

import eligo.cases.CaseFiles;
import eligo.cases.CaseReport;
import eligo.cases.CaseResults;
import eligo.cases.CaseRunner;
import eligo.cases.CaseSuite;
import eligo.cases.Coverage;
import eligo.check.Frontend;
import eligo.engine.CriteriaFailure;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.lang.Diagnostics;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Runs criteria test cases (*.cases files) and shows what they cover.",
      "Each case's inline data goes through the compiled criteria and its",
      "expected outcomes are checked: PASS or FAIL per case, then per node the",
      "outcomes (met, not met, not evaluated) the cases check. Exit status 1",
      "when a case fails or coverage is below --min-coverage."
    })
final class TestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--criteria",
      paramLabel = "DIR",
      defaultValue = "criteria",
      description = "Folder of *.criteria files (default: ${DEFAULT-VALUE}).")
  Path criteria;

  @Parameters(
      paramLabel = "FILES",
      arity = "0..*",
      description = "Case files, or folders searched for *.cases (default: the criteria folder).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "generated",
      description = "generated or interpret. Default: ${DEFAULT-VALUE}.")
  Engine engine;

  @Option(
      names = "--min-coverage",
      paramLabel = "PCT",
      description =
          "Fail when the cases check less than PCT percent of the nodes' possible outcomes.")
  BigDecimal minCoverage;

  @Option(
      names = "--run",
      paramLabel = "REGEX",
      description =
          "Run only the cases whose name this regular expression finds (as opa test --run);"
              + " every case file is still checked.")
  String run;

  /** Taken, as opa test's: the coverage is always shown. */
  enum Format {
    TEXT,
    JSON,
    JUNIT
  }

  @Option(
      names = "--format",
      paramLabel = "text|json|junit",
      defaultValue = "text",
      description =
          "text (default); json: every case with its file, line and failure, the counts and the"
              + " coverage per node on stdout (as opa test --format json); junit: JUnit XML on"
              + " stdout, for CI servers. Problems still go to stderr.")
  Format format;

  @Option(names = "--coverage", hidden = true)
  boolean coverage;

  /** Refused with where a case's month is written (an unknown option said nothing of it). */
  @Option(names = "--as-of", hidden = true, paramLabel = "M")
  String asOf;

  /** Refused with where a case's data is written. */
  @Option(names = "--data", hidden = true, paramLabel = "DIR")
  String data;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (asOf != null) {
      err.println(
          "eligo: test takes no --as-of: each case runs as of the month its case file gives"
              + " ('as of "
              + asOf
              + "' at the top of the file, or in the case)");
      return ExitCodes.USAGE;
    }
    if (data != null) {
      err.println(
          "eligo: test takes no --data: each case carries its own rows (customer, tenant,"
              + " association, usage lines); to run the criteria on a dataset, use eligo run");
      return ExitCodes.USAGE;
    }
    if (minCoverage != null
        && (minCoverage.signum() < 0 || minCoverage.compareTo(BigDecimal.valueOf(100)) > 0)) {
      err.println(
          "eligo: --min-coverage "
              + minCoverage.toPlainString()
              + " is not a percentage: give a number from 0 to 100");
      return ExitCodes.USAGE;
    }
    Frontend.Compilation c;
    try {
      c = Eligo.compileCriteria(criteria);
    } catch (CriteriaFailure f) {
      return Failures.report(f, spec);
    }
    List<Path> roots = paths.isEmpty() ? List.of(criteria) : paths;
    for (Path p : roots) {
      if (!Files.exists(p)) {
        err.println("eligo: '" + p + "' does not exist");
        return ExitCodes.USAGE;
      }
    }
    List<Path> files = CaseFiles.find(roots);
    if (files.isEmpty()) {
      err.println("eligo: no *.cases files in " + roots + ": name case files or folders");
      return ExitCodes.USAGE;
    }
    Pattern selected;
    try {
      selected = run == null ? null : Pattern.compile(run);
    } catch (PatternSyntaxException e) {
      err.println("eligo: --run '" + run + "' is not a regular expression: " + e.getDescription());
      return ExitCodes.USAGE;
    }
    CaseFiles.Parsed parsed = CaseFiles.parse(files);
    CaseRunner runner = new CaseRunner(c, engine);
    CaseSuite suite =
        CaseSuite.prepare(
            runner,
            parsed.files(),
            parsed.diagnostics(),
            name -> selected == null || selected.matcher(name).find());
    if (suite.hasErrors()) {
      err.print(Diagnostics.render(suite.problems()));
      return ExitCodes.CRITERIA;
    }
    if (!suite.problems().isEmpty()) {
      err.print(Diagnostics.render(suite.problems())); // warnings: the cases still run
    }
    if (suite.cases().isEmpty() && suite.leftOut() == 0) {
      // a file of settings only (or an empty one) must not pass with nothing run
      err.println(
          "eligo: no cases to run in "
              + String.join(", ", files.stream().map(Path::toString).toList()));
      return ExitCodes.USAGE;
    }
    if (selected != null && suite.cases().isEmpty()) {
      // a mistyped pattern must not pass with nothing run
      err.println(
          "eligo: no case name matches --run '" + run + "' (" + suite.leftOut() + " cases)");
      return ExitCodes.USAGE;
    }
    if (format != Format.TEXT) {
      CaseSuite.Ran ran = suite.run(r -> {});
      out.print(
          format == Format.JSON
              ? CaseResults.json(ran, suite.leftOut(), runner.engineDescription())
              : CaseResults.junit(ran));
      out.flush();
      Coverage coverage = ran.coverage();
      if (minCoverage != null && !coverage.atLeast(minCoverage)) {
        err.printf(
            Locale.ROOT,
            "eligo: coverage %s is below --min-coverage %s%%%n",
            coverage.percent(),
            minCoverage.toPlainString());
        return ExitCodes.TESTS_FAILED;
      }
      return ran.failed() == 0 ? ExitCodes.OK : ExitCodes.TESTS_FAILED;
    }
    String[] file = {null};
    CaseSuite.Ran ran =
        suite.run(
            r -> {
              String name = r.c().span().file().name();
              if (!name.equals(file[0])) {
                file[0] = name;
                out.println(name);
              }
              out.print("  " + CaseReport.verdict(r).replace("\n", "\n  ").stripTrailing() + "\n");
            });
    out.printf(
        Locale.ROOT,
        "%n%d passed, %d failed%s (%s)%n%n",
        ran.passed(),
        ran.failed(),
        selected == null ? "" : ", " + suite.leftOut() + " left out by --run",
        runner.engineDescription());
    Coverage coverage = ran.coverage();
    out.print(coverage.table());
    if (minCoverage != null && !coverage.atLeast(minCoverage)) {
      out.printf(
          Locale.ROOT,
          "%nCoverage %s is below --min-coverage %s%%%n",
          coverage.percent(),
          minCoverage.toPlainString());
      return ExitCodes.TESTS_FAILED;
    }
    return ran.failed() == 0 ? ExitCodes.OK : ExitCodes.TESTS_FAILED;
  }
}
