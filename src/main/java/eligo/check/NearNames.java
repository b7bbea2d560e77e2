package eligo.check;

import eligo.lang.Diagnostics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data's names near a name of the criteria, for {@link DataBinding}: the closest ones by edit
 * distance or as a word, and those it misspells, each compared in a folded form (lower case, runs
 * of white space as one space) and cut off early once past its limit.
 */
final class NearNames {
  private NearNames() {}

  /**
   * Names of the data with their folded forms ({@link #fold}), made once however many names of the
   * criteria are held against them; and the first name (in code point order) of each folded form.
   */
  static final class Known {
    final String[] names;
    final String[] folded;
    final Map<String, String> firstByFold = new java.util.HashMap<>();

    Known(Collection<String> known) {
      names = known.toArray(String[]::new);
      folded = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        folded[i] = fold(names[i]);
        firstByFold.merge(folded[i], names[i], (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
  }

  /**
   * A misspelling, an error: a name of 4 characters or more that the data lacks, one edit from a
   * name of the data (two for a name of 10 or more): {@code "Intunes"} when the data hold "Intune",
   * {@code family "Azur"}. Such a pair is not two workloads a dataset may hold one of: no two names
   * of 4 characters or more that DATA.md, CRITERIA.md, the conformance sets and the sample use are
   * that close (a name the data lack further off, {@code "Virtual Machine Licenses"} beside
   * "Virtual Machines", stays a warning). Of {@code close}, the data's names closest to it (which
   * hold every name that near), those it misspells; none when it is not a misspelling.
   */
  static List<String> misspelt(String name, List<String> close) {
    String n = fold(name);
    if (n.length() < 4) {
      return List.of();
    }
    int limit = n.length() >= 10 ? 2 : 1;
    List<String> meant = new ArrayList<>();
    for (String c : close) {
      if (distanceWithin(n, fold(c), limit) <= limit) {
        meant.add(c);
      }
    }
    meant.sort(null);
    return meant;
  }

  /**
   * Up to {@code most} names of {@code known} near {@code name}: within an edit distance of a third
   * of its length (at least 2), or holding it or held by it as a word; nearest first.
   */
  static List<String> closest(String name, Collection<String> known, int most) {
    return closest(name, new Known(known), most, true);
  }

  /**
   * As {@link #closest(String, Collection, int)}: a name whose length differs by more than the
   * limit is not within it, and the edit distance of the others stops once it passes the limit, so
   * a catalog of a million names is gone through in a fraction of a second.
   */
  static List<String> closest(String name, Known known, int most, boolean words) {
    String n = fold(name);
    int limit = Math.max(2, n.length() / 3);
    record Scored(String name, int score) {}
    List<Scored> scored = new ArrayList<>();
    int[] counts = new int[64]; // n's characters by bucket, less those of the name looked at
    for (int k = 0; k < n.length(); k++) {
      counts[n.charAt(k) & 63]++;
    }
    for (int i = 0; i < known.names.length; i++) {
      String f = known.folded[i];
      boolean contains =
          words && f.length() >= 3 && n.length() >= 3 && (n.contains(f) || f.contains(n));
      int d =
          contains
              ? Diagnostics.distance(n, f)
              : Math.abs(f.length() - n.length()) > limit
                      || (differentCharacters(counts, n.length(), f) + 1) / 2 > limit
                  ? limit + 1
                  : distanceWithin(n, f, limit);
      if (d <= limit || contains) {
        scored.add(new Scored(known.names[i], d));
      }
    }
    scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::name));
    return scored.stream().limit(most).map(Scored::name).toList();
  }

  /**
   * How many characters {@code f} and the name counted in {@code counts} ({@code length} of them,
   * by bucket {@code ch & 63}) do not share: an edit changes it by at most 2 (a swap not at all),
   * so half of it is a lower bound of their edit distance. {@code counts} is left as it was.
   */
  private static int differentCharacters(int[] counts, int length, String f) {
    int differ = length;
    for (int k = 0; k < f.length(); k++) {
      int b = f.charAt(k) & 63;
      differ += counts[b] > 0 ? -1 : 1;
      counts[b]--;
    }
    for (int k = 0; k < f.length(); k++) {
      counts[f.charAt(k) & 63]++;
    }
    return differ;
  }

  /**
   * {@link Diagnostics#distance} of {@code a} and {@code b} (folded already) when it is at most
   * {@code limit}, else some number above {@code limit}: the rows stop once every cell of one row,
   * and of the row before it (a swap reaches back two rows), is above the limit.
   */
  static int distanceWithin(String a, String b, int limit) {
    int[] before = new int[b.length() + 1];
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    int prevMin = 0;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      int min = cur[0];
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          cur[j] = Math.min(cur[j], before[j - 2] + 1);
        }
        min = Math.min(min, cur[j]);
      }
      if (min > limit && prevMin > limit) {
        return limit + 1;
      }
      prevMin = min;
      int[] t = before;
      before = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /** Lower case with runs of white space as one space, trimmed: what a reader takes as the same. */
  static String fold(String s) {
    String t = s.strip();
    for (int i = 0; i < t.length(); i++) {
      // a regular expression only for a name that has a run of white space or another kind of it
      if (isSpace(t.charAt(i)) && (t.charAt(i) != ' ' || isSpace(t.charAt(i + 1)))) {
        return SPACES.matcher(t).replaceAll(" ").toLowerCase(Locale.ROOT);
      }
    }
    return t.toLowerCase(Locale.ROOT);
  }

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  /** Whether {@code ch} is white space as the regular expression {@code \s} means it. */
  private static boolean isSpace(char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\u000B' || ch == '\f' || ch == '\r';
  }
}
