package eligo.check;

import eligo.lang.Diagnostic;
import eligo.lang.Diagnostics;
import eligo.lang.NameUse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 *       that offers the exact name: names are unique, so it cannot be another workload. Any other
 *       name the data lacks is a warning, with the data's closest names when some are close ("did
 *       you mean"): DATA.md lets a dataset hold only some workloads (the conformance set {@code
 *       hand-1} has three, and the shipped criteria name "Virtual Machine Licenses", which is one
 *       edit from its "Virtual Machines"), so a name the data lacks may be right, but rules that
 *       use it count nothing in that dataset;
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
  public record Catalog(Map<String, String> familyByWorkload, Map<String, TypeUse> typesInData) {
    public Catalog {
      familyByWorkload = familyByWorkload == null ? null : Map.copyOf(familyByWorkload);
      typesInData = new LinkedHashMap<>(typesInData);
    }
  }

  /** The errors of {@code uses} against {@code catalog}, in the order the names were written. */
  public static List<Diagnostic> check(List<NameUse> uses, Catalog catalog) {
    return check(uses, catalog, false);
  }

  /**
   * The errors of {@code uses} against the catalog of a sample that holds only some workloads (a
   * test case's inline data): a name that differs from one of the sample's only in case or spaces
   * is an error as in {@link #check(List, Catalog)}, a name a few edits from one of the sample's
   * ("Yamer" next to "Yammer") a warning; a name the sample simply lacks is not reported, since a
   * case declares only the workloads it needs.
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
    for (NameUse use : catalog.familyByWorkload() == null ? List.<NameUse>of() : uses) {
      switch (use.kind()) {
        case WORKLOAD -> {
          if (!workloads.contains(use.text())) {
            add(out, unknown(use, "workload", workloads, sample));
          }
        }
        case FAMILY -> {
          if (!families.contains(use.text())) {
            add(out, unknown(use, "workload family", families, sample));
          }
        }
        case TYPE_TEXT -> {}
      }
    }
    out.addAll(undeclaredTypes(uses, catalog.typesInData()));
    return out;
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
      NameUse meant =
          declared.stream()
              .min(
                  Comparator.comparingInt(
                      (NameUse d) -> Diagnostics.distance(fold(d.text()), fold(text))))
              .orElseThrow();
      TypeUse meantUse = inData.get(meant.text());
      int limit = Math.max(2, fold(text).length() / 3);
      if ((meantUse != null && meantUse.rows() > 0)
          || Diagnostics.distance(fold(meant.text()), fold(text)) > limit) {
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
    return unknown(use, what, known, false);
  }

  /** As {@link #unknown(NameUse, String, Collection)}; in a sample, null unless a near miss. */
  private static Diagnostic unknown(
      NameUse use, String what, Collection<String> known, boolean sample) {
    String name = use.text();
    String head = "the data has no " + what + " " + quote(name);
    List<String> sameButCaseOrSpaces =
        known.stream().filter(k -> fold(k).equals(fold(name))).sorted().toList();
    if (!sameButCaseOrSpaces.isEmpty()) {
      return Diagnostic.error(
          use.span(),
          head
              + ": names must match to the letter; the data writes it "
              + quote(sameButCaseOrSpaces.get(0)));
    }
    List<String> close = closest(name, known, 3, !sample);
    if (sample) {
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
    String count =
        " (workloads.csv holds "
            + known.size()
            + " "
            + (what.equals("workload")
                ? "workload" + (known.size() == 1 ? "" : "s")
                : "famil" + (known.size() == 1 ? "y" : "ies"))
            + ")";
    String hint =
        close.isEmpty()
            ? count
            : count
                + "; did you mean "
                + String.join(" or ", close.stream().map(DataBinding::quote).toList())
                + "?";
    return Diagnostic.warning(
        use.span(), head + hint + ": rules that name it count nothing in this dataset");
  }

  /**
   * Up to {@code most} names of {@code known} near {@code name}: within an edit distance of a third
   * of its length (at least 2), or holding it or held by it as a word; nearest first.
   */
  static List<String> closest(String name, Collection<String> known, int most) {
    return closest(name, known, most, true);
  }

  private static List<String> closest(
      String name, Collection<String> known, int most, boolean words) {
    String n = fold(name);
    int limit = Math.max(2, n.length() / 3);
    record Scored(String name, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (String k : known) {
      String f = fold(k);
      int d = Diagnostics.distance(n, f);
      boolean contains =
          words && f.length() >= 3 && n.length() >= 3 && (n.contains(f) || f.contains(n));
      if (d <= limit || contains) {
        scored.add(new Scored(k, d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
    return scored.stream().limit(most).map(Scored::name).toList();
  }

  /** Lower case with runs of white space as one space, trimmed: what a reader takes as the same. */
  private static String fold(String s) {
    return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }
}
