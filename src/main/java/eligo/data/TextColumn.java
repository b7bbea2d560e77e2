package eligo.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A column of texts, held either as strings or as the UTF-8 bytes of all of them one after the
 * other, made a string only when one is asked for. The customers' and tenants' names and the
 * tenants' ids are such columns: a run shows them only for the customers it explains, and a million
 * customers' 4.2 million of them held as strings are 4.2 million objects the collector copies while
 * a snapshot is read (as bytes: two arrays a column).
 */
public final class TextColumn {
  private final String[] texts; // or null
  private final byte[] utf8; // texts one after the other, when texts is null
  private final int[] ends; // text i is utf8[ends[i - 1] .. ends[i]), from 0 for the first

  private TextColumn(String[] texts, byte[] utf8, int[] ends) {
    this.texts = texts;
    this.utf8 = utf8;
    this.ends = ends;
  }

  /** The column of {@code texts} (the array itself, not a copy). */
  public static TextColumn of(String[] texts) {
    return new TextColumn(texts, null, null);
  }

  /**
   * The column of the texts in {@code utf8}, text {@code i} ending before {@code ends[i]} (and
   * starting at the end of the one before, the first at 0).
   *
   * @throws IllegalArgumentException when the ends go back or beyond the bytes
   */
  public static TextColumn utf8(byte[] utf8, int[] ends) {
    int from = 0;
    for (int end : ends) {
      if (end < from || end > utf8.length) {
        throw new IllegalArgumentException("text ends out of order or beyond the bytes");
      }
      from = end;
    }
    return new TextColumn(null, utf8, ends);
  }

  public int size() {
    return texts != null ? texts.length : ends.length;
  }

  /** Text {@code i}. */
  public String get(int i) {
    if (texts != null) {
      return texts[i];
    }
    int from = i == 0 ? 0 : ends[i - 1];
    return new String(utf8, from, ends[i] - from, StandardCharsets.UTF_8);
  }

  /** Every text, as strings. */
  public String[] toArray() {
    if (texts != null) {
      return texts.clone();
    }
    String[] all = new String[ends.length];
    Arrays.setAll(all, this::get);
    return all;
  }
}
