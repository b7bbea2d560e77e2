package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Outcome;
import java.nio.file.Path;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * An explainer that keeps what an earlier partner's explainer worked out from the criteria ({@link
 * Explainer#forSite(Outcome, Explainer)}, as a site per partner does) explains every customer as a
 * fresh one.
 */
class ExplainerReuseTest {
  @Test
  void anExplainerKeepingTheWordsOfEarlierPartnersExplainsAsAFreshOne() {
    Outcome whole = Runs.run(Path.of("examples/sample-data"));
    TreeSet<String> partners = new TreeSet<>();
    for (int c = 0; c < whole.data.customerCount(); c++) {
      partners.add(whole.data.partnerId(c));
    }
    assertThat(partners).hasSizeGreaterThan(3);
    Explainer earlier = null;
    int compared = 0;
    for (String p : partners) {
      Outcome o = Runs.partner(whole, p);
      Explainer kept = Explainer.forSite(o, earlier);
      Explainer fresh = Explainer.forSite(o);
      for (int c = 0; c < o.data.customerCount(); c++) {
        assertThat(kept.explainNotMet(c))
            .as("partner %s, customer %s", p, o.data.customerId(c))
            .isEqualTo(fresh.explainNotMet(c));
        compared++;
      }
      earlier = kept;
    }
    assertThat(compared).isEqualTo(whole.data.customerCount());
  }
}
