package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.testing.ShippedCriteria;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A missing or misspelt import is one error that says which file to import. */
class ImportsCheckTest {
  private static List<String> errorsAfter(String file, String from, String to) {
    Map<String, String> texts = ShippedCriteria.with(file, from, to);
    Frontend.Compilation c = Frontend.compile(texts);
    return c.diagnostics().stream()
        .filter(d -> d.isError())
        .map(d -> d.span().where() + ": " + d.message())
        .toList();
  }

  @Test
  void aMisspeltImportIsOneErrorWithTheFileMeant() {
    // before: also "unknown association type or type set 'CSP'" for what common.criteria declares
    assertThat(
            errorsAfter(
                "azure.criteria", "import \"common.criteria\"", "import \"commons.criteria\""))
        .singleElement()
        .asString()
        .contains("azure.criteria:4:8: cannot find the imported file 'commons.criteria' next to")
        .endsWith("; did you mean 'common.criteria'?");
  }

  @Test
  void aNameOfAFileNotImportedSaysToImportIt() {
    assertThat(errorsAfter("azure.criteria", "import \"common.criteria\"\n", ""))
        .singleElement()
        .asString()
        .endsWith(
            "unknown association type or type set 'CSP'; it is declared in common.criteria,"
                + " which this file does not import: add import \"common.criteria\"");
  }
}
