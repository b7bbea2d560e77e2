package eligo.spark;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Before the shuffle by tenant: a partition's rows of associations.csv or usage.csv, each checked
 * and converted by {@link RowParse} (bad rows listed by {@link BadRows}), packed into one {@link
 * Schemas#BY_TENANT} row per run of consecutive rows of the same tenant (at most {@link #MAX} rows
 * a run). The files usually hold a tenant's rows together, so the shuffle sorts a few runs per
 * tenant instead of every row, and carries 48 bytes a usage row and 16 an association. {@link
 * TenantRows} merges a tenant's runs.
 *
 * <p>Packed entries: a usage row is its workload index, month (ints) and five measures (longs); an
 * association its workload index, type index, start month and end month (ints).
 */
final class Chunks implements FlatMapFunction<Iterator<Row>, Row> {
  private static final long serialVersionUID = 1L;

  /** Rows in one run at most. */
  static final int MAX = 4096;

  static final int USAGE_BYTES = 48;
  static final int ASSOCIATION_BYTES = 16;

  private final Function<Row, Row> parse;

  /** {@code parse}: one of {@link RowParse}'s association or usage conversions. */
  Chunks(Function<Row, Row> parse) {
    this.parse = parse;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> lines) {
    Iterator<Row> input = new BadRows.Checked(parse).call(lines);
    return new Iterator<>() {
      private Row pending;

      @Override
      public boolean hasNext() {
        return pending != null || input.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        {
          Row first = pending != null ? pending : input.next();
          pending = null;
          String tenant = first.getString(0);
          int kind = first.getInt(1);
          int size = kind == Schemas.USAGE ? USAGE_BYTES : ASSOCIATION_BYTES;
          ByteBuffer b = ByteBuffer.allocate(size * 64);
          int n = 0;
          Row r = first;
          while (true) {
            if (b.remaining() < size) {
              b = ByteBuffer.allocate(b.capacity() * 2).put(b.flip());
            }
            put(b, r, kind);
            n++;
            if (n == MAX || !input.hasNext()) {
              break;
            }
            r = input.next();
            if (!r.getString(0).equals(tenant)) {
              pending = r;
              break;
            }
          }
          byte[] bytes = new byte[b.position()];
          b.flip().get(bytes);
          return RowFactory.create(tenant, kind, null, null, bytes);
        }
      }
    };
  }

  private static void put(ByteBuffer b, Row r, int kind) {
    if (kind == Schemas.USAGE) {
      b.putInt(r.getInt(4)).putInt(r.getInt(5));
      for (int k = 0; k < 5; k++) {
        b.putLong(r.getLong(8 + k));
      }
    } else {
      b.putInt(r.getInt(4)).putInt(r.getInt(7)).putInt(r.getInt(5)).putInt(r.getInt(6));
    }
  }
}
