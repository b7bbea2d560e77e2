package eligo.engine;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One evaluation under way. The customers are evaluated in the results file's order ({@link
 * Outcome#sorted}), a chunk at a time, on a few threads; a partner's totals are added up once all
 * its customers are evaluated. {@link #await} waits for the customers up to a position in that
 * order and their partners' totals, so the results file can be written while the evaluation goes on
 * ({@link ResultsFile}).
 *
 * <p>A customer whose arithmetic overflows stops a strict run: the chunks already taken finish
 * (they are the lowest in the order), so the customer reported is the first in the order to
 * overflow, whatever the threads' timing. A lenient run goes on and gives every customer that
 * overflowed.
 */
final class EvaluationRun {
  private static final int CHUNK = 512;

  private final Outcome outcome;
  private final List<Outcome.AreaOutcome> areas; // the ones to evaluate
  private final Map<String, Function<Dataset, AreaEvaluator>> factories;
  private final int asOf;
  private final boolean lenient;
  private final Evaluation.Progress progress;
  private final int customers;
  private final int chunks;
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final List<Thread> pool = new ArrayList<>();
  private final SharedValues shared;

  /** Overflowed customers, by position in the order, with the index of the area. */
  private final ConcurrentSkipListMap<Integer, Integer> overflowed = new ConcurrentSkipListMap<>();

  private final Object lock = new Object();
  private final boolean[] chunkDone; // guarded by lock
  private int chunksDone; // chunks 0 .. chunksDone - 1 are all done; guarded by lock
  private boolean stopped; // a failure or an overflow ended the run early; guarded by lock
  private Throwable failure; // guarded by lock

  private final Object totalsLock = new Object();
  private int partnersTotalled; // partners 0 .. partnersTotalled - 1 have totals; totalsLock

  EvaluationRun(
      Outcome outcome,
      List<Outcome.AreaOutcome> areas,
      Map<String, Function<Dataset, AreaEvaluator>> factories,
      boolean lenient,
      Evaluation.Progress progress) {
    this.outcome = outcome;
    this.areas = areas;
    this.factories = factories;
    this.asOf = outcome.asOf;
    this.lenient = lenient;
    this.progress = progress;
    this.customers = outcome.data.customerCount();
    this.chunks = (customers + CHUNK - 1) / CHUNK;
    this.chunkDone = new boolean[chunks];
    this.shared = SharedValues.of(areas.stream().map(a -> a.area).toList());
  }

  Outcome outcome() {
    return outcome;
  }

  /** Starts evaluating on up to {@code threads} threads. */
  void start(int threads) {
    int workers = workers(threads);
    for (int w = 0; w < workers; w++) {
      Thread t = new Thread(this::work, "eligo-eval-" + w);
      pool.add(t);
      t.start();
    }
  }

  /**
   * Evaluates every customer before returning, for a caller that would wait at once: on this thread
   * when one thread would do (a partner's slice, some tens of customers: a site per partner started
   * thousands of threads), else as {@link #start}.
   */
  void run(int threads) {
    if (workers(threads) == 1) {
      work();
    } else {
      start(threads);
    }
  }

  private int workers(int threads) {
    return Math.max(1, Math.min(threads, Math.max(1, customers / 256)));
  }

  private void work() {
    try {
      // rows read in place (a snapshot mapped) are copied a chunk at a time into this thread's own
      // arrays, which its evaluators read (Dataset.holdRowsOf)
      Dataset data = outcome.data.forOneThread();
      List<AreaEvaluator> evaluators = new ArrayList<>();
      List<NodeResults> results = new ArrayList<>();
      for (Outcome.AreaOutcome a : areas) {
        evaluators.add(factories.get(a.area.key()).apply(data));
        results.add(new NodeResults(a.nodes.size(), a.partnerNodes.size()));
      }
      int[] sorted = outcome.order.sorted;
      int k;
      while ((k = next.getAndIncrement()) < chunks) {
        int start = k * CHUNK;
        int end = Math.min(customers, start + CHUNK);
        data.holdRowsOf(sorted, start, end);
        customer:
        for (int at = start; at < end; at++) {
          int c = sorted[at];
          for (int i = 0; i < areas.size(); i++) {
            NodeResults r = results.get(i);
            r.clear();
            shared.give(i, r, results);
            try {
              evaluators.get(i).evaluate(c, asOf, r);
            } catch (ArithmeticException e) {
              overflowed.put(at, i);
              if (!lenient) {
                stop(null);
                return;
              }
              continue customer;
            }
            shared.settle(i, r);
            areas.get(i).storeAt(at, r);
          }
        }
        chunkDone(k);
        progress.update(done.addAndGet(end - start), customers);
      }
    } catch (RuntimeException | Error e) {
      // an error (out of memory) too is the run's: never customers silently left out
      stop(e);
    }
  }

  private void chunkDone(int k) {
    synchronized (lock) {
      chunkDone[k] = true;
      while (chunksDone < chunks && chunkDone[chunksDone]) {
        chunksDone++;
      }
      lock.notifyAll();
    }
  }

  /** Ends the run early: the chunks already taken finish, no other is taken. */
  private void stop(Throwable cause) {
    next.set(chunks);
    synchronized (lock) {
      if (failure == null && cause != null) {
        failure = cause;
      }
      stopped = true;
      lock.notifyAll();
    }
  }

  /** The run ended early; {@link #finish} says why. */
  static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super("the evaluation stopped", null, false, false);
    }
  }

  /**
   * Waits until the customers at positions {@code 0 .. position - 1} of the order are evaluated,
   * then adds up the totals of the partners all of whose customers are among them.
   *
   * @throws Stopped when the run ends early (a failure, or an overflow in a strict run)
   * @throws Evaluation.EvaluationException when a partner total is too large to add up exactly
   */
  void await(int position) {
    synchronized (lock) {
      while (!stopped && (chunksDone == chunks ? customers : chunksDone * CHUNK) < position) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new Stopped();
        }
      }
      if (stopped) {
        throw new Stopped();
      }
    }
    synchronized (totalsLock) {
      int[] start = outcome.order.partnerStart;
      while (partnersTotalled < outcome.partners.size()
          && start[partnersTotalled + 1] <= position) {
        totals(partnersTotalled++);
      }
    }
  }

  /** Partner p's totals, from its customers' contributions, and whether each rule is met. */
  private void totals(int p) {
    Dataset data = outcome.data;
    for (Outcome.AreaOutcome a : areas) {
      int rules = a.partnerNodes.size();
      if (rules == 0) {
        continue;
      }
      for (int at = outcome.order.partnerStart[p]; at < outcome.order.partnerStart[p + 1]; at++) {
        int c = outcome.order.sorted[at];
        for (int j = 0; j < rules; j++) {
          if (a.contributed[at * rules + j]) {
            try {
              a.partnerTotal[p * rules + j] =
                  Math.addExact(a.partnerTotal[p * rules + j], a.contribution.get(at * rules + j));
            } catch (ArithmeticException e) {
              throw new Evaluation.EvaluationException(
                  "partner '"
                      + outcome.partners.get(p)
                      + "', area '"
                      + a.area.id()
                      + "', node '"
                      + a.partnerNodes.get(j).id()
                      + "': the partner total is too large to add up exactly (at customer '"
                      + data.customerId(c)
                      + "')",
                  data.customerId(c),
                  a.area.id(),
                  e);
            }
          }
        }
      }
      AreaEvaluator judge = judge(a);
      for (int j = 0; j < rules; j++) {
        a.partnerMet[p * rules + j] = judge.partnerMet(j, a.partnerTotal[p * rules + j]);
      }
    }
  }

  private final Map<String, AreaEvaluator> judges = new java.util.HashMap<>(); // totalsLock

  private AreaEvaluator judge(Outcome.AreaOutcome a) {
    return judges.computeIfAbsent(a.area.key(), k -> factories.get(k).apply(outcome.data));
  }

  /**
   * Waits for the threads, then adds up the totals not yet added up.
   *
   * @return the outcome; null in a lenient run where customers overflowed ({@link #overflowed})
   * @throws Evaluation.EvaluationException naming the first customer in the order that overflowed
   *     (strict), or a partner total too large to add up
   */
  Outcome finish() {
    for (Thread t : pool) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    Throwable failed;
    synchronized (lock) {
      failed = failure;
    }
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed instanceof Error e) {
      throw e;
    }
    if (!overflowed.isEmpty()) {
      if (!lenient) {
        Map.Entry<Integer, Integer> first = overflowed.firstEntry();
        throw Evaluation.overflow(
            areas.get(first.getValue()).area,
            outcome.data,
            outcome.order.sorted[first.getKey()],
            asOf);
      }
      return null;
    }
    await(customers);
    return outcome;
  }

  /** In a lenient run, the customers that overflowed (customer index, then area index). */
  Map<Integer, Integer> overflowed() {
    Map<Integer, Integer> byCustomer = new java.util.TreeMap<>();
    overflowed.forEach((at, i) -> byCustomer.put(outcome.order.sorted[at], i));
    return byCustomer;
  }

  List<Outcome.AreaOutcome> areas() {
    return areas;
  }
}
