package eligo.invented;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The invented area {@code examples/regional}: attributes of customers and tenants (extra columns
 * of customers.csv and tenants.csv that the criteria declare) and conditions combined with 'and',
 * 'or' and 'not', written in the criteria language only; it passes its own cases with both engines,
 * counts its small dataset alike with both, and explains each part of a combined condition.
 */
class RegionalTest {
  static final Path AREA = Path.of("examples/regional");
  static final Path DATA = AREA.resolve("data");

  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicNode> itsCasesPassWithBothEngines() {
    return InventedAreas.casesWithBothEngines(AREA);
  }

  @Test
  void itPassesTheStrictCheck() {
    InventedAreas.Result r = InventedAreas.strictCheck(AREA, DATA);
    assertThat(r.code()).as(r.err() + r.out()).isZero();
  }

  @Test
  void bothEnginesCountTheSegmentsAndCountriesOfTheData() throws IOException {
    for (String engine : List.of("generated", "interpret")) {
      Path results = tmp.resolve(engine + ".csv");
      InventedAreas.Result r =
          InventedAreas.cli(
              "run",
              "--criteria",
              AREA.toString(),
              "--data",
              DATA.toString(),
              "--engine",
              engine,
              "--results",
              results.toString());
      assertThat(r.code()).as(r.err()).isZero();
      // C001 Enterprise $15,000 (T001 DE); C002 SMB $6,206 (T002 FR, T003 US); C003 no segment
      // $3,600 (T004 US)
      assertThat(Files.readAllLines(results))
          .contains(
              "P001,C001,regional,enterprise-spend,met,15000",
              "P001,C001,regional,european-tenants,met,1",
              "P001,C002,regional,enterprise-spend,not_met,6206",
              "P001,C002,regional,european-tenants,met,1",
              "P001,C002,regional,not-small,not_met,6206",
              "P002,C003,regional,enterprise-spend,not_met,3600",
              "P002,C003,regional,european-tenants,not_met,0",
              "P002,C003,regional,not-small,met,3600");
    }
  }

  @Test
  void explainNamesThePartOfACombinedConditionThatFailed() {
    for (String engine : List.of("generated", "interpret")) {
      InventedAreas.Result r = InventedAreas.explain(AREA, DATA, engine, "C002");
      assertThat(r.out())
          .contains(
              "why: ACR: $6,206.00 in 2025-09..2026-08; all of: segment == \"Enterprise\":"
                  + " segment is \"SMB\", did not hold; value >= enterprise_acr: not evaluated"
                  + " (already decided)\n")
          .contains(
              "why: ACR: $6,206.00 in 2025-09..2026-08; any of: not segment == \"SMB\": segment"
                  + " is \"SMB\", did not hold; value >= small_acr: $6,206.00 against $7,000.00,"
                  + " did not hold\n");
      InventedAreas.Result met = InventedAreas.explain(AREA, DATA, engine, "C001");
      assertThat(met.out())
          .contains(
              "why: all of: segment == \"Enterprise\": segment is \"Enterprise\", held; value >="
                  + " enterprise_acr: $15,000.00 against $10,000.00, held\n");
    }
  }

  @Test
  void aDeclaredAttributeTheDataLackIsAnErrorAtItsDeclaration() throws IOException {
    Path criteria = tmp.resolve("criteria");
    Files.createDirectories(criteria);
    String text = Files.readString(AREA.resolve("regional.criteria"));
    Files.writeString(
        criteria.resolve("regional.criteria"),
        text.replace("attribute tenant country: text", "attribute tenant Country: text")
            .replace("where country in", "where Country in"));
    Path results = tmp.resolve("results.csv");
    InventedAreas.Result r =
        InventedAreas.cli(
            "run",
            "--criteria",
            criteria.toString(),
            "--data",
            DATA.toString(),
            "--results",
            results.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .contains(
            "regional.criteria:9:18: error: the data's tenants.csv has no column \"Country\" (its"
                + " other columns: country); did you mean \"country\"?")
        .contains("attribute tenant Country: text");
    assertThat(results).doesNotExist();
  }

  @Test
  void anUndeclaredExtraColumnStaysIgnored() throws IOException {
    Path criteria = tmp.resolve("criteria");
    Files.createDirectories(criteria);
    // 'region' is a column of customers.csv that no criteria declare: the run is as before
    Files.writeString(
        criteria.resolve("plain.criteria"),
        "association type PAL = \"PAL\"\n"
            + "area plain \"Plain\" {\n"
            + "  metric tenants \"Tenants\" {\n"
            + "    criteria \"At least {met} tenant\"\n"
            + "    value count tenant\n"
            + "    met when value >= 2\n"
            + "  }\n"
            + "}\n");
    Path results = tmp.resolve("results.csv");
    InventedAreas.Result r =
        InventedAreas.cli(
            "run",
            "--criteria",
            criteria.toString(),
            "--data",
            DATA.toString(),
            "--results",
            results.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(results))
        .contains("P001,C002,plain,tenants,met,2", "P001,C001,plain,tenants,not_met,1");
  }

  @Test
  void explainOfATopLevelNotShowsWhatItsOperandFound() throws IOException {
    Path criteria = tmp.resolve("criteria");
    Files.createDirectories(criteria);
    Files.writeString(
        criteria.resolve("n.criteria"),
        "association type PAL = \"PAL\"\n"
            + "attribute customer segment: text\n"
            + "area n \"N\" {\n"
            + "  metric big \"Big\" {\n"
            + "    criteria \"Not a small customer\"\n"
            + "    value count tenant\n"
            + "    met when not segment in (\"SMB\", \"\")\n"
            + "  }\n"
            + "}\n");
    for (String engine : List.of("generated", "interpret")) {
      InventedAreas.Result r = InventedAreas.explain(criteria, DATA, engine, "C002");
      assertThat(r.out())
          .contains(
              "why: 2 tenants qualified as of 2026-08; not: segment in (\"SMB\", \"\"): segment"
                  + " is \"SMB\", held\n");
    }
  }

  @Test
  void aCaseGivesAttributesWithWithAndOnlyOnceEach() throws IOException {
    Path dir = tmp.resolve("cases");
    Files.createDirectories(dir);
    Files.copy(AREA.resolve("regional.criteria"), dir.resolve("regional.criteria"));
    Files.writeString(
        dir.resolve("regional.cases"),
        "as of 2026-08\n"
            + "workloads \"Virtual Machines\" family \"Azure\"\n"
            + "case \"twice\" {\n"
            + "  intent \"a value given twice is a mistake\"\n"
            + "  customer C1 with segment \"SMB\", segment \"Enterprise\"\n"
            + "  tenant T1\n"
            + "  expect regional not-small not_met 0\n"
            + "}\n");
    InventedAreas.Result r = InventedAreas.cli("test", "--criteria", dir.toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err() + r.out())
        .contains("regional.cases:5:")
        .contains("attribute 'segment' is given twice");
  }

  @Test
  void aValueTheDataLackIsAWarningAndOneDifferingOnlyInCaseAnError() throws IOException {
    Path criteria = tmp.resolve("criteria");
    Files.createDirectories(criteria);
    String text = Files.readString(AREA.resolve("regional.criteria"));
    Files.writeString(
        criteria.resolve("regional.criteria"),
        text.replace("segment == \"Enterprise\"", "segment == \"Enterprize\""));
    InventedAreas.Result warned =
        InventedAreas.cli("check", "--criteria", criteria.toString(), "--data", DATA.toString());
    assertThat(warned.code()).as(warned.err()).isZero();
    assertThat(warned.err() + warned.out())
        .contains(
            "warning: the data has no segment value \"Enterprize\" (its values in the data: \"\","
                + " \"Enterprise\", \"SMB\"); did you mean \"Enterprise\"?");
    Files.writeString(
        criteria.resolve("regional.criteria"),
        text.replace("(\"DE\", \"FR\")", "(\"de\", \"FR\")"));
    Path results = tmp.resolve("results.csv");
    InventedAreas.Result r =
        InventedAreas.cli(
            "run",
            "--criteria",
            criteria.toString(),
            "--data",
            DATA.toString(),
            "--results",
            results.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err())
        .contains(
            "regional.criteria:22:24: error: the data has no country value \"de\": names must"
                + " match to the letter; the data writes it \"DE\"");
    assertThat(results).doesNotExist();
  }
}
