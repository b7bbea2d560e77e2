package eligo.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names of the site from ids: stable from run to run (a link to a customer's page still leads
 * to that customer after the next run), safe as a path segment and in a URL, and collision-free,
 * even on a file system that ignores case and for ids that differ only in characters outside {@code
 * [A-Za-z0-9]}.
 *
 * <p>The encoding: {@code a-z}, {@code 0-9} and {@code -} stay; an upper-case letter becomes {@code
 * _} and the letter in lower case; every other character becomes {@code ~}, its code point in
 * lower-case hex, and {@code ~}. So {@code C0001} is {@code _c0001}, {@code c0001} stays, and
 * {@code a.b} is {@code a~2e~b}: different ids give different names, and no name is {@code .},
 * {@code ..} or starts with a dot. An encoding longer than {@value #MAX} characters is cut and
 * ended with {@code +} and the SHA-256 of the id ({@code +} appears in no other encoding).
 */
public final class SiteNames {
  private SiteNames() {}

  static final int MAX = 120;

  /** The id as a file name part (without extension). */
  public static String of(String id) {
    StringBuilder out = new StringBuilder(id.length() + 8);
    if (id.isEmpty()) {
      return "~~";
    }
    for (int i = 0; i < id.length(); ) {
      int cp = id.codePointAt(i);
      i += Character.charCount(cp);
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-') {
        out.append((char) cp);
      } else if (cp >= 'A' && cp <= 'Z') {
        out.append('_').append((char) (cp - 'A' + 'a'));
      } else {
        out.append('~').append(Integer.toHexString(cp)).append('~');
      }
    }
    if (out.length() <= MAX) {
      return out.toString();
    }
    return out.substring(0, MAX - 65) + "+" + sha256(id);
  }

  /** The longest file name the site writes: file systems allow 255 bytes. */
  static final int MAX_FILE = 200;

  /**
   * {@code name}, a file name joined from encoded ids (a list page's: area, node, group, page),
   * kept within {@value #MAX_FILE} characters: a longer one is cut and ended with {@code +} and the
   * SHA-256 of the whole name, before its extension {@code ext}.
   */
  static String fileName(String name, String ext) {
    if (name.length() + ext.length() <= MAX_FILE) {
      return name + ext;
    }
    return name.substring(0, MAX_FILE - 65 - ext.length()) + "+" + sha256(name) + ext;
  }

  /** {@link #of} of the criteria's ids, by id: the same few hundred for every partner's site. */
  private static final java.util.Map<String, String> CRITERIA_IDS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@link #of} of an id of the criteria (an area's, a node's), kept: a site per partner names the
   * same areas and nodes for each of thousands of partners. At most 4,096 are kept (a server whose
   * criteria change starts again), so it holds no id of the data.
   */
  static String ofCriteria(String id) {
    String name = CRITERIA_IDS.get(id);
    if (name == null) {
      if (CRITERIA_IDS.size() >= 4096) {
        CRITERIA_IDS.clear();
      }
      name = of(id);
      CRITERIA_IDS.put(id, name);
    }
    return name;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
