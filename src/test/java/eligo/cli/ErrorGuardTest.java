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
}
