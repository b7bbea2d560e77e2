package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.testing.Browser;
import eligo.testing.Needs;
import eligo.testing.Requirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eligo diff --format html} on a phone (390 px, as a phone lays out a page with a viewport
 * meta) and on a laptop: the page never scrolls sideways as a whole; the customers' table, seven
 * columns with the why of each side, scrolls in its own box where it is wider than the screen
 * instead of squeezing every column to a word's width.
 */
@Needs(Requirement.CHROMIUM)
class DiffPageChromiumTest {
  @TempDir Path tmp;

  @Test
  void theImpactPageFitsAPhoneAndItsWideTablesScrollInTheirBox() throws Exception {
    // a copy of the criteria with one threshold changed, on the bundled sample data: this test
    // needs Chromium, not the shared conformance sets
    Path changed = Files.createDirectories(tmp.resolve("new"));
    try (Stream<Path> s = Files.list(Path.of("criteria"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".criteria")).toList()) {
        Files.writeString(
            changed.resolve(p.getFileName()),
            Files.readString(p)
                .replace("define qualifying_acr = $1000", "define qualifying_acr = $900"));
      }
    }
    Path page = tmp.resolve("impact.html");
    TestCommandTest.Run r =
        TestCommandTest.eligo(
            "diff",
            "--old",
            "criteria",
            "--new",
            changed.toString(),
            "--data",
            "examples/sample-data",
            "--format",
            "html",
            "--out",
            page.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("customers changed");
    try (Browser b = new Browser(Files.createTempDirectory(tmp, "browser"))) {
      for (int width : new int[] {390, 1280}) {
        b.call(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
        b.open(page.toUri().toString());
        String where = "at " + width + " px";
        assertThat(b.eval("document.documentElement.scrollWidth").asInt())
            .as(where)
            .isLessThanOrEqualTo(width);
        String customers =
            "[...document.querySelectorAll('h2')].find(h => h.textContent === 'Customers')"
                + ".nextElementSibling";
        assertThat(b.text(customers + ".className")).isEqualTo("wide");
        // a row of the customers' table is a few lines high, not a column of single words
        assertThat(b.eval(customers + ".querySelector('tr:nth-child(2)').offsetHeight").asInt())
            .as(where)
            .isLessThan(400);
        // on a phone the table is wider than the screen: it scrolls in its box, not the page
        if (width == 390) {
          assertThat(b.eval(customers + ".scrollWidth > " + customers + ".clientWidth").asBoolean())
              .as(where)
              .isTrue();
        }
      }
    }
  }
}
