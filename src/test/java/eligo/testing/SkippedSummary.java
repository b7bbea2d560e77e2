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
    print("SKIPPED, for want of what this machine lacks:", skipped);
  }

  /**
   * The same block for tests run in another build: {@code args[0]} a folder of surefire XML
   * reports, {@code args[1]} what ran them. {@code mvn verify} runs it on the Spark module's
   * reports (its tests run under maven-invoker, whose log the console does not show).
   */
  public static void main(String[] args) throws java.io.IOException {
    java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
    if (!java.nio.file.Files.isDirectory(dir)) {
      return;
    }
    Map<String, Integer> found = new TreeMap<>();
    java.util.regex.Pattern skip =
        java.util.regex.Pattern.compile(
            "<skipped(?: message=\"([^\"]*)\")?[^>]*>(?:<!\\[CDATA\\[([^\n]*))?");
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path f : files.sorted().toList()) {
        if (!f.getFileName().toString().endsWith(".xml")) {
          continue;
        }
        java.util.regex.Matcher m = skip.matcher(java.nio.file.Files.readString(f));
        while (m.find()) {
          // surefire writes the reason as the attribute, or as the first line of the exception
          String reason =
              m.group(1) != null
                  ? unescape(m.group(1))
                  : m.group(2) == null
                      ? ""
                      : m.group(2)
                          .replaceFirst("^[\\w.$]+: ", "")
                          .replaceFirst("^Assumption failed: ", "");
          if (reason.startsWith(NeedsCondition.PREFIX)) {
            found.merge(reason, 1, Integer::sum);
          }
        }
      }
    }
    print("SKIPPED in " + args[1] + ", for want of what this machine lacks:", found);
  }

  private static String unescape(String xml) {
    return xml.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static void print(String title, Map<String, Integer> skipped) {
    if (skipped.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder("\n" + title + "\n");
    skipped.forEach(
        (reason, n) -> sb.append(String.format("  %d test%s: %s%n", n, n == 1 ? "" : "s", reason)));
    sb.append("  CI installs all of it and runs every test (.ci/run sets ")
        .append(Requirement.REQUIRE_ALL)
        .append("=1, which turns a missing requirement into a failure).\n");
    System.out.print(sb);
    System.out.flush();
  }
}
