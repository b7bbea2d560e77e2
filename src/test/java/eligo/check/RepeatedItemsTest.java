package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.testing.ShippedCriteria;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An item a node has once, written twice, is an error at the second: the first was dropped with no
 * word (two 'met when' lines ran on the second alone). Baseline: repeated-items.criteria.
 */
class RepeatedItemsTest {
  private static List<String> errorsAfter(String file, String from, String to) {
    Frontend.Compilation c = Frontend.compile(ShippedCriteria.with(file, from, to));
    return c.diagnostics().stream()
        .filter(d -> d.isError())
        .map(d -> d.span().where() + ": " + d.message())
        .toList();
  }

  @Test
  void aSecondMetWhenIsAnErrorNamingTheFirst() {
    // the deployments metric of azure.criteria: 'met when value >= 1' at line 43
    assertThat(
            errorsAfter(
                "azure.criteria",
                "      where sum acr via AZURE_TYPES for tenant, month in TTM(M) > 0\n"
                    + "    met when value >= 1\n",
                "      where sum acr via AZURE_TYPES for tenant, month in TTM(M) > 0\n"
                    + "    met when value >= 1\n"
                    + "    met when value >= 5\n"))
        .containsExactly(
            "criteria/azure.criteria:44:5: this metric has 'met when' twice (the first at line"
                + " 43), and the second would replace the first: keep one, or join the two"
                + " conditions with 'and'");
  }

  @Test
  void aSecondValueOrCriteriaInATemplatesLeafIsOneErrorWhateverTheAreasUsingIt() {
    // modern-work.criteria's template makes two areas; the slip is reported once, in the template
    assertThat(
            errorsAfter(
                "modern-work.criteria",
                "      met when value >= 1\n      partner {",
                "      met when value >= 1\n" + "      criteria \"again\"\n" + "      partner {"))
        .singleElement()
        .asString()
        .contains("this 'each leaf' has 'criteria' twice (the first at line");
  }

  @Test
  void theShippedCriteriaRepeatNothing() {
    assertThat(Frontend.compile(ShippedCriteria.texts()).diagnostics()).isEmpty();
  }
}
