package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Outcome;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@Needs(Requirement.SHARED)
class TextReportTest {
  @Test
  void partnerTotalsAgainstTheirThreshold() {
    Outcome o = Runs.conformance("hand-2");
    String text =
        TextReport.summary(
            SummaryView.of(o, null, "modern-work-smb", "usage-growth.cpor"), o.data, false);
    assertThat(text)
        .isEqualTo(
            """
        Customer eligibility: 2 customers of 1 partner, as of 2026-09

        Modern Work (SMB) (modern-work-smb)
          usage-growth.cpor  leaf    With growth 1  In decline 0  No change 1  Met 1  Not met 1  Not evaluated 0
            partner level: Monthly active users growth via CPOR: at least 500 overall
              P1  45 active users  not met (needed: at least 500 active users)
        """);
  }

  @Test
  void manyPartnersAreCountedRatherThanListed() {
    List<SummaryView.PartnerTotal> totals = new ArrayList<>();
    for (int p = 0; p <= TextReport.MAX_PARTNER_LINES; p++) {
      totals.add(
          new SummaryView.PartnerTotal("P" + p, "1", "$1.00", p % 3 == 0 ? "met" : "not_met"));
    }
    SummaryView.Node node =
        new SummaryView.Node(
            "n",
            "metric",
            "N",
            "criteria",
            false,
            List.of(new SummaryView.Group("met", "Met", new int[0])),
            new SummaryView.Partner("partner criteria", "at least $1.00", totals));
    SummaryView v =
        new SummaryView(
            "2026-09",
            null,
            0,
            totals.size(),
            List.of(new SummaryView.Area("a", "A", List.of(node))));
    assertThat(TextReport.summary(v, null, false))
        .endsWith(
            """
            partner level: partner criteria
              7 of 21 partners meet it (--partner P shows one partner's total)
        """);
  }
}
