package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Outcome;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A customer's page of a partner's site, as written (the markup, without a browser). */
class CustomerPageTest {
  @Test
  void aMetAssociationGateListsEveryAssociationThatCountsInOneShortRowEach() {
    Outcome whole = Runs.run(Path.of("examples/sample-data"));
    SitePages pages = SitePages.partner(Runs.partner(whole, "P003"));
    String page = Markup.quoted(pages.customer("C0000073"));
    // Business Applications performance: 4 association types on 3 workloads, in the Enterprise
    // and SMB areas
    String table =
        "<table class=\"det\"><tr><th>workload<th>association"
            + "<tr><td>AI Builder<td>CPOR RevRec, tenant T00000131, from 2024-10, open"
            + "<tr><td>Customer Service<td>CPOR OSA, tenant T00000131, active 2023-11..2025-07"
            + "<tr><td>Customer Service<td>CSP T2, tenant T00000131, active 2025-12..2026-03"
            + "<tr><td>Power Apps<td>CSP T1, tenant T00000131, active 2024-08..2026-06</table>";
    assertThat(page).contains("<td>Met<td>4 association types" + table);
    // listed once: the SMB area, whose rows are the same, names the area that lists them
    assertThat(page.split(java.util.regex.Pattern.quote(table), -1)).hasSize(2);
    assertThat(page)
        .contains(
            "<td>Met<td>4 association types<br>the associations under Business Applications"
                + " (Enterprise)<td>");
    // other met nodes still show no rows; a node not met still shows its rows
    assertThat(page)
        .doesNotContainPattern("<td>Met<td>[^<]*<table class=\"det\"><tr><th>[a-z]+<th>now");
    assertThat(page)
        .containsPattern("<td>Not met<td>[^<]*<table class=\"det\"><tr><th>[a-z]+<th>now");
  }

  @Test
  void aWhyReferredToAnotherAreaIsTheWhyOfTheSameNodeThere() {
    Outcome whole = Runs.run(Path.of("examples/sample-data"));
    SitePages pages = SitePages.partner(Runs.partner(whole, "P003"));
    // C0000032: Microsoft 365 security's first gate and Business Applications' performance gate
    // say the same words of other criteria; only the SMB area's same gate refers to Enterprise
    String book = Markup.quoted(pages.customer("C0000032"));
    String page = book.substring(book.indexOf("<section id=\"_c0000032\""));
    page = page.substring(0, page.indexOf("</section>"));
    java.util.regex.Matcher row =
        java.util.regex.Pattern.compile(
                "<tr class=\"nm\"><td>([^<]+)<td>Not met<td>[^<]*<td>as under ([^<\\n]+)")
            .matcher(page);
    int referred = 0;
    while (row.find()) {
      String area = page.substring(page.indexOf(">" + row.group(2) + ": <span"));
      area = area.substring(0, area.indexOf("<h2 ") < 0 ? area.length() : area.indexOf("<h2 "));
      assertThat(area)
          .as("the row of %s under %s", row.group(1), row.group(2))
          .contains("<td>" + row.group(1) + "<td>Not met<td>");
      referred++;
    }
    assertThat(referred).isEqualTo(2);
    assertThat(page)
        .containsPattern(
            "<td>Microsoft 365 security workloads<td>Not met<td>0 workloads<td>no workloads qualified");
  }

  @Test
  void nodesAGateStoppedRightAfterItsRowSayTheGateAboveWasNotMet() {
    Outcome whole = Runs.run(Path.of("examples/sample-data"));
    SitePages pages = SitePages.partner(Runs.partner(whole, "P003"));
    String book = Markup.quoted(pages.customer("C0000012"));
    assertThat(book)
        .contains(
            "<tr class=\"nm\"><td>Partner association<td>Not met<td>0 association types<td>no CSP T1,"
                + " CSP T2, DPOR or PAL association on an Azure workload in 2024-10..2026-09; needed:"
                + " at least 1 association type<tr class=\"ne\"><td>Net customer adds, Deployments,"
                + " Usage growth<td>Not evaluated<td><td>the gate above was not met");
    // on every page of the partner, the row just above such a row is a gate's not met
    int rows = 0;
    for (String id : java.util.List.of("C0000006", "C0000012", "C0000032", "C0000073")) {
      String page = Markup.quoted(pages.customer(id));
      String[] trs = page.split("<tr ");
      for (int k = 1; k < trs.length; k++) {
        if (trs[k].contains("<td>the gate above was not met")) {
          assertThat(trs[k - 1]).startsWith("class=\"nm\"><td>");
          rows++;
        }
      }
    }
    assertThat(rows).isGreaterThan(3);
  }

  @Test
  void aGateInAnotherBranchIsNotTheGateAbove() {
    java.util.List<CustomerView.Node> nodes =
        java.util.List.of(
            node("g", "gate", "not_met", null), node("m", "metric", "not_evaluated", "x"));
    java.util.List<eligo.ir.Ir.Node> area =
        Runs.run(Path.of("examples/sample-data")).areas.get(0).nodes;
    java.util.List<eligo.ir.Ir.Node> ir = java.util.List.of(area.get(0), area.get(2));
    String why = "not evaluated: gate '" + ir.get(0).title() + "' was not met";
    assertThat(CustomerPage.gateAbove(nodes, ir, java.util.List.of("", ""), 1, why)).isTrue();
    assertThat(CustomerPage.gateAbove(nodes, ir, java.util.List.of("A", "B"), 1, why)).isFalse();
    assertThat(CustomerPage.gateAbove(nodes, ir, java.util.List.of("", ""), 1, why + " (x)"))
        .isTrue();
    assertThat(
            CustomerPage.gateAbove(
                nodes, ir, java.util.List.of("", ""), 1, "not evaluated: gate 'Other' was not met"))
        .isFalse();
  }

  private static CustomerView.Node node(String id, String kind, String status, String why) {
    return new CustomerView.Node(
        id, kind, id, "", status, "0", "", why, null, java.util.List.of(), 0);
  }

  @Test
  void aWhysNamedSetLeadsToTheSummarysListOfThatSet() {
    Outcome whole = Runs.run(Path.of("examples/sample-data"));
    for (SitePages pages :
        java.util.List.of(
            SitePages.partner(Runs.partner(whole, "P003")), SitePages.program(whole))) {
      String summary = Markup.quoted(pages.summary());
      java.util.regex.Matcher link =
          java.util.regex.Pattern.compile(
                  "<a href=\"index\\.html#(set-[0-9]+)\">one of ([0-9]+) named workloads</a>")
              .matcher(
                  Markup.quoted(pages.customer("C0000012"))
                      + Markup.quoted(pages.customer("C0000032")));
      int links = 0;
      while (link.find()) {
        // the anchor lists a set of that size, once on the summary
        assertThat(summary)
            .contains(
                "<p class=\"set\" id=\""
                    + link.group(1)
                    + "\">The "
                    + link.group(2)
                    + " named workloads: ");
        links++;
      }
      assertThat(links).isGreaterThan(2);
    }
  }
}
