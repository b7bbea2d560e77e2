package eligo.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import eligo.data.Measure;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java expression of each kind of IR expression, numbers and conditions alike ({@link
 * ExprCompiler#num} and {@link ExprCompiler#bool} check the type first); aggregates and nets become
 * calls of helpers.
 */
final class ExprForms implements Ir.Visitor<JavaExpr, Scope> {
  private static final ClassName MEASURE = ClassName.get(Measure.class);
  private static final ClassName MATH = AreaWriter.MATH;

  private final ExprCompiler compiler;
  private final Masks masks;
  private final Utilities utilities;

  /** The node served, for messages. */
  private final String nodeId;

  ExprForms(ExprCompiler compiler, Masks masks, Utilities utilities, String nodeId) {
    this.compiler = compiler;
    this.masks = masks;
    this.utilities = utilities;
    this.nodeId = nodeId;
  }

  @Override
  public JavaExpr visit(Ir.Const k, Scope s) {
    return JavaExpr.longLiteral(k.unscaled());
  }

  @Override
  public JavaExpr visit(Ir.MeasureAt ma, Scope s) {
    ExprCompiler.requireCustomer(s, "a measure");
    String row =
        ma.month() instanceof Ir.MonthVar mv && mv.offset() == 0
            ? s.row(ma.tenant(), ma.workload(), mv.var())
            : null;
    if (row != null) {
      return JavaExpr.atom(
          CodeBlock.of("data.rowValue($N, $T.$N)", row, MEASURE, ma.measure().name()));
    }
    CodeBlock pair = ExprCompiler.pair(ma.tenant(), ma.workload(), s);
    JavaExpr month = compiler.month(ma.month(), s);
    if (ExprCompiler.mayBeNone(ma.month())) {
      return JavaExpr.atom(
          CodeBlock.of(
              "$N($L, $T.$N, $L)",
              utilities.measureAt(),
              pair,
              MEASURE,
              ma.measure().name(),
              month.code()));
    }
    return JavaExpr.atom(
        CodeBlock.of(
            "data.measure($L, $T.$N, $L)", pair, MEASURE, ma.measure().name(), month.code()));
  }

  @Override
  public JavaExpr visit(Ir.Rate r, Scope s) {
    return JavaExpr.atom(
        CodeBlock.of("$N[$N]", masks.rates(r.table()), s.name(r.workload(), Ir.Dim.WORKLOAD)));
  }

  @Override
  public JavaExpr visit(Ir.Arith a, Scope s) {
    if (a.op() == Ir.ArithOp.MUL) {
      return ExprCompiler.call(
          "multiplyExact", compiler.num(a.left(), s), compiler.num(a.right(), s));
    }
    int scale = a.scale();
    return ExprCompiler.call(
        a.op() == Ir.ArithOp.ADD ? "addExact" : "subtractExact",
        compiler.aligned(a.left(), scale, s),
        compiler.aligned(a.right(), scale, s));
  }

  @Override
  public JavaExpr visit(Ir.Neg n, Scope s) {
    return JavaExpr.atom(
        CodeBlock.of("$T.negateExact($L)", MATH, compiler.num(n.operand(), s).code()));
  }

  @Override
  public JavaExpr visit(Ir.If i, Scope s) {
    int scale = i.scale();
    return new JavaExpr(
        CodeBlock.of(
            "$L ? $L : $L",
            compiler.bool(i.cond(), s).operand(JavaExpr.TERNARY + 1),
            compiler.aligned(i.then(), scale, s).operand(JavaExpr.TERNARY + 1),
            compiler.aligned(i.otherwise(), scale, s).operand(JavaExpr.TERNARY + 1)),
        JavaExpr.TERNARY);
  }

  @Override
  public JavaExpr visit(Ir.Sum e, Scope s) {
    return compiler.helper(e, s);
  }

  @Override
  public JavaExpr visit(Ir.Reduce e, Scope s) {
    return compiler.helper(e, s);
  }

  @Override
  public JavaExpr visit(Ir.Count e, Scope s) {
    return compiler.helper(e, s);
  }

  @Override
  public JavaExpr visit(Ir.Net e, Scope s) {
    return compiler.helper(e, s);
  }

  @Override
  public JavaExpr visit(Ir.NodeValue nv, Scope s) {
    if (s.value == null) {
      throw new IllegalArgumentException(
          "node value used outside a condition or partner rule in " + nodeId);
    }
    if (nv.scale() != s.valueScale) {
      throw new IllegalArgumentException(
          "node value of "
              + nodeId
              + " read at scale "
              + nv.scale()
              + ", but it has scale "
              + s.valueScale);
    }
    return JavaExpr.atom(CodeBlock.of("$N", s.value));
  }

  @Override
  public JavaExpr visit(Ir.Compare c, Scope s) {
    int scale = Math.max(c.left().scale(), c.right().scale());
    boolean equality = c.op().isEquality();
    int min = equality ? JavaExpr.RELATIONAL : JavaExpr.ADDITIVE;
    return new JavaExpr(
        CodeBlock.of(
            "$L $L$W$L",
            compiler.aligned(c.left(), scale, s).operand(min),
            c.op().javaOp(),
            compiler.aligned(c.right(), scale, s).operand(min)),
        equality ? JavaExpr.EQUALITY : JavaExpr.RELATIONAL);
  }

  @Override
  public JavaExpr visit(Ir.Growth g, Scope s) {
    int scale = g.sidesScale();
    return JavaExpr.atom(
        CodeBlock.of(
            "$N($L,$W$L, $LL, $L, $L)",
            utilities.growth(g.op()),
            compiler.aligned(g.current(), scale, s).code(),
            compiler.aligned(g.baseline(), scale, s).code(),
            g.fraction().unscaled(),
            g.fraction().scale(),
            g.whenZero()));
  }

  @Override
  public JavaExpr visit(Ir.AtLeast a, Scope s) {
    // Every part is evaluated, as the interpreter does: (p1 ? 1 : 0) + (p2 ? 1 : 0) >= k.
    List<CodeBlock> terms = new ArrayList<>();
    for (Ir.Expr part : a.parts()) {
      terms.add(CodeBlock.of("($L ? 1 : 0)", compiler.bool(part, s).operand(JavaExpr.OR)));
    }
    return new JavaExpr(
        CodeBlock.of("$L >= $L", CodeBlock.join(terms, " +$W"), a.k()), JavaExpr.RELATIONAL);
  }

  @Override
  public JavaExpr visit(Ir.Points p, Scope s) {
    // Every part is evaluated, as the interpreter does: (c1 ? 2L : 0L) + (c2 ? 1L : 0L).
    List<CodeBlock> terms = new ArrayList<>();
    for (int i = 0; i < p.parts().size(); i++) {
      terms.add(
          CodeBlock.of(
              "($L ? $LL : 0L)",
              compiler.bool(p.parts().get(i), s).operand(JavaExpr.OR),
              p.points().get(i)));
    }
    return new JavaExpr(CodeBlock.join(terms, " +$W"), JavaExpr.ADDITIVE);
  }

  @Override
  public JavaExpr visit(Ir.CompareMonths c, Scope s) {
    JavaExpr left = compiler.month(c.left(), s);
    JavaExpr right = compiler.month(c.right(), s);
    if (ExprCompiler.mayBeNone(c.left()) || ExprCompiler.mayBeNone(c.right())) {
      return JavaExpr.atom(
          CodeBlock.of("$N($L, $L)", utilities.compareMonths(c.op()), left.code(), right.code()));
    }
    boolean equality = c.op().isEquality();
    return new JavaExpr(
        CodeBlock.of(
            "$L $L $L",
            left.operand(JavaExpr.ADDITIVE),
            c.op().javaOp(),
            right.operand(JavaExpr.ADDITIVE)),
        equality ? JavaExpr.EQUALITY : JavaExpr.RELATIONAL);
  }

  @Override
  public JavaExpr visit(Ir.InMonths in, Scope s) {
    JavaExpr m = compiler.month(in.month(), s);
    JavaExpr from = compiler.month(in.range().from(), s);
    JavaExpr to = compiler.month(in.range().to(), s);
    if (ExprCompiler.mayBeNone(in.month())
        || ExprCompiler.mayBeNone(in.range().from())
        || ExprCompiler.mayBeNone(in.range().to())) {
      return JavaExpr.atom(
          CodeBlock.of("$N($L, $L, $L)", utilities.inMonths(), m.code(), from.code(), to.code()));
    }
    return new JavaExpr(
        CodeBlock.of(
            "$L <= $L && $L <= $L",
            from.operand(JavaExpr.ADDITIVE),
            m.operand(JavaExpr.ADDITIVE),
            m.operand(JavaExpr.ADDITIVE),
            to.operand(JavaExpr.ADDITIVE)),
        JavaExpr.AND);
  }

  @Override
  public JavaExpr visit(Ir.And a, Scope s) {
    return new JavaExpr(
        CodeBlock.of(
            "$L &&$W$L",
            compiler.bool(a.left(), s).operand(JavaExpr.AND),
            compiler.bool(a.right(), s).operand(JavaExpr.AND)),
        JavaExpr.AND);
  }

  @Override
  public JavaExpr visit(Ir.Or o, Scope s) {
    return new JavaExpr(
        CodeBlock.of(
            "$L ||$W$L",
            compiler.bool(o.left(), s).operandOfOr(),
            compiler.bool(o.right(), s).operandOfOr()),
        JavaExpr.OR);
  }

  @Override
  public JavaExpr visit(Ir.Not n, Scope s) {
    return new JavaExpr(
        CodeBlock.of("!$L", compiler.bool(n.operand(), s).operand(JavaExpr.UNARY)), JavaExpr.UNARY);
  }

  @Override
  public JavaExpr visit(Ir.Exists e, Scope s) {
    return compiler.helper(e, s);
  }

  @Override
  public JavaExpr visit(Ir.ForAll e, Scope s) {
    return compiler.helper(e, s);
  }

  @Override
  public JavaExpr visit(Ir.Associated a, Scope s) {
    return compiler.associated(a, s);
  }

  @Override
  public JavaExpr visit(Ir.AttributeIn a, Scope s) {
    ExprCompiler.requireCustomer(s, "an attribute");
    String mask = masks.attribute(a);
    CodeBlock index =
        a.tenant() == null
            ? CodeBlock.of("c")
            : CodeBlock.of("$N", s.name(a.tenant(), Ir.Dim.TENANT));
    return a.negated()
        ? new JavaExpr(CodeBlock.of("!$N[$L]", mask, index), JavaExpr.UNARY)
        : JavaExpr.atom(CodeBlock.of("$N[$L]", mask, index));
  }
}
