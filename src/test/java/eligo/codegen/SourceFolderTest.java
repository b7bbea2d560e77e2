package eligo.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated files are replaced whole, by a rename, never rewritten in place. */
class SourceFolderTest {
  @Test
  void aChangedFileIsReplacedByARenameLeavingNoTemporaryFile(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("eligo/generated/AzureEvaluator.java");
    SourceFolder.writeIfChanged(file, "class A {}\n");
    // a second name of the old file: written in place, it would show the new text too
    Path old = Files.createLink(tmp.resolve("old.java"), file);
    SourceFolder.writeIfChanged(file, "class B {}\n");
    assertThat(Files.readString(file)).isEqualTo("class B {}\n");
    assertThat(Files.readString(old)).isEqualTo("class A {}\n");
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("AzureEvaluator.java");
    }
  }

  @Test
  void anUnchangedFileIsNotWrittenAgain(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("A.java");
    SourceFolder.writeIfChanged(file, "class A {}\n");
    Path old = Files.createLink(tmp.resolve("old.java"), file);
    SourceFolder.writeIfChanged(file, "class A {}\n");
    assertThat(Files.isSameFile(file, old)).isTrue();
  }
}
