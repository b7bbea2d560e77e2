package eligo.engine;

import eligo.data.AreaEvaluator;
import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.interpret.Interpreter;
import eligo.io.Texts;
import eligo.ir.Ir;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs compiled evaluators over every customer of a dataset: first every customer on its own (in
 * parallel, each customer independent of the others), then the partner totals from the customers'
 * contributions.
 */
public final class Evaluation {
  /** Customers from which the result arrays are allocated on every core. */
  private static final int ALLOCATE_IN_PARALLEL = 50_000;

  private Evaluation() {}

  /** Evaluation failed for a customer (an amount too large to add up exactly). */
  public static final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String customer;
    private final String area;

    public EvaluationException(String message, Throwable cause) {
      this(message, null, null, cause);
    }

    /** A failure of customer {@code customer} in area {@code area}. */
    public EvaluationException(String message, String customer, String area, Throwable cause) {
      super(message, cause);
      this.customer = customer;
      this.area = area;
    }

    /** The id of the customer being evaluated, or null when not known. */
    public String customer() {
      return customer;
    }

    /** The id of the area being evaluated, or null when not known. */
    public String area() {
      return area;
    }
  }

  /** The failure of customer {@code c}, whose arithmetic overflowed in {@code area}. */
  static EvaluationException overflow(Ir.Area area, Dataset data, int c, int asOf) {
    return new EvaluationException(
        overflowMessage(area, data, c, asOf), data.customerId(c), area.id(), null);
  }

  /**
   * {@code customer 'C1', area 'x', node 'big' (x.criteria:7): an amount is too large to compute
   * exactly}: the node found again by the reference interpreter, so both engines word it the same.
   */
  private static String overflowMessage(Ir.Area area, Dataset data, int c, int asOf) {
    Ir.Node node = failingNode(area, data, c, asOf);
    return "customer '"
        + data.customerId(c)
        + "', area '"
        + area.id()
        + "'"
        + (node == null ? "" : ", node '" + node.id() + "' (" + node.origin() + ")")
        + ": an amount is too large to compute exactly";
  }

  /**
   * The outcome of the customers of {@code data} but those of {@code overflowed} (customer index to
   * the area whose arithmetic overflowed), which it names as rejected.
   */
  private static Outcome withoutOverflowed(
      Ir.Program program,
      Map<String, Function<Dataset, AreaEvaluator>> factories,
      Dataset data,
      int asOf,
      int threads,
      Progress progress,
      Map<Integer, Ir.Area> overflowed) {
    List<Outcome.Rejected> rejected = new ArrayList<>();
    for (Map.Entry<Integer, Ir.Area> e : overflowed.entrySet()) {
      int c = e.getKey();
      rejected.add(
          new Outcome.Rejected(
              data.customerId(c), e.getValue().id(), overflowMessage(e.getValue(), data, c, asOf)));
    }
    int[] kept = new int[data.customerCount() - overflowed.size()];
    int k = 0;
    for (int c = 0; c < data.customerCount(); c++) {
      if (!overflowed.containsKey(c)) {
        kept[k++] = c;
      }
    }
    Dataset rest = eligo.data.DatasetSlice.of(data, kept);
    Outcome outcome = run(program, factories, rest, asOf, threads, progress, true, null);
    return outcome.withRejected(rejected);
  }

  /**
   * The result node whose evaluation fails for customer {@code c}, found again by the reference
   * interpreter (the last node it started before failing); null when it does not fail there.
   */
  static Ir.Node failingNode(Ir.Area area, Dataset data, int c, int asOf) {
    Ir.Node[] last = {null};
    Interpreter.Listener listener =
        new Interpreter.Listener() {
          @Override
          public void number(Ir.Expr e, Interpreter.Scope scope, long value) {}

          @Override
          public void condition(Ir.Expr e, Interpreter.Scope scope, boolean holds) {}

          @Override
          public void skipped(Ir.Node node, Ir.Node gate) {}

          @Override
          public void evaluating(Ir.Node node) {
            last[0] = node;
          }
        };
    try {
      new Interpreter(area, data, listener)
          .evaluate(
              c, asOf, new NodeResults(area.resultNodes().size(), area.partnerNodes().size()));
      return null;
    } catch (ArithmeticException e) {
      return last[0];
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Reports progress: customers done of the total. */
  public interface Progress {
    Progress NONE = (done, total) -> {};

    void update(int done, int total);
  }

  /**
   * Evaluates every customer of {@code data} at month {@code asOf} with the evaluators {@code
   * factories} makes (by area id), on up to {@code threads} threads, then the partner totals. Front
   * doors call {@link Eligo#evaluate}, which gives a failure as an {@link EvaluationFailure}.
   *
   * @throws EvaluationException naming the customer and area whose evaluation failed
   */
  public static Outcome run(
      Ir.Program program,
      Map<String, Function<Dataset, AreaEvaluator>> factories,
      Dataset data,
      int asOf,
      int threads,
      Progress progress) {
    return run(program, factories, data, asOf, threads, progress, false, null);
  }

  /**
   * {@link #run(Ir.Program, Map, Dataset, int, int, Progress)}; when {@code lenient}, a customer
   * whose arithmetic overflows is left out as if its row had been rejected: the outcome is of the
   * other customers ({@link Outcome#data} their slice of {@code data}), and {@link
   * Outcome#rejected} names each customer left out, with its area, node and message. A partner
   * total that overflows still fails the run (no one customer is at fault).
   */
  public static Outcome run(
      Ir.Program program,
      Map<String, Function<Dataset, AreaEvaluator>> factories,
      Dataset data,
      int asOf,
      int threads,
      Progress progress,
      boolean lenient) {
    return run(program, factories, data, asOf, threads, progress, lenient, null);
  }

  /**
   * {@link #run} for {@code program} after an edit of the criteria that {@code base} was evaluated
   * with, on the same dataset and month: an area equal to one of {@code base} (the same IR, so the
   * same evaluator and the same results) keeps {@code base}'s outcome, and only the other areas are
   * evaluated (at {@code base}'s month). The areas kept are the same objects as in {@code base}.
   */
  public static Outcome rerun(
      Outcome base,
      Ir.Program program,
      Map<String, Function<Dataset, AreaEvaluator>> factories,
      int threads,
      Progress progress) {
    return run(program, factories, base.data, base.asOf, threads, progress, false, base);
  }

  /**
   * {@link #run(Ir.Program, Map, Dataset, int, int, Progress)} writing the results file {@code
   * results} ({@link ResultsFile}) while the customers are evaluated, in the file's order: the
   * file's blocks are formatted and written as soon as their customers and partners are done. A
   * failure leaves no file (the previous one stays whole).
   *
   * <p>The outcome returned has every status and partner total, but no value: each was held only
   * until written, in segments of {@code segment} ints ({@link CompactLongs#SEGMENT} but in tests;
   * {@link Outcome.AreaOutcome#AreaOutcome(Ir.Area, int[], int, int)}), and reading one is an
   * {@link IllegalStateException}.
   *
   * @throws EvaluationException naming the customer and area whose evaluation failed
   */
  static Outcome runWriting(
      Ir.Program program,
      Map<String, Function<Dataset, AreaEvaluator>> factories,
      Dataset data,
      int asOf,
      int threads,
      Progress progress,
      java.nio.file.Path results,
      int segment)
      throws java.io.IOException {
    EvaluationRun run = prepare(program, factories, data, asOf, progress, false, null, segment);
    run.start(threads);
    Outcome outcome = run.outcome();
    try {
      ResultsFile.write(
          outcome,
          results,
          new ResultsFile.Gate() {
            @Override
            public void await(int position) {
              run.await(position);
            }

            @Override
            public void written(int position) {
              outcome.releaseWritten(position);
            }
          });
    } catch (java.io.IOException | RuntimeException | Error e) {
      run.finish(); // the evaluation's own failure, when it has one, is the one to report
      throw e;
    }
    return run.finish();
  }

  /**
   * The partner ids of a dataset, in code point order: the distinct ones by hash, then sorted (a
   * sorted set of a million customers' partners compared strings 12 times a customer: 0.4 s on one
   * core, with the other idle).
   */
  static List<String> partners(Dataset data) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int c = 0; c < data.customerCount(); c++) {
      seen.add(data.partnerId(c));
    }
    List<String> partners = new ArrayList<>(seen);
    partners.sort(Texts.CODE_POINT_ORDER);
    return partners;
  }

  /**
   * The run of the customers of {@code data} (not started): the outcome with the areas of {@code
   * base} that {@code program} leaves as they were, and those to evaluate.
   */
  private static EvaluationRun prepare(
      Ir.Program program,
      Map<String, Function<Dataset, AreaEvaluator>> factories,
      Dataset data,
      int asOf,
      Progress progress,
      boolean lenient,
      Outcome base,
      int segment) {
    // of each area, the version in force at the as-of month (Eligo#inForce has said when one has
    // none)
    if (!program.missing(asOf, Map.of()).isEmpty()) {
      throw new IllegalArgumentException(VersionsInForce.refusal(program, asOf, Map.of()));
    }
    program = program.inForce(asOf);
    List<String> partners;
    int[] partnerOf;
    CustomerOrder order;
    if (base != null && base.data == data) {
      // a rerun on the same data: the same partners and order, not worked out again
      partners = base.partners;
      partnerOf = base.partnerOf;
      order = base.order;
    } else {
      int customers = data.customerCount();
      partners = partners(data);
      java.util.HashMap<String, Integer> partnerIndex = new java.util.HashMap<>();
      for (int p = 0; p < partners.size(); p++) {
        partnerIndex.put(partners.get(p), p);
      }
      partnerOf = new int[customers];
      for (int c = 0; c < customers; c++) {
        partnerOf[c] = partnerIndex.get(data.partnerId(c));
      }
      order = new CustomerOrder(data, partnerOf, partners.size());
    }
    List<Ir.Area> inForce = program.areas();
    Outcome.AreaOutcome[] made = new Outcome.AreaOutcome[inForce.size()];
    List<Integer> fresh = new ArrayList<>();
    for (int i = 0; i < made.length; i++) {
      Ir.Area a = inForce.get(i);
      Outcome.AreaOutcome kept = base == null ? null : base.area(a.id());
      if (kept != null && kept.area.equals(a)) {
        made[i] = kept;
      } else {
        fresh.add(i);
      }
    }
    // The result arrays (a gigabyte at a million customers) are zeroed as they are allocated, the
    // first touch of that memory: on every core rather than one area after the other (2.8 s on one
    // thread at a million customers on a VM, where a first touch is dear).
    (data.customerCount() >= ALLOCATE_IN_PARALLEL ? fresh.parallelStream() : fresh.stream())
        .forEach(
            i ->
                made[i] =
                    new Outcome.AreaOutcome(inForce.get(i), order.rank, partners.size(), segment));
    List<Outcome.AreaOutcome> all = new ArrayList<>(List.of(made));
    List<Outcome.AreaOutcome> areas = new ArrayList<>(); // the ones to evaluate
    for (int i : fresh) {
      areas.add(made[i]);
    }
    return new EvaluationRun(
        new Outcome(data, asOf, partners, partnerOf, order, all),
        areas,
        factories,
        lenient,
        progress);
  }

  private static Outcome run(
      Ir.Program program,
      Map<String, Function<Dataset, AreaEvaluator>> factories,
      Dataset data,
      int asOf,
      int threads,
      Progress progress,
      boolean lenient,
      Outcome base) {
    EvaluationRun run = prepare(program, factories, data, asOf, progress, lenient, base, 0);
    List<Outcome.AreaOutcome> areas = run.areas();
    if (areas.isEmpty()) {
      progress.update(data.customerCount(), data.customerCount());
      return run.outcome();
    }
    run.run(threads);
    Outcome finished;
    try {
      finished = run.finish();
    } catch (EvaluationRun.Stopped e) {
      throw new IllegalStateException("the evaluation stopped with no failure", e);
    }
    if (finished == null) {
      Map<Integer, Ir.Area> left = new java.util.TreeMap<>();
      run.overflowed().forEach((c, i) -> left.put(c, areas.get(i).area));
      return withoutOverflowed(program, factories, data, asOf, threads, progress, left);
    }
    return finished;
  }
}
