package eligo.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request and its answer: the body read within a limit, and the ways to answer. */
final class Exchange {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Request bodies: one JSON value and nothing after it, each field once (of two texts for one
   * file, which one would a save write?).
   */
  private static final ObjectReader BODY =
      JSON.reader()
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  final HttpExchange http;
  final String method;

  /** The path's segments, each percent-decoded; empty for {@code /}; null for a bad path. */
  private final List<String> segments;

  /** The session the request came with, when it came with one. */
  Sessions.Session session;

  private final int maxBody;
  private String nonce;
  private boolean answered;

  Exchange(HttpExchange http, int maxBody) {
    this.http = http;
    this.method = http.getRequestMethod().toUpperCase(Locale.ROOT);
    this.maxBody = maxBody;
    List<String> path;
    try {
      path = segments(http.getRequestURI().getRawPath());
    } catch (HttpError e) {
      path = null;
    }
    this.segments = path;
  }

  /** The path's segments, each percent-decoded; a bad path is a 400. */
  List<String> path() {
    if (segments == null) {
      throw HttpError.badRequest("bad request path");
    }
    return segments;
  }

  /**
   * The path's segments, each percent-decoded; a segment {@code .}, {@code ..}, empty, or holding
   * {@code /}, {@code \} or a control character is a 400, but for the ids of partners and customers
   * ({@link #isId}), looked up and never resolved, which may hold {@code /} and {@code \} (ids are
   * opaque strings: a partner {@code EMEA/P001} has its pages at {@code /p/EMEA%2FP001/}).
   */
  static List<String> segments(String rawPath) {
    List<String> out = decoded(rawPath);
    for (int i = 0; i < out.size(); i++) {
      String s = out.get(i);
      boolean separator = s.indexOf('/') >= 0 || s.indexOf('\\') >= 0;
      if (s.isEmpty()
          || s.equals(".")
          || s.equals("..")
          || (separator && !isId(out, i))
          || s.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
        throw HttpError.badRequest("bad request path");
      }
    }
    return out;
  }

  /**
   * Whether segment {@code i} is an id: the partner of {@code /p/P/...} and {@code
   * /api/partners/P/...}, the customer of {@code /api/partners/P/customers/C}.
   */
  private static boolean isId(List<String> path, int i) {
    String first = path.get(0);
    if (first.equals("p")) {
      return i == 1;
    }
    if (first.equals("api") && path.size() > 2 && path.get(1).equals("partners")) {
      return i == 2 || (i == 4 && path.size() == 5 && path.get(3).equals("customers"));
    }
    return false;
  }

  private static List<String> decoded(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw HttpError.badRequest("bad request path");
    }
    List<String> out = new ArrayList<>();
    String[] parts = rawPath.substring(1).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty() && i == parts.length - 1) {
        continue; // a trailing slash
      }
      String s;
      try {
        s = URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("bad percent-encoding in the request path");
      }
      out.add(s);
    }
    return out;
  }

  String header(String name) {
    return http.getRequestHeaders().getFirst(name);
  }

  /** A cookie of the request, or null. */
  String cookie(String name) {
    List<String> all = http.getRequestHeaders().get("Cookie");
    if (all == null) {
      return null;
    }
    for (String line : all) {
      for (String part : line.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).strip().equals(name)) {
          return part.substring(eq + 1).strip();
        }
      }
    }
    return null;
  }

  /** The query parameter, or null. */
  String query(String name) {
    return form(http.getRequestURI().getRawQuery()).get(name);
  }

  /** The request body, at most the limit: longer is refused with 413. */
  byte[] body() throws IOException {
    String length = header("Content-Length");
    if (length != null) {
      long n;
      try {
        n = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        throw HttpError.badRequest("bad Content-Length");
      }
      if (n > maxBody) {
        throw tooLarge();
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    InputStream in = http.getRequestBody();
    int n;
    while ((n = in.read(buf)) > 0) {
      out.write(buf, 0, n);
      if (out.size() > maxBody) {
        throw tooLarge();
      }
    }
    return out.toByteArray();
  }

  /**
   * A 413, once the rest of the body was read (up to a bound) so that the client, still sending,
   * reads the answer rather than a reset connection.
   */
  private HttpError tooLarge() throws IOException {
    byte[] buf = new byte[8192];
    long left = 16L * maxBody;
    InputStream in = http.getRequestBody();
    int n;
    while (left > 0 && (n = in.read(buf)) > 0) {
      left -= n;
    }
    http.getResponseHeaders().set("Connection", "close");
    return new HttpError(413, "the request body is larger than " + maxBody + " bytes");
  }

  /** The body as a JSON object; a body of another type, or not JSON, is a 415 or 400. */
  JsonNode jsonBody() throws IOException {
    String type = header("Content-Type");
    // the media type itself, without its parameters (charset): application/json, not a longer name
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")) {
      throw new HttpError(415, "send the body as application/json");
    }
    byte[] body = body();
    JsonNode node;
    try {
      node = BODY.readTree(body);
    } catch (JsonProcessingException e) {
      String what =
          e instanceof MismatchedInputException
              ? "the body is not one JSON value: more follows it"
              : e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate")
                  ? "the body is not valid JSON: a field is named twice"
                  : "the body is not valid JSON";
      throw HttpError.badRequest(
          what
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    }
    if (node == null || !node.isObject()) {
      throw HttpError.badRequest("the body must be a JSON object");
    }
    return node;
  }

  /** The body as an HTML form ({@code application/x-www-form-urlencoded}). */
  Map<String, String> formBody() throws IOException {
    return form(new String(body(), StandardCharsets.UTF_8));
  }

  static Map<String, String> form(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.putIfAbsent(k, v);
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("bad percent-encoding in the form");
      }
    }
    return out;
  }

  /** A fresh nonce for this answer's inline scripts, named in its Content-Security-Policy. */
  String nonce() {
    if (nonce == null) {
      byte[] b = new byte[18];
      new java.security.SecureRandom().nextBytes(b);
      nonce = java.util.Base64.getEncoder().encodeToString(b);
    }
    return nonce;
  }

  boolean answered() {
    return answered;
  }

  void json(int status, Object value) throws IOException {
    try {
      send(status, "application/json; charset=utf-8", (JSON.writeValueAsString(value) + "\n"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  void jsonText(int status, String json) throws IOException {
    send(status, "application/json; charset=utf-8", json);
  }

  void html(int status, String html) throws IOException {
    send(status, "text/html; charset=utf-8", html);
  }

  void send(int status, String type, String body) throws IOException {
    send(status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  void send(int status, String type, byte[] body) throws IOException {
    securityHeaders();
    http.getResponseHeaders().set("Content-Type", type);
    answered = true;
    if (method.equals("HEAD")) {
      http.sendResponseHeaders(status, -1);
      http.close();
      return;
    }
    http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * The client's address: the connection's, or the one a trusted proxy forwarded ({@link
   * ClientAddress}).
   */
  String clientAddress(ClientAddress clients) {
    java.net.InetSocketAddress a = http.getRemoteAddress();
    List<String> forwarded = http.getRequestHeaders().get("X-Forwarded-For");
    return clients.of(a == null ? null : a.getAddress(), forwarded == null ? List.of() : forwarded);
  }

  void redirect(String location) throws IOException {
    securityHeaders();
    http.getResponseHeaders().set("Location", location);
    answered = true;
    http.sendResponseHeaders(303, -1);
    http.close();
  }

  /**
   * The error as JSON ({@code {"error", "status"}}); as a page saying the same to a browser that
   * asked for a page (not under {@code /api/}, HTML accepted): a mistyped or stale address then
   * shows a page with a way back, not a JSON document.
   */
  void error(HttpError e) throws IOException {
    if (e.status == 401) {
      http.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"eligo\"");
    }
    if (e.allow != null) {
      http.getResponseHeaders().set("Allow", e.allow);
    }
    if (e.retryAfter > 0) {
      http.getResponseHeaders().set("Retry-After", Long.toString(e.retryAfter));
    }
    if (wantsPage()) {
      html(e.status, Pages.error(e.status, e.getMessage()));
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", e.getMessage());
    m.put("status", e.status);
    json(e.status, m);
  }

  /** A browser's request for a page: not under {@code /api/}, and HTML accepted. */
  private boolean wantsPage() {
    String accept = header("Accept");
    boolean api = segments == null || (!segments.isEmpty() && segments.get(0).equals("api"));
    return !api && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
  }

  private void securityHeaders() {
    var h = http.getResponseHeaders();
    String scripts = nonce == null ? "'self'" : "'self' 'nonce-" + nonce + "'";
    h.set(
        "Content-Security-Policy",
        "default-src 'none'; script-src "
            + scripts
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Cache-Control", "no-store");
  }
}
