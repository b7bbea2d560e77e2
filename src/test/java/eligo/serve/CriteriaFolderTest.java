package eligo.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench edits a criteria file's text: saving it changes that text only, so a byte order
 * mark the file began with (as Notepad or a spreadsheet wrote it) stays, and a file without one
 * gets none.
 */
class CriteriaFolderTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @Test
  void savingKeepsAByteOrderMarkAndAddsNone(@TempDir Path dir) throws Exception {
    Files.write(dir.resolve("a.criteria"), bytes(BOM, "workloads W = \"Teams\"\n"));
    Files.writeString(dir.resolve("b.criteria"), "workloads V = \"Teams\"\n");
    CriteriaFolder folder = new CriteriaFolder(dir);
    // the editor sees the text without the mark
    assertThat(folder.read()).containsEntry("a.criteria", "workloads W = \"Teams\"\n");

    folder.write("a.criteria", "workloads W = \"Teams\"\n# reviewed\n");
    folder.write("b.criteria", "workloads V = \"Teams\"\n# reviewed\n");
    folder.write("c.criteria", "workloads X = \"Teams\"\n");
    assertThat(Files.readAllBytes(dir.resolve("a.criteria")))
        .isEqualTo(bytes(BOM, "workloads W = \"Teams\"\n# reviewed\n"));
    assertThat(Files.readAllBytes(dir.resolve("b.criteria")))
        .isEqualTo(bytes(new byte[0], "workloads V = \"Teams\"\n# reviewed\n"));
    assertThat(Files.readAllBytes(dir.resolve("c.criteria")))
        .isEqualTo(bytes(new byte[0], "workloads X = \"Teams\"\n"));
    assertThat(folder.read()).containsEntry("a.criteria", "workloads W = \"Teams\"\n# reviewed\n");
  }

  private static byte[] bytes(byte[] head, String text) {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    byte[] out = java.util.Arrays.copyOf(head, head.length + t.length);
    System.arraycopy(t, 0, out, head.length, t.length);
    return out;
  }
}
