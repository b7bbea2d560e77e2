package eligo.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageColumnsTest {
  @Test
  void columnsMadeAheadAreTakenByTheReadingOfTheSameSize() {
    UsageColumns usage = new UsageColumns();
    usage.prepareNarrow(1000);
    int[] month = usage.month;
    int[] first = usage.narrow[0];

    usage.allocateNarrow(1000, true);

    assertThat(usage.month).isSameAs(month).hasSize(1000);
    assertThat(usage.narrow[0]).isSameAs(first);
    assertThat(usage.measures[0]).isNull();
  }

  @Test
  void aReadingOfAnotherSizeOrASecondReadingGetsFreshColumns() {
    UsageColumns usage = new UsageColumns();
    usage.prepareNarrow(1000);
    int[] ahead = usage.month;

    usage.allocateNarrow(2000, true);
    assertThat(usage.month).isNotSameAs(ahead).hasSize(2000);

    int[] second = usage.month;
    usage.allocateNarrow(2000, false);
    assertThat(usage.month).as("taken once only").isNotSameAs(second);
  }

  @Test
  void droppedOrGeneralColumnsAreNotTakenLater() {
    UsageColumns usage = new UsageColumns();
    usage.prepareNarrow(100);
    usage.drop();
    usage.allocateNarrow(100, false);
    int[] fresh = usage.month;
    assertThat(fresh).hasSize(100);

    usage.prepareNarrow(50);
    usage.allocateGeneral(50);
    assertThat(usage.narrow[0]).isNull();
    assertThat(usage.measures[0]).hasSize(50);
    int[] general = usage.month;
    usage.allocateNarrow(50, true);
    assertThat(usage.month).isNotSameAs(general);
  }
}
