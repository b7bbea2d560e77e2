package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.ir.Ir;
import eligo.lang.Ast;
import eligo.testing.ShippedCriteria;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Texts show the values of their rule; the lint warns where a text states one the rule lacks. */
class TextValuesTest {
  private static Frontend.Compilation compile(Map<String, String> texts) {
    return Frontend.compile(texts);
  }

  private static String text(Frontend.Compilation c, String area, String node) {
    for (Ir.Area a : c.program().areas()) {
      if (a.id().equals(area)) {
        for (Ir.Branch b : a.branches()) {
          for (Ir.Node n : b.nodes()) {
            if (n.id().equals(node)) {
              return n.criteria();
            }
            for (Ir.Node l : n.leaves()) {
              if (l.id().equals(node)) {
                return l.criteria();
              }
            }
          }
        }
      }
    }
    throw new AssertionError(area + " " + node);
  }

  private static List<String> warnings(Frontend.Compilation c) {
    return c.diagnostics().stream()
        .filter(d -> !d.isError())
        .map(d -> d.span().where() + ": " + d.message())
        .toList();
  }

  @Test
  void theShippedCriteriaShowTheValuesTheirRulesUse() {
    Frontend.Compilation c = compile(ShippedCriteria.texts());
    assertThat(c.diagnostics()).isEmpty();
    assertThat(text(c, "azure", "net-customer-adds"))
        .isEqualTo(
            "Net qualified tenants: at least 1 for this customer (a tenant qualifies with $1,000"
                + " of attributed ACR in one of the last two months)");
    assertThat(text(c, "security", "azure.deployments"))
        .isEqualTo(
            "Net deployment tenants ($12,000 of PAL-attributed ACR in the last 12 months): at"
                + " least 1");
    assertThat(text(c, "security", "m365.deployments"))
        .isEqualTo(
            "Net deployment tenants (qualifying, with 15% of paid units active): at least 1");
    assertThat(text(c, "bizapps-enterprise", "performance.net-customer-adds"))
        .contains("above $1,500): at least 1");
    assertThat(text(c, "modern-work-smb", "pau"))
        .isEqualTo(
            "Tenant workloads with > 10 and <= 300 paid available units this month: at least 1");
  }

  @Test
  void associationTypesShowAsAReadersListOfAnyOfThem() {
    Frontend.Compilation c = compile(ShippedCriteria.texts());
    // association_types = CSP, CPOR: either counts
    assertThat(text(c, "modern-work-smb", "association"))
        .isEqualTo("A CSP or CPOR association on a Modern Work workload in the last 24 months");
    assertThat(text(c, "modern-work-enterprise", "association"))
        .isEqualTo("A CPOR or DPOR association on a Modern Work workload in the last 24 months");
    assertThat(TextValues.anyOf(List.of("PAL"))).isEqualTo("PAL");
    assertThat(TextValues.anyOf(List.of("CSP", "DPOR", "PAL"))).isEqualTo("CSP, DPOR or PAL");
  }

  @Test
  void aChangedValueChangesTheTextThatShowsIt() {
    Frontend.Compilation c =
        compile(
            ShippedCriteria.with(
                "azure.criteria",
                "define qualifying_acr = $1000",
                "define qualifying_acr = $1500.5"));
    assertThat(c.diagnostics()).isEmpty();
    assertThat(text(c, "azure", "net-customer-adds")).contains("qualifies with $1,500.50 of");
  }

  @Test
  void aTextStatingAnAmountTheRuleDoesNotUseIsWarnedAbout() {
    Frontend.Compilation c =
        compile(
            ShippedCriteria.with(
                "azure.criteria",
                "qualifies with {qualifying_acr} of",
                "qualifies with $1,500 of"));
    assertThat(warnings(c))
        .singleElement()
        .asString()
        .matches(
            "criteria/azure\\.criteria:\\d+:\\d+: this text states \\$1,500, but the rule uses no"
                + " such amount: .*");
    // the same amount as the rule's, written by hand, is no drift
    assertThat(
            warnings(
                compile(
                    ShippedCriteria.with(
                        "azure.criteria",
                        "qualifies with {qualifying_acr} of",
                        "qualifies with $1,000 of"))))
        .isEmpty();
  }

  @Test
  void percentagesCountsAndPeriodsAreChecked() {
    assertThat(
            TextDrift.drifts(
                "40% of 25 seats in the last 24 months, Microsoft 365, CSP T1",
                List.of(
                    new Ir.Const(4, 1),
                    new Ir.Const(25, 0),
                    new Ir.Sum(
                        List.of(
                            new Ir.ForMonth(
                                new Ir.Var(1, Ir.Dim.MONTH, "m"),
                                new Ir.MonthRange(new Ir.AsOf(-23), new Ir.AsOf(0)))),
                        null,
                        new Ir.Const(1, 0)))))
        .isEmpty();
    assertThat(
            TextDrift.drifts("15% of 26 seats in the last 12 months", List.of(new Ir.Const(4, 1))))
        .extracting(TextDrift.Drift::stated)
        .containsExactly("15%", "26", "12 months");
  }

  @Test
  void aPlaceholderForNothingShowableIsWarnedAbout() {
    Frontend.Compilation c =
        compile(
            ShippedCriteria.with(
                "azure.criteria",
                "qualifies with {qualifying_acr} of",
                "qualifies with {AZURE_TYPE} of"));
    assertThat(warnings(c))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("'{AZURE_TYPE}' in this text names nothing")
                    .contains("did you mean '{AZURE_TYPES}'?"));
  }

  @Test
  void numbersAreShownForReaders() {
    assertThat(TextValues.number(new BigDecimal("1000"), Ast.LiteralKind.MONEY))
        .isEqualTo("$1,000");
    assertThat(TextValues.number(new BigDecimal("0.5"), Ast.LiteralKind.MONEY)).isEqualTo("$0.50");
    assertThat(TextValues.number(new BigDecimal("1234567.25"), Ast.LiteralKind.MONEY))
        .isEqualTo("$1,234,567.25");
    // finer than a cent is an error where it is written; showing it must not fail
    assertThat(TextValues.number(new BigDecimal("1000.005"), Ast.LiteralKind.MONEY))
        .isEqualTo("$1,000.005");
    assertThat(TextValues.number(new BigDecimal("2500"), Ast.LiteralKind.NUMBER))
        .isEqualTo("2,500");
    assertThat(TextValues.number(new BigDecimal("0.2"), Ast.LiteralKind.NUMBER)).isEqualTo("0.2");
    assertThat(TextValues.number(new BigDecimal("0.40"), Ast.LiteralKind.PERCENT)).isEqualTo("40%");
    assertThat(TextValues.number(new BigDecimal("-10"), Ast.LiteralKind.NUMBER)).isEqualTo("-10");
  }
}
