package eligo.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A diagnostic's caret stands under its column as a terminal shows the line. */
class DiagnosticTest {
  @Test
  void theCaretIsUnderItsWordAfterWideCharactersTabsAndCombiningMarks() {
    // columns count characters; on screen 名, 前 and 😀 take two cells, the accent of "é" none
    String line = "\tworkloads X = \"名前 😀 e\u0301\" where acrr > 0";
    SourceFile f = new SourceFile("a.criteria", line + "\n");
    int column = line.codePointCount(0, line.indexOf("acrr")) + 1;
    String rendered = Diagnostic.error(new Span(f, 1, column, 4), "unknown name 'acrr'").render();
    String[] lines = rendered.split("\n");
    assertThat(lines[0]).isEqualTo("a.criteria:1:" + column + ": error: unknown name 'acrr'");
    assertThat(lines[1]).isEqualTo(" workloads X = \"名前 😀 e\u0301\" where acrr > 0");
    // the cells before "acrr": 1 (tab) + 15 + 2 + 2 + 1 + 2 + 1 + 1 + 0 + 1 + 7 = 33
    assertThat(lines[2]).isEqualTo(" ".repeat(33) + "^~~~");
  }

  @Test
  void widthsFollowWhatATerminalShows() {
    assertThat(Diagnostic.width('a')).isEqualTo(1);
    assertThat(Diagnostic.width('名')).isEqualTo(2);
    assertThat(Diagnostic.width(0x1F600)).isEqualTo(2);
    assertThat(Diagnostic.width(0x0301)).isZero();
    assertThat(Diagnostic.width(0x200D)).isZero();
    assertThat(Diagnostic.width('Ü')).isEqualTo(1);
  }

  @Test
  void aReplacementLeavesEqualityAsItWas() {
    SourceFile f = new SourceFile("a.criteria", "value AZUR\n");
    Span span = new Span(f, 1, 7, 4);
    Diagnostic plain = Diagnostic.error(span, "unknown name 'AZUR'; did you mean 'AZURE'?");
    Diagnostic offering = plain.replacing("AZURE");
    assertThat(offering.replacement()).isEqualTo(new Diagnostic.Replacement(span, "AZURE"));
    assertThat(plain.replacement()).isNull();
    assertThat(offering).isEqualTo(plain).hasSameHashCodeAs(plain);
    assertThat(new java.util.LinkedHashSet<>(java.util.List.of(plain, offering))).hasSize(1);
    assertThat(offering).isNotEqualTo(Diagnostic.warning(span, plain.message()));
  }
}
