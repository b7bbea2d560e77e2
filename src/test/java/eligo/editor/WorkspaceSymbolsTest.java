package eligo.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Go to symbol in workspace, over the shipped criteria copied into a folder. */
class WorkspaceSymbolsTest {
  @TempDir Path dir;
  private LanguageService service;
  private Path azure;

  @BeforeEach
  void copyCriteria() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("criteria"))) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    azure = dir.resolve("azure.criteria").toAbsolutePath();
    service = new LanguageService(new Workspace(), null);
  }

  @Test
  void nothingIsOpenNothingIsFound() {
    assertThat(service.workspaceSymbols("")).isEmpty();
  }

  @Test
  void theLettersOfTheQueryInOrderFindNodesOfEveryFileOfTheFolder() throws IOException {
    service.workspace().open(azure, Files.readString(azure));
    List<LanguageService.FoundSymbol> found = service.workspaceSymbols("usgrowth");
    // usage-growth in each area's file, and its leaves (usage-growth.cpor, ...) where it has them
    assertThat(found)
        .extracting(f -> f.file().getFileName().toString())
        .contains(
            "azure.criteria",
            "business-applications.criteria",
            "modern-work.criteria",
            "security.criteria");
    assertThat(found).allSatisfy(f -> assertThat(f.symbol().name()).containsIgnoringCase("g"));
    LanguageService.FoundSymbol inAzure =
        found.stream()
            .filter(f -> f.file().equals(azure) && f.symbol().name().equals("usage-growth"))
            .findFirst()
            .orElseThrow();
    assertThat(inAzure.container()).isEqualTo("azure");
    assertThat(inAzure.symbol().selection().startLine())
        .isEqualTo(
            Files.readAllLines(azure).indexOf("  metric usage-growth \"Usage growth\" {") + 1);
    // a title finds its node too; case aside
    assertThat(service.workspaceSymbols("USAGE GROWTH"))
        .extracting(f -> f.symbol().name())
        .contains("usage-growth");
    assertThat(service.workspaceSymbols("zzqx")).isEmpty();
    // imports are not symbols to go to
    assertThat(service.workspaceSymbols("common"))
        .noneMatch(f -> f.symbol().kind() == EditorSymbol.Kind.IMPORT);
  }

  @Test
  void anUnsavedDeclarationIsFoundAsWritten() throws IOException {
    String text = Files.readString(azure);
    service
        .workspace()
        .open(azure, text.replace("define qualifying_acr", "define qualifying_acr_unsaved"));
    assertThat(service.workspaceSymbols("acr_unsaved"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.symbol().name()).isEqualTo("qualifying_acr_unsaved");
              assertThat(f.file()).isEqualTo(azure);
              assertThat(f.container()).isNull();
            });
  }
}
