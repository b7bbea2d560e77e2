package eligo.editor;

import eligo.check.Frontend;
import eligo.editor.Completion.Kind;
import eligo.ir.Ir;
import eligo.lang.antlr.CasesLexer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Completion in a case file, by where the cursor stands on its line (every line of a case is one
 * statement): at a line's start, the words that start one (in a case or before the first); after
 * {@code expect}, the areas of the criteria beside it; after {@code expect AREA}, that area's nodes
 * (partner-level ones after {@code expect partner}); after the node, the outcomes; after a usage
 * row's month, the measures; in a comment or a text, nothing.
 */
final class CaseCompletions {
  private CaseCompletions() {}

  private static final List<String> TOP = List.of("as of", "workloads", "case");

  private static final List<String> IN_CASE =
      List.of(
          "intent", "customer", "tenant", "association", "usage", "expect", "as of", "workloads");

  static List<Completion> at(Workspace workspace, Path file, int line, int column) {
    String text = workspace.source(file).lexed();
    String[] lines = text.split("\n", -1);
    if (line < 1 || line > lines.length) {
      return List.of();
    }
    String prefix = lines[line - 1];
    prefix = prefix.substring(0, prefix.offsetByCodePoints(0, Math.min(column - 1, cps(prefix))));
    List<Token> all = tokens(prefix, true);
    if (!all.isEmpty()) {
      int last = all.get(all.size() - 1).getType();
      if (last == CasesLexer.COMMENT
          || last == CasesLexer.UNTERMINATED_STRING
          || last == CasesLexer.STRING && !prefix.endsWith(" ")) {
        return List.of();
      }
    }
    List<Token> before = tokens(prefix, false);
    if (!before.isEmpty() && !prefix.endsWith(" ") && !prefix.endsWith("\t")) {
      before = before.subList(0, before.size() - 1); // the word being typed
    }
    List<Completion> out = new ArrayList<>();
    if (before.isEmpty()) {
      boolean inCase = depth(lines, line) > 0;
      (inCase ? IN_CASE : TOP).forEach(w -> out.add(keyword(w)));
      return out;
    }
    int first = before.get(0).getType();
    if (first == CasesLexer.EXPECT) {
      boolean partner = before.size() > 1 && before.get(1).getType() == CasesLexer.PARTNER;
      int words = before.size() - 1 - (partner ? 1 : 0);
      Ir.Program program = program(workspace, file);
      if (words == 0) {
        if (!partner) {
          out.add(keyword("partner"));
        }
        for (String a : Navigation.areaIds(workspace, file)) {
          out.add(new Completion(a, Kind.AREA, "area"));
        }
      } else if (words == 1 && program != null) {
        String area = before.get(before.size() - 1).getText();
        for (Ir.Area a : program.areas()) {
          if (a.id().equals(area)) {
            for (Ir.Node n : partner ? a.partnerNodes() : a.resultNodes()) {
              if (out.stream().noneMatch(c -> c.label().equals(n.id()))) {
                out.add(new Completion(n.id(), Kind.NODE, "node of " + area));
              }
            }
          }
        }
      } else if (words == 2) {
        List.of("met", "not_met", "not_evaluated").forEach(w -> out.add(keyword(w)));
      } else if (words >= 3 && before.get(before.size() - 1).getType() == CasesLexer.NUMBER) {
        out.add(keyword("for"));
      }
      return out;
    }
    if (first == CasesLexer.USAGE) {
      int type = before.get(before.size() - 1).getType();
      if (type == CasesLexer.MONTH || type == CasesLexer.NUMBER) {
        Builtins.MEASURES.forEach(
            (w, meaning) -> out.add(new Completion(w, Kind.MEASURE, "measure of usage.csv")));
      }
      return out;
    }
    if (first == CasesLexer.AS && before.size() == 1) {
      out.add(keyword("of"));
    }
    return out;
  }

  /** How many braces are open before a line. */
  private static int depth(String[] lines, int line) {
    int depth = 0;
    for (int i = 0; i < line - 1; i++) {
      for (Token t : tokens(lines[i], false)) {
        if (t.getType() == CasesLexer.LBRACE) {
          depth++;
        } else if (t.getType() == CasesLexer.RBRACE && depth > 0) {
          depth--;
        }
      }
    }
    return depth;
  }

  /** The criteria beside a case file compiled, or null when they do not compile. */
  private static Ir.Program program(Workspace workspace, Path file) {
    Map<String, String> beside = workspace.criteriaTexts(Workspace.normal(file).getParent());
    return beside.isEmpty() ? null : Frontend.compile(beside).program();
  }

  private static List<Token> tokens(String text, boolean hidden) {
    CasesLexer lexer = new CasesLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<Token> out = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (hidden ? t.getType() != CasesLexer.WS : t.getChannel() == Token.DEFAULT_CHANNEL) {
        out.add(t);
      }
    }
    return out;
  }

  private static int cps(String s) {
    return s.codePointCount(0, s.length());
  }

  private static Completion keyword(String word) {
    return new Completion(word, Kind.KEYWORD, "keyword");
  }
}
