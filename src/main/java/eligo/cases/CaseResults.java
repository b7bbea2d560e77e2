package eligo.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The results of {@code eligo test} for tools: JSON (as {@code opa test --format json}) and JUnit
 * XML (the report CI servers read). Both hold every case run, in order, with its file and line, and
 * for a failed case the same text {@code eligo test} prints ({@link CaseReport#failure}). Case
 * names and texts are data: written through Jackson and the JDK's XML writer, characters XML cannot
 * hold shown as {@code \}{@code uXXXX}.
 */
public final class CaseResults {
  private CaseResults() {}

  /** The run as JSON: the cases, the counts, the engine and the coverage per node. */
  public static String json(CaseSuite.Ran ran, int leftOut, String engine) {
    List<Map<String, Object>> cases = new ArrayList<>();
    for (CaseRunner.Result r : ran.results()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", r.c().span().file().name());
      m.put("line", r.c().span().line());
      m.put("name", r.c().name());
      m.put("passed", r.passed());
      if (!r.passed()) {
        m.put("failure", CaseReport.failure(r));
      }
      cases.add(m);
    }
    Coverage c = ran.coverage();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Coverage.Row row : c.rows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("area", row.area());
      m.put("node", row.node());
      m.put("partner", row.partner());
      for (Status s : Status.values()) {
        m.put(s.text(), row.possible().contains(s) ? row.count(s) : null);
      }
      m.put("failedChecks", row.failed());
      rows.add(m);
    }
    Map<String, Object> coverage = new LinkedHashMap<>();
    coverage.put("percent", c.percent());
    coverage.put("nodes", c.nodes());
    coverage.put("nodesCovered", c.nodesCovered());
    coverage.put("outcomes", c.outcomes());
    coverage.put("outcomesCovered", c.outcomesCovered());
    coverage.put("rows", rows);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("cases", cases);
    root.put("passed", ran.passed());
    root.put("failed", ran.failed());
    root.put("leftOut", leftOut);
    root.put("engine", engine);
    root.put("coverage", coverage);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The run as JUnit XML: a {@code testsuite} per case file (in the order first run), a {@code
   * testcase} per case (classname the file, name the case's name), a failed one with a {@code
   * failure} whose message is its first failed expectation and whose text is all of it.
   */
  public static String junit(CaseSuite.Ran ran) {
    Map<String, List<CaseRunner.Result>> byFile = new LinkedHashMap<>();
    for (CaseRunner.Result r : ran.results()) {
      byFile.computeIfAbsent(r.c().span().file().name(), f -> new ArrayList<>()).add(r);
    }
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "eligo test");
      x.writeAttribute("tests", Integer.toString(ran.results().size()));
      x.writeAttribute("failures", Integer.toString(ran.failed()));
      x.writeCharacters("\n");
      for (Map.Entry<String, List<CaseRunner.Result>> e : byFile.entrySet()) {
        long failed = e.getValue().stream().filter(r -> !r.passed()).count();
        x.writeStartElement("testsuite");
        x.writeAttribute("name", xml(e.getKey()));
        x.writeAttribute("tests", Integer.toString(e.getValue().size()));
        x.writeAttribute("failures", Long.toString(failed));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", "0");
        x.writeCharacters("\n");
        for (CaseRunner.Result r : e.getValue()) {
          x.writeStartElement("testcase");
          x.writeAttribute("classname", xml(e.getKey()));
          x.writeAttribute("name", xml(r.c().name()));
          x.writeAttribute("file", xml(e.getKey()));
          x.writeAttribute("line", Integer.toString(r.c().span().line()));
          if (!r.passed()) {
            String failure = CaseReport.failure(r);
            x.writeStartElement("failure");
            x.writeAttribute("message", xml(firstFailure(failure)));
            x.writeCharacters(xml(failure));
            x.writeEndElement();
          }
          x.writeEndElement();
          x.writeCharacters("\n");
        }
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }

  /** The line of a failure text that says what failed: the first after the case's intent. */
  private static String firstFailure(String failure) {
    String[] lines = failure.split("\n");
    return (lines.length > 1 ? lines[1] : lines[0]).strip();
  }

  /**
   * A text as XML 1.0 can hold it: a character it cannot (most control characters, a lone
   * surrogate) as {@code \}{@code uXXXX}.
   */
  static String xml(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      boolean ok =
          ch == '\t'
              || ch == '\n'
              || ch == '\r'
              || (ch >= 0x20 && ch < 0xD800)
              || (ch >= 0xE000 && ch <= 0xFFFD)
              || (Character.isHighSurrogate(ch)
                  && i + 1 < s.length()
                  && Character.isLowSurrogate(s.charAt(i + 1)))
              || (Character.isLowSurrogate(ch)
                  && i > 0
                  && Character.isHighSurrogate(s.charAt(i - 1)));
      if (!ok && sb == null) {
        sb = new StringBuilder(s.substring(0, i));
      }
      if (sb != null) {
        if (ok) {
          sb.append(ch);
        } else {
          sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) ch));
        }
      }
    }
    return sb == null ? s : sb.toString();
  }
}
