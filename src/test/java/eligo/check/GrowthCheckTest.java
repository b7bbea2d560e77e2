package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Relative growth: the zero-baseline outcome is part of the syntax; errors stand where they are.
 */
class GrowthCheckTest {
  private static List<String> errors(String met) {
    String text =
        """
        workloads CLOUD = family "Azure"
        area a "A" {
          define before = sum acr for tenant, workload in CLOUD, month in TTM(M - 12)
          metric m "M" {
            criteria "A rule"
            value sum acr for tenant, workload in CLOUD, month in TTM(M)
            met when %s
          }
        }
        """
            .formatted(met);
    Frontend.Compilation c = Frontend.compile(Map.of("a.criteria", text));
    return c.diagnostics().stream()
        .filter(d -> d.isError())
        .map(d -> d.span().where() + ": " + d.message())
        .toList();
  }

  @Test
  void bothZeroOutcomesCompile() {
    assertThat(errors("value >= 20% more than before when zero: not met")).isEmpty();
    assertThat(errors("value > 0.5% more than before when zero: met")).isEmpty();
  }

  @Test
  void theZeroBaselineOutcomeIsMandatory() {
    // the parser stops at the next token, the '}' under the rule, and names the fix there
    assertThat(errors("value >= 20% more than before"))
        .singleElement()
        .asString()
        .isEqualTo(
            "a.criteria:8:3: a relative growth ('... more than BASELINE') says what holds when the"
                + " baseline is zero: add 'when zero: met' or 'when zero: not met' after the"
                + " baseline");
  }

  @Test
  void theGrowthIsAPercentageWrittenAsANumber() {
    assertThat(errors("value >= $20 more than before when zero: not met"))
        .singleElement()
        .asString()
        .isEqualTo(
            "a.criteria:7:23: growth is a percentage written as a number: 'value >= 20% more than"
                + " baseline when zero: not met'");
  }

  @Test
  void aGrowthWrittenAsAPlainNumberNamesThePercentage() {
    assertThat(errors("value >= 20 more than before when zero: not met"))
        .singleElement()
        .asString()
        .isEqualTo(
            "a.criteria:7:23: growth is written as a percentage, as in 'value >= 20% more than"
                + " baseline when zero: not met': write 20%");
    // below 1, a fraction or a small percentage: both readings, no fix offered
    assertThat(errors("value >= 0.2 more than before when zero: not met"))
        .singleElement()
        .asString()
        .endsWith(": write 20% if 0.2 is a fraction, or 0.2%");
    List<eligo.lang.Diagnostic> d =
        Frontend.compile(
                Map.of(
                    "a.criteria",
                    "workloads CLOUD = family \"Azure\"\narea a \"A\" {\n  metric m \"M\" {\n"
                        + "    criteria \"A rule\"\n"
                        + "    value sum acr for tenant, workload in CLOUD, month in TTM(M)\n"
                        + "    met when value >= 20 more than (sum acr for tenant, workload in CLOUD,"
                        + " month in TTM(M - 12)) when zero: met\n  }\n}\n"))
            .diagnostics();
    assertThat(d)
        .singleElement()
        .satisfies(x -> assertThat(x.replacement().text()).isEqualTo("20%"));
  }

  @Test
  void aDeclineIsAShareOfTheBaseline() {
    // '-10% more than' is refused with the share that says 'a decline of at most 10%'
    assertThat(errors("value >= -10% more than before when zero: not met"))
        .singleElement()
        .asString()
        .isEqualTo(
            "a.criteria:7:23: growth is a percentage of 0% or more, as in 'value >= 20% more than"
                + " baseline when zero: not met'; for a decline of at most 10%, compare with a"
                + " share of the baseline: 'value >= 90% of baseline'");
    assertThat(errors("value >= 90% of before")).isEmpty();
  }

  @Test
  void aGrowthComparesLikeWithLike() {
    assertThat(errors("value >= 20% more than (count tenant) when zero: not met"))
        .singleElement()
        .asString()
        .startsWith("a.criteria:7:20: cannot compare the growth of");
  }
}
