package eligo.engine;

/**
 * Evaluating a customer failed (an amount too large to compute exactly): which customer, which
 * area.
 */
public final class EvaluationFailure extends EngineFailure {
  private static final long serialVersionUID = 1L;

  private final String customer;
  private final String area;

  EvaluationFailure(Evaluation.EvaluationException e) {
    super(e.getMessage(), e);
    this.customer = e.customer();
    this.area = e.area();
  }

  /** The id of the customer being evaluated. */
  public String customer() {
    return customer;
  }

  /** The id of the solution area being evaluated. */
  public String area() {
    return area;
  }
}
