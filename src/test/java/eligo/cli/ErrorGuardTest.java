package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absurd nesting, which once overflowed the stack (then caught by the top-level guard: one line,
 * exit 5), is now refused by the parser's limit before anything recurses: a located error, exit 3.
 * The guard's natural trigger is a heap too small for the data: {@code eligo run} in a JVM of 12 MB
 * runs out of memory (on the threads that read the files in parallel, on the main thread or in the
 * compiler), and says so in one line with exit 5, no trace.
 */
class ErrorGuardTest {
  @Test
  void absurdNestingIsALocatedErrorNotAnOverflow(@TempDir Path tmp) throws IOException {
    String deep = "(".repeat(50_000) + "1" + ")".repeat(50_000);
    Files.writeString(
        tmp.resolve("deep.criteria"),
        "area a \"A\" {\n  metric m \"M\" {\n    criteria \"x\"\n    value "
            + deep
            + "\n    met when value >= 1\n  }\n}\n");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {"check", "--criteria", tmp.toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).isEqualTo(ExitCodes.CRITERIA);
    assertThat(err.toString())
        .contains("deep.criteria:4:411: error: too deep to read")
        .doesNotContain("stack overflow");
  }

  @Test
  void runningOutOfMemoryIsOneLineAndExitFive(@TempDir Path tmp)
      throws IOException, InterruptedException {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(tmp.resolve("none"), "");
    Process p =
        new ProcessBuilder(
                javaBin,
                "-Xmx12m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                "-q",
                "--criteria",
                "criteria",
                "--data",
                "examples/sample-data")
            .redirectInput(ProcessBuilder.Redirect.from(tmp.resolve("none").toFile()))
            .redirectOutput(tmp.resolve("out").toFile())
            .redirectError(tmp.resolve("err").toFile())
            .start();
    int code = p.waitFor();
    String err = Files.readString(tmp.resolve("err"));
    assertThat(code).as(err).isEqualTo(ExitCodes.FAILURE);
    assertThat(err)
        .contains("eligo: out of memory: give the JVM more heap")
        .doesNotContain("\tat ")
        .doesNotContain("Exception");
    assertThat(Files.readString(tmp.resolve("out"))).isEmpty();
  }
}
