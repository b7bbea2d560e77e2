package eligo.editor;

import eligo.editor.Completion.Kind;
import eligo.lang.antlr.CasesLexer;
import eligo.lang.antlr.CriteriaLexer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;

/**
 * Completion proposals: in a criteria file, the names in scope at the cursor, the built-in measures
 * and months, the keywords and (with a data folder) the workload names of its workloads.csv; in a
 * case file, its keywords and the areas of the criteria beside it.
 */
final class Completions {
  private Completions() {}

  static List<Completion> inCriteria(
      Workspace workspace, Path file, int line, int column, Path data) {
    Scopes scopes = Scopes.of(workspace, file);
    Token t = scopes.tokens().at(line, column);
    boolean inString =
        t != null
            && (t.getType() == CriteriaLexer.STRING
                || t.getType() == CriteriaLexer.UNTERMINATED_STRING)
            && column > t.getCharPositionInLine() + 1;
    List<Completion> out = new ArrayList<>();
    if (inString) {
      for (String w : workloads(data)) {
        out.add(new Completion(w, Kind.WORKLOAD, "workload of workloads.csv"));
      }
      return out;
    }
    for (Scopes.Entry e : scopes.visible(line, column)) {
      out.add(new Completion(e.name(), Kind.NAME, e.what()));
    }
    Builtins.MEASURES.forEach(
        (w, meaning) -> out.add(new Completion(w, Kind.MEASURE, "measure of usage.csv")));
    Builtins.NAMES.forEach((w, meaning) -> out.add(new Completion(w, Kind.BUILTIN, "built in")));
    for (String k : SourceTokens.keywords()) {
      out.add(new Completion(k, Kind.KEYWORD, "keyword"));
    }
    for (String w : workloads(data)) {
      out.add(new Completion("\"" + w + "\"", Kind.WORKLOAD, "workload of workloads.csv"));
    }
    return out;
  }

  static List<Completion> inCases(Workspace workspace, Path file) {
    List<Completion> out = new ArrayList<>();
    for (String a : Navigation.areaIds(workspace, file)) {
      out.add(new Completion(a, Kind.AREA, "area"));
    }
    Vocabulary v = CasesLexer.VOCABULARY;
    for (int i = 1; i <= v.getMaxTokenType(); i++) {
      String literal = v.getLiteralName(i);
      if (literal != null && Character.isLetter(literal.charAt(1))) {
        out.add(
            new Completion(literal.substring(1, literal.length() - 1), Kind.KEYWORD, "keyword"));
      }
    }
    return out;
  }

  private static List<String> workloads(Path data) {
    return List.copyOf(new java.util.TreeSet<>(Catalog.of(data).workloads()));
  }
}
