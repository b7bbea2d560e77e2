package eligo.data;

/**
 * The measures of usage.csv (DATA.md). Money is held as exact cents in a {@code long} (scale 2);
 * counts as plain {@code long}s (scale 0).
 */
public enum Measure {
  ACR_USD("acr_usd", true),
  REVENUE_USD("revenue_usd", true),
  PAID_UNITS("paid_units", false),
  ACTIVE_USERS("active_users", false),
  PROTECTED_USERS("protected_users", false);

  private final String column;
  private final boolean money;

  Measure(String column, boolean money) {
    this.column = column;
    this.money = money;
  }

  /** The usage.csv column name. */
  public String column() {
    return column;
  }

  /** Money is held in cents (scale 2); counts at scale 0. */
  public boolean isMoney() {
    return money;
  }

  /** Decimal places of the held {@code long}. */
  public int scale() {
    return money ? 2 : 0;
  }

  public static Measure byColumn(String column) {
    for (Measure m : values()) {
      if (m.column.equals(column)) {
        return m;
      }
    }
    return null;
  }
}
