package eligo.interpret;

import eligo.data.Dataset;
import eligo.data.Month;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;

/**
 * Which associations of a customer count toward a node that counts association types, {@code count
 * type [in S] where any tenant, workload [in W], month in R where C} with an {@code associated} of
 * that tenant, workload and type in {@code C} (C itself, or one of the conditions it joins with
 * 'and'): every association row of the customer's tenants whose type is in S, whose workload is in
 * W and for which C holds in a month of R the row is active.
 *
 * <p>Driven by the data rather than by the binders: a customer's few association rows are visited,
 * not every type, tenant, workload and month, and unlike the {@code any} of the evaluation it does
 * not stop at the first binding that holds, so every tenant and workload behind a type is found. C
 * is evaluated by {@link Evaluation} (with no listener), so what counts is what the interpreter
 * decides. Keeps no mutable state.
 */
final class AssociationSearch {
  private final Dataset data;
  private final Lookups lookups;
  private final Evaluation silent;

  /** Per result node, the parts of its value this search reads; null when not such a count. */
  private final Shape[] shapes;

  /** A search over the values of {@code resultNodes}, by result index. */
  AssociationSearch(Dataset data, Lookups lookups, List<Ir.Node> resultNodes) {
    this.data = data;
    this.lookups = lookups;
    this.silent = new Evaluation(data, lookups, null);
    this.shapes = new Shape[resultNodes.size()];
    for (int i = 0; i < shapes.length; i++) {
      Ir.Expr value = resultNodes.get(i).value();
      shapes[i] = shape(value instanceof Ir.Net net ? net.body() : value);
    }
  }

  private AssociationSearch(Dataset data, Lookups lookups, Shape[] shapes) {
    this.data = data;
    this.lookups = lookups;
    this.silent = new Evaluation(data, lookups, null);
    this.shapes = shapes;
  }

  /**
   * This search over {@code data} and its {@code lookups}, for the same result nodes: their shapes
   * depend on the IR only.
   */
  AssociationSearch over(Dataset data, Lookups lookups) {
    return new AssociationSearch(data, lookups, shapes);
  }

  /** The parts of a count of association types this search reads; null when not one. */
  private record Shape(
      Ir.ForType type,
      Ir.ForTenant tenant,
      Ir.ForWorkload workload,
      Ir.ForMonth month,
      List<Ir.Binder> binders,
      Ir.Expr condition,
      Ir.Associated associated) {}

  /**
   * The counted associations of {@code customer} at {@code asOf} for result node {@code i}, in the
   * order of the data (tenant, workload, row); null when its value is not a count of association
   * types of the form above.
   */
  List<Interpreter.Counted> counted(int i, int customer, int asOf) {
    Shape s = shapes[i];
    if (s == null) {
      return null;
    }
    boolean[] types = lookups.types(s.type());
    boolean[] workloads = lookups.workloads(s.workload().set());
    List<Interpreter.Counted> out = new ArrayList<>();
    Ctx top = Ctx.forCustomer(customer, asOf);
    for (int t = data.tenantStart(customer); t < data.tenantEnd(customer); t++) {
      for (int p = data.pairStart(t); p < data.pairEnd(t); p++) {
        int w = data.pairWorkload(p);
        if (!workloads[w]) {
          continue;
        }
        for (int k = data.assocStart(p); k < data.assocEnd(p); k++) {
          if (types[data.assocType(k)] && holds(s, top, data.assocType(k), t, w, k)) {
            out.add(new Interpreter.Counted(t, w, k));
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether the condition holds for type {@code y}, tenant {@code t} and workload {@code w} in a
   * month of the node's range in which association row {@code k} is active.
   */
  private boolean holds(Shape s, Ctx top, int y, int t, int w, int k) {
    Ctx c = top;
    for (Ir.Binder b : s.binders()) {
      if (b != s.month()) {
        c = c.bind(b.var(), b == s.type() ? y : b == s.tenant() ? t : w);
      }
    }
    if (s.month() == null) {
      int m = silent.month(s.associated().month(), c);
      return m != Month.NONE
          && data.assocStartMonth(k) <= m
          && m <= data.assocEndMonth(k)
          && silent.bool(s.condition(), c);
    }
    int from = silent.month(s.month().range().from(), c);
    int to = silent.month(s.month().range().to(), c);
    if (from == Month.NONE || to == Month.NONE) {
      return false;
    }
    long first = Math.max(from, data.assocStartMonth(k));
    long last = Math.min(to, data.assocEndMonth(k));
    if (s.condition() == s.associated() && first <= last) {
      // C is the association itself: row k, of type y, is active in month 'first', so C holds
      // there when y is among the types it asks for (a row of type y that is not is no other row
      // of type y that is)
      Ir.Associated a = s.associated();
      return a.types() == null || lookups.types(a.types())[w][y];
    }
    for (long m = first; m <= last; m++) {
      if (silent.bool(s.condition(), c.bind(s.month().var(), (int) m))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The count of association types {@code count type [in S] where any tenant, workload [in W][,
   * month in R] where C}, where C has an {@code associated} of that tenant, workload and type (and
   * month, when bound); null for any other expression.
   */
  private static Shape shape(Ir.Expr e) {
    if (!(e instanceof Ir.Count count)
        || count.binders().size() != 1
        || !(count.binders().get(0) instanceof Ir.ForType type)
        || !(count.where() instanceof Ir.Exists any)) {
      return null;
    }
    Ir.ForTenant tenant = null;
    Ir.ForWorkload workload = null;
    Ir.ForMonth month = null;
    for (Ir.Binder b : any.binders()) {
      if (b instanceof Ir.ForTenant x && tenant == null) {
        tenant = x;
      } else if (b instanceof Ir.ForWorkload x && workload == null) {
        workload = x;
      } else if (b instanceof Ir.ForMonth x && month == null) {
        month = x;
      } else {
        return null;
      }
    }
    Ir.Associated associated =
        tenant == null || workload == null || any.where() == null
            ? null
            : find(any.where(), type.var(), tenant.var(), workload.var(), month);
    if (associated == null) {
      return null;
    }
    List<Ir.Binder> binders = new ArrayList<>();
    binders.add(type);
    binders.addAll(any.binders());
    return new Shape(type, tenant, workload, month, binders, any.where(), associated);
  }

  /**
   * The {@code associated} of type {@code type}, tenant {@code tenant} and workload {@code
   * workload}, in the bound month (or at an as-of month when none is bound), that is {@code e} or
   * one of the conditions {@code e} joins with 'and'; null if none. So C holds only where an
   * association row of the type is active, and every type counted has a row found.
   */
  private static Ir.Associated find(
      Ir.Expr e, Ir.Var type, Ir.Var tenant, Ir.Var workload, Ir.ForMonth month) {
    if (e instanceof Ir.Associated a
        && a.typeVar() != null
        && a.typeVar().id() == type.id()
        && a.tenant().id() == tenant.id()
        && a.workload().id() == workload.id()
        && (month == null
            ? a.month() instanceof Ir.AsOf
            : a.month() instanceof Ir.MonthVar v
                && v.var().id() == month.var().id()
                && v.offset() == 0)) {
      return a;
    }
    if (e instanceof Ir.And and) {
      Ir.Associated found = find(and.left(), type, tenant, workload, month);
      return found != null ? found : find(and.right(), type, tenant, workload, month);
    }
    return null;
  }
}
