package eligo.interpret;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.Month;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference interpreter: evaluates an {@link Ir.Area} directly over a {@link Dataset}. It is
 * the oracle that generated evaluators are tested against, so it is written plainly, straight
 * from the IR's documented meaning, and shares no evaluation code with any code generator.
 *
 * <p>Evaluation order, which only matters for which {@link ArithmeticException} (if any) is
 * thrown: {@code And}, {@code Or} and {@code If} evaluate left to right and only what they need;
 * {@code Exists} stops at the first binding that holds, {@code ForAll} at the first that does
 * not; {@code Sum} adds in binding order with overflow checks on every addition; binders nest in
 * list order (first outermost) and enumerate tenants, workloads and types by ascending index and
 * months from early to late.
 *
 * <p>Numbers are exact: an unscaled {@code long} at the expression's static scale ({@link
 * Ir.Expr#scale()}); every operation that can overflow uses {@code Math.*Exact}.
 *
 * <p>An instance keeps no mutable state after construction; all masks and rate tables are
 * computed in the constructor, which also rejects malformed IR ({@link IllegalArgumentException}).
 */
public final class Interpreter implements AreaEvaluator {
  private final Ir.Area area;
  private final Dataset data;
  private final List<Ir.Node> resultNodes;
  private final List<Ir.Node> partnerNodes;
  /** For each result index, its partner rule index, or -1. */
  private final int[] partnerSlot;

  // Precomputed lookups, keyed by the IR object itself (records compare by value, which would
  // make every lookup hash a whole list; identity is both cheaper and exact here).
  /** Per workload set: membership of each workload index. */
  private final Map<Ir.WorkloadSet, boolean[]> workloadMasks = new IdentityHashMap<>();
  /** Per type set: for each workload index, membership of each type index. */
  private final Map<Ir.TypeSet, boolean[][]> typeMasks = new IdentityHashMap<>();
  /** Per ForType binder: membership of each type index. */
  private final Map<Ir.ForType, boolean[]> forTypeMasks = new IdentityHashMap<>();
  /** Per rate table: the unscaled rate of each workload index. */
  private final Map<Ir.RateTable, long[]> rates = new IdentityHashMap<>();
  /** Told about every value computed, for explanations; null when nobody listens. */
  private final Listener listener;
  private final Numbers numbers = new Numbers();
  private final Conditions conditions = new Conditions();

  /**
   * Observes an evaluation, for explanations: reports drawn from the very evaluation that decided
   * the statuses. Called with every number and condition computed, in evaluation order, and with
   * every node a gate stopped.
   */
  public interface Listener {
    void number(Ir.Expr e, Scope scope, long value);

    void condition(Ir.Expr e, Scope scope, boolean holds);

    /** Result node {@code node} was not evaluated because {@code gate}, earlier in its branch, was not met. */
    void skipped(Ir.Node node, Ir.Node gate);

    /** Result node {@code node} is about to be evaluated: the numbers and conditions that follow are its own. */
    void evaluating(Ir.Node node);
  }

  /** What an expression was evaluated under: the as-of month (shifted in a net's baseline) and the bound variables. */
  public interface Scope {
    int asOf();

    /** The value bound to {@code var} (a tenant, workload or type index, or a month); throws when unbound. */
    int valueOf(Ir.Var var);

    /** The bound variables, innermost first. */
    List<Ir.Var> bound();

    /** Whether {@code var} is bound here. */
    boolean binds(Ir.Var var);
  }

  public Interpreter(Ir.Area area, Dataset data) {
    this(area, data, null);
  }

  public Interpreter(Ir.Area area, Dataset data, Listener listener) {
    this.area = area;
    this.data = data;
    this.listener = listener;
    this.resultNodes = area.resultNodes();
    this.partnerNodes = area.partnerNodes();
    this.partnerSlot = new int[resultNodes.size()];
    int j = 0;
    for (int i = 0; i < resultNodes.size(); i++) {
      partnerSlot[i] = resultNodes.get(i).partner() == null ? -1 : j++;
    }
    for (Ir.Branch b : area.branches()) {
      for (Ir.Node n : b.nodes()) {
        if (n.leaves().isEmpty()) {
          prepareResultNode(n);
        } else {
          if (n.kind() == Ir.NodeKind.GATE) {
            throw new IllegalArgumentException(
                "gate " + n.id() + " has leaves: a gate is one condition");
          }
          for (Ir.Node leaf : n.leaves()) {
            if (!leaf.leaves().isEmpty()) {
              throw new IllegalArgumentException("leaf " + leaf.id() + " has leaves of its own");
            }
            prepareResultNode(leaf);
          }
        }
      }
    }
  }

  @Override
  public String areaId() {
    return area.id();
  }

  // ================================================================ the evaluator contract

  @Override
  public void evaluate(int customer, int asOf, NodeResults out) {
    Ctx top = Ctx.forCustomer(customer, asOf);
    int i = 0;
    for (Ir.Branch branch : area.branches()) {
      Ir.Node stoppedBy = null;
      for (Ir.Node node : branch.nodes()) {
        List<Ir.Node> results = node.leaves().isEmpty() ? List.of(node) : node.leaves();
        for (Ir.Node r : results) {
          if (stoppedBy != null) {
            skip(i, out);
            if (listener != null) {
              listener.skipped(r, stoppedBy);
            }
          } else {
            if (listener != null) {
              listener.evaluating(r);
            }
            evaluateNode(r, i, top, out);
          }
          i++;
        }
        if (stoppedBy == null && node.kind() == Ir.NodeKind.GATE && out.status[i - 1] != NodeResults.MET) {
          stoppedBy = node;
        }
      }
    }
    if (i != resultNodes.size()) {
      throw new IllegalStateException("walked " + i + " result nodes, expected " + resultNodes.size());
    }
  }

  @Override
  public boolean partnerMet(int rule, long total) {
    Ir.PartnerRule partner = partnerNodes.get(rule).partner();
    return bool(partner.met(), Ctx.forPartner(total, partner.scale()));
  }

  /** Evaluates one result node {@code r} (result index {@code i}) and writes its outcome. */
  private void evaluateNode(Ir.Node r, int i, Ctx top, NodeResults out) {
    long value;
    if (r.value() instanceof Ir.Net net) {
      long current = num(net.body(), top);
      long baseline = num(net.body(), top.withAsOf(top.asOf - 12));
      value = Math.subtractExact(current, baseline);
      out.current[i] = current;
      out.baseline[i] = baseline;
    } else {
      value = num(r.value(), top);
      out.current[i] = 0;
      out.baseline[i] = 0;
    }
    out.value[i] = value;
    out.status[i] = bool(r.met(), top.withNodeValue(value, r.scale())) ? NodeResults.MET : NodeResults.NOT_MET;
    int j = partnerSlot[i];
    if (j >= 0) {
      out.partnerEvaluated[j] = true;
      out.partnerContribution[j] = num(r.partner().perCustomer(), top.withNodeValue(value, r.scale()));
    }
  }

  /** Writes "not evaluated" for result index {@code i} (the caller clears too; this is explicit). */
  private void skip(int i, NodeResults out) {
    out.status[i] = NodeResults.NOT_EVALUATED;
    out.value[i] = 0;
    out.current[i] = 0;
    out.baseline[i] = 0;
    int j = partnerSlot[i];
    if (j >= 0) {
      out.partnerEvaluated[j] = false;
      out.partnerContribution[j] = 0;
    }
  }

  // ================================================================ evaluation context

  /** A bound variable: a tenant, workload or type index, or a month. */
  private record Binding(Ir.Var var, int value, Binding outer) {}

  /** What an expression reads besides the dataset. Immutable: binding makes a new one. */
  private static final class Ctx implements Scope {
    /** Customer index; -1 when judging a partner total (no customer). */
    final int customer;
    /** The as-of month (already shifted inside a Net's baseline); NONE for a partner total. */
    final int asOf;
    final boolean hasNodeValue;
    final long nodeValue;
    final int nodeScale;
    final Binding bindings;

    private Ctx(int customer, int asOf, boolean hasNodeValue, long nodeValue, int nodeScale, Binding bindings) {
      this.customer = customer;
      this.asOf = asOf;
      this.hasNodeValue = hasNodeValue;
      this.nodeValue = nodeValue;
      this.nodeScale = nodeScale;
      this.bindings = bindings;
    }

    static Ctx forCustomer(int customer, int asOf) {
      return new Ctx(customer, asOf, false, 0, 0, null);
    }

    static Ctx forPartner(long total, int scale) {
      return new Ctx(-1, Month.NONE, true, total, scale, null);
    }

    Ctx withAsOf(int m) {
      return new Ctx(customer, m, hasNodeValue, nodeValue, nodeScale, bindings);
    }

    Ctx withNodeValue(long value, int scale) {
      return new Ctx(customer, asOf, true, value, scale, bindings);
    }

    Ctx bind(Ir.Var var, int value) {
      return new Ctx(customer, asOf, hasNodeValue, nodeValue, nodeScale, new Binding(var, value, bindings));
    }

    @Override
    public int asOf() {
      return asOf;
    }

    @Override
    public int valueOf(Ir.Var var) {
      return lookup(var);
    }

    @Override
    public List<Ir.Var> bound() {
      List<Ir.Var> out = new java.util.ArrayList<>();
      for (Binding b = bindings; b != null; b = b.outer()) {
        out.add(b.var());
      }
      return out;
    }

    @Override
    public boolean binds(Ir.Var var) {
      for (Binding b = bindings; b != null; b = b.outer()) {
        if (b.var().id() == var.id()) {
          return true;
        }
      }
      return false;
    }

    int lookup(Ir.Var var) {
      for (Binding b = bindings; b != null; b = b.outer()) {
        if (b.var().id() == var.id()) {
          if (b.var().dim() != var.dim()) {
            throw new IllegalStateException("variable " + describe(var) + " is bound as a " + b.var().dim());
          }
          return b.value();
        }
      }
      throw new IllegalStateException("variable " + describe(var) + " is not bound here");
    }
  }

  private static String describe(Ir.Var v) {
    return v.name() + "#" + v.id() + " (" + v.dim() + ")";
  }

  // ================================================================ numbers

  /** The value of a NUM expression: unscaled, at {@code e.scale()}. */
  private long num(Ir.Expr e, Ctx c) {
    long v = numberOf(e, c);
    if (listener != null) {
      listener.number(e, c, v);
    }
    return v;
  }

  private long numberOf(Ir.Expr e, Ctx c) {
    return e.accept(numbers, c);
  }

  /** The value of each kind of number; a condition is not one. */
  private final class Numbers implements Ir.Visitor<Long, Ctx> {
    @Override
    public Long visit(Ir.Const k, Ctx c) {
      return k.unscaled();
    }

    @Override
    public Long visit(Ir.MeasureAt m, Ctx c) {
      int month = month(m.month(), c);
      if (month == Month.NONE) {
        return 0L;
      }
      int t = c.lookup(m.tenant());
      int w = c.lookup(m.workload());
      return data.measure(data.pair(t, w), m.measure(), month);
    }

    @Override
    public Long visit(Ir.Rate r, Ctx c) {
      return rates.get(r.table())[c.lookup(r.workload())];
    }

    @Override
    public Long visit(Ir.Arith a, Ctx c) {
      long l = num(a.left(), c);
      long r = num(a.right(), c);
      switch (a.op()) {
        case ADD:
          return Math.addExact(align(l, a.left().scale(), a.scale()), align(r, a.right().scale(), a.scale()));
        case SUB:
          return Math.subtractExact(align(l, a.left().scale(), a.scale()), align(r, a.right().scale(), a.scale()));
        case MUL:
          return Math.multiplyExact(l, r);
        default:
          throw new IllegalStateException("unknown arithmetic " + a.op());
      }
    }

    @Override
    public Long visit(Ir.Neg n, Ctx c) {
      return Math.negateExact(num(n.operand(), c));
    }

    @Override
    public Long visit(Ir.If f, Ctx c) {
      Ir.Expr taken = bool(f.cond(), c) ? f.then() : f.otherwise();
      return align(num(taken, c), taken.scale(), f.scale());
    }

    @Override
    public Long visit(Ir.Sum s, Ctx c) {
      long[] total = {0};
      forEachBinding(s.binders(), 0, c, b -> {
        if (holds(s.where(), b)) {
          total[0] = Math.addExact(total[0], num(s.body(), b));
        }
        return true;
      });
      return total[0];
    }

    @Override
    public Long visit(Ir.Count n, Ctx c) {
      long[] count = {0};
      forEachBinding(n.binders(), 0, c, b -> {
        if (holds(n.where(), b)) {
          count[0] = Math.addExact(count[0], 1);
        }
        return true;
      });
      return count[0];
    }

    @Override
    public Long visit(Ir.Net n, Ctx c) {
      if (c.asOf == Month.NONE) {
        throw new IllegalStateException("a net value is read where there is no as-of month (a partner total, or as-of NONE)");
      }
      long current = num(n.body(), c);
      long baseline = num(n.body(), c.withAsOf(c.asOf - 12));
      return Math.subtractExact(current, baseline);
    }

    @Override
    public Long visit(Ir.NodeValue v, Ctx c) {
      if (!c.hasNodeValue) {
        throw new IllegalStateException("NodeValue read where there is no node value");
      }
      if (v.scale() != c.nodeScale) {
        throw new IllegalStateException("NodeValue of scale " + v.scale() + " reads a value of scale " + c.nodeScale);
      }
      return c.nodeValue;
    }

    @Override
    public Long visit(Ir.Compare e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.CompareMonths e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.InMonths e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.And e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.Or e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.Not e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.Exists e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.ForAll e, Ctx c) {
      throw notANumber(e);
    }

    @Override
    public Long visit(Ir.Associated e, Ctx c) {
      throw notANumber(e);
    }

    private IllegalStateException notANumber(Ir.Expr e) {
      return new IllegalStateException("not a number expression: " + e.getClass().getSimpleName());
    }
  }

  /** {@code v} (unscaled at {@code from}) at scale {@code to >= from}; overflow throws. */
  private static long align(long v, int from, int to) {
    if (to < from) {
      throw new IllegalStateException("cannot lower scale " + from + " to " + to);
    }
    long r = v;
    for (int s = from; s < to; s++) {
      r = Math.multiplyExact(r, 10L);
    }
    return r;
  }

  // ================================================================ conditions

  /** A missing {@code where} always holds. */
  private boolean holds(Ir.Expr where, Ctx c) {
    return where == null || bool(where, c);
  }

  private boolean bool(Ir.Expr e, Ctx c) {
    boolean b = conditionOf(e, c);
    if (listener != null) {
      listener.condition(e, c, b);
    }
    return b;
  }

  private boolean conditionOf(Ir.Expr e, Ctx c) {
    return e.accept(conditions, c);
  }

  /** Whether each kind of condition holds; a number is not one. */
  private final class Conditions implements Ir.Visitor<Boolean, Ctx> {
    @Override
    public Boolean visit(Ir.Const e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.MeasureAt e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Rate e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Arith e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Neg e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.If e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Sum e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Count e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Net e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.NodeValue e, Ctx c) {
      throw notACondition(e);
    }

    @Override
    public Boolean visit(Ir.Compare k, Ctx c) {
      int scale = Math.max(k.left().scale(), k.right().scale());
      long l = align(num(k.left(), c), k.left().scale(), scale);
      long r = align(num(k.right(), c), k.right().scale(), scale);
      return k.op().test(l, r);
    }

    @Override
    public Boolean visit(Ir.CompareMonths k, Ctx c) {
      int l = month(k.left(), c);
      int r = month(k.right(), c);
      if (l == Month.NONE || r == Month.NONE) {
        return false;
      }
      return k.op().test(l, r);
    }

    @Override
    public Boolean visit(Ir.InMonths k, Ctx c) {
      int m = month(k.month(), c);
      int from = month(k.range().from(), c);
      int to = month(k.range().to(), c);
      if (m == Month.NONE || from == Month.NONE || to == Month.NONE) {
        return false;
      }
      return from <= m && m <= to;
    }

    @Override
    public Boolean visit(Ir.And a, Ctx c) {
      return bool(a.left(), c) && bool(a.right(), c);
    }

    @Override
    public Boolean visit(Ir.Or o, Ctx c) {
      return bool(o.left(), c) || bool(o.right(), c);
    }

    @Override
    public Boolean visit(Ir.Not n, Ctx c) {
      return !bool(n.operand(), c);
    }

    @Override
    public Boolean visit(Ir.Exists x, Ctx c) {
      // The visitor stops (returns false) at the first binding that holds.
      return !forEachBinding(x.binders(), 0, c, b -> !holds(x.where(), b));
    }

    @Override
    public Boolean visit(Ir.ForAll x, Ctx c) {
      // The visitor stops at the first binding that does not hold; none: true.
      return forEachBinding(x.binders(), 0, c, b -> holds(x.where(), b));
    }

    @Override
    public Boolean visit(Ir.Associated a, Ctx c) {
      return associated(a, c);
    }

    private IllegalStateException notACondition(Ir.Expr e) {
      return new IllegalStateException("not a condition: " + e.getClass().getSimpleName());
    }
  }

  private boolean associated(Ir.Associated a, Ctx c) {
    int m = month(a.month(), c);
    if (m == Month.NONE) {
      return false;
    }
    int t = c.lookup(a.tenant());
    int w = c.lookup(a.workload());
    int p = data.pair(t, w);
    if (p < 0) {
      return false;
    }
    int boundType = a.typeVar() == null ? -1 : c.lookup(a.typeVar());
    boolean[] allowed = a.types() == null ? null : typeMasks.get(a.types())[w];
    for (int k = data.assocStart(p); k < data.assocEnd(p); k++) {
      int type = data.assocType(k);
      boolean active = data.assocStartMonth(k) <= m && m <= data.assocEndMonth(k);
      boolean typeMatches = a.typeVar() == null || type == boundType;
      boolean inSet = allowed == null || allowed[type];
      if (active && typeMatches && inSet) {
        return true;
      }
    }
    return false;
  }

  // ================================================================ months

  private int month(Ir.MonthExpr e, Ctx c) {
    if (e instanceof Ir.AsOf a) {
      if (c.asOf == Month.NONE) {
        throw new IllegalStateException("the as-of month is read where there is none (a partner total, or as-of NONE)");
      }
      return c.asOf + a.offset();
    }
    if (e instanceof Ir.MonthVar v) {
      int m = c.lookup(v.var());
      return m == Month.NONE ? Month.NONE : m + v.offset();
    }
    if (e instanceof Ir.EarliestStart s) {
      int t = c.lookup(s.tenant());
      int w = c.lookup(s.workload());
      int p = data.pair(t, w);
      if (p < 0) {
        return Month.NONE;
      }
      boolean[] allowed = typeMasks.get(s.types())[w];
      int first = Month.NONE;
      for (int k = data.assocStart(p); k < data.assocEnd(p); k++) {
        if (allowed[data.assocType(k)]) {
          int start = data.assocStartMonth(k);
          if (first == Month.NONE || start < first) {
            first = start;
          }
        }
      }
      return first;
    }
    throw new IllegalStateException("not a month: " + e.getClass().getSimpleName());
  }

  // ================================================================ binders

  /** Called once per binding; returns false to stop the enumeration. */
  private interface BindingVisitor {
    boolean visit(Ctx bound);
  }

  /**
   * Enumerates every binding of {@code binders[k..]} (nested in list order) under {@code c} and
   * hands each to {@code v}. Returns false when {@code v} stopped early, true otherwise.
   */
  private boolean forEachBinding(List<Ir.Binder> binders, int k, Ctx c, BindingVisitor v) {
    if (k == binders.size()) {
      return v.visit(c);
    }
    Ir.Binder binder = binders.get(k);
    if (binder instanceof Ir.ForTenant b) {
      if (c.customer < 0) {
        throw new IllegalStateException("tenants are read where there is no customer (a partner total)");
      }
      for (int t = data.tenantStart(c.customer); t < data.tenantEnd(c.customer); t++) {
        if (!forEachBinding(binders, k + 1, c.bind(b.var(), t), v)) {
          return false;
        }
      }
      return true;
    }
    if (binder instanceof Ir.ForWorkload b) {
      boolean[] mask = workloadMasks.get(b.set());
      for (int w = 0; w < mask.length; w++) {
        if (mask[w] && !forEachBinding(binders, k + 1, c.bind(b.var(), w), v)) {
          return false;
        }
      }
      return true;
    }
    if (binder instanceof Ir.ForMonth b) {
      int from = month(b.range().from(), c);
      int to = month(b.range().to(), c);
      if (from == Month.NONE || to == Month.NONE) {
        return true;
      }
      for (long m = from; m <= to; m++) {
        if (!forEachBinding(binders, k + 1, c.bind(b.var(), (int) m), v)) {
          return false;
        }
      }
      return true;
    }
    if (binder instanceof Ir.ForType b) {
      boolean[] mask = forTypeMasks.get(b);
      for (int type = 0; type < mask.length; type++) {
        if (mask[type] && !forEachBinding(binders, k + 1, c.bind(b.var(), type), v)) {
          return false;
        }
      }
      return true;
    }
    throw new IllegalStateException("unknown binder: " + binder.getClass().getSimpleName());
  }

  // ================================================================ preparation

  /** Checks one result node and precomputes the masks and rates its expressions use. */
  private void prepareResultNode(Ir.Node n) {
    if (n.value() == null || n.met() == null) {
      throw new IllegalArgumentException("node " + n.id() + " has no value or no condition");
    }
    prepare(n.value(), -1, n.id());
    prepare(n.met(), n.scale(), n.id());
    if (n.partner() != null) {
      prepare(n.partner().perCustomer(), n.scale(), n.id());
      prepare(n.partner().met(), n.partner().scale(), n.id());
    }
  }

  /**
   * Walks {@code e} and its sub-expressions: precomputes masks and rates; checks that binder variables have the binder's
   * dimension and that {@link Ir.NodeValue} appears only where a value of that scale is given
   * ({@code nodeValueScale}, -1 for nowhere).
   */
  private void prepare(Ir.Expr e, int nodeValueScale, String nodeId) {
    if (e == null) {
      return;
    }
    if (e instanceof Ir.NodeValue v && v.scale() != nodeValueScale) {
      throw new IllegalArgumentException(
          nodeValueScale < 0
              ? "node " + nodeId + ": NodeValue in a node's value"
              : "node " + nodeId + ": NodeValue of scale " + v.scale() + " where the value has scale " + nodeValueScale);
    } else if (e instanceof Ir.MeasureAt m) {
      prepare(m.month());
    } else if (e instanceof Ir.Rate r) {
      rates.computeIfAbsent(r.table(), this::rateByWorkload);
    } else if (e instanceof Ir.Quantified q) {
      prepare(q.binders());
    } else if (e instanceof Ir.CompareMonths k) {
      prepare(k.left());
      prepare(k.right());
    } else if (e instanceof Ir.InMonths k) {
      prepare(k.month());
      prepare(k.range().from());
      prepare(k.range().to());
    } else if (e instanceof Ir.Associated a) {
      prepare(a.month());
      if (a.typeVar() != null) {
        requireDim(a.typeVar(), Ir.Dim.TYPE);
      }
      if (a.types() != null) {
        typeMasks.computeIfAbsent(a.types(), this::typesByWorkload);
      }
    }
    for (Ir.Expr child : e.children()) {
      prepare(child, nodeValueScale, nodeId);
    }
  }

  private void prepare(Ir.MonthExpr m) {
    if (m instanceof Ir.EarliestStart s) {
      typeMasks.computeIfAbsent(s.types(), this::typesByWorkload);
    }
  }

  private void prepare(List<Ir.Binder> binders) {
    for (Ir.Binder b : binders) {
      if (b instanceof Ir.ForTenant) {
        requireDim(b.var(), Ir.Dim.TENANT);
      } else if (b instanceof Ir.ForWorkload w) {
        requireDim(b.var(), Ir.Dim.WORKLOAD);
        workloadMasks.computeIfAbsent(w.set(), this::workloadMask);
      } else if (b instanceof Ir.ForMonth m) {
        requireDim(b.var(), Ir.Dim.MONTH);
        prepare(m.range().from());
        prepare(m.range().to());
      } else if (b instanceof Ir.ForType t) {
        requireDim(b.var(), Ir.Dim.TYPE);
        forTypeMasks.computeIfAbsent(t, x -> x.types() == null ? allTypes() : typeMask(x.types()));
      } else {
        throw new IllegalArgumentException("unknown binder: " + b.getClass().getSimpleName());
      }
    }
  }

  private static void requireDim(Ir.Var v, Ir.Dim dim) {
    if (v.dim() != dim) {
      throw new IllegalArgumentException("variable " + describe(v) + " used as a " + dim);
    }
  }

  /** Membership of each workload in {@code set}, decided per workload by name or family. */
  private boolean[] workloadMask(Ir.WorkloadSet set) {
    boolean[] mask = new boolean[data.workloadCount()];
    for (int w = 0; w < mask.length; w++) {
      mask[w] = contains(set, w);
    }
    return mask;
  }

  private boolean contains(Ir.WorkloadSet set, int w) {
    if (set instanceof Ir.Names n) {
      return n.names().contains(data.workloadName(w));
    }
    if (set instanceof Ir.Families f) {
      return f.families().contains(data.workloadFamily(w));
    }
    if (set instanceof Ir.Union u) {
      for (Ir.WorkloadSet part : u.parts()) {
        if (contains(part, w)) {
          return true;
        }
      }
      return false;
    }
    if (set instanceof Ir.Except x) {
      return contains(x.base(), w) && !contains(x.minus(), w);
    }
    if (set instanceof Ir.AllWorkloads) {
      return true;
    }
    throw new IllegalArgumentException("unknown workload set: " + set.getClass().getSimpleName());
  }

  /** For each workload index, the membership of each type index in {@code set}. */
  private boolean[][] typesByWorkload(Ir.TypeSet set) {
    boolean[][] masks = new boolean[data.workloadCount()][];
    if (set instanceof Ir.FixedTypes f) {
      boolean[] mask = typeMask(f.types());
      for (int w = 0; w < masks.length; w++) {
        masks[w] = mask;
      }
      return masks;
    }
    if (set instanceof Ir.TypesByWorkload b) {
      for (int w = 0; w < masks.length; w++) {
        List<String> types = b.otherwise();
        for (Ir.TypeCase tc : b.cases()) {
          if (contains(tc.when(), w)) {
            types = tc.types();
            break;
          }
        }
        masks[w] = typeMask(types);
      }
      return masks;
    }
    throw new IllegalArgumentException("unknown type set: " + set.getClass().getSimpleName());
  }

  private boolean[] typeMask(List<String> names) {
    boolean[] mask = new boolean[data.typeCount()];
    for (int k = 0; k < mask.length; k++) {
      mask[k] = names.contains(data.typeName(k));
    }
    return mask;
  }

  private boolean[] allTypes() {
    boolean[] mask = new boolean[data.typeCount()];
    java.util.Arrays.fill(mask, true);
    return mask;
  }

  /** The table's unscaled rate per workload: the first case holding it, else otherwise. */
  private long[] rateByWorkload(Ir.RateTable table) {
    long[] rate = new long[data.workloadCount()];
    for (int w = 0; w < rate.length; w++) {
      rate[w] = table.otherwise();
      for (Ir.RateCase rc : table.cases()) {
        if (contains(rc.when(), w)) {
          rate[w] = rc.unscaled();
          break;
        }
      }
    }
    return rate;
  }
}
