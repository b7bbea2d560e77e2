package eligo.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Browser sessions: a random id (the HttpOnly, SameSite=Strict cookie) for a principal, with a
 * random CSRF token that the pages send back in a header (or a form field) on every state-changing
 * request. A session ends when signed out or after {@link #IDLE_MILLIS} without a request. One
 * principal holds at most {@link #PER_PRINCIPAL} sessions (a sign-in past that ends its own least
 * recently used one), and when the server holds {@link #MAX_SESSIONS} the least recently used
 * session ends: a partner signing in again and again ends only its own sessions, never another's.
 */
final class Sessions {
  static final String COOKIE = "eligo_session";
  static final long IDLE_MILLIS = 8L * 60 * 60 * 1000;
  static final int MAX_SESSIONS = 10_000;
  static final int PER_PRINCIPAL = 100;

  /**
   * {@code lastUsed}: the time of its last request ({@code [0]}, for {@link #IDLE_MILLIS}) and the
   * order of that request among all ({@code [1]}, for the least recently used).
   */
  record Session(String id, Principal principal, String csrf, long[] lastUsed) {
    boolean csrfMatches(String presented) {
      return presented != null
          && MessageDigest.isEqual(
              csrf.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final AtomicLong uses = new AtomicLong();

  synchronized Session open(Principal p) {
    List<Session> own = byId.values().stream().filter(s -> s.principal().equals(p)).toList();
    if (own.size() >= PER_PRINCIPAL) {
      own.stream().min(LEAST_RECENT).ifPresent(s -> byId.remove(s.id()));
    }
    if (byId.size() >= MAX_SESSIONS) {
      expire();
    }
    Session s =
        new Session(
            token(), p, token(), new long[] {System.currentTimeMillis(), uses.incrementAndGet()});
    byId.put(s.id(), s);
    return s;
  }

  private static final Comparator<Session> LEAST_RECENT =
      Comparator.comparingLong(s -> s.lastUsed()[1]);

  /** The live session of a cookie value, or null. */
  Session find(String id) {
    if (id == null) {
      return null;
    }
    Session s = byId.get(id);
    if (s == null) {
      return null;
    }
    long now = System.currentTimeMillis();
    if (now - s.lastUsed()[0] > IDLE_MILLIS) {
      byId.remove(id);
      return null;
    }
    s.lastUsed()[0] = now;
    s.lastUsed()[1] = uses.incrementAndGet();
    return s;
  }

  void close(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  private void expire() {
    long now = System.currentTimeMillis();
    byId.values().removeIf(s -> now - s.lastUsed()[0] > IDLE_MILLIS);
    if (byId.size() >= MAX_SESSIONS) {
      // sign-ins of many principals: the least recently used session ends
      byId.values().stream().min(LEAST_RECENT).ifPresent(s -> byId.remove(s.id()));
    }
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
