package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad data through the command line, as DATA.md asks: a copy of the sample dataset corrupted with
 * one error of every class gives one message per error at its file and line, exit status 4 and no
 * results file; with {@code --on-bad-rows=skip} the bad rows go to the rejects file (formula-safe),
 * the counts per file add up, and the results are computed from the good rows.
 */
@Needs(Requirement.SHARED)
class BadDataRunTest {
  @TempDir Path tmp;
  Path data;
  final List<String> expected = new ArrayList<>();

  @BeforeEach
  void corruptACopyOfTheSample() throws IOException {
    data = tmp.resolve("data");
    Files.createDirectories(data);
    try (Stream<Path> s = Files.list(SharedFiles.conformance("sample-1").resolve("data"))) {
      for (Path p : s.toList()) {
        Files.copy(p, data.resolve(p.getFileName()));
      }
    }
    append("customers.csv", "=2+5,,dup", "customer_id is empty");
    append("customers.csv", "P003,C99999", "the row has 2 fields, the header has 3");
    append("tenants.csv", "C77777,T999991,orphan", "customer 'C77777' is not in customers.csv");
    append(
        "associations.csv",
        "T000001,Azure SQL Database,CSP T3,2024-02,",
        "association_type 'CSP T3' is not a known association type (known: PAL, DPOR,"
            + " CSP T1, CSP T2, CPOR, CPOR RevRec, CPOR OSA, CPOR OSU, CPOR RevRec Performance)");
    append(
        "associations.csv",
        "T000001,Azure SQL Database,PAL,2025-03,2025-01",
        "start_month 2025-03 is after end_month 2025-01");
    append(
        "associations.csv",
        "T000001,No Such Workload,PAL,2025-01,",
        "workload 'No Such Workload' is not in workloads.csv");
    // usage.csv of the sample has its columns in another order and an extra column
    append(
        "usage.csv",
        "2026-13,T000001,Azure SQL Database,1,,,,,x",
        "month '2026-13' is not a month (YYYY-MM)");
    append(
        "usage.csv",
        "2019-01,T000001,Azure SQL Database,abc,,,,,x",
        "acr_usd 'abc' is not an amount (like 1234.56 or -0.5)");
    append(
        "usage.csv",
        "2019-02,T000001,Azure SQL Database,1.234,,,,,x",
        "acr_usd '1.234' has more than 2 decimal places");
    append(
        "usage.csv", "2019-03,T000001,Azure SQL Database,,,-1,,,x", "paid_units '-1' is negative");
    append(
        "usage.csv",
        "2019-04,T999999,Azure SQL Database,1,,,,,x",
        "tenant 'T999999' is not in tenants.csv");
    int first = lines("usage.csv") + 1;
    append("usage.csv", "2019-05,T000001,Azure SQL Database,1,,,,,x", null);
    append(
        "usage.csv",
        "2019-05,T000001,Azure SQL Database,2,,,,,x",
        "tenant 'T000001', workload 'Azure SQL Database', month 2019-05 already has a row at line "
            + first);
  }

  @Test
  void strictModeReportsEveryErrorAtItsLineAndWritesNoResults() {
    Path results = tmp.resolve("out").resolve("results.csv");
    Run run =
        run(
            "run",
            "--criteria",
            "criteria",
            "--data",
            data.toString(),
            "--results",
            results.toString());
    assertThat(run.code).isEqualTo(ExitCodes.DATA);
    List<String> messages = run.err.lines().toList();
    assertThat(messages.get(0)).isEqualTo(expected.size() + " errors in the dataset:");
    assertThat(messages.subList(1, messages.size())).containsExactlyElementsOf(expected);
    assertThat(results.getParent()).doesNotExist();
    assertThat(run.out).isEmpty();
  }

  @Test
  void fileErrorsAreReportedWithTheRowErrorsOfTheOtherFiles() throws IOException {
    Files.delete(data.resolve("associations.csv"));
    List<String> tenants = Files.readAllLines(data.resolve("tenants.csv"));
    List<String> withoutNames = new ArrayList<>();
    withoutNames.add("customer_id,tenant_id");
    tenants.stream()
        .skip(1)
        .map(l -> l.substring(0, l.lastIndexOf(',')))
        .forEach(withoutNames::add);
    Files.write(data.resolve("tenants.csv"), withoutNames);
    Run run =
        run(
            "run",
            "--criteria",
            "criteria",
            "--data",
            data.toString(),
            "--results",
            tmp.resolve("results.csv").toString());
    assertThat(run.code).isEqualTo(ExitCodes.DATA);
    // rows that name tenants cannot be checked against a tenants.csv that cannot be read
    assertThat(run.err.lines().toList())
        .containsExactly(
            "8 errors in the dataset:",
            expected.get(0),
            expected.get(1),
            "tenants.csv:1: missing column 'tenant_name' (the header has: customer_id, tenant_id)",
            "associations.csv: file is missing (looked for "
                + data.resolve("associations.csv")
                + ")",
            expected.get(6),
            expected.get(7),
            expected.get(8),
            expected.get(9));
    assertThat(tmp.resolve("results.csv")).doesNotExist();
  }

  @Test
  void lenientModeRejectsTheBadRowsCountsThemAndComputesTheRest() throws IOException {
    Path results = tmp.resolve("results.csv");
    Path rejects = tmp.resolve("rejects.csv");
    Run run =
        run(
            "run",
            "--criteria",
            "criteria",
            "--data",
            data.toString(),
            "--results",
            results.toString(),
            "--on-bad-rows=skip",
            "--rejects",
            rejects.toString());
    assertThat(run.code).as(run.err).isZero();
    List<String> counts = run.out.lines().filter(l -> l.matches("\\S+\\.csv +read .*")).toList();
    assertThat(counts).hasSize(5);
    long rejected = 0;
    for (String line : counts) {
      String[] f = line.split("[ ,]+");
      long read = Long.parseLong(f[2]);
      long used = Long.parseLong(f[4]);
      long bad = Long.parseLong(f[6]);
      assertThat(read).as(line).isEqualTo(used + bad);
      assertThat(bad)
          .as(line)
          .isEqualTo(expected.stream().filter(e -> e.startsWith(f[0] + ":")).count());
      rejected += bad;
    }
    assertThat(rejected).isEqualTo(expected.size());
    assertThat(run.out)
        .contains("Rejected rows written to " + rejects + " (" + expected.size() + ")");

    List<String> rows = Files.readAllLines(rejects, StandardCharsets.UTF_8);
    assertThat(rows.get(0)).isEqualTo("file,line,reason,row");
    assertThat(rows).hasSize(expected.size() + 1);
    for (int i = 0; i < expected.size(); i++) {
      String[] where = expected.get(i).split(":", 3);
      assertThat(rows.get(i + 1)).startsWith(where[0] + "," + where[1] + ",");
    }
    // a raw row that starts with '=' must not run as a formula in a spreadsheet
    assertThat(rows.get(1))
        .isEqualTo(
            "customers.csv,"
                + expected.get(0).split(":")[1]
                + ",customer_id is empty,\"'=2+5,,dup\"");
    assertThat(results).exists();
    assertThat(Files.readAllLines(results).get(0))
        .isEqualTo("partner_id,customer_id,area,node,status,value");
  }

  /** Appends a row; with a reason, the error the loader must report for it at that line. */
  private void append(String file, String row, String reason) throws IOException {
    Path p = data.resolve(file);
    String text = Files.readString(p, StandardCharsets.UTF_8);
    String prefix = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    Files.writeString(p, prefix + row + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    if (reason != null) {
      expected.add(file + ":" + lines(file) + ": " + reason);
    }
  }

  private int lines(String file) throws IOException {
    return Files.readAllLines(data.resolve(file), StandardCharsets.UTF_8).size();
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }
}
