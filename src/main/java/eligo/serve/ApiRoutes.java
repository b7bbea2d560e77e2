package eligo.serve;

import com.fasterxml.jackson.databind.JsonNode;
import eligo.engine.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The JSON API ({@code /api/...}) of a signed-in principal, for {@link Routes}: a partner reaches
 * its own partner's summary and customers; the workbench's files, checks, impact, explanations,
 * trees, hovers, completions and cases are for staff. Bodies are read as JSON and every field is
 * checked before use; failures are thrown as {@link HttpError}s, which {@link Routes} answers.
 */
final class ApiRoutes {
  private final Served served;
  private final PartnerPages pages;
  private final Workbench workbench;
  private final Assist assist;

  /** The workbench's evaluations take turns: one at a time keeps the partners' pages fast. */
  private final Semaphore heavy = new Semaphore(1, true);

  ApiRoutes(Served served, PartnerPages pages) {
    this.served = served;
    this.pages = pages;
    this.workbench = new Workbench(served);
    this.assist = new Assist(served);
  }

  /** Answers {@code /api/...} for principal {@code p} (signed in; CSRF checked for a change). */
  void handle(Exchange x, Principal p, List<String> path, boolean read) throws Exception {
    List<String> rest = path.subList(1, path.size());
    String what = rest.isEmpty() ? "" : rest.get(0);
    if (what.equals("partners")) {
      Routes.requireRead(read);
      partners(x, p, rest);
      return;
    }
    if (what.equals("session") && rest.size() == 1) {
      Routes.requireRead(read);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("staff", p.staff());
      m.put("partner", p.partner());
      // a page whose session ended and was signed in again (another tab; a restarted server
      // forgets every session) takes the new session's token from here, keeping its edits; a
      // page of another site cannot read this answer
      m.put("csrf", x.session == null ? null : x.session.csrf());
      x.json(200, m);
      return;
    }
    Routes.staffOnly(p);
    switch (what) {
      case "files" -> files(x, rest, read);
      case "check" -> {
        requirePost(x, rest);
        x.json(200, workbench.check(edits(x.jsonBody())));
      }
      case "impact" -> {
        requirePost(x, rest);
        JsonNode body = x.jsonBody();
        Map<String, String> edits = edits(body);
        int listed = Workbench.LISTED;
        if (body.has("customers")) {
          JsonNode n = body.get("customers");
          if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
            throw HttpError.badRequest("\"customers\" must be a number of customers to list");
          }
          listed = n.asInt();
        }
        int atMost = listed;
        x.jsonText(200, heavy(() -> workbench.impact(edits, atMost)));
      }
      case "explain" -> {
        requirePost(x, rest);
        JsonNode body = x.jsonBody();
        String customer = text(body, "customer");
        Map<String, String> edits = edits(body);
        x.jsonText(200, heavy(() -> workbench.explain(edits, customer)));
      }
      case "tree" -> {
        requirePost(x, rest);
        JsonNode body = x.jsonBody();
        String area = text(body, "area");
        Map<String, String> edits = edits(body);
        x.json(200, heavy(() -> workbench.tree(edits, area)));
      }
      case "hover" -> {
        requirePost(x, rest);
        JsonNode body = x.jsonBody();
        x.json(
            200,
            assist.hover(
                edits(body), text(body, "file"), place(body, "line"), place(body, "column")));
      }
      case "complete" -> {
        requirePost(x, rest);
        JsonNode body = x.jsonBody();
        String prefix = body.has("prefix") ? text(body, "prefix") : "";
        x.json(
            200,
            assist.complete(
                edits(body),
                text(body, "file"),
                place(body, "line"),
                place(body, "column"),
                prefix));
      }
      case "cases" -> {
        requirePost(x, rest);
        Map<String, String> edits = edits(x.jsonBody());
        x.json(200, heavy(() -> workbench.cases(edits)));
      }
      default -> throw HttpError.notFound();
    }
  }

  private static void requirePost(Exchange x, List<String> rest) {
    if (rest.size() != 1) {
      throw HttpError.notFound();
    }
    if (!x.method.equals("POST")) {
      throw HttpError.methodNotAllowed("use POST", "POST");
    }
  }

  private void partners(Exchange x, Principal p, List<String> rest) throws IOException {
    if (rest.size() == 1) {
      List<String> all = served.current().outcome.partners;
      x.json(200, Map.of("partners", p.staff() ? all : List.of(p.partner())));
      return;
    }
    String partner = rest.get(1);
    Outcome o = Routes.partnerRun(served, p, partner);
    if (rest.size() == 3 && rest.get(2).equals("summary")) {
      x.jsonText(200, PartnerPages.summaryJson(o, partner, "true".equals(x.query("list"))));
      return;
    }
    if (rest.size() == 3 && rest.get(2).equals("results.csv")) {
      // the partner's rows of eligo run's results file (the site's results.csv is another file:
      // a row per customer, as the pages' lists)
      x.http
          .getResponseHeaders()
          .set("Content-Disposition", "attachment; filename=\"results.csv\"");
      x.send(200, "text/csv; charset=utf-8", PartnerPages.resultsCsv(o));
      return;
    }
    if (rest.size() == 4 && rest.get(2).equals("customers")) {
      String doc = PartnerPages.customerJson(o, rest.get(3));
      if (doc == null) {
        throw new HttpError(404, "no customer of this partner has this id");
      }
      x.jsonText(200, doc);
      return;
    }
    throw HttpError.notFound();
  }

  private void files(Exchange x, List<String> rest, boolean read) throws Exception {
    Snapshot s = served.current();
    if (rest.size() == 1) {
      Routes.requireRead(read);
      List<Map<String, Object>> list = new ArrayList<>();
      s.files.keySet().stream()
          .sorted()
          .forEach(
              n -> list.add(Map.of("name", n, "version", CriteriaFolder.version(s.files.get(n)))));
      x.json(200, Map.of("files", list));
      return;
    }
    if (rest.size() != 2) {
      throw HttpError.notFound();
    }
    String name = rest.get(1);
    String text = s.files.get(name);
    if (text == null) {
      throw new HttpError(404, "no file of this name in the criteria folder");
    }
    if (read) {
      String version = CriteriaFolder.version(text);
      x.http.getResponseHeaders().set("ETag", "\"" + version + "\"");
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", name);
      m.put("version", version);
      m.put("text", text);
      x.json(200, m);
      return;
    }
    if (!x.method.equals("PUT")) {
      throw HttpError.methodNotAllowed("use PUT to save a file", "GET", "HEAD", "PUT");
    }
    JsonNode body = x.jsonBody();
    String newText = text(body, "text");
    String version = body.hasNonNull("version") ? text(body, "version") : ifMatch(x);
    if (version == null) {
      throw new HttpError(428, "say which version you opened: \"version\" or If-Match");
    }
    String saved = heavy(() -> served.save(name, newText, version));
    pages.keepOnly(served.current().generation);
    x.http.getResponseHeaders().set("ETag", "\"" + saved + "\"");
    x.json(200, Map.of("name", name, "version", saved));
  }

  private static String ifMatch(Exchange x) {
    String v = x.header("If-Match");
    return v == null ? null : v.strip().replace("\"", "");
  }

  /** The body's {@code files}: file name to text, all strings. */
  private static Map<String, String> edits(JsonNode body) {
    JsonNode files = body.get("files");
    Map<String, String> out = new LinkedHashMap<>();
    if (files == null || files.isNull()) {
      return out;
    }
    if (!files.isObject()) {
      throw HttpError.badRequest("\"files\" must be an object of file name to text");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isTextual()) {
        throw HttpError.badRequest("\"files\": the text of each file must be a string");
      }
      if (!CriteriaFolder.NAME.matcher(e.getKey()).matches()) {
        throw HttpError.badRequest("\"files\": a name must be a *.criteria or *.cases file name");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  /** A 1-based line or column of the body. */
  private static int place(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1) {
      throw HttpError.badRequest("\"" + field + "\" must be a number from 1");
    }
    return v.asInt();
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual()) {
      throw HttpError.badRequest("\"" + field + "\" must be a string");
    }
    return v.asText();
  }

  private interface Work<T> {
    T run() throws Exception;
  }

  private <T> T heavy(Work<T> work) throws Exception {
    if (!heavy.tryAcquire(60, TimeUnit.SECONDS)) {
      throw new HttpError(503, "the workbench is busy: try again");
    }
    try {
      return work.run();
    } finally {
      heavy.release();
    }
  }
}
