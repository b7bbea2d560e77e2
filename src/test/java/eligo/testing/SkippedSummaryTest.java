package eligo.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkippedSummaryTest {
  @TempDir Path tmp;

  @Test
  void saysWhichTestsOfAnotherBuildWereSkippedForWantOfSomething() throws Exception {
    String needs = "needs the shared conformance data (no conformance/ in &quot;/x&quot; &amp; y)";
    Files.writeString(
        tmp.resolve("TEST-a.xml"),
        "<testsuite><testcase name=\"one\"><skipped message=\""
            + needs
            + "\"/></testcase><testcase name=\"two\"><skipped message=\""
            + needs
            + "\"/></testcase><testcase name=\"three\"><skipped message=\"disabled by hand\"/>"
            + "</testcase></testsuite>");
    Files.writeString(tmp.resolve("a.txt"), "<skipped message=\"needs nothing\"/>");
    // surefire's other form: no message attribute, the exception's first line in the text
    Files.writeString(
        tmp.resolve("TEST-b.xml"),
        "<testsuite><testcase name=\"c\"><skipped type=\"org.opentest4j.TestAbortedException\">"
            + "<![CDATA[org.opentest4j.TestAbortedException: Assumption failed: needs chromium"
            + " (none)\n\tat x.y(Z.java:1)]]></skipped></testcase>"
            + "<testcase name=\"d\"><skipped/></testcase></testsuite>");
    assertThat(run(tmp.toString(), "the Spark module (spark/)"))
        .contains("SKIPPED in the Spark module (spark/), for want of what this machine lacks:")
        .contains("  2 tests: needs the shared conformance data (no conformance/ in \"/x\" & y)")
        .contains("  1 test: needs chromium (none)")
        .doesNotContain("disabled by hand")
        .doesNotContain("needs nothing");
    assertThat(run(tmp.resolve("none").toString(), "x")).isEmpty();
    Files.delete(tmp.resolve("TEST-a.xml"));
    Files.delete(tmp.resolve("TEST-b.xml"));
    assertThat(run(tmp.toString(), "x")).isEmpty();
  }

  private static String run(String dir, String what) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      SkippedSummary.main(new String[] {dir, what});
    } finally {
      System.setOut(old);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
