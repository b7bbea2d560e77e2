package eligo.lang;

import java.lang.reflect.RecordComponent;
import java.util.Collection;

/**
 * Prints an AST (or any tree of records) as an indented S-expression with source positions, for
 * golden baselines and debugging: {@code (Compare@12:41 op=GE left=... right=...)}.
 */
public final class AstPrinter {
  private AstPrinter() {}

  /** Record components by class (looking them up each time is slow). */
  private static final ClassValue<RecordComponent[]> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
          return type.getRecordComponents();
        }
      };

  public static String print(Object node) {
    StringBuilder sb = new StringBuilder();
    print(node, 0, sb);
    return sb.append('\n').toString();
  }

  private static void print(Object node, int indent, StringBuilder sb) {
    if (node == null) {
      sb.append("null");
    } else if (node instanceof String s) {
      sb.append('"')
          .append(s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
          .append('"');
    } else if (node instanceof SourceFile f) {
      sb.append(f.name());
    } else if (node instanceof Span s) {
      sb.append(s.line()).append(':').append(s.column());
    } else if (node instanceof Collection<?> list) {
      if (list.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      for (Object o : list) {
        newline(indent + 1, sb);
        print(o, indent + 1, sb);
      }
      sb.append(']');
    } else if (node.getClass().isRecord()) {
      printRecord(node, indent, sb);
    } else if (node instanceof Enum<?> e) {
      sb.append(e.name());
    } else {
      sb.append(node);
    }
  }

  private static void printRecord(Object node, int indent, StringBuilder sb) {
    Class<?> type = node.getClass();
    RecordComponent[] components = COMPONENTS.get(type);
    sb.append('(').append(type.getSimpleName());
    Object span = null;
    for (RecordComponent c : components) {
      if (c.getType() == Span.class && c.getName().equals("span")) {
        span = value(c, node);
      }
    }
    if (span instanceof Span s) {
      sb.append('@').append(s.line()).append(':').append(s.column());
    }
    if (type == Ast.Name.class) {
      sb.append(' ').append(((Ast.Name) node).text()).append(')');
      return;
    }
    if (type == Ast.Literal.class) {
      sb.append(' ').append(((Ast.Literal) node).text()).append(')');
      return;
    }
    for (RecordComponent c : components) {
      Object v = value(c, node);
      if ((c.getType() == Span.class)
          || c.getType() == SourceFile.class
          || v == null
          || (v instanceof Collection<?> col && col.isEmpty())) {
        continue;
      }
      boolean simple =
          v instanceof String
              || v instanceof Enum<?>
              || v instanceof Number
              || v instanceof Boolean
              || v instanceof Ast.Name
              || v instanceof Ast.Literal;
      if (simple) {
        sb.append(' ').append(c.getName()).append('=');
        print(v, indent + 1, sb);
      } else {
        newline(indent + 1, sb);
        sb.append(c.getName()).append('=');
        print(v, indent + 1, sb);
      }
    }
    sb.append(')');
  }

  private static Object value(RecordComponent c, Object node) {
    try {
      return c.getAccessor().invoke(node);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void newline(int indent, StringBuilder sb) {
    sb.append('\n');
    sb.append("  ".repeat(indent));
  }
}
