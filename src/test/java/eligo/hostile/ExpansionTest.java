package eligo.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.hostile.Hostile.Ran;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Criteria whose expansion is huge or deep: definitions that double at each level are checked over
 * their shared form and refused at their place when too large; what passes check compiles and runs,
 * with the same results from both engines.
 */
class ExpansionTest {
  @TempDir Path dir;

  private static final String TERM = "sum acr for tenant, workload, month in window";

  /** {@code define d0 = ...; define d1 = d0 + d0; ...} up to {@code dN}. */
  private static String doubling(int levels) {
    StringBuilder b = new StringBuilder("define d0 = " + TERM + "\n");
    for (int i = 1; i <= levels; i++) {
      b.append("define d").append(i).append(" = d").append(i - 1).append(" + d");
      b.append(i - 1).append('\n');
    }
    return b.toString();
  }

  private Path results(String engine, Path criteria, Path data) throws IOException {
    Path out = dir.resolve(engine + "-" + criteria.getFileName() + ".csv");
    Ran r =
        Hostile.run(
            "run",
            "--engine",
            engine,
            "--criteria",
            criteria.toString(),
            "--data",
            data.toString(),
            "--results",
            out.toString(),
            "-q");
    assertThat(r.err()).as(engine).doesNotContain("Exception").doesNotContain("internal");
    assertThat(r.code()).as(engine + ": " + r.err()).isZero();
    return out;
  }

  @Test
  void fortyDoublingDefinitionsAreRefusedAtTheValueThatUsesThem() {
    Path folder = Hostile.criteria(dir, "d40", Hostile.metric(doubling(40), "d40"));
    Ran r = Hostile.run("check", "--criteria", folder.toString());
    assertThat(r.code()).isEqualTo(3);
    // line 42 of x.criteria is "    value d40"
    assertThat(r.err())
        .contains("x.criteria:45:11: error: this value is too large once its definitions")
        .contains("at most 5,000");
  }

  @Test
  void sharedDefinitionsRunAlikeInBothEngines() throws IOException {
    String decls =
        doubling(8)
            + "define twice(x: money) = x + x\n"
            + "define quad(x: money) = twice(x) + twice(x)\n";
    Path folder = Hostile.criteria(dir, "d8", Hostile.metric(decls, "d8 + quad(d3) - d7"));
    Path data = Hostile.smallData(dir);
    Path interpreted = results("interpret", folder, data);
    Path generated = results("generated", folder, data);
    assertThat(Files.readString(generated)).isEqualTo(Files.readString(interpreted));
    // d8 = 256 d0, quad(d3) = 32 d0, d7 = 128 d0: 160 times the customer's ACR of the window
    assertThat(Files.readString(generated)).contains(",m,").containsPattern(",C1,.*,m,");
  }

  @Test
  void aChainOfDefinitionsTooLongIsRefusedWhereItStops() {
    StringBuilder b = new StringBuilder("define d0 = " + TERM + "\n");
    for (int i = 1; i <= 200; i++) {
      b.append("define d").append(i).append(" = d").append(i - 1).append(" + 1\n");
    }
    Path folder = Hostile.criteria(dir, "chain", Hostile.metric(b.toString(), "d200"));
    Ran r = Hostile.run("check", "--criteria", folder.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("definitions inside one another");
  }

  @Test
  void aThreeHundredTermSumCompilesAndRuns() throws IOException {
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      terms.add("(sum acr for tenant, workload, month in M - " + (i % 24) + " .. M)");
    }
    Path folder = Hostile.criteria(dir, "long", Hostile.metric("", String.join(" + ", terms)));
    Path data = Hostile.smallData(dir);
    Path generated = results("generated", folder, data);
    Path interpreted = results("interpret", folder, data);
    assertThat(Files.readString(generated)).isEqualTo(Files.readString(interpreted));
  }

  @Test
  void threeThousandMetricsInOneAreaCompileAndRunAlikeInBothEngines() throws IOException {
    StringBuilder b = new StringBuilder("area x \"X\" {\n");
    for (int i = 0; i < 3000; i++) {
      b.append("  metric m").append(i).append(" \"M").append(i).append("\" {\n");
      b.append("    criteria \"c\"\n    value count tenant\n");
      b.append("    met when value >= ").append(i % 3).append("\n  }\n");
    }
    Path folder = Hostile.criteria(dir, "wide", b.append("}\n").toString());
    Path data = Hostile.smallData(dir);
    String results = Files.readString(results("generated", folder, data));
    assertThat(results).contains(",m2999,");
    assertThat(Files.readString(results("interpret", folder, data))).isEqualTo(results);
  }
}
