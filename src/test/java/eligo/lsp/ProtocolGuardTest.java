package eligo.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server over raw JSON-RPC bytes: what a careless or hostile client may send. */
class ProtocolGuardTest {
  private OutputStream toServer;
  private InputStream fromServer;
  private CompletableFuture<Integer> status;

  @BeforeEach
  void start() throws IOException {
    Pipe up = Pipe.open();
    Pipe down = Pipe.open();
    toServer = Channels.newOutputStream(up.sink());
    fromServer = Channels.newInputStream(down.source());
    InputStream serverIn = Channels.newInputStream(up.source());
    OutputStream serverOut = Channels.newOutputStream(down.sink());
    status = CompletableFuture.supplyAsync(() -> LspServer.serve(serverIn, serverOut, null));
  }

  @AfterEach
  void stop() throws IOException {
    if (!status.isDone()) {
      toServer.close();
    }
  }

  private void send(String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    toServer.write(
        ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    toServer.write(body);
    toServer.flush();
  }

  /** The next answer from the server, within 10 s (notifications skipped). */
  private JsonObject receive() throws Exception {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return read();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            })
        .get(10, TimeUnit.SECONDS);
  }

  private JsonObject read() throws IOException {
    while (true) {
      int length = -1;
      StringBuilder line = new StringBuilder();
      while (true) {
        int c = fromServer.read();
        assertThat(c).as("the server answers").isNotNegative();
        if (c == '\n') {
          String header = line.toString().strip();
          if (header.isEmpty()) {
            break;
          }
          if (header.startsWith("Content-Length:")) {
            length = Integer.parseInt(header.substring(15).strip());
          }
          line.setLength(0);
        } else {
          line.append((char) c);
        }
      }
      String body = new String(fromServer.readNBytes(length), StandardCharsets.UTF_8);
      JsonObject m = JsonParser.parseString(body).getAsJsonObject();
      if (!m.has("method")) {
        return m;
      }
    }
  }

  private static final String HOVER =
      "\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
          + "{\"uri\":\"file:///nowhere/a.criteria\"},\"position\":{\"line\":0,\"character\":0}}";

  @Test
  void aRequestBeforeInitializeIsServerNotInitialized() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"id\":1," + HOVER + "}");
    JsonObject error = receive().getAsJsonObject("error");
    assertThat(error.get("code").getAsInt()).isEqualTo(-32002);
    assertThat(error.get("message").getAsString()).contains("initialize");
    send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{}}");
    assertThat(receive().has("result")).isTrue();
    send("{\"jsonrpc\":\"2.0\",\"id\":3," + HOVER + "}");
    assertThat(receive().has("error")).isFalse();
  }

  @Test
  void badJsonAndBadParamsGetPlainErrorsAndTheServerGoesOn() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
    receive();
    send("{not json");
    JsonObject parse = receive();
    assertThat(parse.get("id").isJsonNull()).isTrue();
    assertThat(parse.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32700);
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":"
            + "{\"textDocument\":{\"uri\":\"file:///a.criteria\"},\"position\":\"top\"}}");
    JsonObject shape = receive().getAsJsonObject("error");
    assertThat(shape.get("code").getAsInt()).isEqualTo(-32602);
    assertThat(shape.has("data")).isFalse();
    assertThat(shape.get("message").getAsString())
        .contains("textDocument/hover", "position")
        .doesNotContain("java.", "Exception", "gson");
    send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\"}");
    JsonObject none = receive().getAsJsonObject("error");
    assertThat(none.get("code").getAsInt()).isEqualTo(-32602);
    assertThat(none.get("message").getAsString()).doesNotContain("null", "invoke");
    send("{\"jsonrpc\":\"2.0\",\"id\":4," + HOVER + "}");
    assertThat(receive().has("error")).isFalse();
  }

  @Test
  void afterShutdownOnlyExitIsTaken() throws Exception {
    send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}");
    receive();
    send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
    assertThat(receive().has("error")).isFalse();
    send("{\"jsonrpc\":\"2.0\",\"id\":3," + HOVER + "}");
    assertThat(receive().getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32600);
    send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
    assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void theLibraryLogIsOneLineWithoutATrace() {
    LogRecord r = new LogRecord(Level.WARNING, "Notification threw an exception: {\n  \"a\": 1\n}");
    r.setThrown(new IllegalStateException("outer", new NullPointerException("inner")));
    assertThat(ServerLog.line(r))
        .isEqualTo("eligo lsp: Notification threw an exception: { \"a\": 1 }: inner");
  }
}
