package eligo.data;

/**
 * Evaluates one solution area for one customer at a time. Implementations are generated from
 * criteria (one class per area, constructed with the {@link Dataset} they read) or the reference
 * interpreter. Customers are independent: one evaluator instance per thread, any order.
 */
public interface AreaEvaluator {
  /** The area id this evaluator was generated for. */
  String areaId();

  /**
   * Evaluates customer {@code customer} as of month {@code asOf} into {@code out} (cleared by the
   * caller). Throws {@link ArithmeticException} when an amount overflows.
   */
  void evaluate(int customer, int asOf, NodeResults out);

  /**
   * Whether a partner meets partner rule {@code rule} (index in the area's partner nodes) with
   * {@code total}, the sum of its customers' contributions (unscaled, at the rule's scale).
   */
  boolean partnerMet(int rule, long total);
}
