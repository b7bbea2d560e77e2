package eligo.editor;

import eligo.lang.Ast;
import eligo.lang.Diagnostics;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks that need the data: every workload and family a criteria file names is in the
 * catalog of the configured dataset (the data compare names exactly, so a name missing there
 * never matches). Warnings with the code {@code data}.
 */
final class DataChecks {
  private DataChecks() {}

  static List<Problem> check(Ast.CriteriaFile file, Catalog catalog) {
    List<Problem> out = new ArrayList<>();
    if (catalog.isEmpty()) {
      return out;
    }
    List<Ast.WorkloadTerm> terms = new ArrayList<>();
    collect(file, terms);
    for (Ast.WorkloadTerm t : terms) {
      if (t instanceof Ast.WorkloadName n && !catalog.workloads().contains(n.name())) {
        out.add(warning(t, "workload \"" + n.name() + "\" is not in the dataset's workloads.csv" + hint(n.name(), catalog.workloads())));
      } else if (t instanceof Ast.WorkloadFamily f && !catalog.families().contains(f.family())) {
        out.add(warning(t, "family \"" + f.family() + "\" is not in the dataset's workloads.csv" + hint(f.family(), catalog.families())));
      }
    }
    return out;
  }

  private static String hint(String name, Iterable<String> known) {
    String near = Diagnostics.closest(name, known);
    return near == null ? "" : "; did you mean \"" + near + "\"?";
  }

  private static Problem warning(Ast.WorkloadTerm t, String message) {
    return new Problem(t.span().file().name(), TextRange.of(t.span()), Problem.Severity.WARNING, message, "data");
  }

  /** Every workload term anywhere in the tree: the AST is records and lists of records. */
  private static void collect(Object node, List<Ast.WorkloadTerm> out) {
    if (node instanceof Ast.WorkloadName || node instanceof Ast.WorkloadFamily) {
      out.add((Ast.WorkloadTerm) node);
    } else if (node instanceof List<?> list) {
      list.forEach(x -> collect(x, out));
    } else if (node instanceof Record r && !(node instanceof eligo.lang.Span)) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        try {
          collect(c.getAccessor().invoke(r), out);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
