package eligo.editor;

import eligo.check.DataBinding;
import eligo.lang.Ast;
import eligo.lang.NameUse;
import java.util.List;
import java.util.Map;

/**
 * The checks that need the data: the workload and family names a criteria file writes, held against
 * the catalog of the configured dataset by {@link DataBinding}, as {@code run} and {@code check
 * --data} hold them. Code {@code data}.
 */
final class DataChecks {
  private DataChecks() {}

  static List<Problem> check(Ast.CriteriaFile file, Catalog catalog) {
    if (catalog.isEmpty()) {
      return List.of();
    }
    return DataBinding.check(
            NameUse.of(file), new DataBinding.Catalog(catalog.familyByWorkload(), Map.of()))
        .stream()
        .map(d -> Problem.of(d, "data"))
        .toList();
  }
}
