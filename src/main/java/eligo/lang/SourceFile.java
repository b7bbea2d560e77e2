package eligo.lang;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A criteria (or case) file's text and display name, with line lookup for diagnostics. Lines end at
 * LF, CRLF or a CR alone (old Mac files), as editors and the language server count them.
 */
public final class SourceFile {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  public SourceFile(String name, String text) {
    this.name = name;
    this.text = text;
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (endsLine(text, i)) {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Strict UTF-8 (malformed input is an error, not a replacement character); a leading byte-order
   * mark is dropped.
   */
  public static String decode(byte[] bytes) throws CharacterCodingException {
    if (utf16(bytes) != null) {
      // valid UTF-8 when its text is ASCII, but a NUL between every two characters
      throw new java.nio.charset.MalformedInputException(1);
    }
    String s =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /**
   * The error of {@code bytes}, a file named {@code name} that {@link #decode} refused: at the
   * first byte that is not UTF-8, with its line shown (bad bytes as replacement characters).
   */
  public static Diagnostic notUtf8(String name, byte[] bytes) {
    java.nio.charset.Charset utf16 = utf16(bytes);
    if (utf16 != null) {
      String shown = new String(bytes, utf16);
      if (shown.startsWith("\uFEFF")) {
        shown = shown.substring(1);
      }
      return Diagnostic.error(
          Span.at(new SourceFile(name, shown), 1, 1),
          "this file is saved as UTF-16, which is not valid UTF-8 text: save the file as UTF-8");
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(in, java.nio.CharBuffer.allocate(bytes.length + 1), true);
    int bad = in.position(); // the decoder stops at the first byte it cannot take
    String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
    if (before.startsWith("\uFEFF")) {
      before = before.substring(1);
    }
    String shown = new String(bytes, StandardCharsets.UTF_8);
    if (shown.startsWith("\uFEFF")) {
      shown = shown.substring(1);
    }
    int lineStart = before.lastIndexOf('\n') + 1;
    int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
    int column = 1 + before.codePointCount(lineStart, before.length());
    return Diagnostic.error(
        Span.at(new SourceFile(name, shown), line, column),
        String.format(
            "this file is not valid UTF-8 text: byte 0x%02X here is not part of a UTF-8"
                + " character; save the file as UTF-8",
            bad < bytes.length ? bytes[bad] & 0xff : bytes[bytes.length - 1] & 0xff));
  }

  /**
   * The UTF-16 encoding that {@code bytes} are in, by its byte-order mark or, without one, by a
   * zero byte in most pairs (ASCII text in UTF-16); null for any other text.
   */
  private static java.nio.charset.Charset utf16(byte[] bytes) {
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    int pairs = bytes.length / 2;
    int zeroOdd = 0;
    int zeroEven = 0;
    for (int i = 0; i + 1 < bytes.length; i += 2) {
      zeroEven += bytes[i] == 0 ? 1 : 0;
      zeroOdd += bytes[i + 1] == 0 ? 1 : 0;
    }
    if (pairs > 0 && zeroOdd * 2 > pairs && zeroEven == 0) {
      return StandardCharsets.UTF_16LE;
    }
    if (pairs > 0 && zeroEven * 2 > pairs && zeroOdd == 0) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }

  /** Whether the character at {@code i} ends a line: an LF, or a CR not followed by an LF. */
  private static boolean endsLine(String text, int i) {
    char c = text.charAt(i);
    return c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n');
  }

  /**
   * The text as the lexers read it: each CR alone made an LF (the same length, so offsets hold),
   * since an ANTLR lexer counts lines at LF only and would put a whole old Mac file on line 1.
   */
  public String lexed() {
    if (text.indexOf('\r') < 0) {
      return text;
    }
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == '\r' && endsLine(text, i)) {
        chars[i] = '\n';
      }
    }
    return new String(chars);
  }

  /** The name shown in diagnostics, e.g. {@code criteria/azure.criteria}. */
  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  public int lineCount() {
    return lineStarts.length;
  }

  /** The text of line {@code line} (1-based), without its line end. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return name;
  }
}
