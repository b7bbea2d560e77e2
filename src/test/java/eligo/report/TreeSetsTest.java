package eligo.report;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.ir.Ir;
import eligo.report.html.Html;
import org.junit.jupiter.api.Test;

/**
 * A why that only counts a named set ({@code one of 23 named workloads}) has its members on the
 * area's tree page: each named set a node counts over, once, every name in it, escaped.
 */
class TreeSetsTest {
  private static Ir.Node node(String area, String id) {
    return Runs.program().area(area).resultNodes().stream()
        .filter(n -> n.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static Ir.WorkloadSet firstSet(Ir.Expr e) {
    for (Ir.Binder b : Words.bindersOf(e)) {
      if (b instanceof Ir.ForWorkload w) {
        return w.set();
      }
    }
    for (Ir.Expr child : e.children()) {
      Ir.WorkloadSet s = firstSet(child);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  @Test
  void theNamedWorkloadsOfAGateAreListedWhereTheWhyOnlyCountsThem() {
    Ir.Node gate = node("bizapps-enterprise", "performance.workloads");
    Ir.WorkloadSet set = firstSet(gate.value());
    assertThat(set).isInstanceOf(Ir.Names.class);
    java.util.List<String> names = ((Ir.Names) set).names();
    assertThat(Words.workloads(set)).isEqualTo("one of " + names.size() + " named workloads");
    String markup = Markup.quoted(TreeSections.sets(gate).markup());
    assertThat(markup)
        .startsWith("<p class=\"set\" id=\"set-1\">The " + names.size() + " named workloads: ");
    for (String name : names) {
      assertThat(markup).contains(Html.escape(name));
    }
    assertThat(markup).contains("F&amp;O Bundle").doesNotContain("F&O");
  }

  @Test
  void aFamilyOrAShortListIsNotRepeated() {
    // "an Azure workload": a family, named in the why itself
    assertThat(TreeSections.sets(node("azure", "workloads")).markup()).isEmpty();
  }

  @Test
  void aSetIsListedOnceAPageAndLaterNodesLinkToIt() {
    java.util.Map<java.util.List<String>, String> shown = new java.util.HashMap<>();
    Ir.Node gate = node("bizapps-enterprise", "performance.workloads");
    Ir.Node association = node("bizapps-enterprise", "performance.association");
    String first = Markup.quoted(TreeSections.sets(gate, shown).markup());
    String again = Markup.quoted(TreeSections.sets(association, shown).markup());
    assertThat(first).startsWith("<p class=\"set\" id=\"set-1\">The ");
    assertThat(again)
        .startsWith("<p class=\"set\">The same <a href=\"#set-1\">")
        .doesNotContain("F&amp;O Bundle");
  }
}
