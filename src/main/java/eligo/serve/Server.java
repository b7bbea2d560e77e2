package eligo.serve;

import com.sun.net.httpserver.HttpServer;
import eligo.engine.EngineFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code eligo serve}: loads the criteria and the data once, then answers HTTP on the JDK's {@link
 * HttpServer} (see README "eligo serve" for why that server). Every request goes through {@link
 * Routes}, which signs it in, checks what it may reach and answers; any failure becomes a clear 4xx
 * or a 500 without details, and the server keeps serving.
 */
public final class Server implements AutoCloseable {
  /** What {@code eligo serve} was given; {@code access} null: loopback only, the user is staff. */
  public record Options(
      Path criteria,
      Path data,
      String bind,
      int port,
      Path access,
      Path snapshot,
      List<String> trustedProxies) {
    public Options {
      trustedProxies = List.copyOf(trustedProxies);
    }

    /** Options without a snapshot file or a trusted proxy. */
    public Options(Path criteria, Path data, String bind, int port, Path access) {
      this(criteria, data, bind, port, access, null, List.of());
    }
  }

  /** The options are refused (the message says why). */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** Request bodies are at most this long (criteria files are a few kilobytes). */
  static final int MAX_BODY = 1 << 20;

  private final HttpServer http;
  private final ExecutorService workers;
  private final String host;
  private final eligo.engine.Snapshot snapshot;
  private final String asOfWarning;

  private Server(
      HttpServer http,
      ExecutorService workers,
      String host,
      eligo.engine.Snapshot snapshot,
      String asOfWarning) {
    this.http = http;
    this.workers = workers;
    this.host = host;
    this.snapshot = snapshot;
    this.asOfWarning = asOfWarning;
  }

  /** Why the as-of month, the data's latest, looks like a slip; null when it does not. */
  public String asOfWarning() {
    return asOfWarning;
  }

  /** How the data were loaded through the snapshot file of the options, or null without one. */
  public eligo.engine.Snapshot snapshot() {
    return snapshot;
  }

  /**
   * Checks the options, loads the criteria and the data, and starts serving.
   *
   * @throws Refused for a non-loopback address without an access file, or a bad access file
   * @throws EngineFailure when the criteria have errors or the data cannot be loaded
   */
  public static Server start(Options o) throws Refused, EngineFailure, IOException {
    InetAddress address;
    try {
      address = InetAddress.getByName(o.bind());
    } catch (UnknownHostException e) {
      throw new Refused("--bind '" + o.bind() + "' is not an address of this machine");
    }
    Access access = null;
    if (o.access() == null) {
      if (!address.isLoopbackAddress()) {
        throw new Refused(
            "--bind "
                + o.bind()
                + " is reachable from other machines: give --access FILE (token,partner_id) to"
                + " say who may sign in, or bind to 127.0.0.1");
      }
    } else {
      try {
        access = Access.read(o.access());
      } catch (Access.BadFile e) {
        throw new Refused("--access " + o.access() + ": " + e.getMessage());
      }
    }
    if (o.port() < 0 || o.port() > 65535) {
      throw new Refused("--port must be between 0 and 65535");
    }
    ClientAddress clients;
    try {
      clients = ClientAddress.trusting(o.trustedProxies());
    } catch (IllegalArgumentException e) {
      throw new Refused(e.getMessage());
    }
    limits();
    Served served = Served.load(o.criteria(), o.data(), o.snapshot());
    HttpServer http = HttpServer.create(new InetSocketAddress(address, o.port()), 64);
    // The JDK's server reads a request's line and headers on a worker, so each client still
    // sending one holds a worker until it ends or maxReqTime passes: up to WORKERS threads are
    // started as requests come (idle ones end after a minute), so that slow or stalled clients do
    // not keep others waiting; past that, requests queue.
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            WORKERS, WORKERS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), daemons());
    workers.allowCoreThreadTimeOut(true);
    http.setExecutor(workers);
    Routes routes =
        new Routes(
            served, access, new Sessions(), PartnerPages.inTemporaryFolder(), MAX_BODY, clients);
    http.createContext("/", routes::handle);
    http.start();
    String host =
        address.getHostAddress().contains(":")
            ? "[" + address.getHostAddress() + "]"
            : address.getHostAddress();
    return new Server(http, workers, host, served.loadedFrom, served.asOfWarning);
  }

  /** The most requests served at once, slow clients sending theirs included. */
  static final int WORKERS = 256;

  /**
   * The JDK server's time limits, unless set on the command line: a request must arrive within 30
   * seconds and an answer be sent within 120 (the JDK reads these once, when its server class
   * loads).
   */
  private static void limits() {
    setDefault("sun.net.httpserver.maxReqTime", "30");
    setDefault("sun.net.httpserver.maxRspTime", "120");
    setDefault("sun.net.httpserver.maxReqHeaders", "100");
  }

  private static void setDefault(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  private static ThreadFactory daemons() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "eligo-serve-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://HOST:PORT/}. */
  public String url() {
    return String.format(Locale.ROOT, "http://%s:%d/", host, port());
  }

  /** Prints the line that says the server is ready. */
  public void announce(PrintWriter out) {
    out.println("listening on " + url());
    out.flush();
  }

  @Override
  public void close() {
    http.stop(0);
    workers.shutdownNow();
  }
}
