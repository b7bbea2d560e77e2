package eligo.editor;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.editor.Folding.Fold;
import eligo.editor.Folding.Kind;
import eligo.lang.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldingTest {
  @TempDir Path dir;

  private static List<Fold> criteria(String text) {
    return Folding.ofCriteria(new SourceFile("x.criteria", text));
  }

  @Test
  void blocksCommentRunsAndImportRunsFoldAndTheClosingLineStaysInSight() {
    String text =
        String.join(
            "\n",
            "# a comment of",
            "# two lines",
            "import \"common.criteria\"",
            "import \"more.criteria\"",
            "",
            "area a \"A\" {",
            "  gate g \"G\" {",
            "    met when (1 +",
            "      2) >= 1  # a note after code",
            "    # a comment of one line",
            "  }",
            "}",
            "");
    assertThat(criteria(text))
        .containsExactly(
            new Fold(1, 2, Kind.COMMENT),
            new Fold(3, 4, Kind.IMPORTS),
            new Fold(6, 11, Kind.REGION),
            new Fold(7, 10, Kind.REGION));
  }

  @Test
  void aParenthesizedExpressionOfSeveralLinesFolds() {
    String text = "define x = (\n  1 +\n  2\n)\n";
    assertThat(criteria(text)).containsExactly(new Fold(1, 3, Kind.REGION));
  }

  @Test
  void unmatchedBracketsFoldNothingAndTheRestStillFolds() {
    // a stray '}' and a ')' closing a '{' are typing slips; an unclosed '{' folds nothing
    String text = "}\narea a \"A\" {\n  x\n  y )\n}\narea b \"B\" {\n  z\n\n";
    assertThat(criteria(text)).containsExactly(new Fold(2, 4, Kind.REGION));
  }

  @Test
  void aCaseFileFoldsItsCasesAndALoneCarriageReturnEndsALine() {
    String text = "case \"one\" {\r  customer C1\r  tenant T1\r}\r";
    assertThat(Folding.ofCases(new SourceFile("x.cases", text)))
        .containsExactly(new Fold(1, 3, Kind.REGION));
  }

  @Test
  void everyAreaOfTheProgramFoldsFromItsHeadToTheLineBeforeItsEnd() throws IOException {
    LanguageService service = new LanguageService(new Workspace(), null);
    Path azure = Path.of("criteria", "azure.criteria").toAbsolutePath();
    List<String> lines = Files.readAllLines(azure);
    int head = lines.indexOf("area azure \"Azure\" {") + 1;
    int end = lines.lastIndexOf("}") + 1;
    assertThat(service.folding(azure)).contains(new Fold(head, end - 1, Kind.REGION));
    assertThat(service.folding(azure)).first().isEqualTo(new Fold(1, 2, Kind.COMMENT));
  }

  @Test
  void highlightsAreTheUsesInThisFileAndItsDeclarationMarked() throws IOException {
    for (String f : List.of("common.criteria", "azure.criteria")) {
      Files.copy(Path.of("criteria", f), dir.resolve(f));
    }
    LanguageService service = new LanguageService(new Workspace(), null);
    Path common = dir.resolve("common.criteria").toAbsolutePath();
    List<String> lines = Files.readAllLines(common);
    int declared = lines.indexOf("association type CSP_T1                  = \"CSP T1\"") + 1;
    int used = lines.indexOf("types CSP = CSP_T1, CSP_T2") + 1;
    int usedAt = lines.get(used - 1).indexOf("CSP_T1") + 1;
    List<LanguageService.Highlight> expected =
        List.of(
            new LanguageService.Highlight(new TextRange(declared, 18, declared, 24), true),
            new LanguageService.Highlight(new TextRange(used, usedAt, used, usedAt + 6), false));
    // from the declaration and from the use alike
    assertThat(service.highlights(common, declared, 20)).containsExactlyElementsOf(expected);
    assertThat(service.highlights(common, used, usedAt)).containsExactlyElementsOf(expected);
    // in a file that uses a name declared elsewhere, only its uses there, none marked declared
    Path azure = dir.resolve("azure.criteria").toAbsolutePath();
    List<String> az = Files.readAllLines(azure);
    int typesLine = az.indexOf("types AZURE_TYPES = CSP, DPOR, PAL") + 1;
    assertThat(service.highlights(azure, typesLine, 21))
        .extracting(LanguageService.Highlight::declaration)
        .containsExactly(false);
    // a keyword, a number or a blank names nothing
    assertThat(service.highlights(common, declared, 2)).isEmpty();
  }
}
