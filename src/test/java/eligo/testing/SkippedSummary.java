package eligo.testing;

import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says once, at the end of a test run, which tests were skipped for want of something this machine
 * lacks (see {@link Needs}), and how to run them. Registered in {@code
 * META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class SkippedSummary implements TestExecutionListener {
  private final Map<String, Integer> skipped = new TreeMap<>();
  private TestPlan plan;

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    plan = testPlan;
    skipped.clear();
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    if (reason != null && reason.startsWith(NeedsCondition.PREFIX)) {
      skipped.merge(reason, plan == null ? 1 : Math.max(1, countTests(test)), Integer::sum);
    }
  }

  private int countTests(TestIdentifier id) {
    if (id.isTest()) {
      return 1;
    }
    int n = 0;
    for (TestIdentifier child : plan.getChildren(id)) {
      n += countTests(child);
    }
    return n;
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {}

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (skipped.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder("\nSKIPPED, for want of what this machine lacks:\n");
    skipped.forEach(
        (reason, n) -> sb.append(String.format("  %d test%s: %s%n", n, n == 1 ? "" : "s", reason)));
    sb.append("  CI installs all of it and runs every test (.ci/run sets ")
        .append(Requirement.REQUIRE_ALL)
        .append("=1, which turns a missing requirement into a failure).\n");
    System.out.print(sb);
    System.out.flush();
  }
}
