package eligo.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import eligo.check.Frontend;
import eligo.lang.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code generated-examples/} holds the generated Java of every shipped criteria area, checked in
 * for reviewers. This test generates them again from {@code criteria/} and fails on any difference,
 * with a diff and the command that refreshes them.
 */
class GeneratedExamplesTest {
  static final Path EXAMPLES = Path.of("generated-examples");
  static final Path CRITERIA = Path.of("criteria");
  static final String PACKAGE = "eligo.generated";
  static final String REFRESH = "bin/refresh-generated-examples";

  @Test
  void generatedExamplesMatchTheCriteria() throws IOException {
    Map<String, String> generated = generate(CRITERIA);
    if ("1".equals(System.getenv("ELIGO_UPDATE_GENERATED_EXAMPLES"))) {
      for (String old : checkedIn().keySet()) {
        Files.delete(EXAMPLES.resolve(old));
      }
      for (Map.Entry<String, String> e : generated.entrySet()) {
        SourceFolder.writeIfChanged(EXAMPLES.resolve(e.getKey()), e.getValue());
      }
    }
    Map<String, String> checkedIn = checkedIn();
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> e : generated.entrySet()) {
      String old = checkedIn.get(e.getKey());
      if (old == null) {
        problems.add("missing: " + EXAMPLES.resolve(e.getKey()));
      } else if (!old.equals(e.getValue())) {
        problems.add(diff(EXAMPLES.resolve(e.getKey()).toString(), old, e.getValue()));
      }
    }
    for (String name : checkedIn.keySet()) {
      if (!generated.containsKey(name)) {
        problems.add("no longer generated: " + EXAMPLES.resolve(name));
      }
    }
    if (!problems.isEmpty()) {
      fail(
          "generated-examples/ differs from what criteria/ generates; after an intended change run%n  %s%n"
              + "and review the git diff.%n%s",
          REFRESH, String.join("\n", problems));
    }
    assertThat(generated).as("one class per shipped area").hasSize(6);
  }

  @Test
  void generatedCodeIsTheSameFromAnyFolderAndCarriesNoPath() throws IOException {
    Path absolute = CRITERIA.toAbsolutePath();
    Map<String, String> fromAbsolute = generate(absolute);
    assertThat(fromAbsolute).isEqualTo(generate(CRITERIA));
    for (Map.Entry<String, String> e : fromAbsolute.entrySet()) {
      String source = e.getValue();
      assertThat(
              source.contains(absolute.getParent().toString())
                  || source.contains(System.getProperty("user.home"))
                  || source.contains("\r"))
          .as("%s holds a path or a CR", e.getKey())
          .isFalse();
      assertThat(source)
          .as(e.getKey())
          .contains("@Generated(\"eligo\")")
          .containsPattern("<p>Source: [a-z-]+\\.criteria:\\d+\n");
    }
  }

  @Test
  void generatedCodeIsTheSameUnderAnotherDefaultLocale() throws IOException {
    Map<String, String> usual = generate(CRITERIA);
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr-TR")); // "I".toLowerCase() is a dotless i here
      assertThat(generate(CRITERIA)).isEqualTo(usual);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void generatedCodeUsesNoReflectionOrFloatingPoint() throws IOException {
    for (Map.Entry<String, String> e : generate(CRITERIA).entrySet()) {
      assertThat(e.getValue())
          .as(e.getKey())
          .doesNotContain(
              "java.lang.reflect",
              "Class.forName",
              "getClass",
              ".getMethod",
              ".invoke(",
              "newInstance",
              "MethodHandle",
              "double",
              "float",
              "BigDecimal");
    }
  }

  @Test
  void diffShowsTheChangedLinesWithContext() {
    String old = "a\nb\nc\nd\ne\nf\n";
    String now = "a\nb\nc\nD\nE\nf\n";
    assertThat(diff("X.java", old, now))
        .isEqualTo(
            """
        --- X.java (checked in)
        +++ X.java (generated now)
        @@ line 4 @@
         a
         b
         c
        -d
        -e
        +D
        +E
         f""");
  }

  static Map<String, String> generate(Path criteria) throws IOException {
    Frontend.Compilation c = Frontend.compileFolder(criteria);
    assertThat(c.ok()).as(Diagnostics.render(c.diagnostics())).isTrue();
    return SourceFolder.sources(c.program(), PACKAGE);
  }

  /** Every file under generated-examples/, by '/'-separated relative path. */
  static Map<String, String> checkedIn() throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(EXAMPLES)) {
      return files;
    }
    try (Stream<Path> s = Files.walk(EXAMPLES)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        files.put(
            EXAMPLES.relativize(p).toString().replace('\\', '/'),
            Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /**
   * One unified-diff-style hunk from the first to the last differing line, with three lines of
   * context each side; at most 20 lines each of removed and added text.
   */
  static String diff(String name, String old, String now) {
    List<String> a = List.of(old.split("\n", -1));
    List<String> b = List.of(now.split("\n", -1));
    int start = 0;
    while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
      start++;
    }
    int endA = a.size();
    int endB = b.size();
    while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
      endA--;
      endB--;
    }
    List<String> out =
        new ArrayList<>(
            List.of(
                "--- " + name + " (checked in)",
                "+++ " + name + " (generated now)",
                "@@ line " + (start + 1) + " @@"));
    for (int i = Math.max(0, start - 3); i < start; i++) {
      out.add(" " + a.get(i));
    }
    lines(out, "-", a.subList(start, endA));
    lines(out, "+", b.subList(start, endB));
    for (int i = endA; i < Math.min(a.size(), endA + 3); i++) {
      if (!(i == a.size() - 1 && a.get(i).isEmpty())) {
        out.add(" " + a.get(i));
      }
    }
    return String.join("\n", out);
  }

  private static void lines(List<String> out, String mark, List<String> lines) {
    for (String line : lines.subList(0, Math.min(20, lines.size()))) {
      out.add(mark + line);
    }
    if (lines.size() > 20) {
      out.add(mark + "... " + (lines.size() - 20) + " more lines");
    }
  }
}
