package eligo.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * The S-expressions {@link IrPrinter} prints, and their layout: atoms and groups, on one line when
 * they fit and otherwise broken with their arguments indented under the operator.
 */
final class SExpr {
  private SExpr() {}

  /** A text atom, or a parenthesised/bracketed group; a headed group starts with its operator. */
  sealed interface Doc permits Atom, Group {}

  record Atom(String text) implements Doc {}

  record Group(String open, List<Doc> items, String close, boolean headed) implements Doc {}

  static Atom atom(String text) {
    return new Atom(text);
  }

  /** {@code (head args...)}. */
  static Group sx(String head, Doc... args) {
    List<Doc> items = new ArrayList<>();
    items.add(atom(head));
    items.addAll(List.of(args));
    return new Group("(", items, ")", true);
  }

  static Group sx(String head, List<Doc> args) {
    return sx(head, args.toArray(new Doc[0]));
  }

  static Group brackets(List<Doc> items) {
    return new Group("[", items, "]", false);
  }

  static String flat(Doc d) {
    if (d instanceof Atom a) {
      return a.text();
    }
    Group g = (Group) d;
    StringBuilder s = new StringBuilder(g.open());
    for (int i = 0; i < g.items().size(); i++) {
      if (i > 0) {
        s.append(' ');
      }
      s.append(flat(g.items().get(i)));
    }
    return s.append(g.close()).toString();
  }

  /**
   * {@code d} laid out starting at column {@code col}: flat when it fits in {@code width} columns;
   * otherwise the operator, its leading atoms and its first other argument (as far as they fit
   * flat) on the first line and each further argument on its own line two columns in; bracketed
   * items one a line, one column in.
   */
  static String render(Doc d, int col, int width) {
    String flat = flat(d);
    if (d instanceof Atom || col + flat.length() <= width) {
      return flat;
    }
    Group g = (Group) d;
    List<Doc> items = g.items();
    StringBuilder s = new StringBuilder(g.open());
    int next;
    int childCol;
    if (g.headed()) {
      s.append(flat(items.get(0)));
      childCol = col + 2;
      next = 1;
      // Leading atoms (variables, months) stay with the operator while they fit, and so does
      // the first argument that is not an atom, when it fits flat.
      while (next < items.size()) {
        String arg = flat(items.get(next));
        if (col + s.length() + 1 + arg.length() > width) {
          break;
        }
        s.append(' ').append(arg);
        next++;
        if (!(items.get(next - 1) instanceof Atom)) {
          break;
        }
      }
    } else {
      childCol = col + g.open().length();
      if (items.isEmpty()) {
        return flat;
      }
      s.append(render(items.get(0), childCol, width));
      next = 1;
    }
    for (int i = next; i < items.size(); i++) {
      s.append('\n').append(" ".repeat(childCol)).append(render(items.get(i), childCol, width));
    }
    return s.append(g.close()).toString();
  }
}
