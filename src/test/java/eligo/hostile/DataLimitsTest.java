package eligo.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.hostile.Hostile.Ran;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record of absurd length or width (100 MB of commas took 2.5 GB before it was refused) is
 * refused as it is read, at its file and line, exit 4: the limits are 1,000 fields and 1 MiB of
 * characters per record, and a line of a few megabytes past them proves the bound.
 */
class DataLimitsTest {
  @TempDir Path dir;

  private Ran runWith(String file, String line) throws IOException {
    Path data = Hostile.smallData(dir);
    Files.writeString(data.resolve(file), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    Path criteria = Hostile.criteria(dir, "c", Hostile.metric("", "count tenant"));
    return Hostile.run(
        "run",
        "--criteria",
        criteria.toString(),
        "--data",
        data.toString(),
        "--results",
        dir.resolve("r.csv").toString(),
        "-q");
  }

  @Test
  void aLineOfCommasIsRefusedAtItsLine() throws IOException {
    Ran r = runWith("customers.csv", ",".repeat(3_000_000) + "\n");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).contains("customers.csv:4: the record has more than 1,000 fields");
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void aHugeFieldIsRefusedAtItsLine() throws IOException {
    Ran r = runWith("tenants.csv", "C1,T9," + "x".repeat(3_000_000) + "\n");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).contains("tenants.csv:5: a field is longer than 1,048,576 characters");
  }

  @Test
  void manyShortFieldsPastTheCharacterLimitAreRefused() throws IOException {
    Ran r =
        runWith(
            "usage.csv",
            "T1,App Service,2025-07," + "y".repeat(600_000) + ",1," + "z".repeat(600_000) + "\n");
    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).contains("usage.csv:14: the record is longer than 1,048,576 characters");
  }
}
