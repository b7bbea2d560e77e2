package eligo.interpret;

import eligo.data.Dataset;
import eligo.data.Month;
import eligo.ir.Absence;
import eligo.ir.Ir;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bindings of an {@code any} or a {@code sum} that the data hold, for the interpreter that
 * explains ({@link Interpreter#explaining}): where the IR proves ({@link Absence}) that a binding
 * the data lack adds nothing, it is not visited, so neither evaluated nor told to the listener, as
 * the generated code's loops leave it out. The outcome is the reference interpreter's ({@code
 * DifferentialTest}). Keeps no mutable state but a cache of what the IR proves (the IR never
 * changes) and its last answer from it.
 */
final class PresentBindings {
  private final Evaluation evaluation;
  private final Dataset data;
  private final Lookups lookups;

  /**
   * {@link Absence#contributesNothing}, per {@code any} and variables; shared with the instances
   * made from this one ({@link #PresentBindings(Evaluation, Dataset, Lookups, PresentBindings)}).
   */
  private final Map<AbsenceKey, Boolean> absence;

  PresentBindings(Evaluation evaluation, Dataset data, Lookups lookups) {
    this(evaluation, data, lookups, null);
  }

  /**
   * The same, keeping what {@code earlier} (when not null) found the IR proves: it depends on the
   * IR alone, and an explaining interpreter is made per area for each partner of a site per
   * partner.
   */
  PresentBindings(Evaluation evaluation, Dataset data, Lookups lookups, PresentBindings earlier) {
    this.evaluation = evaluation;
    this.data = data;
    this.lookups = lookups;
    this.absence = earlier == null ? new ConcurrentHashMap<>() : earlier.absence;
  }

  /**
   * {@link Evaluation#forEachBinding} of the binders of {@code x} (an {@code any} or a {@code sum})
   * from binder {@code k}, in the same order, leaving out the bindings whose tenant and workload
   * pair the data lack, or whose month the pair has no usage row in, where {@link Absence} proves
   * that they add nothing to {@code x} (its condition is then false, or a sum's term 0): a tenant
   * or workload once the other of the pair is bound; a month once both are. In {@code any ...,
   * month in R where associated(t, w, month)} (or such a sum), the months in which no association
   * row of the pair is active are left out too (no row of the type bound to the association's type
   * variable, or of the types it asks for: it cannot hold there).
   */
  boolean forEach(Ir.Quantified x, int k, Ctx c, Evaluation.BindingVisitor v) {
    if (!(x instanceof Ir.Exists) && !(x instanceof Ir.Sum)) {
      throw new IllegalArgumentException("not an any or a sum: " + x.getClass().getSimpleName());
    }
    List<Ir.Binder> binders = x.binders();
    if (k == binders.size()) {
      return v.visit(c);
    }
    Ir.Binder binder = binders.get(k);
    if (binder instanceof Ir.ForTenant b && c.customer >= 0) {
      Ir.Var w = boundWith(x, c, b.var(), Ir.Dim.WORKLOAD);
      if (w != null) {
        int workload = c.lookup(w);
        for (int t = data.tenantStart(c.customer); t < data.tenantEnd(c.customer); t++) {
          if (c.pair(data, t, workload) >= 0 && !forEach(x, k + 1, c.bind(b.var(), t), v)) {
            return false;
          }
        }
        return true;
      }
    } else if (binder instanceof Ir.ForWorkload b) {
      Ir.Var t = boundWith(x, c, b.var(), Ir.Dim.TENANT);
      if (t != null) {
        int tenant = c.lookup(t);
        boolean[] mask = lookups.workloads(b.set());
        for (int p = data.pairStart(tenant); p < data.pairEnd(tenant); p++) {
          int w = data.pairWorkload(p);
          if (mask[w] && !forEach(x, k + 1, c.bind(b.var(), w), v)) {
            return false;
          }
        }
        return true;
      }
    } else if (binder instanceof Ir.ForMonth b) {
      Ir.Var[] pair = boundPair(x, c, b.var());
      if (pair != null) {
        int from = evaluation.month(b.range().from(), c);
        int to = evaluation.month(b.range().to(), c);
        int p = c.pair(data, c.lookup(pair[0]), c.lookup(pair[1]));
        if (from == Month.NONE || to == Month.NONE || p < 0) {
          return true;
        }
        for (int r = data.firstRow(p, from); r < data.rowEnd(p); r++) {
          int m = data.rowMonth(r);
          if (m > to) {
            break;
          }
          if (!forEach(x, k + 1, c.bind(b.var(), m), v)) {
            return false;
          }
        }
        return true;
      }
    }
    if (binder instanceof Ir.ForMonth b
        && k == binders.size() - 1
        && x.where() instanceof Ir.Associated a
        && a.month() instanceof Ir.MonthVar mv
        && mv.var().id() == b.var().id()
        && mv.offset() == 0
        && c.binds(a.tenant())
        && c.binds(a.workload())) {
      // any ..., month in R where associated(t, w, month): only the months in which an association
      // row of the pair is active can hold, of the bound type and of the types allowed (when the
      // association asks for them, as Conditions.associated reads them)
      int from = evaluation.month(b.range().from(), c);
      int to = evaluation.month(b.range().to(), c);
      int w = c.lookup(a.workload());
      int p = c.pair(data, c.lookup(a.tenant()), w);
      if (from == Month.NONE || to == Month.NONE || p < 0 || to < from) {
        return true;
      }
      int boundType = a.typeVar() == null ? -1 : c.valueOr(a.typeVar(), -1);
      boolean[] allowed = a.types() == null ? null : lookups.types(a.types())[w];
      boolean[] active = new boolean[to - from + 1];
      for (int r = data.assocStart(p); r < data.assocEnd(p); r++) {
        int type = data.assocType(r);
        if ((boundType >= 0 && type != boundType) || (allowed != null && !allowed[type])) {
          continue; // never makes the association hold
        }
        int first = Math.max(from, data.assocStartMonth(r));
        int last = Math.min(to, data.assocEndMonth(r));
        for (int m = first; m <= last; m++) {
          active[m - from] = true;
        }
      }
      for (int m = from; m <= to; m++) {
        if (active[m - from] && !v.visit(c.bind(b.var(), m))) {
          return false;
        }
      }
      return true;
    }
    // no absence proven here: every binding of this binder
    return evaluation.forEachBinding(binders.subList(k, k + 1), 0, c, new Rest(this, x, k + 1, v));
  }

  /**
   * The bindings of binders {@code k..} of {@code x} under each binding of the one before: a class,
   * not a lambda, for the reason given in {@code Numbers}.
   */
  private static final class Rest implements Evaluation.BindingVisitor {
    private final PresentBindings present;
    private final Ir.Quantified x;
    private final int k;
    private final Evaluation.BindingVisitor v;

    Rest(PresentBindings present, Ir.Quantified x, int k, Evaluation.BindingVisitor v) {
      this.present = present;
      this.x = x;
      this.k = k;
      this.v = v;
    }

    @Override
    public boolean visit(Ctx bound) {
      return present.forEach(x, k, bound, v);
    }
  }

  /**
   * A variable of dimension {@code dim} bound in {@code c} that makes, with {@code var}, a tenant
   * and workload pair whose absence adds nothing to {@code x}; null if none.
   */
  private Ir.Var boundWith(Ir.Quantified x, Ctx c, Ir.Var var, Ir.Dim dim) {
    // the bound variables, innermost first, read along the chain (no list: a call per binding)
    for (Ctx b = c; b.innermost() != null; b = b.outer()) {
      Ir.Var other = b.innermost();
      if (other.dim() == dim) {
        Ir.Var tenant = dim == Ir.Dim.TENANT ? other : var;
        Ir.Var workload = dim == Ir.Dim.TENANT ? var : other;
        if (absentAddsNothing(x, tenant, workload, null)) {
          return other;
        }
      }
    }
    return null;
  }

  /**
   * A tenant and a workload variable bound in {@code c} ({tenant, workload}) whose pair's missing
   * usage row in the month bound to {@code month} adds nothing to {@code x}; null if none.
   */
  private Ir.Var[] boundPair(Ir.Quantified x, Ctx c, Ir.Var month) {
    for (Ctx bt = c; bt.innermost() != null; bt = bt.outer()) {
      Ir.Var t = bt.innermost();
      if (t.dim() == Ir.Dim.TENANT) {
        for (Ctx bw = c; bw.innermost() != null; bw = bw.outer()) {
          Ir.Var w = bw.innermost();
          if (w.dim() == Ir.Dim.WORKLOAD && absentAddsNothing(x, t, w, month)) {
            return new Ir.Var[] {t, w};
          }
        }
      }
    }
    return null;
  }

  private boolean absentAddsNothing(Ir.Quantified x, Ir.Var tenant, Ir.Var workload, Ir.Var month) {
    int m = month == null ? -1 : month.id();
    // a loop asks the same of every binding: the last answer first, without a key to make (one
    // for a pair and one for a month: a month binder inside a tenant's asks both in turn)
    Known last = month == null ? lastPair : lastRow;
    if (last != null
        && last.x == x
        && last.tenant == tenant.id()
        && last.workload == workload.id()
        && last.month == m) {
      return last.nothing;
    }
    AbsenceKey key = new AbsenceKey(x, tenant.id(), workload.id(), m);
    Boolean known = absence.get(key);
    if (known == null) {
      // no lambda for computeIfAbsent: this runs for every binding explained (see Numbers)
      known =
          (month == null ? Absence.pair(tenant, workload) : Absence.row(tenant, workload, month))
              .contributesNothing(x);
      absence.putIfAbsent(key, known);
    }
    Known now = new Known(x, tenant.id(), workload.id(), m, known);
    if (month == null) {
      lastPair = now;
    } else {
      lastRow = now;
    }
    return known;
  }

  /**
   * The last answer of {@link #absentAddsNothing}: immutable, so a thread reads a whole one (each
   * explainer has its own interpreter; a shared one would only miss).
   */
  private record Known(Ir.Quantified x, int tenant, int workload, int month, boolean nothing) {}

  private Known lastPair;

  private Known lastRow;

  /** An {@code any} (by identity: its IR may be shared) and the variables of an absence. */
  private static final class AbsenceKey {
    private final Ir.Quantified x;
    private final int tenant;
    private final int workload;
    private final int month;

    AbsenceKey(Ir.Quantified x, int tenant, int workload, int month) {
      this.x = x;
      this.tenant = tenant;
      this.workload = workload;
      this.month = month;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof AbsenceKey k
          && k.x == x
          && k.tenant == tenant
          && k.workload == workload
          && k.month == month;
    }

    @Override
    public int hashCode() {
      return ((System.identityHashCode(x) * 31 + tenant) * 31 + workload) * 31 + month;
    }
  }
}
