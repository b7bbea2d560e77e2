package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.lang.Diagnostic;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forms that would make a run report another number than the one meant stop it with one error,
 * underlined whole: a binder nothing reads, an 'at' that changes nothing, a 'net' that is always 0.
 */
class QuietlyWrongCheckTest {
  private static Frontend.Compilation compile(String value) {
    return Frontend.compile(
        Map.of(
            "a.criteria",
            """
            workloads AZ = family "Azure"
            association type CSP = "CSP"
            attribute customer segment: text
            area a "A" {
              metric m "M" {
                criteria "A rule"
                value %s
                met when value >= 1
              }
            }
            """
                .formatted(value)));
  }

  /** The one error of {@code value}: where it starts, what it underlines, and its message. */
  private static String error(String value) {
    Frontend.Compilation c = compile(value);
    assertThat(c.ok()).as(value).isFalse();
    List<Diagnostic> errors = c.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertThat(errors).as(value).hasSize(1);
    Diagnostic d = errors.get(0);
    String line = "    value " + value;
    int from = d.span().column() - 1;
    return d.span().where()
        + " '"
        + line.substring(from, from + d.span().length())
        + "' "
        + d.message();
  }

  @Test
  void aBinderNothingReadsIsAnError() {
    assertThat(error("sum acr at M for tenant, workload in AZ, month in TTM(M)"))
        .startsWith("a.criteria:7:52 'month in TTM(M)' nothing in this 'sum' reads the month")
        .contains("so the sum adds the same amount once for each of its months");
    assertThat(
            error("count tenant where any tenant, workload in AZ, month in TTM(M) where acr > 0"))
        .startsWith("a.criteria:7:17 'tenant' nothing in this 'count' reads the tenant");
    assertThat(error("sum acr for tenant, workload in AZ, type in CSP, month in TTM(M)"))
        .startsWith(
            "a.criteria:7:47 'type in CSP' nothing in this 'sum' reads the association type");
  }

  @Test
  void anAtThatChangesNothingIsAnError() {
    assertThat(error("(sum acr for tenant, workload in AZ, month in TTM(M)) at (M - 12)"))
        .startsWith("a.criteria:7:65 'at (M - 12)' 'at (M - 12)' changes nothing here")
        .contains("so it is the same at any month");
  }

  @Test
  void aNetThatIsAlwaysZeroIsAnError() {
    assertThat(error("net count tenant"))
        .startsWith("a.criteria:7:11 'net count tenant' 'net' is this value as of M less")
        .contains("so it is 0 for every customer");
  }

  @Test
  void theFormsAsMeantPass() {
    for (String value :
        List.of(
            "sum acr for tenant, workload in AZ, month in TTM(M)",
            "sum acr at (M - 12) for tenant, workload in AZ",
            "net sum acr for tenant, workload in AZ, month in TTM(M)",
            "sum acr for tenant, workload in AZ, type in CSP, month in TTM(M) where associated",
            "count tenant where segment == \"Enterprise\"")) {
      Frontend.Compilation c = compile(value);
      assertThat(c.diagnostics()).as(value).noneMatch(Diagnostic::isError);
      assertThat(c.ok()).as(value).isTrue();
    }
  }
}
