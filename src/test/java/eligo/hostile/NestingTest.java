package eligo.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.editor.LanguageService;
import eligo.editor.Problem;
import eligo.editor.Workspace;
import eligo.hostile.Hostile.Ran;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Criteria nested absurdly deep (700 parentheses overflowed the stack in check, 400 in fmt) end in
 * an error at the token that goes too deep, exit 3, in check, run, fmt and the editor.
 */
class NestingTest {
  @TempDir Path dir;

  private static String parens(int n) {
    return "(".repeat(n) + "sum acr for tenant, workload, month in window" + ")".repeat(n);
  }

  @Test
  void deepParenthesesAreALocatedErrorInCheckRunAndFmt() {
    Path folder = Hostile.criteria(dir, "deep", Hostile.metric("", parens(300)));
    String file = folder.resolve("x.criteria").toString();
    for (String[] command :
        List.of(
            new String[] {"check", "--criteria", folder.toString()},
            new String[] {"fmt", "--check", file},
            new String[] {
              "run", "--criteria", folder.toString(), "--data", "examples/sample-data", "-q"
            })) {
      Ran r = Hostile.run(command);
      assertThat(r.code()).as(String.join(" ", command)).isEqualTo(3);
      // column of the 101st '(' on "    value (((..."
      assertThat(r.err()).contains(file + ":4:111: error: nested too deeply").contains("^");
      assertThat(r.err()).doesNotContain("Exception").doesNotContain("overflow");
    }
  }

  @Test
  void sevenHundredParenthesesAreRefusedBeforeTheParserReadsThem() {
    Path folder = Hostile.criteria(dir, "deeper", Hostile.metric("", parens(700)));
    Ran r = Hostile.run("check", "--criteria", folder.toString());
    assertThat(r.code()).isEqualTo(3);
    // the 401st '('
    assertThat(r.err()).contains("x.criteria:4:411: error: too deep to read: more than 400");
  }

  @Test
  void nestingJustUnderTheLimitIsChecked() {
    Path folder = Hostile.criteria(dir, "fine", Hostile.metric("", parens(95)));
    Ran r = Hostile.run("check", "--criteria", folder.toString());
    assertThat(r.err()).doesNotContain("error");
    assertThat(r.code()).isZero();
  }

  @Test
  void everyWayOfNestingIsBounded() {
    String[] values = {
      "1 + count tenant where " + "not ".repeat(5000) + "acr at M > 0",
      "- ".repeat(5000) + "1",
      "count tenant where " + "acr at M > 0 and count tenant where ".repeat(5000) + "acr at M > 0",
      "count tenant where " + "value > 0 and count tenant where ".repeat(5000) + "acr at M > 0",
      "sum ".repeat(3000) + "acr" + " for tenant".repeat(3000),
      "5% of ".repeat(3000) + "acr",
      "count tenant where " + "acr at M > 0 and count tenant where ".repeat(150) + "acr at M > 0",
    };
    for (String value : values) {
      Path folder = Hostile.criteria(dir, "v" + value.length(), Hostile.metric("", value));
      Ran r = Hostile.run("check", "--criteria", folder.toString());
      assertThat(r.code()).as(value.substring(0, 40)).isEqualTo(3);
      assertThat(r.err()).containsPattern("x\\.criteria:4:\\d+: error: (nested|too deep)");
    }
    String partner = "    partner {\n".repeat(5000) + "    }\n".repeat(5000);
    Path folder =
        Hostile.criteria(dir, "partner", Hostile.metric("", "1\n" + partner).replace("\n\n", "\n"));
    Ran r = Hostile.run("check", "--criteria", folder.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("nested too deeply");
  }

  @Test
  void aLongChainOfOneOperatorIsALocatedErrorAndFiveHundredOperandsAreFine() {
    // 2,000 terms overflowed the stack in check ('nests too deeply ... (stack overflow)', exit 5,
    // no place); 200,000 ran for minutes
    String[] values = {
      "1" + " + 1".repeat(2000),
      "1" + " * 1".repeat(2000),
      "count tenant where acr at M > 0" + " and acr at M > 0".repeat(2000),
      "count tenant where acr at M > 0" + " or acr at M > 0".repeat(2000),
      "1" + " + 1".repeat(200_000),
    };
    for (String value : values) {
      Path folder = Hostile.criteria(dir, "c" + value.length(), Hostile.metric("", value));
      Ran r = Hostile.run("check", "--criteria", folder.toString());
      assertThat(r.code()).as(value.substring(0, 40)).isEqualTo(3);
      assertThat(r.err())
          .containsPattern("x\\.criteria:4:\\d+: error: too long: more than 500 operands")
          .doesNotContain("overflow");
    }
    Path fine = Hostile.criteria(dir, "fine500", Hostile.metric("", "1" + " + 1".repeat(499)));
    Ran r = Hostile.run("check", "--criteria", fine.toString());
    assertThat(r.err()).doesNotContain("error");
    assertThat(r.code()).isZero();
  }

  @Test
  void theEditorShowsTheErrorAtItsPlace() {
    Path folder = Hostile.criteria(dir, "editor", Hostile.metric("", parens(300)));
    Path file = folder.resolve("x.criteria").toAbsolutePath();
    LanguageService service = new LanguageService(new Workspace(), null);
    List<Problem> problems = service.diagnostics(file).get(file);
    assertThat(problems)
        .anySatisfy(
            p -> {
              assertThat(p.message()).startsWith("nested too deeply");
              assertThat(p.range().startLine()).isEqualTo(4);
            });
    assertThat(service.format(file).problems()).isNotEmpty();
    assertThat(service.symbols(file)).isEmpty();
  }
}
