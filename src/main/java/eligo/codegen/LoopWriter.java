package eligo.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import eligo.ir.Absence;
import eligo.ir.Ir;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the loops of an aggregate (sum, average, minimum, maximum, count, any, every) as Java
 * statements: one loop per binder, or the one-pass form {@link LoopShapes} chose, with the lookups
 * each level needs, and the accumulation or early return. The expressions inside come from {@link
 * ExprCompiler}.
 */
final class LoopWriter {
  private static final ClassName MATH = AreaWriter.MATH;
  private static final ClassName MONTH = AreaWriter.MONTH;
  private static final ClassName EXACT = ClassName.get(eligo.data.Exact.class);

  private final ExprCompiler exprs;
  private final Masks masks;
  private final Utilities utilities;

  /** The counts written in one pass ({@link CountLoops}). */
  private final CountLoops counts;

  /**
   * @param exprs compiles the conditions, terms and months inside the loops
   */
  LoopWriter(ExprCompiler exprs, Masks masks, Utilities utilities) {
    this.exprs = exprs;
    this.masks = masks;
    this.utilities = utilities;
    this.counts = new CountLoops(exprs, masks, utilities, this);
  }

  CodeBlock aggregateBody(Ir.Expr e, Scope s) {
    if (e instanceof Ir.Count count && LoopShapes.isWorkloadsWithSomeTenant(count)) {
      return counts.workloadsWithSomeTenant(count, s);
    }
    if (e instanceof Ir.Count count && LoopShapes.typesAssociated(count) != null) {
      return counts.typesAssociated(LoopShapes.typesAssociated(count), s);
    }
    if (e instanceof Ir.Count count && s.customer && LoopShapes.perWorkload(count) != null) {
      return counts.perWorkload(count, LoopShapes.perWorkload(count), s);
    }
    List<Ir.Binder> binders = Reads.binders(e);
    Ir.Expr where = Reads.where(e);
    CodeBlock.Builder b = CodeBlock.builder();
    Ir.ForMonth during = LoopShapes.monthsOfAssociation(e);
    if (during != null) {
      binders = binders.subList(0, binders.size() - 1);
    }
    if (binders.isEmpty()) {
      JavaExpr value =
          during != null
              ? associatedDuring((Ir.Associated) where, during, s)
              : singleBinding(e, where, s);
      return b.addStatement("return $L", value.code()).build();
    }
    if (e instanceof Ir.ForAll && where == null) {
      return b.addStatement("return true").build();
    }
    String acc = null;
    String terms = null;
    if (e instanceof Ir.Reduce reduce) {
      acc = s.local(reduce.op() == Ir.ReduceOp.AVERAGE ? "sum" : "best");
      terms = s.local("terms");
      b.addStatement("long $N = 0L", acc);
      b.addStatement("long $N = 0L", terms);
    } else if (e instanceof Ir.Count) {
      acc = s.local("count");
      b.addStatement("long $N = 0L", acc);
    } else if (e instanceof Ir.Sum) {
      acc = s.local("sum");
      b.addStatement("long $N = 0L", acc);
    }
    Set<List<Ir.Var>> pairs = new LinkedHashSet<>();
    Set<Ir.EarliestStart> starts = new LinkedHashSet<>();
    Reads.lookups(e, pairs, starts);
    declareLookups(b, s, pairs, starts);
    int open = 0;
    for (Ir.Binder binder : binders) {
      open += openLoop(b, binder, e, s);
      declareLookups(b, s, pairs, starts);
    }
    if (e instanceof Ir.Count) {
      if (where == null) {
        b.addStatement("$N++", acc);
      } else {
        b.beginControlFlow("if ($L)", exprs.bool(where, s).code());
        b.addStatement("$N++", acc);
        b.endControlFlow();
      }
    } else if (e instanceof Ir.Sum sum) {
      if (where == null) {
        b.addStatement(
            "$N = $T.addExact($N,$W$L)", acc, MATH, acc, exprs.num(sum.body(), s).code());
      } else {
        b.beginControlFlow("if ($L)", exprs.bool(where, s).code());
        b.addStatement(
            "$N = $T.addExact($N,$W$L)", acc, MATH, acc, exprs.num(sum.body(), s).code());
        b.endControlFlow();
      }
    } else if (e instanceof Ir.Reduce reduce) {
      if (where != null) {
        b.beginControlFlow("if ($L)", exprs.bool(where, s).code());
      }
      String term = s.local("term");
      b.addStatement("long $N = $L", term, exprs.num(reduce.body(), s).code());
      if (reduce.op() == Ir.ReduceOp.AVERAGE) {
        b.addStatement("$N = $T.addExact($N, $N)", acc, MATH, acc, term);
      } else {
        b.beginControlFlow(
            "if ($N == 0L || $N $L $N)",
            terms,
            term,
            reduce.op() == Ir.ReduceOp.MINIMUM ? "<" : ">",
            acc);
        b.addStatement("$N = $N", acc, term);
        b.endControlFlow();
      }
      b.addStatement("$N = $T.addExact($N, 1L)", terms, MATH, terms);
      if (where != null) {
        b.endControlFlow();
      }
    } else if (e instanceof Ir.Exists) {
      if (where == null) {
        b.addStatement("return true");
      } else {
        JavaExpr holds =
            during != null
                ? associatedDuring((Ir.Associated) where, during, s)
                : exprs.bool(where, s);
        b.beginControlFlow("if ($L)", holds.code());
        b.addStatement("return true");
        b.endControlFlow();
      }
    } else {
      b.beginControlFlow("if (!$L)", exprs.bool(where, s).operand(JavaExpr.UNARY));
      b.addStatement("return false");
      b.endControlFlow();
    }
    for (int i = 0; i < open; i++) {
      b.endControlFlow();
    }
    if (e instanceof Ir.Reduce reduce && reduce.op() == Ir.ReduceOp.AVERAGE) {
      b.addStatement("return $T.divideHalfEven($N, $N)", EXACT, acc, terms);
    } else if (acc != null) {
      b.addStatement("return $N", acc);
    } else {
      b.addStatement("return $L", e instanceof Ir.ForAll);
    }
    return b.build();
  }

  /**
   * Whether {@code a} holds in some month of {@code months}' range (see {@link
   * LoopShapes#monthsOfAssociation}).
   */
  private JavaExpr associatedDuring(Ir.Associated a, Ir.ForMonth months, Scope s) {
    CodeBlock pair = ExprCompiler.pair(a.tenant(), a.workload(), s);
    CodeBlock from = exprs.month(months.range().from(), s).code();
    CodeBlock to = exprs.month(months.range().to(), s).code();
    if (a.typeVar() == null) {
      CodeBlock types =
          a.types() == null
              ? CodeBlock.of("$N", masks.allTypes())
              : masks.typeRow(a.types(), s.name(a.workload(), Ir.Dim.WORKLOAD));
      return JavaExpr.atom(
          CodeBlock.of("data.activeDuring($L, $L, $L, $L)", pair, types, from, to));
    }
    String k = s.name(a.typeVar(), Ir.Dim.TYPE);
    JavaExpr active =
        JavaExpr.atom(CodeBlock.of("data.activeTypeDuring($L, $N, $L, $L)", pair, k, from, to));
    if (a.types() == null) {
      return active;
    }
    CodeBlock row = masks.typeRow(a.types(), s.name(a.workload(), Ir.Dim.WORKLOAD));
    return new JavaExpr(CodeBlock.of("$L[$N] &&$W$L", row, k, active.code()), JavaExpr.AND);
  }

  /** An aggregate without binders: exactly one binding. */
  private JavaExpr singleBinding(Ir.Expr e, Ir.Expr where, Scope s) {
    JavaExpr holds = where == null ? JavaExpr.atom(CodeBlock.of("true")) : exprs.bool(where, s);
    if (e instanceof Ir.Exists || e instanceof Ir.ForAll) {
      return holds;
    }
    JavaExpr one =
        e instanceof Ir.Count ? JavaExpr.longLiteral(1) : exprs.num(((Ir.Sum) e).body(), s);
    if (where == null) {
      return one;
    }
    return new JavaExpr(
        CodeBlock.of(
            "$L ? $L : 0L", holds.operand(JavaExpr.TERNARY + 1), one.operand(JavaExpr.TERNARY + 1)),
        JavaExpr.TERNARY);
  }

  /**
   * Opens the loop of one binder of {@code aggregate} (and its filter); returns the number of
   * blocks opened. Where the bindings left out provably add nothing ({@link Absence}), the loop
   * visits only data that exists: a workload loop walks a bound tenant's own pairs, or skips the
   * workloads the customer has no data for; a month loop walks a looked-up pair's usage rows in the
   * range. Either way bindings come in the same order (ascending workload, month).
   */
  int openLoop(CodeBlock.Builder b, Ir.Binder binder, Ir.Expr aggregate, Scope s) {
    if (binder instanceof Ir.ForTenant ft) {
      ExprCompiler.requireCustomer(s, "a loop over tenants");
      String t = s.bind(ft.var());
      ExprCompiler.requireDim(ft.var(), Ir.Dim.TENANT);
      b.beginControlFlow(
          "for (int $N = data.tenantStart(c); $N < data.tenantEnd(c); $N++)", t, t, t);
      return 1;
    }
    if (binder instanceof Ir.ForWorkload fw) {
      ExprCompiler.requireDim(fw.var(), Ir.Dim.WORKLOAD);
      String mask = masks.workloads(fw.set());
      Ir.Var tenant = LoopShapes.tenantWithOwnPairs(aggregate, fw.var(), s);
      if (tenant != null) {
        String t = s.name(tenant, Ir.Dim.TENANT);
        String p = s.local("p");
        String w = s.bind(fw.var());
        b.add("// the tenant's own pairs: a workload without data adds nothing\n");
        b.beginControlFlow(
            "for (int $N = data.pairStart($N); $N < data.pairEnd($N); $N++)", p, t, p, t, p);
        b.addStatement("int $N = data.pairWorkload($N)", w, p);
        if (mask != null) {
          b.beginControlFlow("if (!$N[$N])", mask, w).addStatement("continue").endControlFlow();
        }
        s.addPair(tenant, fw.var(), p, true);
        return 1;
      }
      String used = null;
      if (s.customer && Absence.workload(fw.var()).contributesNothing(aggregate)) {
        used = s.local("used");
        b.add("// a workload that no tenant of the customer has adds nothing\n");
        b.addStatement("boolean[] $N = $N(c)", used, utilities.workloadsOf());
      }
      String w = s.bind(fw.var());
      b.beginControlFlow("for (int $N = 0; $N < data.workloadCount(); $N++)", w, w, w);
      if (mask != null && used != null) {
        b.beginControlFlow("if (!$N[$N] || !$N[$N])", mask, w, used, w)
            .addStatement("continue")
            .endControlFlow();
      } else if (mask != null || used != null) {
        b.beginControlFlow("if (!$N[$N])", mask != null ? mask : used, w)
            .addStatement("continue")
            .endControlFlow();
      }
      return 1;
    }
    if (binder instanceof Ir.ForMonth fm) {
      ExprCompiler.requireDim(fm.var(), Ir.Dim.MONTH);
      JavaExpr from = exprs.month(fm.range().from(), s);
      JavaExpr to = exprs.month(fm.range().to(), s);
      CodeBlock fromCode = from.code();
      CodeBlock toCode = to.operand(JavaExpr.ADDITIVE);
      int open = 0;
      if (ExprCompiler.mayBeNone(fm.range().from()) || ExprCompiler.mayBeNone(fm.range().to())) {
        String fromName = s.local("from");
        String toName = s.local("to");
        b.addStatement("int $N = $L", fromName, from.code());
        b.addStatement("int $N = $L", toName, to.code());
        b.beginControlFlow("if ($N != $T.NONE && $N != $T.NONE)", fromName, MONTH, toName, MONTH);
        fromCode = CodeBlock.of("$N", fromName);
        toCode = CodeBlock.of("$N", toName);
        open++;
      }
      Scope.Pair rows = LoopShapes.pairWithOwnRows(aggregate, fm.var(), s);
      if (rows != null) {
        String p = rows.local();
        b.add("// the pair's own usage rows in the range: a month without a row adds nothing\n");
        if (!rows.exists()) {
          b.beginControlFlow("if ($N >= 0)", p);
          open++;
        }
        String r = s.local("r");
        b.beginControlFlow(
            "for (int $N = data.firstRow($N, $L); $N < data.rowEnd($N) && data.rowMonth($N) <= $L; $N++)",
            r,
            p,
            fromCode,
            r,
            p,
            r,
            toCode,
            r);
        String m = s.bind(fm.var());
        b.addStatement("int $N = data.rowMonth($N)", m, r);
        s.addRow(rows.tenant(), rows.workload(), fm.var(), r);
        return open + 1;
      }
      String m = s.bind(fm.var());
      b.beginControlFlow("for (int $N = $L; $N <= $L; $N++)", m, fromCode, m, toCode, m);
      return open + 1;
    }
    Ir.ForType ft = (Ir.ForType) binder;
    ExprCompiler.requireDim(ft.var(), Ir.Dim.TYPE);
    String mask = ft.types() == null ? null : masks.types(ft.types());
    String k = s.bind(ft.var());
    b.beginControlFlow("for (int $N = 0; $N < data.typeCount(); $N++)", k, k, k);
    if (mask != null) {
      b.beginControlFlow("if (!$N[$N])", mask, k).addStatement("continue").endControlFlow();
    }
    return 1;
  }

  /**
   * Looks up each referenced (tenant, workload) pair ({@code int p = data.pair(t, w)}) and earliest
   * start ({@code int start = data.firstStart(p, types)}) once, as soon as its variables are bound.
   * Both are pure and cannot fail, so computing them ahead of a short-circuit is safe.
   */
  void declareLookups(
      CodeBlock.Builder b, Scope s, Set<List<Ir.Var>> pairs, Set<Ir.EarliestStart> starts) {
    for (List<Ir.Var> pair : pairs) {
      Ir.Var t = pair.get(0);
      Ir.Var w = pair.get(1);
      if (s.pair(t, w) == null && s.isBound(t) && s.isBound(w)) {
        String p = s.local("p");
        b.addStatement(
            "int $N = data.pair($N, $N)", p, s.name(t, Ir.Dim.TENANT), s.name(w, Ir.Dim.WORKLOAD));
        s.addPair(t, w, p, false);
      }
    }
    for (Ir.EarliestStart es : starts) {
      if (s.start(es) == null && s.isBound(es.tenant()) && s.isBound(es.workload())) {
        JavaExpr value = exprs.month(es, s);
        String start = s.local("start");
        b.addStatement("int $N = $L", start, value.code());
        s.addStart(es, start);
      }
    }
  }
}
