package eligo.report;

/**
 * The class name of an outcome or group in the site's markup ({@code site.css} colours it, {@code
 * site.js} filters by it): short, since every row of a customer's section and every cell of the
 * lists carries one. The keys themselves ({@code not_met}, ...) stay in the links' fragments, the
 * CSV files and the JSON documents.
 */
final class OutcomeClass {
  private OutcomeClass() {}

  /** The class of outcome or group key {@code key}. */
  static String of(String key) {
    return switch (key) {
      case "met" -> "m";
      case "not_met" -> "nm";
      case "not_evaluated" -> "ne";
      case "growth" -> "g";
      case "decline" -> "d";
      case "no_change" -> "nc";
      default -> throw new IllegalArgumentException("no class for outcome " + key);
    };
  }
}
