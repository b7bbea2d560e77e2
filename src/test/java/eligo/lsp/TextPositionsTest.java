package eligo.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;

class TextPositionsTest {
  private final TextPositions at = new TextPositions("ab\r\n\ud83d\ude00x\rcd\n");

  @Test
  void protocolPositionsBecomeCodePointColumnsOnTheSameLines() {
    assertThat(at.toService(new Position(1, 2))).containsExactly(2, 2); // after the emoji
    assertThat(at.toService(new Position(1, 1))).containsExactly(2, 1); // inside its pair
    assertThat(at.toService(new Position(2, 1))).containsExactly(3, 2); // a lone CR ends a line
    assertThat(at.toService(new Position(0, 99))).containsExactly(1, 3); // clamped to the line
    assertThat(at.toService(new Position(99, 0))).containsExactly(4, 1); // the last line
  }

  @Test
  void servicePlacesBecomeUtf16Positions() {
    assertThat(at.toProtocol(2, 2)).isEqualTo(new Position(1, 2));
    assertThat(at.toProtocol(3, 2)).isEqualTo(new Position(2, 1));
    assertThat(at.toProtocol(2, 9)).isEqualTo(new Position(1, 3)); // clamped to the line
    assertThat(at.toProtocol(1, 9)).isEqualTo(new Position(0, 2));
    assertThat(at.end()).isEqualTo(new Position(3, 0));
    assertThat(new TextPositions(null).toProtocol(3, 4)).isEqualTo(new Position(2, 3));
  }
}
