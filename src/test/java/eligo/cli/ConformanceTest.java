package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every conformance dataset, run through the command line exactly as users run it ({@code eligo run
 * --criteria criteria --data DATASET --results FILE}), with both engines: the results file must
 * equal {@code expected.csv} byte for byte.
 */
@Needs(Requirement.SHARED)
class ConformanceTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicTest> conformance() throws IOException {
    List<Path> sets;
    try (Stream<Path> s = Files.list(SharedFiles.shared().resolve("conformance"))) {
      sets = s.filter(p -> Files.isRegularFile(p.resolve("expected.csv"))).sorted().toList();
    }
    assertThat(sets).hasSizeGreaterThanOrEqualTo(4);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path set : sets) {
      for (String engine : List.of("generated", "interpret")) {
        tests.add(
            DynamicTest.dynamicTest(
                set.getFileName() + " (" + engine + ")", () -> check(set, engine)));
      }
    }
    return tests.stream();
  }

  private void check(Path set, String engine) throws IOException {
    Path out = tmp.resolve(set.getFileName() + "-" + engine + ".csv");
    StringWriter so = new StringWriter();
    StringWriter se = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "run",
              "--criteria",
              "criteria",
              "--data",
              set.resolve("data").toString(),
              "--results",
              out.toString(),
              "--engine",
              engine
            },
            new PrintWriter(so),
            new PrintWriter(se));
    assertThat(code).as("exit status; stderr:%n%s", se).isZero();
    List<String> expected = Files.readAllLines(set.resolve("expected.csv"), StandardCharsets.UTF_8);
    List<String> actual = Files.readAllLines(out, StandardCharsets.UTF_8);
    List<String> diff = new ArrayList<>();
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String e = i < expected.size() ? expected.get(i) : "<none>";
      String a = i < actual.size() ? actual.get(i) : "<none>";
      if (!e.equals(a)) {
        diff.add("line " + (i + 1) + ": expected " + e + "\n         actual   " + a);
      }
    }
    assertThat(diff)
        .as("rows that differ from %s (first 40)", set.resolve("expected.csv"))
        .isEmpty();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(set.resolve("expected.csv")));
  }
}
