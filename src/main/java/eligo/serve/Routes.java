package eligo.serve;

import com.sun.net.httpserver.HttpExchange;
import eligo.engine.CriteriaFailure;
import eligo.engine.EngineFailure;
import eligo.engine.Outcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every request: who it is from ({@link #principal}), whether it may do what it asks (partners
 * reach their own partner only; the workbench is for staff; a state-changing request from a browser
 * carries the session's CSRF token and no foreign origin), and the answer: pages here, the JSON API
 * in {@link ApiRoutes}. Failures become a clear status and message, never a path, a token or a
 * stack trace.
 */
final class Routes {
  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT");

  private final Served served;
  private final Access access;
  private final Sessions sessions;
  private final PartnerPages pages;
  private final int maxBody;
  private final ApiRoutes apiRoutes;
  private final SignInThrottle throttle = new SignInThrottle();
  private final ClientAddress clients;

  Routes(
      Served served,
      Access access,
      Sessions sessions,
      PartnerPages pages,
      int maxBody,
      ClientAddress clients) {
    this.clients = clients;
    this.served = served;
    this.access = access;
    this.sessions = sessions;
    this.pages = pages;
    this.maxBody = maxBody;
    this.apiRoutes = new ApiRoutes(served, pages);
  }

  void handle(HttpExchange h) {
    Exchange x = new Exchange(h, maxBody);
    try {
      route(x);
    } catch (HttpError e) {
      fail(x, e);
    } catch (Workbench.Invalid e) {
      invalid(x, e.getMessage(), e.diagnostics);
    } catch (CriteriaFailure f) {
      invalid(
          x,
          f.isAgainstData()
              ? "the edited criteria do not fit the loaded data"
              : "the edited criteria have errors",
          diagnostics(f));
    } catch (eligo.engine.DataFailure f) {
      // the rows the edited criteria make bad (an association type's text changed, say): each
      // at its file and line, as eligo run says them
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("error", "the loaded data have rows the edited criteria cannot use");
      m.put("status", 422);
      m.put("dataErrors", f.errors().stream().limit(100).map(eligo.io.DataError::format).toList());
      m.put("more", Math.max(0, f.errors().size() - 100));
      answer(x, 422, m);
    } catch (EngineFailure f) {
      fail(x, new HttpError(422, "the edited criteria cannot be evaluated on the loaded data"));
    } catch (Served.Conflict c) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(
          "error",
          "someone saved this file since you read it: GET it for their text and version, then"
              + " PUT your text with that version (the workbench shows where the two differ)");
      m.put("status", 409);
      m.put("version", c.version);
      answer(x, 409, m);
    } catch (Exception | Error e) {
      System.err.println("eligo serve: " + x.method + " failed: " + e);
      fail(x, new HttpError(500, "internal error; the server keeps serving"));
    } finally {
      h.close();
    }
  }

  private static void fail(Exchange x, HttpError e) {
    if (x.answered()) {
      return;
    }
    try {
      x.error(e);
    } catch (IOException | RuntimeException ignored) {
      // the client went away
    }
  }

  private static void answer(Exchange x, int status, Object body) {
    try {
      x.json(status, body);
    } catch (IOException | RuntimeException ignored) {
      // the client went away
    }
  }

  private static void invalid(Exchange x, String message, List<Map<String, Object>> diagnostics) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", message);
    m.put("status", 422);
    m.put("diagnostics", diagnostics);
    answer(x, 422, m);
  }

  private static List<Map<String, Object>> diagnostics(CriteriaFailure f) {
    List<Map<String, Object>> out = new ArrayList<>();
    // as /api/check gives them: with their end and code
    List<eligo.editor.Problem> problems = new ArrayList<>();
    if (f.isAgainstData()) {
      f.diagnostics().forEach(d -> problems.add(eligo.editor.Problem.of(d, "data")));
    } else {
      problems.addAll(eligo.editor.Problems.of(f.diagnostics()));
    }
    out.addAll(Workbench.json(problems));
    return out;
  }

  // ---------------------------------------------------------------- who, and may they

  /** The principal of a request, or null when it is not signed in. */
  private Principal principal(Exchange x) {
    String auth = x.header("Authorization");
    if (auth != null) {
      if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw HttpError.unauthorized();
      }
      if (access == null) {
        return Principal.STAFF;
      }
      return checked(x, auth.substring(7).strip());
    }
    Sessions.Session s = sessions.find(x.cookie(Sessions.COOKIE));
    if (s != null) {
      x.session = s;
      return s.principal();
    }
    return access == null ? Principal.STAFF : null;
  }

  /**
   * Whether {@code origin} is {@code host} over http or https: a browser behind a reverse proxy
   * that ends TLS sends an https origin for the host it reached. A page of another site cannot set
   * Host or X-Forwarded-Host (a form cannot, and a script's custom header needs a preflight this
   * server never allows).
   */
  private static boolean sameHost(String origin, String host) {
    return host != null
        && (origin.equalsIgnoreCase("http://" + host)
            || origin.equalsIgnoreCase("https://" + host));
  }

  /**
   * A state-changing request is refused when it comes from another site (its Origin, or its
   * Sec-Fetch-Site), or comes with a session cookie but without the session's CSRF token.
   */
  private void csrf(Exchange x, String formToken) {
    String origin = x.header("Origin");
    if (origin != null
        && !sameHost(origin, x.header("Host"))
        && !sameHost(origin, x.header("X-Forwarded-Host"))) {
      throw new HttpError(403, "cross-site request refused");
    }
    String site = x.header("Sec-Fetch-Site");
    if (site != null && !site.equals("same-origin") && !site.equals("none")) {
      throw new HttpError(403, "cross-site request refused");
    }
    if (x.session != null) {
      String token = formToken != null ? formToken : x.header("X-CSRF-Token");
      if (!x.session.csrfMatches(token)) {
        throw new HttpError(403, "missing or wrong CSRF token: reload the page");
      }
    }
  }

  /**
   * Without an access file the server is on loopback only; a Host header naming another host is a
   * page elsewhere reaching it through DNS rebinding.
   */
  private void hostCheck(Exchange x) {
    if (access != null) {
      return;
    }
    String host = x.header("Host");
    String name = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
    if (!name.equals("localhost") && !name.equals("127.0.0.1") && !name.equals("[::1]")) {
      throw new HttpError(403, "this server answers to localhost only");
    }
  }

  static void staffOnly(Principal p) {
    if (!p.staff()) {
      throw HttpError.forbidden();
    }
  }

  // ---------------------------------------------------------------- routes

  private void route(Exchange x) throws Exception {
    if (!METHODS.contains(x.method)) {
      throw HttpError.methodNotAllowed("method not allowed", "GET", "HEAD", "POST", "PUT");
    }
    hostCheck(x);
    List<String> path = x.path();
    boolean read = x.method.equals("GET") || x.method.equals("HEAD");
    String first = path.isEmpty() ? "" : path.get(0);
    switch (first) {
      case "assets" -> {
        requireRead(read);
        asset(x, path);
        return;
      }
      case "login" -> {
        if (path.size() != 1) {
          throw HttpError.notFound();
        }
        if (read) {
          x.html(200, Pages.login(null, access == null, afterSignIn(x.query("next"))));
        } else {
          login(x);
        }
        return;
      }
      default -> {}
    }
    Principal p = principal(x);
    if (p == null) {
      if (first.equals("api")) {
        throw HttpError.unauthorized();
      }
      // back to the page asked for once signed in (a link to a customer shared by a colleague)
      String asked = read ? afterSignIn(x.http.getRequestURI().getRawPath()) : null;
      x.redirect(asked == null ? "/login" : "/login?next=" + Pages.urlSegment(asked));
      return;
    }
    if (!read) {
      // the sign-out button is a form: its token comes as the csrf field
      boolean form = first.equals("logout") && x.header("X-CSRF-Token") == null;
      csrf(x, form ? x.formBody().getOrDefault("csrf", "") : null);
    }
    switch (first) {
      case "" -> home(x, p);
      case "logout" -> {
        if (read) {
          signOutPage(x);
        } else {
          logout(x);
        }
      }
      case "p" -> partnerPage(x, p, path);
      case "api" -> apiRoutes.handle(x, p, path, read);
      default -> throw HttpError.notFound();
    }
  }

  static void requireRead(boolean read) {
    if (!read) {
      throw HttpError.methodNotAllowed("method not allowed", "GET", "HEAD");
    }
  }

  private void asset(Exchange x, List<String> path) throws IOException {
    if (path.size() != 2) {
      throw HttpError.notFound();
    }
    Pages.Asset a = Pages.asset(path.get(1));
    if (a == null) {
      throw HttpError.notFound();
    }
    x.send(200, a.type(), a.bytes());
  }

  private void login(Exchange x) throws IOException {
    csrf(x, ""); // the origin checks; there is no session yet
    Map<String, String> form = x.formBody();
    String next = afterSignIn(form.get("next"));
    if (access == null) {
      signIn(x, Principal.STAFF, next);
      return;
    }
    Principal p;
    try {
      p = checked(x, form.get("token"));
    } catch (HttpError e) {
      if (e.status != 401) {
        throw e;
      }
      x.html(401, Pages.login("That token is not valid.", false, next));
      return;
    }
    signIn(x, p, next);
  }

  /**
   * The principal of {@code token}: a 401 when no entry of the access file has it (counted for the
   * client's address, {@link ClientAddress}), a 429 while that address has too many such failures
   * ({@link SignInThrottle}), the token then not even checked.
   */
  private Principal checked(Exchange x, String token) {
    String address = x.clientAddress(clients);
    long wait = throttle.waitSeconds(address);
    if (wait > 0) {
      throw HttpError.tooManySignIns(wait);
    }
    Principal p = access.find(token);
    if (p == null) {
      throttle.failed(address);
      throw HttpError.unauthorized();
    }
    return p;
  }

  private void signIn(Exchange x, Principal p) throws IOException {
    signIn(x, p, null);
  }

  /** Opens a session for {@code p} and leads to {@code next} (a path of this server) or home. */
  private void signIn(Exchange x, Principal p, String next) throws IOException {
    Sessions.Session s = sessions.open(p);
    x.http
        .getResponseHeaders()
        .add("Set-Cookie", Sessions.COOKIE + "=" + s.id() + "; Path=/; HttpOnly; SameSite=Strict");
    x.redirect(next == null ? "/" : next);
  }

  private static final java.util.regex.Pattern PATH =
      java.util.regex.Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@/%-]+");

  /**
   * {@code path} when it is a page of this server to go to once signed in, else null: a raw path
   * (the characters of one, encoded: no query, fragment, space or quote) that starts with one
   * {@code /} (never {@code //} or {@code /\}, which a browser takes for another host), whose
   * segments are good ({@link Exchange#segments}), and not the sign-in or sign-out page.
   */
  static String afterSignIn(String path) {
    // the characters of a raw path (RFC 3986 pchar and '/'): anything else comes encoded
    if (path == null
        || !path.startsWith("/")
        || path.equals("/")
        || path.startsWith("//")
        || path.length() > 2048
        || !PATH.matcher(path).matches()) {
      return null;
    }
    List<String> segments;
    try {
      segments = Exchange.segments(path);
    } catch (HttpError e) {
      return null;
    }
    if (segments.isEmpty() || segments.get(0).equals("login") || segments.get(0).equals("logout")) {
      return null;
    }
    return path;
  }

  /**
   * {@code GET /logout}: a page with the sign-out button, which posts with the session's CSRF
   * token. A GET never signs out: a link or an image on any page of the site could do it then.
   */
  private void signOutPage(Exchange x) throws IOException {
    if (x.session == null) {
      throw new HttpError(400, "not signed in with a session");
    }
    x.html(200, Pages.signOut(x.session.csrf()));
  }

  private void logout(Exchange x) throws IOException {
    if (x.session == null) {
      throw new HttpError(400, "not signed in with a session");
    }
    sessions.close(x.session.id());
    x.http
        .getResponseHeaders()
        .add("Set-Cookie", Sessions.COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    x.redirect("/login");
  }

  private void home(Exchange x, Principal p) throws IOException {
    if (!x.method.equals("GET") && !x.method.equals("HEAD")) {
      throw HttpError.methodNotAllowed("method not allowed", "GET", "HEAD");
    }
    if (x.session == null && access == null) {
      // the one local user: a session gives the pages their CSRF token
      signIn(x, Principal.STAFF);
      return;
    }
    if (!p.staff()) {
      x.redirect("/p/" + Pages.urlSegment(p.partner()) + "/index.html");
      return;
    }
    Snapshot s = served.current();
    x.html(
        200,
        Pages.workbench(
            x.session == null ? "" : x.session.csrf(),
            s.outcome.partners,
            new ArrayList<>(s.files.keySet()),
            access != null));
  }

  /** Partner {@code p}'s run, when the principal may read it: else 403, or 404 for staff. */
  static Outcome partnerRun(Served served, Principal who, String p) {
    if (!who.mayRead(p)) {
      throw HttpError.forbidden();
    }
    Outcome o = served.current().partner(p);
    if (o == null) {
      throw new HttpError(404, "no customers of this partner in the data");
    }
    return o;
  }

  private void partnerPage(Exchange x, Principal who, List<String> path) throws IOException {
    requireRead(x.method.equals("GET") || x.method.equals("HEAD"));
    if (path.size() < 2) {
      throw HttpError.notFound();
    }
    String partner = path.get(1);
    Outcome o = partnerRun(served, who, partner);
    if (path.size() == 2) {
      x.redirect("/p/" + Pages.urlSegment(partner) + "/index.html");
      return;
    }
    // every file is the site's own, results.csv included: the download the pages link to and
    // describe (a row per customer, the lists' columns); the run's rows are the API's
    List<String> rest = path.subList(2, path.size());
    Snapshot s = served.current();
    byte[] page = pages.page(s.generation, s.outcome.partners.indexOf(partner), o, rest);
    if (page == null) {
      throw HttpError.notFound();
    }
    String name = rest.get(rest.size() - 1);
    if (name.endsWith(".html")) {
      String html = PartnerPages.withNonce(page, x.nonce());
      x.html(200, x.session == null ? html : PartnerPages.withSignOut(html));
    } else if (name.endsWith(".js")) {
      x.send(200, "text/javascript; charset=utf-8", page);
    } else if (name.endsWith(".css")) {
      x.send(200, "text/css; charset=utf-8", page);
    } else if (name.endsWith(".svg")) {
      x.send(200, "image/svg+xml", page);
    } else if (name.endsWith(".csv")) {
      // a download; the name is one of the site's files (SiteNames: nothing to quote)
      x.http
          .getResponseHeaders()
          .set("Content-Disposition", "attachment; filename=\"" + name + "\"");
      x.send(200, "text/csv; charset=utf-8", page);
    } else {
      x.send(200, "application/octet-stream", page);
    }
  }
}
