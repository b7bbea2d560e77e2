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
