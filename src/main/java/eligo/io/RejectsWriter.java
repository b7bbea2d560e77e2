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
