package eligo.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import eligo.ir.Ir;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a net sum or count computed at M and at M-12 in one pass ({@link LoopShapes#fusesNet}):
 * the loops of {@link LoopWriter} run once over both ranges and add to two totals.
 */
final class NetWriter {
  private static final ClassName MATH = AreaWriter.MATH;

  /** The Javadoc of a helper method computing a net in one pass. */
  static final String FUSED_NET =
      "The net value: the value at as-of month {@code asOf} minus the same at"
          + " {@code asOf - 12}, both from one pass over the data.";

  private final ExprCompiler exprs;
  private final LoopWriter loops;

  NetWriter(ExprCompiler exprs, LoopWriter loops) {
    this.exprs = exprs;
    this.loops = loops;
  }

  /**
   * The statements of a net sum or count ({@link LoopShapes#fusesNet}) at M and at M-12 at once,
   * returning the net value: the loops run once; a last month binder over {@code M + a .. M + b}
   * runs over {@code M - 12 + a .. M + b}, a month adding to the value at M from {@code M + a} on
   * and to the value at M-12 up to {@code M - 12 + b}. A condition and term that do not read the
   * as-of month are computed once for both; otherwise once at each. With {@code result} at least 0,
   * both values are written to {@code out.current[result]} and {@code out.baseline[result]}.
   *
   * <p>Each value gets the same additions in the same order as in its own pass, so it overflows
   * exactly when that pass would; either way the customer fails.
   */
  CodeBlock netBody(Ir.Expr e, Scope s, int result) {
    if (!LoopShapes.fusesNet(e)) {
      throw new IllegalArgumentException("not a net computed in one pass: " + e);
    }
    List<Ir.Binder> binders = Reads.binders(e);
    Ir.Expr where = Reads.where(e);
    Ir.Expr term = e instanceof Ir.Sum sum ? sum.body() : null;
    Ir.ForMonth months =
        binders.get(binders.size() - 1) instanceof Ir.ForMonth fm
                && fm.range().from() instanceof Ir.AsOf
            ? fm
            : null;
    CodeBlock.Builder b = CodeBlock.builder();
    String kind = term != null ? "sum" : "count";
    String atM = s.local(kind + "AtM");
    String atM12 = s.local(kind + "AtM12");
    b.addStatement("long $N = 0L", atM);
    b.addStatement("long $N = 0L", atM12);
    Set<List<Ir.Var>> pairs = new LinkedHashSet<>();
    Set<Ir.EarliestStart> starts = new LinkedHashSet<>();
    Reads.lookups(e, pairs, starts);
    loops.declareLookups(b, s, pairs, starts);
    int open = 0;
    int first = 0;
    int last = 0;
    for (Ir.Binder binder : binders) {
      if (binder == months) {
        first = ((Ir.AsOf) months.range().from()).offset();
        last = ((Ir.AsOf) months.range().to()).offset();
        b.add(
            "// months at M, $L .. $L, and at M-12, $L .. $L, in one loop\n",
            ExprCompiler.asOf(s, first).code(),
            ExprCompiler.asOf(s, last).code(),
            ExprCompiler.asOf(s, first - 12).code(),
            ExprCompiler.asOf(s, last - 12).code());
        binder =
            new Ir.ForMonth(
                months.var(), new Ir.MonthRange(new Ir.AsOf(first - 12), new Ir.AsOf(last)));
      }
      open += loops.openLoop(b, binder, e, s);
      loops.declareLookups(b, s, pairs, starts);
    }
    CodeBlock inM = null;
    CodeBlock inM12 = null;
    if (months != null) {
      String m = s.name(months.var(), Ir.Dim.MONTH);
      inM = CodeBlock.of("$N >= $L", m, ExprCompiler.asOf(s, first).operand(JavaExpr.ADDITIVE));
      inM12 =
          CodeBlock.of("$N <= $L", m, ExprCompiler.asOf(s, last - 12).operand(JavaExpr.ADDITIVE));
    }
    boolean disjoint =
        months != null && (long) last - first < 12; // then they meet: one or the other
    if (!Reads.readsAsOf(where) && !Reads.readsAsOf(term)) {
      if (where != null) {
        b.beginControlFlow("if ($L)", exprs.bool(where, s).code());
      }
      CodeBlock value = null;
      if (term != null) {
        String local = s.local("term");
        b.addStatement("long $N = $L", local, exprs.num(term, s).code());
        value = CodeBlock.of("$N", local);
      }
      if (disjoint) {
        b.beginControlFlow("if ($L)", inM);
        add(b, atM, value);
        b.nextControlFlow("else");
        add(b, atM12, value);
        b.endControlFlow();
      } else {
        addIf(b, inM, atM, value);
        addIf(b, inM12, atM12, value);
      }
      if (where != null) {
        b.endControlFlow();
      }
    } else {
      if (inM != null) {
        b.beginControlFlow("if ($L)", inM);
      }
      accumulate(b, atM, where, term, s, 0);
      if (inM != null) {
        if (disjoint) {
          b.nextControlFlow("else");
        } else {
          b.endControlFlow();
          b.beginControlFlow("if ($L)", inM12);
        }
      }
      accumulate(b, atM12, where, term, s, -12);
      if (inM != null) {
        b.endControlFlow();
      }
    }
    for (int i = 0; i < open; i++) {
      b.endControlFlow();
    }
    if (result >= 0) {
      b.addStatement("out.current[$L] = $N", result, atM);
      b.addStatement("out.baseline[$L] = $N", result, atM12);
    }
    return b.addStatement("return $T.subtractExact($N, $N)", MATH, atM, atM12).build();
  }

  /** Adds {@code value} (one, when null) to {@code acc}. */
  private static void add(CodeBlock.Builder b, String acc, CodeBlock value) {
    if (value == null) {
      b.addStatement("$N++", acc);
    } else {
      b.addStatement("$N = $T.addExact($N,$W$L)", acc, MATH, acc, value);
    }
  }

  private static void addIf(CodeBlock.Builder b, CodeBlock cond, String acc, CodeBlock value) {
    if (cond != null) {
      b.beginControlFlow("if ($L)", cond);
    }
    add(b, acc, value);
    if (cond != null) {
      b.endControlFlow();
    }
  }

  /**
   * Adds the term (one, for a count) to {@code acc} where the condition holds, with the as-of month
   * shifted.
   */
  private void accumulate(
      CodeBlock.Builder b, String acc, Ir.Expr where, Ir.Expr term, Scope s, int shift) {
    int saved = s.asOfShift;
    s.asOfShift = shift;
    try {
      if (where != null) {
        b.beginControlFlow("if ($L)", exprs.bool(where, s).code());
      }
      add(b, acc, term == null ? null : exprs.num(term, s).code());
      if (where != null) {
        b.endControlFlow();
      }
    } finally {
      s.asOfShift = saved;
    }
  }
}
