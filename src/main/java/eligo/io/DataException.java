package eligo.io;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The dataset could not be loaded: every error found, in file order then line order. */
public final class DataException extends Exception {
  /** How many errors the message lists; {@link #errors()} always holds all of them. */
  public static final int MESSAGE_LIMIT = 100;

  private final transient List<DataError> errors;
  private final transient Map<String, LoadResult.TypeUse> typesInData;

  public DataException(List<DataError> errors) {
    this(errors, Map.of());
  }

  /**
   * @param typesInData the association type texts of associations.csv, with their rows
   */
  public DataException(List<DataError> errors, Map<String, LoadResult.TypeUse> typesInData) {
    super(message(errors));
    this.errors = List.copyOf(errors);
    this.typesInData = Collections.unmodifiableMap(new TreeMap<>(typesInData));
  }

  /** The association type texts of associations.csv ({@link LoadResult#typesInData}). */
  public Map<String, LoadResult.TypeUse> typesInData() {
    return typesInData;
  }

  /** All errors found (not capped). */
  public List<DataError> errors() {
    return errors;
  }

  private static String message(List<DataError> errors) {
    StringBuilder sb = new StringBuilder();
    sb.append(errors.size() == 1 ? "1 error" : errors.size() + " errors")
        .append(" in the dataset:");
    int shown = Math.min(errors.size(), MESSAGE_LIMIT);
    for (int i = 0; i < shown; i++) {
      sb.append('\n').append(errors.get(i).format());
    }
    if (errors.size() > shown) {
      sb.append("\n... and ").append(errors.size() - shown).append(" more");
    }
    return sb.toString();
  }
}
