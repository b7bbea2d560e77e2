package eligo.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens cannot be guessed at the rate the server answers: after ten wrong tokens from an address
 * within a minute, that address is refused (429, Retry-After) until the minute ends, a right token
 * included, so a right guess is not told apart from a wrong one meanwhile.
 */
class SignInThrottleTest {
  @Test
  void tenWrongTokensRefuseTheAddressUntilTheWindowEnds() {
    AtomicLong now = new AtomicLong(1_000_000);
    SignInThrottle t = new SignInThrottle(now::get);
    for (int i = 0; i < SignInThrottle.FAILURES; i++) {
      assertThat(t.waitSeconds("10.0.0.1")).as("before failure %d", i + 1).isZero();
      t.failed("10.0.0.1");
      now.addAndGet(1_000);
    }
    // ten failures at 0 .. 9 s of the window: refused until it ends, at 60 s
    assertThat(t.waitSeconds("10.0.0.1")).isEqualTo(50);
    assertThat(t.waitSeconds("10.0.0.2")).as("another address").isZero();
    now.addAndGet(49_500);
    assertThat(t.waitSeconds("10.0.0.1")).isEqualTo(1);
    now.addAndGet(500);
    assertThat(t.waitSeconds("10.0.0.1")).as("the window ended").isZero();
    t.failed("10.0.0.1");
    assertThat(t.waitSeconds("10.0.0.1")).as("a new window, one failure").isZero();
  }

  @Test
  void failuresSpreadOverMoreThanAWindowNeverRefuse() {
    AtomicLong now = new AtomicLong(0);
    SignInThrottle t = new SignInThrottle(now::get);
    for (int i = 0; i < 100; i++) {
      t.failed("10.0.0.1");
      now.addAndGet(SignInThrottle.WINDOW_MILLIS / 9);
      assertThat(t.waitSeconds("10.0.0.1")).isZero();
    }
  }

  @Test
  void manyAddressesAreBounded() throws Exception {
    AtomicLong now = new AtomicLong(0);
    SignInThrottle t = new SignInThrottle(now::get);
    for (int i = 0; i < 3 * SignInThrottle.MAX_ADDRESSES; i++) {
      t.failed("a" + i);
    }
    var field = SignInThrottle.class.getDeclaredField("failures");
    field.setAccessible(true);
    assertThat(((java.util.Map<?, ?>) field.get(t)).size())
        .isLessThanOrEqualTo(SignInThrottle.MAX_ADDRESSES);
  }

  @Test
  void theServerRefusesAnAddressAfterTenWrongTokensAndTheRightOneToo(@TempDir Path tmp)
      throws Exception {
    try (ServedSite site = new ServedSite(tmp, true)) {
      for (int i = 0; i < SignInThrottle.FAILURES; i++) {
        assertThat(site.get("/api/partners", "wrong-token-" + i).statusCode()).isEqualTo(401);
      }
      HttpResponse<String> right = site.get("/api/partners", ServedSite.STAFF);
      assertThat(right.statusCode()).isEqualTo(429);
      assertThat(right.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow())
          .isBetween(1L, 60L);
      assertThat(right.body()).contains("too many wrong tokens from this address");
      // the sign-in form too, in a page
      HttpResponse<String> form =
          site.client.send(
              java.net.http.HttpRequest.newBuilder(site.uri("/login"))
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "token=" + ServedSite.P001, StandardCharsets.UTF_8))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "text/html")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(form.statusCode()).isEqualTo(429);
      assertThat(form.body()).contains("try again in");
      // a request without a token is no guess: it is answered as before
      assertThat(site.get("/api/partners", null).statusCode()).isEqualTo(401);
    }
  }
}
