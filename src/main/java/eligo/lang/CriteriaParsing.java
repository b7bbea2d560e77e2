package eligo.lang;

import eligo.lang.antlr.CriteriaLexer;
import eligo.lang.antlr.CriteriaParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

/**
 * Parses one criteria file into an {@link Ast.CriteriaFile} and its syntax diagnostics. Lexer
 * and parser errors become diagnostics in plain words ({@link SyntaxErrors}); nothing is printed
 * and nothing is thrown.
 */
public final class CriteriaParsing {
  private CriteriaParsing() {}

  /** The AST (possibly with holes where the syntax was broken) and the syntax diagnostics. */
  public record Result(Ast.CriteriaFile file, List<Diagnostic> diagnostics) {}

  public static Result parse(SourceFile source) {
    CriteriaLexer lexer = new CriteriaLexer(CharStreams.fromString(source.text(), source.name()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    List<Diagnostic> lexical = new ArrayList<>();
    SyntaxErrors.lexical(source, tokens.getTokens(), lexer.getVocabulary(), lexical);
    SyntaxErrors.braces(source, tokens.getTokens(), lexer.getVocabulary(), CriteriaParsing::opener, lexical);
    CriteriaParser parser = new CriteriaParser(tokens);
    parser.removeErrorListeners();
    List<Diagnostic> syntax = new ArrayList<>();
    parser.addErrorListener(SyntaxErrors.collector(source, syntax));
    CriteriaParser.FileContext tree = parser.file();
    Ast.CriteriaFile file = new AstBuilder(source).file(tree);
    return new Result(file, SyntaxErrors.tidy(lexical, syntax));
  }

  /** "area 'azure'", "gate 'workloads'", or "this block". */
  private static String opener(List<Token> tokens, Token brace) {
    int i = brace.getTokenIndex() - 1;
    String name = null;
    while (i >= 0) {
      Token t = tokens.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        i--;
        continue;
      }
      switch (t.getType()) {
        case CriteriaLexer.ID:
          name = t.getText();
          break;
        case CriteriaLexer.AREA:
        case CriteriaLexer.GATE:
        case CriteriaLexer.METRIC:
        case CriteriaLexer.BRANCH:
        case CriteriaLexer.TEMPLATE:
        case CriteriaLexer.LEAF:
          return t.getText() + (name == null ? "" : " '" + name + "'");
        case CriteriaLexer.LBRACE:
        case CriteriaLexer.RBRACE:
          return "this block";
        default:
          break;
      }
      i--;
    }
    return "this block";
  }
}
