package eligo.report;

import java.util.List;

/**
 * The by-customer view: every area and node of one customer with its status, its criteria text, its
 * value for people and, when not met or not evaluated, why. Built by {@link Explainer}.
 *
 * @param asOf the as-of month, {@code YYYY-MM}
 */
public record CustomerView(
    String partnerId, String customerId, String customerName, String asOf, List<Area> areas) {
  public CustomerView {
    areas = List.copyOf(areas);
  }

  public record Area(String id, String title, List<Node> nodes) {
    public Area {
      nodes = List.copyOf(nodes);
    }
  }

  /**
   * One result node.
   *
   * @param kind {@code gate}, {@code metric} or {@code leaf}
   * @param status {@code met}, {@code not_met} or {@code not_evaluated} (as in the results file)
   * @param value the plain value of the results file; null when not evaluated
   * @param current the value for people ({@code $12,345.67}, {@code 3 tenants}, {@code -33.3%
   *     ($1,000.00/$1,499.99)}); empty when not evaluated
   * @param why the deciding facts in words when not met or not evaluated; null when met
   * @param detailsBy {@code tenant} or {@code workload} when the node has details rows, else null
   * @param details the rows shown: per tenant or workload, or for a count of association types, one
   *     per association that counts
   * @param detailsLeftOut how many rows were left out of {@code details} to keep it short (0 when
   *     none)
   */
  public record Node(
      String id,
      String kind,
      String title,
      String criteria,
      String status,
      String value,
      String current,
      String why,
      String detailsBy,
      List<Detail> details,
      int detailsLeftOut) {
    public Node {
      details = List.copyOf(details);
    }
  }

  /**
   * A details row: a tenant or workload and what it had at M ({@code now}) and, for net values, at
   * M-12 ({@code yearEarlier}, else null); for a row of an association that counts, that
   * association ({@code association}, else null).
   */
  public record Detail(String key, String now, String yearEarlier, Association association) {
    public Detail(String key, String now, String yearEarlier) {
      this(key, now, yearEarlier, null);
    }
  }

  /**
   * An association that counts toward a node: its tenant id, workload, type, and months ({@code
   * YYYY-MM}) from {@code from} to {@code to} (null: open).
   */
  public record Association(String tenant, String workload, String type, String from, String to) {}
}
