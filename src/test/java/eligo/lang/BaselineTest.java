package eligo.lang;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.check.Frontend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden baselines for the front end, cel-java style. Each {@code
 * src/test/resources/baselines/NAME.criteria} is parsed and checked (with {@code common.criteria}
 * of that folder available to import); the test writes what it saw — {@code I:} the input, {@code
 * P:} the parsed tree, {@code E:} the diagnostics with their carets — and compares it with {@code
 * NAME.baseline}.
 *
 * <p>Refresh every baseline after an intended change with {@code bin/refresh-baselines} (it runs
 * this test with {@code ELIGO_UPDATE_BASELINES=1}), then review the change with {@code git diff}.
 */
class BaselineTest {
  static final Path DIR = Path.of("src/test/resources/baselines");

  @TestFactory
  Stream<DynamicTest> baselines() throws IOException {
    List<Path> inputs;
    try (Stream<Path> s = Files.list(DIR)) {
      inputs = s.filter(p -> p.toString().endsWith(".criteria")).sorted().toList();
    }
    assertThat(inputs).isNotEmpty();
    return inputs.stream()
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
  }

  private static void check(Path input) throws IOException {
    String name = input.getFileName().toString();
    String text = Files.readString(input, StandardCharsets.UTF_8);
    String actual = render(name, text);
    Path baseline = input.resolveSibling(name.replace(".criteria", ".baseline"));
    if ("1".equals(System.getenv("ELIGO_UPDATE_BASELINES"))) {
      Files.writeString(baseline, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(baseline).as("baseline %s is missing: run bin/refresh-baselines", baseline).exists();
    String expected = Files.readString(baseline, StandardCharsets.UTF_8);
    assertThat(actual)
        .as(
            "baseline %s differs: if the change is intended, run bin/refresh-baselines and review git diff",
            baseline)
        .isEqualTo(expected);
  }

  static String render(String name, String text) {
    StringBuilder sb = new StringBuilder();
    sb.append("I: ").append(name).append('\n');
    for (String line : text.split("\n", -1)) {
      sb.append("   ").append(line).append('\n');
    }
    CriteriaParsing.Result parsed =
        CriteriaParsing.parse(new SourceFile("baselines/" + name, text));
    sb.append("P:\n");
    for (String line : AstPrinter.print(parsed.file()).split("\n")) {
      sb.append("   ").append(line).append('\n');
    }
    Map<String, String> texts = new LinkedHashMap<>();
    if (!name.equals("common.criteria")) {
      texts.put("baselines/common.criteria", read(DIR.resolve("common.criteria")));
    }
    texts.put("baselines/" + name, text);
    Frontend.Compilation c = Frontend.compile(texts);
    sb.append("E:\n");
    String diags = Diagnostics.render(c.diagnostics());
    if (diags.isEmpty()) {
      sb.append("   (none)\n");
    } else {
      for (String line : diags.split("\n")) {
        sb.append("   ").append(line).append('\n');
      }
    }
    return sb.toString();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
