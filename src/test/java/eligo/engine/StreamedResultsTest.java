package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A results file written as the customers are evaluated ({@link Evaluation#runWriting}) holds each
 * value only until it is written: whatever the segments' size and the threads, its bytes are those
 * of the whole outcome written afterwards, and the outcome it returns has the statuses but refuses
 * to give a value it no longer holds.
 */
class StreamedResultsTest {
  @Test
  void valuesReleasedAsWrittenGiveTheBytesOfTheWholeOutcome(@TempDir Path dir) throws Exception {
    SampleRun sample = SampleRun.evaluate(1);
    Outcome whole = sample.outcome();
    Dataset data = sample.data();
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ResultsFile.write(whole, expected);
    // the sample's 400 customers, 51 rows each, make three blocks of the file (8,192 rows a
    // block), and segments of 64 ints some tens an area
    assertThat(data.customerCount()).isGreaterThanOrEqualTo(400);
    for (int segment : new int[] {64, 1024, CompactLongs.SEGMENT}) {
      for (int threads : new int[] {1, 3}) {
        Path results = dir.resolve("results-" + segment + "-" + threads + ".csv");
        Outcome streamed =
            Evaluation.runWriting(
                sample.started().criteria().program(),
                sample.started().evaluators().factories(),
                data,
                whole.asOf,
                threads,
                Evaluation.Progress.NONE,
                results,
                segment);
        assertThat(Files.readAllBytes(results))
            .as("segments of %d ints, %d threads", segment, threads)
            .isEqualTo(expected.toByteArray());
        for (int ai = 0; ai < whole.areas.size(); ai++) {
          assertThat(streamed.areas.get(ai).statusCounts())
              .isEqualTo(whole.areas.get(ai).statusCounts());
        }
        Outcome.AreaOutcome area = streamed.areas.get(0);
        int first = whole.order.sorted[0];
        if (segment == 64) {
          assertThatThrownBy(() -> area.value(first, 0))
              .isInstanceOf(IllegalStateException.class)
              .hasMessageContaining("released");
        }
        int net = netNode(area);
        assertThatThrownBy(() -> area.current(first, net))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not kept");
      }
    }
  }

  private static int netNode(Outcome.AreaOutcome a) {
    for (int i = 0; i < a.nodes.size(); i++) {
      if (a.nodes.get(i).isNet()) {
        return i;
      }
    }
    throw new AssertionError("no net node in " + a.area.id());
  }
}
