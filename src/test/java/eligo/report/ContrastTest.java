package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.report.html.Templates;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Text on the report's pages meets WCAG 2 AA contrast (at least 4.5:1): every text colour of the
 * shared style sheet against every background it declares and every fill the tree diagram draws
 * text on, contrast computed as WCAG defines it (relative luminance of sRGB).
 */
class ContrastTest {
  private static final String CSS =
      Templates.asset(SitePages.class, "site.css", Templates.Lines.KEPT).markup();

  /** {@code #abc} or {@code #aabbcc} after {@code property:} (or {@code fill:} in svg rules). */
  private static Set<String> colours(String property) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m =
        Pattern.compile("(?<![-a-z])" + property + ":\\s*(#[0-9a-fA-F]{3,6})\\b").matcher(CSS);
    while (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return out;
  }

  /**
   * The fills of the style sheet's rules whose selectors all are a box of the diagram ({@code
   * .dg>rect}: a background of text) or, with {@code boxes} false, that select no {@code rect} at
   * all (svg text). A bar's parts ({@code rect.m}) hold no text.
   */
  private static Set<String> fills(boolean boxes) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m =
        Pattern.compile("([^{}]*)\\{[^{}]*?(?<![-a-z])fill:(#[0-9a-fA-F]{3,6})\\b").matcher(CSS);
    while (m.find()) {
      boolean allBoxes = true;
      boolean anyRect = false;
      for (String selector : m.group(1).trim().split(",")) {
        allBoxes &= selector.trim().endsWith(">rect");
        anyRect |= selector.contains("rect");
      }
      if (boxes ? allBoxes : !anyRect) {
        out.add(m.group(2).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  static double luminance(String hex) {
    String h = hex.substring(1);
    if (h.length() == 3) {
      h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
    }
    double[] c = new double[3];
    for (int i = 0; i < 3; i++) {
      double v = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
      c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }

  static double contrast(String a, String b) {
    double x = luminance(a);
    double y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }

  @Test
  void theFormulaGivesWcagsKnownRatios() {
    assertThat(contrast("#000000", "#ffffff"))
        .isCloseTo(21.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(contrast("#777777", "#ffffff"))
        .isCloseTo(4.48, org.assertj.core.data.Offset.offset(0.01));
    assertThat(contrast("#fff", "#ffffff")).isEqualTo(1.0);
  }

  @Test
  void everyTextColourMeetsAaOnEveryBackground() {
    Set<String> texts = colours("color");
    texts.addAll(fills(false)); // svg text
    Set<String> backgrounds = colours("background");
    backgrounds.addAll(fills(true)); // the diagram's boxes
    assertThat(texts).as("text colours in site.css").hasSizeGreaterThan(5);
    assertThat(backgrounds)
        .as("backgrounds")
        .hasSizeGreaterThan(3)
        .contains("#fff", "#eef3fa", "#f3f8ef", "#f7f7f7");
    List<String> failing = new ArrayList<>();
    for (String t : texts) {
      for (String b : backgrounds) {
        double r = contrast(t, b);
        if (r < 4.5) {
          failing.add(String.format(Locale.ROOT, "%s on %s: %.2f", t, b, r));
        }
      }
    }
    assertThat(failing).as("text/background pairs below 4.5:1").isEmpty();
  }
}
