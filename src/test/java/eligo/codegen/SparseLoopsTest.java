package eligo.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.interpret.Interpreter;
import eligo.io.DataGenerator;
import eligo.io.DatasetLoader;
import eligo.ir.Ir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated evaluators visit only the data that exists (a tenant's own pairs, a pair's own rows,
 * the customer's workloads, an association's months) where the IR shows that the rest adds nothing.
 * Here they must agree with the interpreter, node by node and customer by customer, on a generated
 * dataset at as-of months before, inside and after its data: for the shipped criteria and for forms
 * where leaving data out would be wrong (a condition true without data, a term that is not 0, a
 * month read at an offset, "every").
 */
class SparseLoopsTest {
  static final List<String> TYPES =
      List.of(
          "PAL",
          "DPOR",
          "CSP T1",
          "CSP T2",
          "CPOR",
          "CPOR RevRec",
          "CPOR OSA",
          "CPOR OSU",
          "CPOR RevRec Performance");

  /**
   * Forms next to the shipped ones; each metric's comment says which loop it must keep or may drop.
   */
  static final String EDGE =
      """
      import "common.criteria"
      workloads AZ = family "Azure"
      workloads MW = "Intune", "EXO", "ProPlus", "SPO", "Teams"
      types SOME = CSP, PAL, CPOR
      types BY_W by workload {
        family "Azure": PAL, DPOR
        otherwise: CSP
      }

      area edge "Edge cases" {
        # true without data: every workload of AZ counts, with data or not
        metric no-usage "No usage" {
          value count workload in AZ where not any tenant, month in window where acr > 0
          met when value >= 1
        }
        # a term that is not 0 without data: every (tenant, workload, month)
        metric plus-one "Plus one" {
          value sum (acr + $1) for tenant, workload in AZ, month in TTM(M)
          met when value > 0
        }
        # a condition true without data
        metric non-negative "Non-negative" {
          value count tenant, workload where acr at M >= $0
          met when value >= 1
        }
        # a month read at an offset: a missing row in m says nothing about m - 12
        metric year-before "Year before" {
          value count tenant where any workload, month m in M - 2 .. M where acr at (m - 12) > $0
          met when value >= 1
        }
        # arithmetic that is 0 without data
        metric seats "Seats" {
          value sum (paid_units * 2 - active_users) for tenant, workload in MW, month in TTM(M)
          met when value > 0
        }
        # every month with a row: months without one hold trivially
        metric all-months "All months" {
          value count tenant, workload in MW where all month in TTM(M) where paid_units >= 0
          met when value >= 1
        }
        # every month, rows or not: a month without a row fails
        metric all-months-positive "All months positive" {
          value count tenant, workload in MW where all month in TTM(M) where paid_units > 0
          met when value >= 1
        }
        # every workload of the tenant: workloads without data hold trivially
        metric quiet-tenants "Quiet tenants" {
          value count tenant where all workload in AZ where acr at M == $0
          met when value >= 1
        }
        # a sum that is 0 without data, compared so that 0 counts
        metric zero-sums "Zero sums" {
          value count workload in AZ where sum acr for tenant, month in window <= $0
          met when value >= 1
        }
        metric any-type "Any type" {
          value count type where any tenant, workload, month in window where associated
          met when value >= 1
        }
        metric csp "CSP" {
          value net count tenant where any workload in AZ, month in window where associated via CSP
          met when value >= 1
        }
        metric started "Started" {
          value count tenant, workload where earliest start via CSP in TTM(M)
          met when value >= 1
        }
        # distinct workloads counted from the tenants' pairs, each once
        metric some-tenant "Some tenant" {
          value count workload in AZ where any tenant, month in window where acr > 0 or revenue > 0
          met when value >= 2
        }
        # true without data: every workload of AZ, with data or not
        metric some-tenant-or-none "Some tenant or none" {
          value count workload in AZ where any tenant, month in TTM(M) where acr >= 0
          met when value >= 1
        }
        metric growth "Growth" {
          value net sum revenue via CSP, DPOR for tenant, workload, month in TTM(M)
          met when value > 0
        }
        # distinct types from the associations of the tenants' pairs, each once, in one pass
        metric types-by-workload "Types by workload" {
          value count type in SOME where any tenant, workload, month in TTM(M) where associated via BY_W
          met when value >= 1
        }
        metric types-at-a-month "Types at a month" {
          value count type where any workload in MW, tenant where associated at (M - 3)
          met when value >= 1
        }
        # nets at M and M-12 in one pass: ranges that overlap (a term computed once for both)
        metric growth-window "Growth over the window" {
          value net sum acr for tenant, workload in AZ, month in window
          met when value > 0
        }
        # a condition read at the as-of month: computed at M and at M-12
        metric growth-now "Growth now" {
          value net count tenant, workload in AZ, month in TTM(M) where acr > $0 and acr at M > $100
          met when value >= 1
        }
        # ranges with months between them: two passes
        metric growth-gap "Growth with a gap" {
          value net sum acr for tenant, workload in AZ, month in M - 1 .. M
          met when value > 0
        }
        # a net inside a condition
        metric growing-tenants "Growing tenants" {
          value count tenant where (net sum acr for workload in AZ, month in TTM(M)) > $0
          met when value >= 1
        }
        # one aggregate per workload from one pass over the tenants' pairs
        metric busy-workloads "Busy workloads" {
          value count workload in AZ where (count tenant, month in TTM(M) where acr > $0) >= 3
          met when value >= 1
        }
        metric big-workloads "Big workloads" {
          value net count workload in AZ where $100 < (sum acr via CSP for tenant, month in TTM(M))
          met when value >= 1
        }
      }
      """;

  @TempDir static Path dir;
  static Dataset data;
  static Ir.Program program;

  @BeforeAll
  static void setUp() throws Exception {
    DataGenerator.generate(dir, 400, 5, TYPES);
    data = DatasetLoader.load(dir, TYPES).dataset();
    Map<String, String> texts = new LinkedHashMap<>();
    try (var files = Files.list(Path.of("criteria"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".criteria")).sorted().toList()) {
        texts.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    texts.put("edge.criteria", EDGE);
    Frontend.Compilation c = Frontend.compile(texts);
    assertThat(c.ok()).as("%s", c.diagnostics()).isTrue();
    program = c.program();
  }

  @Test
  void everyAreaAgreesWithTheInterpreter() {
    Map<String, Function<Dataset, AreaEvaluator>> generated =
        Evaluators.compile(program, "eligo.generated.sparse");
    int[] asOfs = {
      DataGenerator.LAST_MONTH,
      DataGenerator.LAST_MONTH - 7,
      DataGenerator.FIRST_MONTH + 1,
      DataGenerator.FIRST_MONTH - 14,
      DataGenerator.LAST_MONTH + 13
    };
    long nonZero = 0;
    for (Ir.Area area : program.areas()) {
      AreaEvaluator fast = generated.get(area.id()).apply(data);
      AreaEvaluator oracle = new Interpreter(area, data);
      NodeResults a = new NodeResults(area.resultNodes().size(), area.partnerNodes().size());
      NodeResults b = new NodeResults(area.resultNodes().size(), area.partnerNodes().size());
      for (int asOf : asOfs) {
        for (int c = 0; c < data.customerCount(); c++) {
          a.clear();
          b.clear();
          fast.evaluate(c, asOf, a);
          oracle.evaluate(c, asOf, b);
          String where = area.id() + ", customer " + data.customerId(c) + ", as of " + asOf;
          assertThat(a.status).as(where).isEqualTo(b.status);
          assertThat(a.value).as(where).isEqualTo(b.value);
          assertThat(a.current).as(where).isEqualTo(b.current);
          assertThat(a.baseline).as(where).isEqualTo(b.baseline);
          assertThat(a.partnerContribution).as(where).isEqualTo(b.partnerContribution);
          assertThat(a.partnerEvaluated).as(where).isEqualTo(b.partnerEvaluated);
          for (long v : a.value) {
            nonZero += v != 0 ? 1 : 0;
          }
        }
      }
    }
    assertThat(nonZero)
        .as("values that are not 0: the data exercises the criteria")
        .isGreaterThan(10_000);
  }

  @Test
  void everyEdgeNodeTakesSeveralValues() {
    Ir.Area edge = program.area("edge");
    AreaEvaluator oracle = new Interpreter(edge, data);
    int nodes = edge.resultNodes().size();
    List<java.util.Set<Long>> values = new java.util.ArrayList<>();
    for (int i = 0; i < nodes; i++) {
      values.add(new java.util.HashSet<>());
    }
    NodeResults r = new NodeResults(nodes, 0);
    for (int c = 0; c < data.customerCount(); c++) {
      r.clear();
      oracle.evaluate(c, DataGenerator.LAST_MONTH, r);
      for (int i = 0; i < nodes; i++) {
        values.get(i).add(r.value[i]);
      }
    }
    for (int i = 0; i < nodes; i++) {
      assertThat(values.get(i))
          .as("values of %s", edge.resultNodes().get(i).id())
          .hasSizeGreaterThan(1);
    }
  }

  @Test
  void loopsVisitOnlyExistingDataWhereItIsSafe() {
    String source =
        new JavaGenerator().generate(program.area("edge"), "eligo.generated").toString();
    assertThat(method(source, "noUsage"))
        .contains("for (int w = 0; w < data.workloadCount(); w++)")
        .doesNotContain("workloadsOf");
    assertThat(method(source, "plusOne")).doesNotContain("pairStart", "firstRow");
    assertThat(method(source, "nonNegative")).doesNotContain("pairStart");
    assertThat(method(source, "yearBeforeAny")).contains("pairStart").doesNotContain("firstRow");
    assertThat(method(source, "seats")).contains("pairStart", "firstRow");
    assertThat(method(source, "allMonthsEvery")).contains("firstRow");
    assertThat(method(source, "allMonthsPositiveEvery")).doesNotContain("firstRow");
    assertThat(method(source, "quietTenantsEvery")).contains("pairStart");
    assertThat(method(source, "zeroSums")).doesNotContain("workloadsOf");
    assertThat(method(source, "anyType"))
        .contains("pairStart", "assocStart", "countedTypes")
        .doesNotContain("typeCount()");
    assertThat(method(source, "typesByWorkload")).contains("assocStart", "typesByWorkload");
    assertThat(method(source, "typesAtAMonth")).contains("assocStart", "asOf - 3");
    assertThat(method(source, "cspAny")).contains("pairStart", "activeDuring");
    assertThat(method(source, "started")).contains("pairStart");
    assertThat(method(source, "someTenant")).contains("pairStart", "counted");
    assertThat(method(source, "someTenantOrNone"))
        .contains("for (int w = 0; w < data.workloadCount(); w++)")
        .doesNotContain("counted", "workloadsOf");
    assertThat(method(source, "zeroSums")).doesNotContain("sums");
    assertThat(method(source, "busyWorkloads"))
        .contains("pairStart", "sums")
        .doesNotContain("data.pair(");
    assertThat(method(source, "bigWorkloadsAt"))
        .contains("pairStart", "sums")
        .doesNotContain("data.pair(");
  }

  @Test
  void netsAtBothMonthsInOnePassWhereTheRangesMeet() {
    String source =
        new JavaGenerator().generate(program.area("edge"), "eligo.generated").toString();
    assertThat(method(source, "growth"))
        .contains("firstRow(p, asOf - 23)", "sumAtM12", "out.baseline[");
    assertThat(method(source, "growthWindow")).contains("firstRow(p, asOf - 35)", "long term");
    assertThat(method(source, "growthNow")).contains("measure(p, Measure.ACR_USD, asOf - 12)");
    assertThat(source).doesNotContain(" growthGap(int c").contains(" growthGapAt(int c");
    assertThat(method(source, "growingTenantsNet")).contains("sumAtM12");
    String azure =
        new JavaGenerator().generate(program.area("azure"), "eligo.generated").toString();
    // the condition at M and at M-12 calls one helper
    assertThat(method(azure, "netCustomerAdds")).contains("netCustomerAddsAny(c, asOf - 12, t)");
    assertThat(azure).containsOnlyOnce("private boolean netCustomerAddsAny(");
  }

  /** The text of generated method {@code name} (up to the next method). */
  private static String method(String source, String name) {
    int start = source.indexOf(" " + name + "(int c");
    assertThat(start).as("method %s", name).isPositive();
    int end = source.indexOf("\n  }\n", start);
    return source.substring(start, end);
  }
}
