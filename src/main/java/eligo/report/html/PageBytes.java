package eligo.report.html;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A page in UTF-8, made in a buffer each thread keeps for its next page: a site is thousands of
 * pages of tens of kilobytes each, and a new array per page, grown by copying as it fills, cost
 * their allocation, their copies and the collections that follow. Text of ASCII alone, most of a
 * page, is copied character by character rather than encoded into an array of its own first.
 */
public final class PageBytes {
  /** A thread's buffer to begin with; grown as a page needs. */
  private static final int START = 1 << 16;

  /** A buffer grown beyond this (a CSV of a large site) is not kept for the next page. */
  private static final int KEEP = 1 << 22;

  /** Text shorter than this is copied char by char; longer, encoded by the JDK's array code. */
  private static final int SHORT = 48;

  private static final ThreadLocal<PageBytes> BUFFERS =
      ThreadLocal.withInitial(() -> new PageBytes(START));

  byte[] bytes;
  int size;

  PageBytes(int capacity) {
    bytes = new byte[capacity];
  }

  /**
   * The UTF-8 bytes of {@code page}, in this thread's buffer: valid until this thread makes its
   * next page, so written before that.
   */
  public static ByteBuffer of(Html page) {
    PageBytes out = BUFFERS.get();
    out.size = 0;
    page.appendTo(out);
    return out.done();
  }

  /** The UTF-8 bytes of {@code text}, in this thread's buffer, as {@link #of(Html)}. */
  public static ByteBuffer of(String text) {
    PageBytes out = BUFFERS.get();
    out.size = 0;
    out.add(text);
    return out.done();
  }

  /**
   * This thread's buffer, emptied, for a file made piece by piece ({@link #add(String)}, {@link
   * #add(byte[])}, {@link #room(int)}) and taken with {@link #done()}: valid until this thread
   * makes its next page.
   */
  public static PageBytes start() {
    PageBytes out = BUFFERS.get();
    out.size = 0;
    return out;
  }

  /**
   * A buffer of its own, for a page made piece by piece as {@link #start} gives, kept apart from
   * this thread's buffer: for a page given as text ({@link #text}) rather than written.
   */
  public static PageBytes unshared() {
    return new PageBytes(START);
  }

  /** The bytes made, as text (UTF-8). */
  public String text() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  /** A copy of the bytes made from {@code from} on. */
  public byte[] copy(int from) {
    return Arrays.copyOfRange(bytes, from, size);
  }

  /** Whether the {@code n} bytes made from {@code a} on are those from {@code b} on. */
  public boolean sameBytes(int a, int b, int n) {
    return Arrays.equals(bytes, a, a + n, bytes, b, b + n);
  }

  /** The bytes made so far. */
  public int size() {
    return size;
  }

  /** Ends the bytes at {@code size}: after bytes written into {@link #room(int)}'s array. */
  public void size(int size) {
    this.size = size;
  }

  /** The bytes made, as {@link #of(Html)} gives them. */
  public ByteBuffer done() {
    ByteBuffer page = ByteBuffer.wrap(bytes, 0, size);
    if (bytes.length > KEEP) {
      bytes = new byte[START]; // the page keeps the large one until it is written
    }
    return page;
  }

  /**
   * The buffer, with room for {@code n} more bytes from {@link #size()} on: the caller writes them
   * there and then sets {@link #size(int)}.
   */
  public byte[] room(int n) {
    if (size + n > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + n, bytes.length + (bytes.length >> 1)));
    }
    return bytes;
  }

  /** Adds the markup of {@code h}. */
  public void add(Html h) {
    h.appendTo(this);
  }

  /** Adds {@code b}, whole. */
  public void add(byte[] b) {
    int n = b.length;
    int at = size;
    byte[] out = bytes;
    if (at + n > out.length) {
      out = room(n);
    }
    System.arraycopy(b, 0, out, at, n);
    size = at + n;
  }

  /** Adds {@code s} in UTF-8. */
  public void add(String s) {
    int n = s.length();
    if (n < SHORT) {
      room(n);
      byte[] out = bytes;
      int at = size;
      for (int i = 0; i < n; i++) {
        char ch = s.charAt(i);
        if (ch >= 0x80) {
          size = at;
          add(s.substring(i).getBytes(StandardCharsets.UTF_8));
          return;
        }
        out[at++] = (byte) ch;
      }
      size = at;
      return;
    }
    add(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The escaped texts this buffer saw last, made when it first adds a text. */
  private EscapedTexts texts;

  /**
   * Adds {@code text} escaped as {@link Html#escape} does ({@link Html#escapeText} when not {@code
   * apostrophe}), in UTF-8: the same bytes as the escaped string's, made with no string of its own
   * ({@link EscapedTexts}).
   */
  public void addText(String text, boolean apostrophe) {
    EscapedTexts t = texts;
    if (t == null) {
      t = texts = new EscapedTexts();
    }
    t.add(this, text, apostrophe);
  }

  /** Adds the decimal digits of {@code number}, a minus sign before them when negative. */
  public void addDigits(long number) {
    if (number < 0) {
      if (number == Long.MIN_VALUE) {
        add(Long.toString(number));
        return;
      }
      add(MINUS);
      number = -number;
    }
    byte[] out = room(19);
    int digits = 1;
    for (long rest = number / 10; rest > 0; rest /= 10) {
      digits++;
    }
    int at = size + digits;
    do {
      out[--at] = (byte) ('0' + (int) (number % 10));
      number /= 10;
    } while (number > 0);
    size += digits;
  }

  private static final byte[] MINUS = {'-'};

  /**
   * Puts quotes around the attribute value written from {@code from} on, unless it is {@link
   * Html#bare}: one or more bytes of {@code A-Z a-z 0-9 - _ . : # / ~ +} (a byte of a character
   * beyond ASCII is none of them).
   */
  void quoteUnlessBare(int from) {
    int end = size;
    boolean bare = end > from;
    byte[] b = bytes;
    for (int i = from; i < end && bare; i++) {
      bare = Html.bareChar(b[i]); // a negative byte (of a character beyond ASCII) is not bare
    }
    if (bare) {
      return;
    }
    b = room(2);
    System.arraycopy(b, from, b, from + 1, end - from);
    b[from] = '"';
    b[end + 1] = '"';
    size = end + 2;
  }
}
