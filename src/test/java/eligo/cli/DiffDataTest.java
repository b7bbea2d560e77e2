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

  /** A copy of the sample data with its lines of {@code file} given by {@code edit}. */
  Path edited(String name, java.util.function.BiFunction<String, List<String>, List<String>> edit)
      throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (Stream<Path> s = Files.list(SAMPLE)) {
      for (Path p : s.toList()) {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        Files.write(
            dir.resolve(p.getFileName()),
            edit.apply(p.getFileName().toString(), lines),
            StandardCharsets.UTF_8);
      }
    }
    return dir;
  }

  /** The field {@code column} of a line of a file whose header is {@code header} (no quotes). */
  static String field(String header, String line, String column) {
    return line.split(",", -1)[List.of(header.split(",", -1)).indexOf(column)];
  }

  /** A partner only the new data has; its id shows in text as {@code P009\\u200b}. */
  static final String NEW_PARTNER = "P009\u200b";

  /**
   * Last month's export against this month's: customer C00001 (tenant T000001) left, two came
   * (tenant T000021's rows copied under new ids, one id hostile, one of a new partner whose id
   * holds a zero-width space), and tenant T000140's (customer C00081's) ACR tripled.
   */
  Path nextMonth() throws IOException {
    String hostile = "=1+1<b>&x";
    return edited(
        "next-month",
        (file, lines) -> {
          String header = lines.get(0);
          List<String> out = new ArrayList<>(List.of(header));
          for (String line : lines.subList(1, lines.size())) {
            String tenant = header.contains("tenant_id") ? field(header, line, "tenant_id") : "";
            if (tenant.equals("T000001") || line.startsWith("P003,C00001,")) {
              continue; // removed
            }
            if (file.equals("usage.csv") && tenant.equals("T000140")) {
              String[] f = line.split(",", -1);
              int acr = List.of(header.split(",", -1)).indexOf("acr_usd");
              if (!f[acr].isEmpty()) {
                f[acr] =
                    new java.math.BigDecimal(f[acr])
                        .multiply(new java.math.BigDecimal(3))
                        .toString();
              }
              line = String.join(",", f);
            }
            out.add(line);
            if (!file.equals("tenants.csv") && tenant.equals("T000021")) {
              out.add(line.replace("T000021", "T900001"));
              out.add(line.replace("T000021", "T900002"));
            }
          }
          if (file.equals("customers.csv")) {
            // Z9 before the hostile id in the file: listed by customer id all the same
            out.add(NEW_PARTNER + ",Z9,Zeta Nine");
            out.add("P001," + hostile + ",\"<script>alert(\"\"x\"\")</script>, Inc.\"");
          }
          if (file.equals("tenants.csv")) {
            out.add("Z9,T900001,zeta tenant");
            out.add(hostile + ",T900002,hostile tenant");
          }
          return out;
        });
  }

  @Test
  void customersAddedAndRemovedAreListedBesideThoseThatChanged() throws IOException {
    Path newData = nextMonth();
    Map<String, String> x = run(SAMPLE, tmp.resolve("old.csv"));
    Map<String, String> y = run(newData, tmp.resolve("new.csv"));
    // what the two results files say: rows in both that differ, rows in one only
    List<String> changed = new ArrayList<>();
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (String k : x.keySet()) {
      if (!y.containsKey(k)) {
        removed.add(k + ": " + x.get(k));
      } else if (!x.get(k).equals(y.get(k))) {
        changed.add(k + ": " + x.get(k) + " -> " + y.get(k));
      }
    }
    for (String k : y.keySet()) {
      if (!x.containsKey(k) && k.startsWith(NEW_PARTNER + ",,")) {
        changed.add(k + ": (none) -> " + y.get(k)); // the new partner's own rows
      } else if (!x.containsKey(k)) {
        added.add(k + ": " + y.get(k));
      }
    }
    changed.sort(null);
    assertThat(changed)
        .anyMatch(r -> r.startsWith("P001,C00081,"))
        .anyMatch(r -> r.startsWith(NEW_PARTNER + ",,"))
        .allMatch(r -> r.startsWith("P001,C00081,") || r.startsWith(NEW_PARTNER + ",,"));
    assertThat(added).anyMatch(r -> r.startsWith("P001,=1+1<b>&x,"));
    assertThat(added).anyMatch(r -> r.startsWith(NEW_PARTNER + ",Z9,"));
    assertThat(removed).isNotEmpty().allMatch(r -> r.startsWith("P003,C00001,"));

    // before: refused, exit 4 ("hold different customers ... in the same order")
    DiffCommandTest.Run json = dataDiff(newData, "--format", "json", "--exit-code");
    assertThat(json.code()).as(json.err()).isEqualTo(ExitCodes.CHANGED);
    com.fasterxml.jackson.databind.JsonNode report = new ObjectMapper().readTree(json.out());
    assertThat(reportedRows(report)).isEqualTo(changed);
    assertThat(report.get("customerCount").asInt()).isEqualTo(119);
    assertThat(oneSided(report.get("added"))).containsExactlyInAnyOrderElementsOf(added);
    assertThat(oneSided(report.get("removed"))).containsExactlyInAnyOrderElementsOf(removed);
    List<String> addedIds = new ArrayList<>();
    report.get("added").forEach(c -> addedIds.add(c.get("customer").asText()));
    assertThat(addedIds).containsExactly("=1+1<b>&x", "Z9"); // by customer id
    assertThat(report.get("added").get(0).get("name").asText())
        .isEqualTo("<script>alert(\"x\")</script>, Inc.");
    assertThat(report.get("removed")).hasSize(1);
    assertThat(report.get("removed").get(0).get("customer").asText()).isEqualTo("C00001");
    // each row with the report's words for it
    report
        .get("added")
        .forEach(
            c -> c.get("rows").forEach(r -> assertThat(r.get("explained").asText()).isNotEmpty()));

    long rows = changed.stream().filter(r -> r.startsWith("P001,C00081,")).count();
    long partnerRows = changed.size() - rows;
    String headline =
        "1 of 119 customers in both changed ("
            + rows
            + (rows == 1 ? " row)" : " rows)")
            + "; 2 customers added, 1 removed; "
            + partnerRows
            + " partner-level rows changed.";
    DiffCommandTest.Run text = dataDiff(newData);
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("\n" + headline)
        .contains(
            "\nCustomers only in the new data (added)\n"
                + "  P001 =1+1<b>&x  <script>alert(\"x\")</script>, Inc.\n")
        .contains("\n  P009\\u200b Z9  Zeta Nine\n")
        .contains("\nCustomers only in the old data (removed)\n  P003 C00001  Tailspin Toys 1\n")
        .containsPattern("\n  P009\\\\u200b +[a-z.-]+ +[a-z.-]+ +\\(no such partner\\) -> ");
    assertThat(text.out().indexOf("=1+1<b>&x  <script>"))
        .isLessThan(text.out().indexOf("P009\\u200b Z9  Zeta Nine"))
        .isGreaterThan(text.out().indexOf("\nCustomers\n"));
    // every row of an added customer, in the report's words, with its explanation
    String z9 = text.out().substring(text.out().indexOf("P009\\u200b Z9  Zeta Nine\n"));
    z9 = z9.substring(z9.indexOf('\n') + 1, z9.indexOf("\nCustomers only in the old data"));
    List<String> z9Rows = added.stream().filter(r -> r.startsWith(NEW_PARTNER + ",Z9,")).toList();
    assertThat(z9.lines()).hasSize(z9Rows.size());
    // a node not evaluated says why once: no value to show, and no "not evaluated" in the why
    assertThat(z9)
        .containsPattern("Not evaluated +why: gate '")
        .doesNotContain("not evaluated; why")
        .doesNotContain("why: not evaluated");
    for (String r : z9Rows) {
      String[] f = r.split(",", 4);
      String node = f[3].substring(0, f[3].indexOf(": "));
      String[] row = f[3].substring(f[3].indexOf(": ") + 2).split(" ", 2);
      String said = eligo.report.Words.outcome(row[0]) + (row.length > 1 ? " " + row[1] : "");
      assertThat(z9)
          .containsPattern(
              "(?m)^    "
                  + java.util.regex.Pattern.quote(f[2])
                  + " +"
                  + java.util.regex.Pattern.quote(node)
                  + " +"
                  + java.util.regex.Pattern.quote(said)
                  + "  +\\S");
    }

    DiffCommandTest.Run html = dataDiff(newData, "--format", "html");
    assertThat(html.code()).as(html.err()).isZero();
    assertThat(html.out())
        .contains("<strong>" + headline)
        .contains("<h2>Customers only in the new data (added)</h2>")
        .contains("<h2>Customers only in the old data (removed)</h2>")
        .contains(
            "<td>P001</td><td>=1+1&lt;b&gt;&amp;x</td><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;, Inc.</td>")
        .contains("<td>P003</td><td>C00001</td><td>Tailspin Toys 1</td>")
        .contains("<td>(no such partner)</td>")
        .doesNotContain("<script>", "<b>&x");
  }

  /**
   * The rows of the added or removed customers of a JSON report: "partner,customer,area,node: row".
   */
  static List<String> oneSided(com.fasterxml.jackson.databind.JsonNode customers) {
    List<String> out = new ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode c : customers) {
      for (com.fasterxml.jackson.databind.JsonNode r : c.get("rows")) {
        out.add(
            c.get("partner").asText()
                + ","
                + c.get("customer").asText()
                + ","
                + r.get("area").asText()
                + ","
                + r.get("node").asText()
                + ": "
                + DiffCommandTest.side(r.get("row")));
      }
    }
    return out;
  }

  @Test
  void theSameCustomersInAnotherOrderAreNoChange() throws IOException {
    Path reordered =
        edited(
            "reordered",
            (file, lines) -> {
              if (!file.equals("customers.csv")) {
                return lines;
              }
              List<String> out = new ArrayList<>(lines.subList(1, lines.size()));
              java.util.Collections.reverse(out);
              out.add(0, lines.get(0));
              return out;
            });
    // before: refused, exit 4, as customers listed in another order
    DiffCommandTest.Run r = dataDiff(reordered, "--exit-code");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "\nNo customer changed: every customer has the same status and value at every node;"
                + " no partner-level row changed.\n");
  }

  @Test
  void aMixedFormIsRefused() throws IOException {
    Path newData = tripledAcr("2026-09");
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
