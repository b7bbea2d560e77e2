package eligo.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Turns IR expressions into straight-line Java: numbers are unscaled {@code long}s at the
 * expression's static scale with exact arithmetic ({@code Math.addExact} and friends), booleans are
 * Java booleans, months are ints. Every aggregate (sum, count, any, every) and every nested net
 * becomes one private helper method with loops and early returns; its free variables are its
 * parameters. A method holds the loops of at most one aggregate, except for a few forms that are
 * cheaper computed in one pass (see {@link LoopShapes}).
 *
 * <p>This class writes expressions and helper methods: the entry point for one node. {@link
 * ExprForms} gives each kind of expression its Java form, {@link LoopShapes} chooses how an
 * aggregate loops, {@link LoopWriter} writes its loops and {@link NetWriter} a net in one pass;
 * {@link Reads} says what an expression reads.
 */
class ExprCompiler {
  private static final ClassName MATH = AreaWriter.MATH;

  private final Names members;
  private final Masks masks;
  private final Utilities utilities;
  private final String helperBase;
  private final String nodeId;
  private final List<MethodSpec> sink;

  /** Helpers written so far, by expression (identity) and parameters. */
  private final Map<Ir.Expr, Map<List<Object>, String>> helpers = new IdentityHashMap<>();

  private final ExprForms forms;
  private final LoopWriter loops;
  private final NetWriter nets;

  /**
   * @param helperBase prefix of helper method names (from the node id)
   * @param nodeId the node served, for helper Javadoc
   * @param sink where helper methods go
   */
  ExprCompiler(
      Names members,
      Masks masks,
      Utilities utilities,
      String helperBase,
      String nodeId,
      List<MethodSpec> sink) {
    this.members = members;
    this.masks = masks;
    this.utilities = utilities;
    this.helperBase = helperBase;
    this.nodeId = nodeId;
    this.sink = sink;
    this.forms = new ExprForms(this, masks, utilities, nodeId);
    this.loops = new LoopWriter(this, masks, utilities);
    this.nets = new NetWriter(this, loops);
  }

  // ---------------------------------------------------------------- method bodies

  /** Statements computing {@code e} and returning it: loops inline for an aggregate. */
  CodeBlock methodBody(Ir.Expr e, Scope s) {
    if (e instanceof Ir.Quantified) {
      return loops.aggregateBody(e, s);
    }
    JavaExpr value = e.type() == Ir.Type.NUM ? num(e, s) : bool(e, s);
    return CodeBlock.builder().addStatement("return $L", value.code()).build();
  }

  /**
   * The statements of a net sum or count computed at M and at M-12 in one pass ({@link
   * NetWriter#netBody}).
   */
  CodeBlock netBody(Ir.Expr e, Scope s, int result) {
    return nets.netBody(e, s, result);
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

  static JavaExpr call(String method, JavaExpr left, JavaExpr right) {
    return JavaExpr.atom(CodeBlock.of("$T.$N($L,$W$L)", MATH, method, left.code(), right.code()));
  }

  /** {@code e} rescaled to {@code scale} (never lower than its own) by an exact power of ten. */
  JavaExpr aligned(Ir.Expr e, int scale, Scope s) {
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

  JavaExpr associated(Ir.Associated a, Scope s) {
    requireCustomer(s, "an association");
    CodeBlock pair = pair(a.tenant(), a.workload(), s);
    JavaExpr month = month(a.month(), s);
    boolean none = mayBeNone(a.month());
    if (a.typeVar() == null) {
      CodeBlock types =
          a.types() == null
              ? CodeBlock.of("$N", masks.allTypes())
              : masks.typeRow(a.types(), s.name(a.workload(), Ir.Dim.WORKLOAD));
      return JavaExpr.atom(
          none
              ? CodeBlock.of("$N($L, $L, $L)", utilities.activeAt(), pair, types, month.code())
              : CodeBlock.of("data.active($L, $L, $L)", pair, types, month.code()));
    }
    String k = s.name(a.typeVar(), Ir.Dim.TYPE);
    JavaExpr active =
        JavaExpr.atom(
            none
                ? CodeBlock.of("$N($L, $N, $L)", utilities.activeTypeAt(), pair, k, month.code())
                : CodeBlock.of("data.activeType($L, $N, $L)", pair, k, month.code()));
    if (a.types() == null) {
      return active;
    }
    CodeBlock row = masks.typeRow(a.types(), s.name(a.workload(), Ir.Dim.WORKLOAD));
    return new JavaExpr(CodeBlock.of("$L[$N] &&$W$L", row, k, active.code()), JavaExpr.AND);
  }

  /** The pair of (tenant, workload): its local when looked up in this method, else a lookup. */
  static CodeBlock pair(Ir.Var tenant, Ir.Var workload, Scope s) {
    String t = s.name(tenant, Ir.Dim.TENANT);
    String w = s.name(workload, Ir.Dim.WORKLOAD);
    String p = s.pair(tenant, workload);
    return p != null ? CodeBlock.of("$N", p) : CodeBlock.of("data.pair($N, $N)", t, w);
  }

  // ---------------------------------------------------------------- months

  /**
   * An {@code int} month expression; may be {@link eligo.data.Month#NONE} when {@link #mayBeNone}.
   */
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
    return JavaExpr.atom(
        CodeBlock.of(
            "data.firstStart($L, $L)",
            pair(es.tenant(), es.workload(), s),
            masks.typeRow(es.types(), s.name(es.workload(), Ir.Dim.WORKLOAD))));
  }

  /** The as-of month plus {@code offset}, as read in {@code s} (see {@link Scope#asOfShift}). */
  static JavaExpr asOf(Scope s, int offset) {
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
      return new JavaExpr(
          CodeBlock.of("$L + ($L)", month, Integer.toString(offset)), JavaExpr.ADDITIVE);
    }
    return new JavaExpr(CodeBlock.of("$L - $L", month, -offset), JavaExpr.ADDITIVE);
  }

  // ---------------------------------------------------------------- helper methods

  /**
   * A call of a new helper method computing {@code e} (an aggregate or a net); the helper takes
   * {@code c}, {@code asOf}, the free variables of {@code e} and, when read, the node value.
   */
  JavaExpr helper(Ir.Expr e, Scope caller) {
    requireCustomer(caller, "an aggregate");
    Set<Integer> refs = new HashSet<>();
    Reads.collectVars(e, refs);
    List<Scope.Bound> free = new ArrayList<>();
    for (Scope.Bound b : caller.bound()) {
      if (refs.contains(b.var().id())) {
        free.add(b);
      }
    }
    boolean readsValue = Reads.readsNodeValue(e);
    if (readsValue && caller.value == null) {
      throw new IllegalArgumentException(
          "node value used outside a condition or partner rule in " + nodeId);
    }
    Set<List<Ir.Var>> read = new HashSet<>();
    Reads.collectPairs(e, read);
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
    boolean fused = net && LoopShapes.fusesNet(body);
    // the same expression with the same parameters (a condition compiled at M and at M-12) shares
    // one helper
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
              .addJavadoc(
                  "$L\n",
                  CommentText.wrap(
                      (fused ? NetWriter.FUSED_NET : describe(e))
                          + " Part of node "
                          + CommentText.escape(nodeId)
                          + ".",
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
      m.addCode(fused ? nets.netBody(body, inner, -1) : methodBody(body, inner));
      sink.set(slot, m.build());
    }

    CodeBlock rest =
        args.isEmpty() ? CodeBlock.of("") : CodeBlock.of(", $L", CodeBlock.join(args, ", "));
    if (net && !fused) {
      return call(
          "subtractExact",
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
    if (e instanceof Ir.Reduce r) {
      return r.op() == Ir.ReduceOp.AVERAGE
          ? "Average"
          : r.op() == Ir.ReduceOp.MINIMUM ? "Min" : "Max";
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
    String over = dims(Reads.binders(e));
    if (e instanceof Ir.Count) {
      return "Number of " + over + " where the condition holds.";
    }
    if (e instanceof Ir.Sum) {
      return "Sum over " + over + " where the condition holds.";
    }
    if (e instanceof Ir.Reduce r) {
      return (r.op() == Ir.ReduceOp.AVERAGE
              ? "Average (half-even at the term's scale)"
              : r.op() == Ir.ReduceOp.MINIMUM ? "Minimum" : "Maximum")
          + " over "
          + over
          + " where the condition holds; 0 over none.";
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

  static void requireCustomer(Scope s, String what) {
    if (!s.customer) {
      throw new IllegalArgumentException(what + " cannot be read in a partner-level condition");
    }
  }

  static void requireDim(Ir.Var var, Ir.Dim dim) {
    if (var.dim() != dim) {
      throw new IllegalArgumentException("variable " + var + " bound as a " + dim);
    }
  }
}
