package eligo.invented;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The invented area {@code examples/growth-club}: written in the criteria language only (no Java
 * for it anywhere), it passes its own cases with both engines and explains itself on its own small
 * dataset.
 */
class GrowthClubTest {
  static final Path AREA = Path.of("examples/growth-club");
  static final Path DATA = AREA.resolve("data");

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
  void explainSaysWhichAverageAndWhichHighestDecided() {
    for (String engine : List.of("generated", "interpret")) {
      InventedAreas.Result r = InventedAreas.explain(AREA, DATA, engine, "C002");
      // T002: $400 in 11 months (none in 2026-02), T003: $150.50 in 12: 6,206.00 / 12 = 517.1666..
      assertThat(r.out())
          .contains("why: the average ACR per month: $517.17 in 2025-09..2026-08")
          .contains("why: the highest ACR per tenant: $4,400.00 in 2025-09..2026-08")
          .contains("no-gap           met      $150.50");
    }
  }

  @Test
  void explainShowsBothSidesOfAGrowthAndTheRatio() {
    for (String engine : List.of("generated", "interpret")) {
      InventedAreas.Result r = InventedAreas.explain(AREA, DATA, engine, "C001");
      // T001: 12 x $900 in 2024-09..2025-08, 12 x $1,250 in TTM(M)
      assertThat(r.out())
          .contains(
              "why: growth: $15,000.00 against a baseline of $10,800.00, ratio 1.3889 (38.89%"
                  + " more)\n")
          .contains(
              "why: ACR: $15,000.00 in 2025-09..2026-08; growth: $15,000.00 against a baseline of"
                  + " $10,800.00, ratio 1.3889 (38.89% more); needed: at least 50% more than the"
                  + " baseline");
    }
  }

  @Test
  void explainNamesWhichConditionsHeldAndWhichDidNot() {
    for (String engine : List.of("generated", "interpret")) {
      InventedAreas.Result r = InventedAreas.explain(AREA, DATA, engine, "C002");
      // $6,206.00 (not $12,000), every month has ACR, a baseline of $6,366.00 (not 20% less)
      assertThat(r.out())
          .contains(
              "1 of 3 conditions held: (minimum monthly_acr for month in TTM(M)) > $0; not: value"
                  + " >= $12000, value >= 20% more than year_before when zero: not met; needed: at"
                  + " least 2 of the 3 conditions\n");
    }
  }

  @Test
  void explainNamesWhichConditionsScoredTheirPoints() {
    for (String engine : List.of("generated", "interpret")) {
      InventedAreas.Result r = InventedAreas.explain(AREA, DATA, engine, "C002");
      assertThat(r.out())
          .contains(
              "1 of 6 points: (minimum monthly_acr for month in TTM(M)) > $0 (1); not: sum"
                  + " monthly_acr for month in TTM(M) >= $12000 (3)");
    }
  }
}
