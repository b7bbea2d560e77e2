package eligo.report;

import eligo.data.Dataset;
import eligo.ir.Ir;

/**
 * The association a count's condition requires at every binding it counts: an {@code associated} of
 * fixed types that the condition holds only with (under {@code any} and either side of {@code and},
 * not under {@code or} or {@code not}). A customer none of whose tenants has an association of
 * those types counts nothing, and that is the reason to give ({@link ReasonWords}).
 */
record RequiredAssociation(boolean[] types, String words) {
  /** A count that requires no such association. */
  static final RequiredAssociation NONE = new RequiredAssociation(new boolean[0], "");

  /**
   * The association {@code count} requires, by type index of {@code data}'s catalog (shared by
   * datasets that {@linkplain Dataset#sharesCatalogs share the catalogs}), or {@link #NONE}.
   */
  static RequiredAssociation of(Ir.Count count, Dataset data) {
    Ir.Associated a = count.where() == null ? null : required(count.where());
    if (a == null || !(a.types() instanceof Ir.FixedTypes fixed) || a.typeVar() != null) {
      return NONE;
    }
    boolean[] types = new boolean[data.typeCount()];
    for (String name : fixed.types()) {
      int k = data.typeIndex(name);
      if (k >= 0) {
        types[k] = true;
      }
    }
    // its words: "a T association", "a T1 or T2 association" (of the types as named)
    return new RequiredAssociation(types, Words.condition(a, 0, null));
  }

  /** The first {@code associated} that {@code e} holds only with, or null. */
  private static Ir.Associated required(Ir.Expr e) {
    if (e instanceof Ir.Associated a) {
      return a;
    }
    if (e instanceof Ir.Exists x) {
      return required(x.where());
    }
    if (e instanceof Ir.And and) {
      Ir.Associated left = required(and.left());
      return left != null ? left : required(and.right());
    }
    return null;
  }

  /** Whether a tenant of customer {@code c} has an association of these types, at any time. */
  boolean anyOf(Dataset data, int c) {
    for (int t = data.tenantStart(c); t < data.tenantEnd(c); t++) {
      for (int p = data.pairStart(t); p < data.pairEnd(t); p++) {
        for (int x = data.assocStart(p); x < data.assocEnd(p); x++) {
          if (types[data.assocType(x)]) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
