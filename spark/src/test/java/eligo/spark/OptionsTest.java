package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Options out of range are usage errors (exit 2), refused before a session starts. */
class OptionsTest {
  @Test
  void partitionsOutOfRangeAreRefused() {
    for (String n : new String[] {"-1", "0", "100001", "2000000000"}) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status =
          Main.execute(
              new String[] {
                "run",
                "--criteria",
                SparkTests.criteria().toString(),
                "--data",
                SparkTests.sampleData().toString(),
                "--results",
                "/nonexistent-eligo-folder/results.csv",
                "--partitions",
                n
              },
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(status).as(n).isEqualTo(Main.USAGE);
      assertThat(err.toString(StandardCharsets.UTF_8))
          .isEqualTo("eligo-spark: --partitions must be between 1 and 100000, not " + n + "\n");
    }
  }
}
