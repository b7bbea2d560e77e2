package eligo.editor;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.lang.SourceFile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A problem that carries its replacement is fixed with it, whatever its message says: a message
 * reworded (or one that never said "did you mean") keeps its fix.
 */
class QuickFixesTest {
  private static final SourceFile SOURCE =
      new SourceFile("a.criteria", "    value count workload in AZUR\n    met when value => 1\n");

  private static Optional<QuickFixes.Fix> fix(
      TextRange range, String message, Problem.Replacement replacement) {
    return QuickFixes.of(
        SOURCE,
        new Problem("a.criteria", range, Problem.Severity.ERROR, message, "x", replacement));
  }

  @Test
  void aNameIsChangedToItsReplacementWithoutADidYouMean() {
    TextRange azur = new TextRange(1, 29, 1, 33);
    assertThat(fix(azur, "no workload set is called that", new Problem.Replacement(azur, "AZURE")))
        .contains(new QuickFixes.Fix("Change 'AZUR' to 'AZURE'", azur, "AZURE"));
  }

  @Test
  void anOperatorIsWrittenOverTheRangeOfItsReplacementNotTheProblems() {
    TextRange first = new TextRange(2, 20, 2, 21);
    TextRange both = new TextRange(2, 20, 2, 22);
    assertThat(fix(first, "not an operator", new Problem.Replacement(both, ">=")))
        .contains(new QuickFixes.Fix("Write '>='", both, ">="));
  }

  @Test
  void aReplacementThatIsAlreadyWrittenOffersNothing() {
    TextRange azur = new TextRange(1, 29, 1, 33);
    assertThat(fix(azur, "did you mean 'AZURE'?", new Problem.Replacement(azur, "AZUR"))).isEmpty();
  }

  @Test
  void withoutAReplacementTheMessageStillNamesTheFix() {
    TextRange azur = new TextRange(1, 29, 1, 33);
    assertThat(fix(azur, "unknown workload set 'AZUR'; did you mean 'AZURE'?", null))
        .contains(new QuickFixes.Fix("Change 'AZUR' to 'AZURE'", azur, "AZURE"));
  }
}
