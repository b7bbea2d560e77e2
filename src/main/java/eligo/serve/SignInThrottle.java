package eligo.serve;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed token checks per client address: after {@link #FAILURES} within {@link #WINDOW_MILLIS},
 * the address is refused (429) until that window ends, whatever token it presents, so that tokens
 * cannot be guessed at the rate the server answers, and a guess that happens to be right is not
 * told apart from a wrong one while refused. A right token never counts. The address is the
 * client's as {@link ClientAddress} finds it: behind a proxy of {@code --trusted-proxy}, the one it
 * forwarded; behind any other, the proxy's, where every client's failures add up together.
 */
final class SignInThrottle {
  static final int FAILURES = 10;
  static final long WINDOW_MILLIS = 60_000;

  /** The addresses kept at most: past that, those whose window has ended are forgotten first. */
  static final int MAX_ADDRESSES = 10_000;

  private final LongSupplier clock;

  /** Per address: the failures counted, and when its window began. */
  private final Map<String, long[]> failures = new HashMap<>();

  SignInThrottle() {
    this(System::currentTimeMillis);
  }

  SignInThrottle(LongSupplier clock) {
    this.clock = clock;
  }

  /** The seconds until {@code address} may present a token again; 0 when it may now. */
  synchronized long waitSeconds(String address) {
    long[] f = failures.get(address);
    if (f == null) {
      return 0;
    }
    long now = clock.getAsLong();
    if (now - f[1] >= WINDOW_MILLIS) {
      failures.remove(address);
      return 0;
    }
    return f[0] >= FAILURES ? Math.max(1, (f[1] + WINDOW_MILLIS - now + 999) / 1000) : 0;
  }

  /** Counts a token that {@code address} presented and no entry of the access file has. */
  synchronized void failed(String address) {
    long now = clock.getAsLong();
    long[] f = failures.get(address);
    if (f == null || now - f[1] >= WINDOW_MILLIS) {
      if (f == null && failures.size() >= MAX_ADDRESSES) {
        failures.values().removeIf(g -> now - g[1] >= WINDOW_MILLIS);
        if (failures.size() >= MAX_ADDRESSES) {
          failures.clear(); // failures from this many addresses at once: count them again
        }
      }
      f = new long[] {0, now};
      failures.put(address, f);
    }
    f[0]++;
  }
}
