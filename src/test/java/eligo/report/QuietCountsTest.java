package eligo.report;

import static eligo.report.Runs.write;
import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.engine.Outcome;
import eligo.ir.Ir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nodes whose view, when their count found nothing, the explainer takes from the outcome
 * ({@link QuietCounts}): only counts of associations alone, and their views those of the full
 * explanation.
 */
class QuietCountsTest {
  @TempDir Path tmp;

  @Test
  void onlyACountOfAssociationsAloneIsQuietAndItsViewIsTheFullExplanations() throws Exception {
    Path criteria = tmp.resolve("criteria");
    Files.createDirectories(criteria);
    write(
        criteria,
        "probe.criteria",
        String.join(
            "\n",
            "association type PAL = \"PAL\"",
            "association type DPOR = \"DPOR\"",
            "workloads CLOUD = family \"Azure\"",
            "area probe \"Probe\" {",
            "  metric any-type \"Associated\" {",
            "    criteria \"c\"",
            "    details per workload",
            "    value count type where any tenant, workload in CLOUD where associated at M",
            "    met when value >= 1",
            "  }",
            "  metric either \"Either\" {",
            "    criteria \"c\"",
            "    details per workload",
            "    value net count tenant, workload in CLOUD",
            "      where (associated via PAL or associated via DPOR) at M",
            "    met when value >= 1",
            "  }",
            "  metric not-associated \"Not associated\" {",
            "    criteria \"c\"",
            "    details per workload",
            "    value count type where any tenant, workload in CLOUD where not associated at M",
            "    met when value >= 1",
            "  }",
            "  metric both \"Both\" {",
            "    criteria \"c\"",
            "    details per workload",
            "    value count type where any tenant, workload in CLOUD",
            "      where (associated and paid_units > 0) at M",
            "    met when value >= 1",
            "  }",
            "  metric paid \"Paid\" {",
            "    criteria \"c\"",
            "    details per workload",
            "    value count tenant, workload in CLOUD where paid_units at M > 0",
            "    met when value >= 1",
            "  }",
            "}",
            ""));
    Frontend.Compilation c = Frontend.compileFolder(criteria);
    assertThat(c.ok()).as("%s", c.diagnostics()).isTrue();
    Map<String, Boolean> quiet = new TreeMap<>();
    for (Ir.Node n : c.program().areas().get(0).resultNodes()) {
      quiet.put(n.id(), QuietCounts.quietWhenNone(n));
    }
    assertThat(quiet)
        .isEqualTo(
            Map.of(
                "any-type", true,
                "either", true,
                "not-associated", false,
                "both", false,
                "paid", false));

    // C1: both types on its workload (associations everywhere: 'not associated' holds nowhere,
    // and what it found is a details row); C2: no association (the quiet counts find nothing)
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    write(data, "customers.csv", "partner_id,customer_id,customer_name\nP1,C1,Both\nP1,C2,None\n");
    write(data, "tenants.csv", "customer_id,tenant_id,tenant_name\nC1,T1,t1\nC2,T2,t2\n");
    write(data, "workloads.csv", "workload,family\nAzure A,Azure\n");
    write(
        data,
        "associations.csv",
        "tenant_id,workload,association_type,start_month,end_month\n"
            + "T1,Azure A,PAL,2025-01,\nT1,Azure A,DPOR,2025-01,\n");
    write(
        data,
        "usage.csv",
        "tenant_id,workload,month,acr_usd,revenue_usd,paid_units,active_users,protected_users\n"
            + "T1,Azure A,2026-09,,,0,,\nT2,Azure A,2026-09,,,5,,\n");
    Dataset d =
        eligo.io.DatasetLoader.load(data, c.program().associationTypes(), eligo.io.Mode.STRICT)
            .dataset();
    Outcome o =
        eligo.engine.Evaluation.run(
            c.program(),
            eligo.engine.Engine.interpreters(c.program()),
            d,
            d.latestUsageMonth(),
            1,
            eligo.engine.Evaluation.Progress.NONE);
    Explainer site = Explainer.forSite(o);
    int notMet = 0;
    for (int k = 0; k < d.customerCount(); k++) {
      List<CustomerView.Node> full = site.explain(k).areas().get(0).nodes();
      List<CustomerView.Node> fast = site.explainNotMet(k).areas().get(0).nodes();
      for (int i = 0; i < full.size(); i++) {
        if (!full.get(i).status().equals("met")) {
          notMet++;
          assertThat(fast.get(i)).isEqualTo(full.get(i));
        }
      }
    }
    // C1: not-associated (with its rows), both, paid; C2: any-type, either, not-associated, both
    assertThat(notMet).isEqualTo(7);
    CustomerView.Node found = Runs.node(site.explainNotMet(0), "probe", "not-associated");
    assertThat(found.details()).isNotEmpty();
  }
}
