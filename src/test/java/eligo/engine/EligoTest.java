package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.data.Month;
import eligo.io.DataError;
import eligo.io.Mode;
import eligo.lang.Diagnostic;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine API as a front door uses it: results equal to a conformance set's, and each failure
 * type with where the problem is.
 */
@Needs(Requirement.SHARED)
class EligoTest {
  static final Path CRITERIA = Path.of("criteria");
  static final String BAD_AREA =
      """
      workloads W = family "Gadgets"

      area widgets "Widgets" {
        metric gadgets "Gadgets" {
          criteria "Gadgets with revenue"
          value count workload in WW where sum revenue for tenant, month in TTM(M) > 0
          met when value >= 1
        }
      }
      """;

  @TempDir Path tmp;

  @Test
  void startThenEvaluateReproducesAConformanceSet() throws Exception {
    Path set = SharedFiles.conformance("sample-1");
    List<String> stages = new ArrayList<>();
    Stages heard =
        new Stages() {
          @Override
          public <T> T timed(String name, java.util.function.Supplier<T> stage) {
            stages.add(name);
            return stage.get();
          }

          @Override
          public void note(String remark) {}
        };
    Started s = Eligo.start(CRITERIA, set.resolve("data"), Mode.STRICT, Engine.generated, heard);
    Outcome outcome = SampleRun.outcomeOf(s, 2);
    Path results = tmp.resolve("results.csv");
    ResultsFile.write(outcome, results);
    assertThat(Files.readAllBytes(results))
        .isEqualTo(Files.readAllBytes(set.resolve("expected.csv")));
    assertThat(stages)
        .containsExactly("criteria checked meanwhile", "evaluators compiled meanwhile");
  }

  @Test
  void stepByStepWithTheInterpreterReproducesAConformanceSet() throws Exception {
    Path set = SharedFiles.conformance("hand-1");
    Frontend.Compilation c = Eligo.compileCriteria(CRITERIA);
    Dataset data =
        Eligo.loadData(set.resolve("data"), c.program().associationTypes(), Mode.STRICT).dataset();
    Outcome outcome =
        Eligo.evaluate(
            c, Engine.interpret, data, Eligo.asOf(null, data), 1, Evaluation.Progress.NONE);
    Path results = tmp.resolve("results.csv");
    ResultsFile.write(outcome, results);
    assertThat(Files.readAllBytes(results))
        .isEqualTo(Files.readAllBytes(set.resolve("expected.csv")));
  }

  @Test
  void criteriaErrorsComeWithTheirFileLineAndColumn() throws Exception {
    Path dir = badCriteria();
    assertThat(Eligo.readCriteria(dir).ok()).as("reading alone does not fail on errors").isFalse();

    CriteriaFailure f =
        catchThrowableOfType(() -> Eligo.compileCriteria(dir), CriteriaFailure.class);
    assertThat(f).isNotNull();
    assertThat(f.folder()).isNull();
    Diagnostic d = f.diagnostics().get(0);
    assertThat(d.isError()).isTrue();
    assertThat(d.span().file().name())
        .isEqualTo(dir.resolve("widgets.criteria").toString().replace('\\', '/'));
    assertThat(d.span().line()).isEqualTo(6);
    assertThat(d.span().column()).isEqualTo(29);
    assertThat(d.message()).startsWith("unknown workload set 'WW'");
    assertThat(f.rendered()).startsWith(d.render()).endsWith("1 error\n");
  }

  @Test
  void versionsComparedFailTogether() throws Exception {
    Frontend.Compilation good = Eligo.compileCriteria(CRITERIA);
    Frontend.Compilation bad = Eligo.readCriteria(badCriteria());
    Eligo.requireNoErrors(good, good);
    CriteriaFailure f =
        catchThrowableOfType(() -> Eligo.requireNoErrors(bad, good), CriteriaFailure.class);
    assertThat(f.diagnostics())
        .containsExactlyElementsOf(concat(bad.diagnostics(), good.diagnostics()));
    assertThat(f.rendered())
        .isEqualTo(
            eligo.lang.Diagnostics.render(bad.diagnostics())
                + eligo.lang.Diagnostics.render(good.diagnostics()));
  }

  @Test
  void aCriteriaFolderThatIsMissingOrEmptyIsNamed() throws IOException {
    Path missing = tmp.resolve("nowhere");
    CriteriaFailure f =
        catchThrowableOfType(() -> Eligo.compileCriteria(missing), CriteriaFailure.class);
    assertThat(f.folder()).isEqualTo(missing);
    assertThat(f.diagnostics()).isEmpty();
    assertThat(f.getMessage())
        .isEqualTo("criteria folder '" + missing + "' does not exist or is not a folder");
    // a file of the folder given for the folder: the folder to give instead
    Path file = Files.writeString(tmp.resolve("a.criteria"), "");
    assertThat(catchThrowableOfType(() -> Eligo.readCriteria(file), CriteriaFailure.class))
        .hasMessage(
            "criteria folder '"
                + file
                + "' is a file: give the folder that holds it ('"
                + tmp
                + "'), whose files are read together");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    f = catchThrowableOfType(() -> Eligo.readCriteria(empty), CriteriaFailure.class);
    assertThat(f.folder()).isEqualTo(empty);
    assertThat(f.getMessage()).isEqualTo("criteria folder '" + empty + "' has no *.criteria files");
  }

  @Test
  void dataErrorsComeWithTheirFileAndLine() throws Exception {
    Path data = sampleData();
    replaceLine(
        data.resolve("usage.csv"),
        3,
        "2024-13,T000001,Azure SQL Database,11999.99,0,0,,,pc-export");
    List<String> types = Eligo.compileCriteria(CRITERIA).program().associationTypes();

    DataFailure f =
        catchThrowableOfType(() -> Eligo.loadData(data, types, Mode.STRICT), DataFailure.class);
    assertThat(f.reason()).isEqualTo(DataFailure.Reason.BAD_DATA);
    assertThat(f.folder()).isEqualTo(data);
    assertThat(f.errors()).hasSize(1);
    DataError e = f.errors().get(0);
    assertThat(e.file()).isEqualTo("usage.csv");
    assertThat(e.line()).isEqualTo(3);
    assertThat(f.getMessage()).isEqualTo("1 error in the dataset:\n" + e.format());

    assertThat(Eligo.loadData(data, types, Mode.LENIENT).rejects())
        .as("lenient: a reject, no failure")
        .containsExactly(e);

    DataFailure started =
        catchThrowableOfType(
            () -> Eligo.start(CRITERIA, data, Mode.STRICT, Engine.interpret, Stages.NONE),
            DataFailure.class);
    assertThat(started.errors()).containsExactly(e);
  }

  @Test
  void criteriaErrorsWinOverDataErrorsWhenBothAreStarted() throws Exception {
    Path data = sampleData();
    replaceLine(
        data.resolve("usage.csv"),
        3,
        "2024-13,T000001,Azure SQL Database,11999.99,0,0,,,pc-export");
    Path criteria = badCriteria();
    assertThat(
            catchThrowableOfType(
                    () -> Eligo.start(criteria, data, Mode.STRICT, Engine.generated, Stages.NONE),
                    CriteriaFailure.class)
                .diagnostics())
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.startsWith("unknown workload set 'WW'"));
    assertThat(
            catchThrowableOfType(
                () ->
                    Eligo.start(
                        criteria,
                        tmp.resolve("nowhere"),
                        Mode.STRICT,
                        Engine.generated,
                        Stages.NONE),
                CriteriaFailure.class))
        .isNotNull();
  }

  @Test
  void aMissingDataFolderIsNamed() {
    Path missing = tmp.resolve("nowhere");
    DataFailure f =
        catchThrowableOfType(
            () -> Eligo.loadData(missing, List.of(), Mode.STRICT), DataFailure.class);
    assertThat(f.reason()).isEqualTo(DataFailure.Reason.NOT_A_FOLDER);
    assertThat(f.folder()).isEqualTo(missing);
    assertThat(f.getMessage())
        .isEqualTo("data folder '" + missing + "' does not exist or is not a folder");
    Path usage = Path.of("examples", "sample-data", "usage.csv");
    assertThat(
            catchThrowableOfType(
                () -> Eligo.loadData(usage, List.of(), Mode.STRICT), DataFailure.class))
        .hasMessage(
            "data folder '"
                + usage
                + "' is a file: give the folder that holds it ('"
                + usage.getParent()
                + "'), whose files are read together");
    DataFailure started =
        catchThrowableOfType(
            () -> Eligo.start(CRITERIA, missing, Mode.STRICT, Engine.interpret, Stages.NONE),
            DataFailure.class);
    assertThat(started.reason()).isEqualTo(DataFailure.Reason.NOT_A_FOLDER);
  }

  @Test
  void withoutUsageRowsTheAsOfMonthMustBeGiven() throws Exception {
    Path data = sampleData();
    Path usage = data.resolve("usage.csv");
    Files.write(
        usage,
        Files.readAllLines(usage, StandardCharsets.UTF_8).subList(0, 1),
        StandardCharsets.UTF_8);
    Dataset d =
        Eligo.loadData(
                data, Eligo.compileCriteria(CRITERIA).program().associationTypes(), Mode.STRICT)
            .dataset();
    DataFailure f = catchThrowableOfType(() -> Eligo.asOf(null, d), DataFailure.class);
    assertThat(f.reason()).isEqualTo(DataFailure.Reason.NO_AS_OF_MONTH);
    assertThat(f.getMessage()).startsWith("usage.csv has no rows");
    assertThat(Eligo.asOf(Month.parse("2025-06"), d)).isEqualTo(Month.parse("2025-06"));
  }

  @Test
  void anAmountTooLargeIsAnEvaluationFailureNamingTheCustomerAndArea() throws Exception {
    Path data = sampleData();
    Path usage = data.resolve("usage.csv");
    // lines 11 to 22: customer C00001's Azure SQL Database from 2025-06 to 2026-05, each at the
    // largest amount a row may hold: their sum over TTM(2026-05) is beyond a long
    for (int line = 11; line <= 22; line++) {
      String[] f = Files.readAllLines(usage, StandardCharsets.UTF_8).get(line - 1).split(",", -1);
      f[3] = "9999999999999999.99";
      replaceLine(usage, line, String.join(",", f));
    }
    Frontend.Compilation c = Eligo.compileCriteria(CRITERIA);
    Dataset d = Eligo.loadData(data, c.program().associationTypes(), Mode.STRICT).dataset();
    for (Engine engine : Engine.values()) {
      EvaluationFailure f =
          catchThrowableOfType(
              () ->
                  Eligo.evaluate(c, engine, d, Month.parse("2026-05"), 1, Evaluation.Progress.NONE),
              EvaluationFailure.class);
      assertThat(f).as(engine.name()).isNotNull();
      assertThat(f.customer()).isEqualTo("C00001");
      assertThat(f.area()).isEqualTo("azure");
      assertThat(f.getMessage())
          .startsWith(
              "customer 'C00001', area 'azure', node 'deployments' (azure.criteria:"
                  + lineOf(CRITERIA.resolve("azure.criteria"), "metric deployments")
                  + "): an amount is too large to compute exactly");
    }
  }

  private Path badCriteria() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("bad-criteria"));
    Files.writeString(dir.resolve("widgets.criteria"), BAD_AREA, StandardCharsets.UTF_8);
    return dir;
  }

  private Path sampleData() throws IOException {
    Path from = SharedFiles.conformance("sample-1").resolve("data");
    Path to = Files.createDirectories(tmp.resolve("data"));
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  private static void replaceLine(Path file, int line, String text) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    lines.set(line - 1, text);
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The 1-based number of the first line of {@code file} that contains {@code text}. */
  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line with '" + text + "' in " + file);
  }
}
