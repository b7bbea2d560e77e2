package eligo.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve, which always runs at the data's latest month, says when that month looks mistyped. */
class ServedAsOfTest {
  @Test
  void aLatestMonthFarAfterTheRestIsWarnedOfAndTheSampleIsNot(@TempDir Path tmp) throws Exception {
    Path sample = Path.of("examples/sample-data");
    assertThat(Served.load(Path.of("criteria"), sample, null).asOfWarning).isNull();

    Path data = Files.createDirectories(tmp.resolve("data"));
    try (var files = Files.list(sample)) {
      for (Path f : files.toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    List<String> usage = Files.readAllLines(data.resolve("usage.csv"));
    usage.set(1, usage.get(1).replace(",2024-06,", ",2062-06,"));
    Files.write(data.resolve("usage.csv"), usage);
    assertThat(Served.load(Path.of("criteria"), data, null).asOfWarning)
        .startsWith("the as-of month 2062-06, the latest in usage.csv, comes 429 months after");
  }
}
