package eligo.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions: a random id (the HttpOnly, SameSite=Strict cookie) for a principal, with a
 * random CSRF token that the pages send back in a header (or a form field) on every state-changing
 * request. A session ends when signed out or after {@link #IDLE_MILLIS} without a request.
 */
final class Sessions {
  static final String COOKIE = "eligo_session";
  static final long IDLE_MILLIS = 8L * 60 * 60 * 1000;
  private static final int MAX_SESSIONS = 10_000;

  record Session(String id, Principal principal, String csrf, long[] lastUsed) {
    boolean csrfMatches(String presented) {
      return presented != null
          && MessageDigest.isEqual(
              csrf.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  Session open(Principal p) {
    if (byId.size() >= MAX_SESSIONS) {
      expire();
    }
    Session s = new Session(token(), p, token(), new long[] {System.currentTimeMillis()});
    byId.put(s.id(), s);
    return s;
  }

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
      byId.clear(); // under a flood of sign-ins: everyone signs in again
    }
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
