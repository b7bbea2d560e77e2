package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Escape sequences, bidi overrides and line separators from the data never reach a terminal. */
class TerminalTextTest {
  private static String through(String text) throws IOException {
    StringWriter sink = new StringWriter();
    try (PrintWriter w = new PrintWriter(new TerminalText(sink))) {
      w.print(text);
      w.write('\u0007');
      w.println("é 株式会社");
    }
    return sink.toString();
  }

  @Test
  void controlsAreShownEscapedAndTextIsKept() throws IOException {
    String hostile = "C1\u001b]0;owned\u0007\u001b[2J\u202eevil\u2028x\tok\r\n";
    assertThat(through(hostile))
        .isEqualTo(
            "C1\\u001b]0;owned\\u0007\\u001b[2J\\u202eevil\\u2028x\tok\r\n\\u0007é 株式会社"
                + System.lineSeparator());
  }
}
