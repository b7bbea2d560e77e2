package eligo.lang;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/**
 * Visits every node of a syntax tree, whatever its kind: the tree is records and lists of records,
 * so a search for one kind of node (a literal, a workload name) finds it wherever the grammar lets
 * it stand, without a walker per kind that a new construct could leave behind.
 */
public final class AstSearch {
  private AstSearch() {}

  /** Calls {@code visit} with {@code root} and every record below it, parents first. */
  public static void each(Object root, Consumer<Record> visit) {
    if (root instanceof List<?> list) {
      for (Object o : list) {
        each(o, visit);
      }
    } else if (root instanceof Record r && !(root instanceof Span)) {
      visit.accept(r);
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
          each(c.getAccessor().invoke(r), visit);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + c + " of the syntax tree", e);
        }
      }
    }
  }
}
