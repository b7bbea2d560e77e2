package eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.NodeResults;
import org.junit.jupiter.api.Test;

class OutcomesTest {
  @Test
  void packedResultsComeBackAsTheyWere() {
    NodeResults a = new NodeResults(4, 0);
    NodeResults b = new NodeResults(3, 1);
    long[] values = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 123456789012L, -300, 1};
    byte[] statuses = {
      NodeResults.MET,
      NodeResults.NOT_MET,
      NodeResults.MET,
      NodeResults.NOT_MET,
      NodeResults.MET,
      NodeResults.NOT_EVALUATED,
      NodeResults.MET
    };
    for (int i = 0; i < 4; i++) {
      a.status[i] = statuses[i];
      a.value[i] = values[i];
    }
    for (int i = 0; i < 3; i++) {
      b.status[i] = statuses[4 + i];
      b.value[i] = statuses[4 + i] == NodeResults.NOT_EVALUATED ? 0 : values[4 + i];
    }
    byte[][] status = {new byte[4], new byte[3]};
    long[][] value = {new long[4], new long[3]};
    Outcomes.unpack(Outcomes.pack(new NodeResults[] {a, b}), status, value);
    assertThat(status[0]).isEqualTo(a.status);
    assertThat(status[1]).isEqualTo(b.status);
    assertThat(value[0]).isEqualTo(a.value);
    assertThat(value[1]).isEqualTo(b.value);
  }
}
