package eligo.serve;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.engine.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partner sites the server writes, one per snapshot and partner: after a save (a new snapshot)
 * the older snapshots' sites leave the disk, so a server that saves all day does not fill it.
 */
class PartnerPagesTest {
  @Test
  void aNewSnapshotDeletesTheSitesOfOlderOnes(@TempDir Path root) throws Exception {
    Served served = Served.load(Path.of("criteria"), Path.of("examples/sample-data"), null);
    Outcome p001 = served.current().partner("P001");
    Outcome p002 = served.current().partner("P002");
    PartnerPages pages = new PartnerPages(root);
    List<String> index = List.of("index.html");
    assertThat(pages.page(1, 0, p001, index)).isNotEmpty();
    assertThat(pages.page(1, 1, p002, index)).isNotEmpty();
    assertThat(pages.page(2, 0, p001, index)).isNotEmpty();
    assertThat(folders(root)).containsExactlyInAnyOrder("1-0", "1-1", "2-0");

    pages.keepOnly(2);
    assertThat(folders(root)).containsExactly("2-0");
    assertThat(pages.page(2, 0, p001, index)).isNotEmpty();
    // an old snapshot's page asked for afterwards is written again, and goes at the next save
    assertThat(pages.page(1, 1, p002, index)).isNotEmpty();
    pages.keepOnly(3);
    assertThat(folders(root)).isEmpty();
  }

  private static List<String> folders(Path root) throws Exception {
    try (Stream<Path> s = Files.list(root)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
