package eligo.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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

  /** A GET with a token, as a reverse proxy passes it on for the client {@code forwardedFor}. */
  private static HttpResponse<String> viaProxy(ServedSite site, String token, String forwardedFor)
      throws Exception {
    return site.client.send(
        java.net.http.HttpRequest.newBuilder(site.uri("/api/partners"))
            .header("Authorization", "Bearer " + token)
            .header("X-Forwarded-For", forwardedFor)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void behindATrustedProxyEachClientItForwardsCountsAlone(@TempDir Path tmp) throws Exception {
    String access = "token,partner_id\n" + ServedSite.STAFF + ",*\n";
    try (ServedSite site =
        new ServedSite(tmp, Path.of("examples/sample-data"), access, List.of("127.0.0.0/8"))) {
      // a client that names another address to the left of its own does not choose its address
      for (int i = 0; i < SignInThrottle.FAILURES; i++) {
        String chain = "198.51.100." + i + ", 203.0.113.7";
        assertThat(viaProxy(site, "wrong-" + i, chain).statusCode()).isEqualTo(401);
      }
      assertThat(viaProxy(site, ServedSite.STAFF, "203.0.113.7").statusCode()).isEqualTo(429);
      // another client behind the same proxy is not refused for the first one's guesses
      assertThat(viaProxy(site, ServedSite.STAFF, "203.0.113.8").statusCode()).isEqualTo(200);
      assertThat(viaProxy(site, ServedSite.STAFF, "203.0.113.7, 203.0.113.8").statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void withoutATrustedProxyTheHeaderIsNotBelieved(@TempDir Path tmp) throws Exception {
    try (ServedSite site = new ServedSite(tmp, true)) {
      for (int i = 0; i < SignInThrottle.FAILURES; i++) {
        assertThat(viaProxy(site, "wrong-" + i, "203.0.113." + i).statusCode()).isEqualTo(401);
      }
      // the failures counted for the connection's address, whatever each request claimed
      assertThat(viaProxy(site, ServedSite.STAFF, "203.0.113.99").statusCode()).isEqualTo(429);
    }
  }

  @Test
  void theClientIsTheFirstUntrustedAddressFromTheRight() throws Exception {
    ClientAddress c = ClientAddress.trusting(List.of("10.0.0.0/8", "192.0.2.1", "fd00::/8"));
    InetAddress proxy = InetAddress.getByName("10.1.2.3");
    assertThat(c.of(proxy, List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
    // proxies in a chain are skipped; what the client wrote to the left is never read
    assertThat(c.of(proxy, List.of("1.1.1.1, 203.0.113.7, 192.0.2.1, 10.9.9.9")))
        .isEqualTo("203.0.113.7");
    // several header lines are one list; ports are dropped; IPv6 in its usual form
    assertThat(c.of(proxy, List.of("1.1.1.1", "203.0.113.7:4711"))).isEqualTo("203.0.113.7");
    assertThat(c.of(proxy, List.of("[2001:DB8:0::1]:443")))
        .isEqualTo(InetAddress.getByName("2001:db8::1").getHostAddress());
    // no header, or an entry that is not an address (never looked up): the proxy counts
    assertThat(c.of(proxy, List.of())).isEqualTo("10.1.2.3");
    assertThat(c.of(proxy, List.of("203.0.113.7, unknown"))).isEqualTo("10.1.2.3");
    assertThat(c.of(proxy, List.of("localhost"))).isEqualTo("10.1.2.3");
    for (String notAnAddress : List.of(":", ".:", ":::", "1:2:3:4:5:6:7:8:9", "1.2.3", "::g")) {
      assertThat(c.of(proxy, List.of(notAnAddress))).as(notAnAddress).isEqualTo("10.1.2.3");
    }
    assertThat(c.of(proxy, List.of("203.0.113.7, _hidden, 10.0.0.2"))).isEqualTo("10.0.0.2");
    // every entry a trusted proxy: the leftmost of them
    assertThat(c.of(proxy, List.of("10.0.0.9, 192.0.2.1"))).isEqualTo("10.0.0.9");
    // a request not from a trusted proxy: its own address, the header ignored
    InetAddress direct = InetAddress.getByName("198.51.100.4");
    assertThat(c.of(direct, List.of("203.0.113.7"))).isEqualTo("198.51.100.4");
    assertThat(ClientAddress.DIRECT.of(proxy, List.of("203.0.113.7"))).isEqualTo("10.1.2.3");
    assertThat(c.of(InetAddress.getByName("fd12::5"), List.of("2001:db8::9")))
        .isEqualTo(InetAddress.getByName("2001:db8::9").getHostAddress());
  }

  @Test
  void aTrustedProxyIsAnAddressOrNetworkNeverAName() {
    for (String bad : List.of("proxy.example.com", "10.0.0.0/33", "::1/129", "10.0.0.1/x", "")) {
      assertThatThrownBy(() -> ClientAddress.trusting(List.of(bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--trusted-proxy '" + bad + "' is not an IP address or network");
    }
    assertThat(ClientAddress.trusting(List.of("10.0.0.0/8", "::1", "0.0.0.0/0")).trustsAProxy())
        .isTrue();
  }
}
