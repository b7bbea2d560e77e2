package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteNamesTest {
  @Test
  void namesAreSafeStableAndDistinctEvenIgnoringCase() {
    List<String> ids =
        List.of(
            "C0001",
            "c0001",
            "C-0001",
            "C_0001",
            "C.0001",
            "C 0001",
            "C/0001",
            "C\\0001",
            "..",
            ".",
            "",
            "~2e~",
            "_c0001",
            "Ωmega",
            "a\u0000b",
            "CON",
            "x".repeat(300),
            "x".repeat(299) + "y");
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      String name = SiteNames.of(id);
      assertThat(name).as(id).matches("[a-z0-9_~+-]+").doesNotStartWith(".");
      assertThat(name.length()).as(id).isLessThanOrEqualTo(SiteNames.MAX);
      assertThat(SiteNames.of(id)).as("stable").isEqualTo(name);
      assertThat(seen.add(name.toLowerCase(Locale.ROOT)))
          .as("%s gives %s, which another id already gave (ignoring case)", id, name)
          .isTrue();
    }
    assertThat(SiteNames.of("C0001")).isEqualTo("_c0001");
    assertThat(SiteNames.of("a.b")).isEqualTo("a~2e~b");
  }

  @Test
  void criteriaIdsAreNamedAsAnyIdAcrossTheBoundOfWhatIsKept() {
    // more ids than are kept, twice over, and each asked twice: never a name of another id
    for (int round = 0; round < 2; round++) {
      for (int k = 0; k < 5000; k++) {
        String id = (k % 2 == 0 ? "Node." : "node-") + k;
        assertThat(SiteNames.ofCriteria(id)).as(id).isEqualTo(SiteNames.of(id));
        assertThat(SiteNames.ofCriteria(id)).as(id).isEqualTo(SiteNames.of(id));
      }
    }
    assertThat(SiteNames.ofCriteria("x".repeat(300))).isEqualTo(SiteNames.of("x".repeat(300)));
  }

  @Test
  void aNameJoinedFromLongIdsStaysWithinWhatFileSystemsAllow() {
    String area = SiteNames.of("A".repeat(120));
    String node = SiteNames.of("b".repeat(120));
    String page = SiteModel.listName("A".repeat(120), "b".repeat(120), "not_met", 2);
    assertThat(page).hasSize(SiteNames.MAX_FILE).endsWith(".html").contains("+");
    assertThat(SiteModel.listName("A".repeat(120), "b".repeat(120), "not_met", 3))
        .hasSize(SiteNames.MAX_FILE)
        .isNotEqualTo(page);
    assertThat(SiteModel.listName("a", "b", "met", 1)).isEqualTo("a.b.met.html");
    assertThat(area.length() + node.length()).isGreaterThan(SiteNames.MAX_FILE);
  }
}
