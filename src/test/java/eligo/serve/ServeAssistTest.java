package eligo.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbench editor's help over HTTP: hover and completion on the texts as edited. */
class ServeAssistTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static ServedSite site;
  static String azure;

  @BeforeAll
  static void start() throws Exception {
    site = new ServedSite(tmp, true);
    azure = Files.readString(site.criteria.resolve("azure.criteria"));
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  private static HttpResponse<String> post(String what, String token, Map<String, Object> body)
      throws Exception {
    return site.postJson("/api/" + what, token, JSON.writeValueAsString(body));
  }

  private static Map<String, Object> at(String file, int line, int column, Map<String, String> e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("files", e);
    m.put("file", file);
    m.put("line", line);
    m.put("column", column);
    return m;
  }

  @Test
  void hoverSaysWhatTheWordAtTheCursorIs() throws Exception {
    // line 24 of the shipped azure.criteria: "    value count type in AZURE_TYPES"
    List<String> lines = azure.lines().toList();
    int line = lines.indexOf("    value count type in AZURE_TYPES") + 1;
    assertThat(line).isPositive();
    int column = lines.get(line - 1).indexOf("AZURE_TYPES") + 3;
    HttpResponse<String> r =
        post("hover", ServedSite.STAFF, at("azure.criteria", line, column, Map.of()));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode h = JSON.readTree(r.body());
    assertThat(h.get("markdown").asText()).contains("AZURE_TYPES");
    assertThat(h.get("range").get("startLine").asInt()).isEqualTo(line);
    assertThat(h.get("range").get("startColumn").asInt())
        .isEqualTo(lines.get(line - 1).indexOf("AZURE_TYPES") + 1);

    // on blank space: nothing to say
    JsonNode none =
        JSON.readTree(
            post("hover", ServedSite.STAFF, at("azure.criteria", line, 1, Map.of())).body());
    assertThat(none.get("markdown").isNull()).isTrue();
  }

  @Test
  void completionOffersNamesOfTheEditedTextFilteredByWhatIsTyped() throws Exception {
    // an unsaved edit declares a new set: it is offered at once
    String edited =
        azure.replace(
            "types AZURE_TYPES = CSP, DPOR, PAL",
            "types AZURE_TYPES = CSP, DPOR, PAL\ntypes AZURE_EXTRA = CSP");
    assertThat(edited).isNotEqualTo(azure);
    List<String> lines = edited.lines().toList();
    int line = lines.indexOf("    value count type in AZURE_TYPES") + 1;
    int column = lines.get(line - 1).length() + 1;
    Map<String, Object> body = at("azure.criteria", line, column, Map.of("azure.criteria", edited));
    body.put("prefix", "azure_");
    HttpResponse<String> r = post("complete", ServedSite.STAFF, body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<String> labels = new ArrayList<>();
    JSON.readTree(r.body()).get("items").forEach(i -> labels.add(i.get("label").asText()));
    assertThat(labels).contains("AZURE_TYPES", "AZURE_EXTRA");
    assertThat(labels).allMatch(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("azure_"));
    assertThat(labels).isSorted();

    // the saved text does not have it
    body.put("files", Map.of());
    List<String> saved = new ArrayList<>();
    JSON.readTree(post("complete", ServedSite.STAFF, body).body())
        .get("items")
        .forEach(i -> saved.add(i.get("label").asText()));
    assertThat(saved).contains("AZURE_TYPES").doesNotContain("AZURE_EXTRA");
  }

  @Test
  void theHelpIsForStaffAboutTheFolderFilesWithPlacesFromOne() throws Exception {
    Map<String, Object> ok = at("azure.criteria", 1, 1, Map.of());
    assertThat(post("hover", ServedSite.P001, ok).statusCode()).isEqualTo(403);
    assertThat(post("complete", ServedSite.P001, ok).statusCode()).isEqualTo(403);
    assertThat(post("hover", null, ok).statusCode()).isEqualTo(401);
    assertThat(post("hover", ServedSite.STAFF, at("../../etc/passwd", 1, 1, Map.of())).statusCode())
        .isEqualTo(404);
    assertThat(
            post("complete", ServedSite.STAFF, at("other.criteria", 1, 1, Map.of())).statusCode())
        .isEqualTo(404);
    HttpResponse<String> zero =
        post("hover", ServedSite.STAFF, at("azure.criteria", 0, 1, Map.of()));
    assertThat(zero.statusCode()).isEqualTo(400);
    assertThat(zero.body()).contains("\\\"line\\\" must be a number from 1");
    Map<String, Object> text = at("azure.criteria", 1, 1, Map.of());
    text.put("column", "one");
    assertThat(post("complete", ServedSite.STAFF, text).statusCode()).isEqualTo(400);
    // far past the end of the file: an answer, not an error
    assertThat(
            post("hover", ServedSite.STAFF, at("azure.criteria", 99999, 99999, Map.of()))
                .statusCode())
        .isEqualTo(200);
  }
}
