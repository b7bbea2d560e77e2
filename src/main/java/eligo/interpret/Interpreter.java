package eligo.interpret;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import java.util.List;

/**
 * The reference interpreter: evaluates an {@link Ir.Area} directly over a {@link Dataset}. It is
 * the oracle that generated evaluators are tested against, so it is written plainly, straight from
 * the IR's documented meaning, and shares no evaluation code with any code generator.
 *
 * <p>Evaluation order, which only matters for which {@link ArithmeticException} (if any) is thrown:
 * {@code And}, {@code Or} and {@code If} evaluate left to right and only what they need; {@code
 * Exists} stops at the first binding that holds, {@code ForAll} at the first that does not; {@code
 * Sum} adds in binding order with overflow checks on every addition; binders nest in list order
 * (first outermost) and enumerate tenants, workloads and types by ascending index and months from
 * early to late.
 *
 * <p>Numbers are exact: an unscaled {@code long} at the expression's static scale ({@link
 * Ir.Expr#scale()}); every operation that can overflow uses {@code Math.*Exact}.
 *
 * <p>An instance keeps no mutable state after construction but caches of its last look-ups (each an
 * immutable answer, so safe to share); all masks and rate tables are computed in the constructor,
 * which also rejects malformed IR ({@link IllegalArgumentException}).
 *
 * <p>This class walks the tree: branches, gates that stop the rest of their branch, result nodes
 * and partner rules. {@link Evaluation} evaluates expressions, {@link Lookups} holds the
 * precomputed masks and rates, {@link Ctx} is what an expression is evaluated under.
 */
public final class Interpreter implements AreaEvaluator {
  private final Ir.Area area;
  private final List<Ir.Node> resultNodes;
  private final List<Ir.Node> partnerNodes;

  /** For each result index, its partner rule index, or -1. */
  private final int[] partnerSlot;

  /** Told about every value computed, for explanations; null when nobody listens. */
  private final Listener listener;

  private final Dataset data;

  /** The masks and rates the area's expressions read (over {@link #data}'s catalogs). */
  private final Lookups lookups;

  private final Evaluation evaluation;

  private final AssociationSearch associations;

  /**
   * An association that counts toward a node: tenant {@code tenant}, workload {@code workload} and
   * the dataset's association row {@code association} (its type and months), all dataset indexes.
   */
  public record Counted(int tenant, int workload, int association) {}

  /**
   * Observes an evaluation, for explanations: reports drawn from the very evaluation that decided
   * the statuses. Called with every number and condition computed, in evaluation order (a
   * comparison's left side, then its right side, then the comparison), and with every node a gate
   * stopped; but an {@code any ..., month in R where associated(t, w, month)} asks nothing of the
   * months of a tenant and workload the data hold no association of (none can hold), so neither are
   * they told; nor, in an interpreter {@link #explaining}, of the bindings of an {@code any} it
   * leaves out, or of a {@code sum} unless the listener {@linkplain #hearsEveryBinding hears every
   * binding} of it.
   */
  public interface Listener {
    /**
     * Whether an interpreter {@link #explaining} must visit (and tell) every binding of {@code
     * sum}, even those the data lack whose term is provably 0: what it is told of them matters to
     * this listener. By default not.
     */
    default boolean hearsEveryBinding(Ir.Sum sum) {
      return false;
    }

    void number(Ir.Expr e, Scope scope, long value);

    void condition(Ir.Expr e, Scope scope, boolean holds);

    /**
     * Hears, in order, numbers and conditions told under one scope: {@code exprs[k]} of value
     * {@code values[k]}, a condition (1 when it held, else 0) where {@code conditions[k]}; what
     * {@link #number} and {@link #condition} hear one by one, which is what it does by default. An
     * interpreter {@link #explaining} tells so what a count's binding of a pair the data lack tells
     * (the same for each such binding).
     */
    default void told(Ir.Expr[] exprs, long[] values, boolean[] conditions, Scope scope) {
      for (int k = 0; k < exprs.length; k++) {
        if (conditions[k]) {
          condition(exprs[k], scope, values[k] != 0);
        } else {
          number(exprs[k], scope, values[k]);
        }
      }
    }

    /**
     * Result node {@code node} was not evaluated because {@code gate}, earlier in its branch, was
     * not met.
     */
    void skipped(Ir.Node node, Ir.Node gate);

    /**
     * Result node {@code node} is about to be evaluated: the numbers and conditions that follow are
     * its own.
     */
    void evaluating(Ir.Node node);
  }

  /**
   * What an expression was evaluated under: the as-of month (shifted in a net's baseline) and the
   * bound variables.
   */
  public interface Scope {
    int asOf();

    /**
     * The value bound to {@code var} (a tenant, workload or type index, or a month); throws when
     * unbound.
     */
    int valueOf(Ir.Var var);

    /** The bound variables, innermost first. */
    List<Ir.Var> bound();

    /** Whether {@code var} is bound here. */
    boolean binds(Ir.Var var);

    /**
     * Whether any variable is bound here: the expression is evaluated inside a binder ({@code sum},
     * {@code count}, {@code any} ...).
     */
    boolean bindsAny();

    /**
     * The value bound to {@code var}, as {@link #valueOf}, or {@code otherwise} when it is not
     * bound here: {@link #binds} and {@link #valueOf} in one look.
     */
    int valueOr(Ir.Var var, int otherwise);

    /**
     * The value bound to the innermost variable of dimension {@code dim}, or {@code otherwise} when
     * none is bound.
     */
    int innermostOf(Ir.Dim dim, int otherwise);
  }

  /**
   * An interpreter of {@code area} over {@code data}; throws {@link IllegalArgumentException} on
   * malformed IR.
   */
  public Interpreter(Ir.Area area, Dataset data) {
    this(area, data, null);
  }

  /** The same, telling {@code listener} (when not null) about every value computed. */
  public Interpreter(Ir.Area area, Dataset data, Listener listener) {
    this(area, data, listener, false);
  }

  /**
   * An interpreter for explanations: the same results, but inside an {@code any} it visits only the
   * bindings the data hold where {@link eligo.ir.Absence} proves that the others add nothing (a
   * tenant and workload pair the data lack, a month the pair has no usage row in), as the generated
   * code does; the listener is not told of the others. The reference interpreter ({@link
   * #Interpreter(Ir.Area, Dataset, Listener)}) visits every binding, so that the generated code is
   * checked against an evaluation that shares none of its shortcuts.
   */
  public static Interpreter explaining(Ir.Area area, Dataset data, Listener listener) {
    return new Interpreter(area, data, listener, true, null);
  }

  /**
   * {@link #explaining}, with the masks and rates of {@code earlier} (when not null) where it
   * interprets the same area over a dataset that {@linkplain Dataset#sharesCatalogs shares the
   * catalogs} of {@code data}: they depend on nothing else, and a site per partner makes an
   * interpreter per area for each partner; and, for the same area, what it found of the IR alone
   * (what absences prove, the scripts of missing pairs, the shapes of association counts), which it
   * goes on filling: {@code earlier} must be of the same thread.
   */
  public static Interpreter explaining(
      Ir.Area area, Dataset data, Listener listener, Interpreter earlier) {
    return new Interpreter(area, data, listener, true, earlier);
  }

  private Interpreter(Ir.Area area, Dataset data, Listener listener, boolean skipAbsent) {
    this(area, data, listener, skipAbsent, null);
  }

  private Interpreter(
      Ir.Area area, Dataset data, Listener listener, boolean skipAbsent, Interpreter earlier) {
    this.area = area;
    this.data = data;
    this.listener = listener;
    if (earlier != null && earlier.area == area) {
      // what depends on the IR alone: its nodes, and what the evaluation found of it
      this.resultNodes = earlier.resultNodes;
      this.partnerNodes = earlier.partnerNodes;
      this.partnerSlot = earlier.partnerSlot;
    } else {
      this.resultNodes = area.resultNodes();
      this.partnerNodes = area.partnerNodes();
      this.partnerSlot = new int[resultNodes.size()];
      int j = 0;
      for (int i = 0; i < resultNodes.size(); i++) {
        partnerSlot[i] = resultNodes.get(i).partner() == null ? -1 : j++;
      }
    }
    if (earlier != null && earlier.area == area && earlier.data.sharesCatalogs(data)) {
      this.lookups = earlier.lookups; // the area was checked and prepared over these catalogs
    } else {
      this.lookups = prepared(area, data);
    }
    if (earlier != null && earlier.area == area && earlier.skipAbsent == skipAbsent) {
      this.evaluation = new Evaluation(data, lookups, listener, skipAbsent, earlier.evaluation);
      this.associations = earlier.associations.over(data, lookups);
    } else {
      this.evaluation = new Evaluation(data, lookups, listener, skipAbsent);
      this.associations = new AssociationSearch(data, lookups, resultNodes);
    }
    this.skipAbsent = skipAbsent;
  }

  /** Whether this interpreter explains ({@link #explaining}). */
  private final boolean skipAbsent;

  /** The masks and rates of {@code area}'s result nodes over {@code data}, the area checked. */
  private static Lookups prepared(Ir.Area area, Dataset data) {
    Lookups lookups = new Lookups(data);
    for (Ir.Branch b : area.branches()) {
      for (Ir.Node n : b.nodes()) {
        if (n.leaves().isEmpty()) {
          lookups.prepareResultNode(n);
        } else {
          if (n.kind() == Ir.NodeKind.GATE) {
            throw new IllegalArgumentException(
                "gate " + n.id() + " has leaves: a gate is one condition");
          }
          for (Ir.Node leaf : n.leaves()) {
            if (!leaf.leaves().isEmpty()) {
              throw new IllegalArgumentException("leaf " + leaf.id() + " has leaves of its own");
            }
            lookups.prepareResultNode(leaf);
          }
        }
      }
    }
    return lookups;
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
        if (stoppedBy == null
            && node.kind() == Ir.NodeKind.GATE
            && out.status[i - 1] != NodeResults.MET) {
          stoppedBy = node;
        }
      }
    }
    if (i != resultNodes.size()) {
      throw new IllegalStateException(
          "walked " + i + " result nodes, expected " + resultNodes.size());
    }
  }

  /**
   * Evaluates result node {@code i} alone for {@code customer} at {@code asOf}, as {@link
   * #evaluate} would when its branch reaches it, and writes its outcome into {@code out}; the
   * listener hears {@link Listener#evaluating} and that node's numbers and conditions. For
   * explanations of a customer whose outcome is known: the nodes whose reasons are wanted, without
   * the rest.
   */
  public void evaluateOne(int i, int customer, int asOf, NodeResults out) {
    Ir.Node r = resultNodes.get(i);
    if (listener != null) {
      listener.evaluating(r);
    }
    evaluateNode(r, i, Ctx.forCustomer(customer, asOf), out);
  }

  /**
   * The associations of {@code customer} that count toward result node {@code i} at {@code asOf}
   * when its value counts association types ({@code count type where any tenant, workload, month in
   * R where associated ...}, or the current side of a net of one): every association row of the
   * customer's tenants whose type the count ranges over, whose workload is in the set, and for
   * which the condition holds in a month of R that the row is active; in the data's order (tenant,
   * workload, row). Null when the node's value is not such a count. The listener hears nothing of
   * it.
   */
  public List<Counted> countedAssociations(int i, int customer, int asOf) {
    return associations.counted(i, customer, asOf);
  }

  @Override
  public boolean partnerMet(int rule, long total) {
    Ir.PartnerRule partner = partnerNodes.get(rule).partner();
    return evaluation.bool(partner.met(), Ctx.forPartner(total, partner.scale()));
  }

  /** Evaluates one result node {@code r} (result index {@code i}) and writes its outcome. */
  private void evaluateNode(Ir.Node r, int i, Ctx top, NodeResults out) {
    long value;
    if (r.value() instanceof Ir.Net net) {
      long current = evaluation.num(net.body(), top);
      long baseline = evaluation.num(net.body(), top.withAsOf(top.asOf - 12));
      value = Math.subtractExact(current, baseline);
      out.current[i] = current;
      out.baseline[i] = baseline;
    } else {
      value = evaluation.num(r.value(), top);
      out.current[i] = 0;
      out.baseline[i] = 0;
    }
    out.value[i] = value;
    out.status[i] =
        evaluation.bool(r.met(), top.withNodeValue(value, r.scale()))
            ? NodeResults.MET
            : NodeResults.NOT_MET;
    int j = partnerSlot[i];
    if (j >= 0) {
      out.partnerEvaluated[j] = true;
      out.partnerContribution[j] =
          evaluation.num(r.partner().perCustomer(), top.withNodeValue(value, r.scale()));
    }
  }

  /**
   * Writes "not evaluated" for result index {@code i} (the caller clears too; this is explicit).
   */
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
}
