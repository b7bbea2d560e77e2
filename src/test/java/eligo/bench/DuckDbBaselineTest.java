package eligo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.cli.Main;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The DuckDB SQL baseline of bin/bench is a fair one: on every conformance set it writes exactly
 * the bytes of expected.csv, and on the sample data exactly those of {@code eligo run}.
 */
@Needs(Requirement.SHARED)
class DuckDbBaselineTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> writesExpectedCsvOnEveryConformanceSet() throws IOException {
    List<Path> sets = new ArrayList<>();
    try (Stream<Path> s = Files.list(SharedFiles.shared().resolve("conformance"))) {
      s.filter(p -> Files.isRegularFile(p.resolve("expected.csv"))).sorted().forEach(sets::add);
    }
    assertThat(sets).hasSizeGreaterThanOrEqualTo(5);
    return sets.stream()
        .map(
            set ->
                DynamicTest.dynamicTest(
                    set.getFileName().toString(),
                    () -> {
                      String own = ownCriteria(set);
                      if (own != null) {
                        // the SQL is the shipped criteria's meaning; another set of criteria is not
                        throw new TestAbortedException(
                            set.getFileName() + " has its own criteria (" + own + ")");
                      }
                      Path results = tmp.resolve(set.getFileName() + ".csv");
                      DuckDbBaseline.run(set.resolve("data"), results);
                      assertThat(Files.readAllBytes(results))
                          .as("%s: the DuckDB SQL's results file against expected.csv", set)
                          .isEqualTo(Files.readAllBytes(set.resolve("expected.csv")));
                    }));
  }

  /**
   * On the sample data, from folders whose paths hold a quote and a space (they go into SQL
   * strings), the same bytes as {@code eligo run}.
   */
  @Test
  void writesWhatEligoRunWritesOnTheSampleData() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("it's the sample"));
    try (Stream<Path> files = Files.list(Path.of("examples/sample-data"))) {
      for (Path f : files.toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    Path eligo = tmp.resolve("eligo.csv");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "run",
              "--criteria",
              "criteria",
              "--data",
              data.toString(),
              "--results",
              eligo.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();

    Path duck = tmp.resolve("duck's.csv");
    DuckDbBaseline.run(data, duck);
    byte[] expected = Files.readAllBytes(eligo);
    // 400 customers x 45 nodes + 12 partners x 6 partner nodes + header
    assertThat(new String(expected, StandardCharsets.UTF_8).lines()).hasSize(400 * 45 + 12 * 6 + 1);
    assertThat(Files.readAllBytes(duck)).isEqualTo(expected);
  }

  /** What in a conformance set says it has criteria of its own, or null when nothing does. */
  private static String ownCriteria(Path set) throws IOException {
    try (Stream<Path> s = Files.walk(set)) {
      return s.filter(
              p ->
                  p.getFileName().toString().endsWith(".criteria")
                      || (Files.isDirectory(p) && p.getFileName().toString().equals("criteria")))
          .map(p -> set.relativize(p).toString())
          .findFirst()
          .orElse(null);
    }
  }
}
