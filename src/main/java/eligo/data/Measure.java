package eligo.data;

/**
 * The measures of usage.csv (DATA.md). Money is held as exact cents in a {@code long} (scale 2);
 * counts as plain {@code long}s (scale 0).
 */
public enum Measure {
  ACR_USD("acr_usd", "acr", true),
  REVENUE_USD("revenue_usd", "revenue", true),
  PAID_UNITS("paid_units", "paid_units", false),
  ACTIVE_USERS("active_users", "active_users", false),
  PROTECTED_USERS("protected_users", "protected_users", false);

  private final String column;
  private final String word;
  private final boolean money;

  Measure(String column, String word, boolean money) {
    this.column = column;
    this.word = word;
    this.money = money;
  }

  /** The short word criteria and case files use ({@code acr}); the column name is accepted too. */
  public String word() {
    return word;
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

  /** The measure a word or column name stands for ({@code acr} or {@code acr_usd}), or null. */
  public static Measure byName(String name) {
    for (Measure m : values()) {
      if (m.word.equals(name) || m.column.equals(name)) {
        return m;
      }
    }
    return null;
  }

  /** Every accepted name: each measure's word, then its column name when different. */
  public static java.util.List<String> names() {
    java.util.List<String> out = new java.util.ArrayList<>();
    for (Measure m : values()) {
      out.add(m.word);
      if (!m.column.equals(m.word)) {
        out.add(m.column);
      }
    }
    return out;
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
