package eligo.editor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eligo.cases.CaseParsing;
import eligo.cases.CaseRunner;
import eligo.cases.CaseSuite;
import eligo.check.Frontend;
import eligo.engine.Engine;
import eligo.lang.CriteriaParsing;
import eligo.lang.Diagnostic;
import eligo.lang.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Diagnostics as {@link Problem}s: of a criteria folder (open documents overriding the disk), of a
 * case file, and of a compilation; and their JSON form ({@code eligo check --format json}).
 *
 * <p>Codes: {@code syntax} (the parser), {@code encoding} (not UTF-8 text), {@code unknown-name},
 * {@code duplicate}, {@code unused} (a declaration never used), {@code check} (any other error of
 * the checker) and {@code lint} (any other warning).
 */
public final class Problems {
  private Problems() {}

  /**
   * The problems of every criteria file in {@code folder}, by display name: every file has an
   * entry, empty when it has none (so that an editor clears what it showed before).
   */
  public static Map<String, List<Problem>> ofFolder(Workspace workspace, Path folder) {
    Map<String, String> texts = workspace.criteriaTexts(folder);
    Frontend.Compilation c = Frontend.compile(texts);
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    for (String name : texts.keySet()) {
      byFile.put(name, new ArrayList<>());
    }
    for (Problem p : of(c)) {
      byFile.computeIfAbsent(p.file(), k -> new ArrayList<>()).add(p);
    }
    return byFile;
  }

  /** The problems of a case file: its syntax and what its parser checks. */
  public static List<Problem> ofCases(SourceFile source) {
    List<Problem> out = new ArrayList<>();
    for (Diagnostic d : CaseParsing.parse(source).diagnostics()) {
      out.add(ofCase(d, false));
    }
    return out;
  }

  /**
   * A diagnostic of a case file with its code: {@code case} when preparing a case against the
   * criteria found it, else {@code unknown-name} or {@code syntax} (its parser's).
   */
  public static Problem ofCase(Diagnostic d, boolean prepared) {
    return Problem.of(
        d, prepared ? "case" : d.message().startsWith("unknown") ? "unknown-name" : "syntax");
  }

  /**
   * The problems of a case file: its own ({@link #ofCases(SourceFile)}) and, when it has no error
   * of its own and {@code criteria} compiled, those of preparing each case against the criteria
   * (code {@code case}): an area, node, customer or partner that does not exist, a subject of the
   * wrong kind, rows of months no node reads; what {@code eligo test} says before it runs a case,
   * each once ({@link CaseSuite}).
   */
  public static List<Problem> ofCases(SourceFile source, Frontend.Compilation criteria) {
    CaseParsing.Result parsed = CaseParsing.parse(source);
    List<Problem> out = new ArrayList<>();
    for (Diagnostic d : parsed.diagnostics()) {
      out.add(ofCase(d, false));
    }
    if (criteria == null
        || !criteria.ok()
        || out.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
      return out;
    }
    CaseSuite suite =
        CaseSuite.prepare(
            new CaseRunner(criteria, Engine.generated),
            List.of(parsed.file()),
            parsed.diagnostics(),
            name -> true);
    for (Diagnostic d : suite.problems()) {
      if (d.span().file().name().equals(source.name()) && !parsed.diagnostics().contains(d)) {
        out.add(ofCase(d, true));
      }
    }
    return out;
  }

  /**
   * Every diagnostic of a compilation with its code, and those of holding it against a dataset
   * (code {@code data}), in reading order.
   */
  public static List<Problem> of(Frontend.Compilation c, List<Diagnostic> againstData) {
    List<Problem> out = new ArrayList<>(of(c));
    for (Diagnostic d : againstData) {
      out.add(Problem.of(d, "data"));
    }
    out.sort(
        java.util.Comparator.comparing((Problem p) -> p.file())
            .thenComparingInt(p -> p.range().startLine())
            .thenComparingInt(p -> p.range().startColumn()));
    return out;
  }

  /** Every diagnostic of a compilation with its code, in reading order. */
  public static List<Problem> of(Frontend.Compilation c) {
    return of(c.sources(), c.diagnostics());
  }

  /**
   * Each of {@code diagnostics}, of criteria files that failed to compile, with its code, as {@link
   * #of(Frontend.Compilation)} gives it.
   */
  public static List<Problem> of(List<Diagnostic> diagnostics) {
    Set<SourceFile> sources = new java.util.LinkedHashSet<>();
    diagnostics.forEach(d -> sources.add(d.span().file()));
    return of(List.copyOf(sources), diagnostics);
  }

  private static List<Problem> of(List<SourceFile> sources, List<Diagnostic> diagnostics) {
    Set<String> syntax = new HashSet<>();
    for (SourceFile s : sources) {
      for (Diagnostic d : CriteriaParsing.parse(s).diagnostics()) {
        syntax.add(key(d));
      }
    }
    List<Problem> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      out.add(Problem.of(d, syntax.contains(key(d)) ? "syntax" : code(d)));
    }
    return out;
  }

  private static String key(Diagnostic d) {
    return d.span().where() + " " + d.message();
  }

  private static String code(Diagnostic d) {
    String m = d.message();
    if (m.contains("not valid UTF-8")) {
      return "encoding";
    }
    if (m.startsWith("unknown ") || m.startsWith("cannot find the imported file")) {
      return "unknown-name";
    }
    if (m.contains("twice") || m.contains("already")) {
      return "duplicate";
    }
    if (!d.isError() && m.contains("never used")) {
      return "unused";
    }
    return d.isError() ? "check" : "lint";
  }

  /**
   * JSON: {@code {"problems": [{"file", "line", "column", "endLine", "endColumn", "severity",
   * "message", "code"}], "errors": n, "warnings": n}}, lines and columns 1-based, the end
   * exclusive.
   */
  public static String toJson(List<Problem> problems) {
    List<Map<String, Object>> list = new ArrayList<>();
    int errors = 0;
    for (Problem p : problems) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", p.file());
      m.put("line", p.range().startLine());
      m.put("column", p.range().startColumn());
      m.put("endLine", p.range().endLine());
      m.put("endColumn", p.range().endColumn());
      m.put("severity", p.severity().label());
      m.put("message", p.message());
      m.put("code", p.code());
      list.add(m);
      errors += p.severity() == Problem.Severity.ERROR ? 1 : 0;
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("problems", list);
    root.put("errors", errors);
    root.put("warnings", problems.size() - errors);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
