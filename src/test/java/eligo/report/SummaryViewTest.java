package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.engine.Outcome;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

@Needs(Requirement.SHARED)
class SummaryViewTest {
  @Test
  void countsAndPartnerTotalsEqualTheResultsFile() {
    Outcome o = Runs.conformance("sample-1");
    SummaryView v = SummaryView.of(o, null, null, null);
    assertThat(v.customers()).isEqualTo(120);
    assertThat(v.partners()).isEqualTo(3);
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, String> totals = new TreeMap<>();
    for (SummaryView.Area a : v.areas()) {
      for (SummaryView.Node n : a.nodes()) {
        for (SummaryView.Group g : n.groups()) {
          counts.put(a.id() + "|" + n.id() + "|" + g.key(), g.count());
        }
        if (n.partner() != null) {
          for (SummaryView.PartnerTotal t : n.partner().totals()) {
            totals.put(a.id() + "|" + n.id() + "|" + t.partnerId(), t.status() + " " + t.value());
          }
        }
      }
    }
    assertThat(counts).isEqualTo(ExpectedCounts.groups("sample-1"));
    assertThat(totals).isEqualTo(ExpectedCounts.partnerTotals("sample-1"));
  }

  @Test
  void filtersByPartnerAreaAndNode() {
    Outcome o = Runs.conformance("sample-1");
    SummaryView all = SummaryView.of(o, null, "azure", "usage-growth");
    assertThat(all.areas()).hasSize(1);
    assertThat(all.areas().get(0).nodes())
        .extracting(SummaryView.Node::id)
        .containsExactly("usage-growth");
    int sum = 0;
    for (String p : o.partners) {
      SummaryView one = SummaryView.of(o, p, "azure", "usage-growth");
      assertThat(one.partner()).isEqualTo(p);
      for (SummaryView.Group g : one.areas().get(0).nodes().get(0).groups()) {
        for (int c : g.members()) {
          assertThat(o.data.partnerId(c)).isEqualTo(p);
        }
      }
      sum += one.customers();
    }
    assertThat(sum).isEqualTo(120);
    SummaryView partnerNode = SummaryView.of(o, "P002", "security", "azure.usage-growth");
    assertThat(partnerNode.areas().get(0).nodes().get(0).partner().totals())
        .extracting(SummaryView.PartnerTotal::partnerId)
        .containsExactly("P002");
    assertThat(partnerNode.areas().get(0).nodes().get(0).partner().needed())
        .isEqualTo("at least $25,000.00");
  }

  @Test
  void unknownNamesSuggestTheClosest() {
    Outcome o = Runs.conformance("hand-1");
    assertThatThrownBy(() -> SummaryView.of(o, null, "azur", null))
        .hasMessage("no area 'azur': did you mean 'azure'?");
    assertThatThrownBy(() -> SummaryView.of(o, null, "azure", "deployment"))
        .hasMessage("no node 'deployment': did you mean 'deployments'?");
    assertThatThrownBy(() -> SummaryView.of(o, "Contoso", null, null))
        .hasMessage("no partner 'Contoso'; known: P1");
  }
}
