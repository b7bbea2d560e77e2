package eligo.cli;

import static eligo.cli.DiffCommandTest.SAMPLE;
import static eligo.cli.DiffCommandTest.eligo;
import static eligo.cli.DiffCommandTest.reportedRows;
import static eligo.cli.DiffCommandTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eligo diff --criteria DIR --old-data DIR --new-data DIR}: the impact of a data change is
 * exactly the rows that differ between two {@code eligo run} results files.
 */
@Needs(Requirement.SHARED)
class DiffDataTest {
  @TempDir Path tmp;

  /** A copy of the sample data whose usage.csv has every ACR of {@code month} tripled. */
  Path tripledAcr(String month) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("new-data"));
    try (Stream<Path> s = Files.list(SAMPLE)) {
      for (Path p : s.toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    List<String> lines = Files.readAllLines(dir.resolve("usage.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int acr = header.indexOf("acr_usd");
    int at = header.indexOf("month");
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f[at].equals(month) && !f[acr].isEmpty()) {
        f[acr] =
            new java.math.BigDecimal(f[acr]).multiply(java.math.BigDecimal.valueOf(3)).toString();
      }
      out.add(String.join(",", f));
    }
    Files.write(dir.resolve("usage.csv"), out, StandardCharsets.UTF_8);
    return dir;
  }

  List<String> changedRows(Path oldData, Path newData) throws IOException {
    Map<String, String> x = run(oldData, tmp.resolve("old.csv"));
    Map<String, String> y = run(newData, tmp.resolve("new.csv"));
    assertThat(y.keySet()).isEqualTo(x.keySet());
    List<String> out = new ArrayList<>();
    for (String k : x.keySet()) {
      if (!x.get(k).equals(y.get(k))) {
        out.add(k + ": " + x.get(k) + " -> " + y.get(k));
      }
    }
    return out;
  }

  static Map<String, String> run(Path data, Path results) throws IOException {
    DiffCommandTest.Run r =
        eligo(
            "run",
            "-q",
            "--criteria",
            "criteria",
            "--data",
            data.toString(),
            "--results",
            results.toString());
    assertThat(r.code()).as(r.err()).isZero();
    return rows(results);
  }

  /** {@code eligo diff --criteria criteria --old-data SAMPLE --new-data NEW} and {@code more}. */
  private static DiffCommandTest.Run dataDiff(Path newData, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "diff",
                "--criteria",
                "criteria",
                "--old-data",
                SAMPLE.toString(),
                "--new-data",
                newData.toString()));
    args.addAll(List.of(more));
    return eligo(args.toArray(String[]::new));
  }

  @Test
  void twoDataFoldersListExactlyTheRowsTwoRunsDiffer() throws IOException {
    Path newData = tripledAcr("2026-09");
    List<String> expected = changedRows(SAMPLE, newData);
    assertThat(expected).isNotEmpty();
    // before: diff had no way to take two data folders ('--data' should be specified only once)
    DiffCommandTest.Run r = dataDiff(newData, "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(reportedRows(new ObjectMapper().readTree(r.out()))).isEqualTo(expected);

    DiffCommandTest.Run text = dataDiff(newData, "--exit-code");
    assertThat(text.code()).isEqualTo(ExitCodes.CHANGED);
    assertThat(text.out())
        .startsWith("Criteria criteria on " + SAMPLE + " -> " + newData + ", as of 2026-09\n");
    DiffCommandTest.Run html = dataDiff(newData, "--format", "html");
    assertThat(html.out())
        .contains(
            "<p>Criteria <code>criteria</code> on <code>"
                + SAMPLE
                + " -&gt; "
                + newData
                + "</code>, as of 2026-09.</p>")
        // a data change, not a criteria change
        .contains("<title>Impact of a data change</title>", "<h1>Impact of a data change</h1>");
  }

  @Test
  void differentCustomersOrAMixedFormAreRefused() throws IOException {
    Path newData = tripledAcr("2026-09");
    List<String> customers = Files.readAllLines(newData.resolve("customers.csv"));
    Files.write(newData.resolve("customers.csv"), customers.subList(0, customers.size() - 1));
    DiffCommandTest.Run r =
        eligo(
            "diff",
            "--criteria",
            "criteria",
            "--old-data",
            SAMPLE.toString(),
            "--new-data",
            newData.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.DATA);
    assertThat(r.err())
        .contains(" hold different customers (")
        .contains("customers.csv must list the same partners and customers in the same order");

    DiffCommandTest.Run mixed =
        eligo(
            "diff",
            "--old",
            "criteria",
            "--new",
            "criteria",
            "--old-data",
            SAMPLE.toString(),
            "--new-data",
            newData.toString());
    assertThat(mixed.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(mixed.err())
        .isEqualTo(
            "eligo: two data folders are compared with --criteria DIR --old-data DIR --new-data"
                + " DIR (and no --data, --old, --new, --version or --against)\n");
    DiffCommandTest.Run noData = eligo("diff", "--old", "criteria", "--new", "criteria");
    assertThat(noData.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(noData.err()).startsWith("eligo: give --data DIR");
  }
}
