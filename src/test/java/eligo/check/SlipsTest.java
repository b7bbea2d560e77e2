package eligo.check;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.testing.ShippedCriteria;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Common slips are named with their fix, at the token where they stand. */
class SlipsTest {
  private static List<String> errorsAfter(String file, String from, String to) {
    Map<String, String> texts = ShippedCriteria.with(file, from, to);
    Frontend.Compilation c = Frontend.compile(texts);
    assertThat(c.ok()).isFalse();
    return c.diagnostics().stream()
        .filter(d -> d.isError())
        .map(d -> d.message() + " @ " + pointedAt(d.render()))
        .toList();
  }

  /** The source text from the caret of a rendered diagnostic to the end of its line. */
  private static String pointedAt(String rendered) {
    String[] lines = rendered.split("\n");
    return lines[1].substring(lines[2].indexOf('^'));
  }

  @Test
  void aThousandsSeparatorIsNamedWithTheAmountToWrite() {
    assertThat(errorsAfter("azure.criteria", "= $1000", "= $1,000"))
        .singleElement()
        .asString()
        .contains(
            "'$1,000' has a thousands separator, which numbers here do not take: write" + " $1000")
        .endsWith(" @ ,000");
  }

  @Test
  void aShareWrittenWithoutPercentIsNamedWithThePercentage() {
    String healthy = "active_users >= paid_units * healthy_share";
    assertThat(errorsAfter("modern-work.criteria", healthy, "active_users >= 0.4 of paid_units"))
        .singleElement()
        .asString()
        .isEqualTo(
            "a share of an amount is written as a percentage: write '40% of' @ 0.4 of paid_units");
    assertThat(errorsAfter("modern-work.criteria", healthy, "active_users >= 40 of paid_units"))
        .singleElement()
        .asString()
        .startsWith("a share of an amount is written as a percentage: write '40% of' @ 40 of");
    assertThat(errorsAfter("modern-work.criteria", healthy, "active_users >= 1 of paid_units"))
        .singleElement()
        .asString()
        .startsWith("a share of an amount is written as a percentage: write '100% of' for all");
    assertThat(
            errorsAfter(
                "modern-work.criteria", healthy, "active_users >= healthy_share of paid_units"))
        .singleElement()
        .asString()
        .isEqualTo(
            "'of' follows a percentage written out ('40% of paid_units'); to take the share"
                + " 'healthy_share' of an amount, multiply: 'AMOUNT * healthy_share' @ of"
                + " paid_units");
  }

  @Test
  void whenMetIsNamedAsMetWhen() {
    assertThat(errorsAfter("security.criteria", "met when value >= 2500", "when met value >= 2500"))
        .singleElement()
        .asString()
        .isEqualTo(
            "a node's condition is written 'met when ...': write 'met when' @ when met value >="
                + " 2500");
  }

  @Test
  void aNodesItemOrALeafDirectlyInAnAreaIsNamedAsOutsideItsNode() {
    assertThat(
            errorsAfter(
                "azure.criteria",
                "  metric deployments",
                "  leaf stray \"Stray\" {\n    value 1\n  }\n\n  metric deployments"))
        .singleElement()
        .asString()
        .isEqualTo(
            "unexpected 'leaf': 'leaf' belongs inside a metric, and this one stands directly in"
                + " area 'azure': write it inside the metric it belongs to @ leaf stray \"Stray\" {");
    assertThat(
            errorsAfter(
                "security.criteria",
                "    gate workloads \"Microsoft 365",
                "    met when value >= 1\n    gate workloads \"Microsoft 365"))
        .singleElement()
        .asString()
        .startsWith(
            "unexpected 'met': 'met' belongs inside a gate or a metric, and this one stands"
                + " directly in branch 'm365': write it inside the node it belongs to");
  }

  @Test
  void aSingleEqualsInAConditionAsksForDoubleEquals() {
    assertThat(errorsAfter("security.criteria", "met when value >= 2500", "met when value = 2500"))
        .singleElement()
        .asString()
        .contains("'=' names a definition; to compare, write '==' (or '>=', '<=', '!=')")
        .endsWith(" @ = 2500");
  }

  @Test
  void arrowLikeOperatorsAreNamedWithTheirComparison() {
    assertThat(errorsAfter("security.criteria", "met when value >= 2500", "met when value => 2500"))
        .singleElement()
        .asString()
        .contains("'=>' is not an operator: write '>=' for 'at least'");
    assertThat(errorsAfter("security.criteria", "met when value >= 2500", "met when value =< 2500"))
        .singleElement()
        .asString()
        .contains("'=<' is not an operator: write '<=' for 'at most'");
  }

  @Test
  void anEqualsWhereATableWantsAColonGetsNoComparisonHint() {
    assertThat(
            errorsAfter(
                "business-applications.criteria",
                "\"Business Central\": 1000",
                "\"Business Central\" = 1000"))
        .singleElement()
        .asString()
        .contains("unexpected '='; expected ':'");
  }

  @Test
  void anAggregateTheLanguageLacksSaysWhichExist() {
    String lacking =
        "the language has no aggregate 'avg': its aggregates are "
            + String.join(", ", eligo.lang.Slips.AGGREGATES);
    // as a call: the checker finds no definition 'avg'
    assertThat(
            errorsAfter(
                "security.criteria",
                "value sum trailing_acr for tenant",
                "value avg(trailing_acr)"))
        .singleElement()
        .asString()
        .contains(lacking)
        .endsWith(" @ avg(trailing_acr)");
    // written like 'sum': the parser stops after the name, the error points at the name
    assertThat(
            errorsAfter(
                "security.criteria",
                "value sum trailing_acr for tenant",
                "value avg trailing_acr for tenant"))
        .singleElement()
        .asString()
        .contains(lacking)
        .endsWith(" @ avg trailing_acr for tenant");
  }

  @Test
  void aRelativeGrowthWithoutWhenZeroSaysToAddIt() throws Exception {
    String club =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("examples/growth-club/growth-club.criteria"));
    String line = "met when value >= 20% more than year_before when zero: not met";
    assertThat(club).contains(line);
    Frontend.Compilation c =
        Frontend.compile(
            Map.of(
                "growth-club.criteria",
                club.replace(line, "met when value >= 20% more than year_before")));
    List<String> errors =
        c.diagnostics().stream()
            .filter(d -> d.isError())
            .map(d -> d.message() + " @ " + pointedAt(d.render()))
            .toList();
    assertThat(errors)
        .singleElement()
        .asString()
        .contains("add 'when zero: met' or 'when zero: not met' after the baseline")
        .endsWith("@ }");
  }

  @Test
  void aSpaceAsThousandsSeparatorIsNamedWithTheAmountToWrite() {
    assertThat(errorsAfter("azure.criteria", "= $1000", "= $1 000"))
        .singleElement()
        .asString()
        .contains(
            "'$1 000' has a space as a thousands separator, which numbers here do not take:"
                + " write $1000")
        .endsWith(" @ 000");
  }

  @Test
  void anAmountInThousandsIsNamedWithTheAmountToWrite() {
    assertThat(errorsAfter("azure.criteria", "= $1000", "= $1k"))
        .singleElement()
        .asString()
        .contains("'$1k' is not a number here: write the amount in full, $1000")
        .endsWith(" @ k");
  }

  @Test
  void aSpaceBeforeAPercentSignIsNamed() {
    assertThat(errorsAfter("modern-work.criteria", "= 40%", "= 40 %"))
        .singleElement()
        .asString()
        .contains("unexpected character '%': write 40% with no space before the '%'")
        .endsWith(" @ %");
  }

  @Test
  void curlyQuotesFromAWordProcessorAreNamed() {
    assertThat(
            errorsAfter(
                "modern-work.criteria", "\"Intune\", \"EXO\"", "\u201cIntune\u201d, \"EXO\""))
        .singleElement()
        .asString()
        .contains(
            "unexpected character '\u201c': texts are written between straight double quotes"
                + " (\"), not the curly quotes a word processor makes");
  }

  /**
   * A backslash that starts no escape ended the text there: "this text has no closing quote" at a
   * text that has one; now the backslash is named with the escapes there are.
   */
  @Test
  void aBackslashThatStartsNoEscapeIsNamed() {
    assertThat(errorsAfter("modern-work.criteria", "\"Intune\", \"EXO\"", "\"In\\tune\", \"EXO\""))
        .singleElement()
        .asString()
        .contains(
            "'\\t' is no escape in a text: the only ones are \\\" for a quote and \\\\ for a"
                + " backslash (for a backslash before 't', write \\\\t)");
  }

  @Test
  void aCommentWrittenWithSlashesSaysCommentsStartWithHash() {
    assertThat(errorsAfter("azure.criteria", "# all Azure services", "// all Azure services"))
        .singleElement()
        .asString()
        .contains("'//' does not start a comment here: comments start with '#'")
        .endsWith(" @ // all Azure services, named here or not");
  }

  @Test
  void aMissingCommaInAListOfNamesIsNamed() {
    assertThat(
            errorsAfter(
                "modern-work.criteria",
                "\"Teams\", \"Teams Meetings\"",
                "\"Teams\" \"Teams Meetings\""))
        .singleElement()
        .asString()
        .contains("expected ',' between \"Teams\" and \"Teams Meetings\" in this list");
  }

  @Test
  void ttmWithoutParenthesesSaysHowToWriteIt() {
    assertThat(errorsAfter("azure.criteria", "month in TTM(M) > 0", "month in TTM M > 0"))
        .singleElement()
        .asString()
        .contains("'TTM' takes its month in parentheses: write TTM(M)")
        .endsWith(" @ M > 0");
  }

  @Test
  void aMisspeltWordInsideALineIsNamed() {
    assertThat(errorsAfter("azure.criteria", "value net sum acr via", "value net sum acr vai"))
        .singleElement()
        .asString()
        .contains("unexpected name 'vai'; did you mean 'via'?");
    // before: "expected 'when' before name 'whenn'"
    assertThat(
            errorsAfter("security.criteria", "met when value >= 2500", "met whenn value >= 2500"))
        .singleElement()
        .asString()
        .contains("unexpected name 'whenn'; did you mean 'when'?");
  }

  @Test
  void aPartOfAnAreaOutsideEveryAreaSaysWhereItBelongs() {
    assertThat(errorsAfter("security.criteria", "area security", "leaf x \"X\" { }\narea security"))
        .singleElement()
        .asString()
        .contains(
            "unexpected 'leaf': 'leaf' belongs inside a metric, and this one stands outside every"
                + " area");
  }

  @Test
  void aComparisonWithASpaceInsideIsNamed() {
    // before: "'=' names a definition; to compare, write '=='"
    assertThat(
            errorsAfter("security.criteria", "met when value >= 2500", "met when value > = 2500"))
        .singleElement()
        .asString()
        .contains("'> =' has a space inside: write '>='")
        .endsWith(" @ > = 2500");
  }

  @Test
  void signsOfAWordProcessorAreNamedWithWhatToWrite() {
    assertThat(
            errorsAfter(
                "security.criteria", "met when value >= 2500", "met when value \u2265 2500"))
        .singleElement()
        .asString()
        .contains("unexpected character '\u2265': write '>='");
    assertThat(errorsAfter("azure.criteria", "= $1000", "=\u00a0$1000"))
        .singleElement()
        .asString()
        .contains(
            "unexpected character '\\u00a0' (a non-breaking space, as a word processor writes it):"
                + " write a plain space");
  }

  @Test
  void aStrayCharacterIsTheErrorOfItsLineNotWhatTheParserTrippedOnBeforeIt() {
    // before: "unexpected 'where'" at the start of the line, the en dash not reported
    assertThat(
            errorsAfter(
                "azure.criteria", "any month in M - 1 .. M", "any month in M \u2013 1 .. M"))
        .singleElement()
        .asString()
        .contains("unexpected character '\u2013': write '-'")
        .endsWith(" @ \u2013 1 .. M");
  }

  @Test
  void wordsOfACommentWrittenWithoutHashSayHowToWriteAComment() {
    // before: only "unexpected name 'protected'"
    assertThat(
            errorsAfter(
                "security.criteria",
                "met when value >= 2500",
                "met when value >= 2500 protected users"))
        .singleElement()
        .asString()
        .contains(
            "unexpected name 'protected'; if the rest of the line is a comment, start it with '#'")
        .endsWith(" @ protected users");
  }

  @Test
  void aRangeOfNumbersWhereABandBelongsSaysHowToWriteABand() {
    // before: "unexpected '-'; expected a name"
    assertThat(
            errorsAfter(
                "modern-work.criteria", "seat_band = > 10 and <= 300", "seat_band = 10 - 300"))
        .singleElement()
        .asString()
        .contains("a range of numbers is written as a band: '>= 10 and <= 300'")
        .endsWith(" @ - 300");
  }

  @Test
  void aMisspeltWordThatStartsAnExpressionIsNamedWhereItStands() {
    // before: "unexpected 'count'" at the word after it
    assertThat(errorsAfter("azure.criteria", "value net count tenant", "value nett count tenant"))
        .singleElement()
        .asString()
        .contains("unexpected name 'nett'; did you mean 'net'?")
        .endsWith(" @ nett count tenant");
  }
}
