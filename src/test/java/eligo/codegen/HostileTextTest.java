package eligo.codegen;

import static eligo.codegen.IrKit.*;
import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.DatasetKit;
import eligo.data.Measure;
import eligo.data.Month;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Criteria text that tries to become code stays data: in literals, identifiers and comments. */
class HostileTextTest {
  static final String EXIT = "\"); System.exit(1); //";
  static final String CLOSE = "*/ System.exit(2); /*";
  static final String UNICODE_ESCAPE = "\\u000a System.exit(3); \\u002a/";
  static final String LINES = "a\nb\rc\u2028d\u2029e\u0085f\r\n// System.exit(4);";
  static final String JAVAPOET = "$L $S $N $T $$ $W";
  static final String JAVADOC = "@param x {@code y} </p> <!--";
  static final String ALL = EXIT + CLOSE + UNICODE_ESCAPE + LINES + JAVAPOET + JAVADOC + "\\";
  static final String ORIGIN = "evil*/.criteria\n\\u000a";

  static final String W_EXIT = EXIT;
  static final String W_BACKSLASH = "back\\slash\\u0022";
  static final String W_LINE = "line\u2028sep\nx";
  static final String F_CLOSE = "*/";
  static final String T_QUOTE = "CSP \"T1\"";
  static final String T_BACKSLASH = "\\\u2029";
  static final String AREA_ID = EXIT + "\u2028";

  static Ir.Area hostile() {
    Ir.Origin origin = new Ir.Origin(ORIGIN, 7);
    IrKit a = new IrKit();
    Ir.Var w1 = a.workload();
    Ir.Var t1 = a.tenant();
    Ir.Var m1 = a.month();
    Ir.Node exitGate =
        new Ir.Node(
            EXIT,
            Ir.NodeKind.GATE,
            ALL,
            ALL,
            origin,
            List.of(),
            count(
                over(forWorkload(w1, names(W_EXIT, W_BACKSLASH))),
                any(
                    over(forTenant(t1), forMonth(m1, asOf(-23), asOf(0))),
                    gt(acr(t1, w1, mv(m1)), k(0)))),
            Ir.ValueKind.COUNT,
            ALL,
            ge(value(0), k(1)),
            null,
            List.of());

    IrKit b = new IrKit();
    Ir.Var k2 = b.type();
    Ir.Var t2 = b.tenant();
    Ir.Var w2 = b.workload();
    Ir.Var m2 = b.month();
    Ir.Node closeNode =
        metric(
            CLOSE,
            ALL,
            ALL,
            9,
            count(
                over(forType(k2, T_QUOTE, T_BACKSLASH)),
                any(
                    over(
                        forTenant(t2),
                        forWorkload(w2, family(F_CLOSE)),
                        forMonth(m2, asOf(-23), asOf(0))),
                    associated(t2, w2, mv(m2), k2, null))),
            ge(value(0), k(1)));

    IrKit c = new IrKit();
    Ir.Var t3 = c.tenant();
    Ir.Var w3 = c.workload();
    Ir.RateTable table = new Ir.RateTable(ALL, List.of(new Ir.RateCase(names(W_LINE), 5)), 1, 0);
    Ir.Node classNode =
        withPartner(
            metric(
                "class",
                ALL,
                ALL,
                11,
                sum(
                    over(forTenant(t3), forWorkload(w3, union(names(W_LINE), family(F_CLOSE)))),
                    associated(t3, w3, asOf(0), null, types(T_QUOTE)),
                    mul(measure(Measure.PAID_UNITS, t3, w3, asOf(0)), new Ir.Rate(table, w3))),
                ge(value(0), k(1))),
            value(0),
            ge(value(0), k(1)));

    IrKit d = new IrKit();
    Ir.Var t4 = d.tenant();
    List<Ir.Node> plain =
        List.of(
            metric("c", ALL, ALL, 12, count(over(forTenant(t4)), null), ge(value(0), k(1))),
            metric("data", ALL, ALL, 13, k(7), ge(value(0), k(1))),
            metric("yield", ALL, ALL, 14, k(8), ge(value(0), k(1))),
            metric("1st", ALL, ALL, 15, k(9), ge(value(0), k(1))),
            metric("workloads1", ALL, ALL, 16, k(10), ge(value(0), k(1))),
            metric("evaluate", ALL, ALL, 17, k(11), ge(value(0), k(1))),
            metric(UNICODE_ESCAPE, ALL, ALL, 18, k(12), ge(value(0), k(1))),
            metric(LINES, ALL, ALL, 19, k(13), ge(value(0), k(1))));
    List<Ir.Node> nodes = new java.util.ArrayList<>(List.of(exitGate, closeNode, classNode));
    nodes.addAll(plain);
    return new Ir.Area(
        AREA_ID,
        ALL,
        origin,
        List.of(
            new Ir.Branch(CLOSE, ALL, origin, nodes),
            new Ir.Branch(
                EXIT,
                ALL,
                origin,
                List.of(metric("out", ALL, ALL, 20, k(14), ge(value(0), k(1)))))));
  }

  static Dataset data(int m) {
    DatasetKit b =
        new DatasetKit()
            .workload(W_EXIT, "Azure")
            .workload(W_BACKSLASH, "Azure")
            .workload(W_LINE, "x")
            .workload("plain", F_CLOSE)
            .workload("System.exit(1);", "Azure") // looks like the injected code, is not the name
            .types(T_QUOTE, T_BACKSLASH, "CSP T1");
    b.customerWith("P", "C", "t");
    b.acr("t", W_EXIT, m, 1)
        .acr("t", W_BACKSLASH, m, 1)
        .acr("t", "System.exit(1);", m, 1)
        .assoc("t", "plain", T_BACKSLASH, m - 1, Month.OPEN)
        .assoc("t", W_LINE, T_QUOTE, m - 1, Month.OPEN)
        .usage("t", W_LINE, m, Measure.PAID_UNITS, 3)
        .assoc("t", "plain", T_QUOTE, m - 1, Month.OPEN)
        .usage("t", "plain", m, Measure.PAID_UNITS, 4);
    return b.build();
  }

  @Test
  void hostileTextCompilesCleanlyAndIsCarriedAsData() {
    Ir.Area area = hostile();
    InMemoryCompiler.Result compiled =
        new InMemoryCompiler()
            .compile(List.of(new JavaGenerator().generate(area, "eligo.generated.hostile")));
    assertThat(compiled.warnings()).isEmpty();

    Run run = new Run(area);
    int m = Month.of(2026, 6);
    Dataset data = data(m);
    NodeResults r = run.evaluate(data, 0, m);
    assertThat(r.value[0])
        .as("both hostile workload names matched, the look-alike not")
        .isEqualTo(2);
    assertThat(r.status[0]).isEqualTo(NodeResults.MET);
    assertThat(r.value[1]).as("both hostile type names, on the family named */").isEqualTo(2);
    assertThat(r.value[2]).as("3 × 5 (rate of the workload with U+2028) + 4 × 1").isEqualTo(19);
    assertThat(r.partnerContribution).containsExactly(19);
    assertThat(r.value).containsExactly(2, 2, 19, 1, 7, 8, 9, 10, 11, 12, 13, 14);
    AreaEvaluator ev = run.factory.apply(data);
    assertThat(ev.areaId()).isEqualTo(AREA_ID);
  }

  @Test
  void commentsHoldNoLineBreakBackslashOrCommentEnd() {
    String source = new JavaGenerator().generate(hostile(), "eligo.generated.hostile").toString();
    for (String line : source.split("\n", -1)) {
      String s = line.strip();
      boolean comment = s.startsWith("*") || s.startsWith("/**") || s.startsWith("//");
      if (comment) {
        assertThat(s).as(line).doesNotContain("\\", "\u2028", "\u2029", "\u0085", "\r");
        assertThat(s.startsWith("*/") ? s.substring(2) : s).as(line).doesNotContain("*/");
      }
    }
    assertThat(source).doesNotContain("\r");
  }

  @Test
  void commentTextEscaping() {
    assertThat(CommentText.escape("a */ b")).isEqualTo("a *&#47; b");
    assertThat(CommentText.escape("\\u002a/")).isEqualTo("&#92;u002a/");
    assertThat(CommentText.escape("a\nb\rc\u2028d\u2029e\u0085f")).isEqualTo("a b c d e f");
    assertThat(CommentText.escape("@see")).isEqualTo("&#64;see");
    assertThat(CommentText.escape("**/")).isEqualTo("**&#47;");
    assertThat(CommentText.escape("\ud800x")).isEqualTo(" x");
  }
}
