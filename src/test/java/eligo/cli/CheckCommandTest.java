package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eligo check}: non-zero on errors, zero with warnings unless --warnings-as-errors. */
class CheckCommandTest {
  @TempDir Path dir;

  static final String AREA =
      """
      association type PAL = "PAL"
      workloads W = "Teams"
      %s
      area a "A" {
        gate g "G" {
          criteria "at least one tenant"
          value count tenant, workload in W where paid_units at M > 0
          met when value >= 1
        }
      }
      """;

  @Test
  void theShippedCriteriaHaveNoErrorsAndNoWarnings() {
    String[] r = run("check", "--criteria", "criteria", "--warnings-as-errors");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).isEqualTo("criteria: 5 files, 6 areas, 45 nodes: ok\n");
    assertThat(r[2]).isEmpty();
  }

  @Test
  void theFolderMayBeGivenAsAnArgumentOrLeftToTheDefault() throws IOException {
    Files.writeString(dir.resolve("a.criteria"), AREA.formatted("band UNUSED = > 3"));
    String[] r = run("check", dir.toString());
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).isEqualTo(dir + ": 1 file, 1 area, 1 node: ok\n");
    assertThat(r[2]).contains("band 'UNUSED' is never used");
    assertThat(run("check", dir.toString(), "--criteria", dir.toString())[0]).isEqualTo("0");
    // without a folder: ./criteria, as eligo test
    assertThat(run("check")[1]).isEqualTo("criteria: 5 files, 6 areas, 45 nodes: ok\n");
    String[] both = run("check", "--criteria", "criteria", dir.toString());
    assertThat(both[0]).isEqualTo("2");
    assertThat(both[2])
        .startsWith("eligo: give the criteria folder once: --criteria criteria and ");
    assertThat(both[1]).isEmpty();
  }

  @Test
  void warningsAreShownAndFailOnlyWithWarningsAsErrors() throws IOException {
    Files.writeString(dir.resolve("a.criteria"), AREA.formatted("band UNUSED = > 3"));
    String[] r = run("check", "--criteria", dir.toString());
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[2])
        .isEqualTo(
            dir.resolve("a.criteria")
                + ":3:6: warning: band 'UNUSED' is never used\nband UNUSED = > 3\n     ^~~~~~\n1 warning\n");
    assertThat(r[1]).endsWith(": 1 file, 1 area, 1 node: ok\n");
    assertThat(run("check", "--criteria", dir.toString(), "--warnings-as-errors")[0])
        .isEqualTo("3");
  }

  @Test
  void aTextThatDriftedFromItsRuleFailsWithWarningsAsErrors() throws IOException {
    Files.writeString(
        dir.resolve("a.criteria"),
        AREA.formatted("").replace("\"at least one tenant\"", "\"at least 2 tenants\""));
    String[] r = run("check", "--criteria", dir.toString(), "--warnings-as-errors");
    assertThat(r[0]).isEqualTo("3");
    assertThat(r[2])
        .contains(
            ":6:14: warning: this text states 2, but the rule uses no such count: the text may"
                + " have drifted from the rule")
        .endsWith("1 warning\n");
    assertThat(run("check", "--criteria", dir.toString())[0]).isEqualTo("0");
  }

  @Test
  void aFileSavedAsUtf16SaysSoInOneError() throws IOException {
    // before: "byte 0xFF here is not part of a UTF-8 character" under a line of NULs with a BOM,
    // and without one an "unexpected character '\u0000'" on every line
    String text = AREA.formatted("# a comment");
    String first = text.substring(0, text.indexOf('\n'));
    for (java.nio.charset.Charset utf16 :
        List.of(
            java.nio.charset.StandardCharsets.UTF_16, java.nio.charset.StandardCharsets.UTF_16LE)) {
      Path file = dir.resolve("a.criteria");
      Files.write(file, text.getBytes(utf16));
      String[] check = run("check", "--criteria", dir.toString());
      assertThat(check[0]).isEqualTo("3");
      assertThat(check[2])
          .isEqualTo(
              file
                  + ":1:1: error: this file is saved as UTF-16, which is not valid UTF-8 text: save"
                  + " the file as UTF-8\n"
                  + first
                  + "\n^\n1 error\n");
    }
  }

  @Test
  void aByteThatIsNotUtf8IsShownWhereItStands() throws IOException {
    // "Pärtner" saved as Latin-1 on line 6 of the file, after a line of other characters
    String text =
        AREA.formatted("# 名前 😀")
            .replace("\"at least one tenant\"", "\"P\u00e4rtner: at least one tenant\"");
    Path file = dir.resolve("a.criteria");
    // every byte UTF-8 but the one of the "ä" (Latin-1's 0xE4)
    byte[] bytes =
        text.replace("\u00e4", "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        bytes[i] = (byte) 0xE4;
      }
    }
    Files.write(file, bytes);
    String shown = "    criteria \"P\uFFFDrtner: at least one tenant\"";
    String expected =
        file
            + ":6:16: error: this file is not valid UTF-8 text: byte 0xE4 here is not part of a"
            + " UTF-8 character; save the file as UTF-8\n"
            + shown
            + "\n"
            + " ".repeat(15)
            + "^";
    String[] check = run("check", "--criteria", dir.toString());
    assertThat(check[0]).isEqualTo("3");
    assertThat(check[2]).startsWith(expected + "\n");
    String[] fmt = run("fmt", file.toString());
    assertThat(fmt[0]).isEqualTo("3");
    assertThat(fmt[2]).isEqualTo(expected + "\n");
  }

  @Test
  void aFileWithOldMacLineEndsIsLocatedByItsLines() throws IOException {
    // each line ended by a CR alone: the lexer counted LF only, so every error was on line 1,
    // shown as the whole file
    Path file = dir.resolve("a.criteria");
    Files.writeString(file, "types S = PAL # c\rdefine x =\rdefine y = 1\r");
    String[] check = run("check", "--criteria", dir.toString());
    assertThat(check[0]).isEqualTo("3");
    assertThat(check[2])
        .isEqualTo(
            file
                + ":2:10: error: expected a value after '=' at the end of the line\n"
                + "define x =\n"
                + "         ^\n"
                + "1 error\n");
  }

  @Test
  void checkWithDataSaysWhichRowsARunWouldRefuse() throws IOException {
    // an association type's text changed to one no row holds: every 'CSP T2' row is refused
    try (var files = Files.list(Path.of("criteria"))) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Path common = dir.resolve("common.criteria");
    Files.writeString(common, Files.readString(common).replace("= \"CSP T2\"", "= \"BOGUS\""));
    String[] r = run("check", "--criteria", dir.toString(), "--data", "examples/sample-data");
    assertThat(r[0]).isEqualTo("4");
    assertThat(r[1]).isEmpty();
    assertThat(r[2])
        .containsPattern(
            "eligo: \\d+ rows of the data would be refused by 'eligo run' with these criteria")
        .containsPattern(
            "\nassociations\\.csv:\\d+: association_type 'CSP T2' is not a known association type")
        .containsPattern("\\.\\.\\. and \\d+ more\n$");
  }

  @Test
  void errorsFail() throws IOException {
    Files.writeString(dir.resolve("a.criteria"), AREA.formatted("").replace("in W", "in WW"));
    String[] r = run("check", "--criteria", dir.toString());
    assertThat(r[0]).isEqualTo("3");
    assertThat(r[2])
        .contains(":7:37: error: unknown workload set 'WW'; did you mean 'W'?")
        .endsWith("1 error\n");
    assertThat(r[1]).isEmpty();
  }

  @Test
  void jsonGivesEveryDiagnosticWithItsPlaceSeverityAndCode() throws IOException {
    Files.writeString(
        dir.resolve("a.criteria"), AREA.formatted("band UNUSED = > 3").replace("in W", "in WW"));
    String[] r = run("check", "--criteria", dir.toString(), "--format", "json");
    assertThat(r[0]).isEqualTo("3");
    assertThat(r[2]).isEmpty();
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r[1]);
    assertThat(json.get("errors").asInt()).isEqualTo(1);
    com.fasterxml.jackson.databind.JsonNode p = json.get("problems").get(0);
    assertThat(p.get("file").asText())
        .isEqualTo(dir.resolve("a.criteria").toString().replace('\\', '/'));
    assertThat(p.get("line").asInt()).isEqualTo(7);
    assertThat(p.get("column").asInt()).isEqualTo(37);
    assertThat(p.get("endLine").asInt()).isEqualTo(7);
    assertThat(p.get("endColumn").asInt()).isEqualTo(39);
    assertThat(p.get("severity").asText()).isEqualTo("error");
    assertThat(p.get("message").asText()).isEqualTo("unknown workload set 'WW'; did you mean 'W'?");
    assertThat(p.get("code").asText()).isEqualTo("unknown-name");
    Files.writeString(dir.resolve("a.criteria"), AREA.formatted("band UNUSED = > 3"));
    String[] ok = run("check", "--criteria", dir.toString(), "--format", "json");
    assertThat(ok[0]).isEqualTo("0");
    com.fasterxml.jackson.databind.JsonNode w =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(ok[1]).get("problems").get(0);
    assertThat(w.get("severity").asText()).isEqualTo("warning");
    assertThat(w.get("code").asText()).isEqualTo("unused");
    assertThat(w.get("line").asInt()).isEqualTo(3);
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {
      String.valueOf(code),
      out.toString().replace(System.lineSeparator(), "\n"),
      err.toString().replace(System.lineSeparator(), "\n")
    };
  }
}
