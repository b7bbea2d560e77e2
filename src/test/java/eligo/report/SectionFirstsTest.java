package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.report.html.PageBytes;
import org.junit.jupiter.api.Test;

/**
 * A customer's section names the area that gave a long why or a table of associations first ({@link
 * SectionFirsts}): found by the characters or bytes, whatever string or place holds them, and only
 * when they are the same (a why, only for a node of the same label).
 */
class SectionFirstsTest {
  @Test
  void aWhyIsFoundByItsCharactersForANodeOfTheSameLabel() {
    SectionFirsts given = new SectionFirsts();
    String why = "at least 3 tenants with Azure consumed revenue in the last 12 months & <more>";
    assertThat(given.why("Deployments", why, "Azure")).isNull();
    assertThat(given.why(new String("Deployments"), new String(why), "Security"))
        .isEqualTo("Azure");
    // as long, one character differs; shorter; longer
    assertThat(given.why("Deployments", why.replace('3', '4'), "Security")).isNull();
    assertThat(given.why("Deployments", why.substring(1), "Security")).isNull();
    assertThat(given.why("Deployments", why + ".", "Security")).isNull();
    assertThat(given.why("Deployments", why.replace('3', '4'), "Modern Work"))
        .isEqualTo("Security");
    // the same words of a node of another label (other criteria): given anew, not referred to
    assertThat(given.why("Net customer adds", why, "Modern Work")).isNull();
    assertThat(given.why("Net customer adds", why, "Other")).isEqualTo("Modern Work");
    for (int k = 0; k < 40; k++) { // more than it holds at first
      assertThat(given.why("Node", "why number " + k, "Area " + k)).isNull();
    }
    for (int k = 0; k < 40; k++) {
      assertThat(given.why("Node", "why number " + k, "Other")).isEqualTo("Area " + k);
    }
    assertThat(given.why("Deployments", why, "Other")).isEqualTo("Azure");
  }

  @Test
  void aTableIsFoundByItsBytesInThePage() {
    PageBytes out = PageBytes.unshared();
    SectionFirsts given = new SectionFirsts();
    out.add("<p>area one</p>");
    int first = out.size();
    out.add("<table><tr><td>Microsoft › 名前 &amp; co</table>");
    assertThat(given.table(out, first, "Business Applications (Enterprise)")).isNull();
    out.add("<p>area two</p>");
    int second = out.size();
    out.add("<table><tr><td>Microsoft › 名前 &amp; co</table>");
    assertThat(given.table(out, second, "Business Applications (SMB)"))
        .isEqualTo("Business Applications (Enterprise)");
    out.size(second); // the page says so instead
    int third = out.size();
    out.add("<table><tr><td>Microsoft › 名前 &amp; cO</table>"); // as long, one byte differs
    assertThat(given.table(out, third, "Modern Work")).isNull();
    int fourth = out.size();
    out.add("<table><tr><td>Microsoft</table>");
    assertThat(given.table(out, fourth, "Security")).isNull();
    for (int k = 0; k < 20; k++) { // more than it holds at first
      int at = out.size();
      out.add("<table>" + k + "</table>");
      assertThat(given.table(out, at, "Area " + k)).isNull();
    }
    int again = out.size();
    out.add("<table><tr><td>Microsoft › 名前 &amp; cO</table>");
    assertThat(given.table(out, again, "Other")).isEqualTo("Modern Work");
    out.size(again);
    out.add("<table>7</table>");
    assertThat(given.table(out, again, "Other")).isEqualTo("Area 7");
  }
}
