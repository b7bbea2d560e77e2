package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.engine.Engine;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.DatasetLoader;
import eligo.io.Mode;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import eligo.testing.SharedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Criteria text is hostile too: an area title and a node's criteria text with markup reach the
 * site's pages (summary, tree, customer pages) as text, never as elements. The data side (a
 * customer named {@code <script>...}) is in {@link HtmlReportChromiumTest}.
 */
@Needs(Requirement.SHARED)
class HtmlSiteEscapingTest {
  @TempDir Path tmp;

  @Test
  void markupInTheCriteriaIsTextOnEveryPage() throws Exception {
    Path criteria = Files.createDirectories(tmp.resolve("criteria"));
    try (Stream<Path> files = Files.list(Path.of("criteria"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".criteria")).toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (f.getFileName().toString().equals("azure.criteria")) {
          String hostile =
              text.replace(
                      "area azure \"Azure\"",
                      "area azure \"Azure <i title=\\\"x\\\">&amp;</i> 'q'\"")
                  .replace(
                      "criteria \"Azure consumed revenue",
                      "criteria \"</td><script>alert(2)</script> Azure consumed revenue");
          assertThat(hostile)
              .as("the shipped azure.criteria changed: update this test")
              .isNotEqualTo(text)
              .contains("alert(2)")
              .contains("<i title");
          text = hostile;
        }
        Files.writeString(criteria.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
      }
    }
    Frontend.Compilation c = Frontend.compileFolder(criteria);
    assertThat(c.ok()).as("%s", c.diagnostics()).isTrue();
    Dataset data =
        DatasetLoader.load(
                SharedFiles.conformance("sample-1").resolve("data"),
                c.program().associationTypes(),
                Mode.STRICT)
            .dataset();
    Outcome outcome =
        Evaluation.run(
            c.program(),
            Engine.interpret.compile(c).factories(),
            data,
            data.latestUsageMonth(),
            2,
            Evaluation.Progress.NONE);
    Path site = tmp.resolve("site");
    HtmlSite.write(outcome, site, Evaluation.Progress.NONE);

    // ' ends nothing in text or in a double-quoted value: it stays
    String title = "Azure &lt;i title=&quot;x&quot;&gt;&amp;amp;&lt;/i&gt; 'q'";
    String criteriaText = "&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt; Azure consumed revenue";
    String index = Markup.read(site.resolve("index.html"));
    assertThat(index)
        .contains("<h2>" + title + " <small>azure</small></h2>")
        .contains("aria-label=\"" + title + ": condition sequence tree, with the customers")
        .contains("<p class=\"crit\">" + criteriaText);
    Path customer;
    try (Stream<Path> cs = Files.list(site)) {
      customer =
          cs.filter(p -> p.getFileName().toString().matches("c[0-9]+-[0-9]+\\.html"))
              .sorted()
              .findFirst()
              .orElseThrow();
    }
    assertThat(Markup.read(customer))
        .containsPattern(
            "(<h2 id=\"[^\".]+\\.a-azure\">|<tr class=\"nm\" id=\"[^\".]+\\.a-azure\"><td>)"
                + java.util.regex.Pattern.quote(title)
                + "(: |<td>)");
    List<Path> pages;
    try (Stream<Path> all = Files.walk(site)) {
      pages = all.filter(p -> p.toString().endsWith(".html")).toList();
    }
    assertThat(pages).hasSizeGreaterThan(10);
    for (Path p : pages) {
      assertThat(Files.readString(p, StandardCharsets.UTF_8))
          .as("%s", p)
          .doesNotContain("<script>alert(2)")
          .doesNotContain("<i title")
          .doesNotContain("</td><script>");
    }
  }
}
