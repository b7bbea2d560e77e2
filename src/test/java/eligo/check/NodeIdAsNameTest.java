package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.lang.Diagnostic;
import eligo.testing.ShippedCriteria;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule that names a node (its own, or another of its area) is told that a rule cannot read a
 * node, not only "unknown name", and is offered no other name to write in its place.
 */
class NodeIdAsNameTest {
  private static List<Diagnostic> errorsAfter(String file, String from, String to) {
    return Frontend.compile(ShippedCriteria.with(file, from, to)).diagnostics().stream()
        .filter(Diagnostic::isError)
        .toList();
  }

  @Test
  void aMetricReadingItselfIsToldRulesCannotReadNodes() {
    List<Diagnostic> errors =
        errorsAfter(
            "azure.criteria",
            "value count workload in AZURE except",
            "value deployments + count workload in AZURE except");
    assertThat(errors)
        .singleElement()
        .extracting(Diagnostic::message)
        .isEqualTo(
            "unknown name 'deployments': it is the id of metric 'deployments', and a rule cannot"
                + " read a node's outcome or value (nor its own): write what both need once as a"
                + " definition ('define NAME = ...') and use it in each");
    assertThat(errors.get(0).replacement()).isNull();
  }

  @Test
  void aLeafOfATemplateIsNamedOnceWhateverTheAreasUsingIt() {
    // modern-work.criteria's template makes two areas; its leaves are the areas' own (cpor, csp)
    List<Diagnostic> errors =
        errorsAfter(
            "modern-work.criteria", "met when value >= partner_goal", "met when value >= pau");
    assertThat(errors)
        .singleElement()
        .extracting(Diagnostic::message)
        .asString()
        .startsWith("unknown name 'pau': it is the id of metric 'pau'");
  }
}
