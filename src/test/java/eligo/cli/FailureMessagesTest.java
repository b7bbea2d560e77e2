package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures outside the criteria and the data are said in plain words, with their exit status. */
@Needs(Requirement.SHARED)
class FailureMessagesTest {
  @Test
  void anUnwritableResultsFileIsNamedWithoutAStackTrace(@TempDir Path tmp) throws Exception {
    Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "run",
              "-q",
              "--criteria",
              "criteria",
              "--data",
              SharedFiles.conformance("hand-1").resolve("data").toString(),
              "--results",
              notAFolder.resolve("out.csv").toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString())
        .startsWith("eligo: ")
        .contains(notAFolder.toString())
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }
}
