package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.report.Markup;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary, explain, tree and report through the command line. */
@Needs(Requirement.SHARED)
class ReportCommandsTest {
  @TempDir Path tmp;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Result(code, out.toString(), err.toString());
  }

  private static String data(String set) {
    return SharedFiles.conformance(set).resolve("data").toString();
  }

  @Test
  void summaryAsAlignedText() {
    Result r =
        run(
            "summary",
            "--criteria",
            "criteria",
            "--data",
            data("hand-1"),
            "--area",
            "azure",
            "--list");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
        Customer eligibility: 4 customers of 1 partner, as of 2026-09

        Azure (azure)
          workloads          gate    Met 3          Not met 1     Not evaluated 0
            Met: C1, C2, C4
            Not met: C3
          association        gate    Met 2          Not met 1     Not evaluated 1
            Met: C1, C2
            Not met: C4
            Not evaluated: C3
          net-customer-adds  metric  With growth 2  In decline 0  No change 0      Met 2  Not met 0  Not evaluated 2
            With growth: C1, C2
            Met: C1, C2
            Not evaluated: C3, C4
          deployments        metric  Met 1          Not met 1     Not evaluated 2
            Met: C1
            Not met: C2
            Not evaluated: C3, C4
          usage-growth       metric  With growth 1  In decline 1  No change 0      Met 1  Not met 1  Not evaluated 2
            With growth: C2
            In decline: C1
            Met: C2
            Not met: C1
            Not evaluated: C3, C4
        """);
  }

  @Test
  void summaryFilterErrorsAreUsageErrors() {
    Result r =
        run("summary", "--criteria", "criteria", "--data", data("hand-1"), "--node", "deployment");
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("eligo: no node 'deployment': did you mean 'deployments'?\n");
  }

  @Test
  void explainFindsACustomerByPartOfItsName() {
    Result r = run("explain", "oNE", "--criteria", "criteria", "--data", data("hand-1"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("Customer C1: One (partner P1), as of 2026-09\n\nAzure (azure)\n");
    assertThat(r.out())
        .contains(
            """
          usage-growth       not met  -33.3% ($1,000.00/$1,499.99)
            criteria: Attributed ACR of the last 12 months above that of the 12 months before
            why: ACR attributed via CSP T1, CSP T2, DPOR or PAL: $1,000.00 in 2025-10..2026-09 against $1,499.99 in 2024-10..2025-09; needed: growth of more than $0.00
            per workload (now | a year earlier):
              Azure SQL Database  $1,000.00 | $1,499.99
        """);
    Result json =
        run(
            "explain",
            "C1",
            "--criteria",
            "criteria",
            "--data",
            data("hand-1"),
            "--format",
            "json");
    assertThat(json.out())
        .contains(
            "\"schema\" : \"eligo-customer/1\"", "\"current\" : \"-33.3% ($1,000.00/$1,499.99)\"");
  }

  @Test
  void anAmbiguousCustomerListsTheCandidates() {
    Result r = run("explain", "script", "--criteria", "criteria", "--data", data("sample-1"));
    assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err())
        .startsWith(
            "eligo: 9 customers match 'script'; name one by its id:\n  C00057  <script>alert(1)</script> 57\n");
    Result none = run("explain", "Nobody", "--criteria", "criteria", "--data", data("hand-1"));
    assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err())
        .isEqualTo("eligo: no customer has the id 'Nobody' or a name containing it\n");
  }

  @Test
  void treeAsTextMermaidAndDot() {
    Result text = run("tree", "azure", "--criteria", "criteria", "--data", data("hand-1"));
    assertThat(text.code()).as(text.err()).isZero();
    assertThat(text.out())
        .startsWith(
            "area azure: Azure\n  gate workloads: Azure services — Azure consumed revenue on at least one Azure service in the last 24 months"
                + " [Met 3, Not met 1, Not evaluated 0]\n  gate association: Partner association");
    Result json =
        run(
            "tree",
            "azure",
            "--criteria",
            "criteria",
            "--data",
            data("hand-1"),
            "--format",
            "json");
    assertThat(json.code()).as(json.err()).isZero();
    assertThat(json.out())
        .startsWith("{\n  \"schema\" : \"eligo-tree/1\",\n  \"area\" : \"azure\",")
        .contains(
            "\"id\" : \"workloads\",\n      \"kind\" : \"gate\",",
            "\"counts\" : {\n        \"met\" : 3,\n        \"not_met\" : 1,\n        \"not_evaluated\" : 0\n      }");
    Result mermaid =
        run("tree", "modern-work-smb", "--criteria", "criteria", "--format", "mermaid");
    assertThat(mermaid.out())
        .startsWith("flowchart TD\n  n0[\"Modern Work (SMB)\"]\n")
        .contains(
            "Tenant workloads with #62; 10 and #60;= 300 paid available units",
            "  n1 -->|met| n2\n",
            "  n5 --> n6\n")
        .doesNotContain("pass ");
    Result dot = run("tree", "security", "--criteria", "criteria", "--format", "dot");
    assertThat(dot.out())
        .startsWith("digraph \"security\" {\n")
        .contains("n1 [label=\"branch: Azure security\"];")
        .endsWith("}\n");
    Result unknown = run("tree", "secrity", "--criteria", "criteria");
    assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).isEqualTo("eligo: no area 'secrity': did you mean 'security'?\n");
  }

  @Test
  void reportWritesTheSite() throws Exception {
    Path out = tmp.resolve("site");
    Result r =
        run("report", "--criteria", "criteria", "--data", data("hand-2"), "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo("Report written to " + out.resolve("index.html") + " (2 customers)\n");
    assertThat(r.err()).as("no progress when not on a terminal").isEmpty();
    // two customers: one book, a section each
    assertThat(Markup.read(out.resolve("c1-0.html")))
        .contains("<section id=\"_c5\" class=\"customer\"><h1 class=\"customer-name\">Five</h1>");
    Result missing = run("report", "--criteria", "criteria", "--out", out.toString());
    assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err()).isEqualTo("eligo: give the dataset with --data DIR\n");
  }

  @Test
  void reportOfOnePartnerAndOfEach() throws Exception {
    String sample = "examples/sample-data";
    Path one = tmp.resolve("p003");
    Result r =
        run(
            "report",
            "--criteria",
            "criteria",
            "--data",
            sample,
            "--partner",
            "P003",
            "--out",
            one.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "Report of partner P003 written to " + one.resolve("index.html") + " (33 customers)\n");
    // 33 customers: one book of 33 sections
    try (var pages = Files.list(one)) {
      assertThat(pages.map(p -> p.getFileName().toString()).filter(p -> p.startsWith("c")))
          .containsExactlyInAnyOrder("c1-0.html", "customers.html");
    }
    assertThat(Files.readString(one.resolve("c1-0.html")).split("<section ", -1)).hasSize(34);
    assertThat(Markup.read(one.resolve("index.html")))
        .contains("partner P003")
        .doesNotContain("P001");
    Path unknown = tmp.resolve("nobody");
    Result bad =
        run(
            "report",
            "--criteria",
            "criteria",
            "--data",
            sample,
            "--partner",
            "P03",
            "--out",
            unknown.toString());
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).isEqualTo("eligo: no partner 'P03': did you mean 'P003'?\n");
    assertThat(unknown).doesNotExist();
    Path each = tmp.resolve("each");
    Result all =
        run(
            "report",
            "--criteria",
            "criteria",
            "--data",
            sample,
            "--per-partner",
            "--out",
            each.toString());
    assertThat(all.code()).as(all.err()).isZero();
    assertThat(Markup.read(each.resolve("index.html"))).contains("href=\"_p012/index.html\"");
    try (var sites = Files.list(each)) {
      assertThat(sites.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted())
          .hasSize(12)
          .startsWith("_p001", "_p002");
    }
    // a partner's site among all is the one its own report writes, file for file: explained by an
    // explainer that kept the words of the partners its thread explained before, it says nothing
    // else and nothing of them
    try (var files = Files.list(one)) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> !n.startsWith("."))
              .sorted()
              .toList();
      assertThat(names).contains("index.html", "c1-0.html", "customers.html", "results.csv");
      for (String name : names) {
        assertThat(Files.readString(each.resolve("_p003").resolve(name)))
            .as(name)
            .isEqualTo(Files.readString(one.resolve(name)));
      }
    }
    try (var files = Files.list(each.resolve("_p003"))) {
      assertThat(files.filter(p -> !p.getFileName().toString().startsWith(".")).count())
          .isEqualTo(7);
    }
    Path foreign = tmp.resolve("documents");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("letter.txt"), "mine");
    Result refused =
        run(
            "report",
            "--criteria",
            "criteria",
            "--data",
            sample,
            "--partner",
            "P003",
            "--out",
            foreign.toString());
    assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("is a folder Eligo did not write");
    assertThat(foreign.resolve("letter.txt")).exists();
    // refused before the data are read: a snapshot there would be written, then make the folder
    // foreign (new) or be deleted with the old site (ours)
    for (Path site : List.of(tmp.resolve("new-site"), each)) {
      Path snapshot = site.resolve("data.snapshot");
      Result inside =
          run(
              "report",
              "--criteria",
              "criteria",
              "--data",
              sample,
              "--out",
              site.toString(),
              "--snapshot",
              snapshot.toString());
      assertThat(inside.code()).isEqualTo(ExitCodes.USAGE);
      assertThat(inside.err())
          .isEqualTo(
              "eligo: cannot write the report: --snapshot "
                  + snapshot
                  + " lies inside "
                  + site
                  + ", which is replaced whole with each report: choose a file outside it\n");
      assertThat(snapshot).doesNotExist();
    }
    assertThat(tmp.resolve("new-site")).doesNotExist();
    // refusals that say why: a partner's folder of a per-partner site, a link, a file on the way
    Path link =
        Files.createSymbolicLink(tmp.resolve("link"), Files.createDirectory(tmp.resolve("empty")));
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Map<Path, String> why =
        Map.of(
            each.resolve("_p003"),
            " is part of the site " + each + " that Eligo wrote",
            link,
            link + " is a link: give the folder itself",
            file.resolve("site"),
            file + " is a file, not a folder");
    for (Map.Entry<Path, String> e : why.entrySet()) {
      Result no =
          run(
              "report",
              "--criteria",
              "criteria",
              "--data",
              sample,
              "--partner",
              "P003",
              "--out",
              e.getKey().toString());
      assertThat(no.code()).as(no.err()).isIn(ExitCodes.USAGE, ExitCodes.FAILURE);
      assertThat(no.err()).startsWith("eligo: cannot write the report").contains(e.getValue());
      assertThat(no.err()).hasLineCount(1);
    }
    assertThat(Files.readString(file)).isEqualTo("x");
  }
}
