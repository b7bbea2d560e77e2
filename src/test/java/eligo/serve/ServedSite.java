package eligo.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A server started in-process on an ephemeral port over a copy of the shipped criteria and the
 * sample data, with an access file of one staff token and two partner tokens; and a small client.
 */
final class ServedSite implements AutoCloseable {
  static final String STAFF = "staff-token-0123456789abcdef";
  static final String P001 = "partner-P001-token-0123456789";
  static final String P002 = "partner-P002-token-0123456789";

  final Path criteria;
  final Path data;
  final Server server;
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  ServedSite(Path tmp, boolean withAccess) throws Exception {
    this(
        tmp,
        Path.of("examples/sample-data"),
        withAccess
            ? "token,partner_id\n" + STAFF + ",*\n" + P001 + ",P001\n" + P002 + ",P002\n"
            : null);
  }

  /** A server over {@code data}, with the access file {@code accessCsv} (null: none). */
  ServedSite(Path tmp, Path data, String accessCsv) throws Exception {
    this(tmp, data, accessCsv, java.util.List.of());
  }

  /** The same behind the reverse proxies {@code trustedProxies} ({@code --trusted-proxy}). */
  ServedSite(Path tmp, Path data, String accessCsv, java.util.List<String> trustedProxies)
      throws Exception {
    this.data = data;
    criteria = tmp.resolve("criteria");
    Files.createDirectories(criteria);
    try (Stream<Path> s = Files.list(Path.of("criteria"))) {
      for (Path p : s.toList()) {
        Files.copy(p, criteria.resolve(p.getFileName()));
      }
    }
    Path access = null;
    if (accessCsv != null) {
      access = tmp.resolve("access.csv");
      Files.writeString(access, accessCsv);
    }
    server =
        Server.start(
            new Server.Options(criteria, data, "127.0.0.1", 0, access, null, trustedProxies));
  }

  URI uri(String path) {
    return URI.create(server.url()).resolve(path);
  }

  HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** A GET as a browser sends one for a page: HTML accepted first. */
  HttpResponse<String> getPage(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .GET()
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(String method, String path, String token, String type, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      b.header("Content-Type", type);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> postJson(String path, String token, String json)
      throws IOException, InterruptedException {
    return send("POST", path, token, "application/json", json);
  }

  @Override
  public void close() {
    server.close();
  }
}
