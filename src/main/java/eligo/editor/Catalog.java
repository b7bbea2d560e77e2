package eligo.editor;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The workload catalog of a dataset folder ({@code workloads.csv}: workload, family), for
 * completion and the data-binding checks. Empty without a folder or that file.
 */
record Catalog(Map<String, String> familyByWorkload) {
  static final Catalog NONE = new Catalog(Map.of());

  boolean isEmpty() {
    return familyByWorkload.isEmpty();
  }

  Set<String> workloads() {
    return familyByWorkload.keySet();
  }

  static Catalog of(Path data) {
    if (data == null || !Files.isRegularFile(data.resolve("workloads.csv"))) {
      return NONE;
    }
    Map<String, String> byWorkload = new LinkedHashMap<>();
    try (CsvReader<CsvRecord> reader =
        CsvReader.builder().ofCsvRecord(data.resolve("workloads.csv"))) {
      boolean header = true;
      for (CsvRecord r : reader) {
        if (!header && r.getFieldCount() > 0 && !r.getField(0).isBlank()) {
          byWorkload.put(r.getField(0), r.getFieldCount() > 1 ? r.getField(1) : "");
        }
        header = false;
      }
    } catch (IOException | UncheckedIOException e) {
      return NONE;
    }
    return new Catalog(Map.copyOf(byWorkload));
  }
}
