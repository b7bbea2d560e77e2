package eligo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FlameGraphTest {
  private static final List<String> STACKS =
      List.of(
          "main;eligo/io/Load.csv;eligo/io/Parse.field 60",
          "main;eligo/io/Load.csv 20",
          "main;eligo/engine/Evaluate.run 20",
          "not a stack line",
          "GC_thread;clear_page_erms_[k] 100");

  @Test
  void framesAreAsWideAsTheirSamples() {
    FlameGraph.Frame root = FlameGraph.parse(STACKS);
    assertThat(root.samples).isEqualTo(200);
    assertThat(root.children.get("main").samples).isEqualTo(100);
    assertThat(root.children.get("main").children.get("eligo/io/Load.csv").samples).isEqualTo(80);
    assertThat(root.depth()).isEqualTo(4);

    String svg = FlameGraph.svg(root, "cold run");
    // "all" spans the image, at the top; main half of it; Load.csv 80 of main's 100; Parse.field 60
    // of those
    assertThat(svg)
        .contains("<rect x=\"0.0\" y=\"" + FlameGraph.TOP + "\" width=\"1200.0\"")
        .contains("all (200 samples, 100.00%)")
        .contains("main (100 samples, 50.00%)")
        .contains("eligo/io/Load.csv (80 samples, 40.00%)")
        .contains("eligo/io/Parse.field (60 samples, 30.00%)")
        .contains("width=\"480.0\"") // Load.csv: 80 of 200 samples of 1200 px
        .contains("cold run (200 samples)");
    // children in name order: GC_thread (100 samples) drawn before main, so main starts at 600 px
    assertThat(svg).contains("<rect x=\"600.0\"");
    assertThat(FlameGraph.svg(FlameGraph.parse(STACKS), "cold run")).isEqualTo(svg);
  }

  @Test
  void frameNamesNeverBecomeMarkup() {
    String svg =
        FlameGraph.svg(FlameGraph.parse(List.of("a<script>&\"x\";b</svg> 5")), "<t>&\u001b");
    assertThat(svg)
        .doesNotContain("<script>")
        .doesNotContain("</svg> ")
        .contains("a&lt;script&gt;&amp;&quot;x&quot;")
        .contains("&lt;t&gt;&amp;  (5 samples)"); // the escape character shown as a space
  }

  @Test
  void coloursSayWhoseFrameItIs() {
    assertThat(FlameGraph.colour("eligo/io/Load.csv")).isEqualTo("#8ab4e8");
    assertThat(FlameGraph.colour("clear_page_erms_[k]")).isEqualTo("#f0b060");
    assertThat(FlameGraph.colour("java/lang/String.length")).isEqualTo("#9fd89f");
    assertThat(FlameGraph.colour("PSCardTable::scavenge")).isEqualTo("#e89a8a");
  }

  @Test
  void deepStacksAreCutAtTheMaximumDepth() {
    String deep = "f;".repeat(FlameGraph.MAX_DEPTH + 20) + "leaf 3";
    String svg = FlameGraph.svg(FlameGraph.parse(List.of(deep)), "deep");
    assertThat(svg).doesNotContain("leaf");
    assertThat(svg.split("<rect x=", -1)).hasSize(FlameGraph.MAX_DEPTH + 1);
  }
}
