package eligo.report;

import eligo.data.Dataset;
import eligo.data.Month;
import eligo.interpret.Interpreter;
import eligo.io.Texts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The details rows of a node that counts association types: one per association that counts
 * (tenant, workload, type, months), {@code Guides: DPOR, tenant T00000042, active 2024-10..2026-09}
 * or {@code from 2025-03, open}; ordered by workload, tenant, type, start and end month, each once
 * (the data may repeat a row). At most {@link #MAX} are shown, every type counted among them (as
 * long as there are no more types than that), and the rest is a number.
 */
final class AssociationRows {
  private AssociationRows() {}

  /** The most rows shown of one node. */
  static final int MAX = 20;

  /** The rows shown, and how many were left out. */
  record Rows(List<CustomerView.Detail> shown, int leftOut) {}

  private record Row(
      CustomerView.Association association, int start, int end, String key, String text) {}

  /**
   * By workload, tenant, type, start and end month (written out: a chain of comparators is a call
   * through an interface per link, per comparison).
   */
  private static final Comparator<Row> ORDER = AssociationRows::compare;

  private static int compare(Row a, Row b) {
    int c = Texts.CODE_POINT_ORDER.compare(a.association().workload(), b.association().workload());
    if (c == 0) {
      c = Texts.CODE_POINT_ORDER.compare(a.association().tenant(), b.association().tenant());
    }
    if (c == 0) {
      c = Texts.CODE_POINT_ORDER.compare(a.association().type(), b.association().type());
    }
    if (c == 0) {
      c = Integer.compare(a.start(), b.start());
    }
    return c != 0 ? c : Integer.compare(a.end(), b.end());
  }

  /**
   * The rows of association rows of one dataset made so far, by their index in it, one table per
   * key (tenant, workload): a customer's associations count toward several nodes. Not thread-safe.
   */
  static final class Kept {
    private Row[] byTenant = new Row[0];
    private Row[] byWorkload = new Row[0];
  }

  /**
   * The rows of {@code counted}, keyed by tenant when {@code by} is {@code tenant}, else by
   * workload; {@code made}: those made before, of the same dataset.
   */
  static Rows of(List<Interpreter.Counted> counted, Dataset data, String by, Kept made) {
    boolean byTenant = "tenant".equals(by);
    List<Row> rows = new ArrayList<>(counted.size());
    for (Interpreter.Counted k : counted) {
      Row[] before = byTenant ? made.byTenant : made.byWorkload;
      int a = k.association();
      if (a >= before.length) {
        before = java.util.Arrays.copyOf(before, Math.max(a + 1, 2 * before.length));
        if (byTenant) {
          made.byTenant = before;
        } else {
          made.byWorkload = before;
        }
      }
      Row row = before[a];
      if (row == null) {
        row = row(k, data, byTenant);
        before[a] = row;
      }
      rows.add(row);
    }
    rows.sort(ORDER);
    List<Row> distinct = new ArrayList<>();
    for (Row r : rows) {
      Row last = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
      if (last == null || ORDER.compare(last, r) != 0) {
        distinct.add(r);
      }
    }
    List<Row> shown = distinct;
    if (distinct.size() > MAX) {
      // the first row of each type, then the first rows in order, up to MAX, kept in order
      Set<Row> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      Set<String> types = new HashSet<>();
      for (Row r : distinct) {
        if (kept.size() < MAX && types.add(r.association().type())) {
          kept.add(r);
        }
      }
      for (Row r : distinct) {
        if (kept.size() < MAX) {
          kept.add(r);
        }
      }
      shown = new ArrayList<>();
      for (Row r : distinct) {
        if (kept.contains(r)) {
          shown.add(r);
        }
      }
    }
    List<CustomerView.Detail> details = new ArrayList<>();
    for (Row r : shown) {
      details.add(new CustomerView.Detail(r.key(), r.text(), null, r.association()));
    }
    return new Rows(details, distinct.size() - shown.size());
  }

  /** The row of counted association {@code k}. */
  private static Row row(Interpreter.Counted k, Dataset data, boolean byTenant) {
    int a = k.association();
    int start = data.assocStartMonth(a);
    int end = data.assocEndMonth(a);
    String tenant = data.tenantId(k.tenant());
    String workload = data.workloadName(k.workload());
    String type = data.typeName(data.assocType(a));
    String months =
        end == Month.OPEN
            ? "from " + Formats.month(start) + ", open"
            : start == end
                ? "active " + Formats.month(start)
                : "active " + Formats.month(start) + ".." + Formats.month(end);
    return new Row(
        new CustomerView.Association(
            tenant,
            workload,
            type,
            Formats.month(start),
            end == Month.OPEN ? null : Formats.month(end)),
        start,
        end,
        byTenant ? tenant : workload,
        type + (byTenant ? " on " + workload : ", tenant " + tenant) + ", " + months);
  }

  /**
   * Fails when {@code counted} does not have {@code count} types, the number its node counted for
   * customer {@code customer} at node {@code node}: a bug, like an explanation that disagrees with
   * the run.
   */
  static void checkCount(
      List<Interpreter.Counted> counted, Dataset data, long count, String customer, String node) {
    // the distinct types, marked by index (no boxed set: this runs for every node that counts them)
    boolean[] seen = new boolean[data.typeCount()];
    int types = 0;
    for (Interpreter.Counted k : counted) {
      int type = data.assocType(k.association());
      if (!seen[type]) {
        seen[type] = true;
        types++;
      }
    }
    if (types != count) {
      throw new IllegalStateException(
          "the associations listed for customer '"
              + customer
              + "' at "
              + node
              + " have "
              + types
              + " types where the node counted "
              + count);
    }
  }
}
