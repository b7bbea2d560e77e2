package eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code eligo test --format json|junit}: the same run as the text, for tools: every case with its
 * file and line, a failed one with the text {@code eligo test} prints, the exit status unchanged;
 * case names are data, never markup.
 */
class TestFormatsTest {
  @TempDir Path tmp;

  /** WRONG's failing case renamed to hold markup, a quote and a control character. */
  private Path wrongCases() throws Exception {
    Path file = tmp.resolve("wrong.cases");
    Files.writeString(
        file,
        TestCommandTest.WRONG.replace("case \"wrong\"", "case \"wrong <b>&amp; \u0001 'it'\""),
        StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void jsonHoldsEveryCaseItsPlaceAndTheFailureText() throws Exception {
    Path file = wrongCases();
    TestCommandTest.Run r =
        TestCommandTest.eligo("test", "--engine", "interpret", "--format", "json", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.TESTS_FAILED);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("passed").asInt()).isEqualTo(1);
    assertThat(root.get("failed").asInt()).isEqualTo(1);
    assertThat(root.get("engine").asText()).isEqualTo("interpret engine");
    JsonNode wrong = root.get("cases").get(1);
    assertThat(wrong.get("name").asText()).isEqualTo("wrong <b>&amp; \u0001 'it'");
    assertThat(wrong.get("file").asText()).isEqualTo(file.toString());
    assertThat(wrong.get("line").asInt()).isEqualTo(14);
    assertThat(wrong.get("passed").asBoolean()).isFalse();
    // the text eligo test prints under FAIL
    String text = TestCommandTest.eligo("test", "--engine", "interpret", file.toString()).out();
    assertThat(text).contains(wrong.get("failure").asText().replace("\n    ", "\n      "));
    assertThat(root.get("cases").get(0).has("failure")).isFalse();
    // the coverage the text's table ends with ("all  N of M nodes ...  X of Y outcomes")
    JsonNode coverage = root.get("coverage");
    assertThat(text)
        .containsPattern(
            "\nall +"
                + coverage.get("nodesCovered").asInt()
                + " of "
                + coverage.get("nodes").asInt()
                + " .* "
                + coverage.get("outcomesCovered").asInt()
                + " of "
                + coverage.get("outcomes").asInt()
                + " ");
    assertThat(coverage.get("rows")).hasSize(coverage.get("nodes").asInt());
  }

  @Test
  void junitIsXmlACiServerReadsWithTheFailureAndItsMessage() throws Exception {
    Path file = wrongCases();
    TestCommandTest.Run r =
        TestCommandTest.eligo(
            "test", "--engine", "interpret", "--format", "junit", file.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.TESTS_FAILED);
    Document d =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    Element suites = d.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    assertThat(suites.getAttribute("tests")).isEqualTo("2");
    assertThat(suites.getAttribute("failures")).isEqualTo("1");
    NodeList cases = d.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(2);
    Element wrong = (Element) cases.item(1);
    // the control character, which XML cannot hold, as \u0001; the markup as text
    assertThat(wrong.getAttribute("name")).isEqualTo("wrong <b>&amp; \\u0001 'it'");
    assertThat(wrong.getAttribute("classname")).isEqualTo(file.toString());
    assertThat(wrong.getAttribute("line")).isEqualTo("14");
    Element failure = (Element) wrong.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .endsWith(":24:3: expect azure net-customer-adds met 1 for C1");
    assertThat(failure.getTextContent()).contains("expected  met 1", "actual    not_met 0");
    assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void aPassingRunExitsZeroAndACoverageBarIsStillHeld() throws Exception {
    TestCommandTest.Run pass = TestCommandTest.eligo("test", "--format", "junit");
    assertThat(pass.code()).isZero();
    assertThat(pass.out()).startsWith("<?xml").contains("failures=\"0\"");
    Path file = tmp.resolve("right.cases");
    Files.writeString(
        file, TestCommandTest.WRONG.substring(0, TestCommandTest.WRONG.indexOf("case \"wrong\"")));
    TestCommandTest.Run low =
        TestCommandTest.eligo("test", "--format", "json", "--min-coverage", "90", file.toString());
    assertThat(low.code()).isEqualTo(ExitCodes.TESTS_FAILED);
    assertThat(new ObjectMapper().readTree(low.out()).get("failed").asInt()).isZero();
    assertThat(low.err()).contains("is below --min-coverage 90%");
  }
}
