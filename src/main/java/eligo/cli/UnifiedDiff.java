package eligo.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines, as {@code diff -u} and {@code gofmt -d} print it: a header
 * naming both sides, then hunks of the changed lines with three lines of context. {@code eligo fmt
 * --diff} shows with it what formatting would change; {@code patch -p0} applies it.
 */
final class UnifiedDiff {
  private UnifiedDiff() {}

  /** Lines of unchanged context around each change. */
  static final int CONTEXT = 3;

  /** Above this many cells the middle that differs is shown replaced whole, not aligned. */
  private static final long MAX_TABLE = 25_000_000L;

  /** The diff from {@code before} to {@code after}, or "" when they are equal. */
  static String of(String name, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<int[]> ops = align(a, b); // each {kind, index in a, index in b}: 0 same, -1 del, +1 add
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(name).append(".orig\n");
    out.append("+++ ").append(name).append('\n');
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i)[0] == 0) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      // extend the hunk while the next change is within twice the context
      int lastChange = i;
      for (int j = i; j < ops.size(); j++) {
        if (ops.get(j)[0] != 0) {
          lastChange = j;
        } else if (j - lastChange > 2 * CONTEXT) {
          break;
        }
      }
      int end = Math.min(ops.size(), lastChange + 1 + CONTEXT);
      appendHunk(out, ops.subList(start, end), a, b);
      i = end;
    }
    return out.toString();
  }

  private static void appendHunk(
      StringBuilder out, List<int[]> hunk, List<String> a, List<String> b) {
    int aStart = -1;
    int bStart = -1;
    int aCount = 0;
    int bCount = 0;
    for (int[] op : hunk) {
      if (op[0] <= 0) {
        aStart = aStart < 0 ? op[1] : aStart;
        aCount++;
      }
      if (op[0] >= 0) {
        bStart = bStart < 0 ? op[2] : bStart;
        bCount++;
      }
    }
    // an empty side is named by the line before it, as diff -u does
    int[] first = hunk.get(0);
    aStart = aCount == 0 ? first[1] : aStart + 1;
    bStart = bCount == 0 ? first[2] : bStart + 1;
    out.append("@@ -")
        .append(range(aStart, aCount))
        .append(" +")
        .append(range(bStart, bCount))
        .append(" @@\n");
    for (int[] op : hunk) {
      String line = op[0] > 0 ? b.get(op[2]) : a.get(op[1]);
      out.append(op[0] == 0 ? ' ' : op[0] < 0 ? '-' : '+').append(line);
      if (!line.endsWith("\n")) {
        out.append("\n\\ No newline at end of file\n");
      }
    }
  }

  private static String range(int start, int count) {
    return count == 1 ? String.valueOf(start) : start + "," + count;
  }

  /** The lines of {@code text}, each with its line break; the last may lack one. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int k = 0; k < text.length(); k++) {
      if (text.charAt(k) == '\n') {
        out.add(text.substring(from, k + 1));
        from = k + 1;
      }
    }
    if (from < text.length()) {
      out.add(text.substring(from));
    }
    return out;
  }

  /**
   * The edit script from {@code a} to {@code b}: the common start and end kept, the middle aligned
   * by a longest common subsequence (or, past {@link #MAX_TABLE} cells, replaced whole).
   */
  private static List<int[]> align(List<String> a, List<String> b) {
    int pre = 0;
    while (pre < a.size() && pre < b.size() && a.get(pre).equals(b.get(pre))) {
      pre++;
    }
    int suf = 0;
    while (suf < a.size() - pre
        && suf < b.size() - pre
        && a.get(a.size() - 1 - suf).equals(b.get(b.size() - 1 - suf))) {
      suf++;
    }
    List<int[]> ops = new ArrayList<>();
    for (int k = 0; k < pre; k++) {
      ops.add(new int[] {0, k, k});
    }
    int n = a.size() - pre - suf;
    int m = b.size() - pre - suf;
    if ((long) n * m > MAX_TABLE) {
      for (int k = 0; k < n; k++) {
        ops.add(new int[] {-1, pre + k, pre});
      }
      for (int k = 0; k < m; k++) {
        ops.add(new int[] {1, pre + n, pre + k});
      }
    } else {
      int[][] lcs = new int[n + 1][m + 1];
      for (int x = n - 1; x >= 0; x--) {
        for (int y = m - 1; y >= 0; y--) {
          lcs[x][y] =
              a.get(pre + x).equals(b.get(pre + y))
                  ? lcs[x + 1][y + 1] + 1
                  : Math.max(lcs[x + 1][y], lcs[x][y + 1]);
        }
      }
      int x = 0;
      int y = 0;
      while (x < n || y < m) {
        if (x < n && y < m && a.get(pre + x).equals(b.get(pre + y))) {
          ops.add(new int[] {0, pre + x++, pre + y++});
        } else if (y < m && (x == n || lcs[x][y + 1] > lcs[x + 1][y])) {
          ops.add(new int[] {1, pre + x, pre + y++});
        } else {
          ops.add(new int[] {-1, pre + x++, pre + y});
        }
      }
    }
    for (int k = 0; k < suf; k++) {
      ops.add(new int[] {0, a.size() - suf + k, b.size() - suf + k});
    }
    return ops;
  }
}
