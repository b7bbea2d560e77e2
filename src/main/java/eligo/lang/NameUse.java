package eligo.lang;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A name that criteria take from the data, where it was written: a workload name, a workload
 * family, or the text of an association type. These must match the data exactly, or the rules that
 * use them silently count nothing; {@code check.DataBinding} holds them against a dataset.
 */
public record NameUse(Kind kind, String text, Span span) {
  /** What the name stands for in the data. */
  public enum Kind {
    /** A workload of {@code workloads.csv}: {@code "Teams"}. */
    WORKLOAD,
    /** A family of {@code workloads.csv}: {@code family "Azure"}. */
    FAMILY,
    /** The text of a declared association type: {@code association type PAL = "PAL"}. */
    TYPE_TEXT
  }

  /** Every name use of {@code file}, in the order written. */
  public static List<NameUse> of(Ast.CriteriaFile file) {
    List<NameUse> out = new ArrayList<>();
    walk(file, out);
    out.sort(
        (a, b) ->
            a.span.line() != b.span.line()
                ? Integer.compare(a.span.line(), b.span.line())
                : Integer.compare(a.span.column(), b.span.column()));
    return out;
  }

  /**
   * Walks the tree's records and lists by their components, so that a name is found wherever the
   * grammar lets it stand (areas, branches, templates, binders, type maps, tables).
   */
  private static void walk(Object node, List<NameUse> out) {
    if (node instanceof Ast.WorkloadName w) {
      out.add(new NameUse(Kind.WORKLOAD, w.name(), w.span()));
    } else if (node instanceof Ast.WorkloadFamily f) {
      out.add(new NameUse(Kind.FAMILY, f.family(), f.span()));
    } else if (node instanceof Ast.TypeDecl t) {
      out.add(new NameUse(Kind.TYPE_TEXT, t.typeName(), t.typeNameSpan()));
    } else if (node instanceof List<?> list) {
      for (Object o : list) {
        walk(o, out);
      }
    } else if (node instanceof Record r && !(node instanceof Span)) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Class<?> t = c.getType();
        if (t == String.class
            || t == BigDecimal.class
            || t == SourceFile.class
            || t == Span.class
            || t.isPrimitive()
            || t.isEnum()) {
          continue;
        }
        try {
          walk(c.getAccessor().invoke(r), out);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + c + " of the syntax tree", e);
        }
      }
    }
  }
}
