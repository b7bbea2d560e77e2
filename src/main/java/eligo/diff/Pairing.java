package eligo.diff;

import eligo.data.Dataset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customers of two runs paired as the rows of their two results files pair: by partner id and
 * customer id. Those in both, each with its index in either dataset (in the new dataset's order);
 * those only in the old dataset (removed) and only in the new (added). A customer listed under
 * another partner is removed from the one and added to the other, as its rows are.
 */
final class Pairing {
  /** Per customer in both: its index in the old dataset. */
  final int[] before;

  /** Per customer in both: its index in the new dataset. */
  final int[] after;

  /** The old dataset's indexes of the customers only it holds, in its order. */
  final int[] removed;

  /** The new dataset's indexes of the customers only it holds, in its order. */
  final int[] added;

  private Pairing(int[] before, int[] after, int[] removed, int[] added) {
    this.before = before;
    this.after = after;
    this.removed = removed;
    this.added = added;
  }

  int size() {
    return after.length;
  }

  static Pairing of(Dataset x, Dataset y) {
    if (x == y || sameCustomers(x, y)) {
      int[] same = new int[y.customerCount()];
      for (int c = 0; c < same.length; c++) {
        same[c] = c;
      }
      return new Pairing(same, same, new int[0], new int[0]);
    }
    Map<Key, Integer> old = new HashMap<>();
    for (int c = 0; c < x.customerCount(); c++) {
      old.put(new Key(x.partnerId(c), x.customerId(c)), c);
    }
    boolean[] matched = new boolean[x.customerCount()];
    List<Integer> before = new ArrayList<>();
    List<Integer> after = new ArrayList<>();
    List<Integer> added = new ArrayList<>();
    for (int c = 0; c < y.customerCount(); c++) {
      Integer o = old.get(new Key(y.partnerId(c), y.customerId(c)));
      if (o == null) {
        added.add(c);
      } else {
        matched[o] = true;
        before.add(o);
        after.add(c);
      }
    }
    List<Integer> removed = new ArrayList<>();
    for (int c = 0; c < matched.length; c++) {
      if (!matched[c]) {
        removed.add(c);
      }
    }
    return new Pairing(ints(before), ints(after), ints(removed), ints(added));
  }

  /** Whether the two datasets list the same partners and customers in the same order. */
  private static boolean sameCustomers(Dataset x, Dataset y) {
    if (x.customerCount() != y.customerCount()) {
      return false;
    }
    for (int c = 0; c < x.customerCount(); c++) {
      if (!x.customerId(c).equals(y.customerId(c)) || !x.partnerId(c).equals(y.partnerId(c))) {
        return false;
      }
    }
    return true;
  }

  private static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  private record Key(String partner, String customer) {}
}
