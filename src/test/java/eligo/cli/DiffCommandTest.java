package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eligo diff}: the customers it lists are exactly those whose rows differ between the two
 * results files that {@code eligo run} writes for the old and the new criteria.
 */
@Needs(Requirement.SHARED)
class DiffCommandTest {
  @TempDir Path tmp;

  static final Path SAMPLE = SharedFiles.conformance("sample-1").resolve("data");

  record Run(int code, String out, String err) {}

  static Run eligo(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** A copy of criteria/*.criteria with one text replaced in one file. */
  static Path changedCopy(Path dir, String file, String from, String to) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(Path.of("criteria"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".criteria")).toList()) {
        Files.copy(p, dir.resolve(p.getFileName()));
      }
    }
    replace(dir.resolve(file), from, to);
    return dir;
  }

  static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }

  /** The rows of a results file: "partner,customer,area,node" to "status value". */
  static Map<String, String> rows(Path results) throws IOException {
    Map<String, String> out = new TreeMap<>();
    List<String> lines = Files.readAllLines(results, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertThat(f).as("sample-1 ids need no quoting: %s", line).hasSize(6);
      out.put(
          f[0] + "," + f[1] + "," + f[2] + "," + f[3], f[5].isEmpty() ? f[4] : f[4] + " " + f[5]);
    }
    return out;
  }

  /** Each changed row ("partner,customer,area,node: before -> after") by running both versions. */
  List<String> changedRows(Path oldCriteria, Path newCriteria) throws IOException {
    Path a = tmp.resolve("old.csv");
    Path b = tmp.resolve("new.csv");
    assertThat(
            eligo(
                    "run",
                    "-q",
                    "--engine",
                    "interpret",
                    "--criteria",
                    oldCriteria.toString(),
                    "--data",
                    SAMPLE.toString(),
                    "--results",
                    a.toString())
                .code())
        .isZero();
    assertThat(
            eligo(
                    "run",
                    "-q",
                    "--engine",
                    "interpret",
                    "--criteria",
                    newCriteria.toString(),
                    "--data",
                    SAMPLE.toString(),
                    "--results",
                    b.toString())
                .code())
        .isZero();
    Map<String, String> x = rows(a);
    Map<String, String> y = rows(b);
    assertThat(y.keySet()).isEqualTo(x.keySet());
    List<String> out = new ArrayList<>();
    for (String k : x.keySet()) {
      if (!x.get(k).equals(y.get(k))) {
        out.add(k + ": " + x.get(k) + " -> " + y.get(k));
      }
    }
    return out;
  }

  /** The same rows as the JSON report of eligo diff lists them. */
  static List<String> reportedRows(JsonNode report) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : report.get("partners")) {
      out.add(
          p.get("partner").asText()
              + ",,"
              + p.get("area").asText()
              + ","
              + p.get("node").asText()
              + ": "
              + side(p.get("before"))
              + " -> "
              + side(p.get("after")));
    }
    for (JsonNode c : report.get("customers")) {
      for (JsonNode r : c.get("changes")) {
        out.add(
            c.get("partner").asText()
                + ","
                + c.get("customer").asText()
                + ","
                + r.get("area").asText()
                + ","
                + r.get("node").asText()
                + ": "
                + side(r.get("before"))
                + " -> "
                + side(r.get("after")));
      }
    }
    out.sort(null);
    return out;
  }

  static String side(JsonNode row) {
    if (row == null || row.isNull()) {
      return "(none)";
    }
    String v = row.get("value").asText();
    return v.isEmpty() ? row.get("status").asText() : row.get("status").asText() + " " + v;
  }

  /**
   * eligo diff of {@code old} against {@code newCriteria} on the sample data, then {@code more}.
   */
  static Run diff(String old, Path newCriteria, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "diff",
                "--old",
                old,
                "--new",
                newCriteria.toString(),
                "--data",
                SAMPLE.toString()));
    args.addAll(List.of(more));
    return eligo(args.toArray(String[]::new));
  }

  static JsonNode diffJson(String old, Path newCriteria, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of(more));
    args.addAll(List.of("--format", "json"));
    Run r = diff(old, newCriteria, args.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void aLowerAzureThresholdListsExactlyTheCustomersWhoseRowsDiffer() throws IOException {
    Path changed =
        changedCopy(
            tmp.resolve("new"),
            "azure.criteria",
            "define qualifying_acr = $1000",
            "define qualifying_acr = $900");
    List<String> expected = changedRows(Path.of("criteria"), changed);
    assertThat(expected).isNotEmpty().allMatch(r -> r.contains(",azure,net-customer-adds: "));

    JsonNode report = diffJson("criteria", changed);
    assertThat(reportedRows(report)).isEqualTo(expected);
    TreeSet<String> customers = new TreeSet<>();
    expected.forEach(r -> customers.add(r.split(",")[1]));
    List<String> listed = new ArrayList<>();
    report.get("customers").forEach(c -> listed.add(c.get("customer").asText()));
    assertThat(listed).containsExactlyElementsOf(customers);
    assertThat(report.get("nodes")).hasSize(1);
    assertThat(report.get("nodes").get(0).get("customersChanged").asInt())
        .isEqualTo(customers.size());
    assertThat(report.get("customerCount").asInt()).isEqualTo(120);
    assertThat(report.get("asOf").asText()).isEqualTo("2026-09");

    Run text = diff("criteria", changed, "--engine", "interpret");
    assertThat(text.code()).isZero();
    assertThat(text.out())
        .contains(
            "\n"
                + customers.size()
                + " of 120 customers changed ("
                + customers.size()
                + " rows); no partner-level row changed.\n")
        .contains("\nCustomers\n");
    for (String c : customers) {
      assertThat(text.out()).contains(" " + c + "  ");
    }
    // each side as the report explains it: the old threshold in the before, the new in the after
    assertThat(text.out())
        .contains("      before: net ")
        .contains("      after:  net ")
        .contains("at least $1,000.00 in 2026-08..2026-09")
        .contains("at least $900.00 in 2026-08..2026-09");
    report
        .get("customers")
        .forEach(
            c ->
                c.get("changes")
                    .forEach(
                        r -> {
                          assertThat(r.get("explainedBefore").asText()).startsWith("net ");
                          assertThat(r.get("explainedAfter").asText()).startsWith("net ");
                        }));
  }

  @Test
  void aGitRevisionIsTheOldVersionOfTheNewFolder() throws IOException, InterruptedException {
    Path repo = tmp.resolve("repo");
    Path criteria =
        changedCopy(
            repo.resolve("criteria"), "azure.criteria", "Net customer adds", "Net customer adds");
    git(repo, "init", "-q");
    git(repo, "add", ".");
    commit(repo, "criteria");
    replace(
        criteria.resolve("azure.criteria"),
        "define qualifying_acr = $1000",
        "define qualifying_acr = $900");

    List<String> expected = changedRows(Path.of("criteria"), criteria);
    assertThat(reportedRows(diffJson("HEAD", criteria, "--engine", "interpret")))
        .isNotEmpty()
        .isEqualTo(expected);

    Run bad = diff("no-such-revision", criteria);
    assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err())
        .startsWith(
            "eligo: --old 'no-such-revision' is neither a folder nor a git revision of "
                + criteria
                + " (git: ");
  }

  @Test
  void aRevisionWhoseFolderHeldNoCriteriaSaysSoInsteadOfFailingTheData()
      throws IOException, InterruptedException {
    Path repo = tmp.resolve("early");
    Path criteria = Files.createDirectories(repo.resolve("criteria"));
    Files.writeString(criteria.resolve("notes.txt"), "criteria to come\n");
    git(repo, "init", "-q");
    git(repo, "add", ".");
    commit(repo, "no criteria yet");
    for (Path p : Files.newDirectoryStream(Path.of("criteria"), "*.criteria")) {
      Files.copy(p, criteria.resolve(p.getFileName().toString()));
    }
    Run r = diff("HEAD", criteria);
    // before: an empty program, whose load refused every association of the data (exit 4)
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CRITERIA);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "eligo: the folder " + criteria + " held no *.criteria files at revision 'HEAD'\n");
  }

  @Test
  void aRevisionWithoutTheFolderOrAFileAsOldIsSaidSo() throws IOException, InterruptedException {
    Path repo = tmp.resolve("before");
    Files.createDirectories(repo);
    Files.writeString(repo.resolve("README"), "criteria to come\n");
    git(repo, "init", "-q");
    git(repo, "add", ".");
    commit(repo, "no criteria folder yet");
    Path criteria = Files.createDirectories(repo.resolve("criteria"));
    for (Path p : Files.newDirectoryStream(Path.of("criteria"), "*.criteria")) {
      Files.copy(p, criteria.resolve(p.getFileName().toString()));
    }
    Run r = diff("HEAD", criteria);
    // before: "is neither a folder nor a git revision", of a revision that exists
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CRITERIA);
    assertThat(r.err())
        .isEqualTo("eligo: the folder " + criteria + " did not exist at revision 'HEAD'\n");

    Path file = criteria.resolve("azure.criteria");
    Run f = diff(file.toString(), criteria);
    assertThat(f.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(f.err())
        .isEqualTo(
            "eligo: --old '"
                + file
                + "' is a file: give the folder of the earlier criteria, or a git revision\n");
  }

  @Test
  void aRevisionsLinkedFileIsReadWhereItLeadsAndABadByteIsLocated()
      throws IOException, InterruptedException {
    Path repo = tmp.resolve("linked");
    Path shared = changedCopy(repo.resolve("shared"), "azure.criteria", "Azure", "Azure");
    Path criteria = Files.createDirectories(repo.resolve("criteria"));
    for (Path p : Files.newDirectoryStream(shared, "*.criteria")) {
      Files.createSymbolicLink(
          criteria.resolve(p.getFileName()), Path.of("../shared").resolve(p.getFileName()));
    }
    git(repo, "init", "-q");
    git(repo, "add", ".");
    commit(repo, "criteria as links");
    replace(
        shared.resolve("azure.criteria"),
        "define qualifying_acr = $1000",
        "define qualifying_acr = $900");
    // before: each link's blob (the path '../shared/azure.criteria') was compiled as criteria
    assertThat(reportedRows(diffJson("HEAD", criteria, "--engine", "interpret")))
        .isNotEmpty()
        .isEqualTo(changedRows(Path.of("criteria"), criteria));

    Path azure = criteria.resolve("azure.criteria");
    Files.delete(azure);
    Files.write(azure, "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    git(repo, "add", ".");
    commit(repo, "a Latin-1 file");
    Files.copy(shared.resolve("azure.criteria"), azure, StandardCopyOption.REPLACE_EXISTING);
    Run r = diff("HEAD", criteria);
    // before: 'neither a folder nor a git revision (git: not valid UTF-8 text: ...)'
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CRITERIA);
    assertThat(r.err())
        .startsWith(
            "HEAD:criteria/azure.criteria:1:6: error: this file is not valid UTF-8 text: byte 0xE9");
  }

  /** Commits what is staged in {@code repo}, as a test author. */
  static void commit(Path repo, String message) throws IOException, InterruptedException {
    git(
        repo,
        "-c",
        "user.name=Eligo Test",
        "-c",
        "user.email=test@example.invalid",
        "commit",
        "-q",
        "-m",
        message);
  }

  static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), output).isZero();
  }

  @Test
  void aPartnerThresholdMovesPartnersButNoCustomer() throws IOException {
    Path changed =
        changedCopy(
            tmp.resolve("new"),
            "security.criteria",
            "met when value >= 2500",
            "met when value >= 1000");
    List<String> expected = changedRows(Path.of("criteria"), changed);
    assertThat(expected)
        .isNotEmpty()
        .allMatch(r -> r.contains(",,security,m365.usage-growth: not_met "));
    JsonNode report = diffJson("criteria", changed, "--engine", "interpret");
    assertThat(reportedRows(report)).isEqualTo(expected);
    assertThat(report.get("customers")).isEmpty();
    Run text = diff("criteria", changed, "--engine", "interpret");
    assertThat(text.out())
        .contains(
            "\nNo customer changed: every customer has the same status and value at every node; "
                + expected.size()
                + " partner-level row"
                + (expected.size() == 1 ? "" : "s")
                + " changed.\n")
        .contains("\nPartner-level nodes\n");
  }

  @Test
  void exitCodeIsOneOnlyWhenSomethingChanged() throws IOException {
    Path same =
        changedCopy(
            tmp.resolve("same"), "azure.criteria", "Net customer adds", "Net new customers");
    Path lower =
        changedCopy(
            tmp.resolve("lower"),
            "azure.criteria",
            "define qualifying_acr = $1000",
            "define qualifying_acr = $900");
    for (Path changed : List.of(same, lower)) {
      Run plain = diff("criteria", changed);
      Run flagged = diff("criteria", changed, "--exit-code");
      assertThat(plain.code()).isZero();
      assertThat(flagged.code()).isEqualTo(changed == same ? 0 : ExitCodes.CHANGED);
      assertThat(flagged.out()).isEqualTo(plain.out());
    }
  }

  @Test
  void aChangeThatTouchesNothingSaysSo() throws IOException {
    Path changed =
        changedCopy(tmp.resolve("new"), "azure.criteria", "Net customer adds", "Net new customers");
    Run r = diff("criteria", changed, "--engine", "interpret");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "Criteria criteria -> "
                + changed
                + " on "
                + SAMPLE
                + ", as of 2026-09\n"
                + "No customer changed: every customer has the same status and value at every node; no partner-level row changed.\n");
    JsonNode json = diffJson("criteria", changed, "--engine", "interpret");
    assertThat(json.get("customers")).isEmpty();
    assertThat(json.get("partners")).isEmpty();
    assertThat(json.get("nodes")).isEmpty();
  }

  @Test
  void theHtmlPageEscapesEveryTextOfTheData() throws IOException {
    Path changed =
        changedCopy(
            tmp.resolve("new"),
            "azure.criteria",
            "define qualifying_acr = $1000",
            "define qualifying_acr = $900");
    Path page = tmp.resolve("out/impact.html");
    Run r =
        diff(
            "criteria",
            changed,
            "--engine",
            "interpret",
            "--format",
            "html",
            "--out",
            page.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).endsWith(" Report written to " + page + "\n");
    String html = Files.readString(page, StandardCharsets.UTF_8);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .endsWith("</html>\n")
        .contains("<h1>Impact of a criteria change</h1>")
        .contains("<h2>Customers</h2>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; 83")
        .contains("O'Brien Ltd 28")
        .doesNotContain("<script");
    // titles for people with the id under them, outcomes in the report's words
    assertThat(html)
        .contains(
            "<td>Azure</td><td>Net customer adds<br><small class=id>net-customer-adds</small></td>")
        .containsPattern("<td>(Not met → Met|Met → Not met) [0-9]+")
        .containsPattern("<td class=(met|not_met)>(Met|Not met) -?[0-9]+<br><small>");
  }
}
