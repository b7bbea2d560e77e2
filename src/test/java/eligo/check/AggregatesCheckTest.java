package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** average, minimum and maximum: what the checker refuses, at the place it stands. */
class AggregatesCheckTest {
  private static String area(String value) {
    return """
        workloads CLOUD = family "Azure"
        area a "A" {
          metric m "M" {
            criteria "A rule"
            value %s
            met when value >= 1
          }
        }
        """
        .formatted(value);
  }

  private static List<String> errors(String value) {
    Frontend.Compilation c = Frontend.compile(Map.of("a.criteria", area(value)));
    return c.diagnostics().stream()
        .filter(d -> d.isError())
        .map(d -> d.span().where() + ": " + d.message())
        .toList();
  }

  @Test
  void eachTakesATermLikeSum() {
    for (String op : List.of("average", "minimum", "maximum")) {
      assertThat(errors(op + " (sum acr for tenant, workload in CLOUD) for month in TTM(M)"))
          .as(op)
          .isEmpty();
      assertThat(errors(op + " (acr > 0) for tenant, workload, month in TTM(M)"))
          .as(op)
          .singleElement()
          .asString()
          .startsWith(
              "a.criteria:5:" + (op.length() + 17) + ": '" + op + "' needs a number or an amount")
          .endsWith("this is a condition");
    }
  }

  @Test
  void aMeasureOutsideItsBindersIsLocated() {
    assertThat(errors("average acr for month in TTM(M)"))
        .singleElement()
        .asString()
        .startsWith("a.criteria:5:19: ")
        .contains("needs a tenant, a workload");
  }

  @Test
  void aTermIsRequired() {
    assertThat(errors("minimum for month in TTM(M)"))
        .isNotEmpty()
        .first()
        .asString()
        .startsWith("a.criteria:5:");
  }
}
