package eligo.editor;

import java.util.LinkedHashMap;
import java.util.Map;

/** The names every criteria file can use without declaring them, and what each means. */
final class Builtins {
  private Builtins() {}

  /** The measures of usage.csv, by the word criteria use. */
  static final Map<String, String> MEASURES = new LinkedHashMap<>();

  /** Months and month functions. */
  static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    MEASURES.put(
        "acr",
        "Azure consumed revenue (money, column acr_usd of usage.csv) for the tenant, workload and month in scope");
    MEASURES.put(
        "revenue",
        "billed revenue (money, column revenue_usd of usage.csv) for the tenant, workload and month in scope");
    MEASURES.put(
        "paid_units",
        "paid seats (a count, column paid_units of usage.csv) for the tenant, workload and month in scope");
    MEASURES.put(
        "active_users",
        "monthly active users (a count, column active_users of usage.csv) for the tenant, workload and month in scope");
    MEASURES.put(
        "protected_users",
        "protected users (a count, column protected_users of usage.csv) for the tenant, workload and month in scope");
    NAMES.put("M", "the as-of month of the evaluation; `M - 12` is a year earlier");
    NAMES.put("window", "the 24 months up to and including M");
    NAMES.put("TTM", "`TTM(M)`: the twelve months up to and including a month");
  }

  static String describe(String word) {
    if (MEASURES.containsKey(word)) {
      return "**measure** `" + word + "` (built in): " + MEASURES.get(word);
    }
    if (NAMES.containsKey(word)) {
      return "**built in** `" + word + "`: " + NAMES.get(word);
    }
    return null;
  }
}
