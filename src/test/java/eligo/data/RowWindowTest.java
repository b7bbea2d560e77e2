package eligo.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import org.junit.jupiter.api.Test;

/**
 * A dataset whose rows are read in place, for one thread ({@link Dataset#forOneThread}): whatever
 * rows its window holds, every row and lookup reads as in the dataset on the heap.
 */
class RowWindowTest {
  private static final String[] MONTHS = {"2026-01", "2026-02", "2026-03", "2026-05", "2026-06"};

  /** Customers C0 to C5 with tenants and pairs of varied sizes, months with gaps; C3 has none. */
  private static Dataset onHeap() {
    DatasetKit kit = new DatasetKit().types("PAL").workload("A", "F").workload("B", "F");
    for (int c = 0; c < 6; c++) {
      kit.customer("P" + (c % 2), "C" + c);
      if (c == 3) {
        continue;
      }
      for (int t = 0; t <= c % 3; t++) {
        String tenant = "T" + c + t;
        kit.tenant("C" + c, tenant);
        for (int m = 0; m < MONTHS.length; m++) {
          if ((m + c + t) % 4 != 3) {
            kit.acr(tenant, "A", MONTHS[m], c + "." + m + t);
            kit.usage(tenant, "A", Month.parse(MONTHS[m]), Measure.ACTIVE_USERS, 10 * c + m + t);
          }
          if (t == 1 && m % 2 == 0) {
            kit.acr(tenant, "B", MONTHS[m], "3000000000.0" + m); // a wide measure
          }
        }
      }
    }
    return kit.build();
  }

  /**
   * The same dataset, its rows in direct buffers: read in place, as from a mapped snapshot; a
   * measure whose values all fit an int is held as ints, as a load holds it.
   */
  private static Dataset inPlace(Dataset heap) {
    DatasetColumns c = DatasetColumns.of(heap);
    LongBuffer[] wide = new LongBuffer[c.rowMeasures().length];
    IntBuffer[] narrow = new IntBuffer[c.rowNarrow().length];
    for (int k = 0; k < wide.length; k++) {
      long[] values = new long[heap.rowCount()];
      c.rowMeasures()[k].get(0, values);
      if (java.util.Arrays.stream(values).allMatch(v -> v == (int) v)) {
        narrow[k] =
            direct(
                IntBuffer.wrap(java.util.Arrays.stream(values).mapToInt(v -> (int) v).toArray()));
      } else {
        wide[k] = direct(c.rowMeasures()[k]);
      }
    }
    return new DatasetColumns(
            c.partnerIds(),
            c.customerIds(),
            c.customerNames(),
            c.customerTenantStart(),
            c.tenantIds(),
            c.tenantNames(),
            c.tenantPairStart(),
            c.workloadNames(),
            c.workloadFamilies(),
            c.typeNames(),
            c.pairWorkload(),
            c.pairRowStart(),
            c.pairRowEnd(),
            c.pairAssocStart(),
            direct(c.rowMonth()),
            wide,
            narrow,
            c.assocType(),
            c.assocStartMonth(),
            c.assocEndMonth(),
            c.customerColumns(),
            c.customerAttrNames(),
            c.customerAttrValues(),
            c.tenantColumns(),
            c.tenantAttrNames(),
            c.tenantAttrValues())
        .toDataset();
  }

  private static IntBuffer direct(IntBuffer b) {
    IntBuffer d =
        ByteBuffer.allocateDirect(4 * b.limit()).order(ByteOrder.nativeOrder()).asIntBuffer();
    d.put(b.duplicate().rewind()).flip();
    return d;
  }

  private static LongBuffer direct(LongBuffer b) {
    LongBuffer d =
        ByteBuffer.allocateDirect(8 * b.limit()).order(ByteOrder.nativeOrder()).asLongBuffer();
    d.put(b.duplicate().rewind()).flip();
    return d;
  }

  @Test
  void aDatasetOnTheHeapIsItsOwnForOneThread() {
    Dataset heap = onHeap();
    assertThat(heap.forOneThread()).isSameAs(heap);
  }

  @Test
  void everyRowReadsTheSameWhateverTheWindowHolds() {
    Dataset heap = onHeap();
    Dataset shared = inPlace(heap);
    Dataset mine = shared.forOneThread();
    assertThat(mine).isNotSameAs(shared);
    assertThat(heap.rowCount()).isGreaterThan(20);
    assertThat(DatasetColumns.of(mine).rowNarrow()[Measure.ACTIVE_USERS.ordinal()]).isNotNull();
    assertThat(DatasetColumns.of(mine).rowMeasures()[Measure.ACR_USD.ordinal()]).isNotNull();
    int[] order = {0, 1, 2, 3, 4, 5};
    // nothing held yet, then each range of customers, then one whose rows are far apart
    assertSameReads(heap, mine);
    for (int from = 0; from < order.length; from++) {
      for (int to = from; to <= order.length; to++) {
        mine.holdRowsOf(order, from, to);
        assertSameReads(heap, mine);
      }
    }
    mine.holdRowsOf(new int[] {0, 5}, 0, 2);
    assertSameReads(heap, mine);
  }

  private static void assertSameReads(Dataset heap, Dataset mine) {
    for (int r = 0; r < heap.rowCount(); r++) {
      assertThat(mine.rowMonth(r)).isEqualTo(heap.rowMonth(r));
      for (Measure m : Measure.values()) {
        assertThat(mine.rowValue(r, m)).as("row %d %s", r, m).isEqualTo(heap.rowValue(r, m));
      }
    }
    int first = Month.parse("2025-12");
    int last = Month.parse("2026-07");
    for (int p = 0; p < heap.pairCount(); p++) {
      for (int month = first; month <= last; month++) {
        assertThat(mine.row(p, month))
            .as("pair %d month %d", p, month)
            .isEqualTo(heap.row(p, month));
        assertThat(mine.firstRow(p, month)).isEqualTo(heap.firstRow(p, month));
      }
    }
  }
}
