package eligo.check;

import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import eligo.lang.NameUse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Holds the names that criteria take from the data against a dataset's catalog, so that a misspelt
 * workload, family or association type stops the run with one located error instead of quietly
 * counting nothing:
 *
 * <ul>
 *   <li>every workload name and family the criteria write is looked up in {@code workloads.csv}, to
 *       the letter. A name that differs from one of the data's only in case or spaces is an error
 *       that offers the exact name: names are unique, so it cannot be another workload. A name of 4
 *       characters or more one edit from one of the data's (two from 10 characters) is a
 *       misspelling, an error offering the data's name. Any other name the data lacks is a warning,
 *       with the data's closest names when some are close ("did you mean"): DATA.md lets a dataset
 *       hold only some workloads (the conformance set {@code hand-1} has three, and the shipped
 *       criteria name "Virtual Machine Licenses", which is one edit from its "Virtual Machines"),
 *       so a name the data lacks may be right, but rules that use it count nothing in that dataset;
 *   <li>every association type that the data uses must be declared by the criteria: one error at
 *       the declaration the data most likely meant, with the count of rows and the first place in
 *       the data.
 * </ul>
 */
public final class DataBinding {
  private DataBinding() {}

  /** How often, and first where, the data uses an association type text. */
  public record TypeUse(long rows, String firstAt, boolean declared) {}

  /**
   * What the data holds: each workload of {@code workloads.csv} with its family (null when not
   * known: the workload names are then not checked), and the association type texts of {@code
   * associations.csv} with their rows.
   */
  public record Catalog(
      Map<String, String> familyByWorkload,
      Map<String, TypeUse> typesInData,
      List<String> customerColumns,
      List<String> tenantColumns,
      Map<String, Set<String>> customerValues,
      Map<String, Set<String>> tenantValues) {
    public Catalog {
      familyByWorkload = familyByWorkload == null ? null : Map.copyOf(familyByWorkload);
      typesInData = new LinkedHashMap<>(typesInData);
      customerColumns = customerColumns == null ? null : List.copyOf(customerColumns);
      tenantColumns = tenantColumns == null ? null : List.copyOf(tenantColumns);
      customerValues = customerValues == null ? Map.of() : Map.copyOf(customerValues);
      tenantValues = tenantValues == null ? Map.of() : Map.copyOf(tenantValues);
    }

    /**
     * A catalog with the extra columns of customers.csv and tenants.csv, and the values the data
     * hold of each attribute held (none when null): an attribute's value the data lack is then
     * reported as a workload name is.
     */

    /**
     * A catalog whose extra columns of customers.csv and tenants.csv are not known (the attributes
     * are then not checked).
     */
    public Catalog(Map<String, String> familyByWorkload, Map<String, TypeUse> typesInData) {
      this(familyByWorkload, typesInData, null, null, null, null);
    }
  }

  /** The errors of {@code uses} against {@code catalog}, in the order the names were written. */
  public static List<Diagnostic> check(List<NameUse> uses, Catalog catalog) {
    return check(uses, catalog, false);
  }

  /**
   * The errors of {@code uses} against the catalog of a sample that holds only some workloads (a
   * test case's inline data): a name that differs from one of the sample's only in case or spaces
   * is an error as in {@link #check(List, Catalog)}, a name a letter or two from one of the
   * sample's ("Yamer" next to "Yammer", {@link NearNames#misspelt}) a warning; a name the sample
   * simply lacks is not reported, since a case declares only the workloads it needs.
   */
  public static List<Diagnostic> checkSample(List<NameUse> uses, Catalog catalog) {
    return check(uses, catalog, true);
  }

  private static List<Diagnostic> check(List<NameUse> uses, Catalog catalog, boolean sample) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, String> byWorkload =
        catalog.familyByWorkload() == null ? Map.of() : catalog.familyByWorkload();
    Set<String> workloads = byWorkload.keySet();
    Set<String> families = new TreeSet<>(byWorkload.values());
    // folded once for all the names the criteria use: a catalog may hold a million workloads
    NearNames.Known knownWorkloads = null;
    NearNames.Known knownFamilies = null;
    for (NameUse use : catalog.familyByWorkload() == null ? List.<NameUse>of() : uses) {
      switch (use.kind()) {
        case WORKLOAD -> {
          if (!workloads.contains(use.text())) {
            knownWorkloads =
                knownWorkloads != null ? knownWorkloads : new NearNames.Known(workloads);
            add(out, unknown(use, "workload", knownWorkloads, sample));
          }
        }
        case FAMILY -> {
          if (!families.contains(use.text())) {
            knownFamilies = knownFamilies != null ? knownFamilies : new NearNames.Known(families);
            add(out, unknown(use, "workload family", knownFamilies, sample));
          }
        }
        case TYPE_TEXT, CUSTOMER_ATTRIBUTE, TENANT_ATTRIBUTE, ATTRIBUTE_VALUE -> {}
      }
    }
    // the values of a declared attribute, held against the values the data hold of it
    Map<String, Set<String>> valuesOf = new java.util.HashMap<>();
    for (NameUse use : uses) {
      Set<String> values =
          use.kind() == NameUse.Kind.CUSTOMER_ATTRIBUTE
              ? catalog.customerValues().get(use.text())
              : use.kind() == NameUse.Kind.TENANT_ATTRIBUTE
                  ? catalog.tenantValues().get(use.text())
                  : null;
      if (values != null) {
        valuesOf.put(use.text(), values);
      }
    }
    for (NameUse use : uses) {
      Set<String> values =
          use.kind() == NameUse.Kind.ATTRIBUTE_VALUE ? valuesOf.get(use.attribute()) : null;
      if (values != null && !values.contains(use.text())) {
        add(out, unknown(use, use.attribute() + " value", new NearNames.Known(values), false));
      }
    }
    for (NameUse use : uses) {
      if (use.kind() == NameUse.Kind.CUSTOMER_ATTRIBUTE && catalog.customerColumns() != null) {
        add(out, missingColumn(use, "customers.csv", catalog.customerColumns()));
      } else if (use.kind() == NameUse.Kind.TENANT_ATTRIBUTE && catalog.tenantColumns() != null) {
        add(out, missingColumn(use, "tenants.csv", catalog.tenantColumns()));
      }
    }
    out.addAll(undeclaredTypes(uses, catalog.typesInData()));
    return out;
  }

  /**
   * An error at a declared attribute whose column the file lacks (the data's extra columns named,
   * the closest offered); null when the file has it.
   */
  private static Diagnostic missingColumn(NameUse use, String file, List<String> columns) {
    if (columns.contains(use.text())) {
      return null;
    }
    String hint = Diagnostics.closest(use.text(), new TreeSet<>(columns));
    if (hint == null) {
      for (String c : columns) {
        if (NearNames.fold(c).equals(NearNames.fold(use.text()))) {
          hint = c;
        }
      }
    }
    return Diagnostic.error(
        use.span(),
        "the data's "
            + file
            + " has no column "
            + quote(use.text())
            + (columns.isEmpty()
                ? " (it has only the required columns)"
                : " (its other columns: " + String.join(", ", columns) + ")")
            + (hint == null ? "" : "; did you mean " + quote(hint) + "?"));
  }

  private static void add(List<Diagnostic> out, Diagnostic d) {
    if (d != null) {
      out.add(d);
    }
  }

  /**
   * One error per type text of the data that no declaration names but that a declaration seems to
   * misspell: the closest declaration (a few edits, or case and spaces) whose own text no row of
   * the data uses. A stray text close to a declaration the data do use is a bad row, which the
   * loader reports at its line.
   */
  private static List<Diagnostic> undeclaredTypes(List<NameUse> uses, Map<String, TypeUse> inData) {
    List<NameUse> declared = uses.stream().filter(u -> u.kind() == NameUse.Kind.TYPE_TEXT).toList();
    List<Diagnostic> out = new ArrayList<>();
    if (declared.isEmpty()) {
      return out;
    }
    for (Map.Entry<String, TypeUse> e : inData.entrySet()) {
      if (e.getValue().declared()) {
        continue;
      }
      String text = e.getKey();
      // Of the declarations no row uses, the closest: a declaration the data do use is not
      // misspelt, even when it is closer ("CPOR OSA" beside the data's "CPOR OSU", when the
      // declaration meant for "CPOR OSU" was written "CPOR OUS").
      NameUse meant =
          declared.stream()
              .filter(
                  d -> {
                    TypeUse use = inData.get(d.text());
                    return use == null || use.rows() == 0;
                  })
              .min(
                  Comparator.comparingInt(
                      (NameUse d) ->
                          Diagnostics.distance(NearNames.fold(d.text()), NearNames.fold(text))))
              .orElse(null);
      int limit = Math.max(2, NearNames.fold(text).length() / 3);
      if (meant == null
          || Diagnostics.distance(NearNames.fold(meant.text()), NearNames.fold(text)) > limit) {
        continue;
      }
      TypeUse where = e.getValue();
      out.add(
          Diagnostic.error(
              meant.span(),
              "the data's association type "
                  + quote(text)
                  + " ("
                  + where.rows()
                  + (where.rows() == 1 ? " row" : " rows")
                  + ", first at "
                  + where.firstAt()
                  + ") is declared by no criteria; did this declaration, "
                  + quote(meant.text())
                  + ", mean "
                  + quote(text)
                  + "?"));
    }
    out.sort(Comparator.comparingInt((Diagnostic d) -> d.span().line()));
    return out;
  }

  /**
   * The diagnostic for a name the data lacks: an error offering the exact name when it differs only
   * in case or spaces, else a warning with the closest names.
   */
  static Diagnostic unknown(NameUse use, String what, Collection<String> known) {
    return unknown(use, what, new NearNames.Known(known), false);
  }

  /** As {@link #unknown(NameUse, String, Collection)}; in a sample, null unless a near miss. */
  private static Diagnostic unknown(
      NameUse use, String what, NearNames.Known known, boolean sample) {
    String name = use.text();
    String head = "the data has no " + what + " " + quote(name);
    String sameButCaseOrSpaces = known.firstByFold.get(NearNames.fold(name));
    if (sameButCaseOrSpaces != null) {
      return Diagnostic.error(
          use.span(),
          head
              + ": names must match to the letter; the data writes it "
              + quote(sameButCaseOrSpaces));
    }
    List<String> close = NearNames.closest(name, known, 3, !sample);
    if (sample) {
      // a case declares only the workloads it needs: a name it lacks is a slip only when it is
      // a letter or two from one it has, as a misspelling is judged against whole data; further
      // off ("Microsoft Defender for Office 365" beside "... for Endpoint") it is another name
      close = NearNames.misspelt(name, close);
      return close.isEmpty()
          ? null
          : Diagnostic.warning(
              use.span(),
              "this test case's data has no "
                  + what
                  + " "
                  + quote(name)
                  + " but has "
                  + String.join(" and ", close.stream().map(DataBinding::quote).toList())
                  + ": did you mean "
                  + (close.size() == 1 ? "it" : "one of them")
                  + "?");
    }
    List<String> meant =
        use.kind() == NameUse.Kind.WORKLOAD || use.kind() == NameUse.Kind.FAMILY
            ? NearNames.misspelt(name, close)
            : List.of();
    if (!meant.isEmpty()) {
      return Diagnostic.error(
          use.span(),
          head
              + "; did you mean "
              + String.join(" or ", meant.stream().map(DataBinding::quote).toList())
              + "? ("
              + (meant.size() == 1 ? "it is" : "they are")
              + " a letter or two from it: a misspelling, not a "
              + what
              + " this dataset lacks)");
    }
    String count =
        use.kind() == NameUse.Kind.ATTRIBUTE_VALUE
            ? " (its values in the data: "
                + String.join(
                    ", ",
                    java.util.Arrays.stream(known.names)
                        .sorted()
                        .limit(10)
                        .map(DataBinding::quote)
                        .toList())
                + (known.names.length > 10 ? ", ..." : "")
                + ")"
            : " (workloads.csv holds "
                + known.names.length
                + " "
                + (what.equals("workload")
                    ? "workload" + (known.names.length == 1 ? "" : "s")
                    : "famil" + (known.names.length == 1 ? "y" : "ies"))
                + ")";
    String hint =
        close.isEmpty()
            ? count
            : count
                + "; did you mean "
                + String.join(" or ", close.stream().map(DataBinding::quote).toList())
                + "?";
    return Diagnostic.warning(
        use.span(),
        head
            + hint
            + (use.kind() == NameUse.Kind.ATTRIBUTE_VALUE
                ? ": no customer or tenant of this dataset has it"
                : ": rules that name it count nothing in this dataset"));
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
