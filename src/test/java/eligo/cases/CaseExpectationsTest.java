package eligo.cases;

import static eligo.cases.CasesTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What a case says that cannot be meant: an empty intent, an expectation written twice, two
 * outcomes of one node for one customer. Before, all three were taken silently (the contradicting
 * pair failed every run, whatever the criteria).
 */
class CaseExpectationsTest {
  /** One case of one customer and tenant, one usage row and one expectation. */
  static final String TEXT = CaseSlipsTest.TEXT;

  @Test
  void anEmptyIntentIsAnError() {
    assertThat(errors(TEXT.replace("intent \"x\"", "intent \" \"")))
        .containsExactly("4:10 this intent is empty: say what the case shows");
  }

  @Test
  void anExpectationWrittenTwiceIsAWarningAndAnotherOutcomeOfTheSameNodeAnError() {
    assertThat(errors(TEXT.replace("met 1000\n", "met 1000\n  expect x y met 1000.00\n")))
        .containsExactly(
            "9:3 line 8 (expect x y met 1000) already expects this outcome: leave one out");
    assertThat(errors(TEXT.replace("met 1000\n", "met 1000\n  expect x y met\n")))
        .containsExactly(
            "9:3 line 8 (expect x y met 1000) already expects this outcome: leave one out");
    assertThat(errors(TEXT.replace("met 1000\n", "met 1000\n  expect x y not met\n")))
        .containsExactly(
            "9:3 line 8 expects another outcome of this node for the same customer (expect x y"
                + " met 1000): one of the two always fails; keep the one the criteria mean");
    assertThat(errors(TEXT.replace("met 1000\n", "met 1000\n  expect x y met 999\n"))).hasSize(1);
    // another node, another customer, or the partner-level node: no clash
    assertThat(errors(TEXT.replace("met 1000\n", "met 1000\n  expect x z not met\n"))).isEmpty();
    assertThat(errors(TEXT.replace("met 1000\n", "met 1000 for C1\n  expect x y not met for C2\n")))
        .isEmpty();
    assertThat(errors(TEXT.replace("met 1000\n", "met 1000\n  expect partner x y not met\n")))
        .isEmpty();
  }
}
