package eligo.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.IntBuffer;
import org.junit.jupiter.api.Test;

class UsageMonthsTest {
  private static final int JAN = Month.of(2025, 1);
  private static final int FEB = Month.of(2025, 2);
  private static final int MAR = Month.of(2025, 3);
  private static final int APR = Month.of(2025, 4);

  private static UsageMonths of(int... months) {
    return UsageMonths.of(IntBuffer.wrap(months));
  }

  @Test
  void theEndsAndTheirNeighboursInAnyRowOrder() {
    assertThat(of(MAR, JAN, APR, MAR, FEB, JAN)).isEqualTo(new UsageMonths(APR, MAR, FEB, JAN));
    assertThat(of(APR, JAN)).isEqualTo(new UsageMonths(APR, JAN, APR, JAN));
    assertThat(of(FEB, FEB)).isEqualTo(new UsageMonths(FEB, Month.NONE, Month.NONE, FEB));
    assertThat(of()).isEqualTo(new UsageMonths(Month.NONE, Month.NONE, Month.NONE, Month.NONE));
  }

  @Test
  void rowsScannedInPiecesGiveTheMonthsOfAllTheRows() {
    int[] rows = {MAR, JAN, APR, MAR, FEB, JAN, Month.NONE};
    UsageMonths all = of(MAR, JAN, APR, MAR, FEB, JAN);
    for (int cut = 0; cut <= rows.length; cut++) {
      UsageMonths.Scan first = new UsageMonths.Scan();
      UsageMonths.Scan second = new UsageMonths.Scan();
      for (int r = 0; r < rows.length; r++) {
        (r < cut ? first : second).add(rows[r]); // a row without a month is left out
      }
      UsageMonths.Scan joined = new UsageMonths.Scan();
      joined.addAll(first.months());
      joined.addAll(second.months());
      joined.addAll(second.months()); // a piece counted twice (a task run again)
      assertThat(joined.months()).as("cut at %d", cut).isEqualTo(all);
    }
    assertThat(new UsageMonths.Scan().months()).isEqualTo(of());
  }

  @Test
  void onlyWhatAScanCanFindIsPlausible() {
    for (UsageMonths found : new UsageMonths[] {of(MAR, JAN, APR), of(APR, JAN), of(FEB), of()}) {
      assertThat(found.plausible()).as(found.toString()).isTrue();
    }
    assertThat(new UsageMonths(JAN, FEB, MAR, APR).plausible()).isFalse(); // upside down
    assertThat(new UsageMonths(APR, APR, FEB, JAN).plausible()).isFalse(); // before = latest
    assertThat(new UsageMonths(APR, MAR, JAN, JAN).plausible()).isFalse(); // after = earliest
    assertThat(new UsageMonths(APR, Month.NONE, FEB, JAN).plausible()).isFalse();
    assertThat(new UsageMonths(APR, Month.NONE, Month.NONE, JAN).plausible()).isFalse();
    assertThat(new UsageMonths(Month.NONE, Month.NONE, Month.NONE, JAN).plausible()).isFalse();
  }

  @Test
  void aDatasetGivenItsMonthsDoesNotScanForThem() {
    Dataset scanned =
        new DatasetKit()
            .types("PAL")
            .workload("A", "F")
            .customer("P1", "C1")
            .tenant("C1", "T1")
            .acr("T1", "A", "2026-09", "10.50")
            .acr("T1", "A", "2026-07", "1")
            .build();
    assertThat(scanned.usageMonths())
        .isEqualTo(
            new UsageMonths(
                Month.of(2026, 9), Month.of(2026, 7), Month.of(2026, 9), Month.of(2026, 7)));
    UsageMonths given = new UsageMonths(APR, MAR, FEB, JAN);
    Dataset kept = DatasetColumns.of(scanned).toDataset(Dataset.Backing.NONE, given);
    assertThat(kept.usageMonths()).isEqualTo(given).isNotEqualTo(scanned.usageMonths());
    assertThat(kept.latestUsageMonth()).isEqualTo(APR);
    assertThat(kept.earliestUsageMonth()).isEqualTo(JAN);
  }
}
