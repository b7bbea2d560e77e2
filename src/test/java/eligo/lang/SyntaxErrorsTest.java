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
}
