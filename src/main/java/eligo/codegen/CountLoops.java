package eligo.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The counts {@link LoopWriter} writes in one pass rather than one loop per binder, in the shapes
 * {@link LoopShapes} finds: the workloads some tenant satisfies, the association types associated,
 * and per workload in a customer's pairs. Each counts what the loops would, in the same order.
 */
final class CountLoops {
  private static final ClassName MATH = AreaWriter.MATH;

  private final ExprCompiler exprs;
  private final Masks masks;
  private final Utilities utilities;
  private final LoopWriter loops;

  CountLoops(ExprCompiler exprs, Masks masks, Utilities utilities, LoopWriter loops) {
    this.exprs = exprs;
    this.masks = masks;
    this.utilities = utilities;
    this.loops = loops;
  }

  /**
   * {@code count workload in S where any tenant, ... where C} (see {@link
   * LoopShapes#isWorkloadsWithSomeTenant}): the tenants' pairs in order, each workload counted
   * once, the first time some tenant satisfies the rest. For each workload, tenants are tried in
   * the same order as the loop over workloads would, and stop at the same one.
   */
  CodeBlock workloadsWithSomeTenant(Ir.Count count, Scope s) {
    Ir.ForWorkload fw = (Ir.ForWorkload) count.binders().get(0);
    Ir.Exists any = (Ir.Exists) count.where();
    Ir.ForTenant ft = (Ir.ForTenant) any.binders().get(0);
    ExprCompiler.requireCustomer(s, "a loop over tenants");
    String mask = masks.workloads(fw.set());
    String counted = utilities.workloadFlags();
    String acc = s.local("count");
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("long $N = 0L", acc);
    b.addStatement("$T.fill($N, false)", Masks.ARRAYS, counted);
    b.add(
        "// each workload once, from the tenants' own pairs: a workload without data adds nothing\n");
    String[] tpw = tenantPairLoops(b, s, ft, fw);
    String p = tpw[1];
    String w = tpw[2];
    b.beginControlFlow(
            "if ($L$N[$N])",
            mask == null ? CodeBlock.of("") : CodeBlock.of("!$N[$N] || ", mask, w),
            counted,
            w)
        .addStatement("continue")
        .endControlFlow();
    Ir.Expr rest = LoopShapes.perPair(any);
    JavaExpr holds = any.binders().size() == 1 ? exprs.bool(any.where(), s) : exprs.bool(rest, s);
    b.beginControlFlow("if ($L)", holds.code());
    b.addStatement("$N[$N] = true", counted, w);
    b.addStatement("$N++", acc);
    b.endControlFlow();
    b.endControlFlow();
    b.endControlFlow();
    return b.addStatement("return $N", acc).build();
  }

  /**
   * {@code count type in S where any tenant, workload in W, month in R where associated} (see
   * {@link LoopShapes#typesAssociated(Ir.Count)}): the associations of the tenants' own pairs of W
   * in order, each type of S counted once, the first time one of its associations is active in some
   * month of R.
   */
  CodeBlock typesAssociated(LoopShapes.TypesAssociated x, Scope s) {
    ExprCompiler.requireCustomer(s, "a loop over tenants");
    ExprCompiler.requireDim(x.type().var(), Ir.Dim.TYPE);
    ExprCompiler.requireDim(x.tenant().var(), Ir.Dim.TENANT);
    ExprCompiler.requireDim(x.workload().var(), Ir.Dim.WORKLOAD);
    CodeBlock.Builder b = CodeBlock.builder();
    JavaExpr from = exprs.month(x.from(), s);
    JavaExpr to = exprs.month(x.to(), s);
    if (!LoopShapes.nonEmpty(x.from(), x.to())) {
      b.beginControlFlow(
          "if ($L > $L)", from.operand(JavaExpr.ADDITIVE), to.operand(JavaExpr.ADDITIVE));
      b.addStatement("return 0L");
      b.endControlFlow();
    }
    String typeMask = x.type().types() == null ? null : masks.types(x.type().types());
    String workloadMask = masks.workloads(x.workload().set());
    String counted = utilities.typeFlags();
    String acc = s.local("count");
    b.addStatement("long $N = 0L", acc);
    b.addStatement("$T.fill($N, false)", Masks.ARRAYS, counted);
    b.add(
        "// each type once, from the associations of the tenants' own pairs: a type without one adds nothing\n");
    String t = s.bind(x.tenant().var());
    b.beginControlFlow("for (int $N = data.tenantStart(c); $N < data.tenantEnd(c); $N++)", t, t, t);
    String p = s.local("p");
    String w = s.bind(x.workload().var());
    b.beginControlFlow(
        "for (int $N = data.pairStart($N); $N < data.pairEnd($N); $N++)", p, t, p, t, p);
    b.addStatement("int $N = data.pairWorkload($N)", w, p);
    s.addPair(x.tenant().var(), x.workload().var(), p, true);
    if (workloadMask != null) {
      b.beginControlFlow("if (!$N[$N])", workloadMask, w).addStatement("continue").endControlFlow();
    }
    String a = s.local("a");
    b.beginControlFlow(
        "for (int $N = data.assocStart($N); $N < data.assocEnd($N); $N++)", a, p, a, p, a);
    String k = s.bind(x.type().var());
    b.addStatement("int $N = data.assocType($N)", k, a);
    List<CodeBlock> skip = new ArrayList<>();
    if (typeMask != null) {
      skip.add(CodeBlock.of("!$N[$N]", typeMask, k));
    }
    if (x.associated().types() != null) {
      skip.add(CodeBlock.of("!$L[$N]", masks.typeRow(x.associated().types(), w), k));
    }
    skip.add(CodeBlock.of("$N[$N]", counted, k));
    b.beginControlFlow("if ($L)", CodeBlock.join(skip, " ||$W"))
        .addStatement("continue")
        .endControlFlow();
    if (x.from().equals(x.to())) {
      b.add("// active in month $L\n", from.code());
    } else {
      b.add("// active in some month of $L .. $L\n", from.code(), to.code());
    }
    b.beginControlFlow(
        "if (data.assocStartMonth($N) <= $L &&$W$L <= data.assocEndMonth($N))",
        a,
        to.operand(JavaExpr.RELATIONAL + 1),
        from.operand(JavaExpr.RELATIONAL + 1),
        a);
    b.addStatement("$N[$N] = true", counted, k);
    b.addStatement("$N++", acc);
    b.endControlFlow();
    b.endControlFlow();
    b.endControlFlow();
    b.endControlFlow();
    return b.addStatement("return $N", acc).build();
  }

  /**
   * Opens the loops over the customer's tenants and each tenant's own pairs, binding the tenant and
   * the pair's workload; returns the names of the tenant, the pair and the workload.
   */
  private static String[] tenantPairLoops(
      CodeBlock.Builder b, Scope s, Ir.ForTenant ft, Ir.ForWorkload fw) {
    String t = s.bind(ft.var());
    b.beginControlFlow("for (int $N = data.tenantStart(c); $N < data.tenantEnd(c); $N++)", t, t, t);
    String p = s.local("p");
    String w = s.bind(fw.var());
    b.beginControlFlow(
        "for (int $N = data.pairStart($N); $N < data.pairEnd($N); $N++)", p, t, p, t, p);
    b.addStatement("int $N = data.pairWorkload($N)", w, p);
    s.addPair(ft.var(), fw.var(), p, true);
    return new String[] {t, p, w};
  }

  /** {@code count workload in S where A <op> x} (see {@link LoopShapes#perWorkload(Ir.Count)}). */
  CodeBlock perWorkload(Ir.Count count, Ir.Expr aggregate, Scope s) {
    Ir.ForWorkload fw = (Ir.ForWorkload) count.binders().get(0);
    Ir.ForTenant ft = (Ir.ForTenant) Reads.binders(aggregate).get(0);
    ExprCompiler.requireDim(fw.var(), Ir.Dim.WORKLOAD);
    ExprCompiler.requireDim(ft.var(), Ir.Dim.TENANT);
    String mask = masks.workloads(fw.set());
    String[] fields = utilities.workloadSums();
    String summed = fields[0];
    String sums = fields[1];
    CodeBlock.Builder b = CodeBlock.builder();
    String acc = s.local("count");
    b.addStatement("long $N = 0L", acc);
    b.addStatement("$T.fill($N, false)", Masks.ARRAYS, summed);
    b.add(
        "// the $L of each workload, from one pass over the tenants' own pairs: a workload without data"
            + " adds nothing\n",
        aggregate instanceof Ir.Sum ? "sum" : "count");
    String[] tpw = tenantPairLoops(b, s, ft, fw);
    String p = tpw[1];
    String w = tpw[2];
    if (mask != null) {
      b.beginControlFlow("if (!$N[$N])", mask, w).addStatement("continue").endControlFlow();
    }
    String value = s.local(aggregate instanceof Ir.Sum ? "sum" : "count");
    b.addStatement("long $N = $N[$N] ? $N[$N] : 0L", value, summed, w, sums, w);
    Set<List<Ir.Var>> pairs = new LinkedHashSet<>();
    Set<Ir.EarliestStart> starts = new LinkedHashSet<>();
    Reads.lookups(aggregate, pairs, starts);
    loops.declareLookups(b, s, pairs, starts);
    int open = 0;
    List<Ir.Binder> binders = Reads.binders(aggregate);
    for (Ir.Binder binder : binders.subList(1, binders.size())) {
      open += loops.openLoop(b, binder, aggregate, s);
      loops.declareLookups(b, s, pairs, starts);
    }
    Ir.Expr where = Reads.where(aggregate);
    if (where != null) {
      b.beginControlFlow("if ($L)", exprs.bool(where, s).code());
    }
    if (aggregate instanceof Ir.Sum sum) {
      b.addStatement(
          "$N = $T.addExact($N,$W$L)", value, MATH, value, exprs.num(sum.body(), s).code());
    } else {
      b.addStatement("$N++", value);
    }
    if (where != null) {
      b.endControlFlow();
    }
    for (int i = 0; i < open; i++) {
      b.endControlFlow();
    }
    b.addStatement("$N[$N] = true", summed, w);
    b.addStatement("$N[$N] = $N", sums, w, value);
    b.endControlFlow();
    b.endControlFlow();
    b.add(
        "// then each workload with data, as the value of its $L\n",
        aggregate instanceof Ir.Sum ? "sum" : "count");
    b.beginControlFlow("for (int $N = 0; $N < data.workloadCount(); $N++)", w, w, w);
    b.beginControlFlow(
            "if ($L!$N[$N])",
            mask == null ? CodeBlock.of("") : CodeBlock.of("!$N[$N] || ", mask, w),
            summed,
            w)
        .addStatement("continue")
        .endControlFlow();
    s.addComputed(aggregate, sums + "[" + w + "]");
    b.beginControlFlow("if ($L)", exprs.bool(count.where(), s).code());
    b.addStatement("$N++", acc);
    b.endControlFlow();
    b.endControlFlow();
    return b.addStatement("return $N", acc).build();
  }
}
