package eligo.editor;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The impact lenses on the bundled sample data, held against the results file of {@code eligo run}
 * (the generated evaluators) on the same data.
 */
class ImpactLensesTest {
  @TempDir Path dir;
  private Path criteria;
  private Path data;
  private Path azure;
  private LanguageService service;

  @BeforeEach
  void copy() throws IOException {
    criteria = Files.createDirectories(dir.resolve("criteria"));
    data = Files.createDirectories(dir.resolve("sample-data"));
    for (Path from : List.of(Path.of("criteria"), Path.of("examples/sample-data"))) {
      Path to = from.getFileName().toString().equals("criteria") ? criteria : data;
      try (Stream<Path> s = Files.list(from)) {
        for (Path p : s.toList()) {
          Files.copy(p, to.resolve(p.getFileName()));
        }
      }
    }
    azure = criteria.resolve("azure.criteria").toAbsolutePath();
    service = new LanguageService(new Workspace(), data);
  }

  /** Per node of the results file's area {@code area}: "N met · N not met[ · N not evaluated]". */
  private Map<String, String> fromResults(String area) throws IOException {
    Path results = dir.resolve("results.csv");
    java.io.StringWriter err = new java.io.StringWriter();
    int rc =
        Main.execute(
            new String[] {
              "run",
              "--criteria",
              criteria.toString(),
              "--data",
              data.toString(),
              "--results",
              results.toString(),
              "-q"
            },
            new java.io.PrintWriter(new java.io.StringWriter()),
            new java.io.PrintWriter(err));
    assertThat(rc).as(err.toString()).isZero();
    Map<String, int[]> counts = new TreeMap<>();
    for (String line : Files.readAllLines(results).subList(1, Files.readAllLines(results).size())) {
      String[] f = line.split(",", -1);
      if (f[1].isEmpty() || !f[2].equals(area)) {
        continue; // a partner row, or another area
      }
      int[] c = counts.computeIfAbsent(f[3], k -> new int[3]);
      c[f[4].equals("met") ? 1 : f[4].equals("not_met") ? 2 : 0]++;
    }
    Map<String, String> out = new TreeMap<>();
    counts.forEach((node, c) -> out.put(node, ImpactLenses.statuses(c)));
    return out;
  }

  private static int lineOf(String text, String needle) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line with " + needle);
  }

  private String titleAt(List<ImpactLenses.Lens> lenses, int line) {
    return lenses.stream()
        .filter(l -> l.line() == line)
        .map(ImpactLenses.Lens::title)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no lens at line " + line + ": " + lenses));
  }

  @Test
  void eachNodeSaysHowManyCustomersMeetItAsTheResultsFileDoes() throws IOException {
    String text = Files.readString(azure);
    List<ImpactLenses.Lens> lenses = service.impact(azure);
    Map<String, String> expected = fromResults("azure");
    assertThat(titleAt(lenses, lineOf(text, "area azure")))
        .isEqualTo("Impact on sample-data: 400 customers as of 2026-09");
    assertThat(titleAt(lenses, lineOf(text, "gate workloads")))
        .isEqualTo(expected.get("workloads"));
    assertThat(titleAt(lenses, lineOf(text, "gate association")))
        .isEqualTo(expected.get("association"));
    assertThat(titleAt(lenses, lineOf(text, "metric net-customer-adds")))
        .isEqualTo(expected.get("net-customer-adds"))
        .contains("not evaluated");
    // a lens for every node of the results, and one for the area
    assertThat(lenses).hasSize(expected.size() + 1);
    // nothing for a file with no area
    assertThat(service.impact(criteria.resolve("common.criteria"))).isEmpty();
  }

  @Test
  void aTemplatesNodeSaysItsCountsInEachAreaThatUsesIt() throws IOException {
    Path file = criteria.resolve("modern-work.criteria");
    String text = Files.readString(file);
    int line = lineOf(text, "gate workloads");
    List<String> titles =
        service.impact(file).stream()
            .filter(l -> l.line() == line)
            .map(ImpactLenses.Lens::title)
            .toList();
    assertThat(titles)
        .containsExactly(
            "modern-work-enterprise: " + fromResults("modern-work-enterprise").get("workloads"),
            "modern-work-smb: " + fromResults("modern-work-smb").get("workloads"));
  }

  @Test
  void anEditShowsItsImpactAtOnceAndAnErrorShowsNone() throws IOException {
    String text = Files.readString(azure);
    int line = lineOf(text, "metric net-customer-adds");
    String before = titleAt(service.impact(azure), line);
    assertThat(before).doesNotStartWith("0 met");
    // the unsaved text counts: no customer has a net of 1,000 tenants
    int at = text.indexOf("met when value >= 1", text.indexOf("metric net-customer-adds"));
    String edited = text.substring(0, at) + "met when value >= 1000" + text.substring(at + 19);
    assertThat(edited).isNotEqualTo(text);
    service.workspace().open(azure, edited);
    assertThat(titleAt(service.impact(azure), line)).startsWith("0 met · ");
    service.workspace().open(azure, edited.replace("met when value >= 1000", "met when valu >= 1"));
    assertThat(service.impact(azure)).isEmpty();
    service.workspace().open(azure, text);
    assertThat(titleAt(service.impact(azure), line)).isEqualTo(before);
  }

  @Test
  void dataThatDoNotLoadAreSaidAboveEachAreaAndTheirFixIsSeen() throws IOException {
    Path customers = data.resolve("customers.csv");
    String good = Files.readString(customers);
    Files.writeString(customers, good + "P001,C0000000,a second C0000000\n");
    List<ImpactLenses.Lens> lenses = service.impact(azure);
    assertThat(lenses).hasSize(1);
    assertThat(lenses.get(0).title())
        .startsWith("Impact on sample-data: not shown: ")
        .contains("customers.csv:")
        .doesNotContain("\n");
    // the data are loaded again once their content changed
    Files.writeString(customers, good);
    assertThat(service.impact(azure)).hasSizeGreaterThan(1);
  }

  @Test
  void withoutDataThereAreNoLenses() {
    assertThat(new LanguageService(new Workspace(), null).impact(azure)).isEmpty();
  }
}
