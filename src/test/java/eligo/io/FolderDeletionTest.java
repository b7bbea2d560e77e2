package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder tree is removed whole, on several threads, and never through a link. */
class FolderDeletionTest {
  @TempDir Path dir;

  @Test
  void aTreeOfManyFilesIsRemovedWholeAndALinkInItIsRemovedNotFollowed() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "not ours\n");
    Path site = dir.resolve("site");
    // more files than one batch, in nested folders, as a per-partner site has them
    for (int p = 0; p < 7; p++) {
      Path c = Files.createDirectories(site.resolve("_p" + p).resolve("c"));
      for (int f = 0; f < 300; f++) {
        Files.writeString(c.resolve("_c" + f + ".html"), "page " + f);
      }
    }
    Files.createSymbolicLink(site.resolve("_p3").resolve("link"), outside);
    Files.createSymbolicLink(site.resolve("file-link"), outside.resolve("keep.txt"));

    FolderDeletion.delete(site);

    assertThat(Files.exists(site, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(outside.resolve("keep.txt")).hasContent("not ours");
  }

  @Test
  void aMissingFolderIsNothingToDoAndAFileIsRemoved() throws IOException {
    FolderDeletion.delete(dir.resolve("absent"));
    Path file = Files.writeString(dir.resolve("one.txt"), "x");
    FolderDeletion.delete(file);
    assertThat(file).doesNotExist();
  }
}
