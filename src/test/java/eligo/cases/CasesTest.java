package eligo.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eligo.cases.CaseFile.Case;
import eligo.cases.CaseFile.Expectation;
import eligo.data.Measure;
import eligo.data.Month;
import eligo.engine.Engine;
import eligo.lang.SourceFile;
import eligo.testing.CriteriaCases;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The case file format as parsed, and the JUnit helper on passing, failing and broken input. */
class CasesTest {
  @TempDir Path tmp;

  static CaseFile parse(String text) {
    CaseParsing.Result r = CaseParsing.parse(new SourceFile("t.cases", text));
    assertThat(r.diagnostics()).isEmpty();
    return r.file();
  }

  @Test
  void inlineDataWithDefaults() {
    CaseFile f =
        parse(
            """
        as of 2026-08
        workloads "A", "B" family "Fam"

        case "one" {
          intent "defaults"
          as of 2026-05                           # overrides the file's month
          workload "C" family "Other"
          customer C1
          tenant T1, T2
          customer "C 2" "Contoso, Ltd." partner P9
          tenant "T 3"
          association T1 "A" "CSP T1" from 2025-01
          association T2 "B" PAL from 2025-01 to 2025-06
          usage T1 "A" 2026-03 .. 2026-05 acr -1.5 paid_units 7
          expect x y met 1
          expect x z not met
          expect x y not_met -2 for C1
          expect x y not evaluated for "C 2"
          expect partner x z not_met 0.4 for P9
        }

        case "two" {
          intent "the file's month"
          customer C1
          expect x y not_evaluated
        }
        """);
    assertThat(f.cases()).hasSize(2);
    Case one = f.cases().get(0);
    assertThat(one.name()).isEqualTo("one");
    assertThat(one.intent()).isEqualTo("defaults");
    assertThat(one.asOf()).isEqualTo(Month.of(2026, 5));
    assertThat(f.cases().get(1).asOf()).isEqualTo(Month.of(2026, 8));
    CaseFile.Data d = one.data();
    assertThat(d.workloads())
        .extracting(w -> w.name() + "/" + w.family())
        .containsExactly("A/Fam", "B/Fam", "C/Other");
    assertThat(d.customers())
        .extracting(c -> c.partner() + "/" + c.id() + "/" + c.name())
        .containsExactly(CaseParsing.DEFAULT_PARTNER + "/C1/C1", "P9/C 2/Contoso, Ltd.");
    assertThat(d.tenants())
        .extracting(t -> t.customer() + "/" + t.id())
        .containsExactly("C1/T1", "C1/T2", "C 2/T 3");
    assertThat(d.associations())
        .extracting(
            a ->
                a.tenant()
                    + "/"
                    + a.workload()
                    + "/"
                    + a.type()
                    + "/"
                    + Month.format(a.start())
                    + "/"
                    + a.end())
        .containsExactly(
            "T1/A/CSP T1/2025-01/" + Month.OPEN, "T2/B/PAL/2025-01/" + Month.of(2025, 6));
    assertThat(d.usage())
        .extracting(u -> Month.format(u.month()))
        .containsExactly("2026-03", "2026-04", "2026-05");
    assertThat(d.usage())
        .allSatisfy(
            u ->
                assertThat(u.figures())
                    .isEqualTo(Map.of(Measure.ACR_USD, "-1.5", Measure.PAID_UNITS, "7")));
    List<Expectation> e = one.expectations();
    assertThat(e)
        .extracting(Expectation::status)
        .containsExactly(
            Status.MET, Status.NOT_MET, Status.NOT_MET, Status.NOT_EVALUATED, Status.NOT_MET);
    assertThat(e)
        .extracting(Expectation::value)
        .containsExactly(BigDecimal.ONE, null, new BigDecimal("-2"), null, new BigDecimal("0.4"));
    assertThat(e)
        .extracting(x -> x.subject() == null ? null : x.subject().text())
        .containsExactly(null, null, "C1", "C 2", "P9");
    assertThat(e)
        .extracting(Expectation::partner)
        .containsExactly(false, false, false, false, true);
    assertThat(e.get(2).text()).isEqualTo("expect x y not_met -2 for C1");
    assertThat(e.get(0).span().line()).isEqualTo(15);
  }

  @Test
  void aCaseNeedsAnAsOfMonthAndExpectations() {
    CaseParsing.Result r =
        CaseParsing.parse(
            new SourceFile(
                "t.cases",
                """
        case "bare" {
          intent "nothing else"
        }
        case "backwards" {
          intent "x"
          as of 2026-08
          customer C1
          usage T1 "A" 2026-08 .. 2026-07 acr 1 acr 2
          expect x y not_evaluated 3
          expect partner x y not_evaluated
        }
        """));
    assertThat(r.diagnostics())
        .extracting(dg -> dg.span().line() + ":" + dg.span().column() + " " + dg.message())
        .containsExactly(
            "1:6 case \"bare\" expects nothing: add 'expect AREA NODE STATUS VALUE' lines",
            "1:6 case \"bare\" has no as-of month: add 'as of YYYY-MM' to the case or at the top of the file",
            "8:27 the months run backwards: write the earlier month first",
            "8:41 'acr' is given twice in this row",
            "9:28 a node that is not evaluated has no value: leave the number out",
            "10:22 a partner-level node is met or not met, never not evaluated");
  }

  @Test
  void aRowThatNamesARefusedRowPointsAtItsCaseLineNotAtACsvFile() {
    CaseFile f =
        parse(
            """
        case "refused" {
          intent "x"
          as of 2026-08
          workload "A" family ""
          customer C1
          tenant T1
          usage T1 "A" 2026-08 acr 1
          expect x y met 1
        }
        """);
    CaseData.Result r = CaseData.load(f.cases().get(0), List.of("PAL"), null);
    assertThat(r.dataset()).isNull();
    assertThat(r.diagnostics())
        .extracting(dg -> dg.span().line() + ":" + dg.span().column() + " " + dg.message())
        .containsExactly("4:12 family is empty", "7:3 workload 'A' was rejected (line 4)");
  }

  static List<String> errors(String text) {
    return CaseParsing.parse(new SourceFile("t.cases", text)).diagnostics().stream()
        .map(dg -> dg.span().line() + ":" + dg.span().column() + " " + dg.message())
        .toList();
  }

  /** An empty name printed 'PASS ' and passed; now it is an error at the name. */
  @Test
  void aCaseNeedsAName() {
    assertThat(
            errors(
                """
        as of 2026-08
        case "" {
          intent "x"
          customer C1
          expect x y met
        }
        case "  " {
          intent "x"
          customer C1
          expect x y met
        }
        """))
        .containsExactly(
            "2:6 this case has no name: write what it shows between the quotes",
            "7:6 this case has no name: write what it shows between the quotes");
  }

  /** A second 'as of' silently replaced the first; now it is an error at the second. */
  @Test
  void anAsOfMonthGivenTwiceIsAnErrorAtTheSecond() {
    assertThat(
            errors(
                """
        as of 2026-08
        as of 2026-07
        case "a" {
          intent "x"
          as of 2026-08
          customer C1
          as of 2026-09
          expect x y met
        }
        case "b" {
          intent "x"
          as of 2026-06
          customer C1
          expect x y met
        }
        """))
        .containsExactly(
            "2:1 the file's as-of month is already given at line 1 (2026-08): write it once",
            "7:3 this case's as-of month is already given at line 5 (2026-08): write it once");
  }

  /**
   * The file's 'as of' left out gave one error per case (every case of a shipped file: 18 errors
   * for one missing line); now one, at the first case.
   */
  @Test
  void manyCasesWithNoAsOfMonthAreOneError() {
    assertThat(errors(TWO_CASES.replace("as of 2026-08\n", "")))
        .containsExactly(
            "1:6 2 cases of this file have no as-of month, this one first: add 'as of YYYY-MM' at"
                + " the top of the file (or to each case)");
    assertThat(
            errors(
                TWO_CASES
                    .replace("as of 2026-08\n", "")
                    .replace("  intent \"y\"\n", "  intent \"y\"\n  as of 2026-08\n")))
        .containsExactly(
            "1:6 case \"one\" has no as-of month: add 'as of YYYY-MM' to the case or at the top of"
                + " the file");
  }

  static final String TWO_CASES =
      """
      as of 2026-08
      case "one" {
        intent "x"
        customer C1
        expect x y met
        expect x z met
      }
      case "two" {
        intent "y"
        customer C1
        expect x y met
      }
      """;

  /**
   * A case's '}' left out: before, one error at its '{' ("the file ends before it") and another,
   * "unexpected 'case'", at the next case; now one, at the line it belongs before.
   */
  @Test
  void aCasesMissingBraceIsOneErrorBeforeTheNextCase() {
    assertThat(errors(TWO_CASES.replace("  expect x z met\n}\n", "  expect x z met\n")))
        .containsExactly(
            "7:1 expected '}' to close case \"one\" (opened at line 2) before this line");
    assertThat(errors(TWO_CASES.replace("  expect x y met\n}\n", "  expect x y met\n")))
        .containsExactly(
            "8:12 expected '}' to close case \"two\" opened here at line 8; the file ends before"
                + " it");
  }

  /**
   * A '}' too many inside a case: before, "unexpected 'expect'; expected the end of the file or
   * 'case'" at the next line and "this '}' closes nothing" at the case's own '}'; now one error at
   * the '}' too many.
   */
  @Test
  void aBraceTooManyInACaseIsOneErrorAtIt() {
    assertThat(
            errors(
                TWO_CASES.replace("  expect x y met\n  expect", "  expect x y met\n}\n  expect")))
        .containsExactly(
            "6:1 this '}' closes case \"one\" (opened at line 2), but the lines after it belong"
                + " inside: is it one '}' too many?");
    assertThat(errors(TWO_CASES)).isEmpty();
  }

  /**
   * A case's '{' left out: before, "expected '{' before 'intent'" on the next line and "this '}'
   * closes nothing" at the case's '}'; now one error at the case's name.
   */
  @Test
  void aCasesMissingOpeningBraceIsOneErrorAtItsName() {
    assertThat(errors(TWO_CASES.replace("case \"two\" {", "case \"two\"")))
        .containsExactly(
            "8:6 expected '{' after case \"two\": a case's lines go between '{' and '}'");
    assertThat(errors(TWO_CASES.replace("case \"one\" {", "case \"one\"")))
        .containsExactly(
            "2:6 expected '{' after case \"one\": a case's lines go between '{' and '}'");
  }

  /**
   * A misspelt word where the grammar wants a keyword is named with the keyword meant: 'expct'
   * after a usage row gave "expected NUMBER before name 'azure'" (the parser took it for a
   * measure), 'custmer C1' and 'mett' gave "unexpected name" with no hint.
   */
  @Test
  void aMisspeltKeywordIsNamedWithTheOneMeant() {
    String text =
        """
        as of 2026-08
        workloads "A" family "F"
        case "one" {
          intent "x"
          customer C1
          tenant T1
          usage T1 "A" 2026-08 acr 1
          expect x y met
        }
        """;
    assertThat(errors(text.replace("  expect x y met", "  expct x y met")))
        .containsExactly("8:3 unexpected name 'expct'; did you mean 'expect'?");
    assertThat(errors(text.replace("  customer C1", "  custmer C1")))
        .containsExactly("5:3 unexpected name 'custmer'; did you mean 'customer'?");
    assertThat(errors(text.replace("  tenant T1", "  tennant T1")))
        .containsExactly("6:3 unexpected name 'tennant'; did you mean 'tenant'?");
    assertThat(errors(text.replace("x y met", "x y mett")))
        .containsExactly("8:14 unexpected name 'mett'; did you mean 'met'?");
    assertThat(errors(text.replace("x y met", "x y Met")))
        .containsExactly("8:14 unexpected name 'Met'; did you mean 'met'?");
    assertThat(errors(text.replace("x y met", "x y not-met")))
        .containsExactly("8:14 unexpected name 'not-met'; did you mean 'not_met'?");
    assertThat(errors(text.replace("family \"F\"", "famly \"F\"")))
        .containsExactly("2:15 unexpected name 'famly'; did you mean 'family'?");
    assertThat(errors(text.replace("expect x y met", "expect prtner x y met")))
        .containsExactly("8:10 unexpected name 'prtner'; did you mean 'partner'?");
    // a figure's number left out: said after the measure, in words, not at the next line
    assertThat(errors(text.replace("acr 1\n", "acr\n")))
        .containsExactly("7:24 expected a number after name 'acr'");
    // no keyword near: the parser's words stand
    assertThat(errors(text.replace("x y met", "x y passes")))
        .containsExactly(
            "8:14 unexpected name 'passes'; expected 'met' or 'not_met' or 'not_evaluated' or"
                + " 'not'");
  }

  static final String WRONG =
      """
      as of 2026-08
      workloads "Azure SQL Database" family "Azure"

      case "right" {
        intent "1000.00 qualifies"
        customer C1
        tenant T1
        association T1 "Azure SQL Database" PAL from 2025-01
        usage T1 "Azure SQL Database" 2026-08 acr 1000
        expect azure net-customer-adds met 1
      }

      case "wrong" {
        intent "deliberately wrong: 999.99 does not qualify"
        customer C1
        tenant T1
        association T1 "Azure SQL Database" PAL from 2025-01
        usage T1 "Azure SQL Database" 2026-08 acr 999.99
        expect azure net-customer-adds met 1
      }
      """;

  static List<DynamicTest> tests(Stream<DynamicNode> nodes) {
    List<DynamicTest> out = new ArrayList<>();
    nodes.forEach(
        n -> {
          if (n instanceof DynamicContainer c) {
            out.addAll(tests(c.getChildren().map(x -> (DynamicNode) x)));
          } else {
            out.add((DynamicTest) n);
          }
        });
    return out;
  }

  @Test
  void theJUnitHelperPassesAndFailsCasesWithTheReportText() throws Throwable {
    Path file = tmp.resolve("wrong.cases");
    Files.writeString(file, WRONG, StandardCharsets.UTF_8);
    List<DynamicTest> t =
        tests(CriteriaCases.dynamicTests(Path.of("criteria"), Engine.interpret, List.of(file)));
    assertThat(t).extracting(DynamicTest::getDisplayName).containsExactly("right", "wrong");
    assertThat(t.get(1).getTestSourceUri())
        .hasValueSatisfying(u -> assertThat(u.toString()).endsWith("wrong.cases?line=13"));
    t.get(0).getExecutable().execute();
    assertThatThrownBy(() -> t.get(1).getExecutable().execute())
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining(
            "case \"wrong\" failed:\n    intent: deliberately wrong: 999.99 does not qualify\n")
        .hasMessageContaining(
            ":19:3: expect azure net-customer-adds met 1\n"
                + "      expected  met 1\n"
                + "      actual    not_met 0  (net: 0 as of 2026-08 minus 0 as of 2025-08)\n");
  }

  @Test
  void theJUnitHelperReportsBrokenCriteriaAndCaseFilesAsFailingTests() throws Throwable {
    Path criteria = Files.createDirectory(tmp.resolve("criteria"));
    Files.writeString(
        criteria.resolve("x.criteria"),
        "area a \"A\" { gate g \"G\" { value count tenant met when value >= } }\n");
    List<DynamicTest> broken = tests(CriteriaCases.dynamicTests(criteria));
    assertThat(broken).hasSize(1);
    assertThatThrownBy(() -> broken.get(0).getExecutable().execute())
        .hasMessageContaining("the criteria have errors:\n" + criteria + "/x.criteria:1:");

    Path file = tmp.resolve("bad.cases");
    Files.writeString(file, "case \"x\" { intent \"y\" expect }\n");
    List<DynamicTest> bad =
        tests(CriteriaCases.dynamicTests(Path.of("criteria"), Engine.interpret, List.of(file)));
    assertThat(bad).hasSize(1);
    assertThatThrownBy(() -> bad.get(0).getExecutable().execute())
        .hasMessageContaining("bad.cases:1:30: error: unexpected '}'\n");
  }
}
