package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eligo serve} as a user starts it: a process of its own, which says where it listens, then
 * answers; with {@code --snapshot}, a second start reads the data from the snapshot the first wrote
 * and answers the same.
 */
class ServeCommandTest {
  @TempDir Path tmp;

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void servesAndASecondStartReadsTheSnapshot() throws Exception {
    Path criteria = copyOfCriteria();
    Path snapshot = tmp.resolve("sample.snapshot");
    List<String> args = serve(criteria, "--port", "0", "--snapshot", snapshot.toString());

    Served first = start(args);
    String summary;
    try {
      assertThat(first.err).contains("snapshot " + snapshot + " written (there is none yet)");
      summary = get(first.url, "api/partners/P001/summary");
      assertThat(summary).contains("\"partner\"").contains("P001");
    } finally {
      first.stop();
    }
    assertThat(snapshot).isRegularFile();

    Served second = start(args);
    try {
      assertThat(second.err).contains("data read from snapshot " + snapshot);
      assertThat(get(second.url, "api/partners/P001/summary")).isEqualTo(summary);
    } finally {
      second.stop();
    }
  }

  @Test
  void refusesASnapshotInsideTheDataAndAnOpenBindWithoutAccess() throws Exception {
    Path criteria = copyOfCriteria();
    Path errFile = tmp.resolve("refused.txt");
    Process inData =
        process(
            serve(criteria, "--port", "0", "--snapshot", "examples/sample-data/usage.csv"),
            errFile);
    assertThat(inData.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(inData.exitValue()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(errFile)).contains("--snapshot");

    Process open = process(serve(criteria, "--bind", "0.0.0.0", "--port", "0"), errFile);
    assertThat(open.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(open.exitValue()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(errFile)).contains("--access");

    Process named = process(serve(criteria, "--trusted-proxy", "proxy.example.com"), errFile);
    assertThat(named.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(named.exitValue()).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(errFile))
        .contains("--trusted-proxy 'proxy.example.com' is not an IP address or network");
  }

  /** {@code eligo serve} on {@code criteria} and the sample data, with {@code more} options. */
  private static List<String> serve(Path criteria, String... more) {
    List<String> args = new ArrayList<>(List.of("serve", "--criteria", criteria.toString()));
    args.addAll(List.of("--data", "examples/sample-data"));
    args.addAll(List.of(more));
    return args;
  }

  /** A started server process, its URL and what it said on standard error before listening. */
  private record Served(Process process, String url, String err) {
    void stop() throws InterruptedException {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Served start(List<String> args) throws IOException {
    Path errFile = Files.createTempFile(tmp, "err", ".txt");
    Process p = process(args, errFile);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("listening on ")) {
        // standard error is complete up to this point: the server writes it before listening
        return new Served(p, line.substring("listening on ".length()), readErr(p, errFile));
      }
    }
    p.destroy();
    throw new AssertionError("no 'listening on' line; standard error: " + readErr(p, errFile));
  }

  private static String readErr(Process p, Path errFile) throws IOException {
    return Files.readString(errFile);
  }

  /** Runs the CLI in a process of its own, its standard error to {@code errFile}. */
  private Process process(List<String> args, Path errFile) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("eligo.cli.Main");
    command.addAll(args);
    return new ProcessBuilder(command).redirectError(errFile.toFile()).start();
  }

  private String get(String url, String path) throws IOException, InterruptedException {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create(url).resolve(path)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  private Path copyOfCriteria() throws IOException {
    Path copy = Files.createDirectories(tmp.resolve("criteria"));
    try (Stream<Path> files = Files.list(Path.of("criteria"))) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }
}
