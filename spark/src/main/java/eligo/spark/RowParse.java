package eligo.spark;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import eligo.data.Month;
import eligo.io.CellChecks;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Checks and converts the rows of one table, as {@link Tables} gives them (the required columns,
 * the file, the raw text of a CSV row with the wrong number of fields), into the rows brought
 * together by tenant or customer ({@link Schemas}). Every problem of a row is found and worded as
 * the loader words it, and the row is refused: a {@link DataProblem} with the file and the row's
 * content ends the run. Parquet cells may be typed (money as DECIMAL of scale at most 2, counts as
 * integers, null for a blank: {@link PartSchemas} refused any other type before a row was read);
 * CSV cells are text.
 */
final class RowParse implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String display;
  private final boolean parquet;
  private final String[] columns;
  private final Map<String, Integer> workloads;
  private final Map<String, Integer> types;
  private final String[] typeNames;

  RowParse(
      Tables.Table table,
      Map<String, Integer> workloads,
      Map<String, Integer> types,
      String[] typeNames) {
    this.display = table.display();
    this.parquet = table.parquet();
    this.columns = table.columns();
    this.workloads = workloads;
    this.types = types;
    this.typeNames = typeNames;
  }

  /** customers: partner_id, customer_id, customer_name. */
  Row customer(Row r) {
    Problems p = new Problems(r);
    String partner = p.key(0);
    String id = p.key(1);
    String name = p.text(2);
    p.check();
    return RowFactory.create(id, Schemas.CUSTOMER, partner, name, null, null);
  }

  /** tenants: customer_id, tenant_id, tenant_name. */
  Row tenant(Row r) {
    Problems p = new Problems(r);
    String customer = p.key(0);
    String id = p.key(1);
    String name = p.text(2);
    p.check();
    return RowFactory.create(id, Schemas.TENANT, customer, name, null);
  }

  /** workloads: workload, family. */
  String[] workload(Row r) {
    Problems p = new Problems(r);
    String name = p.key(0);
    String family = p.text(1);
    if (family.isEmpty()) {
      p.add("family is empty");
    }
    p.check();
    return new String[] {name, family};
  }

  /**
   * associations: tenant_id, workload, association_type, start_month, end_month; as a row of tenant
   * id, kind, two nulls, workload index, start month, end month and type index.
   */
  Row association(Row r) {
    Problems p = new Problems(r);
    String tenant = p.key(0);
    int w = p.workload(1);
    String typeName = p.text(2);
    int type = -1;
    if (typeName.isEmpty()) {
      p.add("association_type is empty");
    } else {
      Integer k = types.get(typeName);
      if (k == null) {
        p.add(
            "association_type "
                + CellChecks.quote(typeName)
                + " is not a known association type ("
                + (typeNames.length == 0
                    ? "no types are declared"
                    : "known: " + String.join(", ", typeNames))
                + ")");
      } else {
        type = k;
      }
    }
    int start = p.month(3, false);
    int end = p.month(4, true);
    if (start != Month.NONE && end != Month.NONE && start > end) {
      p.add("start_month " + Month.format(start) + " is after end_month " + Month.format(end));
    }
    p.check();
    return RowFactory.create(
        tenant, Schemas.ASSOCIATION, null, null, w, start, end, type, null, null, null, null, null);
  }

  /** The field of {@link #usage}'s row that holds the month. */
  static final int USAGE_MONTH = 5;

  /**
   * usage: tenant_id, workload, month, then the five measures; as a row of tenant id, kind, two
   * nulls, workload index, month, two nulls and the five measures (cents or counts).
   */
  Row usage(Row r) {
    Problems p = new Problems(r);
    String tenant = p.key(0);
    int w = p.workload(1);
    int month = p.month(2, false);
    long m0 = p.money(3);
    long m1 = p.money(4);
    long m2 = p.count(5);
    long m3 = p.count(6);
    long m4 = p.count(7);
    p.check();
    return RowFactory.create(
        tenant, Schemas.USAGE, null, null, w, month, null, null, m0, m1, m2, m3, m4);
  }

  /** The problems of one row, worded as the loader words them. */
  private final class Problems {
    private final Row row;
    private final StringBuilder sb = new StringBuilder();

    Problems(Row row) {
      this.row = row;
      String corrupt = row.getString(columns.length + 1);
      if (corrupt != null) {
        throw new DataProblem(file(), width(corrupt), corrupt.strip());
      }
    }

    void add(String problem) {
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(problem);
    }

    void check() {
      if (sb.length() > 0) {
        throw new DataProblem(file(), sb.toString(), content());
      }
    }

    String text(int i) {
      Object v = row.get(i);
      if (v == null) {
        return "";
      }
      return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    String key(int i) {
      String s = text(i);
      if (s.isEmpty()) {
        add(columns[i] + " is empty");
      }
      return s;
    }

    int workload(int i) {
      String name = key(i);
      if (name.isEmpty()) {
        return -1;
      }
      Integer w = workloads.get(name);
      if (w == null) {
        add("workload " + CellChecks.quote(name) + " is not in workloads.csv");
        return -1;
      }
      return w;
    }

    int month(int i, boolean optional) {
      Object v = row.get(i);
      String s = v == null ? "" : text(i);
      if (s.isEmpty()) {
        if (optional) {
          return Month.OPEN;
        }
        add(columns[i] + " is empty");
        return Month.NONE;
      }
      int m = v instanceof String ? CellChecks.month(s) : Month.NONE;
      if (m == Month.NONE) {
        add(CellChecks.monthProblem(columns[i], s));
      }
      return m;
    }

    long money(int i) {
      Object v = row.get(i);
      if (v instanceof BigDecimal d) {
        // PartSchemas let through no DECIMAL of scale above 2
        BigDecimal cents = d.setScale(2).movePointRight(2);
        if (cents.abs().compareTo(BigDecimal.TEN.pow(18)) >= 0) {
          add(
              columns[i]
                  + " "
                  + CellChecks.quote(d.toPlainString())
                  + " has more than 16 digits before the decimal point");
          return 0;
        }
        return cents.longValueExact();
      }
      String s = text(i);
      if (s.isEmpty()) {
        return 0;
      }
      long cents = v instanceof String ? CellChecks.money(s) : CellChecks.BAD;
      if (cents == CellChecks.BAD) {
        add(CellChecks.moneyProblem(columns[i], s));
        return 0;
      }
      return cents;
    }

    long count(int i) {
      Object v = row.get(i);
      if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
        long n = ((Number) v).longValue();
        if (n < 0) {
          add(columns[i] + " " + CellChecks.quote(v.toString()) + " is negative");
          return 0;
        }
        return n;
      }
      String s = text(i);
      if (s.isEmpty()) {
        return 0;
      }
      long n = v instanceof String ? CellChecks.count(s) : CellChecks.BAD;
      if (n == CellChecks.BAD) {
        add(CellChecks.countProblem(columns[i], s));
        return 0;
      }
      return n;
    }

    /** The row's part file: the table's name, and for a folder of Parquet parts the part. */
    String file() {
      String path = row.getString(columns.length);
      if (!parquet || path == null) {
        return display;
      }
      String name = path.substring(path.lastIndexOf('/') + 1);
      return name.equals(display) ? display : display + "/" + name;
    }

    String content() {
      List<String> fields = new ArrayList<>();
      for (int i = 0; i < columns.length; i++) {
        fields.add(text(i));
      }
      return CellChecks.csvRow(fields);
    }

    private String width(String raw) {
      if (raw.chars().filter(c -> c == '"').count() % 2 != 0) {
        // only a file read whole gets here (one read as lines is read again whole): the quote
        // runs to the end of the file
        return "a quoted field is not closed: the record runs to the end of the file";
      }
      int n = 0;
      try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(raw)) {
        for (CsvRecord rec : reader) {
          n = rec.getFieldCount();
          break;
        }
      } catch (java.io.IOException | RuntimeException e) {
        return "the row cannot be read as CSV";
      }
      return "the row has " + n + " fields, the header has a different number";
    }
  }
}
