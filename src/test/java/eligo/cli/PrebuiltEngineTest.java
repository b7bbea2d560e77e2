package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} uses the evaluators built into the jar for criteria with the content they were built
 * from, wherever the folder is and whatever its files' times, and compiles edited criteria in
 * memory: never stale.
 */
@Needs(Requirement.SHARED)
class PrebuiltEngineTest {
  static final Path DATA = SharedFiles.conformance("sample-1").resolve("data");
  static final Path EXPECTED = SharedFiles.conformance("sample-1").resolve("expected.csv");

  @TempDir Path tmp;

  @Test
  void shippedCriteriaRunOnThePrebuiltEvaluators() throws IOException {
    Path results = tmp.resolve("results.csv");
    assertThat(run(Path.of("criteria"), results)).contains("6 areas (generated engine, prebuilt)");
    assertThat(Files.readAllBytes(results)).isEqualTo(Files.readAllBytes(EXPECTED));
  }

  @Test
  void aCopyWithNewFileTimesIsStillTheSameContent() throws IOException {
    Path copy = copyCriteria();
    try (Stream<Path> files = Files.list(copy)) {
      for (Path f : files.toList()) {
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() + 86_400_000L));
      }
    }
    assertThat(run(copy, tmp.resolve("results.csv"))).contains("(generated engine, prebuilt)");
  }

  @Test
  void anEditedFileIsCompiledInMemoryAndTakesEffect() throws IOException {
    Path copy = copyCriteria();
    Path azure = copy.resolve("azure.criteria");
    String text = Files.readString(azure);
    String deployments =
        "where sum acr via AZURE_TYPES for tenant, month in TTM(M) > 0\n    met when value >= 1";
    assertThat(text).contains(deployments);
    Files.writeString(azure, text.replace(deployments, deployments + "000"));

    String edited = run(copy, tmp.resolve("edited.csv"));
    assertThat(edited)
        .as("only the edited area is compiled; the others' generated source is the jar's")
        .contains("6 areas (generated engine, 1 area compiled in memory, 5 prebuilt");
    assertThat(edited.lines()).anyMatch(l -> l.matches("azure +deployments +metric +0 .*"));
    assertThat(Files.readString(EXPECTED))
        .as("the shipped threshold is met by some customers")
        .containsPattern("(?m)^[^,]*,[^,]*,azure,deployments,met,");
    assertThat(run(copy, tmp.resolve("interpreted.csv"), "--engine", "interpret"))
        .contains("(interpret engine)");
    assertThat(Files.readAllBytes(tmp.resolve("edited.csv")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("interpreted.csv")));
  }

  @Test
  void anEditThatChangesNoGeneratedSourceNeedsNoCompiling() throws IOException {
    Path copy = copyCriteria();
    Files.writeString(
        copy.resolve("security.criteria"),
        "\n# a comment: the content differs, the generated Java does not\n",
        java.nio.file.StandardOpenOption.APPEND);
    Path results = tmp.resolve("results.csv");
    assertThat(run(copy, results)).contains("6 areas (generated engine, prebuilt)");
    assertThat(Files.readAllBytes(results)).isEqualTo(Files.readAllBytes(EXPECTED));
  }

  private Path copyCriteria() throws IOException {
    Path copy = Files.createDirectories(tmp.resolve("criteria"));
    try (Stream<Path> files = Files.list(Path.of("criteria"))) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return copy;
  }

  private static String run(Path criteria, Path results, String... more) {
    String[] args =
        Stream.concat(
                Stream.of(
                    "run",
                    "--criteria",
                    criteria.toString(),
                    "--data",
                    DATA.toString(),
                    "--results",
                    results.toString()),
                Stream.of(more))
            .toArray(String[]::new);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as("exit status; stderr:%n%s", err).isZero();
    return out.toString();
  }
}
