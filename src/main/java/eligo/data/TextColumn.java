package eligo.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A column of texts, held either as strings or as the UTF-8 bytes of all of them one after the
 * other, made a string only when one is asked for. The customers' and tenants' names and the
 * tenants' ids are such columns: a run shows them only for the customers it explains, and a million
 * customers' 4.2 million of them held as strings are 4.2 million objects the collector copies while
 * a snapshot is read (as bytes: two arrays a column). The bytes may also be read in place from a
 * buffer, such as one mapped from a snapshot file: then they stay in the page cache instead of
 * being copied into memory of the heap touched for the first time.
 */
public final class TextColumn {
  private final String[] texts; // or null
  private final byte[] utf8; // texts one after the other, when texts is null
  private final ByteBuffer bytes; // or there, from 0, when texts and utf8 are null
  private final int[] ends; // text i is utf8[ends[i - 1] .. ends[i]), from 0 for the first

  private TextColumn(String[] texts, byte[] utf8, ByteBuffer bytes, int[] ends) {
    this.texts = texts;
    this.utf8 = utf8;
    this.bytes = bytes;
    this.ends = ends;
  }

  /** The column of {@code texts} (the array itself, not a copy). */
  public static TextColumn of(String[] texts) {
    return new TextColumn(texts, null, null, null);
  }

  /**
   * The column of the texts in {@code utf8}, text {@code i} ending before {@code ends[i]} (and
   * starting at the end of the one before, the first at 0).
   *
   * @throws IllegalArgumentException when the ends go back or beyond the bytes
   */
  public static TextColumn utf8(byte[] utf8, int[] ends) {
    checkEnds(ends, utf8.length);
    return new TextColumn(null, utf8, null, ends);
  }

  /**
   * {@link #utf8(byte[], int[])} with the bytes read in place from {@code utf8}, from 0 to its
   * limit (never change them afterwards).
   */
  public static TextColumn utf8(ByteBuffer utf8, int[] ends) {
    ByteBuffer bytes = utf8.duplicate().clear().limit(utf8.limit());
    checkEnds(ends, bytes.limit());
    return new TextColumn(null, null, bytes, ends);
  }

  private static void checkEnds(int[] ends, int length) {
    int from = 0;
    for (int end : ends) {
      if (end < from || end > length) {
        throw new IllegalArgumentException("text ends out of order or beyond the bytes");
      }
      from = end;
    }
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
    if (utf8 != null) {
      return new String(utf8, from, ends[i] - from, StandardCharsets.UTF_8);
    }
    byte[] b = new byte[ends[i] - from];
    bytes.get(from, b);
    return new String(b, StandardCharsets.UTF_8);
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
