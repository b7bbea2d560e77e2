package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.ir.Ir;
import eligo.lang.Formatter;
import eligo.lang.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Attributes of customers and tenants ({@code attribute customer segment: text}): texts compared
 * with ==, != and 'in (...)' where a customer (or a tenant) is in scope; each mistake at its line
 * and column. Also the parts' texts that 'and', 'or' and 'not' keep for explanations.
 */
class AttributeCheckTest {
  private static String text(String met) {
    return """
        attribute customer segment: text
        attribute tenant country: text
        workloads CLOUD = family "Azure"
        area a "A" {
          metric m "M" {
            criteria "A rule"
            value sum acr for tenant, workload in CLOUD, month in TTM(M)
            met when %s
          }
        }
        """
        .formatted(met);
  }

  private static Frontend.Compilation compile(String met) {
    return Frontend.compile(Map.of("a.criteria", text(met)));
  }

  private static List<String> errors(String met) {
    return compile(met).diagnostics().stream()
        .filter(d -> d.isError())
        .map(d -> d.span().where() + ": " + d.message())
        .toList();
  }

  private static Ir.Expr met(String met) {
    Frontend.Compilation c = compile(met);
    assertThat(c.ok()).as(c.diagnostics().toString()).isTrue();
    return c.program().areas().get(0).resultNodes().get(0).met();
  }

  @Test
  void theProgramListsTheDeclaredAttributes() {
    Frontend.Compilation c = compile("value > $0");
    assertThat(c.program().attributes())
        .containsExactly(
            new Ir.Attribute(Ir.Owner.CUSTOMER, "segment"),
            new Ir.Attribute(Ir.Owner.TENANT, "country"));
    assertThat(c.program().attributeColumns(Ir.Owner.TENANT)).containsExactly("country");
    // a declared attribute that no rule uses is no warning: it binds the data all the same
    assertThat(c.diagnostics()).isEmpty();
  }

  @Test
  void equalsNotEqualsAndInBecomeOneTestOfTheValues() {
    assertThat(met("segment == \"Enterprise\""))
        .isEqualTo(
            new Ir.AttributeIn(
                new Ir.Attribute(Ir.Owner.CUSTOMER, "segment"),
                null,
                List.of("Enterprise"),
                false));
    assertThat(met("\"SMB\" != segment"))
        .isEqualTo(
            new Ir.AttributeIn(
                new Ir.Attribute(Ir.Owner.CUSTOMER, "segment"), null, List.of("SMB"), true));
    Ir.Expr in = met("any tenant where country in (\"DE\", \"FR\", \"\")");
    Ir.AttributeIn test = (Ir.AttributeIn) ((Ir.Exists) in).where();
    assertThat(test.values()).containsExactly("DE", "FR", "");
    assertThat(test.tenant()).isEqualTo(((Ir.Exists) in).binders().get(0).var());
  }

  @Test
  void mistakesAreErrorsAtTheirPlace() {
    assertThat(errors("segment > \"A\""))
        .containsExactly(
            "a.criteria:8:22: an attribute is a text: compare it with == or != (or 'in (...)'),"
                + " not >");
    assertThat(errors("segment == 1"))
        .containsExactly(
            "a.criteria:8:22: a text is compared with an attribute ('segment == \"Enterprise\"');"
                + " here it is the customer attribute 'segment' (a text) and a number");
    assertThat(errors("country == \"DE\""))
        .containsExactly(
            "a.criteria:8:14: tenant attribute 'country' needs a tenant: add it with 'for'/'where'"
                + " (e.g. 'sum ... for tenant, workload in X, month in TTM(M)') or 'at M'");
    assertThat(errors("segment in TTM(M)"))
        .containsExactly(
            "a.criteria:8:25: 'in' after an attribute takes texts: 'segment in (\"Enterprise\","
                + " \"Corporate\")'; this is a range of months");
    assertThat(errors("segment == (\"A\", \"B\")"))
        .containsExactly(
            "a.criteria:8:22: '==' compares with one text; for several write 'segment in (...)'");
  }

  @Test
  void aPartnerRuleJudgesItsTotalWithoutACustomer() {
    String text =
        """
        attribute customer segment: text
        area a "A" {
          metric m "M" {
            value count tenant
            met when value >= 1
            partner {
              value count customer where segment == "Enterprise"
              met when value >= 2 and segment == "Enterprise"
            }
          }
        }
        """;
    List<String> errors =
        Frontend.compile(Map.of("a.criteria", text)).diagnostics().stream()
            .filter(d -> d.isError())
            .map(d -> d.span().where() + ": " + d.message())
            .toList();
    // per customer (the count's 'where') it is allowed; in the partner's 'met when' it is not
    assertThat(errors)
        .containsExactly(
            "a.criteria:8:31: 'segment' is an attribute of each customer; a partner rule's 'met"
                + " when' judges the partner's total (use it in 'count customer where ...')");
  }

  @Test
  void anAttributeIsDeclaredAtTheTopOfAFile() {
    String text =
        """
        area a "A" {
          attribute customer segment: text
          metric m "M" {
            value count tenant
            met when value >= 1 and segment == "X"
          }
        }
        """;
    assertThat(
            Frontend.compile(Map.of("a.criteria", text)).diagnostics().stream()
                .filter(d -> d.isError())
                .map(d -> d.span().where() + ": " + d.message())
                .toList())
        .containsExactly(
            "a.criteria:2:3: declare customer attribute 'segment' at the top of a file, outside"
                + " areas: the data are read with it for every area");
  }

  @Test
  void andOrAndNotKeepTheirPartsTextsForExplanations() {
    Ir.And and = (Ir.And) met("segment == \"A\" and value >= $10 and not segment == \"B\"");
    assertThat(and.rightLabel()).isEqualTo("not segment == \"B\"");
    assertThat(((Ir.And) and.left()).leftLabel()).isEqualTo("segment == \"A\"");
    assertThat(((Ir.And) and.left()).rightLabel()).isEqualTo("value >= $10");
    Ir.Or or = (Ir.Or) met("(value >= $1 and value < $5) or segment in (\"A\", \"B\")");
    assertThat(or.leftLabel()).isEqualTo("(value >= $1 and value < $5)");
    assertThat(or.rightLabel()).isEqualTo("segment in (\"A\", \"B\")");
  }

  @Test
  void theFormatterLaysOutTheNewForms() {
    String messy =
        "attribute   customer  segment :text\n"
            + "area a \"A\" {\n"
            + "  metric m \"M\" {\n"
            + "    value count tenant\n"
            + "    met when segment in ( \"A\" ,\"B\" ) and segment!=\"\"\n"
            + "  }\n"
            + "}\n";
    String formatted = Formatter.format(new SourceFile("a.criteria", messy)).text();
    assertThat(formatted)
        .contains("attribute customer segment: text\n")
        .contains("met when segment in (\"A\", \"B\") and segment != \"\"\n");
  }
}
