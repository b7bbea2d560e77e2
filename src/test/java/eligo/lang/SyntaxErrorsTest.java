package eligo.lang;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.cases.CaseParsing;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words a syntax error uses for what it expected. */
class SyntaxErrorsTest {
  @Test
  void aBinderMonthIsTheWordMonthNotAMonthOfTheCaseFiles() {
    String text =
        "area a \"A\" {\n"
            + "  metric m \"M\" {\n"
            + "    criteria \"c\"\n"
            + "    value sum acr for\n"
            + "    met when value > 0\n"
            + "  }\n"
            + "}\n";
    List<Diagnostic> errors =
        CriteriaParsing.parse(new SourceFile("a.criteria", text)).diagnostics();
    assertThat(errors).isNotEmpty();
    // before: "expected 'type' or 'workload' or 'tenant' or a month (YYYY-MM) or 'customer'",
    // where no month YYYY-MM can stand
    assertThat(errors.get(0).message())
        .contains("'month'")
        .doesNotContain("YYYY-MM")
        .contains("after 'for'");
    // in a case file, a month is a YYYY-MM still
    String cases = "case \"c\" {\n  usage T1 \"W\" acr 5\n}\n";
    assertThat(CaseParsing.parse(new SourceFile("a.cases", cases)).diagnostics())
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.contains("a month (YYYY-MM)"));
  }

  /** The first error of azure.criteria with {@code from} replaced by {@code to}. */
  private static Diagnostic firstError(String from, String to) throws Exception {
    String text = java.nio.file.Files.readString(java.nio.file.Path.of("criteria/azure.criteria"));
    assertThat(text).contains(from);
    List<Diagnostic> errors =
        CriteriaParsing.parse(new SourceFile("azure.criteria", text.replace(from, to)))
            .diagnostics();
    assertThat(errors).as(errors.toString()).hasSize(1);
    return errors.get(0);
  }

  @Test
  void anUnquotedCriteriaTextWithAPlaceholderIsOneError() throws Exception {
    // before: the '{met}' read as a block, and the area closed early ('unexpected 'metric':
    // a metric belongs inside an area') at line 38 as a second error
    Diagnostic d =
        firstError(
            "criteria \"Net qualified tenants: at least {met} for this customer (a tenant"
                + " qualifies with {qualifying_acr} of attributed ACR in one of the last two"
                + " months)\"",
            "criteria Net qualified tenants: at least {met} for this customer");
    assertThat(d.message())
        .isEqualTo(
            "a node's criteria text is written in quotes: criteria \"Net qualified tenants: at"
                + " least {met} for this customer\"");
    assertThat(d.span().line()).isEqualTo(30);
    // the words run to the end of the file, no line break after them: the parse ends (it once
    // looped at the end of the file), and the blocks left open are said
    String text = "area a \"A\" {\n  metric m \"M\" {\n    criteria at least {met";
    List<Diagnostic> errors =
        CriteriaParsing.parse(new SourceFile("a.criteria", text)).diagnostics();
    assertThat(errors)
        .extracting(Diagnostic::message)
        .anyMatch(m -> m.startsWith("expected '}' to close metric 'm'"));
  }

  @Test
  void aLineLeftAfterItsFirstWordIsSaidWhereItEnds() throws Exception {
    String value =
        "    value count workload in AZURE where any tenant, month in window where acr > 0\n";
    // before: "unexpected 'met'; expected a value" at the next line's first word
    Diagnostic d = firstError(value, "    value\n");
    assertThat(d.message()).isEqualTo("expected a value after 'value' at the end of the line");
    assertThat(d.span().line()).isEqualTo(17);
    assertThat(d.span().column()).isEqualTo(5);
    Diagnostic count = firstError(value, "    value count\n");
    assertThat(count.message()).endsWith("after 'count' at the end of the line");
    assertThat(count.span().line()).isEqualTo(17);
    Diagnostic met =
        firstError(
            "    met when value >= 1\n  }\n\n  gate association",
            "    met\n  }\n\n  gate association");
    assertThat(met.message()).isEqualTo("expected 'when' after 'met' at the end of the line");
    assertThat(met.span().line()).isEqualTo(18);
    // a condition left at its operator, the next line a node's 'met when': said at the '>'
    Diagnostic half = firstError("where acr > 0\n    met when", "where acr >\n    met when");
    assertThat(half.message()).isEqualTo("expected a value after '>' at the end of the line");
    assertThat(half.span().line()).isEqualTo(17);
  }

  @Test
  void aLineLeftAtAWordThatNeedsMoreIsSaidAfterThatWord() throws Exception {
    String value =
        "    value count workload in AZURE where any tenant, month in window where acr > 0\n";
    // before: "unexpected 'where'", as if the word were wrong rather than the line short
    Diagnostic where = firstError(value, "    value count workload in AZURE where\n");
    assertThat(where.message())
        .isEqualTo("expected a condition after 'where' at the end of the line");
    assertThat(where.span().line()).isEqualTo(17);
    assertThat(where.span().column()).isEqualTo(35);
    // and with a blank line before the next line, as a half-written rule is left
    Diagnostic blank = firstError(value, "    value count workload in AZURE where\n\n");
    assertThat(blank.message()).isEqualTo(where.message());
    // before: "unexpected ','"
    Diagnostic comma =
        firstError(
            "for tenant, workload in AZURE, month in TTM(M)\n", "for tenant, workload in AZURE,\n");
    assertThat(comma.message())
        .isEqualTo("expected the next item of the list after ',' at the end of the line");
    assertThat(comma.span().line()).isEqualTo(49);
  }
}
