package eligo.interpret;

import eligo.data.Dataset;
import eligo.ir.Ir;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The masks and rate tables an area's expressions read, computed once over the dataset as the
 * result nodes are prepared ({@link #prepareResultNode}), which also rejects malformed IR ({@link
 * IllegalArgumentException}): a binder variable of the wrong dimension, a node value where none is
 * given or of the wrong scale. Keyed by the IR object itself (records compare by value, which would
 * make every lookup hash a whole list; identity is both cheaper and exact here).
 */
final class Lookups {
  private final Dataset data;

  /** Per workload set: membership of each workload index. */
  private final Map<Ir.WorkloadSet, boolean[]> workloadMasks = new IdentityHashMap<>();

  /** Per type set: for each workload index, membership of each type index. */
  private final Map<Ir.TypeSet, boolean[][]> typeMasks = new IdentityHashMap<>();

  /** Per ForType binder: membership of each type index. */
  private final Map<Ir.ForType, boolean[]> forTypeMasks = new IdentityHashMap<>();

  /** Per rate table: the unscaled rate of each workload index. */
  private final Map<Ir.RateTable, long[]> rates = new IdentityHashMap<>();

  Lookups(Dataset data) {
    this.data = data;
  }

  /** Membership of each workload index in {@code set} (prepared). */
  boolean[] workloads(Ir.WorkloadSet set) {
    Last last = lastWorkloads;
    if (last == null || last.key != set) {
      last = new Last(set, workloadMasks.get(set));
      lastWorkloads = last;
    }
    return (boolean[]) last.value;
  }

  /** For each workload index, membership of each type index in {@code set} (prepared). */
  boolean[][] types(Ir.TypeSet set) {
    Last last = lastTypes;
    if (last == null || last.key != set) {
      last = new Last(set, typeMasks.get(set));
      lastTypes = last;
    }
    return (boolean[][]) last.value;
  }

  /** Membership of each type index in the types of {@code binder} (prepared). */
  boolean[] types(Ir.ForType binder) {
    Last last = lastForType;
    if (last == null || last.key != binder) {
      last = new Last(binder, forTypeMasks.get(binder));
      lastForType = last;
    }
    return (boolean[]) last.value;
  }

  /**
   * The last mask looked up of each kind: a loop asks for the same one at every binding, and the
   * identity hash of each look-up was a hundredth of an explanation. Immutable, so a thread reads a
   * whole one (an interpreter may be shared; one thread's answer is only a miss for another).
   */
  private record Last(Object key, Object value) {}

  private Last lastWorkloads;
  private Last lastTypes;
  private Last lastForType;

  /** The unscaled rate of each workload index in {@code table} (prepared). */
  long[] rates(Ir.RateTable table) {
    return rates.get(table);
  }

  /** Checks one result node and precomputes the masks and rates its expressions use. */
  void prepareResultNode(Ir.Node n) {
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
   * Walks {@code e} and its sub-expressions: precomputes masks and rates; checks that binder
   * variables have the binder's dimension and that {@link Ir.NodeValue} appears only where a value
   * of that scale is given ({@code nodeValueScale}, -1 for nowhere).
   */
  private void prepare(Ir.Expr e, int nodeValueScale, String nodeId) {
    if (e == null) {
      return;
    }
    if (e instanceof Ir.NodeValue v && v.scale() != nodeValueScale) {
      throw new IllegalArgumentException(
          nodeValueScale < 0
              ? "node " + nodeId + ": NodeValue in a node's value"
              : "node "
                  + nodeId
                  + ": NodeValue of scale "
                  + v.scale()
                  + " where the value has scale "
                  + nodeValueScale);
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
      throw new IllegalArgumentException("variable " + Ctx.describe(v) + " used as a " + dim);
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
      // one mask per case, shared by its workloads (a catalog may hold a million)
      boolean[] otherwise = typeMask(b.otherwise());
      List<boolean[]> byCase = new java.util.ArrayList<>();
      for (Ir.TypeCase tc : b.cases()) {
        byCase.add(typeMask(tc.types()));
      }
      for (int w = 0; w < masks.length; w++) {
        masks[w] = otherwise;
        for (int k = 0; k < b.cases().size(); k++) {
          if (contains(b.cases().get(k).when(), w)) {
            masks[w] = byCase.get(k);
            break;
          }
        }
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
    Arrays.fill(mask, true);
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
