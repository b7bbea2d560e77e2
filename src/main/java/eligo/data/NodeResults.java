package eligo.data;

/**
 * What an {@link AreaEvaluator} writes for one customer: per result node {@code i} (the order of
 * the area's result nodes) a status and a value; for a net value also the two counts it compares;
 * per partner rule {@code j} the customer's contribution to the partner total and whether the node
 * was evaluated for the customer. Reused across customers: {@link #clear()}.
 */
public final class NodeResults {
  public static final byte NOT_EVALUATED = 0;
  public static final byte MET = 1;
  public static final byte NOT_MET = 2;

  public final byte[] status;

  /** Unscaled value at the node's scale. */
  public final long[] value;

  /** For net values: the value at M (unscaled). */
  public final long[] current;

  /** For net values: the value at M-12 (unscaled). */
  public final long[] baseline;

  public final long[] partnerContribution;
  public final boolean[] partnerEvaluated;

  /**
   * Per result node: its value is given, computed already for this customer by an earlier area's
   * node of the same value expression (template instances share most of theirs), and set in {@link
   * #value}, {@link #current} and {@link #baseline} before the evaluator runs. A generated
   * evaluator then takes it instead of computing it again, and still decides the status by its own
   * {@code met when}; an evaluator may also ignore it and compute the value (the interpreter does):
   * the two are equal. Set by the engine; {@link #clear()} clears it.
   */
  public final boolean[] given;

  public NodeResults(int nodes, int partnerRules) {
    status = new byte[nodes];
    value = new long[nodes];
    current = new long[nodes];
    baseline = new long[nodes];
    partnerContribution = new long[partnerRules];
    partnerEvaluated = new boolean[partnerRules];
    given = new boolean[nodes];
  }

  /** Every node not evaluated, every value 0, nothing given (one pass: the arrays are short). */
  public void clear() {
    for (int i = 0; i < status.length; i++) {
      status[i] = NOT_EVALUATED;
      value[i] = 0;
      current[i] = 0;
      baseline[i] = 0;
      given[i] = false;
    }
    for (int j = 0; j < partnerContribution.length; j++) {
      partnerContribution[j] = 0;
      partnerEvaluated[j] = false;
    }
  }

  public static String statusName(byte s) {
    switch (s) {
      case MET:
        return "met";
      case NOT_MET:
        return "not_met";
      default:
        return "not_evaluated";
    }
  }
}
