package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.ir.Ir;
import org.junit.jupiter.api.Test;

class FormatsTest {
  @Test
  void money() {
    assertThat(Formats.money(1234567, 2)).isEqualTo("$12,345.67");
    assertThat(Formats.money(-49999, 2)).isEqualTo("-$499.99");
    assertThat(Formats.money(0, 2)).isEqualTo("$0.00");
    assertThat(Formats.money(100000000000L, 2)).isEqualTo("$1,000,000,000.00");
    // A product of money and a rate keeps its extra places rather than rounding them away.
    assertThat(Formats.money(12345, 3)).isEqualTo("$12.345");
    // Zero at a scale above 2 (a rate times nothing) is $0.00, not a failure to round.
    assertThat(Formats.money(0, 3)).isEqualTo("$0.00");
    assertThat(Formats.money(12300, 3)).isEqualTo("$12.30");
  }

  /**
   * The long arithmetic of money and numbers gives the text of the exact decimal way, for values at
   * every scale, around the powers of ten and at the ends of the range.
   */
  @Test
  void moneyAndNumbersAreTheTextOfTheExactDecimal() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(19);
    java.util.List<Long> values =
        new java.util.ArrayList<>(
            java.util.List.of(0L, 1L, -1L, 5L, 10L, 100L, 999L, 1000L, 1001L, Long.MAX_VALUE));
    values.add(Long.MIN_VALUE);
    values.add(Long.MIN_VALUE + 1);
    long p = 1;
    for (int k = 0; k < 19; k++, p *= 10) {
      values.addAll(java.util.List.of(p, -p, p - 1, p + 1, 5 * p, 1 - p));
    }
    for (int k = 0; k < 2000; k++) {
      values.add(random.nextLong() >> random.nextInt(64));
    }
    for (long v : values) {
      for (int scale = -2; scale <= 20; scale++) {
        java.math.BigDecimal d = java.math.BigDecimal.valueOf(v, scale);
        java.math.BigDecimal s = d.stripTrailingZeros();
        String digits = Formats.grouped(s.abs(), Math.max(2, s.scale()));
        assertThat(Formats.money(v, scale))
            .as("money %d at scale %d", v, scale)
            .isEqualTo((d.signum() < 0 ? "-$" : "$") + digits);
        assertThat(Formats.number(v, scale))
            .as("number %d at scale %d", v, scale)
            .isEqualTo(Formats.grouped(s, Math.max(0, s.scale())));
        boolean one = d.abs().compareTo(java.math.BigDecimal.ONE) == 0;
        assertThat(Formats.unit("tenants", v, scale))
            .as("unit of %d at scale %d", v, scale)
            .isEqualTo(one ? "tenant" : "tenants");
      }
    }
  }

  @Test
  void countsAndQuantitiesCarryTheirUnit() {
    assertThat(Formats.value(Ir.ValueKind.COUNT, "tenants", 3, 0)).isEqualTo("3 tenants");
    assertThat(Formats.value(Ir.ValueKind.COUNT, "tenants", 1, 0)).isEqualTo("1 tenant");
    assertThat(Formats.value(Ir.ValueKind.COUNT, "tenants", -1, 0)).isEqualTo("-1 tenant");
    assertThat(Formats.value(Ir.ValueKind.QUANTITY, "active_users", 420, 0))
        .isEqualTo("420 active users");
    assertThat(Formats.value(Ir.ValueKind.QUANTITY, "active_users", 12000, 0))
        .isEqualTo("12,000 active users");
    assertThat(Formats.value(Ir.ValueKind.NUMBER, "", 4, 1)).isEqualTo("0.4");
    assertThat(Formats.value(Ir.ValueKind.MONEY, "USD", 100, 2)).isEqualTo("$1.00");
  }

  @Test
  void growthIsExactAndRoundedToOneDecimal() {
    // hand-1 C1: 1000 against 500 + 999.99.
    assertThat(Formats.growth(Ir.ValueKind.MONEY, "USD", 100000, 149999, 2))
        .isEqualTo("-33.3% ($1,000.00/$1,499.99)");
    assertThat(Formats.growth(Ir.ValueKind.QUANTITY, "active_users", 420, 400, 0))
        .isEqualTo("5.0% (420/400 active users)");
    // 0.0333..% -> 0.0; exactly 0.05% -> 0.1 (half up); -0.05% -> -0.1.
    assertThat(Formats.growth(Ir.ValueKind.QUANTITY, "", 3001, 3000, 0))
        .isEqualTo("0.0% (3,001/3,000)");
    assertThat(Formats.growth(Ir.ValueKind.QUANTITY, "", 2001, 2000, 0))
        .isEqualTo("0.1% (2,001/2,000)");
    assertThat(Formats.growth(Ir.ValueKind.QUANTITY, "", 1999, 2000, 0))
        .isEqualTo("-0.1% (1,999/2,000)");
    // 0.005% -> 0.0; 0.05% -> 0.1.
    assertThat(Formats.growth(Ir.ValueKind.MONEY, "", 200010, 200000, 2))
        .isEqualTo("0.0% ($2,000.10/$2,000.00)");
    assertThat(Formats.growth(Ir.ValueKind.MONEY, "", 2001, 2000, 2))
        .isEqualTo("0.1% ($20.01/$20.00)");
    // Far beyond a double's exact range.
    assertThat(Formats.growth(Ir.ValueKind.MONEY, "", 900719925474099300L, 300000000000000000L, 2))
        .isEqualTo("200.2% ($9,007,199,254,740,993.00/$3,000,000,000,000,000.00)");
  }

  @Test
  void growthFromNothing() {
    assertThat(Formats.growth(Ir.ValueKind.MONEY, "USD", 500000, 0, 2))
        .isEqualTo("new ($5,000.00/$0.00)");
    assertThat(Formats.growth(Ir.ValueKind.QUANTITY, "active_users", 0, 0, 0))
        .isEqualTo("no change (0/0 active users)");
    assertThat(Formats.growth(Ir.ValueKind.MONEY, "USD", -1000, 0, 2)).isEqualTo("(-$10.00/$0.00)");
  }
}
