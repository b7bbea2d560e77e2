package eligo.editor;

import eligo.editor.Completion.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Completion proposals, by where the cursor stands ({@link CompletionPlace}): in a criteria file's
 * expression, the names in scope, the built-in measures and months, the words of expressions and
 * (with a data folder) the workload names of its workloads.csv; at the start of a line, the words
 * that start a statement in that block; after a word only a few words follow, those; in a quoted
 * text, workload names; after '{' in a criteria text, what a text can show; in a comment or where a
 * new name is written, nothing. In a case file, {@link CaseCompletions}.
 */
final class Completions {
  private Completions() {}

  /** The words that start a statement at the top of a file. */
  private static final List<String> TOP =
      List.of(
          "import",
          "workloads",
          "types",
          "association type",
          "table",
          "measure",
          "band",
          "define",
          "attribute",
          "template",
          "area");

  /** The declarations an area, a template or a branch may hold. */
  private static final List<String> DECLARATIONS =
      List.of("workloads", "types", "association type", "table", "measure", "band", "define");

  /** The lines of a gate, a metric, a leaf, 'partner' and 'each leaf'. */
  private static final List<String> NODE_ITEMS =
      List.of("criteria", "details per", "value", "met when", "partner", "each leaf", "leaf");

  /** The words a line that goes on with the expression of the line before starts with. */
  private static final List<String> CONTINUATIONS =
      List.of("where", "and", "or", "for", "via", "at", "except", "within", "in");

  /** Words that start a statement or a block, never offered inside an expression. */
  private static final java.util.Set<String> NOT_IN_EXPRESSIONS =
      java.util.Set.of(
          "import",
          "association",
          "types",
          "workloads",
          "table",
          "measure",
          "band",
          "define",
          "by",
          "otherwise",
          "template",
          "parameter",
          "leaf",
          "area",
          "from",
          "version",
          "branch",
          "gate",
          "metric",
          "criteria",
          "details",
          "per",
          "partner",
          "each",
          "money",
          "number",
          "attribute",
          "text");

  static List<Completion> inCriteria(
      Workspace workspace, Path file, int line, int column, Path data) {
    Scopes scopes = Scopes.of(workspace, file);
    CompletionPlace place = CompletionPlace.of(scopes.tokens(), line, column);
    List<Completion> out = new ArrayList<>();
    switch (place.kind()) {
      case COMMENT, NEW_NAME -> {}
      case TEXT -> {
        for (String w : workloads(data)) {
          out.add(new Completion(w, Kind.WORKLOAD, "workload of workloads.csv"));
        }
      }
      case TEXT_VALUE -> {
        out.add(new Completion("met", Kind.KEYWORD, "the threshold of 'met when'"));
        for (Scopes.Entry e : scopes.visible(line, column)) {
          if (shownInText(e)) {
            out.add(new Completion(e.name(), Kind.NAME, e.what()));
          }
        }
      }
      case IMPORT_FILE -> {
        Path self = Workspace.normal(file);
        for (String name : workspace.criteriaTexts(self.getParent()).keySet()) {
          Path other = Path.of(name).getFileName();
          if (other != null && !other.equals(self.getFileName())) {
            out.add(new Completion(other.toString(), Kind.NAME, "criteria file of this folder"));
          }
        }
      }
      case STATEMENT -> {
        statementWords(place.block()).forEach(w -> out.add(keyword(w)));
        if (place.continues()) {
          // a line that goes on with the expression before starts with one of these
          CONTINUATIONS.forEach(w -> out.add(keyword(w)));
        }
      }
      case DETAIL_KIND -> words(out, "tenant", "workload");
      case AFTER_DETAILS -> words(out, "per");
      case AFTER_MET -> words(out, "when");
      case AFTER_ASSOCIATION -> words(out, "type");
      case AFTER_EACH -> words(out, "leaf");
      case ATTRIBUTE_OWNER -> words(out, "customer", "tenant");
      case PARAMETER_TYPE ->
          words(out, "money", "count", "number", "band", "types", "workloads", "text");
      case TYPES -> {
        for (Scopes.Entry e : scopes.visible(line, column)) {
          if (e.what().startsWith("association type") || e.what().contains("(types)")) {
            out.add(new Completion(e.name(), Kind.NAME, e.what()));
          }
        }
      }
      case TEMPLATE -> {
        for (Scopes.Entry e : scopes.visible(line, column)) {
          if (e.what().equals("template")) {
            out.add(new Completion(e.name(), Kind.NAME, e.what()));
          }
        }
      }
      case HEADER -> words(out, "from", "version");
      case EXPRESSION -> expression(out, scopes, line, column, data);
    }
    return out;
  }

  private static List<String> statementWords(CompletionPlace.Block block) {
    List<String> words = new ArrayList<>();
    switch (block) {
      case TOP -> words.addAll(TOP);
      case AREA -> {
        words.addAll(DECLARATIONS);
        words.addAll(List.of("branch", "gate", "metric"));
      }
      case BRANCH -> {
        words.addAll(DECLARATIONS);
        words.addAll(List.of("gate", "metric"));
      }
      case TEMPLATE -> {
        words.addAll(List.of("parameter", "leaf parameter"));
        words.addAll(DECLARATIONS);
        words.addAll(List.of("branch", "gate", "metric"));
      }
      case INSTANCE -> words.add("leaf");
      case NODE -> words.addAll(NODE_ITEMS);
      case GATE -> words.addAll(List.of("criteria", "details per", "value", "met when", "partner"));
      case CASES -> words.addAll(List.of("family", "otherwise"));
      case OTHER -> {}
    }
    return words.stream().distinct().toList();
  }

  /** The names in scope, the measures, months and words of an expression, and workload names. */
  private static void expression(
      List<Completion> out, Scopes scopes, int line, int column, Path data) {
    for (Scopes.Entry e : scopes.visible(line, column)) {
      if (!e.what().equals("area") && !e.what().equals("template")) {
        out.add(new Completion(e.name(), Kind.NAME, e.what()));
      }
    }
    Builtins.MEASURES.forEach(
        (w, meaning) -> out.add(new Completion(w, Kind.MEASURE, "measure of usage.csv")));
    Builtins.NAMES.forEach((w, meaning) -> out.add(new Completion(w, Kind.BUILTIN, "built in")));
    for (String k : SourceTokens.keywords()) {
      if (!NOT_IN_EXPRESSIONS.contains(k)) {
        out.add(keyword(k));
      }
    }
    for (String w : workloads(data)) {
      out.add(new Completion("\"" + w + "\"", Kind.WORKLOAD, "workload of workloads.csv"));
    }
  }

  /** A definition whose value is one number, as {@code define qualifying_acr = $1000}. */
  private static final java.util.regex.Pattern NUMBER_DEFINITION =
      java.util.regex.Pattern.compile("define\\s+\\S+\\s*=\\s*\\$?[0-9][0-9.]*%?\\s*(#.*)?");

  /**
   * Whether a name can stand in a criteria text's '{...}' (eligo.check.TextValues): a parameter, a
   * band, a set, or a definition that is a number.
   */
  private static boolean shownInText(Scopes.Entry e) {
    String what = e.what();
    if (what.equals("definition")) {
      return NUMBER_DEFINITION.matcher(e.file().excerpt(e.extent(), 1).strip()).matches();
    }
    return what.startsWith("parameter") && !what.contains(") of ")
        || what.startsWith("leaf parameter")
        || what.equals("band")
        || what.equals("association type set")
        || what.equals("workload set");
  }

  private static Completion keyword(String word) {
    return new Completion(word, Kind.KEYWORD, "keyword");
  }

  private static void words(List<Completion> out, String... words) {
    for (String w : words) {
      out.add(keyword(w));
    }
  }

  private static List<String> workloads(Path data) {
    return List.copyOf(new java.util.TreeSet<>(Catalog.of(data).workloads()));
  }
}
