package eligo.report;

import static eligo.report.Runs.cli;
import static eligo.report.Runs.explain;
import static eligo.report.Runs.write;
import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A derived measure's own name in the why, the qualifying words and the cells, for a quantity
 * ({@code consumption_value}, made of active users) and for money ({@code half_acr}, made of ACR):
 * on the sample data and on hand-made data, so these run without the shared conformance sets.
 */
class DerivedMeasureWordsTest {
  @TempDir Path tmp;

  @Test
  void aComparisonOfADerivedMeasureNamesTheMeasureNotWhatItIsMadeOf() {
    // Business Applications' deployments compare consumption value (active users times a rate)
    // with 5,000 or 10,000: the why, its qualifying words and the cells say consumption value;
    // active users read for it were 100 times too small for Business Central, 5 for Power Apps
    Outcome o = Runs.run(Path.of("examples/sample-data"));
    Explainer explainer = new Explainer(o);
    int closest = 0;
    int cells = 0;
    for (int c = 0; c < o.data.customerCount(); c++) {
      CustomerView v = explainer.explain(c);
      for (String area : List.of("bizapps-smb", "bizapps-enterprise")) {
        CustomerView.Node n = Runs.node(v, area, "customer-success.deployments");
        if (!"not_met".equals(n.status())) {
          continue;
        }
        assertThat(n.why()).doesNotContain("active users");
        if (n.why().contains("the highest was")) {
          closest++;
          assertThat(n.why())
              .contains("consumption value attributed via")
              .containsPattern(
                  "with [0-9,.]+ consumption value as of [0-9-]+ \\(needed: at least"
                      + " (5,000|10,000) consumption value\\)");
        }
        for (CustomerView.Detail d : n.details()) {
          assertThat(d.now()).doesNotContain("active users");
          cells += d.now().contains("consumption value") ? 1 : 0;
        }
      }
    }
    assertThat(closest).isGreaterThan(10);
    assertThat(cells).isGreaterThan(10);
  }

  @Test
  void aDerivedMeasureOfMoneyIsNamedByItsOwnNameAndShownAtItsExtraPlaces() throws IOException {
    // money times 0.5 has three decimal places: $7,500.000 and $0.125 are shown, not refused as
    // amounts to round, and the why names half_acr, not the ACR it is made of
    Path criteria = tmp.resolve("half");
    Files.createDirectories(criteria);
    write(
        criteria,
        "half.criteria",
        String.join(
            "\n",
            "association type PAL = \"PAL\"",
            "workloads CLOUD = family \"Azure\"",
            "measure half_acr = acr * 0.5",
            "area half \"Half\" {",
            "  metric half \"Half ACR\" {",
            "    criteria \"Half of the ACR via PAL at M: at least {met}\"",
            "    details per tenant",
            "    value sum half_acr via PAL for tenant, workload in CLOUD at M",
            "    met when value >= $10000",
            "  }",
            "}",
            ""));
    Path data = tmp.resolve("half-data");
    Files.createDirectories(data);
    write(data, "customers.csv", "partner_id,customer_id,customer_name\nP1,C1,One\nP1,C2,Two\n");
    write(data, "tenants.csv", "customer_id,tenant_id,tenant_name\nC1,T1,t1\nC2,T2,t2\n");
    write(data, "workloads.csv", "workload,family\nAzure A,Azure\n");
    write(
        data,
        "associations.csv",
        "tenant_id,workload,association_type,start_month,end_month\n"
            + "T1,Azure A,PAL,2025-01,\nT2,Azure A,PAL,2025-01,\n");
    write(
        data,
        "usage.csv",
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n"
            + "T1,Azure A,2026-09,15000.00,,,,\nT2,Azure A,2026-09,0.25,,,,\n");
    for (String engine : List.of("generated", "interpret")) {
      assertThat(explain(criteria, data, engine, "C1"))
          .contains(
              "  half  not met  $7,500.00\n",
              "why: half acr attributed via PAL: $7,500.00 in 2026-09; needed: at least"
                  + " $10,000.00");
    }
    Path site = tmp.resolve("half-site");
    cli(
        "report",
        "--criteria",
        criteria.toString(),
        "--data",
        data.toString(),
        "--out",
        site.toString());
    String results = Files.readString(site.resolve("results.csv"));
    assertThat(results).contains("P1,C1,One,not_met,7500\n", "P1,C2,Two,not_met,0.125\n");
    String pages;
    try (var files = Files.list(site)) {
      pages =
          files
              .filter(f -> f.getFileName().toString().matches("c[0-9]+-[0-9]+\\.html"))
              .map(
                  f -> {
                    try {
                      return Files.readString(f);
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  })
              .collect(java.util.stream.Collectors.joining());
    }
    assertThat(pages).contains("$7,500.00", "$0.125", "half acr attributed via PAL");
  }
}
