package eligo.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactTest {
  @Test
  void aHalfGoesToTheEvenNeighbour() {
    assertThat(Exact.divideHalfEven(1_200_006, 12)).isEqualTo(100_000); // 1,000.005 -> 1,000.00
    assertThat(Exact.divideHalfEven(1_200_018, 12)).isEqualTo(100_002); // 1,000.015 -> 1,000.02
    assertThat(Exact.divideHalfEven(5, 2)).isEqualTo(2);
    assertThat(Exact.divideHalfEven(7, 2)).isEqualTo(4);
    assertThat(Exact.divideHalfEven(-5, 2)).isEqualTo(-2);
    assertThat(Exact.divideHalfEven(-7, 2)).isEqualTo(-4);
    assertThat(Exact.divideHalfEven(-7, 3)).isEqualTo(-2);
  }

  @Test
  void nothingAveragesToZero() {
    assertThat(Exact.divideHalfEven(0, 0)).isZero();
    assertThat(Exact.divideHalfEven(123, 0)).isZero();
    assertThatThrownBy(() -> Exact.divideHalfEven(1, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itAgreesWithBigDecimalHalfEven() {
    Random random = new Random(14);
    long[] edges = {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1};
    for (int i = 0; i < 20_000; i++) {
      long total = i < edges.length ? edges[i] : random.nextLong() >> random.nextInt(63);
      long count = i % 7 == 0 ? Long.MAX_VALUE - random.nextInt(3) : 1 + random.nextInt(1000);
      long expected =
          BigDecimal.valueOf(total)
              .divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_EVEN)
              .longValueExact();
      assertThat(Exact.divideHalfEven(total, count))
          .as("%d / %d", total, count)
          .isEqualTo(expected);
    }
  }
}
