package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.lang.Diagnostic;
import eligo.testing.ShippedCriteria;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The names criteria take from the data are held against the data: the shipped criteria bind to the
 * bundled sample's catalog, and each kind of slip is one located error with the data's names.
 */
class DataBindingTest {

  /** workloads.csv of the bundled sample: workload to family. */
  private static Map<String, String> catalog() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines =
        Files.readAllLines(Path.of("examples/sample-data/workloads.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      int comma = line.lastIndexOf(',');
      out.put(line.substring(0, comma), line.substring(comma + 1));
    }
    return out;
  }

  /**
   * Workloads the shipped criteria name that the bundled sample's generator does not produce: far
   * from every name of its catalog, so warnings, not errors (DATA.md lets a dataset hold only some
   * workloads).
   */
  private static final java.util.Set<String> KNOWN_ABSENT =
      java.util.Set.of(
          "CE Bundle",
          "Commerce",
          "F&O Bundle",
          "Fraud Protection",
          "HR (Human Resources)",
          "Intelligent Order Management",
          "Marketing",
          "Mixed Reality",
          "Omni-channel",
          "Project Operations",
          "Talent Onboard");

  private static Map<String, String> shipped() {
    return ShippedCriteria.texts();
  }

  private static List<String> errors(
      Map<String, String> texts, Map<String, DataBinding.TypeUse> types) throws IOException {
    Frontend.Compilation c = Frontend.compile(texts);
    assertThat(c.ok()).as("%s", c.diagnostics()).isTrue();
    return DataBinding.check(c.names(), new DataBinding.Catalog(catalog(), types)).stream()
        .filter(d -> d.isError() || !KNOWN_ABSENT.contains(d.message().split("\"")[1]))
        .map(d -> d.span().where() + ": " + d.severity().label() + ": " + d.message())
        .toList();
  }

  private static List<String> errorsAfter(String file, String from, String to) throws IOException {
    return errors(ShippedCriteria.with(file, from, to), Map.of());
  }

  @Test
  void theShippedCriteriaBindToTheSampleCatalog() throws IOException {
    Frontend.Compilation c = Frontend.compile(shipped());
    List<Diagnostic> all =
        DataBinding.check(c.names(), new DataBinding.Catalog(catalog(), Map.of()));
    assertThat(all).allMatch(d -> !d.isError());
    assertThat(all).hasSize(KNOWN_ABSENT.size());
    assertThat(c.names())
        .extracting(u -> u.kind())
        .contains(
            eligo.lang.NameUse.Kind.WORKLOAD,
            eligo.lang.NameUse.Kind.FAMILY,
            eligo.lang.NameUse.Kind.TYPE_TEXT);
    assertThat(errors(shipped(), Map.of())).isEmpty();
  }

  @Test
  void aWorkloadALetterFromOneOfTheDatasIsAMisspellingAnError() throws IOException {
    assertThat(errorsAfter("modern-work.criteria", "\"Yammer\"", "\"Yamer\""))
        .containsExactly(
            "criteria/modern-work.criteria:6:44: error: the data has no workload \"Yamer\"; did"
                + " you mean \"Yammer\"? (it is a letter or two from it: a misspelling, not a"
                + " workload this dataset lacks)");
    // one of two places naming "Intune": the other does not make the slip a name the data lack
    assertThat(errorsAfter("modern-work.criteria", "\"Intune\"", "\"Intunes\""))
        .singleElement()
        .asString()
        .contains("error: the data has no workload \"Intunes\"; did you mean \"Intune\"?");
    // two edits in a name of 10 characters or more
    assertThat(errorsAfter("modern-work.criteria", "\"Teams Meetings\"", "\"Teams Meeting\""))
        .singleElement()
        .asString()
        .contains("error: the data has no workload \"Teams Meeting\"; did you mean");
  }

  @Test
  void aWorkloadFurtherOffThanALetterIsAWarningWithTheClosestNames() throws IOException {
    assertThat(errorsAfter("modern-work.criteria", "\"Yammer\"", "\"Yamr Social\""))
        .singleElement()
        .asString()
        .contains("warning: the data has no workload \"Yamr Social\"")
        .endsWith("rules that name it count nothing in this dataset");
  }

  @Test
  void aNameThatDiffersInCaseOrSpacesOffersTheExactName() throws IOException {
    assertThat(errorsAfter("modern-work.criteria", "\"Intune\"", "\"intune \""))
        .singleElement()
        .asString()
        .startsWith("criteria/modern-work.criteria:5:")
        .endsWith(
            "error: the data has no workload \"intune \": names must match to the letter; the data writes it \"Intune\"");
  }

  @Test
  void aFamilyALetterFromOneOfTheDatasIsAMisspellingAnError() throws IOException {
    assertThat(errorsAfter("azure.criteria", "family \"Azure\"", "family \"Azur\""))
        .singleElement()
        .asString()
        .matches(
            "criteria/azure\\.criteria:\\d+:\\d+: error: the data has no workload family \"Azur\"; did you mean \"Azure\"\\? \\(it is a letter or two from it: a misspelling, not a workload family this dataset lacks\\)");
  }

  @Test
  void aWorkloadFarFromEveryNameSaysHowManyTheDataHas() throws IOException {
    assertThat(errorsAfter("modern-work.criteria", "\"Yammer\"", "\"Quantum Widgets\""))
        .singleElement()
        .asString()
        .endsWith(
            "warning: the data has no workload \"Quantum Widgets\" (workloads.csv holds 50"
                + " workloads): rules that name it count nothing in this dataset");
  }

  @Test
  void aTypeOfTheDataThatNoCriteriaDeclaresIsOneErrorAtTheLikeliestDeclaration()
      throws IOException {
    Map<String, String> texts =
        ShippedCriteria.with("common.criteria", "= \"CPOR RevRec\"", "= \"CPOR RevRc\"");
    List<String> errors =
        errors(
            texts,
            Map.of("CPOR RevRec", new DataBinding.TypeUse(255, "associations.csv:17", false)));
    assertThat(errors)
        .containsExactly(
            "criteria/common.criteria:9:44: error: the data's association type \"CPOR RevRec\" (255 rows,"
                + " first at associations.csv:17) is declared by no criteria; did this declaration,"
                + " \"CPOR RevRc\", mean \"CPOR RevRec\"?");
  }

  @Test
  void aMisspeltTypeIsFoundEvenBesideACloserTypeTheDataUse() throws IOException {
    // "CPOR OUS" (two letters swapped) is one edit further from the data's "CPOR OSU" than the
    // declared and used "CPOR OSA": the rows were 255 bad rows, one error each
    Map<String, String> texts =
        ShippedCriteria.with("common.criteria", "= \"CPOR OSU\"", "= \"CPOR OUS\"");
    List<String> errors =
        errors(
            texts,
            Map.of(
                "CPOR OSU", new DataBinding.TypeUse(255, "associations.csv:5", false),
                "CPOR OSA", new DataBinding.TypeUse(40, "associations.csv:2", true)));
    assertThat(errors)
        .containsExactly(
            "criteria/common.criteria:11:44: error: the data's association type \"CPOR OSU\" (255"
                + " rows, first at associations.csv:5) is declared by no criteria; did this"
                + " declaration, \"CPOR OUS\", mean \"CPOR OSU\"?");
  }

  @Test
  void closestNamesPreferTheNearestAndWordsHeldInside() {
    List<String> known = List.of("Storage", "Azure SQL Database", "Teams", "Teams Phone Calling");
    assertThat(NearNames.closest("Azure Storage", known, 3)).containsExactly("Storage");
    assertThat(NearNames.closest("Tems", known, 3)).containsExactly("Teams");
    assertThat(NearNames.closest("Intunes", known, 3)).isEmpty();
  }
}
