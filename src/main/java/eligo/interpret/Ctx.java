package eligo.interpret;

import eligo.data.Month;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;

/**
 * What an expression reads besides the dataset: the customer (or none, for a partner total), the
 * as-of month (shifted inside a net's baseline), the node value being judged and the bound
 * variables. Immutable: binding makes a new one.
 */
final class Ctx implements Interpreter.Scope {
  /** A bound variable: a tenant, workload or type index, or a month. */
  private record Binding(Ir.Var var, int value, Binding outer) {}

  /** Customer index; -1 when judging a partner total (no customer). */
  final int customer;

  /** The as-of month (already shifted inside a Net's baseline); NONE for a partner total. */
  final int asOf;

  final boolean hasNodeValue;
  final long nodeValue;
  final int nodeScale;
  final Binding bindings;

  private Ctx(
      int customer,
      int asOf,
      boolean hasNodeValue,
      long nodeValue,
      int nodeScale,
      Binding bindings) {
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
    return new Ctx(
        customer, asOf, hasNodeValue, nodeValue, nodeScale, new Binding(var, value, bindings));
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
    List<Ir.Var> out = new ArrayList<>();
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
          throw new IllegalStateException(
              "variable " + describe(var) + " is bound as a " + b.var().dim());
        }
        return b.value();
      }
    }
    throw new IllegalStateException("variable " + describe(var) + " is not bound here");
  }

  /** {@code name#id (DIM)}, for messages. */
  static String describe(Ir.Var v) {
    return v.name() + "#" + v.id() + " (" + v.dim() + ")";
  }
}
