package eligo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package graph of README.md ("How it is built"), pinned: every main source file may use (by
 * {@code import}, {@code import static} or a fully qualified name) only the {@code eligo} packages
 * its package is allowed in {@link #ALLOWED}. Comments and string literals do not count.
 */
class PackageGraphTest {
  static final Path MAIN = Path.of("src/main/java/eligo");

  static final Set<String> BACK_ENDS =
      Set.of("data", "lang", "ir", "check", "codegen", "interpret", "io");
  static final Set<String> BELOW_VIEWS = union(BACK_ENDS, Set.of("engine"));
  static final Set<String> BELOW_FRONT_DOORS =
      union(BELOW_VIEWS, Set.of("report", "diff", "cases", "editor"));

  /** Each package, in build order, and the packages it may use: only earlier ones. */
  static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

  static {
    // the data model both ends share, and the language: no eligo imports
    ALLOWED.put("data", Set.of());
    ALLOWED.put("lang", Set.of());
    ALLOWED.put("ir", Set.of("data"));
    // the checker elaborates the AST into the IR
    ALLOWED.put("check", Set.of("lang", "ir", "data"));
    // back ends and file formats: the IR and the data only
    ALLOWED.put("codegen", Set.of("ir", "data"));
    ALLOWED.put("interpret", Set.of("ir", "data"));
    ALLOWED.put("io", Set.of("data", "ir"));
    // compile, load, evaluate
    ALLOWED.put("engine", BACK_ENDS);
    // views: the engine and below; diff and cases use the report's explanations
    ALLOWED.put("report", BELOW_VIEWS);
    ALLOWED.put("diff", union(BELOW_VIEWS, Set.of("report")));
    ALLOWED.put("cases", union(BELOW_VIEWS, Set.of("report")));
    // the language service for editors and the workbench: criteria and case files as text
    ALLOWED.put("editor", union(BELOW_VIEWS, Set.of("cases")));
    // front doors: everything below them, never each other; the language server is a library
    // that the command line's 'lsp' starts
    ALLOWED.put("lsp", BELOW_FRONT_DOORS);
    // the HTTP server of the workbench and the partners' pages ('eligo serve')
    ALLOWED.put("serve", BELOW_FRONT_DOORS);
    ALLOWED.put("cli", union(BELOW_FRONT_DOORS, Set.of("lsp", "serve")));
    ALLOWED.put("maven", BELOW_FRONT_DOORS);
    ALLOWED.put("testing", BELOW_FRONT_DOORS);
  }

  private static final Pattern USE = Pattern.compile("\\beligo\\.([a-z][a-z0-9_]*)\\.");

  @Test
  void everyPackageUsesOnlyThePackagesAllowedForIt() throws IOException {
    List<String> violations = new ArrayList<>();
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String pkg = MAIN.relativize(f).getName(0).toString();
        packages.add(pkg);
        violations.addAll(
            violations(
                pkg, MAIN.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    assertThat(packages).as("every main package has a row in ALLOWED").isSubsetOf(ALLOWED.keySet());
    assertThat(violations).as("uses that README's package order forbids").isEmpty();
  }

  @Test
  void theTableOnlyPointsToEarlierPackages() {
    List<String> earlier = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
      assertThat(earlier).as("packages %s may use", e.getKey()).containsAll(e.getValue());
      earlier.add(e.getKey());
    }
  }

  @Test
  void aForbiddenImportOrQualifiedNameIsFoundAndCommentsAndStringsAreNot() {
    assertThat(
            violations(
                "codegen",
                "codegen/X.java",
                "package eligo.codegen;\nimport eligo.check.Frontend;\nclass X {}\n"))
        .containsExactly("codegen/X.java uses eligo.check");
    assertThat(
            violations(
                "io",
                "io/X.java",
                "package eligo.io;\nimport static eligo.engine.Eligo.start;\nclass X {}\n"))
        .containsExactly("io/X.java uses eligo.engine");
    assertThat(
            violations(
                "ir",
                "ir/X.java",
                "package eligo.ir;\nclass X { Object o = new eligo.lang.Span(null, 1, 1, 1); }\n"))
        .containsExactly("ir/X.java uses eligo.lang");
    assertThat(
            violations(
                "data",
                "data/X.java",
                "package eligo.data;\nimport eligo.nothing.Here;\nclass X {}\n"))
        .containsExactly("data/X.java uses eligo.nothing");
    assertThat(
            violations(
                "codegen",
                "codegen/X.java",
                """
        package eligo.codegen;
        import eligo.ir.Ir;
        /** Not {@link eligo.check.Frontend}. */
        class X {
          // eligo.engine.Eligo
          String s = "eligo.cli.Main \\" eligo.report.X";
          char c = '"';
          String t = \"""
              eligo.maven.GenerateMojo
              \""";
          /* eligo.io.DatasetLoader */
        }
        """))
        .isEmpty();
  }

  /**
   * The uses in {@code text} (a file of package {@code pkg}) of packages {@code pkg} may not use.
   */
  static List<String> violations(String pkg, String file, String text) {
    Set<String> allowed = ALLOWED.getOrDefault(pkg, Set.of());
    Set<String> used = new TreeSet<>();
    Matcher m = USE.matcher(code(text));
    while (m.find()) {
      used.add(m.group(1));
    }
    List<String> out = new ArrayList<>();
    for (String p : used) {
      if (!p.equals(pkg) && !allowed.contains(p)) {
        out.add(file + " uses eligo." + p);
      }
    }
    return out;
  }

  /** {@code text} with comments, string literals, text blocks and character literals blanked. */
  static String code(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? n : end;
      } else if (text.startsWith("/*", i)) {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (text.startsWith("\"\"\"", i)) {
        int end = i + 3;
        while (end < n && !text.startsWith("\"\"\"", end)) {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        i = Math.min(n, end + 3);
        out.append("\"\"");
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (end < n && text.charAt(end) != c && text.charAt(end) != '\n') {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        i = Math.min(n, end + 1);
        out.append(c).append(c);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return Set.copyOf(out);
  }
}
