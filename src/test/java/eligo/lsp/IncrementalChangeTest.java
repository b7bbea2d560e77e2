package eligo.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/** didChange's edits applied to the open text, as the protocol places them. */
class IncrementalChangeTest {
  private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
    return new TextDocumentContentChangeEvent(
        new Range(new Position(l1, c1), new Position(l2, c2)), text);
  }

  @Test
  void aRangeIsReplacedInUtf16UnitsAcrossLineEnds() {
    String text = "define a = 1\r\n# \ud83d\ude00 x\rdefine b = 2\n";
    assertThat(CriteriaDocuments.applied(text, edit(1, 5, 1, 6, "y")))
        .isEqualTo("define a = 1\r\n# \ud83d\ude00 y\rdefine b = 2\n");
    assertThat(CriteriaDocuments.applied(text, edit(2, 7, 2, 8, "c")))
        .isEqualTo("define a = 1\r\n# \ud83d\ude00 x\rdefine c = 2\n");
  }

  @Test
  void aRangePastTheEndIsClampedAndAWholeTextReplaces() {
    String text = "define a = 1\n";
    assertThat(CriteriaDocuments.applied(text, edit(0, 11, 99, 99, "2\n")))
        .isEqualTo("define a = 2\n");
    assertThat(CriteriaDocuments.applied(text, edit(0, 12, 0, 11, "3")))
        .isEqualTo("define a = 3\n");
    assertThat(CriteriaDocuments.applied(text, new TextDocumentContentChangeEvent("x")))
        .isEqualTo("x");
    assertThatThrownBy(() -> CriteriaDocuments.applied(text, new TextDocumentContentChangeEvent()))
        .isInstanceOf(ResponseErrorException.class);
  }
}
