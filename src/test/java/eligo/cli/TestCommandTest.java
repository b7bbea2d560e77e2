package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code eligo test}: the shipped cases, a deliberately wrong case, coverage bars, case file
 * errors.
 */
class TestCommandTest {
  @TempDir Path tmp;

  record Run(int code, String out, String err) {}

  static Run eligo(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * ShippedCasesTest runs the shipped cases with both engines; here the command with its defaults.
   */
  @Test
  void shippedCasesPassWithEveryNodeAndOutcomeCovered() {
    Run r = eligo("test", "--min-coverage", "100");
    assertThat(r.code()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isZero();
    assertThat(r.out())
        .containsPattern("\\n\\d+ passed, 0 failed \\(generated engine[^)]*\\)\\n")
        .doesNotContain("FAIL ")
        .containsPattern("\\nall +51 of 51 \\(100%\\) +138 of 138 \\(100%\\)\\n")
        .doesNotContain("Not covered");
    for (String file : new String[] {"azure", "business-applications", "modern-work", "security"}) {
      assertThat(r.out()).contains("criteria/" + file + ".cases\n");
    }
  }

  @Test
  void runSelectsCasesByARegularExpressionAndRefusesOneThatSelectsNothing() {
    Run r = eligo("test", "--run", "M-1 rule");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("  PASS the M-1 rule: the month before M counts, two months before does not\n")
        .containsPattern("\n1 passed, 0 failed, \\d+ left out by --run \\(")
        .doesNotContain("criteria/security.cases\n");

    Run none = eligo("test", "--run", "no case is named so");
    assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err()).startsWith("eligo: no case name matches --run 'no case is named so' (");

    Run bad = eligo("test", "--run", "(");
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err())
        .isEqualTo("eligo: --run '(' is not a regular expression: Unclosed group\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"generated", "interpret"})
  void anInventedAreaRunsWithItsCasesAndNoJavaChange(String engine) {
    Run r =
        eligo(
            "test",
            "--criteria",
            "src/test/resources/invented",
            "--engine",
            engine,
            "--min-coverage",
            "100");
    assertThat(r.code()).as("stdout:%n%s%nstderr:%n%s", r.out(), r.err()).isZero();
    assertThat(r.out())
        .contains(
            "\n6 passed, 0 failed ("
                + engine
                + " engine"
                + (engine.equals("generated") ? ", compiled in memory)\n" : ")\n"))
        .containsPattern("\\nall +30 of 30 \\(100%\\) +80 of 80 \\(100%\\)\\n");
  }

  static final String WRONG =
      """
      as of 2026-08
      workloads "Azure SQL Database" family "Azure"
      workloads "Teams" family "Microsoft 365"

      case "right" {
        intent "Passes."
        customer C1
        tenant T1
        association T1 "Azure SQL Database" PAL from 2025-01
        usage T1 "Azure SQL Database" 2026-08 acr 1000
        expect azure net-customer-adds met 1
      }

      case "wrong" {
        intent "Three deliberately wrong expectations."
        customer C1
        tenant T1
        association T1 "Azure SQL Database" PAL from 2025-01
        usage T1 "Azure SQL Database" 2026-08 acr 999.99
        customer C2 partner P2
        tenant T2
        association T2 "Teams" CPOR from 2025-01
        usage T2 "Teams" 2026-08 paid_units 20 active_users 8
        expect azure net-customer-adds met 1 for C1   # wrong: 999.99 is not enough
        expect azure usage-growth met 999.99 for C1
        expect modern-work-smb deployments.cpor not met for C2
        expect partner modern-work-smb usage-growth.cpor met 8 for P2
      }
      """;

  @Test
  void aWrongExpectedValueFailsWithExpectedActualTheCriteriaAndWhy() throws IOException {
    Path file = tmp.resolve("wrong.cases");
    Files.writeString(file, WRONG, StandardCharsets.UTF_8);
    Run r = eligo("test", "--engine", "interpret", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.TESTS_FAILED);
    String where = file.toString().replace('\\', '/');
    // Criteria line numbers are not this test's business.
    String out = r.out().replaceAll("\\.criteria:\\d+", ".criteria:N");
    assertThat(out)
        .startsWith(
            where
                + "\n"
                + "  PASS right\n"
                + "  FAIL wrong\n"
                + "      intent: Three deliberately wrong expectations.\n"
                + "      "
                + where
                + ":24:3: expect azure net-customer-adds met 1 for C1\n"
                + "        expected  met 1\n"
                + "        actual    not_met 0  (net: 0 as of 2026-08 minus 0 as of 2025-08)\n"
                + "        node      azure net-customer-adds: metric \"Net customer adds\" at azure.criteria:N\n"
                + "        criteria  Net qualified tenants: at least 1 for this customer (a tenant qualifies with $1,000 of attributed ACR in one of the last two months)\n"
                + "        shown as  net 0 tenants (0 as of 2026-08, 0 as of 2025-08)\n"
                + "        why       no tenants qualified as of 2026-08 and 0 as of 2025-08 (qualifying: a tenant with ACR attributed via CSP T1, CSP T2, DPOR or PAL at least $1,000.00 in 2026-07..2026-08); the highest was tenant T1 with $999.99 in 2026-08 (needed: at least $1,000.00); needed: a net of at least 1 tenant\n"
                + "        tenant    T1: not qualified; highest $999.99 in 2026-08 | a year earlier: —\n"
                + "      "
                + where
                + ":26:3: expect modern-work-smb deployments.cpor not met for C2\n"
                + "        expected  not_met\n"
                + "        actual    met 1  (net: 1 as of 2026-08 minus 0 as of 2025-08)\n"
                + "        node      modern-work-smb deployments.cpor: leaf \"CPOR\" at modern-work.criteria:N\n"
                + "        criteria  Net qualified CPOR deployments (40% of paid seats active): at least 1\n"
                + "        shown as  net 1 tenant (1 as of 2026-08, 0 as of 2025-08)\n"
                + "        tenant    T2: qualified with 20 paid units | a year earlier: —\n"
                + "      "
                + where
                + ":27:3: expect partner modern-work-smb usage-growth.cpor met 8 for P2\n"
                + "        expected  met 8\n"
                + "        actual    not_met 8\n"
                + "        node      modern-work-smb usage-growth.cpor (partner level): leaf \"CPOR\" at modern-work.criteria:N\n"
                + "        criteria  Monthly active users growth via CPOR: at least 500 overall\n"
                + "\n"
                + "1 passed, 1 failed (interpret engine)\n");
  }

  /**
   * A failed expectation covered the outcome it found: 'wrong' expected net-customer-adds met and
   * found not met, and the table counted not met as covered, so the bar passed on a case that pins
   * nothing. Now a failed check covers nothing and is listed apart.
   */
  @Test
  void aFailedExpectationCoversNothingAndIsListedApart() throws IOException {
    Path file = tmp.resolve("wrong.cases");
    Files.writeString(file, WRONG, StandardCharsets.UTF_8);
    Run r = eligo("test", "--engine", "interpret", file.toString());
    String where = file.toString().replace('\\', '/');
    assertThat(r.out())
        .containsPattern("\nazure +net-customer-adds +1 +0 +0  \\(\\+1 failed, not counted\\)\n")
        .containsPattern("\nazure +usage-growth +1 +0 +0\n")
        .containsPattern("\nazure +2 of 5 \\(40%\\) +2 of 14 ")
        .contains("  azure net-customer-adds: not_met, not_evaluated\n")
        .endsWith(
            "\nNot counted: 3 checks failed, and a failed check covers nothing:\n"
                + "  "
                + where
                + ":24:3: expect azure net-customer-adds met 1 for C1\n"
                + "  "
                + where
                + ":26:3: expect modern-work-smb deployments.cpor not met for C2\n"
                + "  "
                + where
                + ":27:3: expect partner modern-work-smb usage-growth.cpor met 8 for P2\n");
  }

  /**
   * A usage row in a month no node reads (after the as-of month, or before the earliest month the
   * criteria read) was taken silently, and the case failed with "0 workloads" and no word of why;
   * now it is a warning at the row. One month outside is an edge test, as the shipped cases write
   * it, and no warning.
   */
  @Test
  void aUsageRowNoNodeReadsIsAWarningAtTheRow() throws IOException {
    Path file = tmp.resolve("months.cases");
    Files.writeString(
        file,
        """
        as of 2026-08
        workloads "Azure SQL Database", "Virtual Machines" family "Azure"
        case "months" {
          intent "Rows outside the months read."
          customer C1
          tenant T1
          association T1 "Azure SQL Database" PAL from 2024-01
          usage T1 "Azure SQL Database" 2026-10 acr 1000
          usage T1 "Virtual Machines" 2026-07 .. 2026-11 acr 1
          usage T1 "Azure SQL Database" 2020-01 acr 1000
          usage T1 "Azure SQL Database" 2026-09 acr 1000
          usage T1 "Azure SQL Database" 2024-08 acr 1000
          expect azure workloads met 1
        }
        """,
        StandardCharsets.UTF_8);
    Run r = eligo("test", "--engine", "interpret", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err().lines().filter(l -> l.contains(": warning: ")))
        .containsExactly(
            file
                + ":8:3: warning: usage in 2026-10 is after the case's as-of month (2026-08): no"
                + " node reads it; fix the month or the case's 'as of'",
            file
                + ":9:3: warning: usage in 2026-09 .. 2026-11 is after the case's as-of month"
                + " (2026-08): no node reads it; fix the month or the case's 'as of'",
            file
                + ":10:3: warning: usage in 2020-01 is before 2024-09, the earliest month the"
                + " criteria read as of 2026-08 (azure workloads): no node reads it; fix the month"
                + " or the case's 'as of'");
    assertThat(r.err()).endsWith("3 warnings\n");
  }

  /**
   * 'eligo test --as-of 2026-08' and '--data DIR' said "Unknown option" and the usage, with no word
   * of where a case's month and rows are written; '--coverage' (as opa test) was refused though the
   * coverage is always shown.
   */
  @Test
  void asOfAndDataAreRefusedWithWhereCasesWriteThemAndCoverageIsTaken() {
    Run asOf = eligo("test", "--as-of", "2026-08", "criteria/azure.cases");
    assertThat(asOf.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(asOf.err())
        .isEqualTo(
            "eligo: test takes no --as-of: each case runs as of the month its case file gives ('as"
                + " of 2026-08' at the top of the file, or in the case)\n");
    Run data = eligo("test", "--data", "x", "criteria/azure.cases");
    assertThat(data.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(data.err())
        .startsWith("eligo: test takes no --data: each case carries its own rows");
    Run coverage = eligo("test", "--coverage", "criteria/azure.cases");
    assertThat(coverage.code()).as(coverage.err()).isZero();
    assertThat(coverage.out()).contains("\nNot covered:\n");
  }

  /**
   * A tenant given where the customer belongs ('for T1') said "no customer 'T1'; did you mean
   * 'C1'?" (a guess by spelling), and a customer given for a partner-level node "no partner 'C1'";
   * now each says whose it is and what to write.
   */
  @Test
  void aTenantOrCustomerWhereTheSubjectBelongsIsNamedWithItsOwner() throws IOException {
    Path file = tmp.resolve("subjects.cases");
    Files.writeString(
        file,
        """
        as of 2026-08
        workloads "Azure SQL Database" family "Azure"
        case "subjects" {
          intent "Ids of the wrong kind."
          customer C1 partner P7
          tenant T1
          customer C2
          tenant T2
          expect azure workloads not met for T2
          expect partner modern-work-smb usage-growth.cpor not met for C1
        }
        """,
        StandardCharsets.UTF_8);
    Run r = eligo("test", "--engine", "interpret", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.CRITERIA);
    assertThat(r.err().lines().filter(l -> l.contains(": error: ")))
        .containsExactly(
            file
                + ":9:38: error: 'T2' is a tenant of customer C2: an expectation is about a"
                + " customer: write 'for C2'",
            file
                + ":10:64: error: 'C1' is a customer of partner P7: a partner-level expectation"
                + " is about a partner: write 'for P7'");
  }

  @Test
  void coverageBelowTheBarFails() {
    Run r = eligo("test", "--engine", "interpret", "--min-coverage", "50", "criteria/azure.cases");
    assertThat(r.code()).isEqualTo(ExitCodes.TESTS_FAILED);
    assertThat(r.out())
        .contains("\n18 passed, 0 failed")
        .containsPattern("\\nazure +5 of 5 \\(100%\\) +14 of 14 \\(100%\\)\\n")
        .containsPattern("\\nall +5 of 51 \\(9.8%\\) +14 of 138 \\(10.1%\\)\\n")
        .contains("\nNot covered:\n  bizapps-enterprise performance.workloads: met, not_met\n")
        .endsWith("\nCoverage 10.1% is below --min-coverage 50%\n");
    assertThat(
            eligo("test", "--engine", "interpret", "--min-coverage", "10.1", "criteria/azure.cases")
                .code())
        .isZero();
  }

  /**
   * A bar no coverage can reach (101) failed every run as "Coverage 100% is below --min-coverage
   * 101%", and a negative one passed as if it were a bar; both are refused before anything runs.
   */
  @ParameterizedTest
  @ValueSource(strings = {"101", "100.5", "-1", "-0.1"})
  void aCoverageBarThatIsNotAPercentageIsRefused(String bar) {
    Run r = eligo("test", "--min-coverage", bar, "criteria/azure.cases");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "eligo: --min-coverage " + bar + " is not a percentage: give a number from 0 to 100\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "100", "100.0", "1e2"})
  void theEdgesOfTheCoverageBarAreBars(String bar) {
    assertThat(eligo("test", "--min-coverage", bar).code()).isZero();
  }

  @Test
  void caseFileErrorsAreReportedAtTheirLinesAndNothingRuns() throws IOException {
    Path file = tmp.resolve("bad.cases");
    Files.writeString(
        file,
        """
        as of 2026-13
        workloads "Azure SQL Database" family "Azure"

        case "syntax" {
          intent "x"
          customer C1
          expect azure workloads met 1 extra
        }

        case "no intent" {
          tenant T0
          usage T0 "Azure SQL Database" 2026-08 acr 10 actve_users 3
          expect azure workloads met 1
        }

        case "open" {
          intent "y"
        """,
        StandardCharsets.UTF_8);
    Run r = eligo("test", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.CRITERIA);
    assertThat(r.out()).isEmpty();
    String w = file.toString().replace('\\', '/');
    assertThat(r.err())
        .isEqualTo(
            ""
                + w
                + ":1:7: error: '2026-13' is not a month (YYYY-MM, month 01 to 12)\n"
                + "as of 2026-13\n"
                + "      ^~~~~~~\n"
                + w
                + ":7:32: error: unexpected name 'extra'\n"
                + "  expect azure workloads met 1 extra\n"
                + "                               ^~~~~\n"
                + w
                + ":10:6: error: case \"no intent\" has no intent: add a line 'intent \"...\"' saying what it shows\n"
                + "case \"no intent\" {\n"
                + "     ^~~~~~~~~~~\n"
                + w
                + ":11:3: error: a tenant belongs to a customer: write 'customer ID' before its tenants\n"
                + "  tenant T0\n"
                + "  ^~~~~~~~~\n"
                + w
                + ":12:48: error: unknown measure 'actve_users'; did you mean 'active_users'? (measures: acr, revenue, paid_units, active_users, protected_users)\n"
                + "  usage T0 \"Azure SQL Database\" 2026-08 acr 10 actve_users 3\n"
                + "                                               ^~~~~~~~~~~\n"
                + w
                + ":16:13: error: expected '}' to close case \"open\" opened here at line 16; the file ends before it\n"
                + "case \"open\" {\n"
                + "            ^\n"
                + "6 errors\n");
  }

  @Test
  void dataAndNameErrorsComeBackAtTheCaseLines() throws IOException {
    Path file = tmp.resolve("names.cases");
    Files.writeString(
        file,
        """
        as of 2026-08
        workloads "Azure SQL Database" family "Azure"

        case "names" {
          intent "names that do not exist, and data the loader rejects"
          customer C1
          customer C2
          tenant T1
          association T1 "Azure SQL Database" "CSP T3" from 2025-01
          usage T9 "Azure SQL Database" 2026-08 acr 10.123
          usage T1 "Azure SQL Database" 2026-07 .. 2026-08 acr 10
          usage T1 "Azure SQL Database" 2026-08 paid_units 3
          expect azur workloads met 1 for C1
          expect azure workload met 1 for C1
          expect azure workloads met 1
          expect azure workloads met 1 for C3
          expect partner azure workloads met 1
        }
        """,
        StandardCharsets.UTF_8);
    Run r = eligo("test", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.CRITERIA);
    String w = file.toString().replace('\\', '/');
    assertThat(r.err().lines().filter(l -> l.startsWith(w)).toList())
        .containsExactly(
            w
                + ":9:3: error: association_type 'CSP T3' is not a known association type (known: PAL, DPOR, CSP T1, CSP T2, CPOR, CPOR RevRec, CPOR OSA, CPOR OSU, CPOR RevRec Performance)",
            w + ":10:3: error: tenant 'T9' is not declared in this case",
            w + ":10:45: error: acr '10.123' has more than 2 decimal places",
            w
                + ":12:3: error: tenant 'T1', workload 'Azure SQL Database', month 2026-08 already has a row at line 11",
            w
                + ":13:10: error: unknown area 'azur'; did you mean 'azure'? (areas: azure, bizapps-enterprise, bizapps-smb, modern-work-enterprise, modern-work-smb, security)",
            w
                + ":14:16: error: area 'azure' has no node 'workload'; did you mean 'workloads'? (nodes: workloads, association, net-customer-adds, deployments, usage-growth)",
            w
                + ":15:3: error: this case has 2 customers (C1, C2): say which with 'for ID' at the end",
            w + ":16:36: error: no customer 'C3' in this case; did you mean 'C1'?",
            w + ":17:24: error: node 'workloads' of area 'azure' has no partner-level rule");
    assertThat(r.err()).endsWith("9 errors\n");
  }

  @Test
  void aBadUsageValueIsLocatedAtTheValueInTheCasesWords() throws IOException {
    Path file = tmp.resolve("values.cases");
    Files.writeString(
        file,
        """
        as of 2026-08
        workloads "Azure SQL Database" family "Azure"

        case "values" {
          intent "figures the loader refuses, each at its own place"
          customer C1
          tenant T1
          usage T1 "Azure SQL Database" 2026-07 .. 2026-08 revenue 5 acr 1000.001 paid_units 1.5
          expect azure workloads met 1
        }
        """,
        StandardCharsets.UTF_8);
    Run r = eligo("test", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.CRITERIA);
    String w = file.toString().replace('\\', '/');
    assertThat(r.err())
        .isEqualTo(
            ""
                + w
                + ":8:66: error: acr '1000.001' has more than 2 decimal places\n"
                + "  usage T1 \"Azure SQL Database\" 2026-07 .. 2026-08 revenue 5 acr 1000.001 paid_units 1.5\n"
                + "                                                                 ^~~~~~~~\n"
                + w
                + ":8:86: error: paid_units '1.5' is not a whole number (digits only)\n"
                + "  usage T1 \"Azure SQL Database\" 2026-07 .. 2026-08 revenue 5 acr 1000.001 paid_units 1.5\n"
                + "                                                                                     ^~~\n"
                + "2 errors\n");
  }

  @Test
  void aCustomerWrittenTwiceIsOneErrorNotAlsoACaseOfTwoCustomers() throws IOException {
    Path file = tmp.resolve("twice.cases");
    Files.writeString(
        file,
        """
        as of 2026-08
        workloads "Azure SQL Database" family "Azure"

        case "twice" {
          intent "the same customer written twice"
          customer C1
          customer C1
          tenant T1
          usage T1 "Azure SQL Database" 2026-08 acr 1000.00
          expect azure workloads met 1
        }
        """,
        StandardCharsets.UTF_8);
    Run r = eligo("test", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.CRITERIA);
    String w = file.toString().replace('\\', '/');
    assertThat(r.err())
        .isEqualTo(
            ""
                + w
                + ":7:3: error: customer_id 'C1' is already used at line 6\n"
                + "  customer C1\n"
                + "  ^~~~~~~~~~~\n"
                + "1 error\n");
  }

  @Test
  void withoutCaseFilesThereIsNothingToTest() throws IOException {
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    Run r = eligo("test", empty.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("no *.cases files in [" + empty + "]");
    assertThat(eligo("test", tmp.resolve("missing.cases").toString()).err())
        .contains("does not exist");
  }

  /**
   * A case file with no case (only its settings, or empty) ran nothing and passed: "0 passed, 0
   * failed", exit 0. Now such a file is a warning at its first line, and a run with no case at all
   * is refused.
   */
  @Test
  void aCaseFileWithNoCasesIsAWarningAndNoCaseAtAllIsRefused() throws IOException {
    Path settings = tmp.resolve("settings.cases");
    Files.writeString(settings, "as of 2026-08\n# case \"x\" { ... } still to write\n");
    Run r = eligo("test", settings.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            settings
                + ":1:1: warning: this file has no cases: write 'case \"NAME\" { ... }' blocks"
                + " after its settings\n")
        .endsWith("eligo: no cases to run in " + settings + "\n");

    Path empty = tmp.resolve("empty.cases");
    Files.writeString(empty, "");
    Run both = eligo("test", empty.toString(), "criteria/azure.cases");
    assertThat(both.code()).as(both.err()).isZero();
    assertThat(both.err())
        .startsWith(empty + ":1:1: warning: this file has no cases")
        .endsWith("1 warning\n");
    assertThat(both.out()).contains("\n18 passed, 0 failed");
  }

  /**
   * An attribute the criteria do not declare (for that owner) was written as an extra column and
   * ignored: 'segmnt "Test"' left the segment empty and the case passed or failed on that without a
   * word. Now each is an error at the column's name.
   */
  @Test
  void anAttributeTheCriteriaDoNotDeclareIsAnErrorAtItsName() throws IOException {
    Path file = tmp.resolve("attributes.cases");
    Files.writeString(
        file,
        """
        as of 2026-08
        workloads "Virtual Machines" family "Azure"
        case "slips" {
          intent "x"
          customer C1 with segmnt "Test"
          tenant T1, T2 with contry "DE"
          customer C2 with country "DE"
          tenant T3 with country "DE", segment "SMB"
          expect partner-club active met for C1
        }
        """);
    Run r = eligo("test", "--criteria", "examples/all-constructs", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.CRITERIA);
    assertThat(r.out()).isEmpty();
    String w = file.toString().replace('\\', '/');
    assertThat(r.err().lines().filter(l -> l.startsWith(w)))
        .containsExactly(
            w
                + ":5:20: error: no criteria declares a customer attribute 'segmnt'; did you mean"
                + " 'segment'? (customer attributes: segment)",
            w
                + ":6:22: error: no criteria declares a tenant attribute 'contry'; did you mean"
                + " 'country'? (tenant attributes: country)",
            w
                + ":7:20: error: 'country' is an attribute of a tenant, not of a customer: give it"
                + " on the tenant line",
            w
                + ":8:32: error: 'segment' is an attribute of a customer, not of a tenant: give it"
                + " on the customer line");
    assertThat(r.err()).endsWith("4 errors\n");
  }

  /**
   * A case with no customer line gave "this case has 0 customers: say which with 'for ID' at the
   * end" at every expectation, advice that cannot help; now one error at the case's name.
   */
  @Test
  void aCaseWithNoCustomerIsOneErrorAtItsName() throws IOException {
    Path file = tmp.resolve("nobody.cases");
    Files.writeString(
        file,
        """
        as of 2026-08
        case "nobody" {
          intent "x"
          expect azure workloads met 1
          expect azure deployments met 1 for C1
          expect partner security azure.usage-growth met
        }
        """);
    Run r = eligo("test", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.CRITERIA);
    String w = file.toString().replace('\\', '/');
    assertThat(r.err())
        .isEqualTo(
            w
                + ":2:6: error: case \"nobody\" has no customer for its expectations to check: add"
                + " 'customer ID' (and its tenants)\n"
                + "case \"nobody\" {\n"
                + "     ^~~~~~~~\n"
                + "1 error\n");
  }

  /** A small area naming workloads, and a case file declaring the workloads it needs. */
  private Run testWith(String workloadSet, String caseWorkloads) throws IOException {
    Path criteria = Files.createDirectories(tmp.resolve("c"));
    Files.writeString(
        criteria.resolve("a.criteria"),
        """
        association type PAL = "PAL"
        workloads W = %s
        area a "A" {
          gate seats "Seats" {
            criteria "Seats this month: at least {met}"
            value count tenant, workload in W where paid_units at M > 0
            met when value >= 1
          }
        }
        """
            .formatted(workloadSet));
    Files.writeString(
        criteria.resolve("a.cases"),
        """
        as of 2026-08
        workloads %s family "Office"
        case "seats" {
          intent "One tenant with seats."
          customer C1
          tenant T1
          usage T1 "Teams" 2026-08 paid_units 3
          expect a seats met 1
        }
        """
            .formatted(caseWorkloads));
    return eligo("test", "--criteria", criteria.toString());
  }

  @Test
  void aCriteriaNameThatDiffersFromTheCasesDataInCaseOrSpacesIsALocatedError() throws IOException {
    Run r = testWith("\"teams\", \"Yammer\"", "\"Teams\", \"Yammer\"");
    assertThat(r.code()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            tmp.resolve("c").resolve("a.criteria")
                + ":2:15: error: the data has no workload \"teams\": names must match to the"
                + " letter; the data writes it \"Teams\"\n")
        .endsWith("\n1 error\n");
  }

  @Test
  void aNearMissOfACasesWorkloadIsAWarningAndTheCasesStillRun() throws IOException {
    Run r = testWith("\"Teams\", \"Yamer\"", "\"Teams\", \"Yammer\"");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err())
        .contains(
            ":2:24: warning: this test case's data has no workload \"Yamer\" but has"
                + " \"Yammer\": did you mean it?")
        .endsWith("1 warning\n");
    assertThat(r.out()).contains("1 passed, 0 failed");
    // a workload the case simply does not declare is no warning: cases declare what they need
    Run quiet = testWith("\"Teams\", \"Exchange\"", "\"Teams\"");
    assertThat(quiet.code()).as(quiet.err()).isZero();
    assertThat(quiet.err()).isEmpty();
    // nor is one that shares words with a declared one but is many letters from it: another name
    Run other =
        testWith(
            "\"Teams\", \"Microsoft Defender for Office 365\"",
            "\"Teams\", \"Microsoft Defender for Endpoint\"");
    assertThat(other.code()).as(other.err()).isZero();
    assertThat(other.err()).isEmpty();
  }
}
