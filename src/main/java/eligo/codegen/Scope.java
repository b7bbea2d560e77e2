package eligo.codegen;

import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one generated method can see: whether it has a customer ({@code c}, {@code asOf}), the local
 * holding {@link Ir.NodeValue} (if any), the bound IR variables and their Java locals, the (tenant,
 * workload) pair locals already looked up or iterated, the usage row locals of a row loop, and the
 * local names in use.
 */
final class Scope {
  final boolean customer;
  final String value;
  final int valueScale;

  /**
   * Months added to {@code asOf} wherever the code reads the as-of month: -12 while the baseline of
   * a net is compiled into the same loop as its value at M (see {@code ExprCompiler}).
   */
  int asOfShift;

  private final Map<Integer, Bound> vars = new LinkedHashMap<>();
  private final Map<List<Integer>, Pair> pairs = new LinkedHashMap<>();
  private final Map<List<Integer>, String> rows = new LinkedHashMap<>();
  private final Map<Ir.EarliestStart, String> starts = new LinkedHashMap<>();
  private final Set<String> locals = new HashSet<>();
  private final Map<Ir.Expr, String> computed = new java.util.IdentityHashMap<>();

  record Bound(Ir.Var var, String local) {}

  /**
   * A local holding the pair of (tenant, workload): {@code exists} when it comes from iterating the
   * tenant's pairs (never -1), else from {@code data.pair} (-1 when the pair has no data).
   */
  record Pair(Ir.Var tenant, Ir.Var workload, String local, boolean exists) {}

  /**
   * @param customer whether {@code c} and {@code asOf} are parameters
   * @param value the local holding the node value, or null
   * @param reserved names already taken in the method (parameters, fields)
   */
  Scope(boolean customer, String value, int valueScale, Iterable<String> reserved) {
    this.customer = customer;
    this.value = value;
    this.valueScale = valueScale;
    for (String name : reserved) {
      locals.add(name);
    }
    if (customer) {
      locals.add("c");
      locals.add("asOf");
    }
    if (value != null) {
      locals.add(value);
    }
  }

  /** A fresh local name: {@code base}, else {@code base2}, {@code base3}... */
  String local(String base) {
    for (int i = 1; ; i++) {
      String candidate = i == 1 ? base : base + i;
      if (!locals.contains(candidate) && Names.usable(candidate)) {
        locals.add(candidate);
        return candidate;
      }
    }
  }

  /** Binds {@code var} to a fresh local named after its dimension ({@code t}, {@code w2}...). */
  String bind(Ir.Var var) {
    if (vars.containsKey(var.id())) {
      throw new IllegalArgumentException("variable bound twice: " + var);
    }
    String base =
        switch (var.dim()) {
          case TENANT -> "t";
          case WORKLOAD -> "w";
          case MONTH -> "m";
          case TYPE -> "k";
        };
    String local = local(base);
    vars.put(var.id(), new Bound(var, local));
    return local;
  }

  /** Binds {@code var} to an existing local (a helper's parameter). */
  void bindAs(Ir.Var var, String local) {
    locals.add(local);
    vars.put(var.id(), new Bound(var, local));
  }

  boolean isBound(Ir.Var var) {
    return vars.containsKey(var.id());
  }

  /** The local of a bound variable of dimension {@code dim}. */
  String name(Ir.Var var, Ir.Dim dim) {
    Bound b = vars.get(var.id());
    if (b == null) {
      throw new IllegalArgumentException("unbound variable " + var);
    }
    if (var.dim() != dim || b.var().dim() != dim) {
      throw new IllegalArgumentException("variable " + var + " used as a " + dim);
    }
    return b.local();
  }

  /** The bound variables, in binding order. */
  List<Bound> bound() {
    return new ArrayList<>(vars.values());
  }

  /**
   * The local holding the pair of (tenant, workload), or null when not looked up in this method.
   */
  String pair(Ir.Var tenant, Ir.Var workload) {
    Pair p = pairs.get(List.of(tenant.id(), workload.id()));
    return p == null ? null : p.local();
  }

  void addPair(Ir.Var tenant, Ir.Var workload, String local, boolean exists) {
    locals.add(local);
    pairs.put(List.of(tenant.id(), workload.id()), new Pair(tenant, workload, local, exists));
  }

  /** The pair locals of this method, in the order they were added. */
  List<Pair> pairs() {
    return new ArrayList<>(pairs.values());
  }

  /**
   * The local holding the usage row of (tenant, workload) in month variable {@code month}, or null.
   */
  String row(Ir.Var tenant, Ir.Var workload, Ir.Var month) {
    return rows.get(List.of(tenant.id(), workload.id(), month.id()));
  }

  void addRow(Ir.Var tenant, Ir.Var workload, Ir.Var month, String local) {
    rows.put(List.of(tenant.id(), workload.id(), month.id()), local);
  }

  /**
   * The code of a number already computed into an array element or local (this very expression, by
   * identity), or null.
   */
  String computed(Ir.Expr e) {
    return computed.get(e);
  }

  void addComputed(Ir.Expr e, String code) {
    computed.put(e, code);
  }

  /** The local holding an earliest start, or null when not looked up in this method. */
  String start(Ir.EarliestStart start) {
    return starts.get(start);
  }

  void addStart(Ir.EarliestStart start, String local) {
    starts.put(start, local);
  }
}
