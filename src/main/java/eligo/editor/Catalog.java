package eligo.editor;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The workload catalog of a dataset folder ({@code workloads.csv}: workload, family), for
 * completion and the data-binding checks. Empty without a folder or that file.
 */
record Catalog(Set<String> workloads, Set<String> families) {
  static final Catalog NONE = new Catalog(Set.of(), Set.of());

  boolean isEmpty() {
    return workloads.isEmpty();
  }

  static Catalog of(Path data) {
    if (data == null || !Files.isRegularFile(data.resolve("workloads.csv"))) {
      return NONE;
    }
    Set<String> names = new LinkedHashSet<>();
    Set<String> families = new LinkedHashSet<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(data.resolve("workloads.csv"))) {
      boolean header = true;
      for (CsvRecord r : reader) {
        if (!header && r.getFieldCount() > 0 && !r.getField(0).isBlank()) {
          names.add(r.getField(0));
          if (r.getFieldCount() > 1 && !r.getField(1).isBlank()) {
            families.add(r.getField(1));
          }
        }
        header = false;
      }
    } catch (IOException | UncheckedIOException e) {
      return NONE;
    }
    return new Catalog(Set.copyOf(names), Set.copyOf(families));
  }
}
