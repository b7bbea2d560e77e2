package eligo.io;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes rejected rows as CSV with the columns {@code file,line,reason,row} (UTF-8, LF). The reason
 * and the row hold text from the data, so cells are made formula-safe ({@link Texts#formulaSafe}):
 * a row that starts with {@code =} is written {@code '=}...
 */
public final class RejectsWriter {
  public static final List<String> HEADER = List.of("file", "line", "reason", "row");

  private RejectsWriter() {}

  /**
   * Whether {@code file} may be replaced by a rejects file that the user did not name: it does not
   * exist, or it is a regular file that starts with the header line this writer writes (a rejects
   * file of an earlier run). Anything else (another CSV that happens to be called rejects.csv, a
   * folder, a file that cannot be read) is kept.
   */
  public static boolean replaceable(Path file) {
    if (!java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (!java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    byte[] header = (String.join(",", HEADER) + "\n").getBytes(StandardCharsets.UTF_8);
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      return java.util.Arrays.equals(in.readNBytes(header.length), header);
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes {@code rejects} to {@code file}, replacing it whole ({@link OutputFile}); a header line
   * even when empty.
   */
  public static void write(Path file, List<DataError> rejects) throws IOException {
    OutputFile.write(
        file,
        out -> {
          Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(w);
          csv.writeRecord(HEADER);
          for (DataError e : rejects) {
            csv.writeRecord(
                Texts.formulaSafe(e.file()),
                Long.toString(e.line()),
                Texts.formulaSafe(e.message()),
                Texts.formulaSafe(e.row()));
          }
          csv.flush();
        });
  }
}
