package eligo.spark;

import eligo.data.Measure;
import eligo.data.Month;
import eligo.io.CellChecks;
import eligo.io.Texts;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The first step: a partition of {@link Schemas#BY_TENANT} rows sorted by tenant id and kind
 * becomes one {@link Schemas#BY_CUSTOMER} row per tenant, keyed by its customer, with its usage
 * rows (by workload and month) and associations (by workload, start, end and type) packed: two
 * counts, then the entries as {@link Chunks} packs them. A usage row or association of a tenant
 * that tenants.csv does not have, a tenant id used twice and a second usage row for the same
 * tenant, workload and month are refused here. One tenant's rows are held at a time.
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
    BadRows bad = new BadRows();
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        while (next == null && rows.hasNext()) {
          try {
            next = tenant(rows.next());
          } catch (DataProblem p) {
            bad.add(p);
          }
        }
        if (next == null) {
          bad.check();
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  private Row tenant(List<Row> group) {
    Row first = group.get(0);
    if (first.getInt(1) != Schemas.TENANT) {
      boolean usage = first.getInt(1) == Schemas.USAGE;
      throw new DataProblem(
          usage ? usageFile : associationsFile,
          "tenant " + CellChecks.quote(first.getString(0)) + " is not in " + tenantsFile,
          content(first.getString(0), usage, (byte[]) first.get(4), 0));
    }
    if (group.size() > 1 && group.get(1).getInt(1) == Schemas.TENANT) {
      Row second = group.get(1);
      throw new DataProblem(
          tenantsFile,
          "tenant_id " + CellChecks.quote(first.getString(0)) + " is used by two rows",
          CellChecks.csvRow(
              List.of(second.getString(2), second.getString(0), second.getString(3))));
    }
    String tenant = first.getString(0);
    int usageBytes = 0;
    int associationBytes = 0;
    for (int i = 1; i < group.size(); i++) {
      Row r = group.get(i);
      int n = ((byte[]) r.get(4)).length;
      if (r.getInt(1) == Schemas.USAGE) {
        usageBytes += n;
      } else {
        associationBytes += n;
      }
    }
    ByteBuffer usage = ByteBuffer.allocate(usageBytes);
    ByteBuffer associations = ByteBuffer.allocate(associationBytes);
    for (int i = 1; i < group.size(); i++) {
      Row r = group.get(i);
      (r.getInt(1) == Schemas.USAGE ? usage : associations).put((byte[]) r.get(4));
    }
    int u = usageBytes / Chunks.USAGE_BYTES;
    int n = associationBytes / Chunks.ASSOCIATION_BYTES;
    ByteBuffer b = ByteBuffer.allocate(8 + usageBytes + associationBytes).putInt(u).putInt(n);
    // usage by workload, then month; a second row for the same workload and month is refused
    if (u >= 1 << 27) {
      throw new DataProblem(
          usageFile, "tenant " + CellChecks.quote(tenant) + " has more than 2^27 usage rows", null);
    }
    long[] keys = new long[u];
    for (int i = 0; i < u; i++) {
      int at = i * Chunks.USAGE_BYTES;
      keys[i] = ((long) usage.getInt(at) << 44) | ((long) usage.getInt(at + 4) << 27) | i;
    }
    Arrays.sort(keys);
    for (int i = 0; i < u; i++) {
      if (i > 0 && keys[i] >>> 27 == keys[i - 1] >>> 27) {
        int at = (int) (keys[i] & ((1 << 27) - 1)) * Chunks.USAGE_BYTES;
        throw new DataProblem(
            usageFile,
            "a second row for tenant "
                + CellChecks.quote(tenant)
                + ", workload "
                + CellChecks.quote(shipped.workloadNames[usage.getInt(at)])
                + " and month "
                + Month.format(usage.getInt(at + 4)),
            content(tenant, true, usage.array(), at));
      }
      b.put(
          usage.array(),
          (int) (keys[i] & ((1 << 27) - 1)) * Chunks.USAGE_BYTES,
          Chunks.USAGE_BYTES);
    }
    // associations by workload, start month, end month and type
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i * Chunks.ASSOCIATION_BYTES;
    }
    Arrays.sort(
        order,
        Comparator.<Integer>comparingInt(at -> associations.getInt(at))
            .thenComparingInt(at -> associations.getInt(at + 8))
            .thenComparingInt(at -> associations.getInt(at + 12))
            .thenComparingInt(at -> associations.getInt(at + 4)));
    for (int at : order) {
      b.put(associations.array(), at, Chunks.ASSOCIATION_BYTES);
    }
    return RowFactory.create(
        first.getString(2), Schemas.CUSTOMER_TENANT, null, first.getString(3), tenant, b.array());
  }

  /** A packed entry written back as its file's columns, for a message. */
  private String content(String tenant, boolean usage, byte[] packed, int at) {
    ByteBuffer b = ByteBuffer.wrap(packed);
    List<String> f = new ArrayList<>();
    f.add(tenant);
    f.add(shipped.workloadNames[b.getInt(at)]);
    if (usage) {
      f.add(Month.format(b.getInt(at + 4)));
      Measure[] measures = Measure.values();
      for (int k = 0; k < 5; k++) {
        f.add(Texts.plain(b.getLong(at + 8 + 8 * k), measures[k].scale()));
      }
    } else {
      f.add(shipped.typeNames[b.getInt(at + 4)]);
      f.add(Month.format(b.getInt(at + 8)));
      f.add(b.getInt(at + 12) == Month.OPEN ? "" : Month.format(b.getInt(at + 12)));
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
