package eligo.engine;

import eligo.check.DataBinding;
import eligo.check.Frontend;
import eligo.data.Dataset;
import eligo.io.DataException;
import eligo.io.DatasetLoader;
import eligo.io.LoadResult;
import eligo.io.WorkloadCatalog;
import eligo.lang.Diagnostic;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The criteria held against the data they run on ({@link DataBinding}), for {@link Eligo}: the
 * names they take from the data (workloads, families, association type texts, attributes) against a
 * loaded dataset or a workload catalog, each slip an error at its criteria line.
 */
final class CriteriaAgainstData {
  private CriteriaAgainstData() {}

  /**
   * Holds the names the criteria take from the data (workloads, families, association type texts)
   * against the loaded data ({@link DataBinding}): a likely slip is an error at its criteria line,
   * and so is an association type of the data that no criteria declares.
   *
   * @return the warnings: names far from every name of the data, which rules count nothing for
   * @throws CriteriaFailure with the errors (and warnings), when there is an error
   */
  static List<Diagnostic> bindToData(Frontend.Compilation criteria, LoadResult loaded)
      throws CriteriaFailure {
    Dataset d = loaded.dataset();
    Map<String, String> families = new LinkedHashMap<>();
    for (int w = 0; w < d.workloadCount(); w++) {
      families.put(d.workloadName(w), d.workloadFamily(w));
    }
    Map<String, java.util.Set<String>> customerValues = new LinkedHashMap<>();
    for (String a : d.customerAttributes()) {
      java.util.Set<String> values = new java.util.TreeSet<>();
      for (int c = 0; c < d.customerCount(); c++) {
        values.add(d.customerAttribute(a, c));
      }
      customerValues.put(a, values);
    }
    Map<String, java.util.Set<String>> tenantValues = new LinkedHashMap<>();
    for (String a : d.tenantAttributes()) {
      java.util.Set<String> values = new java.util.TreeSet<>();
      for (int t = 0; t < d.tenantCount(); t++) {
        values.add(d.tenantAttribute(a, t));
      }
      tenantValues.put(a, values);
    }
    return bind(
        criteria,
        families,
        loaded.typesInData(),
        new DataBinding.Catalog(
            families,
            Map.of(),
            d.customerColumns(),
            d.tenantColumns(),
            customerValues,
            tenantValues));
  }

  /**
   * Holds the workload and family names of {@code criteria} against a workload catalog alone (a
   * {@code workloads.csv}, {@link WorkloadCatalog}), as {@link Eligo#bindToData} holds them against
   * a whole dataset: for the Maven goal, which has no dataset.
   *
   * @return the warnings (names the catalog lacks)
   * @throws CriteriaFailure with the errors (and warnings), when there is an error
   * @throws DataFailure when the catalog cannot be read or has bad rows
   */
  static List<Diagnostic> bindToCatalog(Frontend.Compilation criteria, Path workloadsCsv)
      throws CriteriaFailure, DataFailure {
    Map<String, String> families;
    try {
      families = WorkloadCatalog.read(workloadsCsv);
    } catch (DataException e) {
      Path folder = workloadsCsv.toAbsolutePath().getParent();
      throw DataFailure.badData(folder == null ? workloadsCsv : folder, e);
    }
    return bind(criteria, families, Map.of());
  }

  /**
   * Refuses criteria that declare attributes of customers or tenants, for a runner that cannot read
   * them ({@code runner}, e.g. "the Spark runner"): one error at each declaration, never a run that
   * silently reads no attribute.
   *
   * @throws CriteriaFailure when the criteria declare an attribute
   */
  static void requireNoAttributes(Frontend.Compilation criteria, String runner)
      throws CriteriaFailure {
    List<Diagnostic> found = new java.util.ArrayList<>();
    for (eligo.lang.NameUse use : criteria.names()) {
      if (use.kind() == eligo.lang.NameUse.Kind.CUSTOMER_ATTRIBUTE
          || use.kind() == eligo.lang.NameUse.Kind.TENANT_ATTRIBUTE) {
        found.add(
            Diagnostic.error(
                use.span(),
                runner
                    + " cannot read attributes of customers or tenants yet; run these criteria"
                    + " with 'eligo run'"));
      }
    }
    if (!found.isEmpty()) {
      throw CriteriaFailure.againstData(found);
    }
  }

  static List<Diagnostic> bind(
      Frontend.Compilation criteria,
      Map<String, String> families,
      Map<String, LoadResult.TypeUse> typesInData)
      throws CriteriaFailure {
    return bind(criteria, families, typesInData, new DataBinding.Catalog(families, Map.of()));
  }

  /** Binds with {@code data}'s columns and attribute values (its types: {@code typesInData}). */
  private static List<Diagnostic> bind(
      Frontend.Compilation criteria,
      Map<String, String> families,
      Map<String, LoadResult.TypeUse> typesInData,
      DataBinding.Catalog data)
      throws CriteriaFailure {
    Map<String, DataBinding.TypeUse> types = new LinkedHashMap<>();
    typesInData.forEach(
        (text, use) ->
            types.put(
                text,
                new DataBinding.TypeUse(
                    use.rows(),
                    DatasetLoader.ASSOCIATIONS + ":" + use.firstLine(),
                    use.declared())));
    List<Diagnostic> found =
        DataBinding.check(
            criteria.names(),
            new DataBinding.Catalog(
                families,
                types,
                data.customerColumns(),
                data.tenantColumns(),
                data.customerValues(),
                data.tenantValues()));
    if (found.stream().anyMatch(Diagnostic::isError)) {
      throw CriteriaFailure.againstData(found);
    }
    return found;
  }
}
