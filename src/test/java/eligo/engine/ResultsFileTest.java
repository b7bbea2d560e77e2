package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.io.DatasetLoader;
import eligo.ir.Ir;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The results file is formatted in blocks of customers on several threads: wherever the blocks end
 * (inside a partner's customers or between two partners), the bytes are those of {@code
 * expected.csv}.
 */
@Needs(Requirement.SHARED)
class ResultsFileTest {
  @Test
  void everyBlockSizeWritesTheExpectedBytes() throws Exception {
    Path set = SharedFiles.conformance("sample-1");
    Ir.Program program = Frontend.compileFolder(Path.of("criteria")).program();
    Dataset data = DatasetLoader.load(set.resolve("data"), program.associationTypes()).dataset();
    Outcome outcome =
        Evaluation.run(
            program,
            Engine.interpreters(program),
            data,
            data.latestUsageMonth(),
            1,
            Evaluation.Progress.NONE);
    byte[] expected = Files.readAllBytes(set.resolve("expected.csv"));
    assertThat(outcome.partners).hasSizeGreaterThan(1);

    ByteArrayOutputStream whole = new ByteArrayOutputStream();
    ResultsFile.write(outcome, whole);
    assertThat(whole.toByteArray()).isEqualTo(expected);
    // 1: a block per customer, so every partner change falls between two blocks
    for (int blockCustomers :
        new int[] {
          1, 2, 7, 39, 40, 41, data.customerCount() - 1, data.customerCount(), Integer.MAX_VALUE
        }) {
      ByteArrayOutputStream blocks = new ByteArrayOutputStream();
      ResultsFile.write(outcome, blockCustomers, blocks);
      assertThat(blocks.toByteArray())
          .as("%d customers per block", blockCustomers)
          .isEqualTo(expected);
    }
  }
}
