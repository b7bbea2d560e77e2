package eligo.cases;

import eligo.cases.CaseFile.Expectation;
import eligo.data.Month;
import eligo.ir.Ir;
import java.math.BigDecimal;

/**
 * The text of case results: a PASS line, or a FAIL line and, per failed expectation, what differs
 * and why.
 */
public final class CaseReport {
  private CaseReport() {}

  private static final String INDENT = "    ";

  /** {@code PASS name}, or {@code FAIL name} followed by {@link #failure}. */
  public static String verdict(CaseRunner.Result r) {
    return r.passed() ? "PASS " + r.c().name() : "FAIL " + r.c().name() + "\n" + failure(r);
  }

  /**
   * Every failed expectation of a case: where it is written, expected against actual status and
   * value, the two sides of a net value, and the node's criteria text and place.
   */
  public static String failure(CaseRunner.Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(INDENT).append("intent: ").append(r.c().intent()).append('\n');
    if (r.error() != null) {
      sb.append(INDENT)
          .append(r.c().span().where())
          .append(": error: ")
          .append(r.error())
          .append('\n');
    }
    for (CaseRunner.Check c : r.checks()) {
      if (c.passed()) {
        continue;
      }
      Expectation e = c.expected();
      sb.append(INDENT).append(e.span().where()).append(": ").append(e.text()).append('\n');
      sb.append(INDENT).append("  expected  ").append(outcome(e.status(), e.value())).append('\n');
      sb.append(INDENT).append("  actual    ").append(outcome(c.status(), c.value()));
      if (c.current() != null) {
        int asOf = r.c().asOf();
        sb.append("  (net: ")
            .append(plain(c.current()))
            .append(" as of ")
            .append(Month.format(asOf))
            .append(" minus ")
            .append(plain(c.baseline()))
            .append(" as of ")
            .append(Month.format(asOf - 12))
            .append(')');
      }
      sb.append('\n');
      Ir.Node n = c.node();
      sb.append(INDENT)
          .append("  node      ")
          .append(c.area())
          .append(' ')
          .append(n.id())
          .append(e.partner() ? " (partner level)" : "")
          .append(": ")
          .append(kind(n))
          .append(" \"")
          .append(n.title())
          .append("\" at ")
          .append(e.partner() ? n.partner().origin() : n.origin())
          .append('\n');
      String criteria = e.partner() ? n.partner().criteria() : n.criteria();
      if (criteria != null && !criteria.isEmpty()) {
        sb.append(INDENT).append("  criteria  ").append(criteria).append('\n');
      }
      if (c.explanation() != null) {
        for (String line : c.explanation()) {
          sb.append(INDENT).append("  ").append(line).append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static String kind(Ir.Node n) {
    return n.kind().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String outcome(Status s, BigDecimal value) {
    return value == null ? s.text() : s.text() + " " + plain(value);
  }

  private static String plain(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
