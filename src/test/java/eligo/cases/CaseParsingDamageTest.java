package eligo.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.lang.Diagnostic;
import eligo.lang.ParseDamage;
import eligo.lang.SourceFile;
import eligo.lang.antlr.CasesLexer;
import eligo.lang.antlr.CasesParser.AsOfContext;
import eligo.lang.antlr.CasesParser.CaseDeclContext;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * A case file with a syntax error gives located syntax diagnostics and the cases it can still read;
 * a failure to build a case that no syntax error touched is a bug, and is thrown rather than taken
 * for a hole left by a syntax error (which would silently drop the case).
 */
class CaseParsingDamageTest {
  static final String VALID =
      """
      as of 2026-08
      workloads "Azure SQL Database" family "Azure"

      case "one" {
        intent "1000.00 qualifies"
        customer C1
        tenant T1
        usage T1 "Azure SQL Database" 2026-08 acr 1000
        expect azure net-customer-adds met 1
      }

      case "two" {
        intent "999.99 does not"
        customer C1
        tenant T1
        usage T1 "Azure SQL Database" 2026-08 acr 999.99
        expect azure net-customer-adds not_met 0
      }
      """;

  static SourceFile source(String text) {
    return new SourceFile("t.cases", text);
  }

  @Test
  void aValidFileIsNotDamaged() {
    CaseSyntax.Tree t = CaseSyntax.tree(source(VALID));
    assertThat(t.syntaxErrors()).isEmpty();
    assertThat(ParseDamage.damaged(t.file())).isFalse();
    assertThat(CaseParsing.build(source(VALID), t).file().cases()).hasSize(2);
  }

  @Test
  void aSyntaxErrorInOneCaseIsReportedWhereItIsAndTheOtherCaseIsRead() {
    String text =
        VALID.replace(
            "usage T1 \"Azure SQL Database\" 2026-08 acr 1000\n",
            "usage T1 \"Azure SQL Database\" acr 1000\n");
    CaseParsing.Result r = CaseParsing.parse(source(text));
    assertThat(r.ok()).isFalse();
    assertThat(r.diagnostics())
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.isError()).isTrue();
              assertThat(d.span().line()).isEqualTo(8);
            });
    assertThat(r.file().cases()).extracting(CaseFile.Case::name).contains("two");
  }

  @Test
  void everyTokenDeletedGivesLocatedDiagnosticsAndNoException() {
    List<? extends Token> tokens = new CasesLexer(CharStreams.fromString(VALID)).getAllTokens();
    int broken = 0;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      String text = VALID.substring(0, t.getStartIndex()) + VALID.substring(t.getStopIndex() + 1);
      CaseParsing.Result r = CaseParsing.parse(source(text)); // throws on a builder bug
      String what = "without '" + t.getText() + "' of line " + t.getLine();
      SourceFile f = source(text);
      for (Diagnostic d : r.diagnostics()) {
        assertThat(d.span().line()).as(what + ": " + d.render()).isBetween(1, f.lineCount());
      }
      broken += r.ok() ? 0 : 1;
    }
    assertThat(broken).as("most deletions break the file").isGreaterThan(tokens.size() / 4);
  }

  // A builder bug in a file with no syntax error: the parse tree of a valid file loses a child
  // without any mark of damage, as no parse ever does, so building it fails. That must not be
  // taken for a hole left by a syntax error: the case or setting would silently be left out.

  @Test
  void aBuilderFailureOnACaseWithoutSyntaxErrorsIsThrown() {
    CaseSyntax.Tree t = CaseSyntax.tree(source(VALID));
    CaseDeclContext two = t.file().caseDecl(1);
    two.children.remove(two.STRING());
    assertThat(ParseDamage.damaged(two)).isFalse();
    assertThatThrownBy(() -> CaseParsing.build(source(VALID), t))
        .isInstanceOf(ParseDamage.BuildBug.class)
        .hasMessageContaining("line 12 of t.cases")
        .hasRootCauseInstanceOf(NullPointerException.class);
  }

  @Test
  void aBuilderFailureOnASettingWithoutSyntaxErrorsIsThrown() {
    CaseSyntax.Tree t = CaseSyntax.tree(source(VALID));
    AsOfContext asOf = t.file().setting(0).asOf();
    asOf.children.remove(asOf.MONTH());
    assertThatThrownBy(() -> CaseParsing.build(source(VALID), t))
        .isInstanceOf(ParseDamage.BuildBug.class)
        .hasMessageContaining("line 1 of t.cases");
  }
}
