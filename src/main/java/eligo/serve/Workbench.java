package eligo.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eligo.cases.CaseFile;
import eligo.cases.CaseParsing;
import eligo.cases.CaseReport;
import eligo.cases.CaseRunner;
import eligo.cases.CaseSuite;
import eligo.check.Frontend;
import eligo.diff.Impact;
import eligo.diff.ImpactReport;
import eligo.editor.Problem;
import eligo.editor.Problems;
import eligo.engine.CriteriaFailure;
import eligo.engine.Eligo;
import eligo.engine.Engine;
import eligo.engine.EngineFailure;
import eligo.engine.Outcome;
import eligo.ir.Ir;
import eligo.lang.Diagnostic;
import eligo.lang.SourceFile;
import eligo.report.Explainer;
import eligo.report.JsonReport;
import eligo.report.TreeReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The staff's criteria workbench over {@link Served}: each call takes the edited files (the rest as
 * saved) and answers a plain value for JSON. Diagnostics come from the compiler and the language
 * service's {@link Problems}, the cases from {@link CaseRunner}, the impact from {@link Impact}.
 */
final class Workbench {
  private final Served served;

  Workbench(Served served) {
    this.served = served;
  }

  /** The edited criteria have errors: a 422 with the diagnostics. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    final List<Map<String, Object>> diagnostics;

    Invalid(List<Map<String, Object>> diagnostics) {
      this("the edited criteria have errors", diagnostics);
    }

    Invalid(String message, List<Map<String, Object>> diagnostics) {
      super(message, null, false, false);
      this.diagnostics = diagnostics;
    }
  }

  /**
   * {@code {"diagnostics": [...]}}: the compiler's diagnostics of every criteria file (checked
   * together and against the loaded data's names) and of every case file given, in file and line
   * order.
   */
  Map<String, Object> check(Map<String, String> edits) {
    Map<String, String> files = served.withEdits(edits);
    Frontend.Compilation c = Served.compile(files);
    List<Problem> problems = new ArrayList<>(problems(c));
    for (Map.Entry<String, String> e : edits.entrySet()) {
      if (!CriteriaFolder.isCriteria(e.getKey())) {
        problems.addAll(Problems.ofCases(new SourceFile(e.getKey(), e.getValue())));
      }
    }
    return Map.of("diagnostics", json(problems));
  }

  private List<Problem> problems(Frontend.Compilation c) {
    if (!c.ok()) {
      return Problems.of(c);
    }
    List<Diagnostic> againstData;
    try {
      againstData = Eligo.bindToData(c, served.current().loaded);
    } catch (CriteriaFailure f) {
      againstData = f.diagnostics();
    }
    return Problems.of(c, againstData);
  }

  static List<Map<String, Object>> json(List<Problem> problems) {
    List<Map<String, Object>> out = new ArrayList<>();
    problems.stream()
        .sorted(
            Comparator.comparing(Problem::file)
                .thenComparingInt(p -> p.range().startLine())
                .thenComparingInt(p -> p.range().startColumn()))
        .forEach(
            p -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("file", p.file());
              m.put("line", p.range().startLine());
              m.put("column", p.range().startColumn());
              m.put("endLine", p.range().endLine());
              m.put("endColumn", p.range().endColumn());
              m.put("severity", p.severity().label());
              m.put("message", p.message());
              m.put("code", p.code());
              out.add(m);
            });
    return out;
  }

  /** The edited criteria compiled, or {@link Invalid} with their errors. */
  private Frontend.Compilation compiled(Map<String, String> files) throws Invalid {
    Frontend.Compilation c = Served.compile(files);
    List<Problem> problems = problems(c);
    if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
      throw new Invalid(json(problems));
    }
    return c;
  }

  private Outcome edited(Map<String, String> files) throws Invalid, EngineFailure {
    return served.evaluate(files, compiled(files));
  }

  /** Customers listed (and explained) in an impact unless the request asks for another number. */
  static final int LISTED = 50;

  /**
   * The {@code diff --format json} document of the saved criteria against the edited ones, its
   * customer list cut to the first {@code listAtMost} customers that changed, with two more fields:
   * {@code customersChanged} (all of them) and {@code customersListed}.
   */
  String impact(Map<String, String> edits, int listAtMost) throws Invalid, EngineFailure {
    Map<String, String> files = served.withEdits(edits);
    Outcome before = served.current().outcome;
    Outcome after = edited(files);
    Impact.Listed listed =
        Impact.compare(
            "saved criteria", "edited criteria", "loaded data", before, after, listAtMost);
    ObjectNode doc;
    try {
      doc = (ObjectNode) Exchange.JSON.readTree(ImpactReport.json(listed.impact()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    doc.put("customersChanged", listed.customersChanged());
    doc.put("customersListed", listed.impact().customers().size());
    try {
      return Exchange.JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One customer under the saved and the edited criteria: {@code {"saved": explain document,
   * "edited": explain document}}.
   */
  String explain(Map<String, String> edits, String customer) throws Invalid, EngineFailure {
    Map<String, String> files = served.withEdits(edits);
    Outcome before = served.current().outcome;
    int c = indexOf(before, customer);
    Outcome after = edited(files);
    return "{\"saved\": "
        + JsonReport.customer(new Explainer(before).explain(c)).strip()
        + ",\n\"edited\": "
        + JsonReport.customer(new Explainer(after).explain(c)).strip()
        + "}\n";
  }

  static int indexOf(Outcome o, String customer) {
    for (int c = 0; c < o.data.customerCount(); c++) {
      if (o.data.customerId(c).equals(customer)) {
        return c;
      }
    }
    throw new HttpError(404, "no customer has this id");
  }

  /**
   * The tree of an area under the saved and the edited criteria, each node with its pass / fail /
   * not evaluated counts on the loaded data: {@code {"area", "saved", "edited"}} (a side is null
   * where the version has no such area).
   */
  Map<String, Object> tree(Map<String, String> edits, String area) throws Invalid, EngineFailure {
    Map<String, String> files = served.withEdits(edits);
    Outcome before = served.current().outcome;
    Outcome after = edited(files);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("area", area);
    m.put("saved", treeText(before, area));
    m.put("edited", treeText(after, area));
    if (m.get("saved") == null && m.get("edited") == null) {
      throw new HttpError(404, "no area has this id");
    }
    return m;
  }

  private static String treeText(Outcome o, String area) {
    Outcome.AreaOutcome a = o.area(area);
    return a == null ? null : TreeReport.text(a.area, o);
  }

  /** The areas of the edited criteria: the areas the pages offer for the tree. */
  static List<String> areas(Ir.Program p) {
    return p.areas().stream().map(Ir.Area::id).distinct().toList();
  }

  /**
   * Every case of the (edited) case files run against the edited criteria, and the coverage of the
   * criteria's nodes: {@code {"passed", "failed", "results": [{"file", "case", "passed",
   * "verdict"}], "coverage"}}; diagnostics of the case files instead when they have errors.
   */
  Map<String, Object> cases(Map<String, String> edits) throws Invalid {
    Map<String, String> files = served.withEdits(edits);
    Frontend.Compilation c = compiled(files);
    CaseRunner runner = new CaseRunner(c, Engine.generated);
    List<CaseFile> caseFiles = new ArrayList<>();
    List<Diagnostic> parsed = new ArrayList<>();
    for (Map.Entry<String, String> f : files.entrySet()) {
      if (!CriteriaFolder.isCriteria(f.getKey())) {
        CaseParsing.Result r = CaseParsing.parse(new SourceFile(f.getKey(), f.getValue()));
        caseFiles.add(r.file());
        parsed.addAll(r.diagnostics());
      }
    }
    CaseSuite suite = CaseSuite.prepare(runner, caseFiles, parsed, name -> true);
    if (suite.hasErrors()) {
      List<Problem> problems = new ArrayList<>();
      for (Diagnostic d : suite.problems()) {
        problems.add(Problems.ofCase(d, !parsed.contains(d)));
      }
      throw new Invalid(json(problems));
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    CaseSuite.Ran ran =
        suite.run(
            r -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("file", r.c().span().file().name());
              row.put("case", r.c().name());
              row.put("passed", r.passed());
              row.put("verdict", CaseReport.verdict(r));
              rows.add(row);
            });
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("passed", ran.passed());
    m.put("failed", ran.failed());
    m.put("results", rows);
    m.put("coverage", ran.coverage().table());
    return m;
  }
}
