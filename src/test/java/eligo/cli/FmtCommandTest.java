package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eligo fmt --diff}: what formatting would change, as gofmt -d and opa fmt --diff show it.
 */
class FmtCommandTest {
  @TempDir Path dir;

  static final String UGLY =
      """
      # a comment
      define   x=$5

      area a "A" {
      metric m "M" {
          value sum acr for tenant,workload,month in TTM(M)
          met when value >= x
        }
      }
      """;

  @Test
  void diffShowsTheChangesAsAUnifiedDiffAndExitsOneChangingNothing() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("Données clients"));
    Path file = folder.resolve("my area.criteria");
    Files.writeString(file, UGLY);
    String[] r = run("fmt", "--diff", folder.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).isEmpty();
    assertThat(r[1])
        .isEqualTo(
            "--- "
                + file
                + ".orig\n+++ "
                + file
                + "\n"
                + """
                @@ -1,9 +1,9 @@
                 # a comment
                -define   x=$5
                +define x = $5
                \s
                 area a "A" {
                -metric m "M" {
                -    value sum acr for tenant,workload,month in TTM(M)
                +  metric m "M" {
                +    value sum acr for tenant, workload, month in TTM(M)
                     met when value >= x
                   }
                 }
                """);
    assertThat(Files.readString(file)).isEqualTo(UGLY);
    // formatted, the diff is empty and the status 0
    assertThat(run("fmt", "--write", file.toString())[0]).isEqualTo("0");
    assertThat(run("fmt", "--diff", file.toString())).containsExactly("0", "", "");
  }

  @Test
  void diffIsOneOfCheckDiffAndWrite() throws IOException {
    Path file = dir.resolve("a.criteria");
    Files.writeString(file, UGLY);
    String[] r = run("fmt", "--diff", "--write", file.toString());
    assertThat(r[0]).isEqualTo("2");
    assertThat(r[2]).isEqualTo("eligo: give one of --check, --diff and --write\n");
    assertThat(run("fmt", "--diff", "--check", file.toString())[0]).isEqualTo("2");
    assertThat(Files.readString(file)).isEqualTo(UGLY);
  }

  @Test
  void distantChangesAreSeparateHunksAndCloseOnesOne() {
    String before =
        IntStream.rangeClosed(1, 20).mapToObj(i -> "l" + i + "\n").collect(Collectors.joining());
    String after = before.replace("l2\n", "L2\n").replace("l18\n", "L18\n");
    assertThat(UnifiedDiff.of("f", before, after))
        .isEqualTo(
            """
            --- f.orig
            +++ f
            @@ -1,5 +1,5 @@
             l1
            -l2
            +L2
             l3
             l4
             l5
            @@ -15,6 +15,6 @@
             l15
             l16
             l17
            -l18
            +L18
             l19
             l20
            """);
    String close = before.replace("l2\n", "L2\n").replace("l8\n", "L8\n");
    assertThat(UnifiedDiff.of("f", before, close))
        .contains("@@ -1,11 +1,11 @@\n")
        .doesNotContain("@@ -5");
    assertThat(UnifiedDiff.of("f", before, before)).isEmpty();
  }

  @Test
  void aLastLineWithoutABreakIsMarked() {
    assertThat(UnifiedDiff.of("f", "a\nb", "a\nb\n"))
        .isEqualTo(
            "--- f.orig\n+++ f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
    assertThat(UnifiedDiff.of("f", "", "a\n")).isEqualTo("--- f.orig\n+++ f\n@@ -0,0 +1 @@\n+a\n");
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }
}
