package eligo.report;

import eligo.ir.Ir;
import eligo.report.html.Html;
import eligo.report.html.Template;
import java.util.HashMap;
import java.util.List;

/**
 * The cells of the tables of {@code lists.html} ({@link AreaListPage}) a thread makes, kept in
 * 4,096 slots: a partner's site of a few dozen customers has few cells alike, but its cells are
 * much like the previous partner's. A cell is found by its numbers and the identity of its unit
 * (the criteria's string) and classes (the same string for the same groups on every page, {@link
 * #canonical}): a few comparisons, no key made, nothing hashed. A kept cell is the render of its
 * own values, so nothing of one partner's table reaches another's.
 */
final class ListCells {
  private static final Template CELL = SitePages.SITE.get("areaCell");

  private static final ThreadLocal<ListCells> CELLS = ThreadLocal.withInitial(ListCells::new);

  private static final int SLOTS = 1 << 12;

  /** This thread's cells. */
  static ListCells get() {
    return CELLS.get();
  }

  /**
   * A cell made and encoded once: a value of a kind ({@link Ir.ValueKind#ordinal}), unit and scale,
   * with its outcome and groups' classes, and its markup.
   */
  private static final class Cell {
    int kind;
    String unit;
    int scale;
    String groups;
    byte status;
    long value;
    Html html;
  }

  private final Cell[] slots = new Cell[SLOTS];

  /** The classes of cells, each the first string met of its characters. */
  private final HashMap<String, String> classes = new HashMap<>();

  /** The first string met with the characters of {@code c}. */
  String canonical(String c) {
    String first = classes.putIfAbsent(c, c);
    return first == null ? c : first;
  }

  /**
   * The cell of value {@code v} of {@code node} (its kind and scale given, and whether its unit is
   * in the column's head rather than the cell), of status {@code status} and classes {@code
   * groups}: made before, or now.
   */
  Html cell(Ir.Node node, int kind, int scale, boolean apart, String groups, byte status, long v) {
    String unit = node.unit();
    int h =
        ((int) (v ^ (v >>> 32)) * 31 + System.identityHashCode(groups)) * 31
            + System.identityHashCode(unit)
            + 7 * status
            + 131 * kind
            + 17 * scale;
    int slot = (h ^ (h >>> 12)) & (SLOTS - 1);
    Cell c = slots[slot];
    if (c != null
        && c.value == v
        && c.groups == groups
        && c.unit == unit
        && c.status == status
        && c.kind == kind
        && c.scale == scale) {
      return c.html;
    }
    if (c == null) {
      c = slots[slot] = new Cell();
    }
    String value =
        " " + (apart ? Formats.number(v, scale) : Formats.value(node.valueKind(), unit, v, scale));
    c.kind = kind;
    c.unit = unit;
    c.scale = scale;
    c.groups = groups;
    c.status = status;
    c.value = v;
    c.html = CELL.render("groups", groups, "text", AreaListPage.mark(status) + value).fixed();
    return c.html;
  }

  /**
   * The classes of the groups {@code mask} has a bit of (of {@code groups}), in the groups' order,
   * made once per node and mask ({@code made}), the same string as on this thread's other pages
   * ({@link #canonical}); empty for none.
   */
  String classes(List<SummaryView.Group> groups, String[] made, int mask) {
    String classes = made[mask];
    if (classes == null) {
      StringBuilder b = new StringBuilder();
      for (int gi = 0; gi < groups.size(); gi++) {
        if ((mask & (1 << gi)) != 0) {
          b.append(b.length() == 0 ? "" : " ").append(OutcomeClass.of(groups.get(gi).key()));
        }
      }
      classes = canonical(b.toString());
      made[mask] = classes;
    }
    return classes;
  }
}
