package eligo.report;

import eligo.data.Dataset;
import eligo.interpret.Interpreter;
import eligo.io.Texts;
import eligo.ir.Ir;
import eligo.report.NodeTrace.Fact;
import java.util.ArrayList;
import java.util.List;

/**
 * The details rows of a node in {@link Explainer}'s view: per tenant or workload (the node's
 * details), what it had on each side of the comparison, or the associations a count counted.
 */
final class NodeDetails {
  private static final int MAX_DETAILS = 50;

  private NodeDetails() {}

  /** A node's details rows and how many were left out. */
  record Rows(List<CustomerView.Detail> rows, int leftOut) {}

  /** The rows of the associations a count counted ({@link AssociationRows}). */
  static Rows associations(
      List<Interpreter.Counted> counted,
      Dataset data,
      String detailsBy,
      AssociationRows.Kept kept) {
    AssociationRows.Rows rows = AssociationRows.of(counted, data, detailsBy, kept);
    return new Rows(rows.shown(), rows.leftOut());
  }

  /**
   * The rows of the node's tenants or workloads (its details) from its trace {@code t}: what each
   * had as of the month and, for a net node, a year before; at most {@value #MAX_DETAILS}.
   */
  static Rows of(Ir.Node n, NodeTrace t, Dataset data, int[] workloadRanks) {
    int count = t.keyCount;
    if (t.detailVar == null || count == 0) {
      return NO_ROWS;
    }
    // the keys with something worth showing on either side (as first told; most have nothing), in
    // the order of their labels, then of the keys: sorted in place (a customer has a few tenants, a
    // node some workloads), workloads by their rank in that order
    boolean byWorkload = t.detailVar.dim() == Ir.Dim.WORKLOAD;
    int[] keys = null;
    String[] labels = null;
    String[] nows = null;
    String[] thens = null;
    int shown = 0;
    for (int j = 0; j < count; j++) {
      int key = t.base + t.keys[j];
      String now = cell(n, t, 0, key);
      String then = n.isNet() ? cell(n, t, 1, key) : null;
      if (now == null && then == null) {
        continue;
      }
      if (keys == null) {
        keys = new int[count - j];
        labels = new String[count - j];
        nows = new String[count - j];
        thens = new String[count - j];
      }
      String label = label(data, t.detailVar, key);
      int at = shown++;
      while (at > 0 && after(keys[at - 1], labels[at - 1], key, label, byWorkload, workloadRanks)) {
        labels[at] = labels[at - 1];
        keys[at] = keys[at - 1];
        nows[at] = nows[at - 1];
        thens[at] = thens[at - 1];
        at--;
      }
      labels[at] = label;
      keys[at] = key;
      nows[at] = now;
      thens[at] = then;
    }
    if (shown == 0) {
      return NO_ROWS;
    }
    // an array made a list once: the view's List.copyOf keeps the list List.of makes
    CustomerView.Detail[] rows = new CustomerView.Detail[Math.min(shown, MAX_DETAILS)];
    for (int j = 0; j < rows.length; j++) {
      rows[j] =
          new CustomerView.Detail(
              labels[j],
              nows[j] == null ? "—" : nows[j],
              n.isNet() && thens[j] == null ? "—" : thens[j]);
    }
    return new Rows(List.of(rows), shown - rows.length);
  }

  private static final Rows NO_ROWS = new Rows(List.of(), 0);

  /** Whether the row of {@code key} and {@code label} comes after that of {@code key2}. */
  private static boolean after(
      int key, String label, int key2, String label2, boolean byWorkload, int[] workloadRanks) {
    if (byWorkload) {
      return workloadRanks[key] > workloadRanks[key2];
    }
    int c = Texts.CODE_POINT_ORDER.compare(label, label2);
    return c > 0 || (c == 0 && key > key2);
  }

  /**
   * Per workload of {@code data}'s catalog (index), its rank in the order of their names, then of
   * their indexes, as details rows are: the same for every customer of datasets that share the
   * catalogs.
   */
  static int[] workloadRanks(Dataset data) {
    Integer[] order = new Integer[data.workloadCount()];
    for (int w = 0; w < order.length; w++) {
      order[w] = w;
    }
    // stable, as the insertion of the rows was
    java.util.Arrays.sort(
        order,
        (a, b) -> Texts.CODE_POINT_ORDER.compare(data.workloadName(a), data.workloadName(b)));
    int[] rank = new int[order.length];
    for (int k = 0; k < rank.length; k++) {
      rank[order[k]] = k;
    }
    return rank;
  }

  /** What a tenant or workload had on one side, or null when nothing worth showing. */
  private static String cell(Ir.Node n, NodeTrace t, int side, int key) {
    Fact f = t.factAt(side, key - t.base);
    if (f == null) {
      return null;
    }
    boolean interesting =
        f.held > 0
            || (f.hasAmount && f.amount != 0)
            || (f.peak != null && f.peak.value() > 0)
            || f.found != null;
    if (!interesting) {
      return null; // its words are not made at all
    }
    // the parts, joined by "; " (none is empty)
    StringBuilder out = new StringBuilder(64);
    if (t.top instanceof Ir.Count && f.bindings > 0) {
      if (f.held == 0) {
        out.append("not qualified");
      } else if (f.bindings == 1) {
        out.append("qualified");
      } else {
        out.append(f.held).append(" of ").append(f.bindings).append(t.counted).append(" qualified");
      }
      if (f.held > 0 && f.first != null) {
        f.first.appendTo(out.append(" with "));
      }
    }
    if (t.top instanceof Ir.Sum && f.hasAmount) {
      part(out).append(Formats.value(n.valueKind(), n.unit(), f.amount, n.scale()));
    }
    if (f.held == 0 && f.peak != null) {
      f.peak.appendTo(part(out).append("highest "));
    }
    if (f.found != null) {
      part(out).append(f.found);
    }
    return out.toString();
  }

  /** {@code out}, with "; " after the parts in it before the next. */
  private static StringBuilder part(StringBuilder out) {
    return out.length() == 0 ? out : out.append("; ");
  }

  /**
   * What a row's "1 of 3 qualified" counts ({@link NodeTrace#counted}): the count's other binders
   * than the row's ({@code tenants} in a row per workload of a count of tenant workloads), or
   * nothing when none is left.
   */
  static String counted(Ir.Count count, Ir.Var row) {
    List<Ir.Binder> others = new ArrayList<>();
    for (Ir.Binder b : count.binders()) {
      if (!b.var().equals(row)) {
        others.add(b);
      }
    }
    return others.isEmpty() ? "" : " " + Words.noun(others) + "s";
  }

  private static String label(Dataset data, Ir.Var v, int value) {
    switch (v.dim()) {
      case TENANT:
        return data.tenantId(value);
      case WORKLOAD:
        return data.workloadName(value);
      case TYPE:
        return data.typeName(value);
      default:
        return Formats.month(value);
    }
  }
}
