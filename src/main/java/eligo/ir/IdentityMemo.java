package eligo.ir;

import java.util.List;
import java.util.function.Supplier;

/**
 * The value made for the last key asked for, the key a list compared element by element by
 * identity: IR records compare by content, which walks whole expressions, and some work on a
 * program's IR is asked for again and again for the same program (a run and an explanation per
 * partner, for a site per partner). Holds one key and its value; thread-safe.
 *
 * @param <V> the value, immutable: threads share it
 */
public final class IdentityMemo<V> {
  private record Last<V>(List<?> key, V value) {}

  private volatile Last<V> last;

  /** The value of {@code key}: the last one made when its key holds the same objects. */
  public V get(List<?> key, Supplier<V> make) {
    Last<V> l = last;
    if (l != null && sameObjects(l.key, key)) {
      return l.value;
    }
    V value = make.get();
    last = new Last<>(List.copyOf(key), value);
    return value;
  }

  private static boolean sameObjects(List<?> a, List<?> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) != b.get(i)) {
        return false;
      }
    }
    return true;
  }
}
