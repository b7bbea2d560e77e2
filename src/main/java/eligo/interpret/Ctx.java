package eligo.interpret;

import eligo.data.Dataset;
import eligo.data.Month;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;

/**
 * What an expression reads besides the dataset: the customer (or none, for a partner total), the
 * as-of month (shifted inside a net's baseline), the node value being judged and the bound
 * variables.
 *
 * <p>A context is also the innermost binding of its chain: {@link #var} bound to {@link #value},
 * then the bindings of {@link #outer}, up to a context that binds nothing ({@code var} null).
 *
 * <p>Binding ({@link #bind}) rebinds the one frame a context keeps for what is bound under it,
 * rather than making a new context per binding: binders enumerate bindings by the thousand for an
 * explanation, depth first, and nothing keeps a bound context past its binding (a binder's visitor,
 * the expressions evaluated under it and the listener, told in it, read it while it is bound). So a
 * context returned by {@code bind} is valid until the next {@code bind} on the same context; all
 * else of a context never changes ({@link #withAsOf} and {@link #withNodeValue} make new ones).
 *
 * <p>The contexts bound from one root ({@link #forCustomer}, {@link #forPartner}: one evaluation,
 * on one thread) share a cache of the last {@link Dataset#pair} looked up: a month binder inside a
 * tenant and a workload asks for the same pair in every month.
 */
final class Ctx implements Interpreter.Scope {
  /** Customer index; -1 when judging a partner total (no customer). */
  final int customer;

  /** The as-of month (already shifted inside a Net's baseline); NONE for a partner total. */
  final int asOf;

  final boolean hasNodeValue;
  final long nodeValue;
  final int nodeScale;

  /**
   * The innermost bound variable (a tenant, workload or type index, or a month); null if none. Set
   * again when the frame is bound again ({@link #bind}), as is its value.
   */
  private Ir.Var var;

  private int value;

  /** The frame bound under this context, made at its first {@link #bind}; null before. */
  private Ctx inner;

  /** The context {@link #var} was bound in; null when {@code var} is null. */
  private final Ctx outer;

  private final PairCache pairs;

  /** The last pair looked up under one root, and its tenant and workload. */
  private static final class PairCache {
    int tenant = -1;
    int workload = -1;
    int pair;
  }

  private Ctx(
      int customer,
      int asOf,
      boolean hasNodeValue,
      long nodeValue,
      int nodeScale,
      Ir.Var var,
      int value,
      Ctx outer,
      PairCache pairs) {
    this.customer = customer;
    this.asOf = asOf;
    this.hasNodeValue = hasNodeValue;
    this.nodeValue = nodeValue;
    this.nodeScale = nodeScale;
    this.var = var;
    this.value = value;
    this.outer = outer;
    this.pairs = pairs;
  }

  static Ctx forCustomer(int customer, int asOf) {
    return new Ctx(customer, asOf, false, 0, 0, null, 0, null, new PairCache());
  }

  static Ctx forPartner(long total, int scale) {
    return new Ctx(-1, Month.NONE, true, total, scale, null, 0, null, new PairCache());
  }

  Ctx withAsOf(int m) {
    return new Ctx(customer, m, hasNodeValue, nodeValue, nodeScale, var, value, outer, pairs);
  }

  Ctx withNodeValue(long v, int scale) {
    return new Ctx(customer, asOf, true, v, scale, var, value, outer, pairs);
  }

  /**
   * This context with {@code v} bound to {@code x}: its frame for bindings, bound again (valid
   * until the next {@code bind} on this context; see the class comment).
   */
  Ctx bind(Ir.Var v, int x) {
    Ctx f = inner;
    if (f == null) {
      f = new Ctx(customer, asOf, hasNodeValue, nodeValue, nodeScale, v, x, this, pairs);
      inner = f;
    } else {
      f.var = v;
      f.value = x;
    }
    return f;
  }

  @Override
  public int asOf() {
    return asOf;
  }

  @Override
  public int valueOf(Ir.Var v) {
    return lookup(v);
  }

  @Override
  public List<Ir.Var> bound() {
    List<Ir.Var> out = new ArrayList<>();
    for (Ctx b = this; b.var != null; b = b.outer) {
      out.add(b.var);
    }
    return out;
  }

  /** The innermost bound variable; null when this context binds none. */
  Ir.Var innermost() {
    return var;
  }

  /** The context {@link #innermost} was bound in; null when it binds none. */
  Ctx outer() {
    return outer;
  }

  @Override
  public boolean binds(Ir.Var v) {
    for (Ctx b = this; b.var != null; b = b.outer) {
      if (b.var.id() == v.id()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean bindsAny() {
    return var != null;
  }

  @Override
  public int valueOr(Ir.Var v, int otherwise) {
    for (Ctx b = this; b.var != null; b = b.outer) {
      if (b.var.id() == v.id()) {
        return b.valueFor(v); // the frame lookup(v) would find, not walked to again
      }
    }
    return otherwise;
  }

  @Override
  public int innermostOf(Ir.Dim dim, int otherwise) {
    for (Ctx b = this; b.var != null; b = b.outer) {
      if (b.var.dim() == dim) {
        return b.value;
      }
    }
    return otherwise;
  }

  int lookup(Ir.Var v) {
    for (Ctx b = this; b.var != null; b = b.outer) {
      if (b.var == v || b.var.id() == v.id()) { // mostly the very variable
        return b.valueFor(v);
      }
    }
    throw new IllegalStateException("variable " + describe(v) + " is not bound here");
  }

  /** This frame's value, bound to {@code v}'s id: {@code v}'s value, if bound as its dimension. */
  private int valueFor(Ir.Var v) {
    if (var.dim() != v.dim()) {
      throw new IllegalStateException("variable " + describe(v) + " is bound as a " + var.dim());
    }
    return value;
  }

  /** {@code data.pair(t, w)}: the pair index of tenant {@code t} and workload {@code w}, or -1. */
  int pair(Dataset data, int t, int w) {
    PairCache last = pairs;
    if (last.tenant != t || last.workload != w) {
      last.pair = data.pair(t, w);
      last.tenant = t;
      last.workload = w;
    }
    return last.pair;
  }

  /** {@code name#id (DIM)}, for messages. */
  static String describe(Ir.Var v) {
    return v.name() + "#" + v.id() + " (" + v.dim() + ")";
  }
}
