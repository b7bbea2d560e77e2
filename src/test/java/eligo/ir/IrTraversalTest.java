package eligo.ir;

import static org.assertj.core.api.Assertions.assertThat;

import eligo.data.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The IR's one traversal: {@link Ir.Expr#children()} and {@link Ir.Visitor}. */
class IrTraversalTest {
  private static final Ir.Var T = new Ir.Var(1, Ir.Dim.TENANT, "t");
  private static final Ir.Var W = new Ir.Var(2, Ir.Dim.WORKLOAD, "w");
  private static final Ir.Var M = new Ir.Var(3, Ir.Dim.MONTH, "m");
  private static final Ir.Var K = new Ir.Var(4, Ir.Dim.TYPE, "k");

  // distinct leaves, so that a child in the wrong place or twice shows
  private static final Ir.Expr N1 = new Ir.Const(1, 0);
  private static final Ir.Expr N2 = new Ir.Const(2, 0);
  private static final Ir.Expr N3 = new Ir.Const(3, 0);
  private static final Ir.Expr B1 =
      new Ir.CompareMonths(Ir.CmpOp.GE, new Ir.AsOf(1), new Ir.AsOf(0));
  private static final Ir.Expr B2 =
      new Ir.CompareMonths(Ir.CmpOp.LT, new Ir.AsOf(2), new Ir.AsOf(0));

  private static final List<Ir.Binder> OVER =
      List.of(
          new Ir.ForTenant(T),
          new Ir.ForMonth(M, new Ir.MonthRange(new Ir.AsOf(-2), new Ir.AsOf(0))));

  /** One instance of every expression record, with the children it has, written out by hand. */
  private static Map<Ir.Expr, List<Ir.Expr>> samples() {
    Map<Ir.Expr, List<Ir.Expr>> out = new LinkedHashMap<>();
    out.put(new Ir.Const(7, 2), List.of());
    out.put(new Ir.MeasureAt(Measure.ACR_USD, T, W, new Ir.MonthVar(M, 0)), List.of());
    out.put(new Ir.Rate(new Ir.RateTable("r", List.of(), 5, 1), W), List.of());
    out.put(new Ir.Arith(Ir.ArithOp.SUB, N1, N2), List.of(N1, N2));
    out.put(new Ir.Neg(N3), List.of(N3));
    out.put(new Ir.If(B1, N1, N2), List.of(B1, N1, N2));
    out.put(new Ir.Sum(OVER, B2, N3), List.of(B2, N3));
    out.put(new Ir.Reduce(Ir.ReduceOp.MINIMUM, OVER, B1, N2), List.of(B1, N2));
    out.put(new Ir.Count(OVER, B1), List.of(B1));
    out.put(new Ir.Net(N2), List.of(N2));
    out.put(new Ir.NodeValue(2), List.of());
    out.put(new Ir.Compare(Ir.CmpOp.NE, N3, N1), List.of(N3, N1));
    out.put(new Ir.Growth(Ir.CmpOp.GE, N2, N3, new Ir.Const(2, 1), false), List.of(N2, N3));
    out.put(new Ir.AtLeast(1, List.of(N3, N1), List.of("a", "b")), List.of(N3, N1));
    out.put(new Ir.Points(List.of(N1, N3), List.of(2L, 1L), List.of("a", "b")), List.of(N1, N3));
    out.put(new Ir.CompareMonths(Ir.CmpOp.EQ, new Ir.AsOf(0), new Ir.MonthVar(M, -1)), List.of());
    out.put(
        new Ir.InMonths(new Ir.AsOf(0), new Ir.MonthRange(new Ir.AsOf(-1), new Ir.AsOf(1))),
        List.of());
    out.put(new Ir.And(B2, B1), List.of(B2, B1));
    out.put(new Ir.Or(B1, B2), List.of(B1, B2));
    out.put(new Ir.Not(B2), List.of(B2));
    out.put(new Ir.Exists(OVER, B1), List.of(B1));
    out.put(new Ir.ForAll(OVER, B2), List.of(B2));
    out.put(
        new Ir.Associated(T, W, new Ir.AsOf(0), K, new Ir.FixedTypes(List.of("PAL"))), List.of());
    out.put(
        new Ir.AttributeIn(
            new Ir.Attribute(Ir.Owner.TENANT, "country"), T, List.of("DE", "FR"), true),
        List.of());
    return out;
  }

  @Test
  void samplesCoverEveryExpressionRecord() {
    Set<Class<?>> records =
        Arrays.stream(Ir.class.getDeclaredClasses())
            .filter(c -> c.isRecord() && Ir.Expr.class.isAssignableFrom(c))
            .collect(Collectors.toSet());
    Set<Class<?>> sampled =
        samples().keySet().stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(sampled).isEqualTo(records);
  }

  @Test
  void childrenAreTheSubExpressionsInFieldOrder() {
    samples()
        .forEach(
            (e, expected) ->
                assertThat(e.children())
                    .as(e.getClass().getSimpleName())
                    .containsExactlyElementsOf(expected));
  }

  @Test
  void anAbsentConditionIsNoChild() {
    assertThat(new Ir.Sum(OVER, null, N1).children()).containsExactly(N1);
    assertThat(new Ir.Reduce(Ir.ReduceOp.AVERAGE, OVER, null, N2).children()).containsExactly(N2);
    assertThat(new Ir.Count(OVER, null).children()).isEmpty();
    assertThat(new Ir.Exists(OVER, null).children()).isEmpty();
    assertThat(new Ir.ForAll(OVER, null).children()).isEmpty();
  }

  @Test
  void quantifiedExposesBindersAndCondition() {
    for (Ir.Expr e : samples().keySet()) {
      if (e instanceof Ir.Quantified q) {
        assertThat(q.binders()).as(e.getClass().getSimpleName()).isEqualTo(OVER);
        assertThat(q.where()).isIn(B1, B2);
      }
    }
    assertThat(samples().keySet().stream().filter(e -> e instanceof Ir.Quantified).count())
        .isEqualTo(5);
  }

  @Test
  void acceptCallsTheVisitOfTheRecordsKind() {
    for (Ir.Expr e : samples().keySet()) {
      assertThat(e.accept(new KindNames(), "x")).isEqualTo(e.getClass().getSimpleName() + "x");
    }
  }

  @Test
  void aWalkByChildrenReachesEveryNode() {
    Ir.Expr program =
        new Ir.Sum(
            OVER,
            new Ir.And(B1, new Ir.Not(B2)),
            new Ir.If(
                new Ir.Exists(List.of(), B1),
                new Ir.Net(new Ir.Arith(Ir.ArithOp.MUL, N1, N2)),
                new Ir.Neg(N3)));
    List<String> visited = new ArrayList<>();
    walk(program, visited);
    assertThat(visited)
        .containsExactly(
            "Sum",
            "And",
            "CompareMonths",
            "Not",
            "CompareMonths",
            "If",
            "Exists",
            "CompareMonths",
            "Net",
            "Arith",
            "Const",
            "Const",
            "Neg",
            "Const");
  }

  private static void walk(Ir.Expr e, List<String> out) {
    out.add(e.accept(new KindNames(), ""));
    for (Ir.Expr child : e.children()) {
      walk(child, out);
    }
  }

  /** Names the kind it was called for, by the method called rather than by the class. */
  private static final class KindNames implements Ir.Visitor<String, String> {
    public String visit(Ir.Const e, String p) {
      return "Const" + p;
    }

    public String visit(Ir.MeasureAt e, String p) {
      return "MeasureAt" + p;
    }

    public String visit(Ir.Rate e, String p) {
      return "Rate" + p;
    }

    public String visit(Ir.Arith e, String p) {
      return "Arith" + p;
    }

    public String visit(Ir.Neg e, String p) {
      return "Neg" + p;
    }

    public String visit(Ir.If e, String p) {
      return "If" + p;
    }

    public String visit(Ir.Sum e, String p) {
      return "Sum" + p;
    }

    public String visit(Ir.Reduce e, String p) {
      return "Reduce" + p;
    }

    public String visit(Ir.Count e, String p) {
      return "Count" + p;
    }

    public String visit(Ir.Net e, String p) {
      return "Net" + p;
    }

    public String visit(Ir.NodeValue e, String p) {
      return "NodeValue" + p;
    }

    public String visit(Ir.Growth e, String p) {
      return "Growth" + p;
    }

    public String visit(Ir.AtLeast e, String p) {
      return "AtLeast" + p;
    }

    public String visit(Ir.Points e, String p) {
      return "Points" + p;
    }

    public String visit(Ir.Compare e, String p) {
      return "Compare" + p;
    }

    public String visit(Ir.CompareMonths e, String p) {
      return "CompareMonths" + p;
    }

    public String visit(Ir.InMonths e, String p) {
      return "InMonths" + p;
    }

    public String visit(Ir.And e, String p) {
      return "And" + p;
    }

    public String visit(Ir.Or e, String p) {
      return "Or" + p;
    }

    public String visit(Ir.Not e, String p) {
      return "Not" + p;
    }

    public String visit(Ir.Exists e, String p) {
      return "Exists" + p;
    }

    public String visit(Ir.ForAll e, String p) {
      return "ForAll" + p;
    }

    public String visit(Ir.Associated e, String p) {
      return "Associated" + p;
    }

    public String visit(Ir.AttributeIn e, String p) {
      return "AttributeIn" + p;
    }
  }
}
