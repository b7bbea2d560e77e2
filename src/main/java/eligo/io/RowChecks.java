package eligo.io;

import static eligo.io.DatasetLoader.FILES;
import static eligo.io.UsageColumns.MEASURES;

import eligo.data.Month;
import java.util.Map;

/**
 * The checks of each row of the five files, in the words of DATA.md: ids filled and not repeated,
 * references to known (or rejected) ids, months, amounts and counts. A good row goes into the
 * {@link LoadTables} or {@link UsageColumns}; a bad one is rejected in the {@link LoadLog} with
 * every problem it has. Package-private: a loading aid.
 */
final class RowChecks {
  private final LoadTables tables;
  private final UsageColumns usage;
  private final LoadLog log;

  /** Words where a message points at a row of another line or file. */
  private final DataSource source;

  private final Problems problems = new Problems();

  RowChecks(LoadTables tables, UsageColumns usage, LoadLog log, DataSource source) {
    this.tables = tables;
    this.usage = usage;
    this.log = log;
    this.source = source;
  }

  private void reject(CsvFileReader.Row row, String message) {
    String whole = row.wholeProblem();
    log.reject(row.file, row.line, whole != null ? whole : message, Cells.rawText(row.rec));
  }

  void customerRow(CsvFileReader.Row row) {
    LoadTables d = tables;
    String id = row.get(1);
    if (!row.widthOk()) {
      remember(d.customerRejected, d.customerIndex, id, row.line);
      reject(row, row.widthProblem());
      return;
    }
    if (row.repeatsHeader()) {
      remember(d.customerRejected, d.customerIndex, id, row.line);
      reject(row, CsvFileReader.Row.REPEATS_HEADER);
      return;
    }
    Problems p = problems.clear();
    String partner = row.get(0);
    if (partner.isEmpty()) {
      p.add("partner_id is empty");
    }
    newId(
        p,
        LoadLog.CUSTOMERS,
        "customer_id",
        id,
        d.customerIndex,
        d.customerLine,
        d.customerRejected);
    if (p.isEmpty()) {
      d.customerIndex.put(id, d.customerIds.size());
      d.partnerIds.add(d.partner(partner));
      d.customerIds.add(id);
      d.customerNames.add(row.get(2));
      d.customerLine.add(lineInt(row.line));
      for (int k = 0; k < row.extra.length; k++) {
        d.customerAttrValues.get(k).add(row.extra(k));
      }
    } else {
      remember(d.customerRejected, d.customerIndex, id, row.line);
      reject(row, p.toString());
    }
  }

  void tenantRow(CsvFileReader.Row row) {
    LoadTables d = tables;
    String id = row.get(1);
    if (!row.widthOk()) {
      remember(d.tenantRejected, d.tenantIndex, id, row.line);
      reject(row, row.widthProblem());
      return;
    }
    if (row.repeatsHeader()) {
      remember(d.tenantRejected, d.tenantIndex, id, row.line);
      reject(row, CsvFileReader.Row.REPEATS_HEADER);
      return;
    }
    Problems p = problems.clear();
    int c =
        ref(
            p,
            "customer_id",
            "customer",
            row.get(0),
            d.customerIndex,
            d.customerRejected,
            LoadLog.CUSTOMERS);
    newId(p, LoadLog.TENANTS, "tenant_id", id, d.tenantIndex, d.tenantLine, d.tenantRejected);
    if (p.isEmpty() && c >= 0) {
      d.tenantIndex.put(id, d.tenantIdList.size());
      d.tenantIdList.add(id);
      d.tenantNameList.add(row.get(2));
      for (int k = 0; k < row.extra.length; k++) {
        d.tenantAttrValues.get(k).add(row.extra(k));
      }
      d.tenantCustomer.add(c);
      d.tenantLine.add(lineInt(row.line));
    } else if (!p.isEmpty()) {
      remember(d.tenantRejected, d.tenantIndex, id, row.line);
      reject(row, p.toString());
    } else {
      log.unsure[LoadLog.TENANTS] = true; // its customer could not be checked
    }
  }

  void workloadRow(CsvFileReader.Row row) {
    LoadTables d = tables;
    String name = row.get(0);
    if (!row.widthOk()) {
      remember(d.workloadRejected, d.workloadIndex, name, row.line);
      reject(row, row.widthProblem());
      return;
    }
    if (row.repeatsHeader()) {
      remember(d.workloadRejected, d.workloadIndex, name, row.line);
      reject(row, CsvFileReader.Row.REPEATS_HEADER);
      return;
    }
    Problems p = problems.clear();
    newId(
        p,
        LoadLog.WORKLOADS,
        "workload",
        name,
        d.workloadIndex,
        d.workloadLine,
        d.workloadRejected);
    String family = row.get(1);
    if (family.isEmpty()) {
      p.add("family is empty");
    }
    if (p.isEmpty()) {
      d.workloadIndex.put(name, d.workloadNames.size());
      d.workloadNames.add(name);
      d.workloadFamilies.add(family);
      d.workloadLine.add(lineInt(row.line));
    } else {
      remember(d.workloadRejected, d.workloadIndex, name, row.line);
      reject(row, p.toString());
    }
  }

  void associationRow(CsvFileReader.Row row) {
    LoadTables d = tables;
    if (!row.widthOk()) {
      reject(row, row.widthProblem());
      return;
    }
    Problems p = problems.clear();
    int t = fastRef(row.rec, row.cols[0], d.tenantLookup);
    if (t < 0) {
      t =
          ref(
              p,
              "tenant_id",
              "tenant",
              row.get(0),
              d.tenantIndex,
              d.tenantRejected,
              LoadLog.TENANTS);
    }
    int w = fastRef(row.rec, row.cols[1], d.workloadLookup);
    if (w < 0) {
      w =
          ref(
              p,
              "workload",
              "workload",
              row.get(1),
              d.workloadIndex,
              d.workloadRejected,
              LoadLog.WORKLOADS);
    }
    String typeName = row.get(2);
    int type = -1;
    if (typeName.isEmpty()) {
      p.add("association_type is empty");
    } else {
      Integer k = d.typeIndex.get(typeName);
      log.typeUsed(typeName, row.line, k != null);
      if (k == null) {
        p.add(
            "association_type "
                + Cells.quote(typeName)
                + " is not a known association type ("
                + (d.typeNames.length == 0
                    ? "no types are declared"
                    : "known: " + String.join(", ", d.typeNames))
                + ")");
      } else {
        type = k;
      }
    }
    int start = month(p, "start_month", row.get(3), false);
    int end = month(p, "end_month", row.get(4), true);
    if (start != Month.NONE && end != Month.NONE && start > end) {
      p.add("start_month " + Month.format(start) + " is after end_month " + Month.format(end));
    }
    if (p.isEmpty()) {
      if (t >= 0 && w >= 0) {
        d.assocTenant.add(t);
        d.assocWorkload.add(w);
        d.assocType.add(type);
        d.assocStart.add(start);
        d.assocEnd.add(end);
      }
    } else {
      reject(row, p.toString());
    }
  }

  void usageRow(CsvFileReader.Row row) {
    LoadTables d = tables;
    if (!row.widthOk()) {
      reject(row, row.widthProblem());
      return;
    }
    Problems p = problems.clear();
    CsvFields rec = row.rec;
    int[] cols = row.cols;
    int t = fastRef(rec, cols[0], d.tenantLookup);
    if (t < 0) {
      t =
          ref(
              p,
              "tenant_id",
              "tenant",
              rec.get(cols[0]),
              d.tenantIndex,
              d.tenantRejected,
              LoadLog.TENANTS);
    }
    int w = fastRef(rec, cols[1], d.workloadLookup);
    if (w < 0) {
      w =
          ref(
              p,
              "workload",
              "workload",
              rec.get(cols[1]),
              d.workloadIndex,
              d.workloadRejected,
              LoadLog.WORKLOADS);
    }
    int m = month(p, "month", rec.view(cols[2]), false);
    long[] values = problems.values;
    char[] chars = rec.chars();
    for (int k = 0; k < MEASURES.length; k++) {
      int f = cols[3 + k];
      long v;
      if (rec.length(f) == 0) {
        v = 0;
      } else if (MEASURES[k].isMoney()) {
        v = Numbers.parseMoney(chars, rec.start(f), rec.end(f));
        if (v == Numbers.BAD) {
          p.add(Numbers.moneyProblem(MEASURES[k].column(), rec.get(f)));
        }
      } else {
        v = Numbers.parseCount(chars, rec.start(f), rec.end(f));
        if (v == Numbers.BAD) {
          p.add(Numbers.countProblem(MEASURES[k].column(), rec.get(f)));
        }
      }
      values[k] = v;
    }
    // Kept even when bad, so that a later row with the same key is found as a duplicate.
    if (t >= 0
        && w >= 0
        && m != Month.NONE
        && !usage.add(t, w, m, lineInt(row.line), p.isEmpty(), values)) {
      log.fileError(
          LoadLog.USAGE,
          row.line,
          "usage.csv has more rows than the loader can hold (" + UsageColumns.MAX_ROWS + ")");
      return;
    }
    if (!p.isEmpty()) {
      reject(row, p.toString());
    }
  }

  /** The index of the id in field {@code i}, looked up without making a String; -1 if unknown. */
  private static int fastRef(CsvFields rec, int i, IdIndex lookup) {
    return lookup.get(rec.chars(), rec.start(i), rec.end(i));
  }

  /** Checks that a key cell is filled and not used by an earlier row of the same file. */
  private void newId(
      Problems p,
      int file,
      String column,
      String id,
      IdMap index,
      IntColumn lines,
      Map<String, Long> rejectedIds) {
    if (id.isEmpty()) {
      p.add(column + " is empty");
      return;
    }
    int i = index.get(id);
    Long earlier = i != IdMap.ABSENT ? Long.valueOf(lines.get(i)) : rejectedIds.get(id);
    if (earlier != null) {
      p.add(
          column
              + " "
              + Cells.quote(id)
              + " is already used at "
              + source.line(FILES.get(file), earlier));
    }
  }

  /** Remembers the first rejected row of an id that no good row holds. */
  private static void remember(Map<String, Long> rejectedIds, IdMap index, String id, long line) {
    if (!id.isEmpty() && !index.containsKey(id)) {
      rejectedIds.putIfAbsent(id, line);
    }
  }

  /**
   * Resolves a reference to another file. Returns the index, or -1 with a problem added, or -2
   * without a problem when the other file could not be read (its error is reported already).
   */
  private int ref(
      Problems p,
      String column,
      String what,
      String id,
      IdMap index,
      Map<String, Long> rejectedIds,
      int targetFile) {
    if (id.isEmpty()) {
      p.add(column + " is empty");
      return -1;
    }
    int i = index.get(id);
    if (i != IdMap.ABSENT) {
      return i;
    }
    Long line = rejectedIds.get(id);
    if (line != null) {
      p.add(
          what
              + " "
              + Cells.quote(id)
              + " was rejected ("
              + source.place(FILES.get(targetFile), line)
              + ")");
      return -1;
    }
    if (log.unsure[targetFile]) {
      return -2;
    }
    p.add(
        what
            + " "
            + Cells.quote(id)
            + " "
            + source.notIn(FILES.get(targetFile))
            + spacedHint(id, index));
    return -1;
  }

  /**
   * For an id not found: that it is there without the spaces (or no-break spaces) around it, as
   * where a spreadsheet padded the cell or a hand typed ", " between fields; empty otherwise. Ids
   * are compared exactly (DATA.md), so the row stays an error.
   */
  private static String spacedHint(String id, IdMap index) {
    String stripped = id.replace('\u00a0', ' ').strip();
    if (stripped.isEmpty() || stripped.equals(id) || index.get(stripped) == IdMap.ABSENT) {
      return "";
    }
    return " (" + Cells.quote(stripped) + " is, without the spaces around it)";
  }

  /**
   * Parses a month cell. Returns the month; {@link Month#OPEN} for an empty optional cell; {@link
   * Month#NONE} with a problem added otherwise.
   */
  private static int month(Problems p, String column, CharSequence s, boolean optional) {
    if (s.length() == 0) {
      if (optional) {
        return Month.OPEN;
      }
      p.add(column + " is empty");
      return Month.NONE;
    }
    int m = Month.parse(s);
    if (m == Month.NONE) {
      p.add(CellChecks.monthProblem(column, s.toString()));
    }
    return m;
  }

  private static int lineInt(long line) {
    return line > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) line;
  }

  /** Collects the problems of one row; reused for every row. */
  private static final class Problems {
    private final StringBuilder sb = new StringBuilder();
    final long[] values = new long[MEASURES.length];

    Problems clear() {
      sb.setLength(0);
      return this;
    }

    void add(String problem) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(problem);
    }

    boolean isEmpty() {
      return sb.length() == 0;
    }

    @Override
    public String toString() {
      return sb.toString();
    }
  }
}
