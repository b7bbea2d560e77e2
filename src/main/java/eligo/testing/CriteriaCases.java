package eligo.testing;

import eligo.cases.CaseFile;
import eligo.cases.CaseFiles;
import eligo.cases.CaseReport;
import eligo.cases.CaseRunner;
import eligo.check.Frontend;
import eligo.engine.Engine;
import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Criteria test cases ({@code *.cases}) as JUnit 5 dynamic tests: one container per case file, one
 * test per case, failing with the same text as {@code eligo test}. In a project that keeps its
 * criteria in {@code criteria/}:
 *
 * <pre>
 * class CriteriaTest {
 *   &#64;TestFactory
 *   Stream&lt;DynamicNode&gt; cases() {
 *     return CriteriaCases.dynamicTests(Path.of("criteria"));
 *   }
 * }
 * </pre>
 *
 * Criteria or case files with errors give one failing test that lists them.
 */
public final class CriteriaCases {
  private CriteriaCases() {}

  /** Every {@code *.cases} file under {@code criteriaDir}, run with the generated engine. */
  public static Stream<DynamicNode> dynamicTests(Path criteriaDir) {
    return dynamicTests(criteriaDir, Engine.generated, List.of(criteriaDir));
  }

  /**
   * The case files named, and every {@code *.cases} file under the folders named, run with {@code
   * engine}.
   */
  public static Stream<DynamicNode> dynamicTests(
      Path criteriaDir, Engine engine, List<Path> caseFilesOrFolders) {
    Frontend.Compilation c;
    List<Path> files;
    CaseFiles.Parsed parsed;
    try {
      c = Frontend.compileFolder(criteriaDir);
      files = CaseFiles.find(caseFilesOrFolders);
      parsed = CaseFiles.parse(files);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!c.ok()) {
      return Stream.of(
          failing(
              "criteria " + criteriaDir,
              "the criteria have errors:\n" + Diagnostics.render(c.diagnostics())));
    }
    if (files.isEmpty()) {
      return Stream.of(failing("cases", "no *.cases files in " + caseFilesOrFolders));
    }
    CaseRunner runner = new CaseRunner(c, engine);
    List<DynamicNode> out = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      Path path = files.get(i);
      CaseFile file = parsed.files().get(i);
      String name = file.source().name();
      List<Diagnostic> errors =
          parsed.diagnostics().stream().filter(d -> d.span().file().name().equals(name)).toList();
      if (Diagnostics.hasErrors(errors)) {
        out.add(failing(name, Diagnostics.render(errors)));
        continue;
      }
      List<DynamicTest> tests = new ArrayList<>();
      for (CaseFile.Case k : file.cases()) {
        URI where = URI.create(path.toUri() + "?line=" + k.span().line());
        tests.add(DynamicTest.dynamicTest(k.name(), where, () -> run(runner, k)));
      }
      out.add(DynamicContainer.dynamicContainer(name, path.toUri(), tests.stream()));
    }
    return out.stream();
  }

  private static void run(CaseRunner runner, CaseFile.Case k) {
    CaseRunner.Prepared p = runner.prepare(k);
    if (!p.ok()) {
      throw new AssertionFailedError(
          "case \"" + k.name() + "\" has errors:\n" + Diagnostics.render(p.diagnostics()));
    }
    CaseRunner.Result r = runner.run(p);
    if (!r.passed()) {
      throw new AssertionFailedError("case \"" + k.name() + "\" failed:\n" + CaseReport.failure(r));
    }
  }

  private static DynamicTest failing(String name, String message) {
    return DynamicTest.dynamicTest(
        name,
        () -> {
          throw new AssertionFailedError(message);
        });
  }
}
