package eligo.report;

import eligo.ir.Ir;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The expressions whose last value or outcome ({@link TraceRecorder#lastValue}, {@link
 * TraceRecorder#lastHeld}) the words of a node may read ({@link GrowthWords}, {@link PartWords},
 * {@link AtLeastWords}): all of its condition, and the {@code at least} and points of its value.
 * Those evaluated inside a binder somewhere are the only ones noted there: a count or sum tells its
 * condition and body once per binding, and noting each (by the million) was a tenth of an
 * explanation's time. They depend on the criteria only; one instance per thread (the recorders of a
 * thread's explainers share it).
 */
final class WordReads {
  final Set<Ir.Expr> read = identitySet();
  private final Set<Ir.Expr> inBinders = identitySet();

  /** {@link #read} and {@link #inBinders} both. */
  final Set<Ir.Expr> readInBinders = identitySet();

  /** Whether {@link #readInBinders} has any (most criteria have none). */
  boolean anyReadInBinders;

  /** Per sum, {@link #hearsEvery}. */
  private final Map<Ir.Sum, Boolean> hearsEvery = new IdentityHashMap<>();

  private static Set<Ir.Expr> identitySet() {
    return java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  }

  /** Notes what the words of node {@code n} read, and what its evaluation tells in binders. */
  void note(Ir.Node n) {
    addAll(n.met(), read);
    for (Ir.Expr e : AtLeastWords.find(n.value()).atLeast()) {
      addAll(e, read);
    }
    for (Ir.Expr e : AtLeastWords.find(n.value()).points()) {
      addAll(e, read);
    }
    inBinders(n.value(), false);
    inBinders(n.met(), false);
    if (n.partner() != null) {
      inBinders(n.partner().perCustomer(), false);
    }
    for (Ir.Expr e : read) {
      if (inBinders.contains(e)) {
        readInBinders.add(e);
        anyReadInBinders = true;
      }
    }
  }

  private static void addAll(Ir.Expr e, Set<Ir.Expr> out) {
    if (e != null && out.add(e)) {
      for (Ir.Expr child : e.children()) {
        addAll(child, out);
      }
    }
  }

  /** Notes {@code e} and what it holds as evaluated inside a binder, where they are. */
  private void inBinders(Ir.Expr e, boolean inside) {
    if (e == null) {
      return;
    }
    if (inside) {
      inBinders.add(e);
    }
    boolean below = inside || !Words.bindersOf(e).isEmpty();
    for (Ir.Expr child : e.children()) {
      inBinders(child, below);
    }
  }

  /**
   * Whether a listener must hear every binding of {@code sum} ({@link
   * TraceRecorder#hearsEveryBinding}): it holds a comparison with a constant or an expression the
   * words read.
   */
  boolean hearsEvery(Ir.Sum sum) {
    LastSum last = lastSum;
    if (last != null && last.sum == sum) {
      return last.hears;
    }
    Boolean hears = hearsEvery.get(sum);
    if (hears == null) {
      hears = recorded(sum);
      hearsEvery.put(sum, hears);
    }
    lastSum = new LastSum(sum, hears);
    return hears;
  }

  private record LastSum(Ir.Sum sum, boolean hears) {}

  /** The last answer of {@link #hearsEvery}: a loop asks the same of every binding. */
  private LastSum lastSum;

  /** Whether {@code e} holds a comparison with a constant or an expression the words read. */
  private boolean recorded(Ir.Expr e) {
    if (e == null) {
      return false;
    }
    if (read.contains(e) || TraceRecorder.comparesWithAConstant(e)) {
      return true;
    }
    for (Ir.Expr child : e.children()) {
      if (recorded(child)) {
        return true;
      }
    }
    return false;
  }
}
