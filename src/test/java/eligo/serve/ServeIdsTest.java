package eligo.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids are opaque strings (DATA.md): a partner {@code EMEA/P002} and a customer {@code C0000001/EU}
 * reach their pages and API with the separator percent-encoded in the id's segment (before, any
 * segment holding {@code /} or {@code \} was a 400, so such a partner could use nothing of the
 * server). The other segments stay strict, and a partner still reaches only its own.
 */
class ServeIdsTest {
  static final String PARTNER = "EMEA/P002";
  static final String CUSTOMER = "C0000001/EU";
  static final String TOKEN = "partner-emea-token-0123456789";

  @TempDir static Path tmp;
  static ServedSite site;

  @BeforeAll
  static void start() throws Exception {
    Path data = tmp.resolve("data");
    Files.createDirectories(data);
    try (Stream<Path> s = Files.list(Path.of("examples/sample-data"))) {
      for (Path p : s.toList()) {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        String name = p.getFileName().toString();
        List<String> out =
            lines.stream()
                .map(l -> name.equals("customers.csv") && l.startsWith("P002,") ? "EMEA/" + l : l)
                .map(l -> l.replace(",C0000001,", "," + CUSTOMER + ","))
                .map(l -> l.startsWith("C0000001,") ? CUSTOMER + l.substring(8) : l)
                .collect(Collectors.toList());
        Files.write(data.resolve(name), out, StandardCharsets.UTF_8);
      }
    }
    assertThat(Files.readString(data.resolve("customers.csv")))
        .contains("EMEA/P002," + CUSTOMER + ",");
    assertThat(Files.readString(data.resolve("tenants.csv"))).contains(CUSTOMER + ",");
    site =
        new ServedSite(
            tmp,
            data,
            "token,partner_id\n"
                + ServedSite.STAFF
                + ",*\n"
                + ServedSite.P001
                + ",P001\n"
                + TOKEN
                + ","
                + PARTNER
                + "\n");
  }

  @AfterAll
  static void stop() {
    site.close();
  }

  @Test
  void aPartnerWhoseIdHoldsASlashReachesItsPagesAndApi() throws Exception {
    HttpResponse<String> home = site.get("/", TOKEN);
    assertThat(home.statusCode()).isEqualTo(303);
    String location = home.headers().firstValue("Location").orElseThrow();
    assertThat(location).isEqualTo("/p/EMEA%2FP002/index.html");
    HttpResponse<String> index = site.get(location, TOKEN);
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("partner EMEA/P002");
    assertThat(site.get("/p/EMEA%2FP002/lists.html", TOKEN).statusCode()).isEqualTo(200);
    assertThat(site.get("/p/EMEA%2FP002/results.csv", TOKEN).body()).contains(CUSTOMER);
    assertThat(site.get("/api/partners/EMEA%2FP002/summary", TOKEN).body())
        .contains("\"partner\" : \"EMEA/P002\"");
    HttpResponse<String> customer =
        site.get("/api/partners/EMEA%2FP002/customers/C0000001%2FEU", TOKEN);
    assertThat(customer.statusCode()).isEqualTo(200);
    assertThat(customer.body()).contains("\"" + CUSTOMER + "\"");
  }

  @Test
  void onlyTheIdsMayHoldASeparatorAndOnlyTheirPartnerReachesThem() throws Exception {
    for (String path :
        List.of(
            "/p/EMEA%2FP002/..%2Findex.html",
            "/p/EMEA%2FP002/x%5Cindex.html",
            "/p/EMEA%2FP002/%2e%2e",
            "/assets/a%2Fb",
            "/api/partners/EMEA%2FP002/summary%2Fx",
            "/api/files/a%2Fb")) {
      assertThat(site.get(path, TOKEN).statusCode()).as(path).isEqualTo(400);
    }
    assertThat(site.get("/p/EMEA%2FP002/index.html", ServedSite.P001).statusCode()).isEqualTo(403);
    assertThat(site.get("/api/partners/EMEA%2FP002/summary", ServedSite.P001).statusCode())
        .isEqualTo(403);
    assertThat(site.get("/p/EMEA%5CP002/index.html", TOKEN).statusCode()).isEqualTo(403);
    assertThat(site.get("/p/P001/index.html", TOKEN).statusCode()).isEqualTo(403);
    assertThat(site.get("/p/EMEA%2FP002/index.html", ServedSite.STAFF).statusCode()).isEqualTo(200);
  }
}
