package eligo.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The system's headless Chromium driven over the DevTools protocol (a WebSocket on a port the
 * browser picks, {@code --remote-debugging-port=0}): navigate, evaluate script in the page, type
 * text as a user would ({@code Input.insertText}). Nothing is downloaded; the JDK's own WebSocket
 * client talks to it.
 */
public final class Browser implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path profile;
  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();

  /**
   * The command line of a headless Chromium with profile {@code profile}, quiet and offline, then
   * {@code rest}.
   */
  public static List<String> command(Path profile, String... rest) {
    List<String> c =
        new java.util.ArrayList<>(
            List.of(
                Requirement.CHROMIUM_PATH.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
    c.addAll(List.of(rest));
    return c;
  }

  public Browser(Path profile) throws Exception {
    this.profile = profile;
    process =
        new ProcessBuilder(command(profile, "--remote-debugging-port=0", "about:blank"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Path active = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!(Files.exists(active) && Files.readAllLines(active).size() >= 2)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException("Chromium did not open its DevTools port");
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(active).get(0).strip());
    HttpClient http = HttpClient.newHttpClient();
    String pageSocket = null;
    while (pageSocket == null) {
      String list =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (JsonNode t : JSON.readTree(list)) {
        if (t.get("type").asText().equals("page")) {
          pageSocket = t.get("webSocketDebuggerUrl").asText();
        }
      }
      if (pageSocket == null) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Chromium has no page");
        }
        Thread.sleep(100);
      }
    }
    socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(pageSocket), new Listener())
            .get(30, TimeUnit.SECONDS);
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        try {
          JsonNode m = JSON.readTree(message);
          if (m.has("id")) {
            CompletableFuture<JsonNode> f = waiting.remove(m.get("id").asInt());
            if (f != null) {
              f.complete(m);
            }
          }
        } catch (IOException e) {
          // not a protocol message
        }
      }
      ws.request(1);
      return null;
    }
  }

  /** Calls a DevTools method and waits for its result. */
  public JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode m = JSON.createObjectNode();
    m.put("id", id);
    m.put("method", method);
    m.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    waiting.put(id, f);
    socket.sendText(JSON.writeValueAsString(m), true).get(30, TimeUnit.SECONDS);
    JsonNode answer = f.get(60, TimeUnit.SECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + ": " + answer.get("error"));
    }
    return answer.get("result");
  }

  /** The value of a script expression in the page (promises awaited). */
  public JsonNode eval(String expression) throws Exception {
    JsonNode r =
        call(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
    }
    return r.get("result").get("value");
  }

  public String text(String expression) throws Exception {
    JsonNode v = eval(expression);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Loads a page and waits until it has loaded. */
  public void open(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
    waitUntil("document.readyState === 'complete' && location.href !== 'about:blank'");
  }

  /** Waits until a script condition holds (at most a minute: a test on a busy machine). */
  public void waitUntil(String condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      JsonNode v;
      try {
        v = eval("Boolean(" + condition + ")");
      } catch (IllegalStateException e) {
        v = null; // the page is changing
      }
      if (v != null && v.asBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        String page;
        try {
          page = text("location.href + ' :: ' + document.body.innerText.slice(0, 2000)");
        } catch (IllegalStateException e) {
          page = "(no page)";
        }
        throw new AssertionError("never true in the page: " + condition + "\npage: " + page);
      }
      Thread.sleep(100);
    }
  }

  /** Types text at the focused element's caret, as a keyboard would. */
  public void type(String text) throws Exception {
    call("Input.insertText", Map.of("text", text));
  }

  public static Supplier<List<String>> none() {
    return List::of;
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser is stopped anyway
    }
    ChromiumProfile.stop(process, profile);
  }

  static String js(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Duration minute() {
    return Duration.ofMinutes(1);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
