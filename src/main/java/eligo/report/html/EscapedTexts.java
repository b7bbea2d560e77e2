package eligo.report.html;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text escaped into a page's bytes ({@link PageBytes#addText}): {@code & < > "} (and {@code '} when
 * asked) as character references, the rest in UTF-8, byte for byte what {@link Html#escape} (or
 * {@link Html#escapeText}) gives, encoded as {@link String#getBytes} does (a surrogate not in a
 * pair as {@code ?}).
 *
 * <p>A page is mostly text (a customer's page: 2.8 KB of its 4 KB), and much of it is the same
 * string again (a node's title, an outcome's words, a reason the explainer kept): 80% of the texts
 * of the customers' pages of 150 partners, 60% of their characters. So the escaped bytes of a
 * string met a second time are kept, by the string's identity (a string never changes), in a table
 * of the buffer's own: a third meeting copies them. A string met once is only noted, in a table of
 * its own, not copied. Text is looked over in its Latin-1 bytes, which the JDK copies in one go,
 * rather than char by char: under C1 alone a call per character is most of what escaping costs.
 */
final class EscapedTexts {
  /** Slots of the table (a power of two). */
  private static final int SLOTS = 1 << 12;

  /** Texts shorter than this are escaped char by char, never kept. */
  private static final int SHORT = 8;

  /**
   * Texts met twice, with their escaped bytes: {@code kept[slot]} escaped is {@code bytes[slot]}.
   */
  private final String[] kept = new String[SLOTS];

  private final boolean[] keptApostrophe = new boolean[SLOTS];
  private final byte[][] bytes = new byte[SLOTS][];

  /**
   * Texts met once, by the same slots: a text used once (most of a customer's whys) takes the slot
   * of another such text, never that of a text kept.
   */
  private final String[] once = new String[SLOTS];

  void add(PageBytes out, String text, boolean apostrophe) {
    if (text.length() < SHORT) {
      addShort(out, text, apostrophe);
      return;
    }
    int slot = System.identityHashCode(text) & (SLOTS - 1);
    if (kept[slot] == text && keptApostrophe[slot] == apostrophe) {
      out.add(bytes[slot]);
      return;
    }
    int from = out.size;
    addLong(out, text, apostrophe);
    if (once[slot] == text) {
      kept[slot] = text;
      keptApostrophe[slot] = apostrophe;
      bytes[slot] = Arrays.copyOfRange(out.bytes, from, out.size);
      once[slot] = null;
    } else {
      once[slot] = text;
    }
  }

  private static void addShort(PageBytes out, String text, boolean apostrophe) {
    int n = text.length();
    byte[] b = out.room(n);
    int at = out.size;
    boolean[] special = apostrophe ? SPECIAL_APOSTROPHE : SPECIAL;
    for (int i = 0; i < n; i++) {
      char ch = text.charAt(i);
      if (ch >= 0x80 || special[ch]) {
        out.size = at;
        addFrom(out, text, i, apostrophe);
        return;
      }
      b[at++] = (byte) ch;
    }
    out.size = at;
  }

  /**
   * Looks for what to escape in the text's Latin-1 bytes, where a character beyond Latin-1 is
   * {@code ?}: up to the first byte that is not plain ASCII (or is {@code ?}), they are the text's
   * bytes; from there on the text is escaped char by char.
   */
  private static void addLong(PageBytes out, String text, boolean apostrophe) {
    byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
    int n = latin1.length;
    int i = 0;
    boolean[] special = apostrophe ? SPECIAL_APOSTROPHE : SPECIAL;
    if (n == text.length()) { // else a character outside the basic plane: one '?' for two chars
      for (; i < n; i++) {
        byte ch = latin1[i];
        if (ch <= '?' && (ch < 0 || ch == '?' || special[ch])) {
          break;
        }
      }
    }
    byte[] b = out.room(i);
    System.arraycopy(latin1, 0, b, out.size, i);
    out.size += i;
    if (i < text.length()) {
      addFrom(out, text, i, apostrophe);
    }
  }

  private static boolean special(char ch, boolean apostrophe) {
    return ch == '&' || ch == '<' || ch == '>' || ch == '"' || (ch == '\'' && apostrophe);
  }

  /**
   * {@link #special} of each ASCII character, without and with {@code '}: looked up, since under C1
   * a call per character is most of what looking a text over costs.
   */
  private static final boolean[] SPECIAL = new boolean[128];

  private static final boolean[] SPECIAL_APOSTROPHE = new boolean[128];

  static {
    for (char ch = 0; ch < 128; ch++) {
      SPECIAL[ch] = special(ch, false);
      SPECIAL_APOSTROPHE[ch] = special(ch, true);
    }
  }

  /** Adds {@code text} from {@code from} on, every character escaped and encoded here. */
  private static void addFrom(PageBytes out, String text, int from, boolean apostrophe) {
    int n = text.length();
    byte[] b = out.room(6 * (n - from)); // &quot; is the longest a char becomes
    int at = out.size;
    for (int i = from; i < n; i++) {
      char ch = text.charAt(i);
      if (ch < 0x80) {
        switch (ch) {
          case '&' -> at = put(b, at, AMP);
          case '<' -> at = put(b, at, LT);
          case '>' -> at = put(b, at, GT);
          case '"' -> at = put(b, at, QUOT);
          case '\'' -> {
            if (apostrophe) {
              at = put(b, at, APOS);
            } else {
              b[at++] = (byte) ch;
            }
          }
          default -> b[at++] = (byte) ch;
        }
      } else if (ch < 0x800) {
        b[at++] = (byte) (0xc0 | (ch >> 6));
        b[at++] = (byte) (0x80 | (ch & 0x3f));
      } else if (Character.isSurrogate(ch)) {
        char low = i + 1 < n ? text.charAt(i + 1) : 0;
        if (Character.isHighSurrogate(ch) && Character.isLowSurrogate(low)) {
          int cp = Character.toCodePoint(ch, low);
          b[at++] = (byte) (0xf0 | (cp >> 18));
          b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
          b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
          b[at++] = (byte) (0x80 | (cp & 0x3f));
          i++;
        } else {
          b[at++] = '?';
        }
      } else {
        b[at++] = (byte) (0xe0 | (ch >> 12));
        b[at++] = (byte) (0x80 | ((ch >> 6) & 0x3f));
        b[at++] = (byte) (0x80 | (ch & 0x3f));
      }
    }
    out.size = at;
  }

  private static final byte[] AMP = {'&', 'a', 'm', 'p', ';'};
  private static final byte[] LT = {'&', 'l', 't', ';'};
  private static final byte[] GT = {'&', 'g', 't', ';'};
  private static final byte[] QUOT = {'&', 'q', 'u', 'o', 't', ';'};
  private static final byte[] APOS = {'&', '#', '3', '9', ';'};

  private static int put(byte[] out, int at, byte[] entity) {
    System.arraycopy(entity, 0, out, at, entity.length);
    return at + entity.length;
  }
}
