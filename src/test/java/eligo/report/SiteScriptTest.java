package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.report.html.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The site's script as every site carries it ({@link Templates.Lines#SCRIPT}): the source's lines
 * of code, in order, each whole and without its indentation; its comment lines and blank lines left
 * out. (The browser tests run it.)
 */
class SiteScriptTest {
  @Test
  void theScriptIsItsCodeLinesWithoutIndentationOrCommentLines() throws IOException {
    String source;
    try (InputStream in = SitePages.class.getResourceAsStream("site.js")) {
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String written = Templates.asset(SitePages.class, "site.js", Templates.Lines.SCRIPT).markup();
    List<String> code =
        Stream.of(source.split("\\R"))
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("//"))
            .toList();
    assertThat(code).hasSizeGreaterThan(50);
    assertThat(written).isEqualTo(String.join("\n", code) + "\n");
    assertThat(source).contains("\n  var ").contains("// ----");
    assertThat(written).doesNotContain("\n ").doesNotContain("\n//");
    assertThat(written.length()).isLessThan(source.length() * 4 / 5);
  }
}
