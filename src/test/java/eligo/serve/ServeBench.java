package eligo.serve;

import eligo.codegen.Evaluators;
import eligo.engine.Engine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The figures of README "eligo serve", run by {@code bin/bench} (not a test):
 *
 * <ul>
 *   <li>{@code impact CRITERIA DATA}: the data loaded and evaluated once, as the server does; then
 *       the impact of one-threshold edits ({@code POST /api/impact}'s work: compile, evaluate the
 *       changed area, compare, the JSON document), each timed;
 *   <li>{@code load CRITERIA DATA SESSIONS SECONDS}: a server on the data with one token per
 *       partner; SESSIONS clients, each signed in as its own partner, ask for their summary, a
 *       customer of theirs and their pages as fast as answers come; requests per second and latency
 *       percentiles.
 * </ul>
 */
public final class ServeBench {
  private ServeBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "impact" -> impact(Path.of(args[1]), Path.of(args[2]));
      case "load" ->
          load(
              Path.of(args[1]),
              Path.of(args[2]),
              Integer.parseInt(args[3]),
              Integer.parseInt(args[4]));
      default -> throw new IllegalArgumentException("impact or load");
    }
  }

  static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  static void impact(Path criteria, Path data) throws Exception {
    long t = System.nanoTime();
    Served served = Served.load(criteria, data, null);
    System.out.printf(
        Locale.ROOT,
        "  loaded and evaluated %d customers in %.1f s (the server's start)%n",
        served.current().data().customerCount(),
        ms(t) / 1000.0);
    // the server compiles the saved criteria in memory in the background after its start
    t = System.nanoTime();
    Evaluators.compile(served.current().compilation.program(), Engine.GENERATED_PACKAGE);
    System.out.printf(Locale.ROOT, "  background compile joined after %d ms%n", ms(t));
    Workbench w = new Workbench(served);
    String azure = served.current().files.get("azure.criteria");
    String from = "met when value >= 1";
    List<Long> times = new ArrayList<>();
    for (String to : List.of("met when value >= 2", "met when value >= 3", "met when value >= 4")) {
      t = System.nanoTime();
      String doc =
          w.impact(Map.of("azure.criteria", azure.replaceFirst(from, to)), Workbench.LISTED);
      long took = ms(t);
      times.add(took);
      int customers = Exchange.JSON.readTree(doc).get("customersChanged").asInt();
      System.out.printf(
          Locale.ROOT,
          "  impact of azure workloads '%s' -> '%s': %d ms (%d customers change, %.1f MB of JSON)%n",
          from,
          to,
          took,
          customers,
          doc.length() / 1e6);
    }
    // where the time of one more edit goes
    String edit = azure.replaceFirst(from, "met when value >= 5");
    Map<String, String> files = served.withEdits(Map.of("azure.criteria", edit));
    t = System.nanoTime();
    w.check(Map.of("azure.criteria", edit));
    long check = ms(t);
    t = System.nanoTime();
    eligo.check.Frontend.Compilation c = Served.compile(files);
    Engine.Compiled compiled = Engine.generated.compile(c);
    long compile = ms(t);
    t = System.nanoTime();
    eligo.engine.Outcome after =
        eligo.engine.Eligo.reevaluate(
            served.current().outcome,
            c.program(),
            compiled,
            Runtime.getRuntime().availableProcessors());
    long evaluate = ms(t);
    t = System.nanoTime();
    eligo.diff.Impact.Listed listed =
        eligo.diff.Impact.compare("a", "b", "c", served.current().outcome, after, Workbench.LISTED);
    long compare = ms(t);
    t = System.nanoTime();
    eligo.diff.ImpactReport.json(listed.impact());
    long json = ms(t);
    System.out.printf(
        Locale.ROOT,
        "  one edit, step by step: check %d ms, compile (one area) %d ms, evaluate (one area) %d"
            + " ms, compare and explain %d listed %d ms, JSON %d ms%n",
        check,
        compile,
        evaluate,
        listed.impact().customers().size(),
        compare,
        json);
    long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(Locale.ROOT, "  impact median %d ms%n", sorted[sorted.length / 2]);
  }

  static void load(Path criteria, Path data, int sessions, int seconds) throws Exception {
    List<String> partners =
        Files.lines(data.resolve("customers.csv"))
            .skip(1)
            .map(l -> l.substring(0, l.indexOf(',')))
            .distinct()
            .limit(sessions)
            .toList();
    Map<String, List<String>> customers = new java.util.HashMap<>();
    Files.lines(data.resolve("customers.csv"))
        .skip(1)
        .forEach(
            l -> {
              String[] f = l.split(",", 3);
              if (partners.contains(f[0])) {
                customers.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
              }
            });
    Path access = Files.createTempFile("eligo-bench-access", ".csv");
    StringBuilder b = new StringBuilder("token,partner_id\n");
    for (String p : partners) {
      b.append("bench-token-of-").append(p).append("-0123456789,").append(p).append('\n');
    }
    Files.writeString(access, b);
    long t = System.nanoTime();
    try (Server server = Server.start(new Server.Options(criteria, data, "127.0.0.1", 0, access))) {
      System.out.printf(Locale.ROOT, "  server ready in %.1f s%n", ms(t) / 1000.0);
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              // daemon threads: the client's pool must not keep the JVM alive after the figures
              .executor(
                  java.util.concurrent.Executors.newFixedThreadPool(
                      4,
                      r -> {
                        Thread th = new Thread(r, "bench-http-client");
                        th.setDaemon(true);
                        return th;
                      }))
              .build();
      String base = server.url();
      // each partner's first request makes its run and its pages: once, before the timing
      for (String p : partners) {
        get(client, base + "p/" + p + "/index.html", "bench-token-of-" + p + "-0123456789");
      }
      long end = System.nanoTime() + seconds * 1_000_000_000L;
      List<long[]> latencies = new ArrayList<>();
      AtomicInteger errors = new AtomicInteger();
      CountDownLatch done = new CountDownLatch(sessions);
      for (int s = 0; s < sessions; s++) {
        String p = partners.get(s % partners.size());
        String token = "bench-token-of-" + p + "-0123456789";
        long[] mine = new long[2_000_000];
        latencies.add(mine);
        Thread th =
            new Thread(
                () -> {
                  int n = 0;
                  List<String> ids = customers.get(p);
                  while (System.nanoTime() < end && n < mine.length - 1) {
                    String path =
                        switch (n % 3) {
                          case 0 -> "api/partners/" + p + "/summary";
                          case 1 ->
                              "api/partners/"
                                  + p
                                  + "/customers/"
                                  + ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
                          default -> "p/" + p + "/index.html";
                        };
                    long t0 = System.nanoTime();
                    int status = get(client, base + path, token);
                    mine[++n] = System.nanoTime() - t0;
                    if (status != 200) {
                      errors.incrementAndGet();
                    }
                  }
                  mine[0] = n;
                  done.countDown();
                });
        th.start();
      }
      done.await();
      int total = 0;
      for (long[] l : latencies) {
        total += (int) l[0];
      }
      long[] all = new long[total];
      int k = 0;
      for (long[] l : latencies) {
        System.arraycopy(l, 1, all, k, (int) l[0]);
        k += (int) l[0];
      }
      Arrays.sort(all);
      System.out.printf(
          Locale.ROOT,
          "  %d sessions, %d s: %d requests, %.0f requests/s; latency p50 %.1f ms, p99 %.1f ms,"
              + " max %.1f ms; %d not 200%n",
          sessions,
          seconds,
          total,
          total / (double) seconds,
          all[total / 2] / 1e6,
          all[(int) (total * 0.99)] / 1e6,
          all[total - 1] / 1e6,
          errors.get());
    }
  }

  static int get(HttpClient client, String url, String token) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
