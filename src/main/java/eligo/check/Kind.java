package eligo.check;

import eligo.ir.Ir;

/**
 * What a number means, for type checking and for people: money, a quantity read from the data (paid
 * units, active users), a count of things the criteria count (tenants, workloads), or a plain
 * number (a literal, a rate, a product).
 */
record Kind(Ir.ValueKind category, String label) {
  static final Kind MONEY = new Kind(Ir.ValueKind.MONEY, Ir.MONEY_UNIT);
  static final Kind NUMBER = new Kind(Ir.ValueKind.NUMBER, "");

  static Kind quantity(String label) {
    return new Kind(Ir.ValueKind.QUANTITY, label);
  }

  static Kind count(String label) {
    return new Kind(Ir.ValueKind.COUNT, label);
  }

  /** In words, for messages: "money", "a count of tenants", "paid units", "a number". */
  String describe() {
    switch (category) {
      case MONEY:
        return "money";
      case COUNT:
        return "a count of " + label;
      case QUANTITY:
        return label.replace('_', ' ');
      default:
        return label.isEmpty() ? "a number" : "a number (" + label + ")";
    }
  }

  /** Whether two numbers may be compared, added or subtracted. */
  static boolean compatible(Kind a, Kind b) {
    if (a.category == Ir.ValueKind.NUMBER || b.category == Ir.ValueKind.NUMBER) {
      return true;
    }
    if (a.category != b.category) {
      return false;
    }
    return a.category != Ir.ValueKind.COUNT || a.label.equals(b.label);
  }

  /** The kind of a sum or difference of two compatible numbers. */
  static Kind join(Kind a, Kind b) {
    return a.category == Ir.ValueKind.NUMBER ? b : a;
  }
}
