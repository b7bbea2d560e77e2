package eligo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eligo.io.Mode;
import eligo.lang.Diagnostic;
import eligo.testing.ShippedCriteria;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A criteria slip that the data show stops the run at the criteria line, in either mode, before
 * anything is evaluated: an association type text that no longer matches the data's rows, and a
 * workload name that differs from the data's only in case or spaces.
 */
class BindToDataTest {
  private static final Path SAMPLE = Path.of("examples/sample-data");

  @TempDir Path tmp;

  private Path criteriaWith(String file, String from, String to) throws IOException {
    return ShippedCriteria.write(ShippedCriteria.with(file, from, to), tmp.resolve("criteria"));
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void aMisspeltTypeTextIsOneErrorAtItsDeclaration(Mode mode) throws IOException {
    Path criteria = criteriaWith("common.criteria", "= \"CPOR RevRec\"", "= \"CPOR RevRc\"");
    CriteriaFailure f =
        catchThrowableOfType(
            () -> Eligo.start(criteria, SAMPLE, mode, Engine.interpret, Stages.NONE),
            CriteriaFailure.class);
    assertThat(f.diagnostics()).filteredOn(Diagnostic::isError).hasSize(1);
    Diagnostic d = f.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    assertThat(d.span().where()).endsWith("common.criteria:9:44");
    assertThat(d.message())
        .startsWith("the data's association type \"CPOR RevRec\" (")
        .contains("rows, first at associations.csv:")
        .endsWith("did this declaration, \"CPOR RevRc\", mean \"CPOR RevRec\"?");
  }

  @ParameterizedTest
  @EnumSource(Mode.class)
  void theViewsLoadingForCriteriaStopAtTheSameDeclaration(Mode mode) throws Exception {
    Path criteria = criteriaWith("common.criteria", "= \"CPOR RevRec\"", "= \"CPOR RevRc\"");
    eligo.check.Frontend.Compilation c = Eligo.compileCriteria(criteria);
    CriteriaFailure f =
        catchThrowableOfType(() -> Eligo.loadFor(c, SAMPLE, mode), CriteriaFailure.class);
    assertThat(f.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(d -> assertThat(d.span().where()).endsWith("common.criteria:9:44"));
  }

  @Test
  void aWorkloadDifferingOnlyInSpacesIsAnError() throws IOException {
    Path criteria = criteriaWith("modern-work.criteria", "\"Intune\"", "\"Intune \"");
    CriteriaFailure f =
        catchThrowableOfType(
            () -> Eligo.start(criteria, SAMPLE, Mode.STRICT, Engine.interpret, Stages.NONE),
            CriteriaFailure.class);
    assertThat(f.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .extracting(Diagnostic::message)
        .isEqualTo(
            "the data has no workload \"Intune \": names must match to the letter; the data writes"
                + " it \"Intune\"");
  }

  @Test
  void namesTheSampleLacksAreWarningsAndTheRunGoesOn() throws Exception {
    Started s =
        Eligo.start(Path.of("criteria"), SAMPLE, Mode.STRICT, Engine.interpret, Stages.NONE);
    assertThat(s.warnings()).isNotEmpty().noneMatch(Diagnostic::isError);
    assertThat(s.warnings()).allMatch(w -> w.message().contains("count nothing in this dataset"));
  }

  @Test
  void aCatalogAloneBindsTheNamesAsTheDatasetDoes() throws Exception {
    Path catalog = tmp.resolve("workloads.csv");
    java.nio.file.Files.copy(SAMPLE.resolve("workloads.csv"), catalog);
    Path criteria =
        criteriaWith("modern-work.criteria", "\"Intune\", \"EXO\"", "\"Intune \", \"EXO\"");
    CriteriaFailure f =
        catchThrowableOfType(
            () -> Eligo.bindToCatalog(Eligo.compileCriteria(criteria), catalog),
            CriteriaFailure.class);
    assertThat(f.diagnostics())
        .filteredOn(Diagnostic::isError)
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.span().where() + ": " + d.message())
                    .contains("modern-work.criteria:5:")
                    .endsWith(
                        "the data has no workload \"Intune \": names must match to the letter;"
                            + " the data writes it \"Intune\""));
    // the shipped criteria bind to the sample's catalog with warnings only (names it lacks)
    assertThat(
            Eligo.bindToCatalog(Eligo.compileCriteria(Path.of("criteria")), catalog).stream()
                .filter(Diagnostic::isError))
        .isEmpty();
  }

  @Test
  void aCatalogWithAWorkloadTwiceFailsAtItsLine() throws Exception {
    Path catalog = tmp.resolve("workloads.csv");
    java.nio.file.Files.writeString(catalog, "family,workload\nOffice,Teams\nOffice,Teams\n");
    DataFailure f =
        catchThrowableOfType(
            () -> Eligo.bindToCatalog(Eligo.compileCriteria(Path.of("criteria")), catalog),
            DataFailure.class);
    assertThat(f.getMessage()).contains("workloads.csv:3: workload \"Teams\" is given twice");
  }
}
