package eligo.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eligo.check.Frontend;
import eligo.lang.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The VS Code extension's snippets ({@code editors/vscode/snippets/criteria.json}), each taken as
 * inserted (every placeholder its default, a choice its first), placed where it is written (a block
 * at the top or in an area, a line in a node, a condition in 'met when') among the shipped
 * criteria: they compile without an error, so a program manager starts from criteria that run.
 */
class VsCodeSnippetsTest {
  private static final Path SNIPPETS = Path.of("editors/vscode/snippets/criteria.json");

  /** ${1:text} → text, ${1|a,b|} → a, $0 and $1 → nothing, \$ → $. */
  static String expanded(String body) {
    String out = body;
    Pattern placeholder = Pattern.compile("\\$\\{\\d+:([^{}]*)\\}");
    for (Matcher m = placeholder.matcher(out); m.find(); m = placeholder.matcher(out)) {
      out = out.substring(0, m.start()) + m.group(1) + out.substring(m.end());
    }
    out = out.replaceAll("\\$\\{\\d+\\|([^,|]*)[^}]*\\}", "$1");
    out = out.replaceAll("(?<!\\\\)\\$\\d+", "");
    return out.replace("\\$", "$");
  }

  /** The shipped criteria with {@code snippet} placed where its first word belongs. */
  private static Map<String, String> placed(String snippet) {
    String azure = eligo.testing.ShippedCriteria.texts().get("criteria/azure.criteria");
    String first = snippet.split("[ \n]", 2)[0];
    String text =
        switch (first) {
          case "area", "define", "workloads", "types" -> azure + "\n" + snippet + "\n";
          // an area holds branches or nodes: a branch goes in an area of its own
          case "branch" -> azure + "\narea extra \"Extra\" {\n" + snippet.indent(2) + "}\n";
          case "gate", "metric" -> azure.replace("\n}\n", "\n" + snippet.indent(2) + "}\n");
          // a metric with leaves has its rules in them
          case "leaf" ->
              azure
                  + "\narea extra \"Extra\" {\n  metric parts \"Parts\" {\n"
                  + snippet.indent(4)
                  + "  }\n}\n";
          // in the one metric whose value is an amount, 'usage-growth'
          case "met" -> azure.replace("    met when value > 0\n", "    " + snippet + "\n");
          default -> azure.replace("    met when value > 0\n", "    met when " + snippet + "\n");
        };
    assertThat(text).as(first).isNotEqualTo(azure);
    Map<String, String> texts = new LinkedHashMap<>(eligo.testing.ShippedCriteria.texts());
    texts.put("criteria/azure.criteria", text);
    return texts;
  }

  @Test
  void everySnippetAsInsertedCompiles() throws Exception {
    JsonNode all = new ObjectMapper().readTree(Files.readString(SNIPPETS));
    List<String> names = new ArrayList<>();
    all.fieldNames().forEachRemaining(names::add);
    assertThat(names).contains("area", "gate", "metric", "leaf", "define");
    for (String name : names) {
      JsonNode s = all.get(name);
      assertThat(s.get("prefix").asText()).as(name).isNotBlank();
      assertThat(s.get("description").asText()).as(name).isNotBlank();
      List<String> lines = new ArrayList<>();
      s.get("body").forEach(l -> lines.add(l.asText()));
      String snippet = expanded(String.join("\n", lines));
      assertThat(snippet).as(name).doesNotContain("${").doesNotContain("$0");
      Frontend.Compilation c = Frontend.compile(placed(snippet));
      assertThat(c.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::render))
          .as(name + ":\n" + snippet)
          .isEmpty();
    }
  }

  @Test
  void placeholdersExpandToTheirDefaults() {
    assertThat(expanded("define ${1:name} = ${2:\\$1000}$0")).isEqualTo("define name = $1000");
    assertThat(expanded("details per ${6|tenant,workload|}")).isEqualTo("details per tenant");
  }

  @Test
  void theExtensionDeclaresTheSnippets() throws Exception {
    JsonNode pkg =
        new ObjectMapper().readTree(Files.readString(Path.of("editors/vscode/package.json")));
    assertThat(pkg.at("/contributes/snippets/0/path").asText())
        .isEqualTo("./snippets/criteria.json");
    assertThat(pkg.at("/contributes/snippets/0/language").asText()).isEqualTo("eligo-criteria");
  }
}
