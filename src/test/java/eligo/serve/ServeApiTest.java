package eligo.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eligo.check.Frontend;
import eligo.diff.Impact;
import eligo.diff.ImpactReport;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.Evaluation;
import eligo.engine.Outcome;
import eligo.io.Mode;
import eligo.report.JsonReport;
import eligo.report.SummaryView;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eligo serve} over HTTP: a server started in-process on the sample data with an access
 * file; each test asks what a client would and reads the status and the document.
 */
class ServeApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static ServedSite site;
  static Outcome whole;
  static Map<String, String> shipped;

  @BeforeAll
  static void start() throws Exception {
    site = new ServedSite(tmp, true);
    shipped = new TreeMap<>(new CriteriaFolder(site.criteria).read());
    whole = run(shipped);
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  /** A full run of criteria texts on the sample data, the way 'eligo run' evaluates them. */
  static Outcome run(Map<String, String> files) throws Exception {
    Frontend.Compilation c = Frontend.compile(Snapshot.criteriaOf(files));
    Eligo.requireNoErrors(c);
    var data = Eligo.loadFor(c, site.data, Mode.STRICT).loaded().dataset();
    return Eligo.evaluate(
        c, Engine.interpret, data, Eligo.asOf(null, data), 2, Evaluation.Progress.NONE);
  }

  static Set<String> customersOf(String partner) throws Exception {
    return Files.readAllLines(site.data.resolve("customers.csv")).stream()
        .skip(1)
        .filter(l -> l.startsWith(partner + ","))
        .map(l -> l.split(",")[1])
        .collect(Collectors.toSet());
  }

  /** The workbench's save of {@code file} with {@code text}, opened at {@code version}. */
  static HttpResponse<String> save(String file, String text, String version) throws Exception {
    return site.send(
        "PUT",
        "/api/files/" + file,
        ServedSite.STAFF,
        "application/json",
        JSON.writeValueAsString(Map.of("text", text, "version", version)));
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** The 1-based number of the first line of the shipped azure.criteria equal to {@code text}. */
  static int firstLineOf(String text) throws java.io.IOException {
    List<String> lines =
        java.nio.file.Files.readAllLines(java.nio.file.Path.of("criteria/azure.criteria"));
    int i = lines.indexOf(text);
    assertThat(i).as("a line '" + text + "' in criteria/azure.criteria").isNotNegative();
    return i + 1;
  }

  static String azureWith(String from, String to) {
    String text = shipped.get("azure.criteria");
    assertThat(text).contains(from);
    return text.replaceFirst(java.util.regex.Pattern.quote(from), to);
  }

  static String body(String file, String text) throws Exception {
    return JSON.writeValueAsString(Map.of("files", Map.of(file, text)));
  }

  // ---------------------------------------------------------------- who may see what

  @Test
  void withoutAValidTokenTheApiSays401AndNeverEchoesTheToken() throws Exception {
    HttpResponse<String> none = site.get("/api/partners/P001/summary", null);
    assertThat(none.statusCode()).isEqualTo(401);
    String wrong = "not-a-token-of-the-access-file-1234";
    HttpResponse<String> bad = site.get("/api/partners/P001/summary", wrong);
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.body()).doesNotContain(wrong).contains("\"error\"");
    assertThat(site.send("GET", "/api/partners", null, null, "").statusCode()).isEqualTo(401);
    var basic =
        site.client.send(
            java.net.http.HttpRequest.newBuilder(site.uri("/api/partners"))
                .header("Authorization", "Basic " + STAFF_BASIC)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(401);
  }

  private static final String STAFF_BASIC = "c3RhZmY6c3RhZmY=";

  @Test
  void aPartnerGetsItsOwnSummaryWithOnlyItsCustomersAsTheSummaryCommandWritesIt() throws Exception {
    HttpResponse<String> r = site.get("/api/partners/P001/summary", ServedSite.P001);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    // the document of 'eligo summary --partner P001 --format json' on the whole run
    assertThat(r.body())
        .isEqualTo(
            JsonReport.summary(SummaryView.of(whole, "P001", null, null), whole.data, false));
    HttpResponse<String> listed = site.get("/api/partners/P001/summary?list=true", ServedSite.P001);
    Set<String> ids = new java.util.HashSet<>();
    json(listed).findValues("customers").forEach(n -> n.forEach(id -> ids.add(id.asText())));
    assertThat(ids).isNotEmpty().isSubsetOf(customersOf("P001"));
    assertThat(json(listed).get("customers").asInt()).isEqualTo(customersOf("P001").size());
  }

  @Test
  void aPartnerExplainsItsOwnCustomersAndIsRefusedEverythingOfAnotherPartner() throws Exception {
    String own = customersOf("P001").iterator().next();
    String other = customersOf("P002").iterator().next();
    HttpResponse<String> r = site.get("/api/partners/P001/customers/" + own, ServedSite.P001);
    assertThat(r.statusCode()).isEqualTo(200);
    int c = Workbench.indexOf(whole, own);
    assertThat(r.body())
        .isEqualTo(JsonReport.customer(new eligo.report.Explainer(whole).explain(c)));

    assertThat(site.get("/api/partners/P002/summary", ServedSite.P001).statusCode()).isEqualTo(403);
    assertThat(site.get("/api/partners/P002/customers/" + other, ServedSite.P001).statusCode())
        .isEqualTo(403);
    assertThat(site.get("/p/P002/index.html", ServedSite.P001).statusCode()).isEqualTo(403);
    // a partner that does not exist is refused the same way: existence does not leak
    assertThat(site.get("/api/partners/NOPE/summary", ServedSite.P001).statusCode()).isEqualTo(403);
    // another partner's customer under one's own partner: not found
    HttpResponse<String> foreign =
        site.get("/api/partners/P001/customers/" + other, ServedSite.P001);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain(other);
    assertThat(json(site.get("/api/partners", ServedSite.P001)).get("partners").toString())
        .isEqualTo("[\"P001\"]");
    // staff see every partner
    assertThat(site.get("/api/partners/P002/summary", ServedSite.STAFF).statusCode())
        .isEqualTo(200);
    assertThat(site.get("/api/partners/NOPE/summary", ServedSite.STAFF).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aPartnersPagesAndCsvHoldOnlyItsCustomers() throws Exception {
    HttpResponse<String> index = site.get("/p/P001/index.html", ServedSite.P001);
    assertThat(index.statusCode()).isEqualTo(200);
    String csp = index.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("script-src 'self' 'nonce-")
        .doesNotContain("script-src 'unsafe-inline'");
    HttpResponse<String> csv = site.get("/api/partners/P001/results.csv", ServedSite.P001);
    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("partner_id,customer_id,area,node,status,value");
    assertThat(lines.subList(1, lines.size())).isNotEmpty().allMatch(l -> l.startsWith("P001,"));
    assertThat(site.get("/api/partners/P002/results.csv", ServedSite.P001).statusCode())
        .isEqualTo(403);
    HttpResponse<String> customers = site.get("/p/P001/customers.html", ServedSite.P001);
    assertThat(customers.statusCode()).isEqualTo(200);
    for (String other : customersOf("P002")) {
      assertThat(customers.body()).doesNotContain(other);
    }
  }

  /**
   * The pages' download ("Results (CSV)", and the lists page's "Download every list") is the site's
   * results.csv, the file eligo report --partner writes: a row per customer with the lists'
   * columns, not the run's rows (before, the server answered this link with those).
   */
  @Test
  void thePagesDownloadIsTheSitesResultsCsv() throws Exception {
    HttpResponse<String> lists = site.get("/p/P001/lists.html", ServedSite.P001);
    assertThat(lists.body()).contains("<a href=results.csv>Download every list");
    HttpResponse<String> csv = site.get("/p/P001/results.csv", ServedSite.P001);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"results.csv\"");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).startsWith("partner_id,customer_id,customer_name,");
    assertThat(lines.subList(1, lines.size())).allMatch(l -> l.startsWith("P001,C"));
    // a row per customer, the lists' columns: a node's outcome, then its value
    assertThat(lines.subList(1, lines.size()).stream().map(l -> l.split(",")[1]))
        .containsExactlyInAnyOrderElementsOf(customersOf("P001"));
    assertThat(lines.get(0)).contains(",azure/workloads,azure/workloads value,");
  }

  @Test
  void staffActionsAreRefusedToPartners() throws Exception {
    assertThat(site.postJson("/api/check", ServedSite.P001, "{\"files\":{}}").statusCode())
        .isEqualTo(403);
    assertThat(site.postJson("/api/impact", ServedSite.P001, "{\"files\":{}}").statusCode())
        .isEqualTo(403);
    assertThat(site.get("/api/files/azure.criteria", ServedSite.P001).statusCode()).isEqualTo(403);
  }

  // ---------------------------------------------------------------- the workbench API

  @Test
  void checkLocatesAnErrorAtItsLineWithTheCompilersWords() throws Exception {
    String broken = azureWith("met when value >= 1", "met when valeu >= 1");
    HttpResponse<String> r =
        site.postJson("/api/check", ServedSite.STAFF, body("azure.criteria", broken));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode d = json(r).get("diagnostics");
    List<JsonNode> errors = new ArrayList<>();
    d.forEach(
        n -> {
          if (n.get("severity").asText().equals("error")) {
            errors.add(n);
          }
        });
    assertThat(errors).hasSize(1);
    JsonNode e = errors.get(0);
    assertThat(e.get("file").asText()).isEqualTo("azure.criteria");
    assertThat(e.get("line").asInt()).isEqualTo(firstLineOf("    met when value >= 1"));
    assertThat(e.get("column").asInt()).isEqualTo(14);
    assertThat(e.get("message").asText()).contains("valeu").contains("value");
    assertThat(r.body()).doesNotContain(tmp.toString());
    // the saved criteria: no error
    JsonNode clean = json(site.postJson("/api/check", ServedSite.STAFF, "{}")).get("diagnostics");
    clean.forEach(n -> assertThat(n.get("severity").asText()).isEqualTo("warning"));
  }

  @Test
  void impactIsTheDiffDocumentOfTwoFullRuns() throws Exception {
    String edited = azureWith("met when value >= 1", "met when value >= 3");
    String request =
        JSON.writeValueAsString(
            Map.of("files", Map.of("azure.criteria", edited), "customers", 100_000));
    HttpResponse<String> r = site.postJson("/api/impact", ServedSite.STAFF, request);
    assertThat(r.statusCode()).isEqualTo(200);
    Map<String, String> files = new TreeMap<>(shipped);
    files.put("azure.criteria", edited);
    Impact expected =
        Impact.compare("saved criteria", "edited criteria", "loaded data", whole, run(files));
    assertThat(expected.nothingChanged()).isFalse();
    com.fasterxml.jackson.databind.node.ObjectNode answer =
        (com.fasterxml.jackson.databind.node.ObjectNode) json(r);
    assertThat(answer.remove("customersChanged").asInt()).isEqualTo(expected.customers().size());
    assertThat(answer.remove("customersListed").asInt()).isEqualTo(expected.customers().size());
    assertThat(answer).isEqualTo(JSON.readTree(ImpactReport.json(expected)));
    // by default the first 50 customers are listed; with "customers": 2, two
    HttpResponse<String> two =
        site.postJson(
            "/api/impact",
            ServedSite.STAFF,
            JSON.writeValueAsString(
                Map.of("files", Map.of("azure.criteria", edited), "customers", 2)));
    assertThat(json(two).get("customers").size()).isEqualTo(2);
    assertThat(json(two).get("customersChanged").asInt()).isEqualTo(expected.customers().size());
    assertThat(json(two).get("customers").get(1)).isEqualTo(answer.get("customers").get(1));
    assertThat(json(two).get("nodes")).isEqualTo(answer.get("nodes"));
  }

  @Test
  void impactOfCriteriaThatMakeRowsOfTheDataBadSaysWhichRows() throws Exception {
    String common = shipped.get("common.criteria");
    HttpResponse<String> r =
        site.postJson(
            "/api/impact",
            ServedSite.STAFF,
            body(
                "common.criteria",
                common.replace(
                    "association type CSP_T2                  = \"CSP T2\"",
                    "association type CSP_T2                  = \"BOGUS\"")));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).get("error").asText())
        .isEqualTo("the loaded data have rows the edited criteria cannot use");
    assertThat(json(r).get("dataErrors").get(0).asText())
        .matches("associations\\.csv:\\d+: association_type 'CSP T2' is not a known .*");
    assertThat(site.get("/api/partners", ServedSite.STAFF).statusCode()).isEqualTo(200);
  }

  @Test
  void impactOfCriteriaWithErrorsIs422WithTheDiagnostics() throws Exception {
    HttpResponse<String> r =
        site.postJson(
            "/api/impact", ServedSite.STAFF, body("azure.criteria", "area azure \"x\" {"));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(json(r).get("diagnostics").size()).isPositive();
  }

  @Test
  void casesRunEveryCaseOfTheEditedCaseFilesAndSayEachProblemOnce() throws Exception {
    String cases =
        """
        as of 2026-08
        workloads "Azure SQL Database" family "Azure"

        case "held" {
          intent "a tenant with $1,000 of attributed ACR in M qualifies"
          customer C1
          tenant T1
          association T1 "Azure SQL Database" PAL from 2025-01
          usage T1 "Azure SQL Database" 2026-08 acr 1000
          expect azure net-customer-adds met 1
        }

        case "wrong on purpose" {
          intent "the expectation is wrong, so the case fails"
          customer C1
          tenant T1
          expect azure workloads met 1
        }
        """;
    HttpResponse<String> r =
        site.postJson("/api/cases", ServedSite.STAFF, body("azure.cases", cases));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode ran = json(r);
    // the folder's other case files run too: every case of them passes
    int shipped = 0;
    for (JsonNode row : ran.get("results")) {
      if (!row.get("file").asText().equals("azure.cases")) {
        shipped++;
        assertThat(row.get("passed").asBoolean()).as(row.toString()).isTrue();
      }
    }
    assertThat(shipped).isPositive();
    assertThat(ran.get("failed").asInt()).isEqualTo(1);
    assertThat(ran.get("passed").asInt()).isEqualTo(shipped + 1);
    assertThat(ran.get("results").findValuesAsText("case")).contains("held", "wrong on purpose");
    assertThat(ran.get("coverage").asText()).contains("net-customer-adds");

    // a mistake in the rows every case of the file shares is one problem, not one per case
    String shared =
        cases.replace("family \"Azure\"\n", "family \"Azure\"\nworkloads \"Spare\" family \"\"\n");
    HttpResponse<String> bad =
        site.postJson("/api/cases", ServedSite.STAFF, body("azure.cases", shared));
    assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
    JsonNode diagnostics = json(bad).get("diagnostics");
    assertThat(diagnostics.size()).as(diagnostics.toString()).isEqualTo(1);
    assertThat(diagnostics.get(0).get("message").asText()).isEqualTo("family is empty");
    assertThat(diagnostics.get(0).get("line").asInt()).isEqualTo(3);
  }

  // ---------------------------------------------------------------- hardening

  @Test
  void clientsThatNeverFinishTheirRequestKeepNoOneElseWaiting() throws Exception {
    // each holds a worker until the request time limit (30 s); more of them than the 16 workers
    // of before, and a partner's request is still answered at once
    List<java.net.Socket> slow = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        java.net.Socket s = new java.net.Socket("127.0.0.1", site.server.port());
        s.getOutputStream()
            .write(
                "GET /api/partners HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        slow.add(s);
      }
      Thread.sleep(200); // every slow request has reached a worker
      HttpResponse<String> answered =
          site.client.send(
              java.net.http.HttpRequest.newBuilder(site.uri("/api/partners"))
                  .header("Authorization", "Bearer " + ServedSite.P001)
                  .timeout(java.time.Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answered.statusCode()).isEqualTo(200);
    } finally {
      for (java.net.Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void badInputGetsAClear4xxAndTheServerKeepsServing() throws Exception {
    assertThat(site.postJson("/api/check", ServedSite.STAFF, "{not json").statusCode())
        .isEqualTo(400);
    assertThat(site.postJson("/api/check", ServedSite.STAFF, "[1,2]").statusCode()).isEqualTo(400);
    assertThat(
            site.postJson("/api/check", ServedSite.STAFF, "{\"files\":{\"a.criteria\":1}}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            site.postJson("/api/check", ServedSite.STAFF, "{\"files\":{\"../pom.xml\":\"x\"}}")
                .statusCode())
        .isEqualTo(400);
    assertThat(
            site.postJson("/api/check", ServedSite.STAFF, "{\"files\":{\"other.criteria\":\"x\"}}")
                .statusCode())
        .isEqualTo(400);
    assertThat(site.send("POST", "/api/check", ServedSite.STAFF, "text/plain", "{}").statusCode())
        .isEqualTo(415);
    assertThat(
            site.send("POST", "/api/check", ServedSite.STAFF, "application/jsonx", "{}")
                .statusCode())
        .isEqualTo(415);
    assertThat(
            site.send(
                    "POST",
                    "/api/check",
                    ServedSite.STAFF,
                    "Application/JSON; charset=utf-8",
                    "{\"files\":{}}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            site.postJson("/api/impact", ServedSite.STAFF, "{\"files\":{},\"customers\":1.7}")
                .statusCode())
        .isEqualTo(400);
    String big = "{\"files\":{\"azure.criteria\":\"" + "#".repeat(Server.MAX_BODY) + "\"}}";
    assertThat(site.postJson("/api/check", ServedSite.STAFF, big).statusCode()).isEqualTo(413);
    assertThat(
            site.send("DELETE", "/api/files/azure.criteria", ServedSite.STAFF, null, "")
                .statusCode())
        .isEqualTo(405);
    // a 405 says which methods are taken (its Allow header, as HTTP requires): the resource's, or
    // the server's for a method it takes nowhere
    assertThat(
            site.send("DELETE", "/api/files/azure.criteria", ServedSite.STAFF, null, "")
                .headers()
                .firstValue("Allow"))
        .hasValue("GET, HEAD, POST, PUT");
    assertThat(
            site.postJson("/api/files/azure.criteria", ServedSite.STAFF, "{}")
                .headers()
                .firstValue("Allow"))
        .hasValue("GET, HEAD, PUT");
    HttpResponse<String> getCheck = site.get("/api/check", ServedSite.STAFF);
    assertThat(getCheck.statusCode()).isEqualTo(405);
    assertThat(getCheck.headers().firstValue("Allow")).hasValue("POST");
    assertThat(site.get("/api/nothing-here", ServedSite.STAFF).headers().firstValue("Allow"))
        .isEmpty();
    assertThat(site.get("/api/nothing-here", ServedSite.STAFF).statusCode()).isEqualTo(404);
    // a browser asking for a page that is not there gets a page saying so, with a way back (and
    // no markup from the address); the API answers JSON whatever the client accepts
    HttpResponse<String> page = site.getPage("/nothing-%3Cb%3Ehere", ServedSite.STAFF);
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.body()).contains("<h1>404</h1>", "<a href=\"/\">").doesNotContain("<b>");
    HttpResponse<String> foreignPage = site.getPage("/p/P002/index.html", ServedSite.P001);
    assertThat(foreignPage.statusCode()).isEqualTo(403);
    assertThat(foreignPage.body()).contains("<h1>403</h1>").doesNotContain("P002");
    HttpResponse<String> api = site.getPage("/api/nothing-here", ServedSite.STAFF);
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(
            site.postJson("/api/explain", ServedSite.STAFF, "{\"customer\":\"NOPE\"}").statusCode())
        .isEqualTo(404);
    // still serving
    assertThat(site.get("/api/partners/P001/summary", ServedSite.P001).statusCode()).isEqualTo(200);
  }

  @Test
  void aBodyThatIsMoreThanOneJsonObjectOrNamesAFieldTwiceIs400() throws Exception {
    // before, the first object was read and the rest ignored: 200 for a malformed body
    for (String body :
        List.of(
            "{\"files\":{}} trailing",
            "{\"files\":{}}{\"files\":{\"azure.criteria\":\"\"}}",
            "{\"files\":{}}]",
            "{\"files\":{\"azure.criteria\":\"a\",\"azure.criteria\":\"b\"}}")) {
      HttpResponse<String> r = site.postJson("/api/check", ServedSite.STAFF, body);
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(json(r).get("error").asText()).as(body).startsWith("the body is not");
    }
    // which of two texts would a save write? neither
    HttpResponse<String> save =
        site.send(
            "PUT",
            "/api/files/azure.criteria",
            ServedSite.STAFF,
            "application/json",
            "{\"text\":\"a\",\"version\":\"v\",\"text\":\"b\"}");
    assertThat(save.statusCode()).isEqualTo(400);
    // one object with white space after it is fine
    assertThat(site.postJson("/api/check", ServedSite.STAFF, "{\"files\":{}}\n\n").statusCode())
        .isEqualTo(200);
  }

  @Test
  void theWorkbenchListsTheFilesInNameOrder() throws Exception {
    HttpResponse<String> page = site.getPage("/", ServedSite.STAFF);
    assertThat(page.statusCode()).isEqualTo(200);
    List<String> listed =
        java.util.regex.Pattern.compile("class=\"file\" data-file=\"([^\"]+)\"")
            .matcher(page.body())
            .results()
            .map(m -> m.group(1))
            .toList();
    // before, in the order of an immutable map's hash, another at each start:
    // security.criteria, azure.cases, business-applications.cases, ...
    assertThat(listed).hasSize(shipped.size()).isSorted();
  }

  /** Sends a request line as written, without a client normalizing its path. */
  static String raw(String target, String token) throws Exception {
    try (Socket s = new Socket("127.0.0.1", site.server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET "
                  + target
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + token
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      return in.lines().collect(Collectors.joining("\n"));
    }
  }

  @Test
  void pathsNeverLeaveTheServedFolders() throws Exception {
    for (String target :
        List.of(
            "/p/P001/../../../../etc/passwd",
            "/p/P001/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
            "/p/P001/..%2f..%2f..%2fetc%2fpasswd",
            "/p/P001/%2E%2E%5C%2E%2E%5Cpom.xml",
            "/p/P001/c/..%00/index.html",
            "/p/P002/../P001/index.html",
            "/assets/..%2fServer.class",
            "/assets/../../eligo/serve/Server.class",
            "/api/files/..%2f..%2fpom.xml",
            "/api/files/%2e%2e")) {
      String answer = raw(target, ServedSite.STAFF);
      String status = answer.lines().findFirst().orElse("");
      assertThat(status).as(target).matches("HTTP/1.1 (400|403|404) .*");
      assertThat(answer).as(target).doesNotContain("root:").doesNotContain("<project");
    }
    String partner = raw("/p/P001/../P002/index.html", ServedSite.P001);
    assertThat(partner.lines().findFirst().orElse("")).matches("HTTP/1.1 (400|403|404) .*");
    assertThat(site.get("/p/P001/index.html", ServedSite.P001).statusCode()).isEqualTo(200);
  }

  @Test
  void everyAnswerHasTheSecurityHeaders() throws Exception {
    for (HttpResponse<String> r :
        List.of(
            site.get("/login", null),
            site.get("/api/partners", null),
            site.get("/api/partners", ServedSite.STAFF),
            site.get("/assets/workbench.js", null))) {
      var h = r.headers();
      assertThat(h.firstValue("Content-Security-Policy").orElseThrow())
          .contains("default-src 'none'")
          .contains("frame-ancestors 'none'")
          .doesNotContain("'unsafe-inline' 'self'")
          .matches(csp -> !csp.matches(".*script-src[^;]*unsafe-inline.*"), "no inline script");
      assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(h.firstValue("Referrer-Policy")).hasValue("same-origin");
    }
    assertThat(site.get("/login", null).body()).doesNotContain("<script>");
  }

  // ---------------------------------------------------------------- browser sessions

  /** Signs in with the form: the session cookie. */
  static String signIn(String token) throws Exception {
    HttpResponse<String> r =
        site.send(
            "POST",
            "/login",
            null,
            "application/x-www-form-urlencoded",
            "token=" + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(303);
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
    return cookie.substring(0, cookie.indexOf(';'));
  }

  static HttpResponse<String> withCookie(
      String method, String path, String cookie, Map<String, String> headers, String body)
      throws Exception {
    var b =
        java.net.http.HttpRequest.newBuilder(site.uri(path))
            .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .header("Cookie", cookie);
    headers.forEach(b::header);
    return site.client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A link to a partner's page opened without a session leads to the sign-in and, once signed in,
   * to that page (before: to the partner's summary, the link lost); the page to go to is only ever
   * a path of this server.
   */
  @Test
  void signingInLeadsToThePageAskedForAndOnlyToAPageOfThisServer() throws Exception {
    HttpResponse<String> asked = site.get("/p/P001/lists.html", null);
    assertThat(asked.statusCode()).isEqualTo(303);
    assertThat(asked.headers().firstValue("Location"))
        .hasValue("/login?next=%2Fp%2FP001%2Flists.html");
    assertThat(site.get("/login?next=%2Fp%2FP001%2Flists.html", null).body())
        .contains("<input type=\"hidden\" name=\"next\" value=\"/p/P001/lists.html\">");
    assertThat(signInTo(ServedSite.P001, "/p/P001/lists.html")).isEqualTo("/p/P001/lists.html");
    // a wrong token keeps the page to go to
    HttpResponse<String> wrong =
        site.send(
            "POST",
            "/login",
            null,
            "application/x-www-form-urlencoded",
            "token=wrong&next=%2Fp%2FP001%2Flists.html");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("name=\"next\" value=\"/p/P001/lists.html\"");
    for (String elsewhere :
        List.of(
            "//evil.example/x",
            "/\\evil.example/x",
            "https://evil.example/",
            "evil.example",
            "/p/P001/%0d%0aSet-Cookie:x=1",
            "/p/P001/\r\nSet-Cookie: x=1",
            "/p/P001/../../x",
            "/p/P001/lists.html?x=1",
            "/logout",
            "/\"><script>alert(1)</script>")) {
      assertThat(signInTo(ServedSite.P001, elsewhere)).as(elsewhere).isEqualTo("/");
      assertThat(site.get("/login?next=" + Pages.urlSegment(elsewhere), null).body())
          .as(elsewhere)
          .doesNotContain("name=\"next\"");
    }
  }

  /**
   * A partner signed in with the form finds Sign out on every page of its site (before, the
   * report's pages had none: only a partner who knew of /logout could end the session); a program
   * reading with its bearer token gets the pages as the report writes them.
   */
  @Test
  void aPartnerSignedInWithTheFormCanSignOutFromEveryPage() throws Exception {
    String cookie = signIn(ServedSite.P001);
    for (String page : List.of("index.html", "lists.html", "customers.html", "c1-0.html")) {
      HttpResponse<String> r = withCookie("GET", "/p/P001/" + page, cookie, Map.of(), "");
      assertThat(r.statusCode()).as(page).isEqualTo(200);
      String nav = r.body().substring(r.body().indexOf("<body><nav>"));
      assertThat(nav.substring(0, nav.indexOf("</nav>") + 6))
          .as(page)
          .endsWith("<a href=\"/logout\">Sign out</a></nav>");
      assertThat(site.get("/p/P001/" + page, ServedSite.P001).body())
          .as(page)
          .doesNotContain("/logout");
    }
    HttpResponse<String> out = withCookie("GET", "/logout", cookie, Map.of(), "");
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(out.body()).contains("Sign out");
  }

  /** Where the sign-in form posted with {@code next} leads. */
  private static String signInTo(String token, String next) throws Exception {
    HttpResponse<String> r =
        site.send(
            "POST",
            "/login",
            null,
            "application/x-www-form-urlencoded",
            "token="
                + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&next="
                + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(303);
    return r.headers().firstValue("Location").orElseThrow();
  }

  @Test
  void aTokenPastedWithSpacesAroundItSignsInAsWithTheApi() throws Exception {
    // the API strips the bearer token; before, the sign-in form said "That token is not valid."
    // to a token pasted with a space or a tab after it
    assertThat(site.get("/api/partners", " " + ServedSite.P001 + " ").statusCode()).isEqualTo(200);
    String cookie = signIn(" " + ServedSite.P001 + " \t");
    HttpResponse<String> r = withCookie("GET", "/api/session", cookie, Map.of(), "");
    assertThat(json(r).get("partner").asText()).isEqualTo("P001");
  }

  @Test
  void aBrowserSessionNeedsItsCsrfTokenToChangeAnything() throws Exception {
    HttpResponse<String> wrongToken =
        site.send("POST", "/login", null, "application/x-www-form-urlencoded", "token=wrong");
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    String cookie = signIn(ServedSite.STAFF);
    HttpResponse<String> page = withCookie("GET", "/", cookie, Map.of(), "");
    assertThat(page.statusCode()).isEqualTo(200);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
            .matcher(page.body());
    assertThat(m.find()).isTrue();
    String csrf = m.group(1);
    Map<String, String> json = Map.of("Content-Type", "application/json");
    assertThat(withCookie("POST", "/api/check", cookie, json, "{}").statusCode()).isEqualTo(403);
    assertThat(
            withCookie(
                    "POST",
                    "/api/check",
                    cookie,
                    Map.of("Content-Type", "application/json", "X-CSRF-Token", "forged"),
                    "{}")
                .statusCode())
        .isEqualTo(403);
    Map<String, String> good = Map.of("Content-Type", "application/json", "X-CSRF-Token", csrf);
    assertThat(withCookie("POST", "/api/check", cookie, good, "{}").statusCode()).isEqualTo(200);
    // a page of another site: refused by its Origin even with the token
    Map<String, String> foreign = new java.util.HashMap<>(good);
    foreign.put("Origin", "http://evil.example");
    assertThat(withCookie("POST", "/api/check", cookie, foreign, "{}").statusCode()).isEqualTo(403);
    // behind a TLS proxy the browser's origin is the same host over https: accepted; another
    // host over https, or a proxied host named by X-Forwarded-Host that is not the origin's, not
    String host = site.uri("/").getAuthority();
    for (String origin : List.of("https://" + host, "http://" + host)) {
      Map<String, String> proxied = new java.util.HashMap<>(good);
      proxied.put("Origin", origin);
      assertThat(withCookie("POST", "/api/check", cookie, proxied, "{}").statusCode())
          .as(origin)
          .isEqualTo(200);
    }
    Map<String, String> forwarded = new java.util.HashMap<>(good);
    forwarded.put("Origin", "https://eligo.example");
    forwarded.put("X-Forwarded-Host", "eligo.example");
    assertThat(withCookie("POST", "/api/check", cookie, forwarded, "{}").statusCode())
        .isEqualTo(200);
    forwarded.put("Origin", "https://evil.example");
    assertThat(withCookie("POST", "/api/check", cookie, forwarded, "{}").statusCode())
        .isEqualTo(403);
    foreign.put("Origin", "https://evil.example");
    assertThat(withCookie("POST", "/api/check", cookie, foreign, "{}").statusCode()).isEqualTo(403);
    // a partner's session reaches its own pages and is refused another's
    String partner = signIn(ServedSite.P002);
    HttpResponse<String> home = withCookie("GET", "/", partner, Map.of(), "");
    assertThat(home.statusCode()).isEqualTo(303);
    assertThat(home.headers().firstValue("Location")).hasValue("/p/P002/index.html");
    assertThat(withCookie("GET", "/p/P001/index.html", partner, Map.of(), "").statusCode())
        .isEqualTo(403);
    assertThat(withCookie("GET", "/p/P002/index.html", partner, Map.of(), "").statusCode())
        .isEqualTo(200);
  }

  // ---------------------------------------------------------------- saving

  @Test
  void saveRefusesACaseFileWithSyntaxErrorsAndKeepsTheCases() throws Exception {
    String file = "azure.cases";
    JsonNode opened = json(site.get("/api/files/" + file, ServedSite.STAFF));
    String version = opened.get("version").asText();
    String text = opened.get("text").asText();
    // before, saved: 200, and the file's cases replaced by one broken line
    HttpResponse<String> broken = save(file, "case \"x\" { expect nonsense", version);
    assertThat(broken.statusCode()).isEqualTo(422);
    assertThat(json(broken).get("error").asText()).isEqualTo("the edited case file has errors");
    JsonNode first = json(broken).get("diagnostics").get(0);
    assertThat(first.get("file").asText()).isEqualTo(file);
    assertThat(first.get("code").asText()).isEqualTo("syntax");
    assertThat(Files.readString(site.criteria.resolve(file))).isEqualTo(text);
    assertThat(json(site.get("/api/files/" + file, ServedSite.STAFF)).get("version").asText())
        .isEqualTo(version);
    // a case that fails is still a case file: it may be saved (and put back)
    HttpResponse<String> saved = save(file, text + "\n# reviewed\n", version);
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(save(file, text, json(saved).get("version").asText()).statusCode()).isEqualTo(200);
  }

  @Test
  void saveWritesOnlyCriteriaThatCompileAndRefusesAVersionSavedSinceItWasOpened() throws Exception {
    String file = "security.criteria";
    JsonNode opened = json(site.get("/api/files/" + file, ServedSite.STAFF));
    String version = opened.get("version").asText();
    String text = opened.get("text").asText();
    // errors: refused, the file unchanged
    HttpResponse<String> broken = save(file, text + "\nnonsense here\n", version);
    assertThat(broken.statusCode()).isEqualTo(422);
    // said as errors of the criteria (not of the data), each as /api/check gives it
    assertThat(json(broken).get("error").asText()).isEqualTo("the edited criteria have errors");
    JsonNode first = json(broken).get("diagnostics").get(0);
    assertThat(first.get("file").asText()).endsWith(file);
    assertThat(first.has("endLine") && first.has("endColumn")).isTrue();
    assertThat(first.get("code").asText()).isEqualTo("syntax");
    assertThat(Files.readString(site.criteria.resolve(file))).isEqualTo(text);
    // a comment added: saved
    String edited = text + "\n# reviewed\n";
    HttpResponse<String> saved = save(file, edited, version);
    assertThat(saved.statusCode()).isEqualTo(200);
    assertThat(Files.readString(site.criteria.resolve(file))).isEqualTo(edited);
    String newVersion = json(saved).get("version").asText();
    assertThat(newVersion).isNotEqualTo(version);
    // a second editor who opened the old version: refused, nothing lost
    HttpResponse<String> late = save(file, text + "\n# mine\n", version);
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(Files.readString(site.criteria.resolve(file))).isEqualTo(edited);
    assertThat(json(site.get("/api/files/" + file, ServedSite.STAFF)).get("version").asText())
        .isEqualTo(newVersion);
    // put back as it was
    assertThat(save(file, text, newVersion).statusCode()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- options

  @Test
  void aNonLoopbackAddressWithoutAnAccessFileIsRefused() {
    assertThatThrownBy(
            () -> Server.start(new Server.Options(site.criteria, site.data, "0.0.0.0", 0, null)))
        .isInstanceOf(Server.Refused.class)
        .hasMessageContaining("--access");
  }
}
