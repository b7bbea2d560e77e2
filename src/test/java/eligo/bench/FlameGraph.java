package eligo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A flame graph as a self-contained SVG image (no script), from the collapsed stacks that
 * async-profiler writes ({@code frame;frame;frame samples} per line): each frame a box as wide as
 * its share of the samples, callers above callees (an "icicle" graph: the threads' entry points at
 * the top, where they are read first), children in name order, so the same profile always draws the
 * same picture. Frames narrower than half a pixel and frames deeper than {@link #MAX_DEPTH} (deep
 * recursions, e.g. javac's) are left out: their samples stay in their callers' widths. The README
 * shows these images; {@code bin/bench} makes them with {@code ELIGO_BENCH_PROFILE=1}.
 *
 * <pre>java -cp ... eligo.bench.FlameGraph PROFILE.collapsed OUT.svg "title"</pre>
 */
public final class FlameGraph {
  static final int WIDTH = 1200;
  static final int ROW = 16;
  static final int TOP = 34;
  static final int MAX_DEPTH = 40;
  static final double MIN_WIDTH = 0.5;

  /** A frame and the samples under it. */
  static final class Frame {
    final String name;
    long samples;
    final Map<String, Frame> children = new TreeMap<>();

    Frame(String name) {
      this.name = name;
    }

    Frame child(String name) {
      return children.computeIfAbsent(name, Frame::new);
    }

    int depth() {
      int d = 0;
      for (Frame c : children.values()) {
        d = Math.max(d, c.depth());
      }
      return d + 1;
    }
  }

  private FlameGraph() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: FlameGraph PROFILE.collapsed OUT.svg TITLE");
      System.exit(2);
    }
    Frame root = parse(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
    Files.writeString(Path.of(args[1]), svg(root, args[2]), StandardCharsets.UTF_8);
  }

  /** The call tree of collapsed stack lines; lines that are not {@code stack count} are skipped. */
  static Frame parse(List<String> lines) {
    Frame root = new Frame("all");
    for (String line : lines) {
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        continue;
      }
      long n;
      try {
        n = Long.parseLong(line.substring(space + 1).trim());
      } catch (NumberFormatException e) {
        continue;
      }
      root.samples += n;
      Frame f = root;
      for (String name : line.substring(0, space).split(";")) {
        f = f.child(name);
        f.samples += n;
      }
    }
    return root;
  }

  /** The SVG of {@code root}: one box per frame wider than a tenth of a pixel. */
  static String svg(Frame root, String title) {
    int depth = Math.min(root.depth(), MAX_DEPTH);
    int height = TOP + depth * ROW + 8;
    StringBuilder out = new StringBuilder();
    out.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                    + " viewBox=\"0 0 %d %d\" font-family=\"monospace\" font-size=\"11\">\n",
                WIDTH,
                height,
                WIDTH,
                height))
        .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
        .append(
            String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"20\" text-anchor=\"middle\" font-size=\"15\">%s (%,d samples)"
                    + "</text>\n",
                WIDTH / 2,
                xml(title),
                root.samples));
    if (root.samples > 0) {
      draw(root, 0, 0, WIDTH, root.samples, out);
    }
    return out.append("</svg>\n").toString();
  }

  private static void draw(
      Frame f, int level, double x, double width, long total, StringBuilder out) {
    double y = TOP + level * ROW;
    String label =
        String.format(
            Locale.ROOT, "%s (%,d samples, %.2f%%)", f.name, f.samples, 100.0 * f.samples / total);
    out.append(
        String.format(
            Locale.ROOT,
            "<g><title>%s</title><rect x=\"%.1f\" y=\"%.0f\" width=\"%.1f\" height=\"%d\""
                + " fill=\"%s\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>",
            xml(label),
            x,
            y,
            width,
            ROW - 1,
            colour(f.name)));
    int fits = (int) ((width - 4) / 6.6); // characters of 11 px monospace
    if (fits >= 3) {
      String text = f.name.length() <= fits ? f.name : f.name.substring(0, fits - 2) + "..";
      out.append(
          String.format(
              Locale.ROOT, "<text x=\"%.1f\" y=\"%.0f\">%s</text>", x + 2, y + ROW - 4, xml(text)));
    }
    out.append("</g>\n");
    double at = x;
    List<Frame> children = new ArrayList<>(f.children.values());
    for (Frame c : children) {
      double w = width * c.samples / f.samples;
      if (w >= MIN_WIDTH && level + 1 < MAX_DEPTH) {
        draw(c, level + 1, at, w, total, out);
      }
      at += w;
    }
  }

  /** Eligo's frames blue, the JDK's green, the kernel's orange, the JVM's own (JIT, GC) red. */
  static String colour(String frame) {
    if (frame.startsWith("eligo/") || frame.startsWith("eligo.")) {
      return "#8ab4e8";
    }
    if (frame.endsWith("_[k]")) {
      return "#f0b060";
    }
    if (frame.startsWith("java/")
        || frame.startsWith("jdk/")
        || frame.startsWith("sun/")
        || frame.contains("/")) {
      return "#9fd89f";
    }
    return "#e89a8a";
  }

  /** {@code s} as XML text: frame names never become markup. */
  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c < 0x20) {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
