package eligo.io;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A workload catalog read on its own: a {@code workloads.csv} (columns {@code workload} and {@code
 * family}, in any order, more columns ignored), for holding criteria against the data's names where
 * no whole dataset is at hand (the Maven goal's {@code catalog}). Read strictly: a missing column,
 * an empty name or a name given twice is an error at its line.
 */
public final class WorkloadCatalog {
  private WorkloadCatalog() {}

  /** Each workload of {@code file} with its family, in the order of the file. */
  public static Map<String, String> read(Path file) throws DataException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new DataException(
          List.of(new DataError(name, 0, "cannot read " + file + ": no such file", "")));
    }
    Map<String, String> out = new LinkedHashMap<>();
    List<DataError> errors = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(file)) {
      int workload = -1;
      int family = -1;
      boolean header = true;
      for (CsvRecord r : reader) {
        long line = r.getStartingLineNumber();
        if (header) {
          header = false;
          for (int i = 0; i < r.getFieldCount(); i++) {
            String column = r.getField(i).strip().replace("\uFEFF", "");
            workload = column.equals("workload") ? i : workload;
            family = column.equals("family") ? i : family;
          }
          if (workload < 0 || family < 0) {
            throw new DataException(
                List.of(
                    new DataError(
                        name,
                        line,
                        "the header must name the columns 'workload' and 'family'",
                        String.join(",", r.getFields()))));
          }
          continue;
        }
        if (r.getFieldCount() == 1 && r.getField(0).isEmpty()) {
          continue; // a blank line
        }
        String w = r.getFieldCount() > workload ? r.getField(workload) : "";
        String f = r.getFieldCount() > family ? r.getField(family) : "";
        if (w.isBlank()) {
          errors.add(
              new DataError(name, line, "the workload is empty", String.join(",", r.getFields())));
        } else if (out.containsKey(w)) {
          errors.add(
              new DataError(
                  name,
                  line,
                  "workload \"" + w + "\" is given twice",
                  String.join(",", r.getFields())));
        } else {
          out.put(w, f);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new DataException(
          List.of(new DataError(name, 0, "cannot read " + file + ": " + e.getMessage(), "")));
    }
    if (!errors.isEmpty()) {
      throw new DataException(errors);
    }
    return out;
  }
}
