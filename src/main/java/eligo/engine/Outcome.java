package eligo.engine;

import eligo.data.Dataset;
import eligo.data.NodeResults;
import eligo.ir.Ir;
import java.util.List;

/**
 * Every node's outcome for every customer of one run, and the partner totals. Compact: per area a
 * status byte and a value per (customer, node), and the two compared values per (customer, net
 * node) only. Customers are in dataset order.
 */
public final class Outcome {
  /**
   * One area's outcomes. Index {@code k * nodes + i} for the customer at position k of the results
   * file's order ({@code rank[c]} for customer c), result node i: the evaluation stores and the
   * results file reads them in that order, from one end of the arrays to the other.
   */
  public static final class AreaOutcome {
    public final Ir.Area area;
    public final List<Ir.Node> nodes;
    public final List<Ir.Node> partnerNodes;
    final byte[] status;
    final CompactLongs value;

    /** Per result node: its index among the area's net nodes, or -1. */
    private final int[] netSlot;

    private final int nets;

    /** Index {@code k * nets + netSlot[i]}. */
    final CompactLongs current;

    final CompactLongs baseline;

    /** Per partner index p and partner rule j: {@code p * rules + j}. */
    final long[] partnerTotal;

    final boolean[] partnerMet;

    /** Per customer position k and partner rule j: {@code k * rules + j}. */
    final CompactLongs contribution;

    final boolean[] contributed;

    /** The position of each customer in the results file's order. */
    private final int[] rank;

    /**
     * {@code nodes.size()} and {@code partnerNodes.size()}, read by every accessor: kept as fields,
     * since a call through {@link List} is not inlined under C1, and the report's explainer reads
     * statuses and values for every node of every customer.
     */
    private final int nodeCount;

    private final int ruleCount;

    AreaOutcome(Ir.Area area, int[] rank, int partners) {
      this(area, rank, partners, 0);
    }

    /**
     * With {@code segment} above 0, for a results file written as the customers are evaluated,
     * which reads each value once, in order: the values are held in segments of {@code segment}
     * ints only until {@link Outcome#releaseWritten}, and the compared values (at M and M-12 of net
     * nodes), which the file does not have, not at all. A million customers' outcome then touches
     * 0.4 GB less memory for the first time (dear on a virtual machine).
     */
    AreaOutcome(Ir.Area area, int[] rank, int partners, int segment) {
      boolean streamed = segment > 0;
      this.area = area;
      this.rank = rank;
      int customers = rank.length;
      this.nodes = area.resultNodes();
      this.partnerNodes = area.partnerNodes();
      int n = nodes.size();
      nodeCount = n;
      ruleCount = partnerNodes.size();
      netSlot = new int[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        netSlot[i] = nodes.get(i).isNet() ? k++ : -1;
      }
      nets = k;
      status = new byte[Math.multiplyExact(customers, n)];
      value =
          streamed
              ? CompactLongs.windowed(Math.multiplyExact(customers, n), segment)
              : new CompactLongs(Math.multiplyExact(customers, n));
      current = streamed ? null : new CompactLongs(Math.multiplyExact(customers, nets));
      baseline = streamed ? null : new CompactLongs(customers * nets);
      partnerTotal = new long[partners * partnerNodes.size()];
      partnerMet = new boolean[partners * partnerNodes.size()];
      contribution = new CompactLongs(customers * partnerNodes.size());
      contributed = new boolean[customers * partnerNodes.size()];
    }

    /** Stores the results of the customer at position {@code k} of the order. */
    void storeAt(int k, NodeResults r) {
      int n = nodes.size();
      System.arraycopy(r.status, 0, status, k * n, n);
      for (int i = 0; i < n; i++) {
        value.set(k * n + i, r.value[i]);
        if (netSlot[i] >= 0 && current != null) {
          current.set(k * nets + netSlot[i], r.current[i]);
          baseline.set(k * nets + netSlot[i], r.baseline[i]);
        }
      }
      int rules = partnerNodes.size();
      for (int j = 0; j < rules; j++) {
        contribution.set(k * rules + j, r.partnerContribution[j]);
      }
      System.arraycopy(r.partnerEvaluated, 0, contributed, k * rules, rules);
    }

    /**
     * The customer's contribution to partner rule {@code rule}, or null when the node was not
     * evaluated.
     */
    public Long contribution(int c, int rule) {
      int k = rank[c] * ruleCount + rule;
      return contributed[k] ? contribution.get(k) : null;
    }

    public byte status(int c, int node) {
      return status[rank[c] * nodeCount + node];
    }

    /** {@link #status} of the customer at position {@code k} of the order. */
    byte statusAt(int k, int node) {
      return status[k * nodeCount + node];
    }

    /** {@link #value} of the customer at position {@code k} of the order. */
    long valueAt(int k, int node) {
      return value.get(k * nodeCount + node);
    }

    /**
     * Per result node, how many customers have each status: {@code counts[node][status]}, status
     * being {@link NodeResults#NOT_EVALUATED}, {@link NodeResults#MET} or {@link
     * NodeResults#NOT_MET}. One pass over the statuses in the order they are held.
     */
    public int[][] statusCounts() {
      int n = nodes.size();
      int[][] counts = new int[n][3];
      for (int k = 0; k < status.length; ) {
        for (int i = 0; i < n; i++, k++) {
          counts[i][status[k]]++;
        }
      }
      return counts;
    }

    public long value(int c, int node) {
      return value.get(rank[c] * nodeCount + node);
    }

    /** For a net node: its value at M (unscaled); 0 for other nodes. */
    public long current(int c, int node) {
      return netSlot[node] < 0 ? 0 : compared(current).get(rank[c] * nets + netSlot[node]);
    }

    /** For a net node: its value at M-12 (unscaled); 0 for other nodes. */
    public long baseline(int c, int node) {
      return netSlot[node] < 0 ? 0 : compared(baseline).get(rank[c] * nets + netSlot[node]);
    }

    private static CompactLongs compared(CompactLongs values) {
      if (values == null) {
        throw new IllegalStateException(
            "the compared values were not kept: the outcome was written as evaluated");
      }
      return values;
    }

    /** Releases the values of the customers before position {@code k} of the order. */
    void releaseWritten(int k) {
      value.releaseBelow(k * nodeCount);
    }

    public long partnerTotal(int partner, int rule) {
      return partnerTotal[partner * ruleCount + rule];
    }

    public boolean partnerMet(int partner, int rule) {
      return partnerMet[partner * ruleCount + rule];
    }

    public int nodeIndex(String nodeId) {
      for (int i = 0; i < nodes.size(); i++) {
        if (nodes.get(i).id().equals(nodeId)) {
          return i;
        }
      }
      return -1;
    }
  }

  public final Dataset data;
  public final int asOf;

  /** Distinct partner ids in code point order. */
  public final List<String> partners;

  /** Partner index of each customer. */
  final int[] partnerOf;

  /**
   * The customers in the results file's order: by partner (the order of {@link #partners}), then
   * customer id in code point order.
   */
  final CustomerOrder order;

  public final List<AreaOutcome> areas;

  /**
   * A customer left out of a lenient run because its arithmetic overflowed ({@link
   * Evaluation#run(Ir.Program, java.util.Map, Dataset, int, int, Evaluation.Progress, boolean)}).
   *
   * @param message names the customer, the area and the node with its line
   */
  public record Rejected(String customerId, String area, String message) {}

  /** The customers left out (in the order of the dataset evaluated); empty but in lenient runs. */
  public final List<Rejected> rejected;

  Outcome(
      Dataset data,
      int asOf,
      List<String> partners,
      int[] partnerOf,
      CustomerOrder order,
      List<AreaOutcome> areas) {
    this.data = data;
    this.asOf = asOf;
    this.partners = partners;
    this.partnerOf = partnerOf;
    this.areas = areas;
    this.rejected = List.of();
    this.order = order;
  }

  private Outcome(Outcome o, List<Rejected> rejected) {
    this.data = o.data;
    this.asOf = o.asOf;
    this.partners = o.partners;
    this.partnerOf = o.partnerOf;
    this.areas = o.areas;
    this.order = o.order;
    this.rejected = List.copyOf(rejected);
  }

  /** This outcome, naming {@code rejected} as the customers left out of it. */
  Outcome withRejected(List<Rejected> rejected) {
    return new Outcome(this, rejected);
  }

  /**
   * Releases the values of the customers before position {@code k} of the order, written for good
   * (an outcome {@linkplain AreaOutcome#AreaOutcome(Ir.Area, int[], int, int) streamed}; nothing
   * otherwise).
   */
  void releaseWritten(int k) {
    for (AreaOutcome a : areas) {
      a.releaseWritten(k);
    }
  }

  public int partnerOf(int customer) {
    return partnerOf[customer];
  }

  public AreaOutcome area(String id) {
    for (AreaOutcome a : areas) {
      if (a.area.id().equals(id)) {
        return a;
      }
    }
    return null;
  }
}
