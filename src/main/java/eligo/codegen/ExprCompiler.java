package eligo.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import eligo.data.Measure;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Turns IR expressions into straight-line Java: numbers are unscaled {@code long}s at the
 * expression's static scale with exact arithmetic ({@code Math.addExact} and friends), booleans
 * are Java booleans, months are ints. Every aggregate (sum, count, any, every) and every nested
 * net becomes one private helper method with loops and early returns; its free variables are its
 * parameters. A method holds the loops of at most one aggregate, except for a few forms that are
 * cheaper computed in one pass: distinct types counted from the associations ({@link
 * #typesAssociated(Ir.Count)}), a sum or count over tenants computed for every workload at once
 * ({@link #perWorkload(Ir.Count)}), and a net computed at M and at M-12 at once ({@link
 * #netBody}).
 */
class ExprCompiler {
  private static final ClassName MEASURE = ClassName.get(Measure.class);
  private static final ClassName MATH = AreaWriter.MATH;
  private static final ClassName MONTH = AreaWriter.MONTH;

  private final Names members;
  private final Masks masks;
  private final Utilities utilities;
  private final String helperBase;
  private final String nodeId;
  private final List<MethodSpec> sink;
  /** Helpers written so far, by expression (identity) and parameters. */
  private final Map<Ir.Expr, Map<List<Object>, String>> helpers = new IdentityHashMap<>();
  private final Forms forms = new Forms();

  /**
   * @param helperBase prefix of helper method names (from the node id)
   * @param nodeId the node served, for helper Javadoc
   * @param sink where helper methods go
   */
  ExprCompiler(
      Names members, Masks masks, Utilities utilities, String helperBase, String nodeId,
      List<MethodSpec> sink) {
    this.members = members;
    this.masks = masks;
    this.utilities = utilities;
    this.helperBase = helperBase;
    this.nodeId = nodeId;
    this.sink = sink;
  }

  // ---------------------------------------------------------------- method bodies

  /** Statements computing {@code e} and returning it: loops inline for an aggregate. */
  CodeBlock methodBody(Ir.Expr e, Scope s) {
    if (isAggregate(e)) {
      return aggregateBody(e, s);
    }
    JavaExpr value = e.type() == Ir.Type.NUM ? num(e, s) : bool(e, s);
    return CodeBlock.builder().addStatement("return $L", value.code()).build();
  }

  private static boolean isAggregate(Ir.Expr e) {
    return e instanceof Ir.Quantified;
  }

  private CodeBlock aggregateBody(Ir.Expr e, Scope s) {
    if (e instanceof Ir.Count count && isWorkloadsWithSomeTenant(count)) {
      return workloadsWithSomeTenant(count, s);
    }
    if (e instanceof Ir.Count count && typesAssociated(count) != null) {
      return typesAssociated(typesAssociated(count), s);
    }
    if (e instanceof Ir.Count count && s.customer && perWorkload(count) != null) {
      return perWorkload(count, perWorkload(count), s);
    }
    List<Ir.Binder> binders = binders(e);
    Ir.Expr where = where(e);
    CodeBlock.Builder b = CodeBlock.builder();
    Ir.ForMonth during = monthsOfAssociation(e);
    if (during != null) {
      binders = binders.subList(0, binders.size() - 1);
    }
    if (binders.isEmpty()) {
      JavaExpr value = during != null ? associatedDuring((Ir.Associated) where, during, s) : singleBinding(e, where, s);
      return b.addStatement("return $L", value.code()).build();
    }
    if (e instanceof Ir.ForAll && where == null) {
      return b.addStatement("return true").build();
    }
    String acc = null;
    if (e instanceof Ir.Count) {
      acc = s.local("count");
      b.addStatement("long $N = 0L", acc);
    } else if (e instanceof Ir.Sum) {
      acc = s.local("sum");
      b.addStatement("long $N = 0L", acc);
    }
    Set<List<Ir.Var>> pairs = new LinkedHashSet<>();
    Set<Ir.EarliestStart> starts = new LinkedHashSet<>();
    lookups(e, pairs, starts);
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
        b.beginControlFlow("if ($L)", bool(where, s).code());
        b.addStatement("$N++", acc);
        b.endControlFlow();
      }
    } else if (e instanceof Ir.Sum sum) {
      if (where == null) {
        b.addStatement("$N = $T.addExact($N,$W$L)", acc, MATH, acc, num(sum.body(), s).code());
      } else {
        b.beginControlFlow("if ($L)", bool(where, s).code());
        b.addStatement("$N = $T.addExact($N,$W$L)", acc, MATH, acc, num(sum.body(), s).code());
        b.endControlFlow();
      }
    } else if (e instanceof Ir.Exists) {
      if (where == null) {
        b.addStatement("return true");
      } else {
        JavaExpr holds = during != null ? associatedDuring((Ir.Associated) where, during, s) : bool(where, s);
        b.beginControlFlow("if ($L)", holds.code());
        b.addStatement("return true");
        b.endControlFlow();
      }
    } else {
      b.beginControlFlow("if (!$L)", bool(where, s).operand(JavaExpr.UNARY));
      b.addStatement("return false");
      b.endControlFlow();
    }
    for (int i = 0; i < open; i++) {
      b.endControlFlow();
    }
    if (acc != null) {
      b.addStatement("return $N", acc);
    } else {
      b.addStatement("return $L", e instanceof Ir.ForAll);
    }
    return b.build();
  }

  /**
   * Whether {@code count} counts workloads of a set for which some tenant (and then perhaps more
   * bindings) satisfies a condition ({@code count workload in S where any tenant, ... where C}),
   * and that condition is false for a tenant without data for the workload: then the workloads
   * can be counted from the tenants' own pairs, each once.
   */
  private static boolean isWorkloadsWithSomeTenant(Ir.Count count) {
    if (count.binders().size() != 1 || !(count.binders().get(0) instanceof Ir.ForWorkload fw)
        || !(count.where() instanceof Ir.Exists any) || any.binders().isEmpty()
        || !(any.binders().get(0) instanceof Ir.ForTenant ft)) {
      return false;
    }
    return Absence.pair(ft.var(), fw.var()).contributesNothing(perPair(any));
  }

  /** The condition of {@code any}, per binding of its first binder (a tenant). */
  private static Ir.Expr perPair(Ir.Exists any) {
    return new Ir.Exists(any.binders().subList(1, any.binders().size()), any.where());
  }

  /**
   * {@code count workload in S where any tenant, ... where C} (see {@link
   * #isWorkloadsWithSomeTenant}): the tenants' pairs in order, each workload counted once, the
   * first time some tenant satisfies the rest. For each workload, tenants are tried in the same
   * order as the loop over workloads would, and stop at the same one.
   */
  private CodeBlock workloadsWithSomeTenant(Ir.Count count, Scope s) {
    Ir.ForWorkload fw = (Ir.ForWorkload) count.binders().get(0);
    Ir.Exists any = (Ir.Exists) count.where();
    Ir.ForTenant ft = (Ir.ForTenant) any.binders().get(0);
    requireCustomer(s, "a loop over tenants");
    String mask = masks.workloads(fw.set());
    String counted = utilities.workloadFlags();
    String acc = s.local("count");
    CodeBlock.Builder b = CodeBlock.builder();
    b.addStatement("long $N = 0L", acc);
    b.addStatement("$T.fill($N, false)", Masks.ARRAYS, counted);
    b.add("// each workload once, from the tenants' own pairs: a workload without data adds nothing\n");
    String[] tpw = tenantPairLoops(b, s, ft, fw);
    String p = tpw[1];
    String w = tpw[2];
    b.beginControlFlow("if ($L$N[$N])", mask == null ? CodeBlock.of("") : CodeBlock.of("!$N[$N] || ", mask, w), counted, w)
        .addStatement("continue").endControlFlow();
    Ir.Expr rest = perPair(any);
    JavaExpr holds = any.binders().size() == 1 ? bool(any.where(), s) : bool(rest, s);
    b.beginControlFlow("if ($L)", holds.code());
    b.addStatement("$N[$N] = true", counted, w);
    b.addStatement("$N++", acc);
    b.endControlFlow();
    b.endControlFlow();
    b.endControlFlow();
    return b.addStatement("return $N", acc).build();
  }

  /**
   * The parts of {@code count type in S where any tenant, workload in W, month in R where
   * associated} (the binders of "any" in any order; without the month, associated in one month):
   * the types can then be counted from the associations of the tenants' own pairs, each once, in
   * one pass, instead of one pass per type. Null for any other form, or when the months may be "no
   * month". Associations cannot fail, so neither can the count, in any order.
   */
  private record TypesAssociated(
      Ir.ForType type, Ir.ForTenant tenant, Ir.ForWorkload workload, Ir.MonthExpr from,
      Ir.MonthExpr to, Ir.Associated associated) {}

  private static TypesAssociated typesAssociated(Ir.Count count) {
    if (count.binders().size() != 1 || !(count.binders().get(0) instanceof Ir.ForType type)
        || !(count.where() instanceof Ir.Exists any) || !(any.where() instanceof Ir.Associated a)
        || !type.var().equals(a.typeVar())) {
      return null;
    }
    Ir.ForTenant tenant = null;
    Ir.ForWorkload workload = null;
    Ir.ForMonth month = null;
    for (Ir.Binder binder : any.binders()) {
      if (binder instanceof Ir.ForTenant ft && tenant == null && ft.var().equals(a.tenant())) {
        tenant = ft;
      } else if (binder instanceof Ir.ForWorkload fw && workload == null && fw.var().equals(a.workload())) {
        workload = fw;
      } else if (binder instanceof Ir.ForMonth fm && month == null
          && a.month() instanceof Ir.MonthVar mv && mv.var().equals(fm.var()) && mv.offset() == 0) {
        month = fm;
      } else {
        return null;
      }
    }
    if (tenant == null || workload == null) {
      return null;
    }
    Ir.MonthExpr from = month != null ? month.range().from() : a.month();
    Ir.MonthExpr to = month != null ? month.range().to() : a.month();
    if (mayBeNone(from) || mayBeNone(to)) {
      return null;
    }
    return new TypesAssociated(type, tenant, workload, from, to, a);
  }

  /**
   * {@code count type in S where any tenant, workload in W, month in R where associated} (see
   * {@link #typesAssociated(Ir.Count)}): the associations of the tenants' own pairs of W in order,
   * each type of S counted once, the first time one of its associations is active in some month
   * of R.
   */
  private CodeBlock typesAssociated(TypesAssociated x, Scope s) {
    requireCustomer(s, "a loop over tenants");
    requireDim(x.type().var(), Ir.Dim.TYPE);
    requireDim(x.tenant().var(), Ir.Dim.TENANT);
    requireDim(x.workload().var(), Ir.Dim.WORKLOAD);
    CodeBlock.Builder b = CodeBlock.builder();
    JavaExpr from = month(x.from(), s);
    JavaExpr to = month(x.to(), s);
    if (!nonEmpty(x.from(), x.to())) {
      b.beginControlFlow("if ($L > $L)", from.operand(JavaExpr.ADDITIVE), to.operand(JavaExpr.ADDITIVE));
      b.addStatement("return 0L");
      b.endControlFlow();
    }
    String typeMask = x.type().types() == null ? null : masks.types(x.type().types());
    String workloadMask = masks.workloads(x.workload().set());
    String counted = utilities.typeFlags();
    String acc = s.local("count");
    b.addStatement("long $N = 0L", acc);
    b.addStatement("$T.fill($N, false)", Masks.ARRAYS, counted);
    b.add("// each type once, from the associations of the tenants' own pairs: a type without one adds nothing\n");
    String t = s.bind(x.tenant().var());
    b.beginControlFlow("for (int $N = data.tenantStart(c); $N < data.tenantEnd(c); $N++)", t, t, t);
    String p = s.local("p");
    String w = s.bind(x.workload().var());
    b.beginControlFlow("for (int $N = data.pairStart($N); $N < data.pairEnd($N); $N++)", p, t, p, t, p);
    b.addStatement("int $N = data.pairWorkload($N)", w, p);
    s.addPair(x.tenant().var(), x.workload().var(), p, true);
    if (workloadMask != null) {
      b.beginControlFlow("if (!$N[$N])", workloadMask, w).addStatement("continue").endControlFlow();
    }
    String a = s.local("a");
    b.beginControlFlow("for (int $N = data.assocStart($N); $N < data.assocEnd($N); $N++)", a, p, a, p, a);
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
        .addStatement("continue").endControlFlow();
    if (x.from().equals(x.to())) {
      b.add("// active in month $L\n", from.code());
    } else {
      b.add("// active in some month of $L .. $L\n", from.code(), to.code());
    }
    b.beginControlFlow("if (data.assocStartMonth($N) <= $L &&$W$L <= data.assocEndMonth($N))",
        a, to.operand(JavaExpr.RELATIONAL + 1), from.operand(JavaExpr.RELATIONAL + 1), a);
    b.addStatement("$N[$N] = true", counted, k);
    b.addStatement("$N++", acc);
    b.endControlFlow();
    b.endControlFlow();
    b.endControlFlow();
    b.endControlFlow();
    return b.addStatement("return $N", acc).build();
  }

  /**
   * For {@code count workload in S where A <op> x} (or {@code x <op> A}) where A is a sum or count
   * over tenant first (then perhaps more binders) to which a tenant without data for the workload
   * adds nothing, and a workload without data for any tenant is not counted: A, to be computed for
   * every workload at once from one pass over the tenants' own pairs, instead of one pass over the
   * tenants (each with a pair lookup) per workload; else null. Each workload's value gets the same
   * additions in the same order as in its own pass, and every workload's A is computed in both
   * (a comparison computes both sides), so either both fail or neither.
   */
  private static Ir.Expr perWorkload(Ir.Count count) {
    if (count.binders().size() != 1 || !(count.binders().get(0) instanceof Ir.ForWorkload fw)
        || !(count.where() instanceof Ir.Compare cmp)
        || !Absence.workload(fw.var()).contributesNothing(count)) {
      return null;
    }
    for (Ir.Expr side : List.of(cmp.left(), cmp.right())) {
      if ((side instanceof Ir.Sum || side instanceof Ir.Count) && !binders(side).isEmpty()
          && binders(side).get(0) instanceof Ir.ForTenant ft
          && Absence.pair(ft.var(), fw.var()).contributesNothing(side)) {
        return side;
      }
    }
    return null;
  }

  /**
   * Opens the loops over the customer's tenants and each tenant's own pairs, binding the tenant
   * and the pair's workload; returns the names of the tenant, the pair and the workload.
   */
  private static String[] tenantPairLoops(
      CodeBlock.Builder b, Scope s, Ir.ForTenant ft, Ir.ForWorkload fw) {
    String t = s.bind(ft.var());
    b.beginControlFlow("for (int $N = data.tenantStart(c); $N < data.tenantEnd(c); $N++)", t, t, t);
    String p = s.local("p");
    String w = s.bind(fw.var());
    b.beginControlFlow("for (int $N = data.pairStart($N); $N < data.pairEnd($N); $N++)", p, t, p, t, p);
    b.addStatement("int $N = data.pairWorkload($N)", w, p);
    s.addPair(ft.var(), fw.var(), p, true);
    return new String[] {t, p, w};
  }

  /** {@code count workload in S where A <op> x} (see {@link #perWorkload(Ir.Count)}). */
  private CodeBlock perWorkload(Ir.Count count, Ir.Expr aggregate, Scope s) {
    Ir.ForWorkload fw = (Ir.ForWorkload) count.binders().get(0);
    Ir.ForTenant ft = (Ir.ForTenant) binders(aggregate).get(0);
    requireDim(fw.var(), Ir.Dim.WORKLOAD);
    requireDim(ft.var(), Ir.Dim.TENANT);
    String mask = masks.workloads(fw.set());
    String[] fields = utilities.workloadSums();
    String summed = fields[0];
    String sums = fields[1];
    CodeBlock.Builder b = CodeBlock.builder();
    String acc = s.local("count");
    b.addStatement("long $N = 0L", acc);
    b.addStatement("$T.fill($N, false)", Masks.ARRAYS, summed);
    b.add("// the $L of each workload, from one pass over the tenants' own pairs: a workload without data"
        + " adds nothing\n", aggregate instanceof Ir.Sum ? "sum" : "count");
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
    lookups(aggregate, pairs, starts);
    declareLookups(b, s, pairs, starts);
    int open = 0;
    List<Ir.Binder> binders = binders(aggregate);
    for (Ir.Binder binder : binders.subList(1, binders.size())) {
      open += openLoop(b, binder, aggregate, s);
      declareLookups(b, s, pairs, starts);
    }
    Ir.Expr where = where(aggregate);
    if (where != null) {
      b.beginControlFlow("if ($L)", bool(where, s).code());
    }
    if (aggregate instanceof Ir.Sum sum) {
      b.addStatement("$N = $T.addExact($N,$W$L)", value, MATH, value, num(sum.body(), s).code());
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
    b.add("// then each workload with data, as the value of its $L\n", aggregate instanceof Ir.Sum ? "sum" : "count");
    b.beginControlFlow("for (int $N = 0; $N < data.workloadCount(); $N++)", w, w, w);
    b.beginControlFlow("if ($L!$N[$N])", mask == null ? CodeBlock.of("") : CodeBlock.of("!$N[$N] || ", mask, w), summed, w)
        .addStatement("continue").endControlFlow();
    s.addComputed(aggregate, sums + "[" + w + "]");
    b.beginControlFlow("if ($L)", bool(count.where(), s).code());
    b.addStatement("$N++", acc);
    b.endControlFlow();
    b.endControlFlow();
    return b.addStatement("return $N", acc).build();
  }

  /** Whether month range {@code from .. to} is known to hold a month: both the same month plus offsets, in order. */
  private static boolean nonEmpty(Ir.MonthExpr from, Ir.MonthExpr to) {
    if (from instanceof Ir.AsOf f && to instanceof Ir.AsOf t) {
      return f.offset() <= t.offset();
    }
    return from instanceof Ir.MonthVar f && to instanceof Ir.MonthVar t && f.var().equals(t.var())
        && f.offset() <= t.offset();
  }

  // ---------------------------------------------------------------- nets in one pass

  static final String FUSED_NET = "The net value: the value at as-of month {@code asOf} minus the same at"
      + " {@code asOf - 12}, both from one pass over the data.";

  /**
   * Whether net {@code body} can be computed at M and at M-12 in one pass ({@link #netBody}): a
   * sum or count with loops, where no binder reads the as-of month but perhaps the last, a month
   * range {@code M + a .. M + b} at least 12 months long (so that the ranges at M and at M-12
   * leave no month out between them). The condition and the term may read it.
   */
  static boolean fusesNet(Ir.Expr body) {
    if (!(body instanceof Ir.Sum || body instanceof Ir.Count) || binders(body).isEmpty()) {
      return false;
    }
    if (body instanceof Ir.Count count
        && (isWorkloadsWithSomeTenant(count) || typesAssociated(count) != null || perWorkload(count) != null)) {
      return false;
    }
    List<Ir.Binder> binders = binders(body);
    for (int i = 0; i < binders.size(); i++) {
      if (binders.get(i) instanceof Ir.ForMonth fm
          && (fm.range().from() instanceof Ir.AsOf || fm.range().to() instanceof Ir.AsOf)) {
        boolean last = i == binders.size() - 1;
        if (!last || !(fm.range().from() instanceof Ir.AsOf from) || !(fm.range().to() instanceof Ir.AsOf to)
            || (long) to.offset() - from.offset() < 11) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The statements of a net sum or count ({@link #fusesNet}) at M and at M-12 at once, returning
   * the net value: the loops run once; a last month binder over {@code M + a .. M + b} runs over
   * {@code M - 12 + a .. M + b}, a month adding to the value at M from {@code M + a} on and to the
   * value at M-12 up to {@code M - 12 + b}. A condition and term that do not read the as-of month
   * are computed once for both; otherwise once at each. With {@code result} at least 0, both values
   * are written to {@code out.current[result]} and {@code out.baseline[result]}.
   *
   * <p>Each value gets the same additions in the same order as in its own pass, so it overflows
   * exactly when that pass would; either way the customer fails.
   */
  CodeBlock netBody(Ir.Expr e, Scope s, int result) {
    if (!fusesNet(e)) {
      throw new IllegalArgumentException("not a net computed in one pass: " + e);
    }
    List<Ir.Binder> binders = binders(e);
    Ir.Expr where = where(e);
    Ir.Expr term = e instanceof Ir.Sum sum ? sum.body() : null;
    Ir.ForMonth months = binders.get(binders.size() - 1) instanceof Ir.ForMonth fm
        && fm.range().from() instanceof Ir.AsOf ? fm : null;
    CodeBlock.Builder b = CodeBlock.builder();
    String kind = term != null ? "sum" : "count";
    String atM = s.local(kind + "AtM");
    String atM12 = s.local(kind + "AtM12");
    b.addStatement("long $N = 0L", atM);
    b.addStatement("long $N = 0L", atM12);
    Set<List<Ir.Var>> pairs = new LinkedHashSet<>();
    Set<Ir.EarliestStart> starts = new LinkedHashSet<>();
    lookups(e, pairs, starts);
    declareLookups(b, s, pairs, starts);
    int open = 0;
    int first = 0;
    int last = 0;
    for (Ir.Binder binder : binders) {
      if (binder == months) {
        first = ((Ir.AsOf) months.range().from()).offset();
        last = ((Ir.AsOf) months.range().to()).offset();
        b.add("// months at M, $L .. $L, and at M-12, $L .. $L, in one loop\n",
            asOf(s, first).code(), asOf(s, last).code(), asOf(s, first - 12).code(), asOf(s, last - 12).code());
        binder = new Ir.ForMonth(months.var(), new Ir.MonthRange(new Ir.AsOf(first - 12), new Ir.AsOf(last)));
      }
      open += openLoop(b, binder, e, s);
      declareLookups(b, s, pairs, starts);
    }
    CodeBlock inM = null;
    CodeBlock inM12 = null;
    if (months != null) {
      String m = s.name(months.var(), Ir.Dim.MONTH);
      inM = CodeBlock.of("$N >= $L", m, asOf(s, first).operand(JavaExpr.ADDITIVE));
      inM12 = CodeBlock.of("$N <= $L", m, asOf(s, last - 12).operand(JavaExpr.ADDITIVE));
    }
    boolean disjoint = months != null && (long) last - first < 12; // then they meet: one or the other
    if (!readsAsOf(where) && !readsAsOf(term)) {
      if (where != null) {
        b.beginControlFlow("if ($L)", bool(where, s).code());
      }
      CodeBlock value = null;
      if (term != null) {
        String local = s.local("term");
        b.addStatement("long $N = $L", local, num(term, s).code());
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

  /** Adds the term (one, for a count) to {@code acc} where the condition holds, with the as-of month shifted. */
  private void accumulate(CodeBlock.Builder b, String acc, Ir.Expr where, Ir.Expr term, Scope s, int shift) {
    int saved = s.asOfShift;
    s.asOfShift = shift;
    try {
      if (where != null) {
        b.beginControlFlow("if ($L)", bool(where, s).code());
      }
      add(b, acc, term == null ? null : num(term, s).code());
      if (where != null) {
        b.endControlFlow();
      }
    } finally {
      s.asOfShift = saved;
    }
  }

  /** Whether {@code e} reads the as-of month anywhere, nested aggregates and nets included. */
  private static boolean readsAsOf(Ir.Expr e) {
    return anywhere(e, x -> months(x).stream().anyMatch(m -> m instanceof Ir.AsOf));
  }

  /** Whether {@code test} holds for {@code e} or any expression inside it; false for null. */
  private static boolean anywhere(Ir.Expr e, java.util.function.Predicate<Ir.Expr> test) {
    if (e == null) {
      return false;
    }
    if (test.test(e)) {
      return true;
    }
    for (Ir.Expr child : e.children()) {
      if (anywhere(child, test)) {
        return true;
      }
    }
    return false;
  }

  /**
   * For "some month in a range where (tenant, workload) is associated" (an {@code any} whose last
   * binder is a month and whose condition is {@link Ir.Associated} in exactly that month): that
   * month binder, to be replaced by one look at the pair's associations ({@code
   * data.activeDuring}); else null. Only for ranges that cannot be "no month".
   */
  private static Ir.ForMonth monthsOfAssociation(Ir.Expr e) {
    if (!(e instanceof Ir.Exists x) || x.binders().isEmpty()
        || !(x.binders().get(x.binders().size() - 1) instanceof Ir.ForMonth fm)
        || !(x.where() instanceof Ir.Associated a)) {
      return null;
    }
    boolean inThatMonth = a.month() instanceof Ir.MonthVar mv && mv.var().equals(fm.var()) && mv.offset() == 0;
    return inThatMonth && !mayBeNone(fm.range().from()) && !mayBeNone(fm.range().to()) ? fm : null;
  }

  /** Whether {@code a} holds in some month of {@code months}' range (see {@link #monthsOfAssociation}). */
  private JavaExpr associatedDuring(Ir.Associated a, Ir.ForMonth months, Scope s) {
    CodeBlock pair = pair(a.tenant(), a.workload(), s);
    CodeBlock from = month(months.range().from(), s).code();
    CodeBlock to = month(months.range().to(), s).code();
    if (a.typeVar() == null) {
      CodeBlock types = a.types() == null
          ? CodeBlock.of("$N", masks.allTypes())
          : masks.typeRow(a.types(), s.name(a.workload(), Ir.Dim.WORKLOAD));
      return JavaExpr.atom(CodeBlock.of("data.activeDuring($L, $L, $L, $L)", pair, types, from, to));
    }
    String k = s.name(a.typeVar(), Ir.Dim.TYPE);
    JavaExpr active = JavaExpr.atom(CodeBlock.of("data.activeTypeDuring($L, $N, $L, $L)", pair, k, from, to));
    if (a.types() == null) {
      return active;
    }
    CodeBlock row = masks.typeRow(a.types(), s.name(a.workload(), Ir.Dim.WORKLOAD));
    return new JavaExpr(CodeBlock.of("$L[$N] &&$W$L", row, k, active.code()), JavaExpr.AND);
  }

  /** An aggregate without binders: exactly one binding. */
  private JavaExpr singleBinding(Ir.Expr e, Ir.Expr where, Scope s) {
    JavaExpr holds = where == null ? JavaExpr.atom(CodeBlock.of("true")) : bool(where, s);
    if (e instanceof Ir.Exists || e instanceof Ir.ForAll) {
      return holds;
    }
    JavaExpr one = e instanceof Ir.Count ? JavaExpr.longLiteral(1) : num(((Ir.Sum) e).body(), s);
    if (where == null) {
      return one;
    }
    return new JavaExpr(
        CodeBlock.of("$L ? $L : 0L", holds.operand(JavaExpr.TERNARY + 1), one.operand(JavaExpr.TERNARY + 1)),
        JavaExpr.TERNARY);
  }

  /**
   * Opens the loop of one binder of {@code aggregate} (and its filter); returns the number of
   * blocks opened. Where the bindings left out provably add nothing ({@link Absence}), the loop
   * visits only data that exists: a workload loop walks a bound tenant's own pairs, or skips the
   * workloads the customer has no data for; a month loop walks a looked-up pair's usage rows in
   * the range. Either way bindings come in the same order (ascending workload, month).
   */
  private int openLoop(CodeBlock.Builder b, Ir.Binder binder, Ir.Expr aggregate, Scope s) {
    if (binder instanceof Ir.ForTenant ft) {
      requireCustomer(s, "a loop over tenants");
      String t = s.bind(ft.var());
      requireDim(ft.var(), Ir.Dim.TENANT);
      b.beginControlFlow("for (int $N = data.tenantStart(c); $N < data.tenantEnd(c); $N++)", t, t, t);
      return 1;
    }
    if (binder instanceof Ir.ForWorkload fw) {
      requireDim(fw.var(), Ir.Dim.WORKLOAD);
      String mask = masks.workloads(fw.set());
      Ir.Var tenant = tenantWithOwnPairs(aggregate, fw.var(), s);
      if (tenant != null) {
        String t = s.name(tenant, Ir.Dim.TENANT);
        String p = s.local("p");
        String w = s.bind(fw.var());
        b.add("// the tenant's own pairs: a workload without data adds nothing\n");
        b.beginControlFlow("for (int $N = data.pairStart($N); $N < data.pairEnd($N); $N++)", p, t, p, t, p);
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
        b.beginControlFlow("if (!$N[$N] || !$N[$N])", mask, w, used, w).addStatement("continue").endControlFlow();
      } else if (mask != null || used != null) {
        b.beginControlFlow("if (!$N[$N])", mask != null ? mask : used, w).addStatement("continue").endControlFlow();
      }
      return 1;
    }
    if (binder instanceof Ir.ForMonth fm) {
      requireDim(fm.var(), Ir.Dim.MONTH);
      JavaExpr from = month(fm.range().from(), s);
      JavaExpr to = month(fm.range().to(), s);
      CodeBlock fromCode = from.code();
      CodeBlock toCode = to.operand(JavaExpr.ADDITIVE);
      int open = 0;
      if (mayBeNone(fm.range().from()) || mayBeNone(fm.range().to())) {
        String fromName = s.local("from");
        String toName = s.local("to");
        b.addStatement("int $N = $L", fromName, from.code());
        b.addStatement("int $N = $L", toName, to.code());
        b.beginControlFlow("if ($N != $T.NONE && $N != $T.NONE)", fromName, MONTH, toName, MONTH);
        fromCode = CodeBlock.of("$N", fromName);
        toCode = CodeBlock.of("$N", toName);
        open++;
      }
      Scope.Pair rows = pairWithOwnRows(aggregate, fm.var(), s);
      if (rows != null) {
        String p = rows.local();
        b.add("// the pair's own usage rows in the range: a month without a row adds nothing\n");
        if (!rows.exists()) {
          b.beginControlFlow("if ($N >= 0)", p);
          open++;
        }
        String r = s.local("r");
        b.beginControlFlow("for (int $N = data.firstRow($N, $L); $N < data.rowEnd($N) && data.rowMonth($N) <= $L; $N++)",
            r, p, fromCode, r, p, r, toCode, r);
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
    requireDim(ft.var(), Ir.Dim.TYPE);
    String mask = ft.types() == null ? null : masks.types(ft.types());
    String k = s.bind(ft.var());
    b.beginControlFlow("for (int $N = 0; $N < data.typeCount(); $N++)", k, k, k);
    if (mask != null) {
      b.beginControlFlow("if (!$N[$N])", mask, k).addStatement("continue").endControlFlow();
    }
    return 1;
  }

  /** A bound tenant whose pairs with {@code workload} are all that can add to {@code aggregate}, or null. */
  private static Ir.Var tenantWithOwnPairs(Ir.Expr aggregate, Ir.Var workload, Scope s) {
    for (Scope.Bound bound : s.bound()) {
      if (bound.var().dim() == Ir.Dim.TENANT && Absence.pair(bound.var(), workload).contributesNothing(aggregate)) {
        return bound.var();
      }
    }
    return null;
  }

  /** A looked-up pair whose usage rows in month {@code month} are all that can add to {@code aggregate}, or null. */
  private static Scope.Pair pairWithOwnRows(Ir.Expr aggregate, Ir.Var month, Scope s) {
    for (Scope.Pair pair : s.pairs()) {
      if (Absence.row(pair.tenant(), pair.workload(), month).contributesNothing(aggregate)) {
        return pair;
      }
    }
    return null;
  }

  /** The pairs and earliest starts read by aggregate {@code e}'s own ranges, condition and term. */
  private static void lookups(Ir.Expr e, Set<List<Ir.Var>> pairs, Set<Ir.EarliestStart> starts) {
    for (Ir.Binder binder : binders(e)) {
      if (binder instanceof Ir.ForMonth fm) {
        refs(fm.range().from(), pairs, starts);
        refs(fm.range().to(), pairs, starts);
      }
    }
    refs(where(e), pairs, starts);
    if (e instanceof Ir.Sum sum) {
      refs(sum.body(), pairs, starts);
    }
  }

  /**
   * Looks up each referenced (tenant, workload) pair ({@code int p = data.pair(t, w)}) and
   * earliest start ({@code int start = data.firstStart(p, types)}) once, as soon as its variables
   * are bound. Both are pure and cannot fail, so computing them ahead of a short-circuit is safe.
   */
  private void declareLookups(
      CodeBlock.Builder b, Scope s, Set<List<Ir.Var>> pairs, Set<Ir.EarliestStart> starts) {
    for (List<Ir.Var> pair : pairs) {
      Ir.Var t = pair.get(0);
      Ir.Var w = pair.get(1);
      if (s.pair(t, w) == null && s.isBound(t) && s.isBound(w)) {
        String p = s.local("p");
        b.addStatement("int $N = data.pair($N, $N)", p, s.name(t, Ir.Dim.TENANT), s.name(w, Ir.Dim.WORKLOAD));
        s.addPair(t, w, p, false);
      }
    }
    for (Ir.EarliestStart es : starts) {
      if (s.start(es) == null && s.isBound(es.tenant()) && s.isBound(es.workload())) {
        JavaExpr value = month(es, s);
        String start = s.local("start");
        b.addStatement("int $N = $L", start, value.code());
        s.addStart(es, start);
      }
    }
  }

  // ---------------------------------------------------------------- numbers

  /** A {@code long} expression: the unscaled value of {@code e} at scale {@code e.scale()}. */
  JavaExpr num(Ir.Expr e, Scope s) {
    if (e.type() != Ir.Type.NUM) {
      throw new IllegalArgumentException("expected a number, got " + e);
    }
    if (e instanceof Ir.Const k) {
      return JavaExpr.longLiteral(k.unscaled());
    }
    if (s.computed(e) != null) {
      return JavaExpr.atom(CodeBlock.of("$L", s.computed(e)));
    }
    return e.accept(forms, s);
  }

  private static JavaExpr call(String method, JavaExpr left, JavaExpr right) {
    return JavaExpr.atom(CodeBlock.of("$T.$N($L,$W$L)", MATH, method, left.code(), right.code()));
  }

  /** {@code e} rescaled to {@code scale} (never lower than its own) by an exact power of ten. */
  private JavaExpr aligned(Ir.Expr e, int scale, Scope s) {
    int d = scale - e.scale();
    if (d < 0) {
      throw new IllegalArgumentException("cannot lower the scale of " + e + " to " + scale);
    }
    if (d == 0) {
      return num(e, s);
    }
    if (e instanceof Ir.Const k && d <= 18) {
      try {
        return JavaExpr.longLiteral(Math.multiplyExact(k.unscaled(), pow10(d)));
      } catch (ArithmeticException overflow) {
        // left to fail at run time, like any other overflow
      }
    }
    JavaExpr out = num(e, s);
    while (d > 0) {
      int step = Math.min(d, 18);
      out = call("multiplyExact", out, JavaExpr.longLiteral(pow10(step)));
      d -= step;
    }
    return out;
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  // ---------------------------------------------------------------- booleans

  /** A {@code boolean} expression: whether condition {@code e} holds. */
  JavaExpr bool(Ir.Expr e, Scope s) {
    if (e.type() != Ir.Type.BOOL) {
      throw new IllegalArgumentException("expected a condition, got " + e);
    }
    return e.accept(forms, s);
  }

  /**
   * The Java expression of each kind of IR expression, numbers and conditions alike ({@link #num}
   * and {@link #bool} check the type first); aggregates and nets become calls of helpers.
   */
  private final class Forms implements Ir.Visitor<JavaExpr, Scope> {
    @Override
    public JavaExpr visit(Ir.Const k, Scope s) {
      return JavaExpr.longLiteral(k.unscaled());
    }

    @Override
    public JavaExpr visit(Ir.MeasureAt ma, Scope s) {
      requireCustomer(s, "a measure");
      String row = ma.month() instanceof Ir.MonthVar mv && mv.offset() == 0
          ? s.row(ma.tenant(), ma.workload(), mv.var())
          : null;
      if (row != null) {
        return JavaExpr.atom(CodeBlock.of("data.rowValue($N, $T.$N)", row, MEASURE, ma.measure().name()));
      }
      CodeBlock pair = pair(ma.tenant(), ma.workload(), s);
      JavaExpr month = month(ma.month(), s);
      if (mayBeNone(ma.month())) {
        return JavaExpr.atom(CodeBlock.of("$N($L, $T.$N, $L)",
            utilities.measureAt(), pair, MEASURE, ma.measure().name(), month.code()));
      }
      return JavaExpr.atom(CodeBlock.of("data.measure($L, $T.$N, $L)",
          pair, MEASURE, ma.measure().name(), month.code()));
    }

    @Override
    public JavaExpr visit(Ir.Rate r, Scope s) {
      return JavaExpr.atom(CodeBlock.of("$N[$N]", masks.rates(r.table()), s.name(r.workload(), Ir.Dim.WORKLOAD)));
    }

    @Override
    public JavaExpr visit(Ir.Arith a, Scope s) {
      if (a.op() == Ir.ArithOp.MUL) {
        return call("multiplyExact", num(a.left(), s), num(a.right(), s));
      }
      int scale = a.scale();
      return call(a.op() == Ir.ArithOp.ADD ? "addExact" : "subtractExact",
          aligned(a.left(), scale, s), aligned(a.right(), scale, s));
    }

    @Override
    public JavaExpr visit(Ir.Neg n, Scope s) {
      return JavaExpr.atom(CodeBlock.of("$T.negateExact($L)", MATH, num(n.operand(), s).code()));
    }

    @Override
    public JavaExpr visit(Ir.If i, Scope s) {
      int scale = i.scale();
      return new JavaExpr(CodeBlock.of("$L ? $L : $L",
          bool(i.cond(), s).operand(JavaExpr.TERNARY + 1),
          aligned(i.then(), scale, s).operand(JavaExpr.TERNARY + 1),
          aligned(i.otherwise(), scale, s).operand(JavaExpr.TERNARY + 1)), JavaExpr.TERNARY);
    }

    @Override
    public JavaExpr visit(Ir.Sum e, Scope s) {
      return helper(e, s);
    }

    @Override
    public JavaExpr visit(Ir.Count e, Scope s) {
      return helper(e, s);
    }

    @Override
    public JavaExpr visit(Ir.Net e, Scope s) {
      return helper(e, s);
    }

    @Override
    public JavaExpr visit(Ir.NodeValue nv, Scope s) {
      if (s.value == null) {
        throw new IllegalArgumentException("node value used outside a condition or partner rule in " + nodeId);
      }
      if (nv.scale() != s.valueScale) {
        throw new IllegalArgumentException("node value of " + nodeId + " read at scale " + nv.scale()
            + ", but it has scale " + s.valueScale);
      }
      return JavaExpr.atom(CodeBlock.of("$N", s.value));
    }

    @Override
    public JavaExpr visit(Ir.Compare c, Scope s) {
      int scale = Math.max(c.left().scale(), c.right().scale());
      boolean equality = c.op().isEquality();
      int min = equality ? JavaExpr.RELATIONAL : JavaExpr.ADDITIVE;
      return new JavaExpr(CodeBlock.of("$L $L$W$L",
          aligned(c.left(), scale, s).operand(min), c.op().javaOp(), aligned(c.right(), scale, s).operand(min)),
          equality ? JavaExpr.EQUALITY : JavaExpr.RELATIONAL);
    }

    @Override
    public JavaExpr visit(Ir.CompareMonths c, Scope s) {
      JavaExpr left = month(c.left(), s);
      JavaExpr right = month(c.right(), s);
      if (mayBeNone(c.left()) || mayBeNone(c.right())) {
        return JavaExpr.atom(CodeBlock.of("$N($L, $L)", utilities.compareMonths(c.op()), left.code(), right.code()));
      }
      boolean equality = c.op().isEquality();
      return new JavaExpr(CodeBlock.of("$L $L $L",
          left.operand(JavaExpr.ADDITIVE), c.op().javaOp(), right.operand(JavaExpr.ADDITIVE)),
          equality ? JavaExpr.EQUALITY : JavaExpr.RELATIONAL);
    }

    @Override
    public JavaExpr visit(Ir.InMonths in, Scope s) {
      JavaExpr m = month(in.month(), s);
      JavaExpr from = month(in.range().from(), s);
      JavaExpr to = month(in.range().to(), s);
      if (mayBeNone(in.month()) || mayBeNone(in.range().from()) || mayBeNone(in.range().to())) {
        return JavaExpr.atom(CodeBlock.of("$N($L, $L, $L)", utilities.inMonths(), m.code(), from.code(), to.code()));
      }
      return new JavaExpr(CodeBlock.of("$L <= $L && $L <= $L",
          from.operand(JavaExpr.ADDITIVE), m.operand(JavaExpr.ADDITIVE),
          m.operand(JavaExpr.ADDITIVE), to.operand(JavaExpr.ADDITIVE)), JavaExpr.AND);
    }

    @Override
    public JavaExpr visit(Ir.And a, Scope s) {
      return new JavaExpr(CodeBlock.of("$L &&$W$L",
          bool(a.left(), s).operand(JavaExpr.AND), bool(a.right(), s).operand(JavaExpr.AND)), JavaExpr.AND);
    }

    @Override
    public JavaExpr visit(Ir.Or o, Scope s) {
      return new JavaExpr(CodeBlock.of("$L ||$W$L",
          bool(o.left(), s).operandOfOr(), bool(o.right(), s).operandOfOr()), JavaExpr.OR);
    }

    @Override
    public JavaExpr visit(Ir.Not n, Scope s) {
      return new JavaExpr(CodeBlock.of("!$L", bool(n.operand(), s).operand(JavaExpr.UNARY)), JavaExpr.UNARY);
    }

    @Override
    public JavaExpr visit(Ir.Exists e, Scope s) {
      return helper(e, s);
    }

    @Override
    public JavaExpr visit(Ir.ForAll e, Scope s) {
      return helper(e, s);
    }

    @Override
    public JavaExpr visit(Ir.Associated a, Scope s) {
      return associated(a, s);
    }
  }

  private JavaExpr associated(Ir.Associated a, Scope s) {
    requireCustomer(s, "an association");
    CodeBlock pair = pair(a.tenant(), a.workload(), s);
    JavaExpr month = month(a.month(), s);
    boolean none = mayBeNone(a.month());
    if (a.typeVar() == null) {
      CodeBlock types = a.types() == null
          ? CodeBlock.of("$N", masks.allTypes())
          : masks.typeRow(a.types(), s.name(a.workload(), Ir.Dim.WORKLOAD));
      return JavaExpr.atom(none
          ? CodeBlock.of("$N($L, $L, $L)", utilities.activeAt(), pair, types, month.code())
          : CodeBlock.of("data.active($L, $L, $L)", pair, types, month.code()));
    }
    String k = s.name(a.typeVar(), Ir.Dim.TYPE);
    JavaExpr active = JavaExpr.atom(none
        ? CodeBlock.of("$N($L, $N, $L)", utilities.activeTypeAt(), pair, k, month.code())
        : CodeBlock.of("data.activeType($L, $N, $L)", pair, k, month.code()));
    if (a.types() == null) {
      return active;
    }
    CodeBlock row = masks.typeRow(a.types(), s.name(a.workload(), Ir.Dim.WORKLOAD));
    return new JavaExpr(CodeBlock.of("$L[$N] &&$W$L", row, k, active.code()), JavaExpr.AND);
  }

  /** The pair of (tenant, workload): its local when looked up in this method, else a lookup. */
  private static CodeBlock pair(Ir.Var tenant, Ir.Var workload, Scope s) {
    String t = s.name(tenant, Ir.Dim.TENANT);
    String w = s.name(workload, Ir.Dim.WORKLOAD);
    String p = s.pair(tenant, workload);
    return p != null ? CodeBlock.of("$N", p) : CodeBlock.of("data.pair($N, $N)", t, w);
  }

  // ---------------------------------------------------------------- months

  /** An {@code int} month expression; may be {@link eligo.data.Month#NONE} when {@link #mayBeNone}. */
  JavaExpr month(Ir.MonthExpr e, Scope s) {
    if (e instanceof Ir.AsOf a) {
      requireCustomer(s, "the as-of month");
      return asOf(s, a.offset());
    }
    if (e instanceof Ir.MonthVar mv) {
      return shifted(CodeBlock.of("$N", s.name(mv.var(), Ir.Dim.MONTH)), mv.offset());
    }
    Ir.EarliestStart es = (Ir.EarliestStart) e;
    requireCustomer(s, "an association start");
    String local = s.start(es);
    if (local != null) {
      return JavaExpr.atom(CodeBlock.of("$N", local));
    }
    return JavaExpr.atom(CodeBlock.of("data.firstStart($L, $L)",
        pair(es.tenant(), es.workload(), s), masks.typeRow(es.types(), s.name(es.workload(), Ir.Dim.WORKLOAD))));
  }

  /** The as-of month plus {@code offset}, as read in {@code s} (see {@link Scope#asOfShift}). */
  private static JavaExpr asOf(Scope s, int offset) {
    return shifted(CodeBlock.of("asOf"), s.asOfShift + offset);
  }

  /** Only an earliest start can be "no month": as-of months and bound month variables are real. */
  static boolean mayBeNone(Ir.MonthExpr e) {
    return e instanceof Ir.EarliestStart;
  }

  private static JavaExpr shifted(CodeBlock month, int offset) {
    if (offset == 0) {
      return JavaExpr.atom(month);
    }
    if (offset > 0) {
      return new JavaExpr(CodeBlock.of("$L + $L", month, offset), JavaExpr.ADDITIVE);
    }
    if (offset == Integer.MIN_VALUE) {
      return new JavaExpr(CodeBlock.of("$L + ($L)", month, Integer.toString(offset)), JavaExpr.ADDITIVE);
    }
    return new JavaExpr(CodeBlock.of("$L - $L", month, -offset), JavaExpr.ADDITIVE);
  }

  // ---------------------------------------------------------------- helper methods

  /**
   * A call of a new helper method computing {@code e} (an aggregate or a net); the helper takes
   * {@code c}, {@code asOf}, the free variables of {@code e} and, when read, the node value.
   */
  private JavaExpr helper(Ir.Expr e, Scope caller) {
    requireCustomer(caller, "an aggregate");
    Set<Integer> refs = new HashSet<>();
    collectVars(e, refs);
    List<Scope.Bound> free = new ArrayList<>();
    for (Scope.Bound b : caller.bound()) {
      if (refs.contains(b.var().id())) {
        free.add(b);
      }
    }
    boolean readsValue = readsNodeValue(e);
    if (readsValue && caller.value == null) {
      throw new IllegalArgumentException("node value used outside a condition or partner rule in " + nodeId);
    }
    Set<List<Ir.Var>> read = new HashSet<>();
    collectPairs(e, read);
    List<Scope.Pair> pairs = new ArrayList<>();
    for (Scope.Pair pair : caller.pairs()) {
      if (read.contains(List.of(pair.tenant(), pair.workload()))) {
        pairs.add(pair);
      }
    }
    List<CodeBlock> args = new ArrayList<>();
    for (Scope.Bound b : free) {
      args.add(CodeBlock.of("$N", b.local()));
    }
    for (Scope.Pair pair : pairs) {
      args.add(CodeBlock.of("$N", pair.local()));
    }
    if (readsValue) {
      args.add(CodeBlock.of("$N", caller.value));
    }
    boolean net = e instanceof Ir.Net;
    Ir.Expr body = net ? ((Ir.Net) e).body() : e;
    boolean fused = net && fusesNet(body);
    // the same expression with the same parameters (a condition compiled at M and at M-12) shares one helper
    List<Object> signature = List.of(free, pairs, readsValue, caller.valueScale);
    Map<List<Object>, String> compiled = helpers.computeIfAbsent(e, x -> new HashMap<>());
    String name = compiled.get(signature);
    if (name == null) {
      name = members.allocate(helperBase + (fused ? "Net" : kind(e)), "helper");
      compiled.put(signature, name);
      int slot = sink.size();
      sink.add(null); // the helper precedes the helpers it calls

      Scope inner = new Scope(true, readsValue ? "value" : null, caller.valueScale, List.of());
      MethodSpec.Builder m =
          MethodSpec.methodBuilder(name)
              .addJavadoc("$L\n", CommentText.wrap(
                  (fused ? FUSED_NET : describe(e)) + " Part of node " + CommentText.escape(nodeId) + ".",
                  AreaWriter.DOC_WIDTH))
              .addModifiers(Modifier.PRIVATE)
              .returns(e.type() == Ir.Type.NUM ? TypeName.LONG : TypeName.BOOLEAN)
              .addParameter(TypeName.INT, "c")
              .addParameter(TypeName.INT, "asOf");
      for (Scope.Bound b : free) {
        inner.bindAs(b.var(), b.local());
        m.addParameter(TypeName.INT, b.local());
      }
      for (Scope.Pair pair : pairs) {
        inner.addPair(pair.tenant(), pair.workload(), pair.local(), pair.exists());
        m.addParameter(TypeName.INT, pair.local());
      }
      if (readsValue) {
        m.addParameter(TypeName.LONG, "value");
      }
      m.addCode(fused ? netBody(body, inner, -1) : methodBody(body, inner));
      sink.set(slot, m.build());
    }

    CodeBlock rest = args.isEmpty() ? CodeBlock.of("") : CodeBlock.of(", $L", CodeBlock.join(args, ", "));
    if (net && !fused) {
      return call("subtractExact",
          JavaExpr.atom(CodeBlock.of("$N(c, $L$L)", name, asOf(caller, 0).code(), rest)),
          JavaExpr.atom(CodeBlock.of("$N(c, $L$L)", name, asOf(caller, -12).code(), rest)));
    }
    return JavaExpr.atom(CodeBlock.of("$N(c, $L$L)", name, asOf(caller, 0).code(), rest));
  }

  private static String kind(Ir.Expr e) {
    if (e instanceof Ir.Count) {
      return "Count";
    }
    if (e instanceof Ir.Sum) {
      return "Sum";
    }
    if (e instanceof Ir.Exists) {
      return "Any";
    }
    if (e instanceof Ir.ForAll) {
      return "Every";
    }
    return "NetAt";
  }

  private static String describe(Ir.Expr e) {
    if (e instanceof Ir.Net) {
      return "The value at as-of month {@code asOf}; the caller subtracts the same at {@code asOf - 12}.";
    }
    String over = dims(binders(e));
    if (e instanceof Ir.Count) {
      return "Number of " + over + " where the condition holds.";
    }
    if (e instanceof Ir.Sum) {
      return "Sum over " + over + " where the condition holds.";
    }
    if (e instanceof Ir.Exists) {
      return "Whether some " + over + " satisfies the condition.";
    }
    return "Whether every " + over + " satisfies the condition.";
  }

  private static String dims(List<Ir.Binder> binders) {
    List<String> names = new ArrayList<>();
    for (Ir.Binder b : binders) {
      names.add(b.var().dim().name().toLowerCase(java.util.Locale.ROOT));
    }
    return names.isEmpty() ? "the single binding" : "(" + String.join(", ", names) + ")";
  }

  // ---------------------------------------------------------------- IR walks

  /** The binders of an aggregate or quantifier; none for any other expression. */
  private static List<Ir.Binder> binders(Ir.Expr e) {
    return e instanceof Ir.Quantified q ? q.binders() : List.of();
  }

  /** The condition of an aggregate or quantifier; null when it has none or is none. */
  private static Ir.Expr where(Ir.Expr e) {
    return e instanceof Ir.Quantified q ? q.where() : null;
  }

  /** The month expressions read directly by {@code e} (not by its sub-expressions). */
  private static List<Ir.MonthExpr> months(Ir.Expr e) {
    List<Ir.MonthExpr> out = new ArrayList<>();
    if (e instanceof Ir.MeasureAt x) {
      out.add(x.month());
    } else if (e instanceof Ir.Associated x) {
      out.add(x.month());
    } else if (e instanceof Ir.CompareMonths x) {
      out.add(x.left());
      out.add(x.right());
    } else if (e instanceof Ir.InMonths x) {
      out.add(x.month());
      out.add(x.range().from());
      out.add(x.range().to());
    }
    for (Ir.Binder b : binders(e)) {
      if (b instanceof Ir.ForMonth fm) {
        out.add(fm.range().from());
        out.add(fm.range().to());
      }
    }
    return out;
  }

  /** Every variable id read anywhere in {@code e}. */
  private static void collectVars(Ir.Expr e, Set<Integer> out) {
    if (e instanceof Ir.MeasureAt x) {
      out.add(x.tenant().id());
      out.add(x.workload().id());
    } else if (e instanceof Ir.Rate x) {
      out.add(x.workload().id());
    } else if (e instanceof Ir.Associated x) {
      out.add(x.tenant().id());
      out.add(x.workload().id());
      if (x.typeVar() != null) {
        out.add(x.typeVar().id());
      }
    }
    for (Ir.MonthExpr m : months(e)) {
      if (m instanceof Ir.MonthVar mv) {
        out.add(mv.var().id());
      } else if (m instanceof Ir.EarliestStart es) {
        out.add(es.tenant().id());
        out.add(es.workload().id());
      }
    }
    for (Ir.Expr child : e.children()) {
      collectVars(child, out);
    }
  }

  /** Every (tenant, workload) pair read anywhere in {@code e}, nested aggregates included. */
  private static void collectPairs(Ir.Expr e, Set<List<Ir.Var>> out) {
    if (e instanceof Ir.MeasureAt x) {
      out.add(List.of(x.tenant(), x.workload()));
    } else if (e instanceof Ir.Associated x) {
      out.add(List.of(x.tenant(), x.workload()));
    }
    for (Ir.MonthExpr m : months(e)) {
      if (m instanceof Ir.EarliestStart es) {
        out.add(List.of(es.tenant(), es.workload()));
      }
    }
    for (Ir.Expr child : e.children()) {
      collectPairs(child, out);
    }
  }

  private static boolean readsNodeValue(Ir.Expr e) {
    return anywhere(e, x -> x instanceof Ir.NodeValue);
  }

  /**
   * The (tenant, workload) pairs and earliest starts read by {@code e} in the method that holds
   * it: helpers (nested aggregates and nets) do their own lookups.
   */
  private static void refs(Ir.Expr e, Set<List<Ir.Var>> pairs, Set<Ir.EarliestStart> starts) {
    if (e == null || isAggregate(e) || e instanceof Ir.Net) {
      return;
    }
    if (e instanceof Ir.MeasureAt x) {
      pairs.add(List.of(x.tenant(), x.workload()));
    } else if (e instanceof Ir.Associated x) {
      pairs.add(List.of(x.tenant(), x.workload()));
    }
    for (Ir.MonthExpr m : months(e)) {
      refs(m, pairs, starts);
    }
    for (Ir.Expr child : e.children()) {
      refs(child, pairs, starts);
    }
  }

  private static void refs(Ir.MonthExpr m, Set<List<Ir.Var>> pairs, Set<Ir.EarliestStart> starts) {
    if (m instanceof Ir.EarliestStart es) {
      pairs.add(List.of(es.tenant(), es.workload()));
      starts.add(es);
    }
  }

  private static void requireCustomer(Scope s, String what) {
    if (!s.customer) {
      throw new IllegalArgumentException(what + " cannot be read in a partner-level condition");
    }
  }

  private static void requireDim(Ir.Var var, Ir.Dim dim) {
    if (var.dim() != dim) {
      throw new IllegalArgumentException("variable " + var + " bound as a " + dim);
    }
  }
}
