package eligo.spark;

import eligo.data.Measure;
import eligo.data.Month;
import eligo.io.CellChecks;
import eligo.io.Texts;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The first step: a partition of {@link Schemas#BY_TENANT} rows sorted by tenant id, kind, workload
 * and month becomes one {@link Schemas#BY_CUSTOMER} row per tenant, keyed by its customer, with its
 * usage rows and associations packed ({@link #pack}). A usage row or association of a tenant that
 * tenants.csv does not have, a tenant id used twice and a second usage row for the same tenant,
 * workload and month are refused here. One tenant's rows are held at a time.
 */
final class TenantRows implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final Shipped shipped;

  /** How messages name tenants.csv, associations.csv and usage.csv (or their Parquet tables). */
  private final String tenantsFile;

  private final String associationsFile;
  private final String usageFile;

  TenantRows(Shipped shipped, String tenantsFile, String associationsFile, String usageFile) {
    this.shipped = shipped;
    this.tenantsFile = tenantsFile;
    this.associationsFile = associationsFile;
    this.usageFile = usageFile;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    Grouped rows = new Grouped(input);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        if (!rows.hasNext()) {
          throw new NoSuchElementException();
        }
        return tenant(rows.next());
      }
    };
  }

  private Row tenant(List<Row> group) {
    Row first = group.get(0);
    if (first.getInt(1) != Schemas.TENANT) {
      String file = first.getInt(1) == Schemas.USAGE ? usageFile : associationsFile;
      throw new DataProblem(
          file,
          "tenant " + CellChecks.quote(first.getString(0)) + " is not in " + tenantsFile,
          content(first));
    }
    if (group.size() > 1 && group.get(1).getInt(1) == Schemas.TENANT) {
      throw new DataProblem(
          tenantsFile,
          "tenant_id " + CellChecks.quote(first.getString(0)) + " is used by two rows",
          content(group.get(1)));
    }
    int usage = 0;
    int associations = 0;
    for (int i = 1; i < group.size(); i++) {
      Row r = group.get(i);
      if (r.getInt(1) == Schemas.USAGE) {
        usage++;
        Row before = group.get(i - 1);
        if (before.getInt(1) == Schemas.USAGE
            && before.getInt(4) == r.getInt(4)
            && before.getInt(5) == r.getInt(5)) {
          throw new DataProblem(
              usageFile,
              "a second row for tenant "
                  + CellChecks.quote(r.getString(0))
                  + ", workload "
                  + CellChecks.quote(shipped.workloadNames[r.getInt(4)])
                  + " and month "
                  + Month.format(r.getInt(5)),
              content(r));
        }
      } else {
        associations++;
      }
    }
    ByteBuffer b = ByteBuffer.allocate(8 + usage * 48 + associations * 16);
    b.putInt(usage).putInt(associations);
    for (Row r : group) {
      if (r.getInt(1) == Schemas.USAGE) {
        b.putInt(r.getInt(4)).putInt(r.getInt(5));
        for (int k = 0; k < 5; k++) {
          b.putLong(r.getLong(8 + k));
        }
      }
    }
    for (Row r : group) {
      if (r.getInt(1) == Schemas.ASSOCIATION) {
        b.putInt(r.getInt(4)).putInt(r.getInt(7)).putInt(r.getInt(5)).putInt(r.getInt(6));
      }
    }
    return RowFactory.create(
        first.getString(2),
        Schemas.CUSTOMER_TENANT,
        null,
        first.getString(3),
        first.getString(0),
        b.array());
  }

  /** A row written back as the file's columns, for a message. */
  private String content(Row r) {
    List<String> f = new ArrayList<>();
    switch (r.getInt(1)) {
      case Schemas.TENANT -> {
        f.add(r.getString(2));
        f.add(r.getString(0));
        f.add(r.getString(3));
      }
      case Schemas.ASSOCIATION -> {
        f.add(r.getString(0));
        f.add(shipped.workloadNames[r.getInt(4)]);
        f.add(shipped.typeNames[r.getInt(7)]);
        f.add(Month.format(r.getInt(5)));
        f.add(r.getInt(6) == Month.OPEN ? "" : Month.format(r.getInt(6)));
      }
      default -> {
        f.add(r.getString(0));
        f.add(shipped.workloadNames[r.getInt(4)]);
        f.add(Month.format(r.getInt(5)));
        Measure[] measures = Measure.values();
        for (int k = 0; k < 5; k++) {
          f.add(Texts.plain(r.getLong(8 + k), measures[k].scale()));
        }
      }
    }
    return CellChecks.csvRow(f);
  }

  /** The rows of a sorted partition, one key's rows at a time (the key is column 0). */
  static final class Grouped implements Iterator<List<Row>> {
    private final Iterator<Row> input;
    private Row pending;

    Grouped(Iterator<Row> input) {
      this.input = input;
      this.pending = input.hasNext() ? input.next() : null;
    }

    @Override
    public boolean hasNext() {
      return pending != null;
    }

    @Override
    public List<Row> next() {
      if (pending == null) {
        throw new NoSuchElementException();
      }
      List<Row> group = new ArrayList<>();
      String key = pending.getString(0);
      group.add(pending);
      pending = null;
      while (input.hasNext()) {
        Row r = input.next();
        if (!key.equals(r.getString(0))) {
          pending = r;
          break;
        }
        group.add(r);
      }
      return group;
    }
  }
}
